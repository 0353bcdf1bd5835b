"""The one gate every picture passes before it is kept or drawn.

However a picture arrives (added by the facilitator, inside an imported
workshop, used by a template, kept in a library made before this gate, or
one of OpenMoji's), it is kept and drawn only as ``safe_picture`` gives it:

- a photo (PNG, JPEG, GIF, WebP) is told by its bytes, its size read from its
  header before it is decoded, and decoded once within pixel limits; a very
  big one is made smaller, a moving one keeps its first picture (``photos``);
- an SVG is written again with only the parts that draw, nothing that reaches
  outside the file, and a bounded number of repeated parts (``drawings``).

Anything else raises ``PictureRefused`` with a plain message. ``SafePictures``
keeps the results by picture, so drawing stays fast.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from facilitator.i18n import _
from facilitator.pictures.kinds import PictureRefused, not_a_picture, sniff_format

MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SafePicture:
    """A picture that is safe to keep and to draw: its format and bytes."""

    format: str
    data: bytes


def safe_picture(data: bytes) -> SafePicture:
    """The picture in ``data`` as it may be kept and drawn. Raises ``PictureRefused``."""
    if len(data) > MAX_BYTES:
        raise PictureRefused(
            _("The picture is more than {limit} MB, so it cannot be used.").format(limit=MAX_BYTES // (1024 * 1024))
        )
    kind = sniff_format(data)
    if kind is None:
        raise not_a_picture()
    if kind == "svg":
        from facilitator.pictures.drawings import cleaned_drawing  # lxml loads when the first drawing is drawn

        return SafePicture("svg", cleaned_drawing(data))
    from facilitator.pictures.photos import checked_photo  # Pillow loads when the first photo is drawn

    photo = checked_photo(data)
    return SafePicture(photo.format, photo.data)


class SafePictures:
    """Pictures passed through the gate, kept by a key (the picture's id or OpenMoji name) for drawing again.

    ``get(key, read)`` calls ``read()`` for the bytes only the first time; a picture that fails is
    remembered as failed (``None``) with its reason in ``reasons``. Safe to use from two threads."""

    def __init__(self, most: int = 400):
        self.most = most
        self._kept: OrderedDict[str, SafePicture | None] = OrderedDict()
        self.reasons: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, key: str, read: Callable[[], bytes | None]) -> SafePicture | None:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        try:
            data = read()
            found = safe_picture(data) if data is not None else None
        except PictureRefused as refusal:
            found = None
            self.reasons[key] = str(refusal)
        except OSError as error:
            found = None
            self.reasons[key] = error.strerror or str(error)
        with self._lock:
            self._kept[key] = found
            while len(self._kept) > self.most:
                self._kept.popitem(last=False)
        return found

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self.reasons.clear()
