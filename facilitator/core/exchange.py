"""Moving a workshop between machines as one JSON file.

``export_workshop`` writes the file; ``read_workshop_file`` reads one back and
checks every field, collecting problems in words a facilitator can act on
("Agenda item 3 has no title.") instead of failing on the first. The file
format is described in docs/file-format.md.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import enum
import json
import os
import re
import sqlite3
import tempfile
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import facilitator
from facilitator.core import convert, untrusted
from facilitator.core.library import Library
from facilitator.core.model import (
    LINKED_PARTS,
    WORKSHOP_PARTS,
    Action,
    AgendaItem,
    Agreement,
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
from facilitator.pictures.own import OWN_PREFIX, OwnPicture, PictureRefused, own_picture

# 2 added "pictures": the facilitator's own pictures the workshop uses.
# 3 added "ideas", and to decisions "options" and "agreed", to actions "carried_from_id".
FORMAT = 3
KIND = "facilitator-workshop"

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_PARTS = 20_000
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
MOST_PICTURES = 1_000
# About the most values (commas and opening brackets) a file may hold: every list MAX_PARTS long with every
# field given, each decision with the most options, each participant with every access need, comes to
# 2,380,000. JSON takes about 100 bytes of memory a value, so this keeps reading any file to a few hundred MB.
MOST_VALUES = 2_500_000
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


class ExportFailed(Exception):
    """The workshop cannot be written as a file; the message says why in plain words."""


class ImportFailed(Exception):
    """The file cannot be imported. ``problems`` lists every reason found."""

    def __init__(self, problems: list[str]):
        # Parts of the file quoted in a problem could hold control characters that upset a terminal.
        self.problems = [untrusted.plain_characters(problem) for problem in problems]
        super().__init__("\n".join(self.problems))


@dataclass
class ImportResult:
    workshop: Workshop
    group: Group | None
    notes: list[str] = field(default_factory=list)
    pictures: list[OwnPicture] = field(default_factory=list)


def pictured(workshop: Workshop) -> typing.Iterator[AgendaItem | Decision | Option]:
    """Everything in a workshop that shows a picture: items, decisions and the options chosen between."""
    yield from workshop.agenda
    for decision in workshop.decisions:
        yield decision
        yield from decision.options


def own_picture_ids(workshop: Workshop) -> list[str]:
    """The ids of the own pictures a workshop uses, each once, in order of use."""
    ids: list[str] = []
    for obj in pictured(workshop):
        if obj.picture.startswith(OWN_PREFIX) and obj.picture[len(OWN_PREFIX):] not in ids:
            ids.append(obj.picture[len(OWN_PREFIX):])
    return ids


# -- export ---------------------------------------------------------------


def workshop_document(
    workshop: Workshop, group: Group | None, pictures: typing.Sequence[OwnPicture] = ()
) -> dict[str, typing.Any]:
    """The whole workshop as the plain structure written to the file."""
    body = convert.to_dict(workshop)
    for part in WORKSHOP_PARTS:
        body[part] = [convert.to_dict(obj) for obj in getattr(workshop, part)]
    return {
        "format": FORMAT,
        "kind": KIND,
        "app_version": facilitator.__version__,
        "exported": dt.datetime.now().isoformat(timespec="seconds"),
        "group": convert.to_dict(group) if group else None,
        "workshop": body,
        "pictures": [
            {"id": p.id, "name": p.name, "format": p.format, "data": base64.b64encode(p.data).decode("ascii")}
            for p in pictures
        ],
    }


def export_workshop(library: Library, workshop_id: str, path: Path | str) -> Path:
    """Write one workshop to ``path``; the file appears whole or not at all."""
    workshop = library.load_workshop(workshop_id)
    group = library.group(workshop.group_id) if workshop.group_id else None
    pictures = [p for p in map(library.picture, own_picture_ids(workshop)) if p is not None]
    if len(pictures) > MOST_PICTURES:
        raise ExportFailed(
            _("The workshop uses {count:,} of your own pictures; a workshop file can carry at most {limit:,}.").format(
                count=len(pictures), limit=MOST_PICTURES
            )
        )
    text = json.dumps(workshop_document(workshop, group, pictures), ensure_ascii=False, indent=1)
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        # A file the app would refuse to import is no use to anyone.
        raise ExportFailed(
            _(
                "The workshop's own pictures would make the file {size:,} MB; a workshop file can be at most "
                "{limit:,} MB. Use fewer or smaller photos, then export again."
            ).format(size=-(-size // (1024 * 1024)), limit=MAX_FILE_BYTES // (1024 * 1024))
        )
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".export-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


# -- import ---------------------------------------------------------------


def read_workshop_file(path: Path | str) -> ImportResult:
    """Read and check a workshop file. Raises ``ImportFailed`` with every problem.

    Only a regular file of at most MAX_FILE_BYTES is read (see ``untrusted.read_bounded``)."""
    try:
        raw = untrusted.read_bounded(path, MAX_FILE_BYTES)
    except untrusted.Unusable as refused:
        raise ImportFailed([refused.problem]) from None
    return parse_workshop_bytes(raw)


def parse_workshop_bytes(raw: bytes) -> ImportResult:
    try:
        data = untrusted.load_json(raw, MOST_VALUES)
    except untrusted.Unusable as refused:
        raise ImportFailed([refused.problem]) from None
    try:
        return parse_workshop(data)
    except RecursionError:
        raise ImportFailed([_("This is not a workshop file: it is nested too deeply.")]) from None


def parse_workshop(data: typing.Any) -> ImportResult:
    """Check a decoded workshop document and build the workshop from it."""
    if not isinstance(data, dict) or "format" not in data:
        raise ImportFailed([_('This is not a facilitator workshop file: it has no "format" number.')])
    if data.get("kind", KIND) != KIND:
        raise ImportFailed([_("This is not a facilitator workshop file: it holds something else.")])
    version = data["format"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportFailed([_('This is not a facilitator workshop file: its "format" is not a number.')])
    if version > FORMAT:
        raise ImportFailed(
            [
                _(
                    "This file was made by a newer version of facilitator (format {found}; this version "
                    "reads format {known}). Update the app to import it."
                ).format(found=version, known=FORMAT)
            ]
        )
    checker = FieldChecker()
    group = None
    if data.get("group") is not None:
        group = checker.build(Group, data["group"], _("The group"))
    body = data.get("workshop")
    if not isinstance(body, dict):
        raise ImportFailed([_("The file has no workshop in it.")])
    workshop = checker.build(Workshop, body, _("The workshop"))
    checked = workshop or Workshop(title="")
    for part, cls in WORKSHOP_PARTS.items():
        items = body.get(part, [])
        if not isinstance(items, list):
            checker.problem(_('The workshop\'s "{part}" should be a list.').format(part=part))
            continue
        if len(items) > MAX_PARTS:
            checker.problem(
                _('The workshop has {count:,} entries in "{part}"; the most is {limit:,}.').format(
                    count=len(items), part=part, limit=MAX_PARTS
                )
            )
            continue
        label = _(PART_LABELS[part])
        for n, item in enumerate(items, start=1):
            built = checker.build(cls, item, label.format(n=n))
            if built is not None:
                if isinstance(built, Decision) and item.get("agreed") is None:
                    # Before format 3 a decision was agreed once it said how people agreed.
                    built.agreed = built.agreement is not Agreement.NOT_YET
                getattr(checked, part).append(built)
            elif isinstance(item, dict) and isinstance(item.get("id"), str):
                checker.unbuilt_ids.add(item["id"])
    checker.check_links(checked, group)
    pictures = _read_pictures(data.get("pictures", []), checker)
    if checker.problems:
        raise ImportFailed(checker.report())
    assert workshop is not None
    used = _check_picture_links(workshop, pictures, checker)
    return ImportResult(workshop, group, checker.notes, used)


def _read_pictures(entries: typing.Any, checker: FieldChecker) -> dict[str, OwnPicture]:
    """The file's own pictures by the id the file gives them."""
    found: dict[str, OwnPicture] = {}
    if not isinstance(entries, list):
        checker.problem(_('The file\'s "pictures" should be a list.'))
        return found
    if len(entries) > MOST_PICTURES:
        checker.problem(
            _("The file has {count:,} pictures; a workshop file can have at most {limit:,}.").format(
                count=len(entries), limit=MOST_PICTURES
            )
        )
        return found
    places: dict[str, str] = {}
    for n, entry in enumerate(entries, start=1):
        where = _("Picture {n}").format(n=n)
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("id", "name", "data")):
            checker.problem(_("{where} should have an id, a name and its data as text.").format(where=where))
            continue
        if entry["id"] in places:
            checker.problem(_("{where} has the same id as {other}.").format(where=where, other=places[entry["id"]]))
            continue
        places[entry["id"]] = where
        try:
            data = base64.b64decode(entry["data"], validate=True)
            found[entry["id"]] = own_picture(data, entry["name"])
        except (binascii.Error, ValueError) as error:
            reason = str(error) if isinstance(error, PictureRefused) else _("its data is damaged.")
            checker.problem(
                _("{where} ({name}) cannot be used: {reason}").format(
                    where=where, name=untrusted.shortened(entry["name"], 60), reason=reason
                )
            )
    return found


def _check_picture_links(workshop: Workshop, pictures: dict[str, OwnPicture], checker: FieldChecker) -> list[OwnPicture]:
    """Point the workshop at its pictures' real ids, note pictures the file lacks; the pictures used."""
    missing = 0
    used: dict[str, OwnPicture] = {}
    for obj in pictured(workshop):
        if obj.picture.startswith(OWN_PREFIX):
            given = obj.picture[len(OWN_PREFIX):]
            if given in pictures:
                obj.picture = pictures[given].ref
                used[pictures[given].id] = pictures[given]
            else:
                missing += 1
    if missing:
        checker.note(
            ngettext(
                "{count} of the workshop's own pictures is not in the file; a plain frame shows where it was.",
                "{count} of the workshop's own pictures are not in the file; a plain frame shows where they were.",
                missing,
            ).format(count=missing)
        )
    return list(used.values())


def import_into(library: Library, result: ImportResult) -> Workshop:
    """Add an imported workshop to the library without overwriting anything.

    A workshop that is already in the library comes in as a copy with new ids.
    """
    workshop = result.workshop
    if library.ids_in_use(_all_ids(workshop)):
        workshop = workshop.copy_with_new_ids()
        result.notes.append(_("This workshop, or one made from the same file, is already in the library, so it was added as a copy."))
    new_group = None
    if result.group is not None:
        known = library.group(result.group.id) or next(
            (g for g in library.groups() if g.name == result.group.name), None
        )
        new_group = None if known else result.group
        workshop.group_id = (known or result.group).id
    try:
        library.add_workshop(workshop, result.pictures, group=new_group)
    except sqlite3.IntegrityError:
        # Only when another program added the same workshop between the check above and now.
        raise ImportFailed(
            [_("The library changed while the workshop was being added, so nothing was added. Please try again.")]
        ) from None
    return workshop


@contextlib.contextmanager
def imported_for_a_while(result: ImportResult) -> Iterator[tuple[Library, Workshop]]:
    """The file's workshop in a library of its own that lives in memory only: for the command line,
    which prints or draws a file's workshop with its own pictures, as the app would, without touching
    the facilitator's library or leaving names on disk, even when the process is killed."""
    from facilitator.core.library import open_memory_library

    library = open_memory_library()
    try:
        yield library, import_into(library, result)
    finally:
        library.close()


def _all_ids(workshop: Workshop) -> list[str]:
    return [workshop.id] + [obj.id for part in WORKSHOP_PARTS for obj in getattr(workshop, part)]


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
