"""The workshop library: a SQLite file where every edit is saved as it happens."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core import backup, schema
from facilitator.core.errors import LibraryUnusable, WorkshopNotFound
from facilitator.core.library import Change, open_library
from facilitator.core.model import (
    LINKED_PARTS,
    WORKSHOP_PARTS,
    AccessNeed,
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Decision,
    Group,
    GroupWord,
    Idea,
    ItemKind,
    ItemTiming,
    Option,
    Pronunciation,
    Workshop,
)
from tests.core.samples import full_workshop

DAY = dt.datetime(2026, 3, 3, 9, 30, 0)


def raw(path: Path) -> sqlite3.Connection:
    """A separate connection to the file, to see what is really on disk."""
    return sqlite3.connect(path)


def stored_positions(path: Path, table: str, workshop_id: str) -> list[tuple[str, int]]:
    conn = raw(path)
    try:
        return conn.execute(
            f"SELECT id, position FROM {table} WHERE workshop_id = ? ORDER BY position", (workshop_id,)
        ).fetchall()
    finally:
        conn.close()


def assert_agenda(library, workshop_id: str, expected: list[AgendaItem]) -> None:
    """The agenda loads in the expected order and the stored positions are 0, 1, 2, ..."""
    assert library.load_workshop(workshop_id).agenda == expected
    rows = stored_positions(library.path, "agenda_items", workshop_id)
    assert [r[0] for r in rows] == [item.id for item in expected]
    assert [r[1] for r in rows] == list(range(len(expected)))


# -- opening and creating ----------------------------------------------------


def test_a_new_library_is_created_with_its_folders(tmp_path):
    path = tmp_path / "deep" / "er" / "library.sqlite3"
    lib = open_library(path)
    try:
        assert lib.created
        assert path.is_file()
        assert lib.path == path
        assert lib.list_workshops() == []
        assert lib.groups() == []
    finally:
        lib.close()
    again = open_library(str(path))
    try:
        assert not again.created
    finally:
        again.close()


def test_the_file_is_marked_as_a_facilitator_library_in_wal_mode(library):
    conn = raw(library.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION == len(schema.MIGRATIONS)
        assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID == 0x46414349
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"groups", "workshops", *schema.PART_TABLES.values()} <= tables
    finally:
        conn.close()
    library.close()  # the WAL is written back into the file on close
    header = library.path.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert header[68:72] == b"FACI"
    assert int.from_bytes(header[60:64], "big") == schema.CURRENT_VERSION


def test_everything_is_there_after_closing_and_opening_again(tmp_path):
    path = tmp_path / "library.sqlite3"
    group = Group("Tuesday group", "We meet on Tuesdays")
    workshop = full_workshop(group_id=group.id)
    lib = open_library(path)
    lib.add_group(group)
    lib.add_workshop(workshop)
    lib.close()
    lib = open_library(path)
    try:
        assert lib.load_workshop(workshop.id) == workshop
        assert lib.groups() == [group]
    finally:
        lib.close()


def test_every_edit_is_on_disk_when_the_call_returns(library):
    workshop = library.add_workshop(Workshop("First"))
    library.update_workshop(workshop.id, title="Renamed")
    library.add_part(workshop.id, "agenda", AgendaItem("Item"))
    # A second connection sees the change at once: there is no Save.
    conn = raw(library.path)
    try:
        assert conn.execute("SELECT title FROM workshops").fetchall() == [("Renamed",)]
        assert conn.execute("SELECT title FROM agenda_items").fetchall() == [("Item",)]
    finally:
        conn.close()


# -- workshops -----------------------------------------------------------------


def test_add_and_load_a_whole_workshop(library):
    workshop = full_workshop()
    assert library.add_workshop(workshop) is workshop
    assert library.has_workshop(workshop.id)
    loaded = library.load_workshop(workshop.id)
    assert loaded == workshop
    assert loaded is not workshop
    assert isinstance(loaded.date, dt.date) and isinstance(loaded.start_time, dt.time)
    assert loaded.agenda[0].kind is ItemKind.WELCOME
    assert loaded.participants[0].access_needs == [AccessNeed.LARGE_PRINT, AccessNeed.AUDIO]
    assert all(isinstance(n, AccessNeed) for n in loaded.participants[0].access_needs)
    assert loaded.facilitators[1].lived_experience is True
    assert loaded.group_words[0].agreed is True
    assert loaded.decisions[0].agenda_item_id == loaded.agenda[1].id
    assert loaded.decisions[1].options == [Option("May", "calendar", 6), Option("June", "", 2)]
    assert all(isinstance(o, Option) for o in loaded.decisions[1].options)
    assert [d.agreed for d in loaded.decisions] == [True, True]
    assert loaded.decisions[1].agreement is Agreement.CHOSEN
    assert [i.text for i in loaded.ideas] == ["A bus buddy for new riders", "Ask the drivers to come"]
    assert loaded.ideas[0].agenda_item_id == loaded.agenda[1].id
    assert [a.carried_from_id for a in loaded.actions] == [None, "earlier0action"]


def test_a_workshop_with_nothing_but_a_title(library):
    workshop = library.add_workshop(Workshop("Bare"))
    assert library.load_workshop(workshop.id) == Workshop("Bare", id=workshop.id)


def test_loading_a_missing_workshop_says_so(library):
    with pytest.raises(WorkshopNotFound) as caught:
        library.load_workshop("nope")
    assert isinstance(caught.value, KeyError)
    assert "nope" in str(caught.value)
    assert not library.has_workshop("nope")


def test_a_failed_add_stores_nothing_and_tells_nobody(library):
    heard = []
    library.subscribe(heard.append)
    item = AgendaItem("Twice")
    workshop = Workshop("Broken", agenda=[item, AgendaItem("Again", id=item.id)])
    with pytest.raises(sqlite3.IntegrityError):
        library.add_workshop(workshop)
    assert not library.has_workshop(workshop.id)
    assert library.list_workshops() == []
    assert stored_positions(library.path, "agenda_items", workshop.id) == []
    assert heard == []
    # The library still works after the failed transaction.
    library.add_workshop(Workshop("Fine"))
    assert [s.title for s in library.list_workshops()] == ["Fine"]


def test_update_workshop_changes_only_the_fields_given(library):
    workshop = library.add_workshop(full_workshop())
    group = library.add_group(Group("Tuesday group"))
    library.update_workshop(
        workshop.id,
        title="New title",
        date=dt.date(2027, 1, 2),
        start_time=dt.time(13, 15),
        place="Library",
        group_id=group.id,
    )
    loaded = library.load_workshop(workshop.id)
    assert loaded.title == "New title"
    assert loaded.date == dt.date(2027, 1, 2)
    assert loaded.start_time == dt.time(13, 15)
    assert loaded.place == "Library"
    assert loaded.group_id == group.id
    assert loaded.purpose == workshop.purpose
    assert loaded.agenda == workshop.agenda
    assert loaded.decisions == workshop.decisions
    library.update_workshop(workshop.id, date=None, start_time=None)
    loaded = library.load_workshop(workshop.id)
    assert loaded.date is None and loaded.start_time is None


@pytest.mark.parametrize("changes", [{"colour": "red"}, {"id": "other"}, {"agenda": []}, {"title": "ok", "nope": 1}])
def test_update_workshop_refuses_what_cannot_change(library, changes):
    workshop = library.add_workshop(Workshop("Stays"))
    with pytest.raises(ValueError):
        library.update_workshop(workshop.id, **changes)
    assert library.load_workshop(workshop.id) == workshop


def test_update_workshop_of_a_missing_workshop(library):
    with pytest.raises(WorkshopNotFound):
        library.update_workshop("missing", title="x")


def test_update_workshop_with_nothing_to_change_does_nothing(library):
    workshop = library.add_workshop(Workshop("Stays"))
    library.update_workshop(workshop.id)  # a form with no changed fields may call this
    assert library.load_workshop(workshop.id) == workshop


def test_updated_time_moves_with_every_change(library, monkeypatch):
    import facilitator.core.library as library_module

    stamps = iter(f"2026-03-03T10:00:{n:02d}" for n in range(60))
    monkeypatch.setattr(library_module, "_stamp", lambda: next(stamps))
    workshop = library.add_workshop(Workshop("Timed"))
    seen = [library.list_workshops()[0].updated]
    library.update_workshop(workshop.id, title="Timed again")
    seen.append(library.list_workshops()[0].updated)
    library.add_part(workshop.id, "agenda", AgendaItem("a"))
    seen.append(library.list_workshops()[0].updated)
    library.remove_part(workshop.id, "agenda", library.load_workshop(workshop.id).agenda[0].id)
    seen.append(library.list_workshops()[0].updated)
    assert seen == ["2026-03-03T10:00:00", "2026-03-03T10:00:01", "2026-03-03T10:00:02", "2026-03-03T10:00:03"]
    conn = raw(library.path)
    try:
        assert conn.execute("SELECT created FROM workshops").fetchone()[0] == "2026-03-03T10:00:00"
    finally:
        conn.close()


def test_replace_workshop_stores_every_part_and_keeps_when_it_was_made(library, monkeypatch):
    import facilitator.core.library as library_module

    stamps = iter(["2026-01-01T09:00:00", "2026-02-02T09:00:00"])
    monkeypatch.setattr(library_module, "_stamp", lambda: next(stamps))
    workshop = library.add_workshop(full_workshop())
    workshop.title = "Changed"
    del workshop.agenda[0]
    workshop.decisions.reverse()
    workshop.group_words.append(GroupWord("Bus", "A big car"))
    library.replace_workshop(workshop)
    assert library.load_workshop(workshop.id) == workshop
    assert_agenda(library, workshop.id, workshop.agenda)
    conn = raw(library.path)
    try:
        assert conn.execute("SELECT created, updated FROM workshops").fetchall() == [
            ("2026-01-01T09:00:00", "2026-02-02T09:00:00")
        ]
        assert conn.execute("SELECT count(*) FROM agenda_items").fetchone()[0] == 2
    finally:
        conn.close()
    with pytest.raises(WorkshopNotFound):
        library.replace_workshop(Workshop("Not there"))


def test_remove_workshop_removes_every_part(library):
    group = library.add_group(Group("Tuesday group"))
    gone = library.add_workshop(full_workshop("Gone", group_id=group.id))
    kept = library.add_workshop(full_workshop("Kept", group_id=group.id).copy_with_new_ids())
    library.remove_workshop(gone.id)
    assert not library.has_workshop(gone.id)
    with pytest.raises(WorkshopNotFound):
        library.load_workshop(gone.id)
    conn = raw(library.path)
    try:
        for part, table in schema.PART_TABLES.items():
            left = conn.execute(f"SELECT count(*) FROM {table} WHERE workshop_id = ?", (gone.id,)).fetchone()[0]
            assert left == 0, table
            total = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert total == len(getattr(kept, part)), table
        assert conn.execute("SELECT count(*) FROM workshops").fetchone()[0] == 1
    finally:
        conn.close()
    assert library.load_workshop(kept.id) == kept
    assert library.groups() == [group]  # the group stays for its other workshops
    with pytest.raises(WorkshopNotFound):
        library.remove_workshop(gone.id)


# -- the list of workshops -----------------------------------------------------


def test_list_workshops_newest_first_undated_last_then_by_title(library):
    def add(title, date):
        return library.add_workshop(Workshop(title, date=date)).id

    ids = {
        "b": add("b", dt.date(2026, 3, 3)),
        "Zed": add("Zed", None),
        "A": add("A", dt.date(2026, 3, 3)),
        "old": add("old", dt.date(2025, 1, 1)),
        "apple": add("apple", None),
        "future": add("future", dt.date(2027, 1, 1)),
        "ancient": add("ancient", dt.date(999, 12, 31)),
    }
    summaries = library.list_workshops()
    assert [s.title for s in summaries] == ["future", "A", "b", "old", "ancient", "apple", "Zed"]
    assert [s.id for s in summaries] == [ids[s.title] for s in summaries]
    assert summaries[0].date == dt.date(2027, 1, 1)
    assert summaries[-1].date is None


def test_list_workshops_counts_decisions_and_names_the_group(library):
    group = library.add_group(Group("Tuesday group"))
    busy = library.add_workshop(full_workshop("Busy", group_id=group.id, place="Hall"))
    quiet = library.add_workshop(Workshop("Quiet", date=dt.date(2020, 1, 1)))
    summaries = {s.title: s for s in library.list_workshops()}
    assert summaries["Busy"].decision_count == 2
    assert summaries["Busy"].group_name == "Tuesday group"
    assert summaries["Busy"].place == "Hall"
    assert summaries["Quiet"].decision_count == 0
    assert summaries["Quiet"].group_name == ""
    library.add_part(busy.id, "decisions", Decision("A third"))
    library.add_part(quiet.id, "decisions", Decision("The first"))
    summaries = {s.title: s for s in library.list_workshops()}
    assert summaries["Busy"].decision_count == 3
    assert summaries["Quiet"].decision_count == 1
    library.remove_part(busy.id, "decisions", busy.decisions[0].id)
    assert {s.title: s.decision_count for s in library.list_workshops()} == {"Busy": 2, "Quiet": 1}


def test_groups_are_listed_by_name(library):
    b = library.add_group(Group("beta"))
    a = library.add_group(Group("Alpha", "First"))
    assert library.groups() == [a, b]
    assert library.group(a.id) == a
    assert library.group("missing") is None


# -- agenda items and the other parts -------------------------------------------


def test_add_part_at_the_end_at_the_start_and_in_between(library):
    workshop = library.add_workshop(Workshop("Agenda"))
    a, b, c, d, e, f = (AgendaItem(t) for t in "abcdef")
    library.add_part(workshop.id, "agenda", a)
    assert_agenda(library, workshop.id, [a])
    library.add_part(workshop.id, "agenda", b)
    assert_agenda(library, workshop.id, [a, b])
    library.add_part(workshop.id, "agenda", c, index=0)
    assert_agenda(library, workshop.id, [c, a, b])
    library.add_part(workshop.id, "agenda", d, index=2)
    assert_agenda(library, workshop.id, [c, a, d, b])
    library.add_part(workshop.id, "agenda", e, index=99)
    assert_agenda(library, workshop.id, [c, a, d, b, e])
    library.add_part(workshop.id, "agenda", f, index=-5)
    assert_agenda(library, workshop.id, [f, c, a, d, b, e])


def test_add_part_with_a_taken_id_changes_nothing(library):
    workshop = library.add_workshop(full_workshop())
    with pytest.raises(sqlite3.IntegrityError):
        library.add_part(workshop.id, "agenda", AgendaItem("Copy", id=workshop.agenda[2].id), index=0)
    assert_agenda(library, workshop.id, workshop.agenda)


def test_add_part_to_a_missing_workshop(library):
    with pytest.raises(WorkshopNotFound):
        library.add_part("missing", "agenda", AgendaItem("a"))


def test_update_part_saves_new_values_in_place(library):
    workshop = library.add_workshop(full_workshop())
    item = workshop.agenda[1]
    item.title = "Talking about trains"
    item.minutes = 55
    item.kind = ItemKind.ACTIVITY
    item.notes = "مرحبا 👋"
    library.update_part(workshop.id, "agenda", item)
    assert_agenda(library, workshop.id, workshop.agenda)
    person = workshop.participants[1]
    person.access_needs = [AccessNeed.INTERPRETER]
    library.update_part(workshop.id, "participants", person)
    decision = workshop.decisions[1]
    decision.agenda_item_id = workshop.agenda[0].id
    decision.agreement = Agreement.NOT_YET
    library.update_part(workshop.id, "decisions", decision)
    assert library.load_workshop(workshop.id) == workshop


def test_update_part_of_another_workshop_is_refused(library):
    mine = library.add_workshop(full_workshop("Mine"))
    theirs = library.add_workshop(full_workshop("Theirs").copy_with_new_ids())
    item = AgendaItem("Sneaky", id=theirs.agenda[0].id)
    with pytest.raises(KeyError):
        library.update_part(mine.id, "agenda", item)
    with pytest.raises(KeyError):
        library.update_part(mine.id, "agenda", AgendaItem("Nowhere"))
    assert library.load_workshop(theirs.id) == theirs
    assert library.load_workshop(mine.id) == mine


def test_remove_part_closes_up_the_positions(library):
    workshop = library.add_workshop(full_workshop())
    first, middle, last = workshop.agenda
    extra = AgendaItem("Extra")
    library.add_part(workshop.id, "agenda", extra)
    library.remove_part(workshop.id, "agenda", first.id)
    assert_agenda(library, workshop.id, [middle, last, extra])
    library.remove_part(workshop.id, "agenda", last.id)
    assert_agenda(library, workshop.id, [middle, extra])
    library.remove_part(workshop.id, "agenda", extra.id)
    assert_agenda(library, workshop.id, [middle])
    with pytest.raises(KeyError):
        library.remove_part(workshop.id, "agenda", first.id)
    assert_agenda(library, workshop.id, [middle])


def test_removing_an_agenda_item_unlinks_what_was_decided_in_it(library):
    workshop = library.add_workshop(full_workshop())
    talk = workshop.agenda[1]
    library.remove_part(workshop.id, "agenda", talk.id)
    loaded = library.load_workshop(workshop.id)
    assert [d.text for d in loaded.decisions] == [d.text for d in workshop.decisions]
    assert loaded.decisions[0].agenda_item_id is None
    assert loaded.ideas[0].agenda_item_id is None
    assert loaded.ideas[0].text == workshop.ideas[0].text
    assert loaded.actions[0].agenda_item_id is None
    assert loaded.parked_questions[0].agenda_item_id is None


def test_remove_part_of_another_workshop_is_refused(library):
    mine = library.add_workshop(full_workshop("Mine"))
    theirs = library.add_workshop(full_workshop("Theirs").copy_with_new_ids())
    with pytest.raises(KeyError):
        library.remove_part(mine.id, "agenda", theirs.agenda[0].id)
    assert library.load_workshop(theirs.id) == theirs


def test_move_part_to_every_place(library):
    workshop = library.add_workshop(Workshop("Moves", agenda=[AgendaItem(t) for t in "abcd"]))
    expected = list(workshop.agenda)
    for item_number in range(4):
        for new_index in (-3, 0, 1, 2, 3, 4, 50):
            item = expected[item_number]
            library.move_part(workshop.id, "agenda", item.id, new_index)
            expected.remove(item)
            expected.insert(max(0, min(new_index, len(expected))), item)
            assert_agenda(library, workshop.id, expected)


def test_move_part_of_a_missing_item(library):
    workshop = library.add_workshop(full_workshop())
    with pytest.raises(KeyError):
        library.move_part(workshop.id, "agenda", "missing", 0)
    with pytest.raises(WorkshopNotFound):
        library.move_part("missing", "agenda", workshop.agenda[0].id, 0)
    assert_agenda(library, workshop.id, workshop.agenda)


def test_changing_one_workshops_agenda_leaves_the_others_alone(library):
    one = library.add_workshop(full_workshop("One"))
    two = library.add_workshop(full_workshop("Two").copy_with_new_ids())
    library.add_part(one.id, "agenda", AgendaItem("New"), index=0)
    library.move_part(one.id, "agenda", one.agenda[2].id, 0)
    library.remove_part(one.id, "agenda", one.agenda[0].id)
    assert_agenda(library, two.id, two.agenda)
    assert library.load_workshop(two.id) == two


@pytest.mark.parametrize("part", list(WORKSHOP_PARTS))
def test_every_kind_of_part_can_be_added_moved_and_removed(library, part):
    workshop = library.add_workshop(full_workshop())
    cls = WORKSHOP_PARTS[part]
    extra = full_workshop().copy_with_new_ids()  # new parts of every kind
    new = getattr(extra, part)[0]
    if hasattr(new, "agenda_item_id"):
        new.agenda_item_id = workshop.agenda[0].id
    assert isinstance(new, cls)
    expected = list(getattr(workshop, part))
    library.add_part(workshop.id, part, new, index=0)
    expected.insert(0, new)
    assert getattr(library.load_workshop(workshop.id), part) == expected
    library.move_part(workshop.id, part, new.id, len(expected))
    expected.append(expected.pop(0))
    assert getattr(library.load_workshop(workshop.id), part) == expected
    library.remove_part(workshop.id, part, expected[0].id)
    del expected[0]
    assert getattr(library.load_workshop(workshop.id), part) == expected
    rows = stored_positions(library.path, schema.PART_TABLES[part], workshop.id)
    assert [r[1] for r in rows] == list(range(len(expected)))


AGENDA_OPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(-2, 12)),
        st.tuples(st.just("add_end"), st.just(0)),
        st.tuples(st.just("remove"), st.integers(0, 11)),
        st.tuples(st.just("move"), st.integers(0, 11), st.integers(-2, 12)),
    ),
    max_size=25,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(AGENDA_OPS)
def test_any_sequence_of_agenda_edits_keeps_positions_right(ops):
    with tempfile.TemporaryDirectory() as folder:
        lib = open_library(Path(folder) / "library.sqlite3")
        try:
            workshop = lib.add_workshop(Workshop("Edits"))
            expected: list[AgendaItem] = []
            for number, op in enumerate(ops):
                if op[0] == "add":
                    item = AgendaItem(f"item {number}", minutes=number + 1)
                    lib.add_part(workshop.id, "agenda", item, index=op[1])
                    expected.insert(max(0, min(op[1], len(expected))), item)
                elif op[0] == "add_end":
                    item = AgendaItem(f"item {number}")
                    lib.add_part(workshop.id, "agenda", item)
                    expected.append(item)
                elif expected and op[0] == "remove":
                    item = expected.pop(op[1] % len(expected))
                    lib.remove_part(workshop.id, "agenda", item.id)
                elif expected and op[0] == "move":
                    item = expected.pop(op[1] % len(expected))
                    lib.move_part(workshop.id, "agenda", item.id, op[2])
                    expected.insert(max(0, min(op[2], len(expected))), item)
            assert_agenda(lib, workshop.id, expected)
        finally:
            lib.close()


# -- listeners -------------------------------------------------------------------


def test_listeners_hear_every_change(library):
    heard: list[Change] = []
    library.subscribe(heard.append)
    workshop = library.add_workshop(full_workshop())
    wid = workshop.id
    library.update_workshop(wid, title="New")
    library.add_part(wid, "agenda", AgendaItem("Extra"))
    item = workshop.agenda[0]
    item.title = "Hello"
    library.update_part(wid, "agenda", item)
    library.move_part(wid, "agenda", item.id, 2)
    library.remove_part(wid, "agenda", item.id)
    library.replace_workshop(library.load_workshop(wid))
    library.remove_workshop(wid)
    assert heard == [Change("added", wid)] + [Change("changed", wid)] * 6 + [Change("removed", wid)]
    library.unsubscribe(heard.append)
    library.add_workshop(Workshop("Unheard"))
    assert len(heard) == 8


def test_listeners_hear_after_the_change_is_saved(library):
    seen = []
    library.subscribe(lambda change: seen.append((change.kind, library.load_workshop(change.workshop_id).title)))
    workshop = library.add_workshop(Workshop("Before"))
    library.update_workshop(workshop.id, title="After")
    assert seen == [("added", "Before"), ("changed", "After")]


def test_failed_changes_are_not_announced(library):
    heard = []
    library.subscribe(heard.append)
    workshop = library.add_workshop(Workshop("Only"))
    heard.clear()
    for attempt in (
        lambda: library.update_workshop("missing", title="x"),
        lambda: library.remove_workshop("missing"),
        lambda: library.add_part("missing", "agenda", AgendaItem("a")),
        lambda: library.remove_part(workshop.id, "agenda", "missing"),
        lambda: library.move_part(workshop.id, "agenda", "missing", 0),
        lambda: library.update_part(workshop.id, "agenda", AgendaItem("not stored")),
        lambda: library.update_workshop(workshop.id, colour="red"),
    ):
        with pytest.raises((KeyError, ValueError)):
            attempt()
    assert heard == []


def test_several_listeners_and_one_that_leaves_while_hearing(library):
    first, second = [], []

    def leave_after_one(change):
        first.append(change)
        library.unsubscribe(leave_after_one)

    library.subscribe(leave_after_one)
    library.subscribe(second.append)
    one = library.add_workshop(Workshop("One"))
    two = library.add_workshop(Workshop("Two"))
    assert first == [Change("added", one.id)]
    assert second == [Change("added", one.id), Change("added", two.id)]


# -- backups -----------------------------------------------------------------------


def backup_names(path: Path) -> list[str]:
    return [p.name for p in backup.list_backups(backup.backups_dir(path))]


def test_a_new_library_has_no_backups_yet(tmp_path):
    path = tmp_path / "library.sqlite3"
    open_library(path, now=DAY).close()
    assert backup_names(path) == []
    assert backup.backups_dir(path) == tmp_path / "library-backups"


def test_a_daily_backup_is_made_once_a_day(tmp_path):
    path = tmp_path / "library.sqlite3"
    lib = open_library(path, now=DAY)
    workshop = lib.add_workshop(full_workshop())
    lib.close()
    open_library(path, now=DAY + dt.timedelta(hours=1)).close()
    assert backup_names(path) == ["library-2026-03-03-103000-01-daily.sqlite3"]
    open_library(path, now=DAY + dt.timedelta(hours=5)).close()
    open_library(path, now=DAY + dt.timedelta(hours=14)).close()  # 23:30, still the same day
    assert backup_names(path) == ["library-2026-03-03-103000-01-daily.sqlite3"]
    open_library(path, now=DAY + dt.timedelta(days=1)).close()
    assert backup_names(path) == [
        "library-2026-03-03-103000-01-daily.sqlite3",
        "library-2026-03-04-093000-01-daily.sqlite3",
    ]
    # A backup is a whole library: it can be opened and holds the workshop.
    newest = backup.list_backups(backup.backups_dir(path))[-1]
    copy = tmp_path / "elsewhere" / "restored.sqlite3"
    copy.parent.mkdir()
    copy.write_bytes(newest.read_bytes())
    restored = open_library(copy, now=DAY)
    try:
        assert restored.load_workshop(workshop.id) == workshop
    finally:
        restored.close()


def test_only_the_newest_backups_are_kept(tmp_path):
    path = tmp_path / "library.sqlite3"
    open_library(path, now=DAY).close()
    days = [DAY + dt.timedelta(days=n) for n in range(1, backup.KEEP + 6)]
    for day in days:
        open_library(path, now=day).close()
    names = backup_names(path)
    assert len(names) == backup.KEEP
    assert names == [f"library-{day:%Y-%m-%d-%H%M%S}-01-daily.sqlite3" for day in days[-backup.KEEP :]]


def test_a_manual_backup_is_a_valid_copy(library):
    workshop = library.add_workshop(full_workshop())
    made = library.make_backup()
    assert made.parent == library.backups_dir
    assert made.name.endswith("-manual.sqlite3")
    conn = raw(made)
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT title FROM workshops").fetchall() == [(workshop.title,)]
    finally:
        conn.close()


def test_backups_made_in_the_same_second_stay_in_the_order_they_were_made(library):
    folder = library.backups_dir
    first = backup.make_backup(library._conn, folder, "manual", DAY)
    second = backup.make_backup(library._conn, folder, "manual", DAY)
    third = backup.make_backup(library._conn, folder, "manual", DAY)
    assert len({first, second, third}) == 3
    # list_backups promises "oldest first", and the error message calls the last one "the newest".
    assert backup.list_backups(folder) == [first, second, third]


def add_a_second_migration(monkeypatch, sql="ALTER TABLE workshops ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue';"):
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, sql])
    monkeypatch.setattr(schema, "CURRENT_VERSION", len(schema.MIGRATIONS))


def test_a_backup_is_made_before_a_migration(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    lib = open_library(path, now=DAY)
    workshop = lib.add_workshop(full_workshop())
    lib.close()
    old_version = schema.CURRENT_VERSION
    add_a_second_migration(monkeypatch)
    later = DAY + dt.timedelta(days=30)
    lib = open_library(path, now=later)
    try:
        assert lib.load_workshop(workshop.id) == workshop
    finally:
        lib.close()
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version + 1
        assert conn.execute("SELECT colour FROM workshops").fetchall() == [("blue",)]
    finally:
        conn.close()
    expected = f"library-{later:%Y-%m-%d-%H%M%S}-01-before-update-{old_version}-to-{old_version + 1}.sqlite3"
    assert expected in backup_names(path)
    before = backup.backups_dir(path) / expected
    assert before.read_bytes().startswith(b"SQLite format 3\x00")
    conn = raw(before)
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
        assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        columns = [r[1] for r in conn.execute("PRAGMA table_info(workshops)")]
        assert "colour" not in columns
        assert conn.execute("SELECT id, title FROM workshops").fetchall() == [(workshop.id, workshop.title)]
        assert conn.execute("SELECT count(*) FROM agenda_items").fetchone()[0] == len(workshop.agenda)
    finally:
        conn.close()
    # Opened again the same day: already up to date, so no second migration backup.
    open_library(path, now=later + dt.timedelta(hours=1)).close()
    assert sum("before-update" in name for name in backup_names(path)) == 1


def test_a_migration_that_fails_leaves_the_library_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    lib = open_library(path, now=DAY)
    workshop = lib.add_workshop(full_workshop())
    lib.close()
    old_version = schema.CURRENT_VERSION
    add_a_second_migration(
        monkeypatch, "ALTER TABLE workshops ADD COLUMN colour TEXT; INSERT INTO no_such_table VALUES (1);"
    )
    with pytest.raises(sqlite3.Error):
        open_library(path, now=DAY + dt.timedelta(days=1))
    assert any("before-update" in name for name in backup_names(path))
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
        assert "colour" not in [r[1] for r in conn.execute("PRAGMA table_info(workshops)")]
    finally:
        conn.close()
    monkeypatch.undo()
    lib = open_library(path, now=DAY + dt.timedelta(days=2))
    try:
        assert lib.load_workshop(workshop.id) == workshop
    finally:
        lib.close()


def test_a_library_made_by_a_newer_version_after_a_migration_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    open_library(path, now=DAY).close()
    add_a_second_migration(monkeypatch)
    open_library(path, now=DAY).close()
    monkeypatch.undo()
    before = path.read_bytes()
    with pytest.raises(LibraryUnusable, match="newer version"):
        open_library(path, now=DAY)
    assert path.read_bytes() == before


# -- the update from a version 3 library (pronunciations came with version 4) --------------


def make_version_3_library(path: Path) -> Workshop:
    """A library as version 3 of the app left it, with one workshop that has an item and its timing."""
    item = AgendaItem("Croeso", minutes=15, kind=ItemKind.WELCOME)
    timing = ItemTiming(dt.datetime(2026, 3, 3, 10, 2), dt.datetime(2026, 3, 3, 10, 20), agenda_item_id=item.id)
    workshop = Workshop("Bws", language="cy", date=dt.date(2026, 3, 3), agenda=[item], timings=[timing])
    conn = raw(path)
    try:
        conn.executescript("".join(schema.MIGRATIONS[:3]))
        conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 3")
        conn.execute(
            "INSERT INTO workshops (id, title, date, language, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
            (workshop.id, "Bws", "2026-03-03", "cy", "2026-01-01T10:00:00", "2026-01-01T10:00:00"),
        )
        conn.execute(
            "INSERT INTO agenda_items (id, workshop_id, position, title, minutes, kind) VALUES (?, ?, 0, ?, 15, ?)",
            (item.id, workshop.id, "Croeso", "welcome"),
        )
        conn.execute(
            "INSERT INTO item_timings (id, workshop_id, position, started, ended, agenda_item_id) "
            "VALUES (?, ?, 0, ?, ?, ?)",
            (timing.id, workshop.id, "2026-03-03T10:02:00", "2026-03-03T10:20:00", item.id),
        )
        conn.commit()
    finally:
        conn.close()
    return workshop


def test_pronunciations_came_with_version_4():
    assert schema.CURRENT_VERSION == 6 == len(schema.MIGRATIONS)
    assert "CREATE TABLE pronunciations" in schema.MIGRATIONS[3]
    assert not any("pronunciations" in migration for migration in schema.MIGRATIONS[:3] + schema.MIGRATIONS[4:])
    assert schema.PART_TABLES["pronunciations"] == "pronunciations"


def test_a_version_3_library_is_updated_and_its_workshops_get_no_pronunciations(tmp_path):
    path = tmp_path / "library.sqlite3"
    workshop = make_version_3_library(path)
    lib = open_library(path, now=DAY)
    try:
        assert not lib.created
        loaded = lib.load_workshop(workshop.id)
        assert loaded == workshop
        assert loaded.pronunciations == []
        # the new table works, and keeps the Welsh letters
        said = Pronunciation("Dŵr", "Door")
        lib.add_part(workshop.id, "pronunciations", said)
        assert lib.load_workshop(workshop.id).pronunciations == [said]
    finally:
        lib.close()
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION == 6
        assert conn.execute("SELECT written, spoken, position FROM pronunciations").fetchall() == [("Dŵr", "Door", 0)]
    finally:
        conn.close()
    # One backup before the whole update, straight from 3 to the newest version.
    (before,) = [name for name in backup_names(path) if "before-update" in name]
    assert before.endswith("-before-update-3-to-6.sqlite3")
    conn = raw(backup.backups_dir(path) / before)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "item_timings" in tables and "pronunciations" not in tables
    finally:
        conn.close()


def test_removing_a_workshop_removes_its_pronunciations(library):
    # They are mostly people's names: nothing of them may stay behind.
    workshop = library.add_workshop(full_workshop())
    conn = raw(library.path)
    try:
        assert conn.execute("SELECT count(*) FROM pronunciations").fetchone()[0] == 2
        library.remove_workshop(workshop.id)
        assert conn.execute("SELECT count(*) FROM pronunciations").fetchone()[0] == 0
    finally:
        conn.close()


# -- the update from a version 4 library (deciding together came with version 5) -----------


def make_version_4_library(path: Path) -> Workshop:
    """A library as version 4 left it: one workshop with a decision of each kind of agreement, an action."""
    item = AgendaItem("Dewis", minutes=20, kind=ItemKind.DECIDE)
    decisions = [
        Decision("Meet in May", agenda_item_id=item.id, agreement=Agreement.COUNTED, agree=7, not_sure=2, disagree=1),
        Decision("Ask for free passes 🚌", agreement=Agreement.EVERYONE, suggested_by="Carys"),
        Decision("نقرر لاحقاً", agreement=Agreement.NOT_YET),
    ]
    action = Action("Book the room", who="Ann", by_when=dt.date(2026, 4, 1), status=ActionStatus.STUCK)
    said = Pronunciation("Dŵr", "Door")
    workshop = Workshop("Bws", language="cy", date=dt.date(2026, 3, 3), agenda=[item], decisions=decisions,
                        actions=[action], pronunciations=[said])
    conn = raw(path)
    try:
        conn.executescript("".join(schema.MIGRATIONS[:4]))
        conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 4")
        conn.execute(
            "INSERT INTO workshops (id, title, date, language, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
            (workshop.id, "Bws", "2026-03-03", "cy", "2026-01-01T10:00:00", "2026-01-01T10:00:00"),
        )
        conn.execute(
            "INSERT INTO agenda_items (id, workshop_id, position, title, minutes, kind) VALUES (?, ?, 0, ?, 20, ?)",
            (item.id, workshop.id, "Dewis", "decide"),
        )
        for n, d in enumerate(decisions):
            conn.execute(
                "INSERT INTO decisions (id, workshop_id, position, text, agenda_item_id, agreement, agree, not_sure, "
                "disagree, suggested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (d.id, workshop.id, n, d.text, d.agenda_item_id, d.agreement.value, d.agree, d.not_sure, d.disagree,
                 d.suggested_by),
            )
        conn.execute(
            "INSERT INTO actions (id, workshop_id, position, what, who, by_when, status) VALUES (?, ?, 0, ?, ?, ?, ?)",
            (action.id, workshop.id, action.what, action.who, "2026-04-01", "stuck"),
        )
        conn.execute(
            "INSERT INTO pronunciations (id, workshop_id, position, written, spoken) VALUES (?, ?, 0, ?, ?)",
            (said.id, workshop.id, said.written, said.spoken),
        )
        conn.commit()
    finally:
        conn.close()
    return workshop


def test_deciding_together_came_with_version_5():
    assert "CREATE TABLE ideas" in schema.MIGRATIONS[4]
    assert schema.PART_TABLES["ideas"] == "ideas"
    assert not any("ideas" in migration for migration in schema.MIGRATIONS[:4])


def test_a_version_4_library_is_updated_and_decisions_that_say_how_people_agreed_are_agreed(tmp_path):
    path = tmp_path / "library.sqlite3"
    workshop = make_version_4_library(path)
    lib = open_library(path, now=DAY)
    try:
        loaded = lib.load_workshop(workshop.id)
        assert [d.agreed for d in loaded.decisions] == [True, True, False]
        for decision in workshop.decisions[:2]:
            decision.agreed = True
        assert loaded == workshop  # everything else kept as it was
        assert [d.options for d in loaded.decisions] == [[], [], []]
        assert loaded.ideas == [] and loaded.actions[0].carried_from_id is None
        # the new table and columns work
        idea = Idea("Bws am ddim 🚌", suggested_by="Carys", agenda_item_id=workshop.agenda[0].id)
        lib.add_part(workshop.id, "ideas", idea)
        loaded.decisions[2].options = [Option("Mai", "calendar", 3)]
        lib.update_part(workshop.id, "decisions", loaded.decisions[2])
        again = lib.load_workshop(workshop.id)
        assert again.ideas == [idea]
        assert again.decisions[2].options == [Option("Mai", "calendar", 3)]
    finally:
        lib.close()
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 6
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    (before,) = [name for name in backup_names(path) if "before-update" in name]
    assert before.endswith("-before-update-4-to-6.sqlite3")
    conn = raw(backup.backups_dir(path) / before)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
        assert "agreed" not in [r[1] for r in conn.execute("PRAGMA table_info(decisions)")]
    finally:
        conn.close()


def test_options_ideas_and_carried_actions_are_kept_through_every_kind_of_change(library):
    workshop = library.add_workshop(full_workshop())
    decision = workshop.decisions[1]
    decision.options = [Option("Mai 🌸", "calendar", 6), Option("يونيو", count=6), Option("x" * 10_000)]
    decision.agreed = False
    library.update_part(workshop.id, "decisions", decision)
    assert library.load_workshop(workshop.id).decisions[1] == decision
    decision.options = []
    library.update_part(workshop.id, "decisions", decision)
    assert library.load_workshop(workshop.id).decisions[1].options == []
    library.remove_part(workshop.id, "ideas", workshop.ideas[0].id)
    library.add_part(workshop.id, "actions", Action("Ring again", carried_from_id="older-one"), 0)
    loaded = library.load_workshop(workshop.id)
    assert loaded.ideas == [workshop.ideas[1]]
    assert stored_positions(library.path, "ideas", workshop.id) == [(workshop.ideas[1].id, 0)]
    assert [a.carried_from_id for a in loaded.actions] == ["older-one", None, "earlier0action"]
    with pytest.raises(KeyError):
        library.remove_part(workshop.id, "ideas", workshop.ideas[0].id)
    library.remove_workshop(workshop.id)
    conn = raw(library.path)
    try:
        assert conn.execute("SELECT count(*) FROM ideas").fetchone()[0] == 0
    finally:
        conn.close()


def test_a_groups_decisions_come_with_their_options_and_whether_they_were_agreed(library):
    group = library.add_group(Group("Tuesday group"))
    workshop = library.add_workshop(full_workshop(group=group))
    found = library.group_decisions(group.id)
    assert [each.decision for each in found] == workshop.decisions
    assert found[1].decision.options[0] == Option("May", "calendar", 6)


# -- the update from a version 5 library (who came, who leads, what to bring came with version 6) ----


def test_who_came_and_the_run_sheet_came_with_version_6():
    assert schema.CURRENT_VERSION == 6
    assert "came" in schema.MIGRATIONS[5] and "led_by" in schema.MIGRATIONS[5] and "to_bring" in schema.MIGRATIONS[5]
    assert not any(word in migration for migration in schema.MIGRATIONS[:5] for word in ("came", "led_by", "to_bring"))


def test_a_version_5_library_is_updated_and_nobody_is_ticked_as_came(tmp_path):
    path = tmp_path / "library.sqlite3"
    conn = raw(path)
    try:
        conn.executescript("".join(schema.MIGRATIONS[:5]))
        conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 5")
        conn.execute("INSERT INTO workshops (id, title, language, created, updated) VALUES "
                     "('w1', 'Bws', 'cy', '2026-01-01T10:00:00', '2026-01-01T10:00:00')")
        conn.execute("INSERT INTO participants (id, workshop_id, position, name, access_needs) VALUES "
                     "('p1', 'w1', 0, 'Carys', '[\"large_print\"]'), ('p2', 'w1', 1, 'Dee', '[]')")
        conn.execute("INSERT INTO agenda_items (id, workshop_id, position, title, minutes, kind) VALUES "
                     "('a1', 'w1', 0, 'Croeso', 15, 'welcome')")
        conn.commit()
    finally:
        conn.close()
    lib = open_library(path, now=DAY)
    try:
        loaded = lib.load_workshop("w1")
        assert [(p.name, p.came) for p in loaded.participants] == [("Carys", None), ("Dee", None)]
        assert loaded.people_there() == loaded.participants  # nobody ticked: everyone counts, as before
        assert (loaded.agenda[0].led_by, loaded.agenda[0].to_bring) == ("", "")
        # the new columns work, and keep what is written in them
        loaded.participants[0].came = True
        loaded.participants[1].came = False
        lib.update_part("w1", "participants", loaded.participants[0])
        lib.update_part("w1", "participants", loaded.participants[1])
        loaded.agenda[0].led_by, loaded.agenda[0].to_bring = "Marcus 👋", "Te a bisgedi ☕, y map"
        lib.update_part("w1", "agenda", loaded.agenda[0])
        assert lib.load_workshop("w1") == loaded
    finally:
        lib.close()
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 6
        assert conn.execute("SELECT came FROM participants ORDER BY position").fetchall() == [(1,), (0,)]
    finally:
        conn.close()
    (before,) = [name for name in backup_names(path) if "before-update" in name]
    assert before.endswith("-before-update-5-to-6.sqlite3")


# -- damaged and foreign files -------------------------------------------------------


def with_fixed_ids(workshop: Workshop, prefix: str) -> Workshop:
    """The workshop with ids that are the same on every run, links kept."""
    renamed = {}
    workshop.id = f"{prefix}-workshop"
    for part in WORKSHOP_PARTS:
        for n, obj in enumerate(getattr(workshop, part)):
            renamed[obj.id] = obj.id = f"{prefix}-{part}-{n}"
    for part in LINKED_PARTS:
        for obj in getattr(workshop, part):
            if obj.agenda_item_id is not None:
                obj.agenda_item_id = renamed[obj.agenda_item_id]
    return workshop


def real_library_bytes(folder: Path, workshops: int = 1) -> bytes:
    """The bytes of a real, closed library holding some workshops, laid out the same on every run."""
    path = folder / "source.sqlite3"
    lib = open_library(path, now=DAY)
    for n in range(workshops):
        workshop = full_workshop(f"Workshop {n}")
        workshop.agenda.extend(AgendaItem(f"Item {i}", notes="Notes " * 50) for i in range(20))
        lib.add_workshop(with_fixed_ids(workshop, f"w{n:03d}"))
    lib.close()
    data = path.read_bytes()
    path.unlink()
    return data


@pytest.fixture(scope="module")
def big_library_bytes(tmp_path_factory) -> bytes:
    data = real_library_bytes(tmp_path_factory.mktemp("big"), workshops=40)
    assert len(data) > 300_000
    return data


def other_programs_database(path: Path, wal: bool = False, app_id: int = 0) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    if app_id:
        conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT, taken TEXT)")
    conn.executemany("INSERT INTO photos (file, taken) VALUES (?, ?)", [(f"img{n}.jpg", "2020") for n in range(50)])
    conn.commit()
    conn.close()


def newer_library(path: Path) -> None:
    lib = open_library(path, now=DAY)
    lib.add_workshop(full_workshop())
    lib.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.CURRENT_VERSION + 1}")
    conn.close()


def write_bytes(data_for):
    def make(path: Path, big: bytes) -> None:
        path.write_bytes(data_for(path.parent, big))

    return make


DAMAGED = {
    "half of a library": write_bytes(lambda folder, big: (d := real_library_bytes(folder))[: len(d) // 2]),
    "big library cut to 70%": write_bytes(lambda folder, big: big[: len(big) * 7 // 10]),
    "big library, last 3 pages cut": write_bytes(lambda folder, big: big[: len(big) - 3 * 4096]),
    "big library, last 100 bytes cut": write_bytes(lambda folder, big: big[:-100]),
    "big library, last byte cut": write_bytes(lambda folder, big: big[:-1]),
    "only the header of a library": write_bytes(lambda folder, big: big[:100]),
    "random bytes": write_bytes(lambda folder, big: random.Random(7).randbytes(50_000)),
    "SQLite header then random bytes": write_bytes(
        lambda folder, big: b"SQLite format 3\x00" + random.Random(8).randbytes(20_000)
    ),
    "empty file": write_bytes(lambda folder, big: b""),
    "text file": write_bytes(lambda folder, big: ("Shopping list: milk, bread, tea.\n" * 40).encode()),
    "short text file": write_bytes(lambda folder, big: b"hello"),
    "another program's database": lambda path, big: other_programs_database(path),
    "another program's WAL database": lambda path, big: other_programs_database(path, wal=True),
    "another program's database with its own application id": lambda path, big: other_programs_database(
        path, app_id=0x12345678
    ),
    "a library from a newer version": lambda path, big: newer_library(path),
}

EXPECTED_PROBLEM = {
    "another program's database": "belongs to another program",
    "another program's WAL database": "belongs to another program",
    "another program's database with its own application id": "belongs to another program",
    "a library from a newer version": "newer version",
}


@pytest.fixture(params=list(DAMAGED))
def damaged(request, tmp_path, big_library_bytes):
    folder = tmp_path / "damaged"
    folder.mkdir()
    path = folder / "library.sqlite3"
    DAMAGED[request.param](path, big_library_bytes)
    return request.param, path


def refusal(path: Path) -> LibraryUnusable:
    """The error from opening a file that must not open; fails the test if it opens."""
    try:
        lib = open_library(path, now=DAY + dt.timedelta(days=1))
    except LibraryUnusable as error:
        return error
    lib.close()
    pytest.fail(f"{path} was opened as a library")


def test_a_damaged_or_foreign_file_is_refused_and_left_unchanged(damaged):
    kind, path = damaged
    before = path.read_bytes()
    error = refusal(path)
    message = str(error)
    assert error.path == path
    assert str(path) in message
    assert str(backup.backups_dir(path)) in message
    assert "has not been changed" in message
    assert EXPECTED_PROBLEM.get(kind, "damaged") in message
    assert path.read_bytes() == before
    assert not backup.backups_dir(path).exists()


def test_a_damaged_or_foreign_file_leaves_no_other_files_behind(damaged):
    kind, path = damaged
    files_before = sorted(p.name for p in path.parent.iterdir())
    refusal(path)
    assert sorted(p.name for p in path.parent.iterdir()) == files_before
    assert not path.with_name(path.name + "-wal").exists()
    assert not path.with_name(path.name + "-shm").exists()
    assert not path.with_name(path.name + "-journal").exists()


def test_the_message_about_a_damaged_library_names_the_newest_backup(tmp_path):
    path = tmp_path / "library.sqlite3"
    lib = open_library(path, now=DAY)
    workshop = lib.add_workshop(full_workshop())
    lib.close()
    open_library(path, now=DAY + dt.timedelta(days=1)).close()
    open_library(path, now=DAY + dt.timedelta(days=2)).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(LibraryUnusable) as caught:
        open_library(path, now=DAY + dt.timedelta(days=3))
    message = str(caught.value)
    newest = backup.list_backups(backup.backups_dir(path))[-1]
    assert newest.name == f"library-{DAY + dt.timedelta(days=2):%Y-%m-%d-%H%M%S}-01-daily.sqlite3"
    assert str(backup.backups_dir(path)) in message
    assert newest.name in message
    assert "--library" in message
    assert len(backup_names(path)) == 2  # refusing made no new backup
    # Following the advice works: the backup opens as a library.
    restored = open_library(newest, now=DAY + dt.timedelta(days=3))
    try:
        assert restored.load_workshop(workshop.id) == workshop
    finally:
        restored.close()


def test_summary_is_one_line_of_the_list(library):
    group = library.add_group(Group("Riverside"))
    workshop = library.add_workshop(full_workshop("Bus passes", group_id=group.id))
    assert library.summary(workshop.id) == library.list_workshops()[0]
    assert library.summary(workshop.id).group_name == "Riverside"
    assert library.summary(workshop.id).decision_count == len(workshop.decisions)
    with pytest.raises(WorkshopNotFound):
        library.summary("not-there")
