"""Tests of running a workshop in the room, and helpers they share: hand-driven clocks and a fake recorder.

Nothing here uses Qt: the session, its screens and themes are plain Python.
"""

from __future__ import annotations

import copy
import datetime as dt

from facilitator.core.model import AgendaItem, ItemKind, ItemTiming, Workshop
from facilitator.session.run import Session

DAY_START = dt.datetime(2026, 3, 3, 10, 0, 0)


class FakeRecorder:
    """Keeps a log of ("add" | "update", a copy of the timing as it was given)."""

    def __init__(self) -> None:
        self.log: list[tuple[str, ItemTiming]] = []

    def add(self, timing: ItemTiming) -> None:
        self.log.append(("add", copy.copy(timing)))

    def update(self, timing: ItemTiming) -> None:
        self.log.append(("update", copy.copy(timing)))

    def added(self) -> list[ItemTiming]:
        return [timing for what, timing in self.log if what == "add"]

    def updated(self) -> list[ItemTiming]:
        return [timing for what, timing in self.log if what == "update"]

    def timings(self) -> list[ItemTiming]:
        """Each timing as it was last given, in the order they were first added."""
        latest: dict[str, ItemTiming] = {}
        for _what, timing in self.log:
            latest[timing.id] = timing
        return list(latest.values())


class Room:
    """A session with two hand-driven clocks: ``t`` (seconds, for timers) and ``wall`` (the time of day)."""

    def __init__(self, workshop: Workshop, wall: dt.datetime = DAY_START, recorder=None) -> None:
        self.t = [1000.0]
        self.wall = [wall]
        self.recorder = FakeRecorder() if recorder is None else recorder
        self.told: list[int] = []
        self.session = Session(workshop, self.recorder, clock=lambda: self.t[0], now=lambda: self.wall[0])
        self.session.subscribe(lambda: self.told.append(1))

    def wait(self, seconds: float) -> None:
        """Time passes on both clocks."""
        self.t[0] += seconds
        self.wall[0] += dt.timedelta(seconds=seconds)

    @property
    def tells(self) -> int:
        return len(self.told)


def workshop_of(*minutes: int, start: dt.time | None = dt.time(10, 0), kinds: dict[int, ItemKind] | None = None,
                **values) -> Workshop:
    """A workshop whose agenda items last these minutes, named "Item 1", "Item 2"..."""
    kinds = kinds or {}
    agenda = [
        AgendaItem(f"Item {n}", plain_words=f"Words {n}", minutes=m, kind=kinds.get(n - 1, ItemKind.DISCUSSION))
        for n, m in enumerate(minutes, 1)
    ]
    return Workshop(values.pop("title", "Planning day"), start_time=start, agenda=agenda, language="en", **values)
