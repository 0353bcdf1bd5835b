"""Every change a facilitator makes, as a step that can be undone and redone.

An edit knows how to ``apply`` itself to the library and how to ``revert``.
The windows keep them on an undo stack (``ui/undo.py``); nothing here needs
Qt, so undo is tested without a window. Typing into one field makes one edit
that grows (``absorb``), so undo takes back the whole word, not one letter.
"""

from __future__ import annotations

import copy
import typing
from dataclasses import dataclass, field

from facilitator.core.library import Library
from facilitator.core.model import LINKED_PARTS, field_words
from facilitator.i18n import N_, _

# Fields typed a letter at a time: successive changes to one of them make one edit.
TYPED_FIELDS = {
    "title", "purpose", "place", "plain_words", "notes", "name", "alias", "role", "other_needs", "text",
    "what", "who", "term", "meaning", "written", "spoken", "led_by", "to_bring",
}

PART_NAMES = {
    "facilitators": N_("person running the workshop"),
    "participants": N_("participant"),
    "agenda": N_("agenda item"),
    "decisions": N_("decision"),
    "ideas": N_("idea"),
    "actions": N_("action"),
    "parked_questions": N_("parked question"),
    "group_words": N_("group word"),
    "timings": N_("timing"),
    "pronunciations": N_("pronunciation"),
}


class Edit(typing.Protocol):
    workshop_id: str

    def describe(self) -> str: ...
    def apply(self, library: Library) -> None: ...
    def revert(self, library: Library) -> None: ...
    def absorb(self, later: Edit) -> bool: ...


@dataclass
class ChangeWorkshop:
    """Change one of the workshop's own fields (title, date, start time...)."""

    workshop_id: str
    field: str
    before: typing.Any
    after: typing.Any

    def describe(self) -> str:
        return _("change the {field}").format(field=_field_words(self.field))

    def apply(self, library: Library) -> None:
        library.update_workshop(self.workshop_id, **{self.field: self.after})

    def revert(self, library: Library) -> None:
        library.update_workshop(self.workshop_id, **{self.field: self.before})

    def absorb(self, later: Edit) -> bool:
        if (
            isinstance(later, ChangeWorkshop)
            and (later.workshop_id, later.field) == (self.workshop_id, self.field)
            and self.field in TYPED_FIELDS
        ):
            self.after = later.after
            return True
        return False


@dataclass
class ChangePart:
    """Change one field of an agenda item, participant, decision..."""

    workshop_id: str
    part: str
    before: typing.Any
    after: typing.Any
    field: str = ""

    @classmethod
    def of(cls, workshop_id: str, part: str, obj: typing.Any, **changes: typing.Any) -> ChangePart:
        """The edit that changes ``obj`` by ``changes``; ``obj`` itself is left as it is."""
        after = copy.deepcopy(obj)
        for name, value in changes.items():
            setattr(after, name, value)
        name = next(iter(changes)) if len(changes) == 1 else ""
        return cls(workshop_id, part, copy.deepcopy(obj), after, name)

    def describe(self) -> str:
        if self.field:
            return _("change the {field} of the {part}").format(
                field=_field_words(self.field), part=_(PART_NAMES[self.part])
            )
        return _("change the {part}").format(part=_(PART_NAMES[self.part]))

    def apply(self, library: Library) -> None:
        library.update_part(self.workshop_id, self.part, copy.deepcopy(self.after))

    def revert(self, library: Library) -> None:
        library.update_part(self.workshop_id, self.part, copy.deepcopy(self.before))

    def absorb(self, later: Edit) -> bool:
        if (
            isinstance(later, ChangePart)
            and (later.workshop_id, later.part, later.after.id) == (self.workshop_id, self.part, self.after.id)
            and later.field == self.field
            and self.field in TYPED_FIELDS
        ):
            self.after = copy.deepcopy(later.after)
            return True
        return False


@dataclass
class AddPart:
    """Add an agenda item, participant... at ``index`` (the end when None)."""

    workshop_id: str
    part: str
    obj: typing.Any
    index: int | None = None

    def describe(self) -> str:
        return _("add a {part}").format(part=_(PART_NAMES[self.part]))

    def apply(self, library: Library) -> None:
        library.add_part(self.workshop_id, self.part, copy.deepcopy(self.obj), self.index)

    def revert(self, library: Library) -> None:
        library.remove_part(self.workshop_id, self.part, self.obj.id)

    def absorb(self, later: Edit) -> bool:
        return False


@dataclass
class RemovePart:
    """Remove a part. Undo puts it back where it was, with the links to it."""

    workshop_id: str
    part: str
    obj: typing.Any
    index: int
    linked: list[tuple[str, typing.Any]] = field(default_factory=list)

    def describe(self) -> str:
        return _("remove the {part}").format(part=_(PART_NAMES[self.part]))

    def apply(self, library: Library) -> None:
        if self.part == "agenda":
            workshop = library.load_workshop(self.workshop_id)
            self.linked = [
                (part, copy.deepcopy(obj))
                for part in LINKED_PARTS
                for obj in getattr(workshop, part)
                if obj.agenda_item_id == self.obj.id
            ]
        library.remove_part(self.workshop_id, self.part, self.obj.id)

    def revert(self, library: Library) -> None:
        library.add_part(self.workshop_id, self.part, copy.deepcopy(self.obj), self.index)
        for part, obj in self.linked:
            library.update_part(self.workshop_id, part, copy.deepcopy(obj))

    def absorb(self, later: Edit) -> bool:
        return False


@dataclass
class MovePart:
    """Move a part to another place in its list."""

    workshop_id: str
    part: str
    part_id: str
    before: int
    after: int

    def describe(self) -> str:
        return _("move the {part}").format(part=_(PART_NAMES[self.part]))

    def apply(self, library: Library) -> None:
        library.move_part(self.workshop_id, self.part, self.part_id, self.after)

    def revert(self, library: Library) -> None:
        library.move_part(self.workshop_id, self.part, self.part_id, self.before)

    def absorb(self, later: Edit) -> bool:
        return False


# The Undo menu says "chosen name", the word the People tab uses.
EDIT_WORDS = {"alias": N_("chosen name")}


def _field_words(name: str) -> str:
    return field_words(name, EDIT_WORDS)



@dataclass
class Together:
    """Several edits made, and undone, as one step (removing a person and their name where it was)."""

    workshop_id: str
    steps: list[Edit]

    def describe(self) -> str:
        return self.steps[0].describe()

    def apply(self, library: Library) -> None:
        for step in self.steps:
            step.apply(library)

    def revert(self, library: Library) -> None:
        for step in reversed(self.steps):
            step.revert(library)

    def absorb(self, later: Edit) -> bool:
        return False
