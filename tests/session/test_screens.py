"""What the participant screen shows, as plain data: the welcome, each item, breaks, coverings and the end."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from facilitator.core.demo import demo_workshop
from facilitator.core.model import AgendaItem, ItemKind
from facilitator.session.screens import (
    Kind,
    Screen,
    Step,
    StripStep,
    item_screen,
    picture_of,
    screen_now,
    workshop_screens,
)
from tests.core.samples import full_workshop
from tests.session import Room, workshop_of

TODAY = dt.date(2026, 3, 3)


def demo():
    """The demo workshop: ten items from 10:00, with "Tea break" (20 minutes) fifth, from 11:05."""
    return demo_workshop(today=dt.date(2026, 2, 10))[1]


def twelve_items():
    return workshop_of(*([10] * 12))


# -- the welcome --------------------------------------------------------------------


def test_the_welcome_shows_the_title_date_start_time_and_place():
    screen = screen_now(Room(full_workshop(language="en")).session)
    assert screen.kind is Kind.WELCOME
    assert screen.name == "welcome"
    assert screen.title == "Bus passes"
    assert screen.heading == "Welcome"
    assert screen.words == "Tuesday 3 March 2026\n10:00\nTown hall"
    assert screen.pictures == ("hello",)
    assert not screen.timer
    assert screen.item_id is None


def test_the_welcome_writes_the_date_in_the_workshops_language():
    screen = screen_now(Room(full_workshop(language="cy")).session)
    assert screen.words.splitlines()[0] == "Dydd Mawrth 3 Mawrth 2026"


def test_the_welcome_leaves_out_what_the_workshop_does_not_say():
    workshop = full_workshop(language="en", date=None, start_time=None, place="   ")
    assert screen_now(Room(workshop).session).words == ""
    workshop = full_workshop(language="en", date=None, place="  Town hall  ")
    assert screen_now(Room(workshop).session).words == "10:00\nTown hall"


def test_the_welcome_strip_shows_the_day_ahead_with_start_times():
    screen = screen_now(Room(full_workshop(language="en")).session)
    assert screen.strip == (
        StripStep("Welcome", "wave", Step.NEXT, "10:00"),
        StripStep("Talking about buses", "talk", Step.NEXT, "10:15"),
        StripStep("Goodbye", "goodbye", Step.NEXT, "10:55"),
    )
    assert not screen.more_before
    assert not screen.more_after


def test_the_welcome_strip_of_a_long_agenda_says_more_items_follow():
    screen = screen_now(Room(twelve_items()).session)
    assert len(screen.strip) == 7
    assert screen.more_after


# -- agenda items -----------------------------------------------------------------------


def test_an_item_shows_its_title_plain_words_picture_and_the_timer():
    workshop = full_workshop(language="en")
    room = Room(workshop)
    room.session.next()
    screen = screen_now(room.session)
    assert screen.kind is Kind.ITEM
    assert screen.title == "Welcome"
    assert screen.words == "Hello"
    assert screen.pictures == ("wave",)
    assert screen.timer
    assert screen.item_id == workshop.agenda[0].id
    assert screen.heading == ""


@pytest.mark.parametrize(
    ("kind", "picture"),
    [(ItemKind.DISCUSSION, "talk"), (ItemKind.CLOSE, "goodbye"), (ItemKind.DECIDE, "vote"), (ItemKind.OTHER, "star")],
)
def test_an_item_with_no_picture_shows_its_kinds_picture(kind, picture):
    workshop = workshop_of(10, kinds={0: kind})
    workshop.agenda[0].picture = "  "
    room = Room(workshop)
    room.session.next()
    assert screen_now(room.session).pictures == (picture,)
    assert picture_of(workshop.agenda[0]) == picture


def test_an_items_own_picture_comes_before_its_kinds():
    assert picture_of(AgendaItem("Bus", picture="bus", kind=ItemKind.DISCUSSION)) == "bus"


def test_the_strip_marks_past_now_and_next_with_start_times():
    workshop = full_workshop(language="en")
    room = Room(workshop)
    room.session.go_to(1)
    screen = screen_now(room.session)
    assert screen.strip == (
        StripStep("Welcome", "wave", Step.PAST, "10:00"),
        StripStep("Talking about buses", "talk", Step.NOW, "10:15"),
        StripStep("Goodbye", "goodbye", Step.NEXT, "10:55"),
    )
    assert not screen.more_before
    assert not screen.more_after


def test_the_strip_has_no_start_times_when_the_workshop_has_no_start_time():
    room = Room(full_workshop(language="en", start_time=None))
    room.session.go_to(2)
    screen = screen_now(room.session)
    assert [step.starts for step in screen.strip] == ["", "", ""]
    assert [step.step for step in screen.strip] == [Step.PAST, Step.PAST, Step.NOW]


@pytest.mark.parametrize(
    ("place", "first", "before", "after"),
    [
        (0, 0, False, True),
        (1, 0, False, True),
        (2, 0, False, True),
        (3, 1, True, True),
        (4, 2, True, True),
        (6, 4, True, True),
        (7, 5, True, False),
        (9, 5, True, False),
        (11, 5, True, False),
    ],
)
def test_the_strip_of_a_long_agenda_shows_seven_items_around_the_current_one(place, first, before, after):
    workshop = twelve_items()
    room = Room(workshop)
    room.session.go_to(place)
    screen = screen_now(room.session)
    assert [step.title for step in screen.strip] == [f"Item {n + 1}" for n in range(first, first + 7)]
    assert (screen.more_before, screen.more_after) == (before, after)
    starts = workshop.start_times()
    assert [step.starts for step in screen.strip] == [starts[n].strftime("%H:%M") for n in range(first, first + 7)]


@pytest.mark.parametrize("count", [1, 6, 7, 8, 12, 20])
def test_the_strip_never_has_more_than_seven_steps_and_always_shows_the_current_item(count):
    workshop = workshop_of(*([10] * count))
    room = Room(workshop)
    for place in range(count):
        room.session.go_to(place)
        screen = screen_now(room.session)
        steps = [step.step for step in screen.strip]
        assert len(steps) == min(7, count)
        assert steps.count(Step.NOW) == 1
        now = steps.index(Step.NOW)
        assert screen.strip[now].title == workshop.agenda[place].title
        assert steps[:now] == [Step.PAST] * now
        assert steps[now + 1 :] == [Step.NEXT] * (len(steps) - now - 1)
        assert now >= min(2, place)  # the items just done stay in view
        assert screen.more_before == (place - now > 0)
        assert screen.more_after == (place - now + len(steps) < count)


def test_an_agenda_of_seven_items_needs_no_more_marks():
    workshop = workshop_of(*([10] * 7))
    room = Room(workshop)
    for place in range(7):
        room.session.go_to(place)
        screen = screen_now(room.session)
        assert (screen.more_before, screen.more_after) == (False, False)


# -- breaks -----------------------------------------------------------------------------


def test_a_break_on_the_agenda_shows_its_title_and_when_to_come_back():
    workshop = demo()
    room = Room(workshop, wall=dt.datetime(2026, 3, 3, 11, 5, 0))
    room.session.go_to(4)
    screen = screen_now(room.session)
    assert screen == Screen(
        Kind.BREAK, title="Tea break", words="Back at 11:25", pictures=("tea",), timer=True, item_id=workshop.agenda[4].id
    )
    assert screen.timer  # the countdown to the end of the break, beside the tea picture
    room.wait(10 * 60)
    assert screen_now(room.session).words == "Back at 11:25"


def test_the_back_at_time_of_a_break_on_the_agenda_counts_added_minutes():
    room = Room(demo(), wall=dt.datetime(2026, 3, 3, 11, 5, 0))
    room.session.go_to(4)
    room.session.add_minutes(5)
    assert screen_now(room.session).words == "Back at 11:30"
    room.session.add_minutes(-10)
    assert screen_now(room.session).words == "Back at 11:20"


@pytest.mark.parametrize(
    ("started", "back"),
    [
        (dt.datetime(2026, 3, 3, 11, 5, 0), "Back at 11:25"),
        (dt.datetime(2026, 3, 3, 11, 5, 1), "Back at 11:26"),
        (dt.datetime(2026, 3, 3, 11, 5, 30), "Back at 11:26"),
        (dt.datetime(2026, 3, 3, 11, 5, 59), "Back at 11:26"),
        (dt.datetime(2026, 3, 3, 23, 50, 30), "Back at 00:11"),
    ],
)
def test_the_back_at_time_is_rounded_up_to_the_minute(started, back):
    room = Room(demo(), wall=started)
    room.session.go_to(4)
    assert screen_now(room.session).words == back


def test_a_break_on_the_agenda_with_no_title_is_called_a_break():
    workshop = workshop_of(10, 15, kinds={1: ItemKind.BREAK})
    workshop.agenda[1].title = "  "
    room = Room(workshop)
    room.session.go_to(1)
    assert screen_now(room.session).title == "Break"


@pytest.mark.parametrize(
    ("wall", "minutes", "back"),
    [
        (dt.datetime(2026, 3, 3, 10, 31, 0), 15, "Back at 10:46"),
        (dt.datetime(2026, 3, 3, 10, 31, 20), 15, "Back at 10:47"),
        (dt.datetime(2026, 3, 3, 10, 31, 0, 1), 15, "Back at 10:47"),
        (dt.datetime(2026, 3, 3, 10, 59, 0), 1, "Back at 11:00"),
    ],
)
def test_a_break_not_on_the_agenda_says_when_to_come_back(wall, minutes, back):
    workshop = workshop_of(10, 20)
    room = Room(workshop, wall=wall)
    room.session.next()
    room.session.take_break(minutes)
    screen = screen_now(room.session)
    assert screen == Screen(Kind.BREAK, title="Break", words=back, pictures=("tea",), timer=True)
    assert screen.item_id is None


def test_the_screen_goes_back_to_the_item_when_the_break_ends():
    workshop = workshop_of(10, 20)
    room = Room(workshop)
    room.session.next()
    room.session.take_break(10)
    room.session.next()
    screen = screen_now(room.session)
    assert screen.kind is Kind.ITEM
    assert screen.item_id == workshop.agenda[0].id


# -- words, decisions, blank and the end ------------------------------------------------


def test_a_word_shows_the_word_its_meaning_and_a_picture():
    room = Room(workshop_of(10))
    room.session.next()
    room.session.show_word("Council", "The people who run the town", "town hall")
    assert screen_now(room.session) == Screen(
        Kind.WORD, title="Council", words="The people who run the town", heading="What this word means",
        pictures=("town hall",),
    )
    room.session.show_word("Pass", "A card")
    assert screen_now(room.session).pictures == ("question",)


def test_a_decision_is_read_back_with_is_this_right():
    room = Room(workshop_of(10))
    room.session.next()
    room.session.show_decision("Ask for free passes", "vote")
    assert screen_now(room.session) == Screen(
        Kind.DECISION, title="Ask for free passes", heading="Is this right?", pictures=("vote",)
    )
    room.session.show_decision("Meet again in May")
    assert screen_now(room.session).pictures == ("decide",)


def test_a_blank_screen_shows_nothing():
    room = Room(full_workshop(language="en"))
    room.session.next()
    room.session.toggle_blank()
    screen = screen_now(room.session)
    assert screen == Screen(Kind.BLANK)
    assert (screen.title, screen.words, screen.pictures, screen.strip, screen.timer) == ("", "", (), (), False)


def test_a_covering_on_the_welcome_or_the_end_is_shown_over_it():
    room = Room(full_workshop(language="en"))
    room.session.toggle_blank()
    assert screen_now(room.session).kind is Kind.BLANK
    room.session.go_to(room.session.last_place)
    room.session.show_decision("Meet again in May")
    assert screen_now(room.session).kind is Kind.DECISION


def test_the_end_thanks_everyone():
    room = Room(full_workshop(language="en"))
    room.session.go_to(room.session.last_place)
    screen = screen_now(room.session)
    assert screen == Screen(
        Kind.END, title="Thank you for coming", heading="The end", words="Bus passes", pictures=("thank you",)
    )
    assert screen.name == "end"


def test_an_empty_agenda_has_a_welcome_and_an_end():
    room = Room(workshop_of(title="Nothing yet"))
    assert screen_now(room.session).kind is Kind.WELCOME
    assert screen_now(room.session).strip == ()
    room.session.next()
    assert screen_now(room.session).kind is Kind.END
    assert [screen.kind for screen in workshop_screens(room.session.workshop)] == [Kind.WELCOME, Kind.END]


# -- every screen of a workshop -------------------------------------------------------------


def test_workshop_screens_are_the_welcome_each_item_and_the_end():
    workshop = demo()
    screens = workshop_screens(workshop)
    assert len(screens) == len(workshop.agenda) + 2
    assert [screen.kind for screen in screens] == [Kind.WELCOME] + [
        Kind.BREAK if item.kind is ItemKind.BREAK else Kind.ITEM for item in workshop.agenda
    ] + [Kind.END]
    assert [screen.item_id for screen in screens[1:-1]] == [item.id for item in workshop.agenda]
    assert [screen.title for screen in screens[1:-1]] == [item.title for item in workshop.agenda]
    assert screens[0].title == screens[-1].words == workshop.title
    for place, screen in enumerate(screens[1:-1]):
        if screen.kind is Kind.ITEM:
            assert screen == item_screen(workshop, place)


def test_a_break_in_workshop_screens_comes_back_at_its_planned_end():
    screens = workshop_screens(demo())
    tea = screens[5]
    assert tea.kind is Kind.BREAK
    assert tea.title == "Tea break"
    assert tea.words == "Back at 11:25"
    assert tea.pictures == ("tea",) and tea.timer


def test_a_break_in_workshop_screens_follows_a_later_start():
    assert workshop_screens(dataclasses.replace(demo(), start_time=dt.time(13, 30)))[5].words == "Back at 14:55"


def test_a_break_in_workshop_screens_has_no_back_at_time_without_a_start_time():
    screens = workshop_screens(dataclasses.replace(demo(), start_time=None))
    assert screens[5].kind is Kind.BREAK
    assert screens[5].words == ""
    assert all(step.starts == "" for screen in screens for step in screen.strip)


def test_the_live_screens_match_the_saved_screens_when_the_day_runs_to_plan():
    workshop = demo()
    saved = workshop_screens(workshop)
    room = Room(workshop, wall=dt.datetime(2026, 3, 3, 10, 0, 0))
    live = [screen_now(room.session)]
    for item in workshop.agenda:
        room.session.next()
        live.append(screen_now(room.session))
        room.wait(item.minutes * 60)
    room.session.next()
    live.append(screen_now(room.session))
    assert live == saved
