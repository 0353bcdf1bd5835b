"""The room's real times are kept in the library, and a problem saving them never stops the session."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from facilitator.core.demo import demo_workshop
from facilitator.core.library import open_library
from facilitator.core.model import ItemTiming
from facilitator.session.record import LibraryRecorder
from tests.core.samples import full_workshop
from tests.session import DAY_START, Room


@pytest.fixture
def lib(tmp_path):
    library = open_library(tmp_path / "lib.sqlite3")
    yield library
    library.close()


def stored(lib, workshop=None):
    """A workshop kept in the library: by default "Bus passes", which already has two timings."""
    workshop = workshop or full_workshop(language="en")
    lib.add_workshop(workshop)
    return workshop


def test_timings_are_saved_as_the_session_goes_and_load_back(lib):
    workshop = stored(lib)
    before = list(lib.load_workshop(workshop.id).timings)
    assert len(before) == 2
    recorder = LibraryRecorder(lib, workshop.id)
    room = Room(workshop, recorder=recorder)
    session = room.session
    session.next()
    loaded = lib.load_workshop(workshop.id).timings
    assert loaded[:2] == before
    assert [(t.agenda_item_id, t.started, t.ended) for t in loaded[2:]] == [(workshop.agenda[0].id, DAY_START, None)]
    room.wait(15 * 60)
    session.next()
    room.wait(40 * 60)
    session.finish()
    loaded = lib.load_workshop(workshop.id).timings
    assert [(t.agenda_item_id, t.started, t.ended) for t in loaded[2:]] == [
        (workshop.agenda[0].id, DAY_START, DAY_START + dt.timedelta(minutes=15)),
        (workshop.agenda[1].id, DAY_START + dt.timedelta(minutes=15), DAY_START + dt.timedelta(minutes=55)),
    ]
    assert recorder.problem == ""


def test_a_break_not_on_the_agenda_is_saved_with_no_agenda_item(lib):
    workshop = stored(lib)
    room = Room(workshop, recorder=LibraryRecorder(lib, workshop.id))
    room.session.next()
    room.wait(60)
    room.session.take_break(10)
    room.wait(10 * 60)
    room.session.next()
    loaded = lib.load_workshop(workshop.id).timings[2:]
    assert [(t.agenda_item_id, t.minutes()) for t in loaded] == [(workshop.agenda[0].id, 0.0), (None, 10.0)]
    assert loaded[1].started == DAY_START + dt.timedelta(minutes=1)


def test_a_whole_demo_day_is_kept_item_by_item(lib):
    group, workshop = demo_workshop(today=dt.date(2026, 2, 10))
    lib.add_group(group)
    stored(lib, workshop)
    room = Room(workshop, recorder=LibraryRecorder(lib, workshop.id))
    for item in workshop.agenda:
        room.session.next()
        room.wait(item.minutes * 60 + 30)
    room.session.next()
    room.session.finish()
    loaded = lib.load_workshop(workshop.id).timings
    assert [t.agenda_item_id for t in loaded] == [item.id for item in workshop.agenda]
    assert [t.minutes() for t in loaded] == [item.minutes + 0.5 for item in workshop.agenda]
    assert loaded[-1].ended == DAY_START + dt.timedelta(minutes=workshop.total_minutes() + 5)


def test_the_recorder_saves_a_timing_when_added_and_again_when_updated(lib):
    workshop = stored(lib)
    recorder = LibraryRecorder(lib, workshop.id)
    timing = ItemTiming(DAY_START, agenda_item_id=workshop.agenda[1].id)
    recorder.add(timing)
    timing.ended = DAY_START + dt.timedelta(minutes=3)
    assert lib.load_workshop(workshop.id).timings[-1].ended is None
    recorder.update(timing)
    assert lib.load_workshop(workshop.id).timings[-1] == timing


def test_when_the_workshop_is_removed_the_session_goes_on_and_says_so_once(lib):
    workshop = stored(lib)
    problems = []
    recorder = LibraryRecorder(lib, workshop.id, on_problem=problems.append)
    room = Room(workshop, recorder=recorder)
    session = room.session
    session.next()
    lib.remove_workshop(workshop.id)
    room.wait(60)
    session.next()
    assert session.place == 1
    assert len(problems) == 1
    message = problems[0]
    assert "could not be saved" in message
    assert "The session goes on" in message
    assert "Traceback" not in message
    assert recorder.problem == message
    session.take_break(5)
    session.next()
    session.next()
    session.next()
    session.finish()
    assert session.place == session.last_place
    assert session.finished
    assert problems == [message]
    assert recorder.problem == message


def test_when_the_library_is_closed_the_session_goes_on_and_says_so_once(tmp_path):
    path = tmp_path / "lib.sqlite3"
    library = open_library(path)
    workshop = stored(library)
    problems = []
    recorder = LibraryRecorder(library, workshop.id, on_problem=problems.append)
    room = Room(workshop, recorder=recorder)
    room.session.next()
    library.close()
    room.wait(60)
    room.session.next()
    room.session.previous()
    room.session.finish()
    assert room.session.place == 0
    assert len(problems) == 1
    assert "could not be saved" in problems[0]
    # What was saved before the library closed is still there.
    reopened = open_library(path)
    try:
        timings = reopened.load_workshop(workshop.id).timings[2:]
    finally:
        reopened.close()
    assert [(t.agenda_item_id, t.ended) for t in timings] == [(workshop.agenda[0].id, None)]


def test_a_problem_with_no_one_to_tell_is_still_kept(lib):
    workshop = stored(lib)
    recorder = LibraryRecorder(lib, workshop.id)
    room = Room(dataclasses.replace(workshop), recorder=recorder)
    lib.remove_workshop(workshop.id)
    room.session.next()
    room.session.next()
    assert room.session.place == 1
    assert "could not be saved" in recorder.problem


def test_an_update_of_a_timing_the_library_never_had_is_a_problem_in_words(lib):
    workshop = stored(lib)
    problems = []
    recorder = LibraryRecorder(lib, workshop.id, on_problem=problems.append)
    recorder.update(ItemTiming(DAY_START))
    assert len(problems) == 1
    assert "could not be saved" in problems[0]


class BrokenDisk:
    """A library whose disk is full."""

    def add_part(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    def update_part(self, *args, **kwargs):
        raise OSError(28, "No space left on device")


def test_a_full_disk_is_a_problem_in_words_and_the_session_goes_on():
    problems = []
    workshop = full_workshop(language="en")
    room = Room(workshop, recorder=LibraryRecorder(BrokenDisk(), workshop.id, on_problem=problems.append))
    room.session.next()
    room.session.next()
    room.session.finish()
    assert room.session.place == 1
    assert len(problems) == 1
    assert "No space left on device" in problems[0]


def test_no_problem_means_no_message(lib):
    workshop = stored(lib)
    problems = []
    room = Room(workshop, recorder=LibraryRecorder(lib, workshop.id, on_problem=problems.append))
    room.session.next()
    room.session.take_break(5)
    room.session.next()
    room.session.next()
    room.session.finish()
    assert problems == []
    assert len(lib.load_workshop(workshop.id).timings) == 2 + 3
