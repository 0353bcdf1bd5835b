"""Copies of the library, made before each migration and once a day.

Backups sit in a folder beside the library, named by time and reason, and
only the newest few are kept. They are whole SQLite files made with the
sqlite3 backup API, so any of them can be opened as a library.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

KEEP = 10


def backups_dir(library_path: Path) -> Path:
    """Where the backups of this library are kept."""
    return library_path.with_name(library_path.stem + "-backups")


def list_backups(folder: Path) -> list[Path]:
    """The backups in a folder, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.sqlite3"))


def make_backup(conn: sqlite3.Connection, folder: Path, reason: str, now: dt.datetime) -> Path:
    """Copy the open library into the backups folder and drop the oldest extras."""
    folder.mkdir(parents=True, exist_ok=True)
    # The counter after the time keeps backups made in the same second in order by name.
    stamp = f"library-{now:%Y-%m-%d-%H%M%S}"
    counter = len(list(folder.glob(f"{stamp}-*.sqlite3"))) + 1
    target = folder / f"{stamp}-{counter:02d}-{reason}.sqlite3"
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    for old in list_backups(folder)[:-KEEP]:
        old.unlink()
    return target


def daily_backup_due(folder: Path, today: dt.date) -> bool:
    """True when no backup was made today."""
    return not any(f"-{today:%Y-%m-%d}-" in p.name for p in list_backups(folder))
