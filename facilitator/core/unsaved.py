"""Changes kept in memory while the library cannot be written.

When another program holds the library, the folder is read-only or the disk is
full, a change to a workshop is not lost: the library keeps the whole workshop,
changed, in memory (and its keeper writes it to a recovery file), shows it to
everyone who reads the library, and writes it as soon as it can. These
functions make the same changes to a ``Workshop`` in memory that the library's
SQL makes in the file, and refuse the same mistakes.
"""

from __future__ import annotations

import copy
import datetime as dt
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.model import LINKED_PARTS, WORKSHOP_PARTS, GroupDecision, Workshop, WorkshopSummary


def change_fields(workshop: Workshop, changes: dict[str, typing.Any]) -> None:
    for name, value in changes.items():
        setattr(workshop, name, value)


def add_part(workshop: Workshop, part: str, obj: typing.Any, index: int | None) -> None:
    items = getattr(workshop, part)
    index = len(items) if index is None else max(0, min(index, len(items)))
    items.insert(index, obj)


def update_part(workshop: Workshop, part: str, obj: typing.Any) -> None:
    items = getattr(workshop, part)
    items[_index(workshop, part, obj.id)] = obj


def remove_part(workshop: Workshop, part: str, part_id: str) -> None:
    del getattr(workshop, part)[_index(workshop, part, part_id)]
    if part == "agenda":  # as the library's links do: what was said during the item stays, unlinked
        for linked in LINKED_PARTS:
            for obj in getattr(workshop, linked):
                if obj.agenda_item_id == part_id:
                    obj.agenda_item_id = None


def move_part(workshop: Workshop, part: str, part_id: str, new_index: int) -> None:
    items = getattr(workshop, part)
    obj = items.pop(_index(workshop, part, part_id))
    items.insert(max(0, min(new_index, len(items))), obj)


def _index(workshop: Workshop, part: str, part_id: str) -> int:
    for index, obj in enumerate(getattr(workshop, part)):
        if obj.id == part_id:
            return index
    raise KeyError(f"{part} {part_id} is not in workshop {workshop.id}")


def summary_of(workshop: Workshop, group_name: str, updated: str) -> WorkshopSummary:
    return WorkshopSummary(
        id=workshop.id,
        title=workshop.title,
        date=workshop.date,
        place=workshop.place,
        group_name=group_name,
        decision_count=len(workshop.decisions),
        updated=updated,
    )


def in_list_order(summaries: list[WorkshopSummary]) -> list[WorkshopSummary]:
    """The library's order: newest date first, undated ones last, then by title."""
    return sorted(
        summaries,
        key=lambda s: (s.date is None, -(s.date or dt.date.min).toordinal(), s.title.casefold()),
    )


@dataclass(frozen=True)
class SavingState:
    """What a window needs to say about saving: which workshops wait, why, and where they are kept."""

    titles: tuple[str, ...]  # the workshops with changes not saved yet; empty when everything is saved
    reason: str = ""  # why they are not saved, in plain words
    kept_in: Path | None = None  # the recovery file that holds them; None when they are only in memory


# Takes every workshop with changes not saved yet (none: all is saved) and keeps them safe
# somewhere outside the library; returns where, or None when they could not be kept.
Keeper = Callable[[list[Workshop]], "Path | None"]


class UnsavedChanges:
    """The workshops whose newest version is only in memory, and why."""

    def __init__(self) -> None:
        self.workshops: dict[str, Workshop] = {}
        self.updated: dict[str, str] = {}
        self.reason = ""
        self.kept_in: Path | None = None
        self.keeper: Keeper | None = None
        self.last_try = 0.0
        self._listeners: list[Callable[[SavingState], None]] = []

    def __contains__(self, workshop_id: object) -> bool:
        return workshop_id in self.workshops

    def __bool__(self) -> bool:
        return bool(self.workshops)

    def watch(self, listener: Callable[[SavingState], None]) -> None:
        self._listeners.append(listener)

    def unwatch(self, listener: Callable[[SavingState], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def state(self) -> SavingState:
        return SavingState(tuple(w.title for w in self.workshops.values()), self.reason, self.kept_in)

    def keep(self, workshop: Workshop, reason: str) -> None:
        """Start keeping ``workshop`` in memory: it could not be written, for ``reason``."""
        self.workshops[workshop.id] = workshop
        self.reason = reason
        self.changed(workshop.id)
        self._tell()

    def changed(self, workshop_id: str) -> None:
        """A kept workshop changed again in memory."""
        self.updated[workshop_id] = dt.datetime.now().isoformat(timespec="seconds")
        self._keep_safe()

    def still_not_saved(self, reason: str) -> None:
        if reason != self.reason:
            self.reason = reason
            self._tell()

    def saved(self, workshop_id: str) -> None:
        self.workshops.pop(workshop_id, None)
        self.updated.pop(workshop_id, None)
        if not self.workshops:
            self.reason = ""
        self._keep_safe()
        self._tell()

    def forget(self) -> None:
        """Throw away every change not saved yet (the facilitator chose to)."""
        self.workshops.clear()
        self.updated.clear()
        self.reason = ""
        self._keep_safe()
        self._tell()

    def _keep_safe(self) -> None:
        if self.keeper is not None:
            self.kept_in = self.keeper(list(self.workshops.values()))

    def _tell(self) -> None:
        state = self.state()
        for listener in list(self._listeners):
            listener(state)

    def summaries(
        self, found: list[WorkshopSummary], belongs: Callable[[Workshop], bool], group_name: Callable[[str | None], str]
    ) -> list[WorkshopSummary]:
        """The library's lines for its workshops, with the kept ones as they are in memory."""
        if not self.workshops:
            return found
        lines = [s for s in found if s.id not in self.workshops]
        lines += [
            summary_of(w, group_name(w.group_id), self.updated.get(w.id, "")) for w in self.workshops.values() if belongs(w)
        ]
        return in_list_order(lines)

    def decisions(self, found: list[GroupDecision], group_id: str) -> list[GroupDecision]:
        """A group's decisions from the library, with those of the kept workshops as they are in memory."""
        if not self.workshops:
            return found
        found = [d for d in found if d.workshop_id not in self.workshops]
        for workshop in self.workshops.values():
            if workshop.group_id == group_id:
                titles = {item.id: item.title for item in workshop.agenda}
                found += [
                    GroupDecision(copy.deepcopy(d), workshop.id, workshop.title, workshop.date,
                                  titles.get(d.agenda_item_id or "", ""))
                    for d in workshop.decisions
                ]
        return sorted(found, key=lambda d: (d.date is None, -(d.date or dt.date.min).toordinal(),
                                            d.workshop_title.casefold(), d.workshop_id))

    def ids(self) -> set[str]:
        """The ids of the kept workshops and of every part of them."""
        return {w.id for w in self.workshops.values()} | {
            obj.id for w in self.workshops.values() for part in WORKSHOP_PARTS for obj in getattr(w, part)
        }
