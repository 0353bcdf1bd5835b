"""Errors the library reports, each with a message a facilitator can act on.

Three kinds, because each asks for something different:

- ``LibraryUnusable``: the file really is not a usable library (damaged, another program's, from a
  newer version). Only this one points to the backups.
- ``LibraryUnavailable``: a healthy library that cannot be opened just now (another program is
  using it, it is read-only, it is not a file, the disk is full). It must never suggest replacing
  the library, which would throw away every change since the backup.
- ``LibraryNotSaved``: a change that cannot be written now. Typing is kept in memory and saved
  later (see ``core/unsaved.py``); other changes are refused with this message.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from facilitator.core.backup import backups_dir, newest_good_backup
from facilitator.i18n import _


class LibraryError(Exception):
    """The library file cannot be used. ``str(error)`` is the message to show."""


class LibraryUnusable(LibraryError):
    """The file is damaged, belongs to another program, or is from a newer version."""

    def __init__(self, path: Path, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{problem} {_('The file has not been changed.')} {backup_advice(path)}")


class LibraryUnavailable(LibraryError):
    """A library that is fine but cannot be opened now; the message says why and what to do."""

    def __init__(self, path: Path, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{problem} {_('The file has not been changed.')}")


class LibraryNotSaved(LibraryError):
    """A change that could not be written to the library just now. ``reason`` says why in plain words."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(_("This could not be saved: {reason}").format(reason=reason))


class WorkshopNotFound(LibraryError, KeyError):
    def __init__(self, workshop_id: str):
        self.workshop_id = workshop_id
        super().__init__(_("There is no workshop with the id {id} in the library.").format(id=workshop_id))

    def __str__(self) -> str:
        return self.args[0]


def backup_advice(path: Path) -> str:
    """Where the backups are, and how to use the newest one that opens."""
    folder = backups_dir(path)
    newest = newest_good_backup(folder)
    if newest is None:
        return _("There are no backups of it in {folder} that can be opened.").format(folder=folder)
    return _(
        "Backups are in {folder}; the newest that opens is {newest}. To use it, run facilitator "
        "with --library and the backup's path, or copy it over the library file."
    ).format(folder=folder, newest=newest.name)


# SQLite's answers that mean "not now", not "broken": the change is kept and tried again.
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_READ_ONLY = {"SQLITE_READONLY", "SQLITE_AUTH", "SQLITE_PERM"}
_FULL = {"SQLITE_FULL"}
_GONE = {"SQLITE_CANTOPEN", "SQLITE_NOTFOUND"}
_DISK = {"SQLITE_IOERR"}
_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}

_WORDS = {
    # Python before 3.11 gives no error name: these are the words SQLite uses.
    "locked": "SQLITE_BUSY",
    "readonly": "SQLITE_READONLY",
    "read-only": "SQLITE_READONLY",
    "disk is full": "SQLITE_FULL",
    "unable to open": "SQLITE_CANTOPEN",
    "disk i/o error": "SQLITE_IOERR",
    "malformed": "SQLITE_CORRUPT",
    "not a database": "SQLITE_NOTADB",
}


def sqlite_name(error: sqlite3.Error) -> str:
    """SQLite's name for the error (SQLITE_BUSY...), its primary code only; "" when not known."""
    name = getattr(error, "sqlite_errorname", None) or ""
    if name:
        primary = ["SQLITE", *name.split("_")[1:2]]
        return "_".join(primary)
    text = str(error).lower()
    return next((found for words, found in _WORDS.items() if words in text), "")


def why_not_written(error: BaseException, path: Path) -> str | None:
    """Why the library at ``path`` could not be written, in plain words; None for a mistake in the app."""
    if isinstance(error, sqlite3.Error):
        if getattr(error, "sqlite_errorname", "") == "SQLITE_READONLY_DBMOVED":
            return gone_reason(path)
        name = sqlite_name(error)
        if name in _BUSY:
            return _("Another program is using the library.")
        if name in _READ_ONLY:
            return read_only_reason(path)
        if name in _FULL:
            return _("The disk is full.")
        if name in _GONE:
            return gone_reason(path)
        if name in _DISK:
            return _("The disk could not be written to. Is it still plugged in?")
        if name in _DAMAGED:
            return _("The library file is damaged.")
        return None
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return _("The disk is full.")
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return read_only_reason(path)
        if error.errno == errno.ENOENT:
            return gone_reason(path)
        return _("The disk could not be written to. Is it still plugged in?")
    return None


def read_only_reason(path: Path) -> str:
    if not os.access(path.parent, os.W_OK):
        return _("The library's folder is read-only.")
    if path.exists() and not os.access(path, os.W_OK):
        return _("The library file is read-only.")
    return _("The library is read-only: the app may not change it.")


def gone_reason(path: Path) -> str:
    if not path.parent.is_dir():
        return _("The library's folder is missing. Was a memory stick or network drive taken away?")
    return _("The library file has been moved or deleted.")
