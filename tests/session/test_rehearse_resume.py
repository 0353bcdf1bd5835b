"""A break's countdown by the wall clock, where to go on after stopping, and a try-out that keeps no times.

Plain Python: the clocks are moved by hand (tests/session/__init__.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.core.model import AgendaItem, ItemKind, ItemTiming, Workshop
from facilitator.session.record import TryOutRecorder
from facilitator.session.run import Phase, Session, TimerState
from facilitator.session.timings import minutes_taken, where_to_go_on
from tests.session import Room, workshop_of


def at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, 3, hour, minute, second)


# -- a break counts down by the clock on the wall -------------------------------------------


def test_a_break_not_on_the_agenda_counts_down_to_back_at_by_the_wall_clock():
    room = Room(workshop_of(10, 20), wall=at(10, 55, 30))
    room.session.next()
    room.session.take_break(7)  # back at 11:02:30, promised as 11:03
    timer = room.session.break_timer()
    assert timer == TimerState(planned=450, left=450, phase=Phase.RUNNING, now=dt.time(10, 55, 30))
    assert timer.minutes_left == 8 and timer.fraction_left == 1.0  # 11:03 - 10:55
    room.wait(4 * 60)
    timer = room.session.break_timer()
    assert (timer.left, timer.minutes_left, timer.now) == (210, 4, dt.time(10, 59, 30))  # 11:03 - 10:59
    assert timer.fraction_left == pytest.approx(210 / 450)
    assert room.session.room_timer() == timer  # the room sees the break, not the waiting item
    assert room.session.timer().phase is Phase.PAUSED
    room.wait(4 * 60)
    over = room.session.break_timer()
    assert over.phase is Phase.OVER and over.minutes_left == 0 and over.fraction_left == 0
    room.session.uncover()
    assert room.session.break_timer() is None
    assert room.session.room_timer() == room.session.timer()


def test_a_break_on_the_agenda_counts_down_by_the_wall_clock_and_follows_added_minutes():
    room = Room(workshop_of(10, 15, kinds={1: ItemKind.BREAK}), wall=at(11, 0, 20))
    room.session.go_to(1)  # back at 11:15:20, promised as 11:16
    timer = room.session.break_timer()
    assert (timer.left, timer.minutes_left, timer.now) == (940, 16, dt.time(11, 0, 20))
    room.session.add_minutes(5)
    assert room.session.break_timer().minutes_left == 21
    room.session.pause()  # pausing the item's timer does not stop the clock on the wall
    room.wait(60)
    assert room.session.break_timer().left == 940 + 300 - 60


def test_there_is_no_break_countdown_on_an_item_or_the_welcome():
    room = Room(workshop_of(10, 15, kinds={1: ItemKind.BREAK}))
    assert room.session.break_timer() is None
    room.session.next()
    assert room.session.break_timer() is None
    assert room.session.room_timer() == room.session.timer()


# -- where to go on -----------------------------------------------------------------------------


def _presented(*visits: tuple[int, dt.datetime, dt.datetime | None]) -> Workshop:
    agenda = [AgendaItem(f"Item {n}") for n in range(1, 6)]
    timings = [ItemTiming(started, ended, agenda_item_id=agenda[place].id) for place, started, ended in visits]
    timings.append(ItemTiming(at(10, 40), at(10, 50)))  # a break not on the agenda belongs to no item
    return Workshop("Day", agenda=agenda, timings=timings)


def test_never_presented_starts_at_the_welcome():
    assert where_to_go_on(Workshop("Day", agenda=[AgendaItem("Talk")])) is None


def test_the_room_s_times_say_the_item_shown_last():
    workshop = _presented((0, at(10, 0), at(10, 10)), (1, at(10, 10), at(10, 30)), (2, at(10, 30), at(10, 35)),
                          (1, at(10, 35), at(10, 38)))  # went back to item 2 last
    assert where_to_go_on(workshop) == 1


def test_after_the_last_item_there_is_nothing_to_go_on_with():
    workshop = _presented((3, at(10, 0), at(10, 10)), (4, at(10, 10), at(10, 30)))
    assert where_to_go_on(workshop) is None


def test_where_presenting_stopped_is_believed_before_the_times():
    workshop = _presented((0, at(10, 0), at(10, 10)), (1, at(10, 10), at(10, 30)))
    ids = [item.id for item in workshop.agenda]
    assert where_to_go_on(workshop, ids[4]) == 4  # stopped on the last item, part way through it
    assert where_to_go_on(workshop, "") is None  # stopped on the welcome or the end
    assert where_to_go_on(workshop, "an item since deleted") is None


def test_an_item_deleted_since_is_never_offered():
    workshop = _presented((0, at(10, 0), at(10, 10)), (2, at(10, 10), at(10, 30)))
    del workshop.agenda[2]
    assert where_to_go_on(workshop) == 0


# -- a try-out keeps no times -------------------------------------------------------------------------


def test_a_try_out_keeps_no_times_and_leaves_the_real_ones_as_they_were():
    workshop = workshop_of(10, 15, 20)
    real = ItemTiming(at(9, 0), at(9, 12), agenda_item_id=workshop.agenda[0].id)
    workshop.timings.append(real)
    recorder = TryOutRecorder()
    session = Session(workshop, recorder)
    for _n in range(3):
        session.next()
    session.take_break(10)
    session.finish()
    assert workshop.timings == [real]
    assert minutes_taken(workshop) == {workshop.agenda[0].id: 12}
    assert recorder.items_shown == {item.id for item in workshop.agenda}
    assert not recorder.busy
