"""Opening a library file: looked at before anything is written, and each problem named for what it is.

A damaged file is called damaged and only then are the backups suggested. A
healthy library that is locked, read-only, not a file, or on a full disk gets
its own message, which never suggests replacing it.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

from facilitator.core import backup, daily, schema
from facilitator.core.daily import Care
from facilitator.core.errors import LibraryError, LibraryUnavailable, LibraryUnusable, sqlite_name, why_not_written
from facilitator.i18n import _


def connect(path: Path, now: dt.datetime, wait: float, care_later: bool = False) -> tuple[sqlite3.Connection, bool, str, Care]:
    """The open connection to the library at ``path``, whether it was just made, why today's backup could
    not be made ("" when it was), and what is left to do to look after it (``core/daily.py``): with
    ``care_later``, whatever is due; else nothing, as it was done here. Raises ``LibraryError`` with a
    plain message when it cannot be used."""
    created = not path.exists()
    if created:
        make_folder(path)
    else:
        check_file(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=wait)
    except sqlite3.Error as error:
        raise opening_problem(path, error) from error
    backup_problem = ""
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        # Removed names, notes and photos are overwritten, not left in free pages of the file.
        conn.execute("PRAGMA secure_delete = ON")
        migrate(conn, path, now)
        probe_writing(conn, path)
        care = daily.care_due(path, now.date(), created)
        if not care_later:
            backup_problem, care = daily.look_after(path, now, care), daily.Care()
        daily.mark_open(path)
    except BaseException as error:
        conn.close()
        if isinstance(error, sqlite3.Error | OSError):
            raise opening_problem(path, error) from error
        raise
    return conn, created, backup_problem, care


def identity(path: Path) -> tuple[int, int] | None:
    """Which file is at ``path`` (its device and inode); None when there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def check_file(path: Path) -> None:
    """Refuse, without writing anything, a file that is not a usable library."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise _cannot_read(path, error) from error
    if not stat.S_ISREG(mode):
        raise LibraryUnavailable(
            path,
            _("{path} is not a file (it is a folder, a device or a pipe). Choose the library file itself.").format(
                path=path
            ),
        )
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as error:
        raise _cannot_read(path, error) from error
    if len(header) < 100 or not header.startswith(backup.SQLITE_MAGIC):
        raise LibraryUnusable(
            path,
            _("The file {path} is not a facilitator library, or it is damaged.").format(path=path),
        )
    if backup.cut_short(header, path.stat().st_size):
        raise _damaged(path)
    # The whole file is checked when that is due (core/daily.py), not on every open: it grows with the file.
    try:
        with backup.looked_at(path) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.Error as error:
        if sqlite_name(error) in ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_READONLY"):
            raise opening_problem(path, error) from error
        raise _damaged(path) from error
    if app_id != schema.APPLICATION_ID and (app_id != 0 or tables > 0):
        raise LibraryUnusable(
            path,
            _("The file {path} belongs to another program: it is not a facilitator library.").format(
                path=path
            ),
        )
    if version > schema.CURRENT_VERSION:
        raise LibraryUnusable(
            path,
            _("The library {path} was made by a newer version of facilitator. Update the app to open it.").format(
                path=path
            ),
        )


def _damaged(path: Path) -> LibraryUnusable:
    return daily.damaged(path)


def _cannot_read(path: Path, error: OSError) -> LibraryUnavailable:
    return LibraryUnavailable(
        path, _("The library file {path} cannot be read ({reason}).").format(path=path, reason=error.strerror)
    )


def make_folder(path: Path) -> None:
    """Make the folder a new library goes in."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryUnavailable(
            path,
            _("The folder {folder} for the library cannot be made ({reason}). Choose another place with "
              "--library.").format(folder=path.parent, reason=error.strerror),
        ) from error


def opening_problem(path: Path, error: BaseException) -> LibraryError | BaseException:
    """The message for a library that cannot be opened because of ``error``; the error itself when it is a
    mistake in the app rather than a problem with the file or the disk."""
    reason = why_not_written(error, path)
    if reason is None:
        return error
    if isinstance(error, sqlite3.Error) and sqlite_name(error) in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return _damaged(path)
    return LibraryUnavailable(
        path,
        _("The library {path} cannot be opened now. {reason} {advice}").format(
            path=path, reason=reason, advice=_advice(error)
        ),
    )


def _advice(error: BaseException) -> str:
    name = sqlite_name(error) if isinstance(error, sqlite3.Error) else ""
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return _("Close the other program (or the other facilitator window), or wait a moment, then try again.")
    if name == "SQLITE_FULL" or (isinstance(error, OSError) and error.errno == 28):
        return _("Make some space on the disk, then try again.")
    if name in ("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH") or isinstance(error, PermissionError):
        return _("Ask for the file and its folder to be made writable, or copy the library to a folder of "
                 "your own and open the copy with --library.")
    return _("Check that the disk or drive is there, then try again.")


def probe_writing(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a library the app could never save to; a library busy for a moment is fine (and is not waited
    for here: the first change waits, or is kept until it can be saved)."""
    waits = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if sqlite_name(error) not in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            raise opening_problem(path, error) from error
    finally:
        conn.execute(f"PRAGMA busy_timeout = {waits}")
    if not os.access(path, os.W_OK):
        raise opening_problem(path, PermissionError(13, "read-only"))


def migrate(conn: sqlite3.Connection, path: Path, now: dt.datetime) -> None:
    """Bring an older library up to this version, after a backup; each migration is whole or not at all."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= schema.CURRENT_VERSION:
        return
    if version > 0:
        reason = f"before-update-{version}-to-{schema.CURRENT_VERSION}"
        backup.make_backup(conn, backup.backups_dir(path), reason, now)
    for number in range(version + 1, schema.CURRENT_VERSION + 1):
        # executescript commits first; the BEGIN inside keeps each migration whole.
        conn.executescript(
            "BEGIN;\n"
            + schema.MIGRATIONS[number - 1]
            + f"\nPRAGMA application_id = {schema.APPLICATION_ID};"
            + f"\nPRAGMA user_version = {number};\nCOMMIT;"
        )
