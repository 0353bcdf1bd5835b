"""A group's decisions across its meetings: read in one go, searched by words, filtered by agreement and date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.history import Filters, GroupHistory, folded
from facilitator.core.model import AgendaItem, Agreement, Decision, Group, Workshop

from .samples import ARABIC, EMOJI


def meeting(title: str, date: dt.date | None, group: Group, decisions: list[tuple[str, Agreement]], item: str = "") -> Workshop:
    agenda = [AgendaItem(item)] if item else []
    # As in a library updated to version 5: a decision that says how people agreed was agreed.
    made = [Decision(text, agreement=agreement, agenda_item_id=agenda[0].id if agenda else None,
                     agreed=agreement is not Agreement.NOT_YET) for text, agreement in decisions]
    return Workshop(title, date=date, group_id=group.id, agenda=agenda, decisions=made)


@pytest.fixture
def group_library(library):
    group = library.add_group(Group("Riverside group"))
    other = library.add_group(Group("Hillside group"))
    library.add_workshop(meeting("Spring meeting", dt.date(2026, 3, 3), group, [
        ("The café opens on Saturdays", Agreement.EVERYONE),
        ("A quiet room for anyone who needs a rest", Agreement.NOT_YET),
    ], item="The new centre"))
    library.add_workshop(meeting("Summer meeting", dt.date(2026, 6, 9), group, [
        ("Buses stop by the front door", Agreement.COUNTED),
    ]))
    library.add_workshop(meeting("No date yet", None, group, [("Paint the hall green", Agreement.NOT_YET)]))
    library.add_workshop(meeting("Hillside talk", dt.date(2026, 7, 1), other, [("The café closes early", Agreement.EVERYONE)]))
    return library, group, other


def texts(found) -> list[str]:
    return [each.decision.text for each in found]


def test_every_decision_of_the_group_newest_meeting_first_undated_last(group_library):
    library, group, _other = group_library
    history = GroupHistory(library, group.id)
    assert texts(history.search()) == [
        "Buses stop by the front door",
        "The café opens on Saturdays",
        "A quiet room for anyone who needs a rest",
        "Paint the hall green",
    ]
    first = history.search()[1]
    assert (first.workshop_title, first.date, first.item_title) == ("Spring meeting", dt.date(2026, 3, 3), "The new centre")
    assert first.decision.agreement is Agreement.EVERYONE


def test_another_group_s_decisions_are_never_found(group_library):
    library, group, other = group_library
    assert "The café closes early" not in texts(GroupHistory(library, group.id).search())
    assert texts(GroupHistory(library, other.id).search()) == ["The café closes early"]
    assert GroupHistory(library, "no such group").search() == []


@pytest.mark.parametrize(("words", "expected"), [
    ("cafe", ["The café opens on Saturdays"]),  # without the accent
    ("CAFÉ SATUR", ["The café opens on Saturdays"]),  # any case, starts of words, every word
    ("café sunday", []),
    ("centre", ["The café opens on Saturdays", "A quiet room for anyone who needs a rest"]),  # the agenda item's title
    ("summer", ["Buses stop by the front door"]),  # the meeting's title
    ("oor", []),  # the middle of a word is not a match
    ("", ["Buses stop by the front door", "The café opens on Saturdays", "A quiet room for anyone who needs a rest", "Paint the hall green"]),
    ("  ,, ", ["Buses stop by the front door", "The café opens on Saturdays", "A quiet room for anyone who needs a rest", "Paint the hall green"]),
])
def test_words_are_found_at_the_start_of_words_in_any_case_and_without_accents(group_library, words, expected):
    library, group, _other = group_library
    assert texts(GroupHistory(library, group.id).search(Filters(words=words))) == expected


def test_agreed_or_still_to_decide(group_library):
    library, group, _other = group_library
    history = GroupHistory(library, group.id)
    assert texts(history.search(Filters(agreed=True))) == ["Buses stop by the front door", "The café opens on Saturdays"]
    assert texts(history.search(Filters(agreed=False))) == ["A quiet room for anyone who needs a rest", "Paint the hall green"]


def test_agreed_means_agreed_as_written_as_in_the_summary(library):
    group = library.add_group(Group("Riverside group"))
    workshop = meeting("Autumn", dt.date(2026, 9, 1), group, [("Counted, not read back", Agreement.COUNTED),
                                                            ("Read back and agreed", Agreement.NOT_YET)])
    workshop.decisions[0].agreed = False
    workshop.decisions[1].agreed = True
    library.add_workshop(workshop)
    history = GroupHistory(library, group.id)
    assert texts(history.search(Filters(agreed=True))) == ["Read back and agreed"]
    assert texts(history.search(Filters(agreed=False))) == ["Counted, not read back"]


def test_dates_leave_out_meetings_outside_them_and_meetings_with_no_date(group_library):
    library, group, _other = group_library
    history = GroupHistory(library, group.id)
    assert texts(history.search(Filters(since=dt.date(2026, 6, 1)))) == ["Buses stop by the front door"]
    assert texts(history.search(Filters(until=dt.date(2026, 3, 3)))) == [
        "The café opens on Saturdays", "A quiet room for anyone who needs a rest"]
    assert texts(history.search(Filters(since=dt.date(2026, 3, 4), until=dt.date(2026, 6, 8)))) == []


def test_emoji_arabic_welsh_and_very_long_decisions_are_found(library):
    group = library.add_group(Group("Mixed"))
    long_text = "word " * 2000 + "needle"
    library.add_workshop(meeting("Mixed", dt.date(2026, 1, 1), group, [
        (EMOJI + " bus", Agreement.EVERYONE), (ARABIC, Agreement.EVERYONE), ("Mae'r ŵyn yn y cae", Agreement.NOT_YET),
        (long_text, Agreement.NOT_YET),
    ]))
    history = GroupHistory(library, group.id)
    assert texts(history.search(Filters(words="bus"))) == [EMOJI + " bus"]
    assert texts(history.search(Filters(words=ARABIC.split()[1]))) == [ARABIC]
    assert texts(history.search(Filters(words="wyn"))) == ["Mae'r ŵyn yn y cae"]
    assert texts(history.search(Filters(words="needle"))) == [long_text]


def test_folded_takes_off_accents_and_case_only():
    assert folded("Café ŴYN Noël") == "cafe wyn noel"
    assert folded(ARABIC) == folded(ARABIC).casefold()
    assert folded("straße") == "strasse"


@pytest.mark.parametrize("words, expected", [
    ("مكتبة", ["نلتقي في المكتبة", "نذهب إلى مكتبة المدينة", "والمكتبة مفتوحة"]),  # library: with or without "the"
    ("المكتبة", ["نلتقي في المكتبة", "نذهب إلى مكتبة المدينة", "والمكتبة مفتوحة"]),
    ("مدينة", ["نذهب إلى مكتبة المدينة"]),
    ("الا", []),  # too short to be "the" and a word: not taken off
    ("كتب", []),  # the start of a word only, never inside one
])
def test_an_arabic_word_is_found_with_or_without_its_article(library, words, expected):
    group = library.add_group(Group("مجموعة"))
    decisions = [(text, Agreement.EVERYONE) for text in ("نلتقي في المكتبة", "نذهب إلى مكتبة المدينة", "والمكتبة مفتوحة")]
    library.add_workshop(meeting("اجتماع", dt.date(2026, 1, 1), group, decisions))
    assert sorted(texts(GroupHistory(library, group.id).search(Filters(words=words)))) == sorted(expected)


# -- reading again only what changed (the decisions window after a change in the library) ---------------

TITLES = ["Apple day", "apple day", "Banana", "banana", "Éclair", "éclair", "Zoo", "zoo trip", "Ärger", "ärger", "Ideas"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_reading_again_only_the_changed_meetings_gives_what_a_whole_new_reading_gives(library, data):
    """Titles that differ only in case, letters outside A to Z, the same date twice and no date, meetings
    that join and leave the group, decisions added, changed and removed: the history updated from the
    changed meetings alone is the history read again whole, in the same order."""
    group = library.add_group(Group(f"Group {data.draw(st.integers(0, 10**6))}"))
    other = library.add_group(Group("Elsewhere"))
    dates = st.one_of(st.none(), st.sampled_from([dt.date(2026, 1, 5), dt.date(2026, 2, 2), dt.date(2025, 12, 1)]))
    workshops = []
    for _n in range(data.draw(st.integers(1, 6))):
        said = data.draw(st.lists(st.sampled_from(["Tea", "tea at ten", "Café", "Bus"]), max_size=4))
        workshops.append(library.add_workshop(meeting(data.draw(st.sampled_from(TITLES)), data.draw(dates), group,
                                                      [(text, Agreement.EVERYONE) for text in said], item="Plans")))
    history = GroupHistory(library, group.id)
    changed = set()
    for _step in range(data.draw(st.integers(1, 5))):
        workshop = data.draw(st.sampled_from(workshops))
        what = data.draw(st.sampled_from(["title", "date", "leave", "join", "add", "change", "remove"]))
        if what == "title":
            library.update_workshop(workshop.id, title=data.draw(st.sampled_from(TITLES)))
        elif what == "date":
            library.update_workshop(workshop.id, date=data.draw(dates))
        elif what in ("leave", "join"):
            library.update_workshop(workshop.id, group_id=other.id if what == "leave" else group.id)
        elif what == "add":
            library.add_part(workshop.id, "decisions", Decision(data.draw(st.sampled_from(["New", "new", "Éire"]))))
        else:
            made = library.load_workshop(workshop.id).decisions
            if made:
                decision = data.draw(st.sampled_from(made))
                if what == "remove":
                    library.remove_part(workshop.id, "decisions", decision.id)
                else:
                    decision.text += " again"
                    library.update_part(workshop.id, "decisions", decision)
        changed.add(workshop.id)
    updated = history.updated(library, changed)
    whole = GroupHistory(library, group.id)
    assert updated.decisions == whole.decisions
    for words in ("", "tea", "again", "apple", "eclair"):
        assert updated.search(Filters(words=words)) == whole.search(Filters(words=words))


def test_reading_again_with_nothing_changed_keeps_everything(group_library):
    library, group, _other = group_library
    history = GroupHistory(library, group.id)
    assert history.updated(library, set()).decisions == history.decisions
    assert history.meetings() == {found.workshop_id for found in history.decisions}


def test_meetings_read_again_keep_the_library_s_order_for_titles_outside_a_to_z(library):
    """The library folds only A to Z to lower case: "Éclair" comes before "éclair" whatever their ids."""
    group = library.add_group(Group("Riverside group"))
    day = dt.date(2026, 3, 3)
    for workshop_id, title in (("a-lower", "éclair"), ("b-upper", "Éclair"), ("c-zoo", "Zoo"), ("d-apple", "apple")):
        made = meeting(title, day, group, [(f"Said at {title}", Agreement.EVERYONE)])
        made.id = workshop_id
        library.add_workshop(made)
    history = GroupHistory(library, group.id)
    assert [found.workshop_title for found in history.decisions] == ["apple", "Zoo", "Éclair", "éclair"]
    updated = history.updated(library, {"a-lower", "b-upper"})
    assert [found.workshop_title for found in updated.decisions] == ["apple", "Zoo", "Éclair", "éclair"]
