"""How a room agreed, in words and in counts; and carrying a meeting's outcome over to the next.

``how_agreed`` says in short sentences how people showed what they thought
("7 people agreed. 2 people were not sure."), for the summary, the console and
reading aloud. ``tally`` gives the same as counts with pictures, for the big
screen: a number and its words under each picture, never a bare percentage.

``carry_over`` starts a group's next meeting with what the last one decided, the
actions still open, the decisions still to make and the questions kept for later,
so "what happened to the actions" can be asked in the room.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from facilitator.core.choosing import option_in_sentence, option_pictures
from facilitator.core.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Decision,
    ItemKind,
    Option,
    ParkedQuestion,
    Workshop,
    new_id,
)
from facilitator.core.when import weekday_on_or_after
from facilitator.i18n import N_, _, format_long_date, in_language, language_now, ngettext

# Pictures in the catalogue (assets/icons/vocabulary.tsv) for the three ways to answer.
AGREE_PICTURE = "thumbs up"
NOT_SURE_PICTURE = "not sure"
DISAGREE_PICTURE = "thumbs down"
CHOICE_PICTURE = "choice"  # for an option that has no picture of its own
LAST_TIME_PICTURE = "look back"
ACTIONS_PICTURE = "check"
STILL_TO_DECIDE_PICTURE = "not sure"
QUESTIONS_PICTURE = "question"
STATUS_NAMES = {
    ActionStatus.TO_DO: N_("To do"),
    ActionStatus.DONE: N_("Done"),
    ActionStatus.NOT_YET: N_("Not done yet"),
    ActionStatus.STUCK: N_("Stuck"),
}
MOST_LISTED = 6  # decisions or actions named in a "last time" item's plain words; the rest are counted
LONGEST_LINE = 200  # characters of one decision or action in that list; the whole is in the last meeting


@dataclass(frozen=True)
class Count:
    """One answer on the big screen: its picture, how many gave it, and its words."""

    picture: str
    count: int
    words: str
    most: bool = False  # the answer most people gave (only one can be)


def how_agreed(decision: Decision, names: Iterable[str] = ()) -> list[str]:
    """How people showed what they thought, as short sentences; none when it was not asked.

    ``names`` are the people in the workshop: an option starting with one of their names keeps its capital
    letter (see ``choosing.option_in_sentence``)."""
    if decision.agreement is Agreement.EVERYONE:
        return [_("Everyone agreed.")]
    if decision.agreement is Agreement.COUNTED:
        said = []
        if decision.agree > 0:
            said.append(ngettext("{n} person agreed.", "{n} people agreed.", decision.agree).format(n=decision.agree))
        if decision.not_sure > 0:
            said.append(
                ngettext("{n} person was not sure.", "{n} people were not sure.", decision.not_sure).format(
                    n=decision.not_sure
                )
            )
        if decision.disagree > 0:
            said.append(
                ngettext("{n} person did not agree.", "{n} people did not agree.", decision.disagree).format(
                    n=decision.disagree
                )
            )
        return said
    if decision.agreement is Agreement.CHOSEN:
        return [_chose(option, names) for option in decision.options if option.words.strip()]
    return []


def tally(decision: Decision) -> list[Count]:
    """The answers to show on the big screen, in order; none when nothing was counted."""
    if decision.agreement is Agreement.COUNTED:
        counts = [
            Count(AGREE_PICTURE, decision.agree, _("agree")),
            Count(NOT_SURE_PICTURE, decision.not_sure, _("not sure")),
            Count(DISAGREE_PICTURE, decision.disagree, _("disagree")),
        ]
    elif decision.agreement is Agreement.CHOSEN:
        pictures = option_pictures(decision.options)
        counts = [
            Count(picture or CHOICE_PICTURE, option.count, option.words.strip())
            for option, picture in zip(decision.options, pictures)
        ]
    else:
        return []
    most = max((count.count for count in counts), default=0)
    top = [n for n, count in enumerate(counts) if count.count == most]
    if most > 0 and len(top) == 1:
        counts[top[0]] = Count(counts[top[0]].picture, most, counts[top[0]].words, most=True)
    return counts


def _chose(option: Option, names: Iterable[str]) -> str:
    """"3 people chose at home." or, keeping the option's words as typed, "3 people chose “Friday club”."."""
    words, quoted = option_in_sentence(option.words, language_now(), names)
    if quoted:
        return ngettext("{n} person chose “{option}”.", "{n} people chose “{option}”.", option.count).format(
            n=option.count, option=words
        )
    return ngettext("{n} person chose {option}.", "{n} people chose {option}.", option.count).format(
        n=option.count, option=words
    )


# -- next time ----------------------------------------------------------------------


def previous_meeting(meetings: list[Workshop], workshop: Workshop) -> Workshop | None:
    """The group's meeting just before ``workshop``: the latest dated one before its date.

    ``meetings`` are the group's workshops. Without a date on ``workshop``, the latest dated
    meeting other than it is the one before.
    """
    earlier = [
        meeting
        for meeting in meetings
        if meeting.id != workshop.id
        and meeting.group_id == workshop.group_id
        and meeting.date is not None
        and (workshop.date is None or meeting.date < workshop.date)
    ]
    return max(earlier, key=lambda meeting: meeting.date, default=None)


@dataclass
class CarryOver:
    """What a new meeting takes from the last one: agenda items to open with, the open actions, the
    decisions still to make and the questions kept for later, each linked to the item that asks about it."""

    items: list[AgendaItem]
    actions: list[Action]
    decisions: list[Decision] = field(default_factory=list)
    questions: list[ParkedQuestion] = field(default_factory=list)


def carry_over(previous: Workshop, language: str) -> CarryOver:
    """Items to start the next meeting with, and copies of what ``previous`` left open.

    The first item lists what was agreed last time; the next asks what happened to the
    actions not done, then come the decisions still to make and the questions kept for
    later, each item only when there is something in it. The actions keep their status
    ("not done yet", "stuck") until the room says what happened; each remembers the action
    it came from. A decision still to make comes as it was written, its options kept and
    nothing counted yet. Words are in ``language``, the group's.
    """
    with in_language(language):
        return _carry_over(previous, language)


def _carry_over(previous: Workshop, language: str) -> CarryOver:
    when = format_long_date(previous.date, language) if previous.date else previous.title.strip()
    agreed = [decision.text.strip() for decision in previous.decisions if decision.agreed and decision.text.strip()]
    if agreed:
        words = _("On {date} we decided:").format(date=when) + "\n" + _listed(agreed)
    else:
        words = _("On {date} we did not agree any decisions yet.").format(date=when)
    items = [
        AgendaItem(
            _("What we decided last time"), plain_words=words, picture=LAST_TIME_PICTURE, minutes=10,
            kind=ItemKind.LOOK_BACK,
        )
    ]
    open_actions = [action for action in previous.actions if action.status is not ActionStatus.DONE and action.what.strip()]
    actions = []
    for action in open_actions:
        carried = _renewed(action)
        carried.carried_from_id = action.id
        actions.append(carried)
    if open_actions:
        words = _("We said we would:") + "\n" + _listed([action.what.strip() for action in open_actions])
        words += "\n" + _("Is it done, not done yet, or stuck?")
        asking = _looking_back(_("What happened to the actions"), words, ACTIONS_PICTURE)
        items.append(asking)
        for action in actions:
            action.agenda_item_id = asking.id
    undecided = [decision for decision in previous.decisions if not decision.agreed and decision.text.strip()]
    decisions = [_still_to_decide(decision) for decision in undecided]
    if decisions:
        words = _("We have not decided these yet:") + "\n" + _listed([decision.text.strip() for decision in undecided])
        words += "\n" + _("Can we decide today?")
        deciding = _looking_back(_("What we still need to decide"), words, STILL_TO_DECIDE_PICTURE)
        items.append(deciding)
        for decision in decisions:
            decision.agenda_item_id = deciding.id
    kept = [question for question in previous.parked_questions if question.text.strip()]
    questions = [_renewed(question) for question in kept]
    if questions:
        words = _("On {date} we kept these questions for later:").format(date=when) + "\n"
        words += _listed([question.text.strip() for question in kept]) + "\n" + _("Can we answer them now?")
        asked = _looking_back(_("Questions we kept for later"), words, QUESTIONS_PICTURE)
        items.append(asked)
        for question in questions:
            question.agenda_item_id = asked.id
    return CarryOver(items, actions, decisions, questions)


def _looking_back(title: str, words: str, picture: str) -> AgendaItem:
    """An opening item about last time. It is a look-back, so planning the meeting after leaves it out."""
    return AgendaItem(title, plain_words=words, picture=picture, minutes=10, kind=ItemKind.LOOK_BACK)


def _still_to_decide(decision: Decision) -> Decision:
    """A copy of a decision not agreed yet, for the room to decide again: its words, picture, options and who
    suggested it, with nothing counted."""
    copied = _renewed(decision)
    copied.agreement = Agreement.NOT_YET
    copied.agree = copied.not_sure = copied.disagree = 0
    copied.agreed = False
    for option in copied.options:
        option.count = 0
    return copied


def _listed(lines: list[str]) -> str:
    """Up to MOST_LISTED lines, each on its own line with a bullet, then how many more there are."""
    shown = ["• " + _shortened(line.splitlines()[0]) for line in lines[:MOST_LISTED]]
    hidden = len(lines) - len(shown)
    if hidden > 0:
        shown.append(ngettext("and {n} more", "and {n} more", hidden).format(n=hidden))
    return "\n".join(shown)


def _shortened(line: str) -> str:
    """``line`` cut at a word to at most LONGEST_LINE characters, with "…" when it was cut."""
    if len(line) <= LONGEST_LINE:
        return line
    cut = line[: LONGEST_LINE - 1]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip() + "…"


def next_meeting(
    previous: Workshop, date: dt.date | None, language: str | None = None, start_time: dt.time | None = None
) -> Workshop:
    """The group's next meeting, planned from ``previous``: the same people, place and times, its agenda
    opening with what was decided, the actions still open, the decisions still to make and the questions kept
    for later (``carry_over``), then ``previous``'s own items (less its look-backs) to change for the day.

    ``start_time``, when given, is when the new meeting starts; the room is then booked for as long as it was
    (not set when that would go past midnight). Nobody is ticked as came yet. Agreed decisions and ideas stay
    with ``previous``."""
    language = language or previous.language
    carried = carry_over(previous, language)
    agenda = [_renewed(item) for item in previous.agenda if item.kind is not ItemKind.LOOK_BACK]
    opening = 0
    while opening < len(agenda) and agenda[opening].kind in (ItemKind.WELCOME, ItemKind.INTRODUCTIONS):
        opening += 1
    agenda[opening:opening] = carried.items
    participants = [_renewed(person) for person in previous.participants]
    for person in participants:
        person.came = None
    starts = start_time if start_time is not None else previous.start_time
    return Workshop(
        title=previous.title,
        purpose=previous.purpose,
        date=date,
        start_time=starts,
        room_booked_until=_booked_until(previous, starts),
        place=previous.place,
        language=previous.language,
        group_id=previous.group_id,
        facilitators=[_renewed(person) for person in previous.facilitators],
        participants=participants,
        agenda=agenda,
        decisions=carried.decisions,
        actions=carried.actions,
        parked_questions=carried.questions,
        group_words=[_renewed(word) for word in previous.group_words],
        pronunciations=[_renewed(said) for said in previous.pronunciations],
    )


def _booked_until(previous: Workshop, starts: dt.time | None) -> dt.time | None:
    """The room booked for as long as it was for ``previous``, from the new start."""
    booked, started = previous.room_booked_until, previous.start_time
    if booked is None or started is None or starts is None or starts == started:
        return booked
    day = dt.date(2000, 1, 1)
    length = dt.datetime.combine(day, booked) - dt.datetime.combine(day, started)
    until = dt.datetime.combine(day, starts) + length
    return until.time() if until.date() == day else None


def next_meeting_day(latest: Workshop | None, today: dt.date) -> dt.date:
    """The day to suggest for the group's next meeting: a weekday two weeks on.

    Two weeks after ``today``, or after the group's latest meeting when that is later. When the
    latest meeting was on a weekday, the suggestion is on the same day of the week (a Tuesday group
    meets on Tuesdays); otherwise a Saturday or Sunday moves on to the Monday.
    """
    day = today + dt.timedelta(days=14)
    last = latest.date if latest is not None else None
    if last is not None:
        day = max(day, last + dt.timedelta(days=14))
        if last.weekday() < 5:
            return day + dt.timedelta(days=(last.weekday() - day.weekday()) % 7)
    return weekday_on_or_after(day)


def _renewed(part):
    """A copy of a part with a new id of its own."""
    made = copy.deepcopy(part)
    made.id = new_id()
    return made
