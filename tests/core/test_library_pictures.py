"""The library's own pictures and saved templates, and the update that added them (migration 2)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from facilitator.core import backup, schema
from facilitator.core.library import open_library
from facilitator.core.model import AgendaItem, Workshop
from facilitator.pictures.own import OwnPicture, own_picture
from tests.core.samples import full_workshop
from tests.pictures import GIF, JPEG, tiny_png

DAY = dt.datetime(2026, 3, 3, 9, 30, 0)


# -- own pictures -------------------------------------------------------------------------


def test_a_picture_added_can_be_read_back(library):
    picture = own_picture(tiny_png(), "The bus stop")
    assert library.add_picture(picture) == picture
    found = library.picture(picture.id)
    assert found == picture
    assert isinstance(found.data, bytes)


def test_an_unknown_picture_is_none(library):
    assert library.picture("0" * 24) is None
    assert library.picture("") is None


def test_the_same_picture_added_twice_is_kept_once_under_its_first_name(library):
    first = library.add_picture(own_picture(tiny_png(), "The bus stop"))
    again = library.add_picture(own_picture(tiny_png(), "Bus stop, again"))
    assert again == first
    assert again.name == "The bus stop"
    assert library.picture_names() == {first.id: "The bus stop"}


def test_pictures_are_kept_on_disk(tmp_path):
    path = tmp_path / "library.sqlite3"
    lib = open_library(path)
    picture = lib.add_picture(own_picture(JPEG, "Hall"))
    lib.close()
    again = open_library(path)
    try:
        assert again.picture(picture.id) == picture
    finally:
        again.close()


def test_picture_names_lists_every_picture_oldest_first(library):
    pictures = [library.add_picture(own_picture(tiny_png(n, 0, 0), f"Picture {n}")) for n in (5, 1, 9, 3)]
    names = library.picture_names()
    assert list(names) == [p.id for p in pictures]
    assert list(names.values()) == ["Picture 5", "Picture 1", "Picture 9", "Picture 3"]


def test_picture_names_of_an_empty_library(library):
    assert library.picture_names() == {}


def test_renaming_a_picture_keeps_its_bytes_and_place(library):
    first = library.add_picture(own_picture(tiny_png(), "First"))
    second = library.add_picture(own_picture(GIF, "Second"))
    library.rename_picture(first.id, "The hall, from outside")
    assert library.picture(first.id) == OwnPicture(first.id, "The hall, from outside", "png", first.data)
    assert list(library.picture_names().items()) == [(first.id, "The hall, from outside"), (second.id, "Second")]


def test_removing_a_picture_forgets_it_and_only_it(library):
    first = library.add_picture(own_picture(tiny_png(), "First"))
    second = library.add_picture(own_picture(GIF, "Second"))
    library.remove_picture(first.id)
    assert library.picture(first.id) is None
    assert library.picture(second.id) == second
    assert library.picture_names() == {second.id: "Second"}
    library.remove_picture(first.id)  # removing it again changes nothing
    assert library.picture_names() == {second.id: "Second"}


def test_a_removed_picture_can_be_added_again(library):
    picture = library.add_picture(own_picture(tiny_png(), "First"))
    library.remove_picture(picture.id)
    assert library.add_picture(own_picture(tiny_png(), "Back")).name == "Back"


def test_removing_a_picture_leaves_the_workshops_that_used_it(library):
    picture = library.add_picture(own_picture(tiny_png(), "Hall"))
    workshop = library.add_workshop(Workshop("Visit", agenda=[AgendaItem("Look round", picture=picture.ref)]))
    library.remove_picture(picture.id)
    assert library.load_workshop(workshop.id).agenda[0].picture == picture.ref


def test_the_picture_really_is_gone_from_the_file(library):
    picture = library.add_picture(own_picture(tiny_png(), "A face"))
    library.remove_picture(picture.id)
    conn = sqlite3.connect(library.path)
    try:
        assert conn.execute("SELECT count(*) FROM pictures").fetchone()[0] == 0
    finally:
        conn.close()


# -- saved templates ----------------------------------------------------------------------------


def test_templates_are_listed_by_name_whatever_the_case(library):
    library.add_template("t1", "tuesday group", '{"a": 1}')
    library.add_template("t2", "Annual meeting", '{"b": 2}')
    library.add_template("t3", "Bus passes", '{"c": 3}')
    assert library.template_documents() == [("t2", '{"b": 2}'), ("t3", '{"c": 3}'), ("t1", '{"a": 1}')]


def test_a_template_can_be_removed(library):
    library.add_template("t1", "One", "{}")
    library.add_template("t2", "Two", "[]")
    library.remove_template("t1")
    assert library.template_documents() == [("t2", "[]")]
    library.remove_template("t1")
    assert library.template_documents() == [("t2", "[]")]


def test_no_templates_in_a_new_library(library):
    assert library.template_documents() == []


def test_templates_are_kept_on_disk(tmp_path):
    path = tmp_path / "library.sqlite3"
    lib = open_library(path)
    lib.add_template("t1", "Café", '{"name": "Café"}')
    lib.close()
    again = open_library(path)
    try:
        assert again.template_documents() == [("t1", '{"name": "Café"}')]
    finally:
        again.close()


# -- the update from a version 1 library ---------------------------------------------------------


def make_version_1_library(path, workshop: Workshop) -> None:
    """A library as version 1 of the app left it: the first migration only, with one workshop in it."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(schema.MIGRATIONS[0])
        conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 1")
        conn.execute(
            "INSERT INTO workshops (id, title, purpose, date, place, language, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                workshop.id,
                workshop.title,
                workshop.purpose,
                "2026-03-03",
                workshop.place,
                "cy",
                "2026-01-01T10:00:00",
                "2026-01-01T10:00:00",
            ),
        )
        item = workshop.agenda[0]
        conn.execute(
            "INSERT INTO agenda_items (id, workshop_id, position, title, minutes, kind) VALUES (?, ?, 0, ?, ?, ?)",
            (item.id, workshop.id, item.title, item.minutes, item.kind.value),
        )
        conn.commit()
    finally:
        conn.close()


def version_of(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_the_pictures_and_templates_came_with_version_2():
    assert "CREATE TABLE pictures" in schema.MIGRATIONS[1]
    assert "CREATE TABLE templates" in schema.MIGRATIONS[1]


def test_a_version_1_library_is_updated_and_keeps_its_workshops(tmp_path):
    path = tmp_path / "library.sqlite3"
    workshop = Workshop(
        "Bus passes",
        purpose="Ask the council",
        place="Town hall",
        language="cy",
        date=dt.date(2026, 3, 3),
        agenda=[AgendaItem("Welcome", minutes=15)],
    )
    make_version_1_library(path, workshop)
    assert version_of(path) == 1
    lib = open_library(path, now=DAY)
    try:
        assert not lib.created
        assert lib.load_workshop(workshop.id) == workshop
        assert [s.title for s in lib.list_workshops()] == ["Bus passes"]
        # the new tables are there and work
        picture = lib.add_picture(own_picture(tiny_png(), "Hall"))
        assert lib.picture(picture.id) == picture
        lib.add_template("t1", "Template", "{}")
        assert lib.template_documents() == [("t1", "{}")]
        # and so do the old ones
        lib.add_workshop(full_workshop())
        assert len(lib.list_workshops()) == 2
    finally:
        lib.close()
    assert version_of(path) == schema.CURRENT_VERSION


def test_a_backup_is_made_before_the_update_and_holds_the_old_library(tmp_path):
    path = tmp_path / "library.sqlite3"
    workshop = Workshop("Bus passes", agenda=[AgendaItem("Welcome", minutes=15)])
    make_version_1_library(path, workshop)
    lib = open_library(path, now=DAY)
    lib.close()
    backups = backup.list_backups(backup.backups_dir(path))
    before = [p for p in backups if p.name.endswith(f"-before-update-1-to-{schema.CURRENT_VERSION}.sqlite3")]
    assert len(before) == 1, [p.name for p in backups]
    assert before[0].name.startswith("library-2026-03-03-093000-")
    assert version_of(before[0]) == 1
    conn = sqlite3.connect(before[0])
    try:
        assert conn.execute("SELECT id, title FROM workshops").fetchall() == [(workshop.id, "Bus passes")]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    assert "workshops" in tables
    assert "pictures" not in tables and "templates" not in tables


def test_an_updated_library_is_not_updated_again(tmp_path):
    path = tmp_path / "library.sqlite3"
    make_version_1_library(path, Workshop("Bus passes", agenda=[AgendaItem("Welcome")]))
    open_library(path, now=DAY).close()
    open_library(path, now=DAY + dt.timedelta(days=1)).close()
    names = [p.name for p in backup.list_backups(backup.backups_dir(path))]
    assert sum("before-update" in name for name in names) == 1


def test_a_new_library_is_made_at_the_current_version_without_an_update_backup(tmp_path):
    path = tmp_path / "library.sqlite3"
    open_library(path, now=DAY).close()
    assert version_of(path) == schema.CURRENT_VERSION
    assert not any("before-update" in p.name for p in backup.list_backups(backup.backups_dir(path)))


@pytest.mark.parametrize("table", ["pictures", "templates"])
def test_a_new_library_has_the_version_2_tables(library, table):
    conn = sqlite3.connect(library.path)
    try:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0] == 1
    finally:
        conn.close()
