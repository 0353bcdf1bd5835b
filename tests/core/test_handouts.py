"""The agenda handout and the picture cards, as plain data."""

from __future__ import annotations

import datetime as dt

from facilitator.core.handouts import ROOM_CARDS, agenda_sections, card_entries
from facilitator.core.model import AgendaItem, ItemKind, Workshop

from .samples import ARABIC, EMOJI


def workshop(**changes) -> Workshop:
    values = dict(
        title="Bus passes", date=dt.date(2026, 3, 3), start_time=dt.time(10, 0), place="The library",
        purpose="We talk about bus passes.",
        agenda=[
            AgendaItem("Welcome", "Find a seat.", minutes=10, kind=ItemKind.WELCOME),
            AgendaItem("Tea break", minutes=20, kind=ItemKind.BREAK),
            AgendaItem("Bus passes", "What works?", picture="bus", minutes=75),
        ],
    )
    values.update(changes)
    return Workshop(**values)


def test_the_cover_says_when_where_and_what_for():
    cover, _agenda = agenda_sections(workshop())
    assert [(e.text, e.detail) for e in cover.entries] == [
        ("Bus passes", ""),
        ("Tuesday 3 March 2026", "We start at 10:00. We finish at 11:45."),
        ("The library", ""),
        ("We talk about bus passes.", ""),
    ]


def test_every_item_has_its_start_time_picture_and_how_long_and_breaks_are_marked():
    _cover, agenda = agenda_sections(workshop())
    assert [(e.time, e.text, e.picture, e.marked) for e in agenda.entries] == [
        ("10:00", "Welcome", "welcome", False),
        ("10:10", "Tea break", "break", True),
        ("10:30", "Bus passes", "bus", False),
    ]
    assert agenda.entries[2].detail == "What works?\nIt lasts 1 hour 15 minutes."
    assert agenda.entries[1].detail == "It lasts 20 minutes."


def test_without_a_start_time_or_date_there_are_no_times():
    cover, agenda = agenda_sections(workshop(start_time=None, date=None))
    assert [e.time for e in agenda.entries] == ["", "", ""]
    assert all("We start" not in e.text + e.detail for e in cover.entries)


def test_an_item_with_no_words_is_left_out_and_one_with_only_plain_words_uses_them():
    made = workshop(agenda=[AgendaItem("  "), AgendaItem("", "Just plain words " + EMOJI), AgendaItem(ARABIC)])
    _cover, agenda = agenda_sections(made)
    assert [e.text for e in agenda.entries] == ["Just plain words " + EMOJI, ARABIC]


def test_an_empty_agenda_has_only_the_cover():
    assert [s.key for s in agenda_sections(workshop(agenda=[]))] == ["cover"]


def test_cards_are_the_room_cards_then_each_agenda_picture_once():
    cards = card_entries(workshop(agenda=[AgendaItem("Bus", picture="bus"), AgendaItem("Again", picture="bus"),
                                          AgendaItem("Agree?", picture="agree"), AgendaItem("", picture="tea")]))
    assert [(c.text, c.picture) for c in cards] == [
        *[(words, picture) for picture, words in ROOM_CARDS], ("Bus", "bus"),
    ]
    assert [c.text for c in card_entries()][:3] == ["I agree", "I am not sure", "I do not agree"]
