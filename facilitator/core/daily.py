"""Looking after the library: today's backup, and a check of the whole file, when they are due.

Both read the whole file, and a library of years grows to tens of megabytes:
they are not done on every open. Today's backup is made on the first open of
the day. The whole file is checked (SQLite's quick_check) then too, since the
backup checks its own copy, and after the app was stopped without closing (a
marker beside the library, ``library.sqlite3-open``, is there from opening to
closing).

``look_after`` works on a connection of its own, so the window can have it done
on another thread after it first appears (ui/daily_care.py); the command line
does it while it opens the library, as before. With the library in WAL mode,
the backup reads a snapshot of the file and no change waits for it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from facilitator.core import backup
from facilitator.core.errors import LibraryUnusable, sqlite_name, why_not_written
from facilitator.i18n import _


@dataclass(frozen=True)
class Care:
    """What is due: today's backup, and a check of the whole file."""

    backup: bool = False
    check: bool = False

    @property
    def due(self) -> bool:
        return self.backup or self.check


def marker(path: Path) -> Path:
    """The file that is beside the library while the app has it open."""
    return path.with_name(path.name + "-open")


def mark_open(path: Path) -> None:
    with contextlib.suppress(OSError):  # a folder that cannot be written: the check is then made each day only
        marker(path).write_text(f"{os.getpid()}\n", "ascii")


def mark_closed(path: Path) -> None:
    with contextlib.suppress(OSError):
        marker(path).unlink(missing_ok=True)


def care_due(path: Path, today: dt.date, created: bool) -> Care:
    """What is due for the library at ``path`` (nothing for one just made: there is nothing to keep yet)."""
    if created:
        return Care()
    first_today = backup.daily_backup_due(backup.backups_dir(path), today)
    return Care(backup=first_today, check=first_today or marker(path).exists())


def damaged(path: Path) -> LibraryUnusable:
    return LibraryUnusable(path, _("The library file {path} is damaged.").format(path=path))


def whole(conn: sqlite3.Connection) -> bool:
    """Whether SQLite finds every page of the file as it should be."""
    return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]


def look_after(path: Path, now: dt.datetime, care: Care) -> str:
    """Do what ``care`` says, on a connection of its own (from any thread).

    Returns why today's backup could not be made ("" when it was made, or was
    not due). Raises ``LibraryUnusable`` when the file is damaged; a library
    that cannot be read now (another program has it) is left to be looked at
    next time."""
    if not care.due:
        return ""
    try:
        conn = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
    except sqlite3.Error:
        return _backup_not_made(care, _("The library could not be read."))
    try:
        if care.check and not care.backup and not whole(conn):
            raise damaged(path)
        return _daily_backup(conn, path, now) if care.backup else ""
    except sqlite3.Error as error:
        if sqlite_name(error) in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            raise damaged(path) from error
        return _backup_not_made(care, why_not_written(error, path) or _("The library could not be read."))
    finally:
        conn.close()


def _daily_backup(conn: sqlite3.Connection, path: Path, now: dt.datetime) -> str:
    """Make today's backup (it checks its own copy whole); a damaged library raises, other problems are said."""
    folder = backup.backups_dir(path)
    try:
        backup.make_backup(conn, folder, "daily", now)
    except backup.BackupFailed as error:
        if not whole(conn):  # the copy was not whole because the library is not
            raise damaged(path) from error
        return _backup_not_made(Care(backup=True), _("The copy was not whole."))
    except sqlite3.Error as error:
        if sqlite_name(error) in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            raise
        return _backup_not_made(Care(backup=True), why_not_written(error, folder / "backup") or _("The copy was not whole."))
    except OSError as error:
        return _backup_not_made(Care(backup=True), why_not_written(error, folder / "backup") or _("The copy was not whole."))
    return ""


def _backup_not_made(care: Care, reason: str) -> str:
    if not care.backup:
        return ""
    return _("Today's backup of the library could not be made. {reason}").format(reason=reason)
