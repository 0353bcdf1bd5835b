"""The workshop model on its own: times, copies with new ids, shown names."""

from __future__ import annotations

import dataclasses
import datetime as dt

from facilitator.core.model import (
    LINKED_PARTS,
    WORKSHOP_FIELDS,
    WORKSHOP_PARTS,
    AccessNeed,
    AgendaItem,
    Decision,
    Participant,
    Workshop,
    new_id,
)
from tests.core.samples import all_ids, full_workshop

# -- times -------------------------------------------------------------------


def test_start_times_add_up_the_minutes_of_the_items_before():
    workshop = Workshop(
        "Timing",
        start_time=dt.time(9, 45),
        agenda=[AgendaItem("a", minutes=15), AgendaItem("b", minutes=50), AgendaItem("c", minutes=5)],
    )
    assert workshop.start_times() == [dt.time(9, 45), dt.time(10, 0), dt.time(10, 50)]
    assert workshop.total_minutes() == 70
    assert workshop.planned_end() == dt.time(10, 55)


def test_start_times_without_a_start_time_are_all_unknown():
    workshop = Workshop("No time", agenda=[AgendaItem("a"), AgendaItem("b")])
    assert workshop.start_times() == [None, None]
    assert workshop.planned_end() is None
    assert workshop.total_minutes() == 20  # the default of 10 minutes each


def test_an_empty_agenda_ends_when_it_starts():
    workshop = Workshop("Empty", start_time=dt.time(14, 0))
    assert workshop.start_times() == []
    assert workshop.total_minutes() == 0
    assert workshop.planned_end() == dt.time(14, 0)


def test_times_go_past_midnight_on_the_clock():
    workshop = Workshop(
        "Late", start_time=dt.time(23, 30), agenda=[AgendaItem("a", minutes=20), AgendaItem("b", minutes=25)]
    )
    assert workshop.start_times() == [dt.time(23, 30), dt.time(23, 50)]
    assert workshop.planned_end() == dt.time(0, 15)


def test_start_times_follow_changes_to_the_agenda():
    workshop = Workshop("Changing", start_time=dt.time(10, 0), agenda=[AgendaItem("a", minutes=30)])
    workshop.agenda.append(AgendaItem("b", minutes=600))
    workshop.agenda[0].minutes = 45
    assert workshop.start_times() == [dt.time(10, 0), dt.time(10, 45)]
    assert workshop.total_minutes() == 645
    assert workshop.planned_end() == dt.time(20, 45)


# -- copies with new ids -------------------------------------------------------


def test_copy_with_new_ids_changes_every_id():
    original = full_workshop(group_id="group-1", two_of_each=True, spread_links=True)
    copy = original.copy_with_new_ids()
    old_ids, new_ids = all_ids(original), all_ids(copy)
    assert len(new_ids) == len(old_ids) == 1 + len(WORKSHOP_PARTS) * 2
    assert len(set(new_ids)) == len(new_ids)
    assert not set(old_ids) & set(new_ids)


def test_copy_with_new_ids_keeps_every_value_but_the_ids():
    original = full_workshop(group_id="group-1", two_of_each=True, spread_links=True)
    copy = original.copy_with_new_ids()
    for name in WORKSHOP_FIELDS:
        if name != "id":
            assert getattr(copy, name) == getattr(original, name), name
    for part in WORKSHOP_PARTS:
        old, new = getattr(original, part), getattr(copy, part)
        assert len(old) == len(new)
        for a, b in zip(old, new):
            assert type(a) is type(b)
            skip = {"id", "agenda_item_id"}
            assert {f.name: getattr(a, f.name) for f in dataclasses.fields(a) if f.name not in skip} == {
                f.name: getattr(b, f.name) for f in dataclasses.fields(b) if f.name not in skip
            }


def test_copy_with_new_ids_links_follow_the_new_agenda_items():
    original = full_workshop(group_id="group-1", two_of_each=True, spread_links=True)
    copy = original.copy_with_new_ids()
    old_index = {item.id: n for n, item in enumerate(original.agenda)}
    new_ids = [item.id for item in copy.agenda]
    for part in LINKED_PARTS:
        for old, new in zip(getattr(original, part), getattr(copy, part)):
            if old.agenda_item_id is None:
                assert new.agenda_item_id is None
            else:
                assert new.agenda_item_id == new_ids[old_index[old.agenda_item_id]]
    # The first decision was made during "Talking about buses", in the copy too.
    assert copy.decisions[0].agenda_item_id == copy.agenda[1].id
    assert copy.actions[1].agenda_item_id == copy.agenda[0].id


def test_copy_with_new_ids_does_not_share_parts_with_the_original():
    original = full_workshop(group_id="group-1", two_of_each=True, spread_links=True)
    copy = original.copy_with_new_ids()
    for part in WORKSHOP_PARTS:
        assert getattr(copy, part) is not getattr(original, part)
        for a, b in zip(getattr(original, part), getattr(copy, part)):
            assert a is not b
    copy.agenda[0].title = "Changed"
    copy.agenda.append(AgendaItem("Extra"))
    copy.participants[0].access_needs.append(AccessNeed.BREAKS)
    assert original.agenda[0].title == "Welcome"
    assert len(original.agenda) == 2
    assert original.participants[0].access_needs == [AccessNeed.LARGE_PRINT, AccessNeed.AUDIO]


def test_copy_with_new_ids_drops_a_link_to_an_item_that_is_not_in_the_agenda():
    original = Workshop("Odd", agenda=[AgendaItem("a")], decisions=[Decision("d", agenda_item_id="gone")])
    copy = original.copy_with_new_ids()
    assert copy.decisions[0].agenda_item_id is None


def test_copy_of_a_copy_is_new_again():
    original = full_workshop(group_id="group-1", two_of_each=True, spread_links=True)
    first = original.copy_with_new_ids()
    second = first.copy_with_new_ids()
    assert not set(all_ids(first)) & set(all_ids(second))
    assert not set(all_ids(original)) & set(all_ids(second))
    assert second.decisions[0].agenda_item_id == second.agenda[1].id


# -- small things ----------------------------------------------------------------


def test_shown_name_prefers_the_alias():
    assert Participant(name="Elin Jones", alias="El").shown_name == "El"
    assert Participant(name="Elin Jones").shown_name == "Elin Jones"
    assert Participant(alias="El").shown_name == "El"
    assert Participant().shown_name == ""


def test_new_ids_are_unique_and_fit_the_file_format():
    ids = {new_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) == 32 and i.isalnum() for i in ids)


def test_each_part_gets_its_own_id_by_default():
    assert AgendaItem("a").id != AgendaItem("a").id
    assert Workshop("w").id != Workshop("w").id


def test_workshop_fields_are_the_workshops_own_values():
    assert "title" in WORKSHOP_FIELDS and "id" in WORKSHOP_FIELDS and "date" in WORKSHOP_FIELDS
    assert not set(WORKSHOP_FIELDS) & set(WORKSHOP_PARTS)
