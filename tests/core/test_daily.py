"""Looking after the library: today's backup and a check of the whole file, only when they are due."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest

from facilitator.core import backup, daily
from facilitator.core.errors import LibraryUnusable
from facilitator.core.library import open_library
from facilitator.core.model import AgendaItem, Workshop

MORNING = dt.datetime(2026, 12, 7, 9, 0)
AFTERNOON = dt.datetime(2026, 12, 7, 14, 0)
TOMORROW = dt.datetime(2026, 12, 8, 9, 0)


def made(tmp_path, workshops: int = 40):
    path = tmp_path / "library.sqlite3"
    library = open_library(path, now=MORNING)
    for number in range(workshops):
        library.add_workshop(Workshop(f"Meeting {number}", agenda=[AgendaItem("Tea", notes="Biscuits. " * 300)]))
    library.close()
    return path


def spoil(path) -> None:
    """Scribble over pages in the second half of the file, leaving its header and its list of tables as they
    were: it opens, and only a check of the whole file (or reading those pages) finds it."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(len(data) // page // 2 * page, len(data) - page, 2 * page):
        data[start + 8:start + 200] = bytes(range(192))
    path.write_bytes(bytes(data))


def backups(path) -> list[str]:
    return [p.name for p in backup.list_backups(backup.backups_dir(path))]


def test_the_first_open_of_the_day_makes_the_backup_and_a_later_one_does_nothing(tmp_path):
    path = made(tmp_path)
    assert backups(path) == []  # a library just made has nothing to keep yet
    assert daily.care_due(path, MORNING.date(), created=False) == daily.Care(backup=True, check=True)
    open_library(path, now=AFTERNOON).close()
    assert len(backups(path)) == 1 and backup.opens(backup.backups_dir(path) / backups(path)[0])
    assert daily.care_due(path, AFTERNOON.date(), created=False) == daily.Care()
    assert daily.care_due(path, TOMORROW.date(), created=False).backup


def test_after_the_app_was_stopped_without_closing_the_whole_file_is_checked(tmp_path):
    path = made(tmp_path)
    open_library(path, now=MORNING).close()
    left_open = open_library(path, now=AFTERNOON)  # never closed: as if the app was killed
    assert daily.marker(path).exists()
    assert daily.care_due(path, AFTERNOON.date(), created=False) == daily.Care(check=True)
    left_open._conn.close()
    library = open_library(path, now=AFTERNOON)
    library.close()
    assert not daily.marker(path).exists()
    assert daily.care_due(path, AFTERNOON.date(), created=False) == daily.Care()


def test_a_damaged_file_found_by_the_whole_check_is_called_damaged_with_nothing_written(tmp_path):
    path = made(tmp_path)
    open_library(path, now=MORNING).close()
    spoil(path)
    before = path.read_bytes()
    with pytest.raises(LibraryUnusable, match="is damaged"):
        daily.look_after(path, AFTERNOON, daily.Care(check=True))
    with pytest.raises(LibraryUnusable, match="is damaged"):
        daily.look_after(path, TOMORROW, daily.Care(backup=True, check=True))
    assert path.read_bytes() == before
    assert len(backups(path)) == 1  # no damaged copy was kept as the day's backup


def test_opened_on_the_day_s_first_start_a_damaged_library_is_refused(tmp_path):
    path = made(tmp_path)
    spoil(path)
    with pytest.raises(LibraryUnusable, match="is damaged"):
        open_library(path, now=TOMORROW)


def test_care_later_opens_at_once_and_leaves_what_is_due_to_the_caller(tmp_path):
    path = made(tmp_path)
    library = open_library(path, now=AFTERNOON, care_later=True)
    assert backups(path) == []
    assert library.care == daily.Care(backup=True, check=True)
    assert daily.look_after(library.path, AFTERNOON, library.care) == ""
    assert len(backups(path)) == 1
    library.close()


def test_the_backup_is_made_on_another_thread_while_changes_are_written(tmp_path):
    """The window goes on saving while the copy is made: every change is kept and the copy is whole."""
    path = made(tmp_path, workshops=80)
    library = open_library(path, now=AFTERNOON, care_later=True)
    said: list[str] = []
    worker = threading.Thread(target=lambda: said.append(daily.look_after(path, AFTERNOON, library.care)))
    worker.start()
    added = [library.add_workshop(Workshop(f"Added {n}")).id for n in range(30)]
    worker.join(30)
    assert said == [""]
    assert {s.id for s in library.list_workshops()} >= set(added)
    copy = backup.backups_dir(path) / backups(path)[0]
    assert backup.opens(copy)
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM workshops").fetchone()[0] >= 80
    library.close()


def test_a_backup_that_cannot_be_made_is_said_and_the_library_still_opens(tmp_path):
    path = made(tmp_path)
    backup.backups_dir(path).write_text("a file where the backups folder should be")
    library = open_library(path, now=AFTERNOON, care_later=True)
    message = daily.look_after(path, AFTERNOON, library.care)
    assert message.startswith("Today's backup of the library could not be made.")
    library.close()
