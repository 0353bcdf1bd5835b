"""Keeping the room's real times in the library while presenting.

A problem saving (the disk full, the library moved) must not stop the session:
the recorder keeps going, and says once, in words, what went wrong. A try-out
(Projector ▸ Try it out) keeps no times at all.
"""

from __future__ import annotations

import copy
import sqlite3
import typing

from facilitator.core.errors import WorkshopNotFound
from facilitator.core.library import Library
from facilitator.core.model import ItemTiming
from facilitator.i18n import _


class LibraryRecorder:
    def __init__(self, library: Library, workshop_id: str, on_problem: typing.Callable[[str], None] | None = None):
        self.library = library
        self.workshop_id = workshop_id
        self.on_problem = on_problem
        self.problem = ""
        self.busy = False  # True while saving: the library's change is our own

    def add(self, timing: ItemTiming) -> None:
        self._save(lambda: self.library.add_part(self.workshop_id, "timings", copy.copy(timing)))

    def update(self, timing: ItemTiming) -> None:
        self._save(lambda: self.library.update_part(self.workshop_id, "timings", copy.copy(timing)))

    def _save(self, save: typing.Callable[[], None]) -> None:
        self.busy = True
        try:
            save()
        except (sqlite3.Error, OSError, WorkshopNotFound, KeyError) as error:
            if not self.problem:
                self.problem = _("The times of the items could not be saved ({reason}). The session goes on.").format(
                    reason=error
                )
                if self.on_problem is not None:
                    self.on_problem(self.problem)
        finally:
            self.busy = False


class TryOutRecorder:
    """A try-out keeps no times, so the room's real times (and "it took 12 minutes") stay as they were.

    It counts the items shown, so the console can say what the try-out covered.
    """

    busy = False  # it never writes to the library
    problem = ""

    def __init__(self) -> None:
        self.items_shown: set[str] = set()

    def add(self, timing: ItemTiming) -> None:
        if timing.agenda_item_id is not None:
            self.items_shown.add(timing.agenda_item_id)

    def update(self, timing: ItemTiming) -> None:
        pass
