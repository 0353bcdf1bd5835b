"""A workshop being run in the room: where we are, the item's timer, and what the room sees.

``Session`` is Qt-free and takes its clocks as arguments, so tests drive time by
hand. It moves through the day (the welcome, each agenda item, the end), keeps
the item's timer (pause, add minutes, breaks), and puts things over the current
place for a while: a break, a hard word, a decision read back, a blank screen.
Every change is told to the listeners; every time an item starts or ends is
given to the recorder, so the room's real times are kept.
"""

from __future__ import annotations

import datetime as dt
import enum
import time
import typing
from dataclasses import dataclass

from facilitator.core.model import AgendaItem, ItemKind, ItemTiming, Workshop

NEARLY_SECONDS = 120  # "nearly time" in the last two minutes,
SHORT_NEARLY_SECONDS = 60  # or the last minute of an item of less than
SHORT_ITEM_SECONDS = 8 * 60  # eight minutes.
MOST_EXTRA_MINUTES = 600


class Phase(str, enum.Enum):
    """How the item's time is going: each phase looks different, not only in colour."""

    RUNNING = "running"
    NEARLY = "nearly"
    OVER = "over"
    PAUSED = "paused"


class Cover(str, enum.Enum):
    """What can be shown over the current place for a while."""

    BREAK = "break"
    WORD = "word"
    DECISION = "decision"
    RESULT = "result"  # how people agreed, counted
    BLANK = "blank"


@dataclass(frozen=True)
class Covering:
    """Something shown over the current place: its kind and what it shows."""

    kind: Cover
    title: str = ""
    words: str = ""
    picture: str = ""
    until: dt.datetime | None = None  # the end of a break
    since: dt.datetime | None = None  # the start of a break
    ref: str = ""  # the decision read back or counted
    counts: tuple = ()  # deciding.Count for each answer, for a result
    agreed: bool = False  # the decision read back was agreed as written
    chose: bool = False  # a result of choosing between options (not of agreeing)


@dataclass(frozen=True)
class TimerState:
    planned: float  # seconds, with any added minutes
    left: float  # seconds; below 0 once the time is over
    phase: Phase
    now: dt.time | None = None  # the clock on the wall, shown on a break's countdown (None on an item's timer)

    @property
    def fraction_left(self) -> float:
        """From 1 (all the time is left) to 0 (none is)."""
        if self.planned <= 0:
            return 0.0
        return min(1.0, max(0.0, self.left / self.planned))

    @property
    def minutes_left(self) -> int:
        """Whole minutes left, rounded up, so "1 minute" shows until the end."""
        return max(0, -int(-self.left // 60))


class Recorder(typing.Protocol):
    """Keeps the room's real times (the library, in the app)."""

    def add(self, timing: ItemTiming) -> None: ...
    def update(self, timing: ItemTiming) -> None: ...


class NoRecorder:
    def add(self, timing: ItemTiming) -> None:
        pass

    def update(self, timing: ItemTiming) -> None:
        pass


Listener = typing.Callable[[], None]


def round_up(moment: dt.datetime) -> dt.datetime:
    """The moment to the whole minute, never earlier: "back at" is a promise."""
    whole = moment.replace(second=0, microsecond=0)
    return whole if whole == moment else whole + dt.timedelta(minutes=1)


class Session:
    """One run of a workshop. ``place`` is -1 for the welcome, then each item, then the end."""

    def __init__(
        self,
        workshop: Workshop,
        recorder: Recorder | None = None,
        clock: typing.Callable[[], float] = time.monotonic,
        now: typing.Callable[[], dt.datetime] = dt.datetime.now,
    ):
        self.workshop = workshop
        self.recorder = recorder or NoRecorder()
        self._clock = clock
        self._now = now
        self.place = -1
        self.covering: Covering | None = None
        self._listeners: list[Listener] = []
        self._timing: ItemTiming | None = None
        self._break_timing: ItemTiming | None = None
        self._extra = 0.0  # seconds added to the item's time
        self._used = 0.0  # seconds of the item's time used before the timer last started
        self._since: float | None = None  # when the timer last started; None while paused
        self._paused_by_break = False
        self.item_started: dt.datetime | None = None  # when the current item began, by the wall clock
        self.finished = False

    # -- listening ------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _tell(self) -> None:
        for listener in list(self._listeners):
            listener()

    # -- where we are -----------------------------------------------------------

    @property
    def agenda(self) -> list[AgendaItem]:
        return self.workshop.agenda

    @property
    def last_place(self) -> int:
        """The end screen's place."""
        return len(self.agenda)

    def item(self) -> AgendaItem | None:
        """The agenda item we are on, or None on the welcome and the end."""
        return self.agenda[self.place] if 0 <= self.place < len(self.agenda) else None

    def next_item(self) -> AgendaItem | None:
        following = self.place + 1
        return self.agenda[following] if 0 <= following < len(self.agenda) else None

    def is_break(self) -> bool:
        """True on an agenda item that is a break, or while a break is shown."""
        item = self.item()
        return (self.covering is not None and self.covering.kind is Cover.BREAK) or (
            self.covering is None and item is not None and item.kind is ItemKind.BREAK
        )

    def next(self) -> None:
        """Go on. When something covers the place, take it away first, without moving on."""
        if self._uncover():
            return
        self.go_to(self.place + 1)

    def previous(self) -> None:
        if self._uncover():
            return
        self.go_to(self.place - 1)

    def go_to(self, place: int) -> None:
        place = max(-1, min(self.last_place, place))
        self._uncover(tell=False)
        if place == self.place:
            self._tell()
            return
        self._leave_item()
        self.place = place
        self._enter_item()
        self._tell()

    def refresh(self, workshop: Workshop) -> None:
        """The workshop changed while presenting (an item edited, added or removed): keep our place."""
        current = self.item()
        at_end = self.place >= self.last_place
        self.workshop = workshop
        if at_end:
            self.place = self.last_place  # the end stays the end, even when items were added
        elif current is not None:
            ids = [item.id for item in workshop.agenda]
            if current.id in ids:
                self.place = ids.index(current.id)
            else:
                if self._timing is not None:
                    self._timing.agenda_item_id = None  # the item is gone; its times stay, unlinked
                self._leave_item()
                self.place = min(self.place, self.last_place)
                self._enter_item()
        self.place = min(self.place, self.last_place)
        self._tell()

    def _enter_item(self) -> None:
        self._extra = 0.0
        self._used = 0.0
        self._since = self._clock()
        if self.covering is not None and self.covering.kind is Cover.BREAK:
            self._since = None  # a break is on: the item's time waits for it
            self._paused_by_break = True
        self.item_started = self._wall()
        item = self.item()
        if item is not None:
            self._timing = ItemTiming(started=self._wall(), agenda_item_id=item.id)
            self.recorder.add(self._timing)

    def _leave_item(self) -> None:
        if self._timing is not None:
            self._timing.ended = self._wall()
            self.recorder.update(self._timing)
            self._timing = None

    def finish(self) -> None:
        """Presenting stops: the item being shown ends now, and so does a break."""
        if self.finished:
            return
        self._end_break()
        self._leave_item()
        self.finished = True

    def now(self) -> dt.datetime:
        return self._now()

    def _wall(self) -> dt.datetime:
        return self._now().replace(microsecond=0)

    # -- the timer ----------------------------------------------------------------

    def planned_seconds(self) -> float:
        item = self.item()
        return (item.minutes * 60 if item else 0) + self._extra

    def used_seconds(self) -> float:
        running = self._clock() - self._since if self._since is not None else 0.0
        return self._used + running

    @property
    def paused(self) -> bool:
        return self._since is None

    def timer(self) -> TimerState | None:
        """The item's timer, or None where there is no item to time."""
        if self.item() is None:
            return None
        planned = self.planned_seconds()
        left = planned - self.used_seconds()
        if self.paused:
            phase = Phase.PAUSED
        elif left <= 0:
            phase = Phase.OVER
        elif left <= (SHORT_NEARLY_SECONDS if planned < SHORT_ITEM_SECONDS else NEARLY_SECONDS):
            phase = Phase.NEARLY
        else:
            phase = Phase.RUNNING
        return TimerState(planned, left, phase)

    def pause(self) -> None:
        if self._since is not None:
            self._used += self._clock() - self._since
            self._since = None
            self._tell()

    def resume(self) -> None:
        if self._since is None:
            self._since = self._clock()
            self._paused_by_break = False
            self._tell()

    def toggle_pause(self) -> None:
        self.resume() if self.paused else self.pause()

    def add_minutes(self, minutes: int = 5) -> None:
        """Give the item more time (or less, with a negative number); its planned time never goes below zero."""
        extra = self._extra + minutes * 60
        item = self.item()
        if item is None:
            return
        extra = min(extra, MOST_EXTRA_MINUTES * 60)
        extra = max(extra, -item.minutes * 60)
        self._extra = extra
        self._tell()

    def break_ends(self) -> tuple[dt.datetime, dt.datetime] | None:
        """When the break the room sees began and when people are back (to the minute), or None when there is none."""
        covering = self.covering
        if covering is not None and covering.kind is Cover.BREAK and covering.until is not None:
            return covering.since or covering.until, round_up(covering.until)
        item = self.item()
        if covering is None and item is not None and item.kind is ItemKind.BREAK:
            began = self.item_started or self._now()
            return began, round_up(began + dt.timedelta(seconds=self.planned_seconds()))
        return None

    def break_timer(self) -> TimerState | None:
        """The break the room sees, counted down by the wall clock to "back at", or None when there is none.

        It never pauses: the room goes by the clock on the wall, so the minutes
        left always match "Back at" and "Now" on the screen.
        """
        ends = self.break_ends()
        if ends is None:
            return None
        began, back = ends
        now = self._now()
        left = (back - now).total_seconds()
        planned = max(left, (back - began).total_seconds())
        return TimerState(planned, left, Phase.OVER if left <= 0 else Phase.RUNNING, now.time().replace(microsecond=0))

    def room_timer(self) -> TimerState | None:
        """The time the room sees: a break's countdown while a break is on, else the item's timer."""
        return self.break_timer() or self.timer()

    def day_left_seconds(self) -> float:
        """The time the rest of the agenda needs: what is left of this item, then every later item."""
        timer = self.timer()
        left = max(0.0, timer.left) if timer else 0.0
        later = self.agenda[max(0, self.place + 1):] if self.place < self.last_place else []
        return left + sum(item.minutes * 60 for item in later)

    def expected_end(self) -> dt.datetime:
        """When the day will end at this pace (now plus what is left)."""
        return self._now() + dt.timedelta(seconds=self.day_left_seconds())

    # -- things shown over the place ------------------------------------------------

    def take_break(self, minutes: int) -> None:
        """A break that was not on the agenda: the item's timer waits until it ends."""
        minutes = max(1, min(180, minutes))
        self._uncover(tell=False)
        until = self._now() + dt.timedelta(minutes=minutes)
        if not self.paused:
            self.pause()
            self._paused_by_break = True
        self._break_timing = ItemTiming(started=self._wall())
        self.recorder.add(self._break_timing)
        self.covering = Covering(Cover.BREAK, until=until, since=self._now())
        self._tell()

    def show_word(self, term: str, meaning: str, picture: str = "") -> None:
        self._cover(Covering(Cover.WORD, title=term, words=meaning, picture=picture))

    def show_decision(self, text: str, picture: str = "", ref: str = "", words: str = "", agreed: bool = False) -> None:
        """A decision read back to the room; ``words`` say how people agreed, ``agreed`` that they said yes."""
        self._cover(Covering(Cover.DECISION, title=text, words=words, picture=picture, ref=ref, agreed=agreed))

    def show_result(self, text: str, counts: tuple, ref: str = "", chose: bool = False) -> None:
        """How people agreed with ``text`` (or, ``chose``, what they chose): a picture and a number for each answer."""
        self._cover(Covering(Cover.RESULT, title=text, ref=ref, counts=tuple(counts), chose=chose))

    def toggle_blank(self) -> None:
        if self.covering is not None and self.covering.kind is Cover.BLANK:
            self._uncover()
        else:
            self._cover(Covering(Cover.BLANK))

    def uncover(self) -> None:
        self._uncover()

    def _cover(self, covering: Covering) -> None:
        self._uncover(tell=False)
        self.covering = covering
        self._tell()

    def _uncover(self, tell: bool = True) -> bool:
        if self.covering is None:
            return False
        self._end_break()
        self.covering = None
        if tell:
            self._tell()
        return True

    def _end_break(self) -> None:
        if self._break_timing is not None:
            self._break_timing.ended = self._wall()
            self.recorder.update(self._break_timing)
            self._break_timing = None
            if self._paused_by_break:
                self.resume()
