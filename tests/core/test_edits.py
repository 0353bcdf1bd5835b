"""Undoable edits: each one applied to a real library and reverted, checked against what is stored."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.edits import (
    PART_NAMES,
    TYPED_FIELDS,
    AddPart,
    ChangePart,
    ChangeWorkshop,
    MovePart,
    RemovePart,
)
from facilitator.core.library import open_library
from facilitator.core.model import (
    LINKED_PARTS,
    WORKSHOP_PARTS,
    AccessNeed,
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Decision,
    Facilitator,
    GroupWord,
    Idea,
    ItemKind,
    ItemTiming,
    Option,
    ParkedQuestion,
    Participant,
    Pronunciation,
    Workshop,
)
from tests.core.samples import full_workshop


@pytest.fixture
def stored(library) -> Workshop:
    """The sample workshop, as the library stores it."""
    workshop = library.add_workshop(full_workshop())
    return library.load_workshop(workshop.id)


def with_part(workshop: Workshop, part: str, objects: list) -> Workshop:
    """A copy of the workshop with one of its lists replaced."""
    changed = copy.deepcopy(workshop)
    setattr(changed, part, copy.deepcopy(objects))
    return changed


def replaced(workshop: Workshop, part: str, obj) -> Workshop:
    """A copy of the workshop with the part of the same id as ``obj`` replaced by it."""
    return with_part(workshop, part, [obj if o.id == obj.id else o for o in getattr(workshop, part)])


def apply_and_revert(library, edit, before: Workshop, after: Workshop) -> None:
    """Apply, revert and apply again (redo), checking what is stored each time."""
    edit.apply(library)
    assert library.load_workshop(before.id) == after
    edit.revert(library)
    assert library.load_workshop(before.id) == before
    edit.apply(library)
    assert library.load_workshop(before.id) == after
    edit.revert(library)
    assert library.load_workshop(before.id) == before


# -- the workshop's own fields -----------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", "Bus passes, part two"),
        ("purpose", ""),
        ("date", dt.date(2027, 1, 31)),
        ("date", None),
        ("start_time", dt.time(13, 45)),
        ("room_booked_until", None),
        ("place", "Library, room 2"),
        ("language", "ar"),
    ],
)
def test_change_workshop_applies_and_reverts(library, stored, field, value):
    edit = ChangeWorkshop(stored.id, field, getattr(stored, field), value)
    apply_and_revert(library, edit, stored, dataclasses.replace(copy.deepcopy(stored), **{field: value}))


def test_change_workshop_leaves_other_workshops_alone(library, stored):
    other = library.add_workshop(full_workshop("Other"))
    ChangeWorkshop(stored.id, "title", stored.title, "Changed").apply(library)
    assert library.load_workshop(other.id) == other


# -- one field of a part ---------------------------------------------------------------------------

CHANGES = [
    ("facilitators", 1, {"lived_experience": False, "role": "co-lead"}),
    ("participants", 0, {"access_needs": [AccessNeed.EASY_READ]}),
    ("participants", 1, {"alias": "Deedee"}),
    ("agenda", 1, {"minutes": 55}),
    ("agenda", 0, {"kind": ItemKind.OTHER}),
    ("agenda", 2, {"picture": "own:abc123"}),
    ("decisions", 0, {"agreement": Agreement.EVERYONE, "agree": 0, "not_sure": 0}),
    ("decisions", 1, {"agenda_item_id": None, "text": "Meet again in June"}),
    ("decisions", 1, {"options": [Option("June", "sun", 5), Option("July 🌞", count=5)], "agreed": False}),
    ("decisions", 0, {"agreement": Agreement.CHOSEN, "options": [Option("Free passes")], "agreed": True}),
    ("ideas", 0, {"agenda_item_id": None, "text": "A bus buddy", "suggested_by": "Dee"}),
    ("actions", 1, {"carried_from_id": None, "status": ActionStatus.NOT_YET}),
    ("actions", 0, {"by_when": None}),
    ("actions", 1, {"status": ActionStatus.STUCK, "by_when": dt.date(2026, 6, 1)}),
    ("parked_questions", 0, {"agenda_item_id": None}),
    ("group_words", 0, {"agreed": False, "meaning": "The people we vote for"}),
    ("pronunciations", 1, {"spoken": "Doo-er Kum-ree"}),
    ("pronunciations", 0, {"written": "Carys Ŵen", "spoken": "Kar-iss Oo-en"}),
]


@pytest.mark.parametrize("part, index, changes", CHANGES, ids=lambda v: str(v)[:30])
def test_change_part_applies_and_reverts(library, stored, part, index, changes):
    obj = getattr(stored, part)[index]
    edit = ChangePart.of(stored.id, part, obj, **changes)
    after = dataclasses.replace(copy.deepcopy(obj), **changes)
    apply_and_revert(library, edit, stored, replaced(stored, part, after))


def test_change_part_can_link_a_decision_to_another_item(library, stored):
    decision = stored.decisions[1]
    edit = ChangePart.of(stored.id, "decisions", decision, agenda_item_id=stored.agenda[2].id)
    after = dataclasses.replace(copy.deepcopy(decision), agenda_item_id=stored.agenda[2].id)
    apply_and_revert(library, edit, stored, replaced(stored, "decisions", after))


def test_change_part_of_leaves_the_object_it_was_given_alone(stored):
    item = stored.agenda[1]
    untouched = copy.deepcopy(item)
    edit = ChangePart.of(stored.id, "agenda", item, title="New title", minutes=5)
    assert item == untouched
    assert edit.before == untouched
    assert edit.after == dataclasses.replace(untouched, title="New title", minutes=5)
    assert edit.before is not item and edit.after is not item


def test_change_part_of_copies_lists_too(stored):
    person = stored.participants[0]
    edit = ChangePart.of(stored.id, "participants", person, other_needs="Quiet room")
    person.access_needs.append(AccessNeed.BREAKS)
    assert AccessNeed.BREAKS not in edit.before.access_needs
    assert AccessNeed.BREAKS not in edit.after.access_needs


def test_change_part_of_names_the_field_only_when_one_changes(stored):
    item = stored.agenda[0]
    assert ChangePart.of(stored.id, "agenda", item, title="Hi").field == "title"
    assert ChangePart.of(stored.id, "agenda", item, title="Hi", minutes=3).field == ""


def test_an_applied_edit_is_not_changed_by_later_changes_to_its_objects(library, stored):
    item = stored.agenda[1]
    edit = ChangePart.of(stored.id, "agenda", item, minutes=45)
    edit.apply(library)
    edit.after.minutes = 99  # the stored copy is its own
    assert library.load_workshop(stored.id).agenda[1].minutes == 45


def test_change_part_of_something_not_stored_fails(library, stored):
    edit = ChangePart.of(stored.id, "agenda", AgendaItem("Not there"), title="Still not")
    with pytest.raises(KeyError):
        edit.apply(library)
    assert library.load_workshop(stored.id) == stored


# -- adding, removing and moving parts ----------------------------------------------------------------

NEW_PARTS = [
    ("facilitators", Facilitator("Cai")),
    ("participants", Participant(alias="Sam", access_needs=[AccessNeed.AUDIO])),
    ("agenda", AgendaItem("Lunch", minutes=30, kind=ItemKind.BREAK, picture="tea")),
    ("decisions", Decision("Write a letter", agreement=Agreement.COUNTED, agree=4)),
    ("decisions", Decision("Where?", agreement=Agreement.CHOSEN, options=[Option("Café", "cup", 3)], agreed=True)),
    ("ideas", Idea("Ask the drivers", suggested_by="Carys")),
    ("actions", Action("Ring again", status=ActionStatus.STUCK, carried_from_id="earlier-action")),
    ("actions", Action("Send the letter", who="Bo", by_when=dt.date(2026, 5, 1))),
    ("parked_questions", ParkedQuestion("And taxis?", asked_by="Dee")),
    ("group_words", GroupWord("Bus pass", "A card for free travel")),
    ("timings", ItemTiming(dt.datetime(2026, 3, 3, 11, 6), agenda_item_id=None)),
    ("pronunciations", Pronunciation("Llanelli", "Hlan-ethli")),
]


@pytest.mark.parametrize("part, obj", NEW_PARTS, ids=[f"{p}-{n}" for n, (p, _) in enumerate(NEW_PARTS)])
@pytest.mark.parametrize("index", [0, 1, None, 99])
def test_add_part_applies_and_reverts(library, stored, part, obj, index):
    obj = copy.deepcopy(obj)
    objects = list(getattr(stored, part))
    objects.insert(len(objects) if index is None else min(index, len(objects)), obj)
    apply_and_revert(library, AddPart(stored.id, part, obj, index), stored, with_part(stored, part, objects))


def test_add_part_links_to_an_agenda_item(library, stored):
    decision = Decision("Ask about trains", agenda_item_id=stored.agenda[0].id)
    objects = [*stored.decisions, decision]
    apply_and_revert(
        library, AddPart(stored.id, "decisions", decision), stored, with_part(stored, "decisions", objects)
    )


def test_the_added_object_is_stored_as_a_copy(library, stored):
    item = AgendaItem("Lunch")
    edit = AddPart(stored.id, "agenda", item)
    edit.apply(library)
    item.title = "Changed after"
    assert library.load_workshop(stored.id).agenda[-1].title == "Lunch"
    edit.revert(library)
    assert library.load_workshop(stored.id) == stored


@pytest.mark.parametrize("part", list(WORKSHOP_PARTS))
@pytest.mark.parametrize("index", [0, -1])
def test_remove_part_applies_and_reverts(library, stored, part, index):
    objects = list(getattr(stored, part))
    index = index % len(objects)
    obj = objects.pop(index)
    after = with_part(stored, part, objects)
    if part == "agenda":  # links to the item are cut
        for linked in LINKED_PARTS:
            for o in getattr(after, linked):
                if o.agenda_item_id == obj.id:
                    o.agenda_item_id = None
    apply_and_revert(library, RemovePart(stored.id, part, obj, index), stored, after)


def test_undoing_the_removal_of_an_agenda_item_puts_back_its_links(library, stored):
    talk = stored.agenda[1]
    linked = [stored.decisions[0], stored.ideas[0], stored.actions[0], stored.parked_questions[0]]
    assert all(o.agenda_item_id == talk.id for o in linked)
    edit = RemovePart(stored.id, "agenda", talk, 1)
    edit.apply(library)
    removed = library.load_workshop(stored.id)
    assert talk.id not in [item.id for item in removed.agenda]
    assert [
        removed.decisions[0].agenda_item_id,
        removed.ideas[0].agenda_item_id,
        removed.actions[0].agenda_item_id,
        removed.parked_questions[0].agenda_item_id,
        removed.timings[0].agenda_item_id,
    ] == [None, None, None, None, None]
    assert sorted(part for part, _ in edit.linked) == ["actions", "decisions", "ideas", "parked_questions", "timings"]
    edit.revert(library)
    back = library.load_workshop(stored.id)
    assert back.agenda[1] == talk
    assert [
        back.decisions[0].agenda_item_id,
        back.ideas[0].agenda_item_id,
        back.actions[0].agenda_item_id,
        back.parked_questions[0].agenda_item_id,
    ] == [talk.id] * 4
    assert back == stored


def test_removing_an_item_with_links_everywhere_and_undoing(library):
    workshop = library.add_workshop(full_workshop(spread_links=True))
    stored = library.load_workshop(workshop.id)
    for index in reversed(range(len(stored.agenda))):
        edit = RemovePart(stored.id, "agenda", stored.agenda[index], index)
        edit.apply(library)
        edit.revert(library)
        assert library.load_workshop(stored.id) == stored


def test_removing_every_agenda_item_then_undoing_each(library, stored):
    edits = []
    for item in stored.agenda:
        current = library.load_workshop(stored.id)
        index = [i.id for i in current.agenda].index(item.id)
        edit = RemovePart(stored.id, "agenda", item, index)
        edit.apply(library)
        edits.append(edit)
    assert library.load_workshop(stored.id).agenda == []
    for edit in reversed(edits):
        edit.revert(library)
    assert library.load_workshop(stored.id) == stored


def test_removing_an_item_with_no_links_keeps_nothing_to_put_back(library, stored):
    edit = RemovePart(stored.id, "agenda", stored.agenda[2], 2)
    edit.apply(library)
    assert edit.linked == []


@pytest.mark.parametrize("start, end", [(0, 2), (2, 0), (1, 0), (0, 1), (1, 1), (0, 99)])
def test_move_part_applies_and_reverts(library, stored, start, end):
    agenda = list(stored.agenda)
    item = agenda.pop(start)
    agenda.insert(min(end, len(agenda)), item)
    edit = MovePart(stored.id, "agenda", item.id, start, end)
    apply_and_revert(library, edit, stored, with_part(stored, "agenda", agenda))


def test_move_part_of_other_parts(library, stored):
    words = [stored.participants[1], stored.participants[0]]
    edit = MovePart(stored.id, "participants", stored.participants[0].id, 0, 1)
    apply_and_revert(library, edit, stored, with_part(stored, "participants", words))


# -- typing makes one edit ------------------------------------------------------------------------------


def test_two_title_changes_make_one_edit_whose_undo_restores_the_first_title(library, stored):
    first = ChangeWorkshop(stored.id, "title", "Bus passes", "Bus passes!")
    first.apply(library)
    second = ChangeWorkshop(stored.id, "title", "Bus passes!", "Bus passes!!")
    second.apply(library)
    assert first.absorb(second)
    assert (first.before, first.after) == ("Bus passes", "Bus passes!!")
    first.revert(library)
    assert library.load_workshop(stored.id) == stored
    first.apply(library)
    assert library.load_workshop(stored.id).title == "Bus passes!!"


@pytest.mark.parametrize("field", sorted({"title", "purpose", "place"} & TYPED_FIELDS))
def test_typed_workshop_fields_are_absorbed(stored, field):
    first = ChangeWorkshop(stored.id, field, "a", "ab")
    assert first.absorb(ChangeWorkshop(stored.id, field, "ab", "abc"))
    assert (first.before, first.after) == ("a", "abc")


@pytest.mark.parametrize(
    "field, values",
    [
        ("date", (dt.date(2026, 1, 1), dt.date(2026, 1, 2), dt.date(2026, 1, 3))),
        ("start_time", (dt.time(9), dt.time(10), dt.time(11))),
        ("language", ("en", "cy", "ar")),
    ],
)
def test_workshop_fields_that_are_not_typed_are_not_absorbed(stored, field, values):
    first = ChangeWorkshop(stored.id, field, values[0], values[1])
    assert not first.absorb(ChangeWorkshop(stored.id, field, values[1], values[2]))
    assert first.after == values[1]


def test_changes_to_other_fields_or_workshops_are_not_absorbed(stored):
    first = ChangeWorkshop(stored.id, "title", "a", "ab")
    assert not first.absorb(ChangeWorkshop(stored.id, "purpose", "ab", "abc"))
    assert not first.absorb(ChangeWorkshop("another", "title", "ab", "abc"))
    assert not first.absorb(ChangePart.of(stored.id, "agenda", stored.agenda[0], title="x"))
    assert first.after == "ab"


def test_two_changes_to_an_items_title_make_one_edit(library, stored):
    item = stored.agenda[1]
    first = ChangePart.of(stored.id, "agenda", item, title="Talking about trains")
    first.apply(library)
    second = ChangePart.of(stored.id, "agenda", first.after, title="Talking about trains and buses")
    second.apply(library)
    assert first.absorb(second)
    assert first.before == item
    assert first.after.title == "Talking about trains and buses"
    second.after.title = "changed later"  # the absorbed edit kept its own copy
    assert first.after.title == "Talking about trains and buses"
    first.revert(library)
    assert library.load_workshop(stored.id) == stored


@pytest.mark.parametrize(
    "part, index, field",
    [
        ("participants", 1, "alias"),
        ("decisions", 0, "text"),
        ("actions", 0, "what"),
        ("group_words", 0, "meaning"),
        ("facilitators", 0, "name"),
        ("parked_questions", 0, "text"),
        ("agenda", 0, "notes"),
        ("pronunciations", 0, "written"),
        ("pronunciations", 1, "spoken"),
    ],
)
def test_typed_fields_of_every_part_are_absorbed(stored, part, index, field):
    obj = getattr(stored, part)[index]
    first = ChangePart.of(stored.id, part, obj, **{field: "a"})
    assert first.absorb(ChangePart.of(stored.id, part, first.after, **{field: "ab"}))
    assert getattr(first.after, field) == "ab"
    assert first.before == obj


@pytest.mark.parametrize(
    "field, values",
    [
        ("minutes", (15, 20)),
        ("kind", (ItemKind.BREAK, ItemKind.OTHER)),
        ("picture", ("tea", "bus")),
    ],
)
def test_item_fields_that_are_not_typed_are_not_absorbed(stored, field, values):
    item = stored.agenda[0]
    first = ChangePart.of(stored.id, "agenda", item, **{field: values[0]})
    assert not first.absorb(ChangePart.of(stored.id, "agenda", first.after, **{field: values[1]}))
    assert getattr(first.after, field) == values[0]


def test_changes_to_other_parts_or_fields_are_not_absorbed(stored):
    item = stored.agenda[0]
    first = ChangePart.of(stored.id, "agenda", item, title="a")
    assert not first.absorb(ChangePart.of(stored.id, "agenda", stored.agenda[1], title="ab"))  # another item
    assert not first.absorb(ChangePart.of(stored.id, "agenda", first.after, plain_words="ab"))  # another field
    assert not first.absorb(ChangePart.of(stored.id, "agenda", first.after, title="ab", minutes=3))  # two fields
    assert not first.absorb(ChangePart.of("another", "agenda", first.after, title="ab"))  # another workshop
    assert not first.absorb(ChangeWorkshop(stored.id, "title", "a", "ab"))
    assert not first.absorb(AddPart(stored.id, "agenda", AgendaItem("x")))
    assert first.after.title == "a"


def test_the_same_id_in_another_part_is_not_absorbed(stored):
    question = ParkedQuestion("a", id="same")
    decision = Decision("a", id="same")
    first = ChangePart.of(stored.id, "parked_questions", question, text="ab")
    assert not first.absorb(ChangePart.of(stored.id, "decisions", decision, text="abc"))


def test_a_change_of_several_fields_absorbs_nothing(stored):
    first = ChangePart.of(stored.id, "agenda", stored.agenda[0], title="a", minutes=3)
    assert not first.absorb(ChangePart.of(stored.id, "agenda", first.after, title="a", minutes=4))


def test_adding_removing_and_moving_absorb_nothing(stored):
    item = stored.agenda[0]
    edits = [
        AddPart(stored.id, "agenda", AgendaItem("x")),
        RemovePart(stored.id, "agenda", item, 0),
        MovePart(stored.id, "agenda", item.id, 0, 1),
    ]
    for edit in edits:
        for later in edits:
            assert not edit.absorb(later)
        assert not edit.absorb(copy.deepcopy(edit))


# -- words for the undo menu -------------------------------------------------------------------------


def test_every_edit_describes_itself(stored):
    item = stored.agenda[0]
    edits = [
        ChangeWorkshop(stored.id, "title", "a", "b"),
        ChangeWorkshop(stored.id, "group_id", None, "g"),
        ChangePart.of(stored.id, "decisions", stored.decisions[0], text="x"),
        ChangePart.of(stored.id, "agenda", item, title="x", minutes=2),
        AddPart(stored.id, "group_words", GroupWord("a", "b")),
        RemovePart(stored.id, "agenda", item, 0),
        MovePart(stored.id, "agenda", item.id, 0, 2),
    ]
    for edit in edits:
        text = edit.describe()
        assert isinstance(text, str) and text.strip()


@pytest.mark.parametrize(
    "edit, words",
    [
        (ChangeWorkshop("w", "start_time", None, dt.time(10)), "change the start time"),
        (ChangeWorkshop("w", "room_booked_until", None, dt.time(10)), "change the time the room is booked until"),
        (ChangeWorkshop("w", "group_id", None, "g"), "change the group id"),
        (ChangePart.of("w", "agenda", AgendaItem("a"), minutes=5), "change the minutes of the agenda item"),
        (ChangePart.of("w", "participants", Participant("a"), alias="b"), "change the chosen name of the participant"),
        (ChangePart.of("w", "agenda", AgendaItem("a"), title="b", minutes=5), "change the agenda item"),
        (AddPart("w", "decisions", Decision("a")), "add a decision"),
        (ChangePart.of("w", "decisions", Decision("a"), options=[Option("b")]), "change the options of the decision"),
        (RemovePart("w", "ideas", Idea("a"), 0), "remove the idea"),
        (RemovePart("w", "parked_questions", ParkedQuestion("a"), 0), "remove the parked question"),
        (MovePart("w", "facilitators", "f", 0, 1), "move the person running the workshop"),
        (AddPart("w", "pronunciations", Pronunciation("NHS", "N H S")), "add a pronunciation"),
        (RemovePart("w", "pronunciations", Pronunciation("NHS", "N H S"), 0), "remove the pronunciation"),
        (
            ChangePart.of("w", "pronunciations", Pronunciation("NHS", "N H S"), written="GIG"),
            "change the written word of the pronunciation",
        ),
        (
            ChangePart.of("w", "pronunciations", Pronunciation("NHS", "N H S"), spoken="Gig"),
            "change the way to say it of the pronunciation",
        ),
    ],
)
def test_the_words_of_an_edit(edit, words):
    assert edit.describe() == words


@pytest.mark.parametrize("part", list(WORKSHOP_PARTS))
def test_every_part_has_a_name(part):
    assert PART_NAMES[part]
    assert AddPart("w", part, None).describe().startswith("add a ")


# -- any sequence of edits can be undone ------------------------------------------------------------------

AGENDA_EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(-1, 8), st.integers(1, 120)),
        st.tuples(st.just("remove"), st.integers(0, 20)),
        st.tuples(st.just("move"), st.integers(0, 20), st.integers(0, 8)),
        st.tuples(st.just("minutes"), st.integers(0, 20), st.integers(1, 120)),
        st.tuples(st.just("title"), st.integers(0, 20), st.sampled_from(["T", "Ta", "Tal", "Talk", "Tea"])),
    ),
    max_size=20,
)


def agenda_edit(op: tuple, workshop: Workshop, number: int):
    """The edit the planner would make for one step, given the workshop as it is now."""
    agenda = workshop.agenda
    if op[0] == "add":
        index = None if op[1] < 0 else op[1]
        return AddPart(workshop.id, "agenda", AgendaItem(f"Item {number}", minutes=op[2]), index)
    if not agenda:
        return None
    index = op[1] % len(agenda)
    item = agenda[index]
    if op[0] == "remove":
        return RemovePart(workshop.id, "agenda", item, index)
    if op[0] == "move":
        return MovePart(workshop.id, "agenda", item.id, index, op[2])
    if op[0] == "minutes":
        return ChangePart.of(workshop.id, "agenda", item, minutes=op[2])
    return ChangePart.of(workshop.id, "agenda", item, title=op[2])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(AGENDA_EDITS)
def test_any_sequence_of_agenda_edits_can_be_undone_and_redone(ops):
    with tempfile.TemporaryDirectory() as folder:
        lib = open_library(Path(folder) / "library.sqlite3")
        try:
            workshop = lib.add_workshop(full_workshop(spread_links=True))
            original = lib.load_workshop(workshop.id)
            # The undo stack: each edit with the workshop before and after it. Typing merges into the last edit.
            stack: list[list] = []
            for number, op in enumerate(ops):
                before = lib.load_workshop(workshop.id)
                edit = agenda_edit(op, before, number)
                if edit is None:
                    continue
                edit.apply(lib)
                after = lib.load_workshop(workshop.id)
                if stack and stack[-1][0].absorb(edit):
                    stack[-1][2] = after
                else:
                    stack.append([edit, before, after])
            final = lib.load_workshop(workshop.id)
            for edit, before, _after in reversed(stack):
                edit.revert(lib)
                assert lib.load_workshop(workshop.id) == before
            assert lib.load_workshop(workshop.id) == original
            for edit, _before, after in stack:
                edit.apply(lib)
                assert lib.load_workshop(workshop.id) == after
            assert lib.load_workshop(workshop.id) == final
        finally:
            lib.close()
