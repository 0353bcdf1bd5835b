"""What the participant screen shows, as plain data: one idea per screen.

``screen_now`` describes the screen for a session as it is; ``workshop_screens``
describes every screen of a workshop in order (for ``facilitator slides``). The
drawing is done by ``ui/presenter/painting.py``, from these descriptions only,
so the live view and the saved pictures are the same.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from facilitator.core.deciding import Count
from facilitator.core.model import AgendaItem, ItemKind, Workshop
from facilitator.i18n import _, format_clock, format_long_date, in_language
from facilitator.pictures.catalogue import picture_of
from facilitator.session.run import Cover, Session
from facilitator.speech.reading import Passage

BREAK_PICTURES = ("tea",)  # beside the countdown, which takes the place of a clock picture
WELCOME_PICTURE = "hello"
END_PICTURE = "thank you"
WORD_PICTURE = "question"
DECISION_PICTURE = "decide"
STRIP_BEFORE = 2  # items shown before the current one in the strip
STRIP_LENGTH = 7  # items in the strip at most


class Kind(str, enum.Enum):
    WELCOME = "welcome"
    ITEM = "item"
    BREAK = "break"
    WORD = "word"
    DECISION = "decision"
    RESULT = "result"
    BLANK = "blank"
    END = "end"


class Step(str, enum.Enum):
    PAST = "past"
    NOW = "now"
    NEXT = "next"


@dataclass(frozen=True)
class StripStep:
    """One agenda item in the strip that shows where we are in the day."""

    title: str
    picture: str
    step: Step
    starts: str = ""  # the planned start, as a clock time


@dataclass(frozen=True)
class Screen:
    kind: Kind
    title: str = ""  # the main words, biggest
    words: str = ""  # a few plain words under the title
    heading: str = ""  # a short line over the title ("Welcome", "Is this right?")
    pictures: tuple[str, ...] = ()  # the big picture (two for a break)
    timer: bool = False  # the item's timer is shown (on a break: the countdown to the end of the break)
    strip: tuple[StripStep, ...] = ()
    more_before: bool = False  # the strip leaves out items before it
    more_after: bool = False  # and after it
    item_id: str | None = None
    counts: tuple[Count, ...] = ()  # a result: each answer's picture, number and words

    @property
    def name(self) -> str:
        """A short name for the screen, for file names and the console."""
        return self.kind.value

    def passages(self) -> list[Passage]:
        """What reading the screen aloud says, in order: the heading, the title, then the plain words."""
        parts = [("heading", self.heading), ("title", self.title), ("words", self.words)]
        for n, count in enumerate(self.counts):
            parts += [(f"number{n}", str(count.count)), (f"count{n}", count.words)]
        return [Passage(key, text) for key, text in parts if text.strip()]


def screen_now(session: Session) -> Screen:
    """The screen the room should see now, in the workshop's language."""
    with in_language(session.workshop.language):
        return _screen_now(session)


def _screen_now(session: Session) -> Screen:
    covering = session.covering
    workshop = session.workshop
    if covering is not None:
        if covering.kind is Cover.BLANK:
            return Screen(Kind.BLANK)
        if covering.kind is Cover.BREAK:
            ends = session.break_ends()
            return break_screen(ends[1].time() if ends else None, workshop.language)
        if covering.kind is Cover.WORD:
            return Screen(
                Kind.WORD, title=covering.title, words=covering.words, heading=_("What this word means"),
                pictures=(covering.picture or WORD_PICTURE,),
            )
        if covering.kind is Cover.RESULT:
            return Screen(
                Kind.RESULT, title=covering.title, heading=_("What we chose") if covering.chose else _("How we agreed"),
                counts=covering.counts,
            )
        return Screen(
            Kind.DECISION, title=covering.title, words=covering.words,
            heading=_("We agreed") if covering.agreed else _("Is this right?"),
            pictures=(covering.picture or DECISION_PICTURE,),
        )
    if session.place < 0:
        return welcome_screen(workshop)
    if session.place >= session.last_place:
        return end_screen(workshop)
    item = session.agenda[session.place]
    if item.kind is ItemKind.BREAK:
        return break_screen(session.break_ends()[1].time(), workshop.language, item)
    return item_screen(workshop, session.place)


def welcome_screen(workshop: Workshop) -> Screen:
    when = [format_long_date(workshop.date, workshop.language)] if workshop.date else []
    if workshop.start_time is not None:
        when.append(format_clock(workshop.start_time, workshop.language))
    if workshop.place.strip():
        when.append(workshop.place.strip())
    strip, before, after = _strip(workshop, -1)
    return Screen(
        Kind.WELCOME, title=workshop.title, heading=_("Welcome"), words="\n".join(when), pictures=(WELCOME_PICTURE,),
        strip=strip, more_before=before, more_after=after,
    )


def end_screen(workshop: Workshop) -> Screen:
    return Screen(
        Kind.END, title=_("Thank you for coming"), heading=_("The end"), words=workshop.title,
        pictures=(END_PICTURE,),
    )


def break_screen(back: dt.time | None, language: str, item: AgendaItem | None = None) -> Screen:
    words = _("Back at {time}").format(time=format_clock(back, language)) if back is not None else ""
    title = item.title if item is not None and item.title.strip() else _("Break")
    return Screen(
        Kind.BREAK, title=title, words=words, pictures=BREAK_PICTURES, timer=back is not None,
        item_id=item.id if item is not None else None,
    )


def item_screen(workshop: Workshop, place: int) -> Screen:
    item = workshop.agenda[place]
    strip, before, after = _strip(workshop, place)
    return Screen(
        Kind.ITEM, title=item.title, words=item.plain_words, pictures=(picture_of(item),), timer=True,
        strip=strip, more_before=before, more_after=after, item_id=item.id,
    )


def _strip(workshop: Workshop, place: int) -> tuple[tuple[StripStep, ...], bool, bool]:
    """The items around ``place``, each marked past, now or next; and whether some are left out."""
    agenda = workshop.agenda
    first = max(0, min(place - STRIP_BEFORE, len(agenda) - STRIP_LENGTH))
    last = min(len(agenda), first + STRIP_LENGTH)
    starts = workshop.start_times()
    steps = []
    for index in range(first, last):
        item = agenda[index]
        step = Step.PAST if index < place else Step.NOW if index == place else Step.NEXT
        clock = format_clock(starts[index], workshop.language) if starts[index] is not None else ""
        steps.append(StripStep(item.title, picture_of(item), step, clock))
    return tuple(steps), first > 0, last < len(agenda)


def workshop_screens(workshop: Workshop) -> list[Screen]:
    """Every screen of the workshop in order, as the room sees them: welcome, each item, the end.

    A break shows the time it is planned to end, when the workshop has a start time. The words
    are in the workshop's language.
    """
    with in_language(workshop.language):
        return _workshop_screens(workshop)


def _workshop_screens(workshop: Workshop) -> list[Screen]:
    screens = [welcome_screen(workshop)]
    starts = workshop.start_times()
    for place, item in enumerate(workshop.agenda):
        if item.kind is ItemKind.BREAK:
            back = None
            if starts[place] is not None:
                moment = dt.datetime.combine(dt.date(2000, 1, 1), starts[place]) + dt.timedelta(minutes=item.minutes)
                back = moment.time()
            screens.append(break_screen(back, workshop.language, item))
        else:
            screens.append(item_screen(workshop, place))
    screens.append(end_screen(workshop))
    return screens
