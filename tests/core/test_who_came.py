"""Who came, and what the people coming need: the summary counts those ticked as came, once anyone is,
and the needs at a glance are theirs, in plain words and the facilitator's language."""

from __future__ import annotations

import pytest

from facilitator.core import needs
from facilitator.core.model import AccessNeed, Facilitator, Participant, Workshop
from facilitator.core.needs import needs_at_a_glance, needs_list
from facilitator.core.summary import Names, summary_sections

A = AccessNeed


def group(*came: bool | None) -> Workshop:
    """Ann, Bo, Carys... one for each value of ``came``, with Ann's and Bo's access needs."""
    names = ["Ann", "Bo", "Carys", "Dee", "Eli", "Fay"]
    people = [Participant(names[n], came=value) for n, value in enumerate(came)]
    return Workshop("Bus passes", language="en", participants=people, facilitators=[Facilitator("Helen")])


def who(workshop: Workshop, names: Names = Names.COUNT) -> list[str]:
    (section,) = [s for s in summary_sections(workshop, names=names) if s.key == "who"]
    return [entry.text for entry in section.entries]


# -- who is counted as there ------------------------------------------------------------------------


@pytest.mark.parametrize(("came", "there"), [
    ((None, None, None), ["Ann", "Bo", "Carys"]),  # nobody ticked: everyone, as before ticking existed
    ((True, None, None), ["Ann"]),  # once anyone is ticked, only those ticked
    ((True, None, True), ["Ann", "Carys"]),
    ((None, False, None), ["Ann", "Carys"]),  # marked as not coming, nobody ticked yet
    ((True, False, None), ["Ann"]),
    ((False, False), []),
    ((), []),
])
def test_who_is_counted_as_there(came, there):
    assert [person.name for person in group(*came).people_there()] == there


def test_a_summary_where_nobody_was_ticked_counts_everyone_as_before():
    assert who(group(None, None, None, None)) == ["4 people came.", "1 person ran the meeting."]


def test_the_summary_counts_only_those_who_came_once_anyone_is_ticked():
    workshop = group(True, None, True, None, True)
    assert who(workshop) == ["3 people came.", "1 person ran the meeting."]
    workshop.participants[0].came = None
    assert who(workshop) == ["2 people came.", "1 person ran the meeting."]


@pytest.mark.parametrize("names", [Names.NAMES, Names.ALIASES])
def test_the_summary_names_only_those_who_came(names):
    workshop = group(True, None, True, False)
    workshop.participants.append(Participant(" ", came=True))  # came, with no name written down
    assert who(workshop, names)[:3] == ["Ann", "Carys", "1 more person came."]


def test_the_summary_read_aloud_says_how_many_came():
    (section,) = [s for s in summary_sections(group(True, None, True)) if s.key == "who"]
    assert section.spoken().splitlines()[1] == "2 people came."


# -- what they need, at a glance -------------------------------------------------------------------


def with_needs(*people: tuple[list[AccessNeed], str, bool | None]) -> Workshop:
    return Workshop("Bus passes", participants=[
        Participant(f"Person {n}", access_needs=list(wanted), other_needs=other, came=came)
        for n, (wanted, other, came) in enumerate(people)
    ])


def test_needs_are_counted_for_each_person_and_named_once_for_the_room():
    workshop = with_needs(
        ([A.LARGE_PRINT, A.HEARING_LOOP], "", None),
        ([A.LARGE_PRINT, A.INTERPRETER, A.HEARING_LOOP], "", None),
        ([A.STEP_FREE], "Sits near the door", None),
        ([], "  ", None),  # nothing asked for: only spaces
    )
    assert needs_at_a_glance(workshop) == (
        "2 people need large print · 1 person needs an interpreter · hearing loop · step-free access · "
        "1 person asked for something else")


def test_every_need_has_its_words():
    workshop = with_needs((list(AccessNeed), "Dog", None), (list(AccessNeed), "", None))
    assert needs_list(workshop) == [
        "2 people need large print", "2 people need easy read", "2 people need audio", "2 people need an interpreter",
        "hearing loop", "step-free access", "extra breaks", "2 people come with a supporter",
        "1 person asked for something else",
    ]
    assert set(needs.COUNTED) | set(needs.FOR_THE_ROOM) == set(AccessNeed)
    assert not set(needs.COUNTED) & set(needs.FOR_THE_ROOM)


def test_nobody_with_needs_says_nothing():
    assert needs_at_a_glance(with_needs(([], "", None))) == ""
    assert needs_at_a_glance(Workshop("Empty")) == ""


def test_once_anyone_is_ticked_the_needs_are_those_of_the_people_who_came():
    workshop = with_needs(([A.LARGE_PRINT], "", True), ([A.LARGE_PRINT, A.INTERPRETER], "", None),
                          ([A.HEARING_LOOP], "", False))
    assert needs_at_a_glance(workshop) == "1 person needs large print"
    workshop.participants[0].came = None  # nobody ticked: everyone coming, less the one who is not
    assert needs_at_a_glance(workshop) == "2 people need large print · 1 person needs an interpreter"


def test_the_needs_are_in_the_facilitator_s_language_not_the_workshop_s(monkeypatch):
    workshop = with_needs(([A.LARGE_PRINT], "", None), ([A.LARGE_PRINT, A.HEARING_LOOP], "", None))
    workshop.language = "ar"
    assert needs_at_a_glance(workshop) == "2 people need large print · hearing loop"  # the app is in English
    # Each count goes through the catalog's plural forms, and each word through the catalog, when asked for.
    asked = []
    monkeypatch.setattr(needs, "ngettext", lambda one, many, n: asked.append((one, many, n)) or f"[{many}]")
    monkeypatch.setattr(needs, "_", lambda words: f"<{words}>")
    assert needs_at_a_glance(workshop) == "[2 people need large print] · <hearing loop>"
    assert asked == [("{n} person needs large print", "{n} people need large print", 2)]
