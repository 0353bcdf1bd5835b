"""Nothing typed is lost when the library cannot be written: changes wait in memory and in a recovery file."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.core import edits
from facilitator.core.errors import LibraryNotSaved
from facilitator.core.library import open_library
from facilitator.core.model import AgendaItem, Decision, Group, ItemKind, Participant, Workshop
from facilitator.core.recovery import RecoveryFile, RecoveryUnreadable
from tests.core.samples import full_workshop


@contextlib.contextmanager
def held(path: Path):
    """Another connection holds the write lock on the library, as another program would."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def on_disk(path: Path, sql: str, *args):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


@pytest.fixture
def setup(tmp_path):
    path = tmp_path / "library.sqlite3"
    library = open_library(path, wait=0.05)
    workshop = full_workshop()
    library.add_workshop(workshop)
    library.unsaved.keeper = RecoveryFile(path, own_folder=tmp_path / "own").keep
    yield library, workshop, path
    library.close()


def test_a_change_made_while_another_program_holds_the_library_is_kept_and_saved_later(setup):
    library, workshop, path = setup
    states = []
    library.unsaved.watch(states.append)
    heard = []
    library.subscribe(heard.append)
    with held(path):
        started = time.monotonic()
        edits.ChangeWorkshop(workshop.id, "title", workshop.title, "Our new title").apply(library)
        assert time.monotonic() - started < 1.0  # it does not wait long for the lock
        # Everyone reading the library sees the change; the file does not have it yet.
        assert library.load_workshop(workshop.id).title == "Our new title"
        assert library.summary(workshop.id).title == "Our new title"
        assert [s.title for s in library.list_workshops()] == ["Our new title"]
        assert on_disk(path, "SELECT title FROM workshops") == [(workshop.title,)]
        assert states[-1].titles == ("Our new title",)
        assert states[-1].reason == "Another program is using the library."
        assert states[-1].kept_in == path.with_name("library-unsaved.json")
        assert heard and heard[-1].workshop_id == workshop.id
        assert library.save_unsaved() is False
    assert library.save_unsaved() is True
    assert on_disk(path, "SELECT title FROM workshops") == [("Our new title",)]
    assert states[-1].titles == ()
    assert not path.with_name("library-unsaved.json").exists()


def test_every_kind_of_edit_waits_in_memory_in_order_and_undo_works_on_it(setup):
    library, workshop, path = setup
    item = AgendaItem("Tea", minutes=10, kind=ItemKind.BREAK)
    with held(path):
        steps = [
            edits.AddPart(workshop.id, "agenda", item, 0),
            edits.ChangePart.of(workshop.id, "agenda", item, title="Tea and cake"),
            edits.MovePart(workshop.id, "agenda", item.id, 0, 2),
            edits.RemovePart(workshop.id, "agenda", library.load_workshop(workshop.id).agenda[-1],
                             len(workshop.agenda)),
        ]
        for step in steps:
            step.apply(library)
        expected = library.load_workshop(workshop.id)
        assert [i.title for i in expected.agenda][2] == "Tea and cake"
        steps[-1].revert(library)  # undo the removal, still in memory
        expected = library.load_workshop(workshop.id)
    assert library.save_unsaved()
    library.unsaved.workshops.clear()
    assert library.load_workshop(workshop.id) == expected


def test_removing_an_item_in_memory_unlinks_what_was_said_during_it_as_the_file_does(setup):
    library, workshop, path = setup
    linked = [d for d in workshop.decisions if d.agenda_item_id is not None]
    assert linked
    item = next(i for i in workshop.agenda if i.id == linked[0].agenda_item_id)
    linked = [d.id for d in workshop.decisions if d.agenda_item_id == item.id]
    with held(path):
        library.remove_part(workshop.id, "agenda", item.id)
        in_memory = library.load_workshop(workshop.id)
    assert library.save_unsaved()
    assert all(d.agenda_item_id is None for d in in_memory.decisions if d.id in linked)
    assert library.load_workshop(workshop.id) == in_memory


def test_a_mistake_is_still_refused_while_changes_wait(setup):
    library, workshop, path = setup
    with held(path):
        library.update_workshop(workshop.id, title="Kept")
        with pytest.raises(KeyError):
            library.update_part(workshop.id, "agenda", AgendaItem("Not there", 5, ItemKind.OTHER))
    assert library.save_unsaved()
    assert library.load_workshop(workshop.id).title == "Kept"


def test_a_read_only_library_and_a_full_disk_keep_the_change_with_their_own_reason(setup):
    library, workshop, path = setup
    library._conn.execute("PRAGMA query_only = ON")  # as a library the app may not write
    library.update_workshop(workshop.id, place="The hall")
    assert library.unsaved.reason == "The library is read-only: the app may not change it."
    library._conn.execute("PRAGMA query_only = OFF")
    assert library.save_unsaved()
    pages = library._conn.execute("PRAGMA page_count").fetchone()[0]
    library._conn.execute(f"PRAGMA max_page_count = {pages}")  # as a full disk
    library.add_part(workshop.id, "decisions", Decision("We want a bigger room " * 300))
    assert library.unsaved.reason == "The disk is full."
    library._conn.execute("PRAGMA max_page_count = 1000000")
    assert library.save_unsaved()
    assert on_disk(path, "SELECT place FROM workshops") == [("The hall",)]
    assert len(library.load_workshop(workshop.id).decisions) == len(workshop.decisions) + 1


def test_a_library_file_moved_away_is_not_written_blindly(setup):
    library, workshop, path = setup
    path.rename(path.with_name("moved.sqlite3"))
    library.update_workshop(workshop.id, title="Still here")
    assert library.unsaved.reason == "The library file has been moved or deleted."
    assert library.load_workshop(workshop.id).title == "Still here"
    recovered = RecoveryFile(path, own_folder=path.parent / "own").left_over()
    assert [w.title for w in recovered.workshops] == ["Still here"]


def test_other_changes_are_refused_plainly_while_the_library_is_held(setup):
    library, workshop, path = setup
    with held(path):
        with pytest.raises(LibraryNotSaved, match="Another program is using the library"):
            library.add_workshop(Workshop(title="New"))
        with pytest.raises(LibraryNotSaved):
            library.add_group(Group("Friends"))
    assert [s.title for s in library.list_workshops()] == [workshop.title]


def test_the_recovery_file_brings_back_changes_after_a_crash(tmp_path):
    path = tmp_path / "library.sqlite3"
    library = open_library(path)
    workshop = full_workshop()
    library.add_workshop(workshop)
    library.close()
    # A child process types while the library is held, and is killed before it can save.
    script = f"""
import sqlite3, sys, os
from pathlib import Path
from facilitator.core.library import open_library
from facilitator.core.recovery import RecoveryFile
path = Path({str(path)!r})
library = open_library(path, wait=0.05)
library.unsaved.keeper = RecoveryFile(path, own_folder=Path({str(tmp_path / 'own')!r})).keep
other = sqlite3.connect(path, isolation_level=None)
other.execute("BEGIN IMMEDIATE")
library.update_workshop({workshop.id!r}, purpose="Typed while it was locked")
os._exit(9)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 9, done.stderr
    recovery = RecoveryFile(path, own_folder=tmp_path / "own")
    found = recovery.left_over()
    assert found is not None and found.path == path.with_name("library-unsaved.json")
    assert [w.purpose for w in found.workshops] == ["Typed while it was locked"]
    assert found.path.stat().st_mode & 0o077 == 0  # names inside: its owner's only
    library = open_library(path)
    library.unsaved.keeper = recovery.keep
    library.keep_unsaved(found.workshops, "kept from last time")
    assert library.load_workshop(workshop.id).purpose == "Typed while it was locked"
    assert on_disk(path, "SELECT purpose FROM workshops") == [("Typed while it was locked",)]
    assert recovery.left_over() is None
    library.close()


def test_the_recovery_file_goes_elsewhere_when_the_library_folder_cannot_be_written(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    recovery = RecoveryFile(path, own_folder=tmp_path / "own")
    blocked = tmp_path / "library-unsaved.json"
    blocked.mkdir()  # nothing can be written under that name
    kept_in = recovery.keep([Workshop(title="Elsewhere")])
    assert kept_in == recovery.elsewhere and kept_in.parent == tmp_path / "own"
    assert recovery.keep([]) is None and not recovery.elsewhere.exists()


def test_a_damaged_recovery_file_is_said_plainly(tmp_path):
    path = tmp_path / "library.sqlite3"
    recovery = RecoveryFile(path, own_folder=tmp_path / "own")
    for text in ("{", json.dumps({"kind": "something else"}), json.dumps(
        {"kind": "facilitator-unsaved-changes", "workshops": [{"format": 1, "workshop": {"title": 3}}]}
    ), "\ud800"):
        recovery.beside.write_text(text, encoding="utf-8", errors="surrogatepass")
        with pytest.raises(RecoveryUnreadable, match="cannot be read"):
            recovery.left_over()


def test_kept_workshops_are_in_the_group_s_meetings_and_decisions(setup):
    library, workshop, path = setup
    group = Group("Friday group")
    library.add_group(group)
    library.update_workshop(workshop.id, group_id=group.id)
    with held(path):
        library.add_part(workshop.id, "decisions", Decision("We meet on Fridays"))
        assert [m.id for m in library.group_meetings(group.id)] == [workshop.id]
        assert library.summary(workshop.id).decision_count == len(workshop.decisions) + 1
        assert "We meet on Fridays" in [d.decision.text for d in library.group_decisions(group.id)]
        assert library.ids_in_use([library.load_workshop(workshop.id).decisions[-1].id])
    assert library.save_unsaved()
    assert "We meet on Fridays" in [d.decision.text for d in library.group_decisions(group.id)]


def test_the_next_change_after_a_while_saves_everything_kept(setup, monkeypatch):
    library, workshop, path = setup
    person = Participant(name="Joan")
    with held(path):
        library.add_part(workshop.id, "participants", person)
        library.update_workshop(workshop.id, title="Soon after")  # too soon to try again: kept too
        assert library.unsaved.workshops[workshop.id].title == "Soon after"
    monkeypatch.setattr("facilitator.core.library.RETRY_SECONDS", 0.0)
    library.update_workshop(workshop.id, title="Saved at once")
    assert not library.unsaved
    assert on_disk(path, "SELECT title FROM workshops") == [("Saved at once",)]
    assert ("Joan",) in on_disk(path, "SELECT name FROM participants")


def test_a_change_is_kept_even_when_the_library_cannot_be_read_either(setup):
    library, workshop, path = setup
    library.load_workshop(workshop.id)  # the window has it on screen
    library._conn.close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE groups SET name = name")
    other.execute("COMMIT")  # in exclusive mode it keeps the file locked, even for reading
    library._conn = sqlite3.connect(path, isolation_level=None, timeout=0.05)
    library._conn.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.OperationalError):
        library._conn.execute("SELECT count(*) FROM workshops").fetchone()
    library.update_workshop(workshop.id, title="Typed while it was shut")
    assert library.load_workshop(workshop.id).title == "Typed while it was shut"
    other.close()
    assert library.save_unsaved(), library.unsaved.reason
    assert on_disk(path, "SELECT title FROM workshops") == [("Typed while it was shut",)]
