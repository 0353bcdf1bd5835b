"""Removing a person everywhere: their record, and their name in every field that holds one.

A participant's name or chosen name can also be in "suggested by" (decisions,
ideas), "asked by" (parked questions), "who" (actions) and in how a name is
said aloud (pronunciations). Removing the person from a workshop clears those
too (``edits_to_forget``, undoable like any edit). When the facilitator asks,
the same is done in every workshop of the library and in every backup
(``forget_in_file``, ``forget_in_backups``), which cannot be undone.

"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.core import backup
from facilitator.core.edits import ChangePart, Edit, RemovePart
from facilitator.core.model import Workshop
from facilitator.core.names import NAME_FIELDS, fold, forget_in_file, names_of, without


def edits_to_forget(workshop: Workshop, part: str, person, index: int) -> list[Edit]:
    """The edits that remove ``person`` from the workshop's ``part`` and their name from every other field."""
    names = names_of(person)
    found: list[Edit] = [RemovePart(workshop.id, part, person, index)]
    for other, (_table, column) in NAME_FIELDS.items():
        for obj in getattr(workshop, other):
            value = getattr(obj, column)
            if value and without(value, names) != value:
                found.append(ChangePart.of(workshop.id, other, obj, **{column: without(value, names)}))
    said = [(n, p) for n, p in enumerate(workshop.pronunciations) if fold(p.written) in names]
    for n, pronunciation in reversed(said):  # from the end, so each place stays right for undo
        found.append(RemovePart(workshop.id, "pronunciations", pronunciation, n))
    return found


@dataclass
class Forgotten:
    """What removing a person everywhere did."""

    in_library: int = 0  # places in the library that held the person
    backups_rewritten: list[Path] = field(default_factory=list)
    backups_removed: list[Path] = field(default_factory=list)
    backups_without: int = 0  # backups that did not hold them


def forget_in_backups(folder: Path, names: set[str], report: Forgotten) -> None:
    """Rewrite each backup that holds the named people without them; a backup that cannot be rewritten is
    removed, so that no copy of them is left."""
    for path in backup.list_backups(folder):
        try:
            if _rewrite(path, names):
                report.backups_rewritten.append(path)
            else:
                report.backups_without += 1
        except (OSError, sqlite3.Error, backup.BackupFailed):
            with contextlib.suppress(OSError):
                path.unlink()
            report.backups_removed.append(path)


def _rewrite(path: Path, names: set[str]) -> bool:
    """Rewrite one backup without the named people (through a copy, renamed into place); False when it
    did not hold them and was left as it was."""
    partial = path.with_name(path.name + backup.PARTIAL)
    source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            copy.execute("BEGIN")
            changed = forget_in_file(copy, names)
            copy.execute("COMMIT")
            if changed:
                copy.execute("VACUUM")  # nothing of them is left in the file's free pages
            problem = backup.copy_problem(copy)
        finally:
            copy.close()
    finally:
        source.close()
    try:
        if not changed:
            return False
        if problem:
            raise backup.BackupFailed(problem)
        os.replace(partial, path)
        return True
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
