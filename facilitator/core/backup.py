"""Copies of the library, made before each migration and once a day.

Backups sit in a folder beside the library, named by time and reason, and
only the newest few are kept. They are whole SQLite files made with the
sqlite3 backup API, so any of them can be opened as a library.

A backup is written under a name that does not count (``….sqlite3.partial``),
checked, and only then renamed into place: a backup cut short by a full disk or
a killed process never counts as today's backup, and is never named as the one
to use.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from facilitator.core import schema

KEEP = 10
SQLITE_MAGIC = b"SQLite format 3\x00"
PARTIAL = ".partial"


class BackupFailed(Exception):
    """The copy was made but is not a whole library; nothing was kept."""


def backups_dir(library_path: Path) -> Path:
    """Where the backups of this library are kept."""
    return library_path.with_name(library_path.stem + "-backups")


def list_backups(folder: Path) -> list[Path]:
    """The backups in a folder, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.sqlite3"))


def make_backup(conn: sqlite3.Connection, folder: Path, reason: str, now: dt.datetime) -> Path:
    """Copy the open library into the backups folder and drop the oldest extras.

    Raises ``OSError``, ``sqlite3.Error`` or ``BackupFailed`` when no good copy could be made;
    then nothing is left behind."""
    folder.mkdir(parents=True, exist_ok=True)
    for left in folder.glob(f"*{PARTIAL}"):
        left.unlink(missing_ok=True)  # from a backup that was interrupted
    # The counter after the time keeps backups made in the same second in order by name.
    stamp = f"library-{now:%Y-%m-%d-%H%M%S}"
    counter = len(list(folder.glob(f"{stamp}-*.sqlite3"))) + 1
    target = folder / f"{stamp}-{counter:02d}-{reason}.sqlite3"
    partial = target.with_name(target.name + PARTIAL)
    try:
        copy = sqlite3.connect(partial)
        try:
            conn.backup(copy)
            problem = copy_problem(copy)
        finally:
            copy.close()
        if problem:
            raise BackupFailed(problem)
        _sync(partial)
        os.replace(partial, target)
        _sync(folder)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    for old in list_backups(folder)[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def copy_problem(conn: sqlite3.Connection) -> str:
    """What is wrong with a copy of a library ("" when it is a whole, usable library)."""
    try:
        if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            return "quick_check"
        if conn.execute("PRAGMA application_id").fetchone()[0] not in (schema.APPLICATION_ID, 0):
            return "application_id"
        if not 0 < conn.execute("PRAGMA user_version").fetchone()[0] <= schema.CURRENT_VERSION:
            return "user_version"
    except sqlite3.Error as error:
        return str(error)
    return ""


def _sync(path: Path) -> None:
    """Make sure what was written to ``path`` is on the disk (a folder: its list of names)."""
    with contextlib.suppress(OSError):  # some systems cannot open a folder; the rename is still atomic
        handle = os.open(path, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def looks_whole(path: Path) -> bool:
    """A quick look at the first bytes: is this file as long as its own header says?"""
    try:
        with path.open("rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    return len(header) == 100 and header.startswith(SQLITE_MAGIC) and not cut_short(header, size)


def cut_short(header: bytes, size: int) -> bool:
    """True when the file is shorter than its own header says (SQLite would read zeros)."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return True
    if size % page_size:
        return True
    page_count = int.from_bytes(header[28:32], "big")
    count_is_valid = page_count > 0 and header[24:28] == header[92:96]
    return count_is_valid and size < page_count * page_size


@contextlib.contextmanager
def looked_at(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to ``path``; the empty -wal and -shm files a look can make are removed after."""
    companions = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    there_before = [c.exists() for c in companions]
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()
        for companion, existed in zip(companions, there_before):
            if not existed:
                companion.unlink(missing_ok=True)


def opens(path: Path) -> bool:
    """True when the backup at ``path`` is a whole library this version of the app can open."""
    if not looks_whole(path):
        return False
    try:
        with looked_at(path) as conn:
            return copy_problem(conn) == ""
    except sqlite3.Error:
        return False


def newest_good_backup(folder: Path) -> Path | None:
    """The newest backup in ``folder`` that opens; None when there is none."""
    return next((path for path in reversed(list_backups(folder)) if opens(path)), None)


def daily_backup_due(folder: Path, today: dt.date) -> bool:
    """True when no whole backup was made today."""
    return not any(f"-{today:%Y-%m-%d}-" in p.name and looks_whole(p) for p in list_backups(folder))
