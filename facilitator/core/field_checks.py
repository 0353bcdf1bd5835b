"""What each field of a workshop file may hold, and the checker that builds model objects from plain values.

``FieldChecker`` is shared by workshop files (``exchange.py``) and templates (``templates.py``): it
collects every problem, each in words a facilitator can act on ("Agenda item 3 has no title."),
instead of stopping at the first. The limits are described in docs/file-format.md.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import typing

from facilitator.core import convert, untrusted
from facilitator.core.model import (
    LINKED_PARTS,
    WORKSHOP_PARTS,
    Action,
    AgendaItem,
    Decision,
    Facilitator,
    Group,
    GroupWord,
    Idea,
    ItemTiming,
    Option,
    ParkedQuestion,
    Participant,
    Pronunciation,
    Workshop,
    field_words,
)
from facilitator.i18n import N_, _, ngettext

MAX_PROBLEMS = 40
SHORT_TEXT = 500
LONG_TEXT = 20_000
LONG_FIELDS = {"purpose", "plain_words", "notes", "text", "meaning", "what", "other_needs", "description"}
# Fields kept shorter than SHORT_TEXT: speech reads a word and how to say it, not a paragraph.
SHORTER_FIELDS = {"written": 100, "spoken": 300}
NUMBER_RANGES = {
    "minutes": (1, 600), "agree": (0, 10_000), "not_sure": (0, 10_000), "disagree": (0, 10_000), "count": (0, 10_000),
}
MOST_OPTIONS = 12
# The fields each part must have, not blank.
REQUIRED: dict[type, tuple[str, ...]] = {
    Workshop: ("title",),
    Group: ("name",),
    Facilitator: ("name",),
    Participant: (),
    AgendaItem: ("title",),
    Decision: ("text",),
    Option: ("words",),
    Idea: ("text",),
    Action: ("what",),
    ParkedQuestion: ("text",),
    GroupWord: ("term", "meaning"),
    ItemTiming: ("started",),
    Pronunciation: ("written", "spoken"),
}
# How dates and times are written in the file, and what to say when they are not.
WRITTEN_FORMS = {
    dt.datetime: (r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?", N_("be written year-month-dayThours:minutes:seconds, like 2026-03-03T10:30:00")),
    dt.date: (r"\d{4}-\d\d-\d\d", N_("be written year-month-day, like 2026-03-03")),
    dt.time: (r"\d\d:\d\d", N_("be written hours:minutes, like 10:30")),
}
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")

PART_LABELS = {
    "facilitators": N_("Person running the workshop {n}"),
    "participants": N_("Participant {n}"),
    "agenda": N_("Agenda item {n}"),
    "decisions": N_("Decision {n}"),
    "ideas": N_("Idea {n}"),
    "actions": N_("Action {n}"),
    "parked_questions": N_("Parked question {n}"),
    "group_words": N_("Group word {n}"),
    "timings": N_("Timing {n}"),
    "pronunciations": N_("Pronunciation {n}"),
}
# Fields named more fully in import messages than model.FIELD_WORDS does.
FIELD_LABELS = {
    "what": N_("description of what will be done"),
    "by_when": N_("by when date"),
    "not_sure": N_("number who are not sure"),
    "agree": N_("number who agree"),
    "disagree": N_("number who disagree"),
    "suggested_by": N_("suggested by"),
    "options": N_("options"),
    "words": N_("words"),
    "count": N_("number who chose it"),
    "carried_from_id": N_("action it was carried over from"),
    "asked_by": N_("asked by"),
    "agenda_item_id": N_("agenda item it belongs to"),
    "group_id": N_("group"),
}


class FieldChecker:
    """Builds model objects from plain values, noting every problem it meets."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.notes: list[str] = []
        self.seen_ids: dict[str, str] = {}
        # Parts that had problems of their own: links to them are not reported again.
        self.unbuilt_ids: set[str] = set()

    def problem(self, text: str) -> None:
        self.problems.append(untrusted.plain_characters(text))

    def note(self, text: str) -> None:
        self.notes.append(untrusted.plain_characters(text))

    def report(self) -> list[str]:
        shown = self.problems[:MAX_PROBLEMS]
        hidden = len(self.problems) - len(shown)
        if hidden:
            shown.append(ngettext("… and {count:,} more problem.", "… and {count:,} more problems.", hidden).format(count=hidden))
        return shown

    def build(self, cls: type, values: typing.Any, where: str) -> typing.Any:
        if not isinstance(values, dict):
            self.problem(_("{where} should be a set of named values.").format(where=where))
            return None
        types = convert.field_types(cls)
        kwargs: dict[str, typing.Any] = {}
        ok = True
        for name, kind in types.items():
            if typing.get_origin(kind) is list and name in WORKSHOP_PARTS:
                continue
            if name not in values or values[name] is None:
                if name in REQUIRED[cls]:
                    ok = False
                    self.problem(_("{where} has no {field}.").format(where=where, field=_label(name)))
                continue
            value = self.value(kind, values[name], where, name)
            if value is _BAD:
                ok = False
            else:
                kwargs[name] = value
        for name in REQUIRED[cls]:
            if isinstance(kwargs.get(name), str) and not kwargs[name].strip():
                ok = False
                self.problem(_("{where} has no {field}.").format(where=where, field=_label(name)))
        if cls is Participant and ok and not (kwargs.get("name", "").strip() or kwargs.get("alias", "").strip()):
            ok = False
            self.problem(_("{where} has neither a name nor a chosen name (alias).").format(where=where))
        if not ok:
            return None
        unknown = sorted(set(values) - set(types))
        if unknown:
            self.note(
                _("{where} has fields this version does not know, left out: {names}.").format(
                    where=where, names=untrusted.shortened(", ".join(unknown), 200)
                )
            )
        obj = cls(**kwargs)
        if not hasattr(obj, "id"):
            return obj
        if obj.id in self.seen_ids:
            self.problem(
                _("{where} has the same id as {other}.").format(where=where, other=self.seen_ids[obj.id])
            )
        self.seen_ids[obj.id] = where
        return obj

    def value(self, kind: typing.Any, value: typing.Any, where: str, name: str) -> typing.Any:
        label = _label(name)

        def wrong(expected: str) -> object:
            shown = untrusted.shortened(json.dumps(value, ensure_ascii=False))
            self.problem(
                _("{where}: the {field} should {expected}, not {value}.").format(
                    where=where, field=label, expected=expected, value=shown
                )
            )
            return _BAD

        if name == "id" or name.endswith("_id"):
            if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
                return wrong(_("be up to 64 letters, digits, - or _"))
            return value
        if kind is str:
            if not isinstance(value, str):
                return wrong(_("be text"))
            limit = text_limit(name)
            if len(value) > limit:
                self.problem(
                    _("{where}: the {field} is {length:,} characters long; the most is {limit:,}.").format(
                        where=where, field=label, length=len(value), limit=limit
                    )
                )
                return _BAD
            if name == "language" and not LANGUAGE_PATTERN.fullmatch(value):
                return wrong(_('be a language code such as "en", "cy" or "ar"'))
            return value
        if kind is bool:
            return value if isinstance(value, bool) else wrong(_("be true or false"))
        if kind is int:
            low, high = NUMBER_RANGES.get(name, (0, 1_000_000))
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                return wrong(_("be a whole number from {low:,} to {high:,}").format(low=low, high=high))
            return value
        if kind in WRITTEN_FORMS:
            pattern, expected = WRITTEN_FORMS[kind]
            if isinstance(value, str) and re.fullmatch(pattern, value):
                try:
                    return kind.fromisoformat(value)
                except ValueError:
                    pass
            return wrong(_(expected))
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            allowed = [member.value for member in kind]
            if value not in allowed:
                return wrong(_("be one of: {allowed}").format(allowed=", ".join(allowed)))
            return kind(value)
        if typing.get_origin(kind) is list:
            (inner,) = typing.get_args(kind)
            if not isinstance(value, list):
                return wrong(_("be a list"))
            if inner is Option:
                if len(value) > MOST_OPTIONS:
                    return wrong(_("be a list of at most {count} options").format(count=MOST_OPTIONS))
                built = [self.build(Option, v, _("{where}, option {n}").format(where=where, n=n)) for n, v in enumerate(value, 1)]
                return _BAD if None in built else built
            items = [self.value(inner, v, where, name) for v in value]
            return _BAD if _BAD in items else items
        raise TypeError(f"no check for {kind!r}")

    def check_links(self, workshop: Workshop, group: Group | None) -> None:
        item_ids = {item.id for item in workshop.agenda} | self.unbuilt_ids
        for part in LINKED_PARTS:
            for n, obj in enumerate(getattr(workshop, part), start=1):
                if obj.agenda_item_id is not None and obj.agenda_item_id not in item_ids:
                    self.problem(
                        _("{where} belongs to an agenda item that is not in this workshop.").format(
                            where=_(PART_LABELS[part]).format(n=n)
                        )
                    )
        if group is not None:
            workshop.group_id = group.id
        elif workshop.group_id is not None:
            self.note(_("The workshop belongs to a group that is not in the file; it was imported without a group."))
            workshop.group_id = None


_BAD = object()


def text_limit(name: str) -> int:
    """The most characters a text field may have in a file."""
    return SHORTER_FIELDS.get(name) or (LONG_TEXT if name in LONG_FIELDS else SHORT_TEXT)


def _label(name: str) -> str:
    return field_words(name, FIELD_LABELS)
