"""What the library's menu commands do, without Qt.

The windows hand in a ``View``: the narrow set of things a command may ask of
the screen (pick a file, ask a yes/no question, tell the user something).
Tests hand in a fake view, so every flow here is tested without a window.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

from facilitator.core import exchange
from facilitator.core.deciding import next_meeting, next_meeting_day, previous_meeting
from facilitator.core.errors import LibraryError
from facilitator.core.library import Library
from facilitator.core.model import Workshop
from facilitator.core.untrusted import plain_characters
from facilitator.core.when import suggested_day
from facilitator.i18n import N_, _, format_long_date


class View(Protocol):
    def pick_file_to_open(self, title: str, filter: str) -> Path | None: ...

    def pick_file_to_save(self, title: str, suggested_name: str, filter: str) -> Path | None: ...

    def confirm(self, title: str, question: str, yes: str) -> bool: ...

    def tell(self, title: str, message: str) -> None: ...

    def warn(self, title: str, message: str, details: list[str]) -> None: ...

    def ask_when(self, title: str, question: str, day: dt.date, start: dt.time) -> tuple[dt.date, dt.time] | None:
        """Ask for a day and a start time, suggesting ``day`` and ``start``; None when the facilitator cancels."""
        ...


WORKSHOP_FILES = N_("Workshop files (*.json)")
DEFAULT_START = dt.time(10, 0)  # a next meeting's start when the last one had none


class LibraryCommands:
    def __init__(self, library: Library, view: View):
        self.library = library
        self.view = view

    def new_workshop(self, today: dt.date | None = None) -> Workshop:
        """A new workshop in the library, on the first weekday two weeks or more from ``today``."""
        workshop = Workshop(title=_("New workshop"), date=suggested_day(today or dt.date.today()))
        return self.library.add_workshop(workshop)

    def next_meeting(self, workshop_id: str, today: dt.date | None = None) -> Workshop | None:
        """Plan the group's next meeting from its latest one, on the day and at the time the facilitator says.

        It opens with what was decided, the open actions, the decisions still to make and the questions
        kept for later. None when the workshop is in no group or the facilitator did not say when."""
        workshop = self.library.load_workshop(workshop_id)
        if workshop.group_id is None:
            self.view.tell(
                _("This workshop is in no group"),
                _("A next meeting follows on from a group's meetings. Choose the group this workshop belongs to "
                  "on its page first."),
            )
            return None
        meetings = [self.library.load_workshop(found.id) for found in self.library.group_meetings(workshop.group_id)]
        latest = previous_meeting(meetings, Workshop(title="", group_id=workshop.group_id)) or workshop
        day = next_meeting_day(latest, today or dt.date.today())
        if latest.date is not None:
            last_time = _("It starts with what happened at the meeting on {date}.").format(
                date=format_long_date(latest.date))
        else:
            last_time = _("It starts with what happened at “{title}”.").format(title=plain_characters(latest.title.strip()))
        question = _("When is the group's next meeting?") + " " + last_time
        when = self.view.ask_when(_("Plan the group's next meeting"), question, day, latest.start_time or DEFAULT_START)
        if when is None:
            return None
        return self.library.add_workshop(next_meeting(latest, when[0], start_time=when[1]))

    def import_workshop(self) -> Workshop | None:
        """Add a workshop from a file the facilitator picks. Whatever the file holds and whatever state the
        library is in, this ends either with the workshop in the library or with a warning and nothing
        changed."""
        path = self.view.pick_file_to_open(_("Import a workshop"), _(WORKSHOP_FILES))
        if path is None:
            return None
        try:
            result = exchange.read_workshop_file(path)
            workshop = exchange.import_into(self.library, result)
        except exchange.ImportFailed as error:
            self.view.warn(
                _("Cannot import this file"),
                _("{name} could not be imported. Nothing was changed. This is what is wrong:").format(
                    name=path.name
                ),
                error.problems,
            )
            return None
        except LibraryError as error:  # such as another program using the library just now
            self.view.warn(
                _("Cannot import this file"),
                _("{name} could not be added to your library just now. Nothing was changed. Please try again "
                  "later.").format(name=path.name),
                [str(error)],
            )
            return None
        if result.notes:
            self.view.warn(
                _("Workshop imported"),
                _("“{title}” is now in your library. Please note:").format(title=plain_characters(workshop.title)),
                result.notes,
            )
        return workshop

    def export_workshop(self, workshop_id: str) -> Path | None:
        workshop = self.library.load_workshop(workshop_id)
        path = self.view.pick_file_to_save(
            _("Export a workshop"), suggested_file_name(workshop), _(WORKSHOP_FILES)
        )
        if path is None:
            return None
        try:
            exchange.export_workshop(self.library, workshop_id, path)
        except exchange.ExportFailed as error:
            self.view.warn(_("Cannot save the file"), _("The workshop was not exported."), [str(error)])
            return None
        except OSError as error:
            self.view.warn(
                _("Cannot save the file"),
                _("The workshop could not be saved to {path}.").format(path=path),
                [error.strerror or str(error)],
            )
            return None
        self.view.tell(
            _("Workshop exported"),
            _(
                "Saved to {path}. The file holds the names and notes of the people in the workshop: "
                "share it with care."
            ).format(path=path),
        )
        return path

    def delete_workshop(self, workshop_id: str) -> bool:
        """Ask, naming the workshop and its date (two meetings can have the same title), then delete it."""
        workshop = self.library.load_workshop(workshop_id)
        title = plain_characters(workshop.title.strip())
        if workshop.date is not None:
            which = _("Delete “{title}” on {date}?").format(title=title, date=format_long_date(workshop.date))
        else:
            which = _("Delete “{title}”? It has no date yet.").format(title=title)
        question = which + " " + _(
            "This removes its agenda, decisions, actions and the names of the people in it from this computer. "
            "It cannot be undone here. Today's backup is in {folder}."
        ).format(folder=self.library.backups_dir)
        if not self.view.confirm(_("Delete workshop"), question, _("Delete")):
            return False
        self.library.remove_workshop(workshop_id)
        return True


def suggested_file_name(workshop: Workshop) -> str:
    """A file name made from the workshop's date and title, safe on every system."""
    words = "".join(c if c.isalnum() else " " for c in workshop.title).split()
    stem = "-".join(words)[:60] or "workshop"
    if workshop.date:
        stem = f"{workshop.date.isoformat()}-{stem}"
    return f"{stem}.json"
