"""Moving a workshop between machines as one JSON file.

``export_workshop`` writes the file; ``read_workshop_file`` reads one back:
``untrusted`` takes the first look at the bytes and the JSON, ``field_checks``
checks every field, collecting problems in words a facilitator can act on
("Agenda item 3 has no title.") instead of failing on the first, and
``import_into`` adds it all in one transaction. The file format is described
in docs/file-format.md. The field limits (SHORT_TEXT, MOST_OPTIONS...) are known by their names here too.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import json
import os
import sqlite3
import tempfile
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import facilitator
from facilitator.core import convert, untrusted
from facilitator.core.field_checks import ID_PATTERN as ID_PATTERN
from facilitator.core.field_checks import LONG_FIELDS as LONG_FIELDS
from facilitator.core.field_checks import LONG_TEXT as LONG_TEXT
from facilitator.core.field_checks import MAX_PROBLEMS as MAX_PROBLEMS
from facilitator.core.field_checks import MOST_OPTIONS as MOST_OPTIONS
from facilitator.core.field_checks import NUMBER_RANGES as NUMBER_RANGES
from facilitator.core.field_checks import PART_LABELS, FieldChecker
from facilitator.core.field_checks import SHORT_TEXT as SHORT_TEXT
from facilitator.core.field_checks import SHORTER_FIELDS as SHORTER_FIELDS
from facilitator.core.field_checks import text_limit as text_limit
from facilitator.core.library import Library
from facilitator.core.model import WORKSHOP_PARTS, AgendaItem, Agreement, Decision, Group, Option, Workshop
from facilitator.i18n import _, ngettext
from facilitator.pictures.own import OWN_PREFIX, OwnPicture, PictureRefused, own_picture

# 2 added "pictures": the facilitator's own pictures the workshop uses.
# 3 added "ideas", and to decisions "options" and "agreed", to actions "carried_from_id".
# Later within 3 (optional, each default meaning "as before"): to participants "came", to agenda items "led_by"
# and "to_bring".
FORMAT = 3
KIND = "facilitator-workshop"

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_PARTS = 20_000
MOST_PICTURES = 1_000
# About the most values (commas and opening brackets) a file may hold: every list MAX_PARTS long with every
# field given, each decision with the most options, each participant with every access need, comes to
# 2,440,000. JSON takes about 100 bytes of memory a value, so this keeps reading any file to a few hundred MB.
MOST_VALUES = 2_500_000
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
    left_out: list[str] = field(default_factory=list)  # the notes about own pictures that could not be used


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
    left_out: dict[str, str] = {}
    pictures = _read_pictures(data.get("pictures", []), checker, left_out)
    if checker.problems:
        raise ImportFailed(checker.report())
    assert workshop is not None
    used = _check_picture_links(workshop, pictures, checker, left_out)
    return ImportResult(workshop, group, checker.notes, used, list(left_out.values()))


def _read_pictures(entries: typing.Any, checker: FieldChecker, left_out: dict[str, str]) -> dict[str, OwnPicture]:
    """The file's own pictures by the id the file gives them; those that cannot be used go in ``left_out``
    (id: the note that says so)."""
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
            # One bad picture does not stop the workshop: it is left out, and a dashed frame shows where it was.
            reason = str(error) if isinstance(error, PictureRefused) else _("its data is damaged.")
            note = _("{where} ({name}) could not be used and was left out: {reason}").format(
                where=where, name=untrusted.shortened(entry["name"], 60), reason=reason
            )
            checker.note(note)
            left_out[entry["id"]] = checker.notes[-1]
    return found


def _check_picture_links(
    workshop: Workshop, pictures: dict[str, OwnPicture], checker: FieldChecker, left_out: dict[str, str]
) -> list[OwnPicture]:
    """Point the workshop at its pictures' real ids, note pictures the file lacks; the pictures used."""
    missing = 0
    used: dict[str, OwnPicture] = {}
    for obj in pictured(workshop):
        if obj.picture.startswith(OWN_PREFIX):
            given = obj.picture[len(OWN_PREFIX):]
            if given in pictures:
                obj.picture = pictures[given].ref
                used[pictures[given].id] = pictures[given]
            elif given not in left_out:
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
