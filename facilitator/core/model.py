"""The workshop model: plain dataclasses, no Qt, no database.

A ``Workshop`` owns its people, agenda, decisions, actions, parked questions,
the group's own words and how it wants words said aloud. Every part has a stable ``id`` so that links
(a decision made during an agenda item) survive saving, export and import.
"""

from __future__ import annotations

import copy as copy_module
import datetime as dt
import enum
import uuid
from dataclasses import dataclass, field, fields

from facilitator.i18n import N_, _


def new_id() -> str:
    """A fresh, unique id for any part of a workshop."""
    return uuid.uuid4().hex


class ItemKind(str, enum.Enum):
    """What kind of agenda item this is. Each kind has words and a picture."""

    WELCOME = "welcome"
    INTRODUCTIONS = "introductions"
    LOOK_BACK = "look_back"
    DISCUSSION = "discussion"
    ACTIVITY = "activity"
    BREAK = "break"
    DECIDE = "decide"
    FEEDBACK = "feedback"
    CLOSE = "close"
    OTHER = "other"


ITEM_KIND_NAMES = {
    ItemKind.WELCOME: N_("Welcome"),
    ItemKind.INTRODUCTIONS: N_("Getting to know each other"),
    ItemKind.LOOK_BACK: N_("Since last time"),
    ItemKind.DISCUSSION: N_("Talking together"),
    ItemKind.ACTIVITY: N_("Activity"),
    ItemKind.BREAK: N_("Break"),
    ItemKind.DECIDE: N_("Deciding together"),
    ItemKind.FEEDBACK: N_("How did it go?"),
    ItemKind.CLOSE: N_("Goodbye"),
    ItemKind.OTHER: N_("Other"),
}


class AccessNeed(str, enum.Enum):
    """Things a participant asked for so they can take part."""

    LARGE_PRINT = "large_print"
    EASY_READ = "easy_read"
    AUDIO = "audio"
    INTERPRETER = "interpreter"
    HEARING_LOOP = "hearing_loop"
    STEP_FREE = "step_free"
    BREAKS = "breaks"
    SUPPORTER = "supporter"


ACCESS_NEED_NAMES = {
    AccessNeed.LARGE_PRINT: N_("Large print"),
    AccessNeed.EASY_READ: N_("Easy read"),
    AccessNeed.AUDIO: N_("Audio"),
    AccessNeed.INTERPRETER: N_("Interpreter"),
    AccessNeed.HEARING_LOOP: N_("Hearing loop"),
    AccessNeed.STEP_FREE: N_("Step-free access"),
    AccessNeed.BREAKS: N_("Extra breaks"),
    AccessNeed.SUPPORTER: N_("Comes with a supporter"),
}


class Agreement(str, enum.Enum):
    """How the room agreed a decision (or that it has not agreed yet)."""

    NOT_YET = "not_yet"
    EVERYONE = "everyone"
    COUNTED = "counted"  # hands, thumbs or cards counted: agree, not sure, disagree
    CHOSEN = "chosen"  # the room chose between a few options, each counted


class ActionStatus(str, enum.Enum):
    """What happened to an action since it was agreed."""

    TO_DO = "to_do"
    DONE = "done"
    NOT_YET = "not_yet"
    STUCK = "stuck"


@dataclass
class Group:
    """A co-production group that meets again and again."""

    name: str
    description: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Facilitator:
    """Someone running the workshop. Co-facilitators may have lived experience."""

    name: str
    role: str = ""
    lived_experience: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class Participant:
    """Someone taking part. A chosen alias is enough; everything is optional.

    ``came`` is whether they came to this meeting: None until someone ticks it (not known), True when
    ticked; False says they did not come. See ``Workshop.people_there``.
    """

    name: str = ""
    alias: str = ""
    access_needs: list[AccessNeed] = field(default_factory=list)
    other_needs: str = ""
    came: bool | None = None
    id: str = field(default_factory=new_id)

    @property
    def shown_name(self) -> str:
        """The alias when the person chose one, otherwise their name."""
        return self.alias or self.name


@dataclass
class AgendaItem:
    """One item on the agenda, with a picture, plain words and a time."""

    title: str
    plain_words: str = ""
    picture: str = ""
    minutes: int = 10
    kind: ItemKind = ItemKind.DISCUSSION
    notes: str = ""
    led_by: str = ""  # who leads it, for the run-sheet
    to_bring: str = ""  # what to bring or prepare for it
    id: str = field(default_factory=new_id)


@dataclass
class Option:
    """One of a few things the room chose between, with its picture and how many chose it."""

    words: str
    picture: str = ""
    count: int = 0


@dataclass
class Decision:
    """Something the room decided, in the room's own words.

    ``agreement`` is how people showed what they thought; ``agreed`` is whether
    the room, hearing it read back, said "yes, that is right". Only agreed
    decisions are decisions in the summary; the rest are still to decide.
    """

    text: str
    agenda_item_id: str | None = None
    picture: str = ""
    agreement: Agreement = Agreement.NOT_YET
    agree: int = 0
    not_sure: int = 0
    disagree: int = 0
    options: list[Option] = field(default_factory=list)
    agreed: bool = False
    suggested_by: str = ""
    id: str = field(default_factory=new_id)

    def chosen(self) -> Option | None:
        """The option most people chose, or None when there are none or two share the most."""
        if not self.options:
            return None
        most = max(option.count for option in self.options)
        top = [option for option in self.options if option.count == most]
        return top[0] if most > 0 and len(top) == 1 else None


@dataclass
class Action:
    """Who does what, by when."""

    what: str
    who: str = ""
    by_when: dt.date | None = None
    status: ActionStatus = ActionStatus.TO_DO
    agenda_item_id: str | None = None
    carried_from_id: str | None = None  # the same action at an earlier meeting, when it was carried over
    id: str = field(default_factory=new_id)


@dataclass
class Idea:
    """An idea someone had in the room, kept even when nothing was decided about it."""

    text: str
    suggested_by: str = ""
    agenda_item_id: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class ParkedQuestion:
    """A question the room put aside to come back to later."""

    text: str
    asked_by: str = ""
    agenda_item_id: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class GroupWord:
    """A word the group explained in its own way and agreed."""

    term: str
    meaning: str
    agreed: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class ItemTiming:
    """When an agenda item really started and ended in the room.

    Each time the item is shown counts as one timing; going back to an item adds
    another. A timing with no agenda item is a break taken that was not planned.
    """

    started: dt.datetime
    ended: dt.datetime | None = None
    agenda_item_id: str | None = None
    id: str = field(default_factory=new_id)

    def minutes(self) -> float:
        """How long it lasted, in minutes (0 while it has not ended)."""
        if self.ended is None:
            return 0.0
        return max(0.0, (self.ended - self.started).total_seconds() / 60)


@dataclass
class Pronunciation:
    """How the group wants a word or a name said when it is read aloud."""

    written: str
    spoken: str
    id: str = field(default_factory=new_id)


@dataclass
class Workshop:
    """One co-production session: who, when, where, what, and what came of it."""

    title: str
    purpose: str = ""
    date: dt.date | None = None
    start_time: dt.time | None = None
    room_booked_until: dt.time | None = None
    place: str = ""
    language: str = "en"
    group_id: str | None = None
    facilitators: list[Facilitator] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    ideas: list[Idea] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    parked_questions: list[ParkedQuestion] = field(default_factory=list)
    group_words: list[GroupWord] = field(default_factory=list)
    timings: list[ItemTiming] = field(default_factory=list)
    pronunciations: list[Pronunciation] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def copy_with_new_ids(self) -> Workshop:
        """A deep copy whose every part has a new id; links follow the new ids."""
        copy = copy_module.deepcopy(self)
        copy.id = new_id()
        renamed: dict[str, str] = {}
        for part in WORKSHOP_PARTS:
            for obj in getattr(copy, part):
                renamed[obj.id] = obj.id = new_id()
        for part in LINKED_PARTS:
            for obj in getattr(copy, part):
                if obj.agenda_item_id is not None:
                    obj.agenda_item_id = renamed.get(obj.agenda_item_id)
        return copy

    def start_times(self) -> list[dt.time | None]:
        """When each agenda item starts, worked out from the workshop's start."""
        if self.start_time is None:
            return [None] * len(self.agenda)
        moment = dt.datetime.combine(dt.date(2000, 1, 1), self.start_time)
        times = []
        for item in self.agenda:
            times.append(moment.time())
            moment += dt.timedelta(minutes=item.minutes)
        return times

    def people_there(self) -> list[Participant]:
        """The participants counted as there: once anyone is ticked as came, those ticked; until then
        everyone on the list, less anyone marked as not coming. A workshop where nobody ticked anything
        counts everyone, as it did before people could be ticked."""
        ticked = [person for person in self.participants if person.came is True]
        if ticked:
            return ticked
        return [person for person in self.participants if person.came is not False]

    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)

    def planned_end(self) -> dt.time | None:
        """The time the agenda ends, or None when there is no start time."""
        if self.start_time is None:
            return None
        start = dt.datetime.combine(dt.date(2000, 1, 1), self.start_time)
        return (start + dt.timedelta(minutes=self.total_minutes())).time()


@dataclass(frozen=True)
class GroupDecision:
    """A decision from one of a group's meetings, with the meeting and the agenda item it came up in."""

    decision: Decision
    workshop_id: str
    workshop_title: str
    date: dt.date | None
    item_title: str  # "" when it was not made during an agenda item


@dataclass
class WorkshopSummary:
    """One line of the library's list of workshops."""

    id: str
    title: str
    date: dt.date | None
    place: str
    group_name: str
    decision_count: int
    updated: str


# The parts of a workshop kept as ordered lists, and the class of each part.
WORKSHOP_PARTS: dict[str, type] = {
    "facilitators": Facilitator,
    "participants": Participant,
    "agenda": AgendaItem,
    "decisions": Decision,
    "ideas": Idea,
    "actions": Action,
    "parked_questions": ParkedQuestion,
    "group_words": GroupWord,
    "timings": ItemTiming,
    "pronunciations": Pronunciation,
}
# The parts that can belong to one agenda item (through ``agenda_item_id``).
LINKED_PARTS = ("decisions", "ideas", "actions", "parked_questions", "timings")

# How fields are named to a facilitator (in messages and in the Undo menu).
FIELD_WORDS = {
    "title": N_("title"),
    "purpose": N_("purpose"),
    "date": N_("date"),
    "start_time": N_("start time"),
    "room_booked_until": N_("time the room is booked until"),
    "place": N_("place"),
    "language": N_("language"),
    "plain_words": N_("plain words"),
    "picture": N_("picture"),
    "minutes": N_("minutes"),
    "kind": N_("kind"),
    "notes": N_("notes"),
    "name": N_("name"),
    "role": N_("role"),
    "lived_experience": N_("lived experience"),
    "access_needs": N_("access needs"),
    "other_needs": N_("other needs"),
    "came": N_("tick for who came"),
    "led_by": N_("person who leads it"),
    "to_bring": N_("things to bring or prepare"),
    "started": N_("time it started"),
    "ended": N_("time it ended"),
    "written": N_("written word"),
    "spoken": N_("way to say it"),
}


def field_words(name: str, special: dict[str, str] | None = None) -> str:
    """A field's name in words, translated: ``special`` first, then FIELD_WORDS, then the name itself."""
    for words in (special or {}, FIELD_WORDS):
        if name in words:
            return _(words[name])
    return name.replace("_", " ")


WORKSHOP_FIELDS = tuple(f.name for f in fields(Workshop) if f.name not in WORKSHOP_PARTS)
