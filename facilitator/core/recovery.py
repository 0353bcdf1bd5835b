"""The recovery file: changes the library could not take yet, kept so that a crash does not lose them.

While the library cannot be written, the workshops with changes not saved yet
are written here after every change, whole, in the same form as an exported
workshop. The file sits beside the library (``library-unsaved.json``); when
that folder cannot be written either (read-only, or the library's drive is
gone), it goes to the app's own folder for this user. It is removed as soon as
everything is saved. At the next start the app offers the changes back.

It holds names and notes, so it is readable by its owner only, and it is
never left behind once its changes are in the library or thrown away.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from facilitator.core import exchange
from facilitator.core.model import Workshop
from facilitator.i18n import _

KIND = "facilitator-unsaved-changes"
FORMAT = 1
MAX_BYTES = exchange.MAX_FILE_BYTES  # no pictures in it: the workshops' words only


@dataclass
class Recovered:
    """Changes kept from an earlier run: the workshops as they were, when, and the file they were in."""

    workshops: list[Workshop]
    kept: str
    path: Path


class RecoveryUnreadable(Exception):
    """A recovery file that cannot be read; the message says where it is."""


class RecoveryFile:
    """Where the changes not saved yet of one library are kept."""

    def __init__(self, library_path: Path, own_folder: Path | None = None):
        self.library_path = library_path
        self.beside = library_path.with_name(library_path.stem + "-unsaved.json")
        self._own_folder = own_folder

    @functools.cached_property
    def elsewhere(self) -> Path:
        """Where the file goes when the library's folder cannot be written: the app's own folder for this user."""
        folder = self._own_folder
        if folder is None:
            import platformdirs  # only when it is needed: not on the way to the first window

            folder = platformdirs.user_state_path("facilitator", appauthor=False) / "unsaved"
        name = hashlib.sha256(str(self.library_path).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return folder / f"{name}.json"

    def keep(self, workshops: list[Workshop]) -> Path | None:
        """Write these workshops (none: remove the file); where they were written, None when nowhere could be."""
        if not workshops:
            self.throw_away()
            return None
        text = json.dumps(
            {
                "kind": KIND,
                "format": FORMAT,
                "library": str(self.library_path),
                "kept": _now(),
                "workshops": [exchange.workshop_document(w, None) for w in workshops],
            },
            ensure_ascii=False,
        )
        for target in (self.beside, self.elsewhere):
            if _write_whole(target, text):
                other = self.elsewhere if target == self.beside else self.beside
                with contextlib.suppress(OSError):
                    other.unlink(missing_ok=True)
                return target
        return None

    def left_over(self) -> Recovered | None:
        """The changes kept by an earlier run, or None. Raises ``RecoveryUnreadable`` for a damaged file."""
        for path in (self.beside, self.elsewhere):
            if path.is_file():
                return _read(path)
        return None

    def throw_away(self) -> None:
        for path in (self.beside, self.elsewhere):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def _read(path: Path) -> Recovered:
    unreadable = RecoveryUnreadable(
        _("The changes kept from last time cannot be read. The file is {path}.").format(path=path)
    )
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError) as error:
        raise unreadable from error
    if not isinstance(data, dict) or data.get("kind") != KIND or not isinstance(data.get("workshops"), list):
        raise unreadable
    workshops = []
    for document in data["workshops"]:
        try:
            workshops.append(exchange.parse_workshop(document).workshop)
        except (exchange.ImportFailed, RecursionError, ValueError, TypeError) as error:
            raise unreadable from error
    kept = data.get("kept") if isinstance(data.get("kept"), str) else ""
    return Recovered(workshops, kept, path)


def _write_whole(target: Path, text: str) -> bool:
    """Write ``text`` to ``target`` so that it is there whole or not at all; False when it cannot be."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".unsaved-", suffix=".json")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:  # mkstemp: readable by its owner only
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target)
    except (OSError, UnicodeError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")
