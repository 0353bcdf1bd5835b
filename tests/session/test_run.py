"""A workshop being run in the room: its place, the item's timer, coverings, timings and listeners."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from facilitator.core.model import ItemKind
from facilitator.session.run import MOST_EXTRA_MINUTES, Cover, Phase, TimerState
from tests.session import DAY_START, Room, workshop_of

# -- where we are ----------------------------------------------------------------


def test_a_new_session_starts_at_the_welcome_with_no_item_and_no_timer():
    room = Room(workshop_of(10, 20, 30))
    session = room.session
    assert session.place == -1
    assert session.item() is None
    assert session.timer() is None
    assert session.covering is None
    assert session.next_item() is session.agenda[0]
    assert not session.is_break()
    assert not session.finished
    assert room.recorder.log == []


def test_next_goes_from_the_welcome_through_each_item_to_the_end_and_stops_there():
    workshop = workshop_of(10, 20, 30)
    session = Room(workshop).session
    seen = []
    for _ in range(6):
        session.next()
        seen.append((session.place, session.item()))
    assert seen == [
        (0, workshop.agenda[0]),
        (1, workshop.agenda[1]),
        (2, workshop.agenda[2]),
        (3, None),
        (3, None),
        (3, None),
    ]
    assert session.last_place == 3
    assert session.timer() is None
    assert session.next_item() is None


def test_previous_goes_back_to_the_welcome_and_stops_there():
    workshop = workshop_of(10, 20)
    session = Room(workshop).session
    session.go_to(session.last_place)
    places = []
    for _ in range(5):
        session.previous()
        places.append(session.place)
    assert places == [1, 0, -1, -1, -1]
    assert session.item() is None


@pytest.mark.parametrize(("asked", "expected"), [(-10, -1), (-2, -1), (-1, -1), (0, 0), (2, 2), (3, 3), (4, 3), (99, 3)])
def test_go_to_keeps_the_place_between_the_welcome_and_the_end(asked, expected):
    session = Room(workshop_of(10, 20, 30)).session
    session.go_to(asked)
    assert session.place == expected


def test_go_to_the_place_we_are_on_tells_the_listeners_but_records_no_new_visit():
    room = Room(workshop_of(10, 20))
    room.session.go_to(1)
    before = list(room.recorder.log)
    tells = room.tells
    room.wait(30)
    room.session.go_to(1)
    assert room.recorder.log == before
    assert room.tells == tells + 1
    assert room.session.timer().left == 20 * 60 - 30


def test_an_empty_agenda_goes_from_the_welcome_straight_to_the_end():
    room = Room(workshop_of())
    session = room.session
    assert session.last_place == 0
    session.next()
    assert session.place == 0
    assert session.item() is None
    assert session.timer() is None
    session.next()
    assert session.place == 0
    session.previous()
    assert session.place == -1
    assert session.day_left_seconds() == 0
    session.finish()
    assert room.recorder.log == []


# -- the item's timer ----------------------------------------------------------------


def test_the_timer_counts_down_with_the_clock():
    room = Room(workshop_of(10))
    room.session.next()
    timer = room.session.timer()
    assert (timer.planned, timer.left, timer.phase) == (600, 600, Phase.RUNNING)
    room.wait(90)
    assert room.session.timer().left == 510
    room.wait(0.5)
    assert room.session.timer().left == pytest.approx(509.5)


def test_the_timer_follows_the_session_clock_not_the_wall_clock():
    room = Room(workshop_of(10))
    room.session.next()
    room.wall[0] += dt.timedelta(minutes=30)
    assert room.session.timer().left == 600
    room.t[0] += 60
    assert room.session.timer().left == 540


@pytest.mark.parametrize(
    ("minutes", "used", "phase"),
    [
        (10, 0, Phase.RUNNING),
        (10, 479, Phase.RUNNING),  # 121 s left
        (10, 480, Phase.NEARLY),  # 120 s left
        (10, 599, Phase.NEARLY),
        (10, 600, Phase.OVER),  # no time left
        (10, 601, Phase.OVER),
        (10, 5000, Phase.OVER),
        (5, 239, Phase.RUNNING),  # a short item: 61 s left is not nearly time yet
        (5, 240, Phase.NEARLY),  # 60 s left
        (5, 300, Phase.OVER),
        (7, 300, Phase.RUNNING),  # 120 s left of a short item
        (8, 359, Phase.RUNNING),  # eight minutes is not short: 121 s left
        (8, 360, Phase.NEARLY),  # 120 s left
    ],
)
def test_the_phase_follows_the_time_left(minutes, used, phase):
    room = Room(workshop_of(minutes))
    room.session.next()
    room.wait(used)
    timer = room.session.timer()
    assert timer.phase is phase
    assert timer.left == minutes * 60 - used


def test_the_time_left_goes_below_zero_once_the_time_is_over():
    room = Room(workshop_of(10))
    room.session.next()
    room.wait(660)
    timer = room.session.timer()
    assert timer.left == -60
    assert timer.phase is Phase.OVER
    assert timer.minutes_left == 0
    assert timer.fraction_left == 0


def test_a_paused_timer_is_paused_whatever_the_time_left():
    room = Room(workshop_of(10))
    room.session.next()
    room.session.pause()
    assert room.session.paused
    assert room.session.timer().phase is Phase.PAUSED
    room.session.resume()
    room.wait(700)
    assert room.session.timer().phase is Phase.OVER
    room.session.pause()
    assert room.session.timer().phase is Phase.PAUSED
    assert room.session.timer().left == -100


def test_pause_and_resume_keep_the_time_used_and_leave_out_the_pause():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    room.wait(100)
    session.pause()
    room.wait(1000)
    assert session.timer().left == 500
    assert session.used_seconds() == 100
    session.resume()
    assert not session.paused
    room.wait(50)
    assert session.timer().left == 450
    assert session.timer().phase is Phase.RUNNING


def test_pausing_twice_or_resuming_twice_changes_nothing_and_tells_nobody():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    room.wait(60)
    session.pause()
    tells = room.tells
    room.wait(60)
    session.pause()
    assert room.tells == tells
    assert session.timer().left == 540
    session.resume()
    tells = room.tells
    room.wait(60)
    session.resume()
    assert room.tells == tells
    assert session.timer().left == 480


def test_toggle_pause_pauses_then_resumes():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    room.wait(10)
    session.toggle_pause()
    assert session.paused
    room.wait(100)
    session.toggle_pause()
    assert not session.paused
    room.wait(10)
    assert session.timer().left == 580


def test_adding_five_minutes_gives_the_item_300_more_seconds():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    room.wait(500)
    assert session.timer().phase is Phase.NEARLY
    session.add_minutes()
    timer = session.timer()
    assert timer.planned == 900
    assert timer.left == 400
    assert timer.phase is Phase.RUNNING
    session.add_minutes(5)
    assert session.timer().planned == 1200


def test_added_minutes_are_capped():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    session.add_minutes(100_000)
    assert session.timer().planned == 600 + MOST_EXTRA_MINUTES * 60
    for _ in range(200):
        session.add_minutes(5)
    assert session.timer().planned == 600 + MOST_EXTRA_MINUTES * 60
    session.add_minutes(-5)
    assert session.timer().planned == 600 + MOST_EXTRA_MINUTES * 60 - 300


def test_taking_minutes_away_never_plans_less_than_nothing():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    session.add_minutes(-3)
    assert session.timer().planned == 420
    session.add_minutes(-60)
    timer = session.timer()
    assert timer.planned == 0
    assert timer.left == 0
    assert timer.phase is Phase.OVER
    assert timer.fraction_left == 0
    session.add_minutes(5)
    assert session.timer().planned == 300


def test_adding_minutes_on_the_welcome_or_the_end_does_nothing():
    room = Room(workshop_of(10, 20))
    session = room.session
    tells = room.tells
    session.add_minutes(5)
    assert room.tells == tells
    session.next()
    assert session.timer().planned == 600
    session.go_to(session.last_place)
    session.add_minutes(5)
    assert session.timer() is None
    assert session.day_left_seconds() == 0


def test_adding_minutes_tells_the_listeners():
    room = Room(workshop_of(10))
    room.session.next()
    tells = room.tells
    room.session.add_minutes(5)
    assert room.tells == tells + 1


def test_fraction_left_goes_from_one_to_zero():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    assert session.timer().fraction_left == 1
    room.wait(150)
    assert session.timer().fraction_left == pytest.approx(0.75)
    room.wait(300)
    assert session.timer().fraction_left == pytest.approx(0.25)
    room.wait(600)
    assert session.timer().fraction_left == 0


@pytest.mark.parametrize(
    ("planned", "left", "fraction"),
    [(600, 600, 1.0), (600, 300, 0.5), (600, 900, 1.0), (600, -10, 0.0), (0, 0, 0.0), (0, -5, 0.0), (-60, 10, 0.0)],
)
def test_fraction_left_stays_between_zero_and_one(planned, left, fraction):
    assert TimerState(planned, left, Phase.RUNNING).fraction_left == fraction


@pytest.mark.parametrize(
    ("left", "minutes"),
    [(600, 10), (599, 10), (541, 10), (540.5, 10), (540, 9), (61, 2), (60, 1), (59.9, 1), (1, 1), (0.01, 1), (0, 0),
     (-0.5, 0), (-30, 0), (-600, 0)],
)
def test_minutes_left_are_rounded_up_and_zero_after_the_end(left, minutes):
    assert TimerState(600, left, Phase.RUNNING).minutes_left == minutes


def test_moving_to_another_item_starts_its_timer_afresh():
    room = Room(workshop_of(10, 20))
    session = room.session
    session.next()
    room.wait(200)
    session.add_minutes(5)
    session.pause()
    session.next()
    timer = session.timer()
    assert (timer.planned, timer.left, timer.phase) == (1200, 1200, Phase.RUNNING)
    room.wait(100)
    session.previous()
    timer = session.timer()
    assert (timer.planned, timer.left, timer.phase) == (600, 600, Phase.RUNNING)


def test_the_day_left_is_what_is_left_of_this_item_and_every_later_item():
    room = Room(workshop_of(10, 20, 30))
    session = room.session
    assert session.day_left_seconds() == 60 * 60
    session.next()
    room.wait(60)
    assert session.day_left_seconds() == (10 + 20 + 30) * 60 - 60
    session.add_minutes(5)
    assert session.day_left_seconds() == (10 + 20 + 30 + 5) * 60 - 60
    session.next()
    room.wait(120)
    assert session.day_left_seconds() == (20 + 30) * 60 - 120
    session.pause()
    room.wait(1000)
    assert session.day_left_seconds() == (20 + 30) * 60 - 120
    session.next()
    room.wait(3600)  # the last item runs over: nothing is left
    assert session.day_left_seconds() == 0
    session.next()
    assert session.day_left_seconds() == 0


def test_an_item_that_runs_over_leaves_only_the_later_items():
    room = Room(workshop_of(10, 20))
    room.session.next()
    room.wait(15 * 60)
    assert room.session.day_left_seconds() == 20 * 60


def test_the_expected_end_is_now_plus_the_day_left():
    room = Room(workshop_of(10, 20, 30))
    session = room.session
    assert session.expected_end() == dt.datetime(2026, 3, 3, 11, 0)
    session.next()
    room.wait(15 * 60)  # five minutes over
    assert session.expected_end() == dt.datetime(2026, 3, 3, 11, 5)
    session.next()
    room.wait(5 * 60)
    assert session.expected_end() == dt.datetime(2026, 3, 3, 11, 5)
    session.go_to(session.last_place)
    assert session.expected_end() == room.wall[0]


# -- breaks that were not on the agenda -----------------------------------------------------


def test_a_break_pauses_the_timer_and_covers_the_place_until_its_end():
    room = Room(workshop_of(10, 20))
    session = room.session
    session.next()
    room.wait(60)
    session.take_break(15)
    assert session.place == 0
    assert session.covering is not None
    assert session.covering.kind is Cover.BREAK
    assert session.covering.until == DAY_START + dt.timedelta(minutes=16)
    assert session.is_break()
    assert session.paused
    assert session.timer().phase is Phase.PAUSED
    room.wait(15 * 60)
    assert session.timer().left == 540


@pytest.mark.parametrize(("asked", "given"), [(-5, 1), (0, 1), (1, 1), (30, 30), (180, 180), (181, 180), (1000, 180)])
def test_a_break_lasts_from_one_minute_to_three_hours(asked, given):
    room = Room(workshop_of(10))
    room.session.take_break(asked)
    assert room.session.covering.until == DAY_START + dt.timedelta(minutes=given)


def test_next_during_a_break_ends_the_break_without_moving_on_and_the_timer_goes_on():
    room = Room(workshop_of(10, 20))
    session = room.session
    session.next()
    room.wait(60)
    session.take_break(10)
    room.wait(11 * 60)
    session.next()
    assert session.place == 0
    assert session.covering is None
    assert not session.is_break()
    assert not session.paused
    assert session.timer().left == 540
    room.wait(40)
    assert session.timer().left == 500
    session.next()
    assert session.place == 1


def test_previous_during_a_break_ends_the_break_without_moving_back():
    room = Room(workshop_of(10, 20))
    session = room.session
    session.go_to(1)
    session.take_break(10)
    session.previous()
    assert session.place == 1
    assert session.covering is None
    assert not session.paused


def test_a_break_does_not_resume_a_timer_paused_before_it():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    room.wait(60)
    session.pause()
    session.take_break(10)
    room.wait(600)
    session.next()
    assert session.covering is None
    assert session.paused
    assert session.timer().phase is Phase.PAUSED
    assert session.timer().left == 540


def test_a_timer_paused_by_hand_during_a_break_stays_paused_after_it():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    room.wait(60)
    session.take_break(10)
    session.resume()
    room.wait(30)
    session.pause()
    room.wait(600)
    session.next()
    assert session.covering is None
    assert session.paused
    assert session.timer().left == 510


def test_a_break_gets_a_timing_of_its_own_with_no_agenda_item():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    room.wait(60)
    session.take_break(10)
    room.wait(12 * 60)
    session.uncover()
    break_timings = [timing for timing in room.recorder.timings() if timing.agenda_item_id is None]
    assert len(break_timings) == 1
    timing = break_timings[0]
    assert timing.started == dt.datetime(2026, 3, 3, 10, 1)
    assert timing.ended == dt.datetime(2026, 3, 3, 10, 13)
    added = [t for t in room.recorder.added() if t.id == timing.id]
    assert len(added) == 1
    assert added[0].ended is None
    # The item's own timing goes on through the break.
    item_timing = [t for t in room.recorder.timings() if t.agenda_item_id == session.agenda[0].id]
    assert len(item_timing) == 1
    assert item_timing[0].ended is None


def test_a_break_on_the_welcome_is_taken_away_by_next_without_starting_the_first_item():
    room = Room(workshop_of(10))
    session = room.session
    session.take_break(5)
    assert session.is_break()
    session.next()
    assert session.place == -1
    assert session.covering is None
    session.next()
    assert session.place == 0
    assert not session.paused


def test_going_to_another_place_during_a_break_ends_the_break():
    room = Room(workshop_of(10, 20, 30))
    session = room.session
    session.next()
    session.take_break(10)
    room.wait(300)
    session.go_to(2)
    assert session.place == 2
    assert session.covering is None
    assert not session.paused
    break_timing = [t for t in room.recorder.timings() if t.agenda_item_id is None]
    assert break_timing[0].ended == DAY_START + dt.timedelta(minutes=5)


# -- words, decisions and a blank screen over the place -------------------------------------


def test_showing_a_word_covers_the_place_and_next_takes_it_away():
    room = Room(workshop_of(10, 20))
    session = room.session
    session.next()
    session.show_word("Council", "The people who run the town", "town hall")
    assert session.covering == session.covering.__class__(
        Cover.WORD, title="Council", words="The people who run the town", picture="town hall"
    )
    assert not session.is_break()
    room.wait(30)
    assert not session.paused  # the item's time goes on while a word is explained
    assert session.timer().left == 570
    session.next()
    assert session.covering is None
    assert session.place == 0


def test_showing_a_decision_covers_the_place():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    session.show_decision("Ask for free passes", "vote")
    assert session.covering.kind is Cover.DECISION
    assert session.covering.title == "Ask for free passes"
    assert session.covering.picture == "vote"
    assert session.covering.until is None
    session.previous()
    assert session.covering is None
    assert session.place == 0


def test_toggle_blank_covers_then_uncovers():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    session.toggle_blank()
    assert session.covering.kind is Cover.BLANK
    session.toggle_blank()
    assert session.covering is None
    assert session.place == 0


def test_covering_replaces_what_covered_the_place_before():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    session.show_word("Council", "The people who run the town")
    session.show_decision("Meet again in May")
    assert session.covering.kind is Cover.DECISION
    session.toggle_blank()
    assert session.covering.kind is Cover.BLANK
    session.toggle_blank()  # the blank goes, and nothing that was under it comes back
    assert session.covering is None
    session.show_word("Pass", "A card")
    session.toggle_blank()
    assert session.covering.kind is Cover.BLANK
    session.next()
    assert session.covering is None
    assert session.place == 0


def test_a_break_replaced_by_a_word_ends_the_break_and_its_timing():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    room.wait(60)
    session.take_break(10)
    room.wait(120)
    session.show_word("Council", "The people who run the town")
    assert session.covering.kind is Cover.WORD
    assert not session.is_break()
    assert not session.paused
    break_timing = [t for t in room.recorder.timings() if t.agenda_item_id is None]
    assert len(break_timing) == 1
    assert break_timing[0].ended == DAY_START + dt.timedelta(minutes=3)
    room.wait(30)
    assert session.timer().left == 600 - 60 - 30


def test_a_break_replaced_by_another_break_ends_the_first_and_keeps_the_timer_paused():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    room.wait(60)
    session.take_break(10)
    room.wait(120)
    session.take_break(5)
    assert session.paused
    assert session.covering.until == DAY_START + dt.timedelta(minutes=3 + 5)
    breaks = [t for t in room.recorder.timings() if t.agenda_item_id is None]
    assert [(t.started, t.ended) for t in breaks] == [
        (DAY_START + dt.timedelta(minutes=1), DAY_START + dt.timedelta(minutes=3)),
        (DAY_START + dt.timedelta(minutes=3), None),
    ]
    room.wait(300)
    session.next()
    assert not session.paused
    assert session.timer().left == 540


def test_a_blank_screen_over_a_break_ends_the_break():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    session.take_break(10)
    session.toggle_blank()
    assert session.covering.kind is Cover.BLANK
    assert [t.ended is not None for t in room.recorder.timings() if t.agenda_item_id is None] == [True]
    assert not session.paused


def test_uncover_with_nothing_shown_does_not_move():
    room = Room(workshop_of(10, 20))
    session = room.session
    session.next()
    session.uncover()
    assert session.place == 0
    assert session.covering is None


def test_a_break_on_the_agenda_is_a_break_until_something_covers_it():
    workshop = workshop_of(10, 20, kinds={1: ItemKind.BREAK})
    session = Room(workshop).session
    session.next()
    assert not session.is_break()
    session.next()
    assert session.is_break()
    session.show_word("Tea", "A hot drink")
    assert not session.is_break()
    session.take_break(5)
    assert session.is_break()


# -- the times kept for each item ---------------------------------------------------------


def test_each_visit_to_an_item_gets_one_timing_from_its_start_to_its_end():
    workshop = workshop_of(10, 20)
    room = Room(workshop, wall=dt.datetime(2026, 3, 3, 10, 0, 0, 750_000))
    session = room.session
    session.next()
    room.wait(12 * 60 + 0.5)
    session.next()
    room.wait(20 * 60)
    session.next()
    assert [what for what, _timing in room.recorder.log] == ["add", "update", "add", "update"]
    first_added, first_ended, second_added, second_ended = (timing for _what, timing in room.recorder.log)
    assert first_added.id == first_ended.id
    assert second_added.id == second_ended.id
    assert first_added.id != second_added.id
    assert first_added.agenda_item_id == workshop.agenda[0].id
    assert second_added.agenda_item_id == workshop.agenda[1].id
    assert first_added.ended is None
    assert first_ended.started == dt.datetime(2026, 3, 3, 10, 0, 0)
    assert first_ended.ended == dt.datetime(2026, 3, 3, 10, 12, 1)
    assert second_ended.started == dt.datetime(2026, 3, 3, 10, 12, 1)
    assert second_ended.ended == dt.datetime(2026, 3, 3, 10, 32, 1)
    for _what, timing in room.recorder.log:
        assert timing.started.microsecond == 0
        assert timing.ended is None or timing.ended.microsecond == 0


def test_the_welcome_and_the_end_get_no_timing():
    room = Room(workshop_of(10))
    session = room.session
    session.next()
    session.next()
    session.next()
    session.previous()
    session.previous()
    assert [t.agenda_item_id for t in room.recorder.added()] == [session.agenda[0].id, session.agenda[0].id]
    assert session.place == -1


def test_going_back_to_an_item_adds_a_new_timing():
    workshop = workshop_of(10, 20)
    room = Room(workshop)
    session = room.session
    session.next()
    room.wait(600)
    session.next()
    room.wait(60)
    session.previous()
    room.wait(120)
    session.next()
    timings = room.recorder.timings()
    assert [t.agenda_item_id for t in timings] == [
        workshop.agenda[0].id,
        workshop.agenda[1].id,
        workshop.agenda[0].id,
        workshop.agenda[1].id,
    ]
    assert len({t.id for t in timings}) == 4
    assert [t.minutes() for t in timings[:3]] == [10, 1, 2]
    assert timings[3].ended is None


def test_finish_ends_the_item_being_shown_and_is_safe_to_call_twice():
    room = Room(workshop_of(10, 20))
    session = room.session
    session.next()
    room.wait(300)
    session.finish()
    assert session.finished
    timings = room.recorder.timings()
    assert len(timings) == 1
    assert timings[0].ended == DAY_START + dt.timedelta(minutes=5)
    log = list(room.recorder.log)
    room.wait(300)
    session.finish()
    assert room.recorder.log == log


def test_finish_during_a_break_ends_the_break_and_the_item():
    room = Room(workshop_of(10, 20))
    session = room.session
    session.next()
    room.wait(60)
    session.take_break(10)
    room.wait(120)
    session.finish()
    timings = room.recorder.timings()
    assert [(t.agenda_item_id, t.ended) for t in timings] == [
        (session.agenda[0].id, DAY_START + dt.timedelta(minutes=3)),
        (None, DAY_START + dt.timedelta(minutes=3)),
    ]
    log = list(room.recorder.log)
    session.finish()
    assert room.recorder.log == log


def test_finish_on_the_welcome_records_nothing():
    room = Room(workshop_of(10))
    room.session.finish()
    room.session.finish()
    assert room.session.finished
    assert room.recorder.log == []


# -- the workshop changes while it is shown --------------------------------------------


def test_refresh_keeps_the_place_on_the_same_item_when_the_agenda_is_reordered():
    workshop = workshop_of(10, 20, 30)
    room = Room(workshop)
    session = room.session
    session.go_to(1)
    room.wait(100)
    current = workshop.agenda[1]
    reordered = dataclasses.replace(workshop, agenda=[workshop.agenda[2], workshop.agenda[0], current])
    log = list(room.recorder.log)
    session.refresh(reordered)
    assert session.workshop is reordered
    assert session.place == 2
    assert session.item() is current
    assert session.timer().left == 20 * 60 - 100  # the timer goes on
    assert room.recorder.log == log  # the same visit: no new timing


def test_refresh_keeps_the_place_when_an_item_is_added_before_it():
    workshop = workshop_of(10, 20)
    session = Room(workshop).session
    session.go_to(1)
    added = workshop_of(5).agenda[0]
    session.refresh(dataclasses.replace(workshop, agenda=[added, *workshop.agenda]))
    assert session.place == 2
    assert session.item().id == workshop.agenda[1].id


def test_refresh_uses_the_new_minutes_of_an_edited_item():
    workshop = workshop_of(10, 20)
    room = Room(workshop)
    session = room.session
    session.next()
    room.wait(60)
    session.add_minutes(5)
    edited = dataclasses.replace(workshop.agenda[0], minutes=15, title="Longer")
    session.refresh(dataclasses.replace(workshop, agenda=[edited, workshop.agenda[1]]))
    assert session.place == 0
    assert session.item().title == "Longer"
    assert session.timer().planned == (15 + 5) * 60
    assert session.timer().left == (15 + 5) * 60 - 60


def test_refresh_ends_the_timing_of_a_removed_item_unlinked_and_starts_the_one_now_in_its_place():
    workshop = workshop_of(10, 20, 30)
    room = Room(workshop)
    session = room.session
    session.go_to(1)
    room.wait(120)
    removed = workshop.agenda[1]
    session.refresh(dataclasses.replace(workshop, agenda=[workshop.agenda[0], workshop.agenda[2]]))
    assert session.place == 1
    assert session.item().id == workshop.agenda[2].id
    timings = room.recorder.timings()
    assert timings[0].agenda_item_id is None
    assert timings[0].ended == DAY_START + dt.timedelta(minutes=2)
    assert all(t.agenda_item_id != removed.id for t in room.recorder.updated())
    assert timings[1].agenda_item_id == workshop.agenda[2].id
    assert timings[1].ended is None
    assert session.timer().left == 30 * 60


def test_refresh_after_the_last_item_is_removed_goes_to_the_end():
    workshop = workshop_of(10, 20)
    room = Room(workshop)
    session = room.session
    session.go_to(1)
    session.refresh(dataclasses.replace(workshop, agenda=[workshop.agenda[0]]))
    assert session.place == session.last_place == 1
    assert session.item() is None
    assert session.timer() is None
    assert len(room.recorder.added()) == 1
    assert room.recorder.timings()[0].agenda_item_id is None
    assert room.recorder.timings()[0].ended is not None


def test_refresh_keeps_the_place_in_range_when_many_items_go():
    workshop = workshop_of(10, 20, 30, 40)
    session = Room(workshop).session
    session.go_to(3)
    session.refresh(dataclasses.replace(workshop, agenda=[workshop.agenda[0]]))
    assert -1 <= session.place <= session.last_place
    assert session.place == 1
    session.refresh(dataclasses.replace(workshop, agenda=[]))
    assert session.place == 0 == session.last_place


def test_refresh_keeps_the_welcome():
    workshop = workshop_of(10, 20)
    room = Room(workshop)
    room.session.refresh(dataclasses.replace(workshop, agenda=[workshop.agenda[1]]))
    assert room.session.place == -1
    assert room.recorder.log == []


def test_refresh_on_the_end_screen_after_items_are_removed_stays_at_the_end():
    workshop = workshop_of(10, 20, 30)
    session = Room(workshop).session
    session.go_to(3)
    session.refresh(dataclasses.replace(workshop, agenda=[workshop.agenda[0]]))
    assert session.place == session.last_place == 1


def test_refresh_on_the_end_screen_after_an_item_is_added_stays_at_the_end():
    workshop = workshop_of(10, 20)
    room = Room(workshop)
    session = room.session
    session.go_to(session.last_place)
    added = workshop_of(5).agenda[0]
    session.refresh(dataclasses.replace(workshop, agenda=[*workshop.agenda, added]))
    assert session.place == session.last_place == 3
    assert session.item() is None
    assert session.timer() is None


def test_an_item_removed_during_a_break_leaves_the_next_items_timer_waiting_for_the_break():
    workshop = workshop_of(10, 20)
    room = Room(workshop)
    session = room.session
    session.next()
    session.take_break(10)
    session.refresh(dataclasses.replace(workshop, agenda=[workshop.agenda[1]]))
    room.wait(600)
    assert session.is_break()
    assert session.timer().left == 20 * 60


def test_refresh_tells_the_listeners():
    workshop = workshop_of(10)
    room = Room(workshop)
    tells = room.tells
    room.session.refresh(workshop)
    assert room.tells == tells + 1


# -- listeners ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.next(),
        lambda s: s.previous(),
        lambda s: s.go_to(0),
        lambda s: s.pause(),
        lambda s: s.toggle_pause(),
        lambda s: s.add_minutes(5),
        lambda s: s.take_break(10),
        lambda s: s.show_word("Council", "The people who run the town"),
        lambda s: s.show_decision("Meet again"),
        lambda s: s.toggle_blank(),
    ],
)
def test_listeners_are_told_of_each_change(change):
    room = Room(workshop_of(10, 20, 30))
    room.session.go_to(1)
    tells = room.tells
    change(room.session)
    assert room.tells > tells


def test_listeners_are_told_when_a_pause_ends_and_a_covering_goes():
    room = Room(workshop_of(10, 20))
    session = room.session
    session.next()
    session.pause()
    tells = room.tells
    session.resume()
    assert room.tells == tells + 1
    session.show_word("Council", "The people who run the town")
    tells = room.tells
    session.uncover()
    assert room.tells == tells + 1


def test_a_listener_that_unsubscribes_hears_nothing_more():
    room = Room(workshop_of(10, 20))
    session = room.session
    heard = []

    def listener():
        heard.append(session.place)

    session.subscribe(listener)
    session.next()
    session.next()
    session.unsubscribe(listener)
    session.next()
    session.unsubscribe(listener)  # a second time is harmless
    assert heard == [0, 1]
    assert room.tells == 3  # the other listener still hears


def test_a_listener_can_unsubscribe_while_being_told_without_the_others_missing_out():
    room = Room(workshop_of(10))
    session = room.session
    heard = []

    def once():
        heard.append("once")
        session.unsubscribe(once)

    session.subscribe(once)
    session.subscribe(lambda: heard.append("always"))
    session.next()
    session.next()
    assert heard == ["once", "always", "always"]
