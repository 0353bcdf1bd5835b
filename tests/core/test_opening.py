"""Damaged means damaged: a healthy library that cannot be opened now gets its own plain message."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.core import backup
from facilitator.core.errors import LibraryUnavailable, LibraryUnusable
from facilitator.core.library import open_library
from tests.core.samples import full_workshop

DAY = dt.datetime(2026, 3, 3, 9, 30, 0)


def assert_not_called_damaged(message: str) -> None:
    assert "damaged" not in message
    assert "backup" not in message.lower()
    assert "copy it over" not in message


def test_a_pipe_given_as_the_library_is_refused_at_once(tmp_path):
    fifo = tmp_path / "library.sqlite3"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(LibraryUnavailable) as caught:
        open_library(fifo)
    assert time.monotonic() - started < 2
    assert "is not a file" in str(caught.value)
    assert_not_called_damaged(str(caught.value))


def test_a_folder_given_as_the_library_is_refused(tmp_path):
    with pytest.raises(LibraryUnavailable, match="is not a file"):
        open_library(tmp_path)


def test_a_library_in_a_folder_that_cannot_be_made_is_refused_plainly(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(LibraryUnavailable, match="cannot be made") as caught:
        open_library(blocker / "library.sqlite3")
    assert_not_called_damaged(str(caught.value))


def old_style_library(path: Path) -> None:
    """A library still in SQLite's older journal mode, which must be changed when it opens."""
    open_library(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def test_a_library_another_program_holds_is_called_busy_not_damaged(tmp_path):
    path = tmp_path / "library.sqlite3"
    old_style_library(path)
    before = path.read_bytes()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LibraryUnavailable) as caught:
            open_library(path, wait=0.1)
    finally:
        other.execute("ROLLBACK")
        other.close()
    message = str(caught.value)
    assert "Another program is using the library" in message
    assert "has not been changed" in message
    assert_not_called_damaged(message)
    assert path.read_bytes() == before


def test_a_library_held_only_for_writing_opens_and_its_changes_wait(tmp_path):
    path = tmp_path / "library.sqlite3"
    open_library(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        library = open_library(path, wait=0.1)
        library.close()
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_read_only_library_is_called_read_only(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    open_library(path).close()
    monkeypatch.setattr("facilitator.core.opening.os.access", lambda p, mode: Path(p) != path)
    with pytest.raises(LibraryUnavailable) as caught:
        open_library(path)
    message = str(caught.value)
    assert "The library file is read-only." in message
    assert "writable" in message
    assert_not_called_damaged(message)


def test_a_backup_that_cannot_be_made_does_not_stop_the_library_opening(tmp_path):
    path = tmp_path / "library.sqlite3"
    open_library(path, now=DAY).close()
    backup.backups_dir(path).write_text("a file where the backups folder should be")
    library = open_library(path, now=DAY + dt.timedelta(days=1))
    try:
        assert library.backup_problem.startswith("Today's backup of the library could not be made.")
        assert library.list_workshops() == []
    finally:
        library.close()


def test_a_half_written_backup_never_counts_and_is_never_named(tmp_path):
    path = tmp_path / "library.sqlite3"
    library = open_library(path, now=DAY)
    library.add_workshop(full_workshop())
    library.close()
    open_library(path, now=DAY + dt.timedelta(days=1)).close()
    good = backup.list_backups(backup.backups_dir(path))[-1]
    # A copy cut short (by an older version, a full disk or a kill) under today's name.
    today = DAY + dt.timedelta(days=2)
    broken = backup.backups_dir(path) / f"library-{today:%Y-%m-%d-%H%M%S}-01-daily.sqlite3"
    broken.write_bytes(good.read_bytes()[:5000])
    assert backup.daily_backup_due(backup.backups_dir(path), today.date())
    path.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(LibraryUnusable) as caught:
        open_library(path, now=today)
    assert good.name in str(caught.value)
    assert broken.name not in str(caught.value)


def test_a_backup_killed_half_way_leaves_nothing_that_counts(tmp_path):
    path = tmp_path / "library.sqlite3"
    library = open_library(path, now=DAY)
    library.add_workshop(full_workshop())
    library.close()
    open_library(path, now=DAY + dt.timedelta(days=1)).close()  # one good backup
    good = backup.list_backups(backup.backups_dir(path))
    script = f"""
import time, datetime as dt
from pathlib import Path
from facilitator.core import backup
from facilitator.core.library import open_library
def slow_check(conn):
    print("copied", flush=True)
    time.sleep(60)
    return ""
backup.copy_problem = slow_check
open_library(Path({str(path)!r}), now=dt.datetime(2026, 3, 6, 9, 0))
"""
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "copied"  # the copy is written, not yet checked
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    folder = backup.backups_dir(path)
    assert [p.name for p in folder.iterdir() if p.name.endswith(backup.PARTIAL)]  # what the kill left
    assert backup.list_backups(folder) == good
    assert backup.daily_backup_due(folder, dt.date(2026, 3, 6))
    path.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(LibraryUnusable) as caught:
        open_library(path, now=dt.datetime(2026, 3, 6, 10, 0))
    named = good[-1]
    assert named.name in str(caught.value)
    assert backup.opens(named)
    restored = open_library(named, now=dt.datetime(2026, 3, 6, 10, 0))
    assert restored.list_workshops()
    restored.close()


def test_the_next_backup_clears_what_an_interrupted_one_left(tmp_path):
    path = tmp_path / "library.sqlite3"
    library = open_library(path, now=DAY)
    folder = library.backups_dir
    folder.mkdir()
    (folder / f"library-x.sqlite3{backup.PARTIAL}").write_bytes(b"half")
    made = library.make_backup()
    library.close()
    assert [p.name for p in folder.iterdir()] == [made.name]
    assert backup.opens(made)
