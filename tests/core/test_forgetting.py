"""Removing a person removes them everywhere: their record, their name in every field, and from the backups."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from facilitator.core import backup, schema
from facilitator.core.edits import Together
from facilitator.core.forgetting import Forgotten, edits_to_forget, forget_in_backups
from facilitator.core.library import open_library
from facilitator.core.names import forget_in_file, names_of, without
from tests.core.samples import full_workshop

DAY = dt.datetime(2026, 3, 3, 9, 30)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Carys", ""),
        ("  carys ", ""),
        ("Carys, Dee", "Dee"),
        ("Dee and Carys", "Dee"),
        ("Ann & Carys & Bo", "Ann, Bo"),
        ("Carys Jones", "Carys Jones"),  # another person
        ("Caryss", "Caryss"),
        ("", ""),
    ],
)
def test_a_name_is_taken_out_of_a_field_whole(value, expected):
    assert without(value, {"carys"}) == expected


def carys(workshop):
    return next(p for p in workshop.participants if p.name == "Carys")


def test_removing_a_participant_clears_their_name_everywhere_in_the_workshop_and_undo_brings_all_back(library):
    workshop = library.add_workshop(full_workshop())
    person = carys(workshop)
    index = workshop.participants.index(person)
    step = Together(workshop.id, edits_to_forget(workshop, "participants", person, index))
    step.apply(library)
    after = library.load_workshop(workshop.id)
    assert "Carys" not in [p.name for p in after.participants]
    assert [q.asked_by for q in after.parked_questions] == [""]
    assert all(i.suggested_by != "Carys" for i in after.ideas)
    assert "Carys" not in [p.written for p in after.pronunciations]
    assert "Dŵr Cymru" in [p.written for p in after.pronunciations]
    assert "Dee" in [d.suggested_by for d in after.decisions]  # the others stay
    step.revert(library)
    assert library.load_workshop(workshop.id) == workshop


def library_with_backups(tmp_path):
    path = tmp_path / "library.sqlite3"
    library = open_library(path, now=DAY)
    workshop = library.add_workshop(full_workshop())
    library.close()
    for days in (1, 2):
        open_library(path, now=DAY + dt.timedelta(days=days)).close()
    return path, workshop


def test_removing_a_person_everywhere_clears_the_library_and_rewrites_the_backups(tmp_path):
    path, workshop = library_with_backups(tmp_path)
    folder = backup.backups_dir(path)
    backups = backup.list_backups(folder)
    assert len(backups) == 2 and all(b"Carys" in b.read_bytes() for b in backups)
    library = open_library(path, now=DAY + dt.timedelta(days=2))
    done = Forgotten()
    done.in_library = library.forget_people(names_of(carys(workshop)))
    forget_in_backups(folder, names_of(carys(workshop)), done)
    assert done.in_library == 4  # the participant, the question, the idea, the pronunciation
    assert done.backups_rewritten == backups and not done.backups_removed
    library.close()
    for file in [path, *backups]:
        conn = sqlite3.connect(file)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            held = conn.execute(
                "SELECT count(*) FROM participants WHERE name = 'Carys'"
            ).fetchone()[0] + conn.execute("SELECT count(*) FROM ideas WHERE suggested_by = 'Carys'").fetchone()[0]
        finally:
            conn.close()
        assert held == 0
    for file in backups:
        assert b"Carys" not in file.read_bytes()  # not even in free pages
        assert backup.opens(file)


def test_a_backup_that_cannot_be_rewritten_is_removed_and_said(tmp_path):
    path, workshop = library_with_backups(tmp_path)
    folder = backup.backups_dir(path)
    broken = backup.list_backups(folder)[0]
    broken.write_bytes(broken.read_bytes()[:4096] + b"\0" * 8192)
    done = Forgotten()
    forget_in_backups(folder, {"carys"}, done)
    assert done.backups_removed == [broken] and not broken.exists()
    assert len(done.backups_rewritten) == 1


def test_a_backup_without_the_person_is_left_as_it_was(tmp_path):
    path, workshop = library_with_backups(tmp_path)
    folder = backup.backups_dir(path)
    before = {b: b.read_bytes() for b in backup.list_backups(folder)}
    done = Forgotten()
    forget_in_backups(folder, {"nobody like this"}, done)
    assert done.backups_without == 2 and not done.backups_rewritten
    assert {b: b.read_bytes() for b in backup.list_backups(folder)} == before


def test_a_person_removed_is_taken_out_of_who_leads_an_item_too(library):
    workshop = full_workshop()
    workshop.agenda[0].led_by = "Carys and Bo"
    workshop.agenda[2].led_by = "carys"
    workshop = library.add_workshop(workshop)
    person = carys(workshop)
    step = Together(workshop.id, edits_to_forget(workshop, "participants", person, workshop.participants.index(person)))
    step.apply(library)
    assert [item.led_by for item in library.load_workshop(workshop.id).agenda] == ["Bo", "Bo", ""]
    step.revert(library)
    assert library.load_workshop(workshop.id) == workshop
    # ... and everywhere in the library.
    assert library.forget_people(names_of(person)) == 6  # the participant, question, idea, pronunciation, two items
    assert [item.led_by for item in library.load_workshop(workshop.id).agenda] == ["Bo", "Bo", ""]


def test_a_backup_from_before_who_leads_an_item_is_still_cleared(tmp_path):
    conn = sqlite3.connect(tmp_path / "old.sqlite3")
    try:
        conn.executescript("".join(schema.MIGRATIONS[:5]))
        conn.execute("INSERT INTO workshops (id, title, created, updated) VALUES ('w', 'T', 'now', 'now')")
        conn.execute("INSERT INTO participants (id, workshop_id, position, name) VALUES ('p', 'w', 0, 'Carys')")
        assert forget_in_file(conn, {"carys"}) == 1
        assert conn.execute("SELECT count(*) FROM participants").fetchone()[0] == 0
    finally:
        conn.close()
