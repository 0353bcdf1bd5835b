"""Errors the library reports, each with a message a facilitator can act on."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.backup import backups_dir, list_backups
from facilitator.i18n import _


class LibraryError(Exception):
    """The library file cannot be used. ``str(error)`` is the message to show."""


class LibraryUnusable(LibraryError):
    """The file is damaged, belongs to another program, or is from a newer version."""

    def __init__(self, path: Path, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{problem} {_('The file has not been changed.')} {backup_advice(path)}")


class WorkshopNotFound(LibraryError, KeyError):
    def __init__(self, workshop_id: str):
        self.workshop_id = workshop_id
        super().__init__(_("There is no workshop with the id {id} in the library.").format(id=workshop_id))

    def __str__(self) -> str:
        return self.args[0]


def backup_advice(path: Path) -> str:
    """Where the backups are, and how to use one."""
    folder = backups_dir(path)
    backups = list_backups(folder)
    if not backups:
        return _("There are no backups of it in {folder}.").format(folder=folder)
    return _(
        "Backups are in {folder}; the newest is {newest}. To use it, run facilitator "
        "with --library and the backup's path, or copy it over the library file."
    ).format(folder=folder, newest=backups[-1].name)
