"""The facilitator's own photos and pictures: checked, then kept in the library.

Easy read uses real photos a lot (the room, the people, the bus stop). A
picture is copied into the library, so a workshop exported to another
computer carries its pictures with it. Each is known by an id made from its
content, so the same photo added twice is kept once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from facilitator.i18n import _

OWN_PREFIX = "own:"
MAX_BYTES = 20 * 1024 * 1024
FORMATS = ("png", "jpeg", "gif", "webp", "svg")
SUFFIXES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp", ".svg": "svg"}


class PictureRefused(ValueError):
    """A file cannot be used as a picture; the message says why in plain words."""


@dataclass(frozen=True)
class OwnPicture:
    id: str
    name: str
    format: str
    data: bytes

    @property
    def ref(self) -> str:
        return OWN_PREFIX + self.id


def picture_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:24]


def sniff_format(data: bytes) -> str | None:
    """The picture format the bytes are in, judged by how they start."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in data[:65536].lower():
        return "svg"
    return None


def own_picture(data: bytes, name: str) -> OwnPicture:
    """Check the bytes of a picture and make an ``OwnPicture`` of them."""
    if not data:
        raise PictureRefused(_("The file is empty, so it has no picture in it."))
    if len(data) > MAX_BYTES:
        raise _too_big(len(data))
    kind = sniff_format(data)
    if kind is None:
        raise PictureRefused(
            _("This file is not a picture the app can use. Use a photo or picture saved as PNG, JPEG, GIF, WebP or SVG.")
        )
    name = " ".join(name.split())[:200] or _("My picture")
    return OwnPicture(picture_id(data), name, kind, data)


def read_own_picture(path: Path | str) -> OwnPicture:
    """Read a picture file; its name (without the ending) becomes the picture's words."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(size)
        data = path.read_bytes()
    except OSError as error:
        raise PictureRefused(
            _("The file {path} cannot be read ({reason}).").format(path=path, reason=error.strerror)
        ) from None
    return own_picture(data, path.stem.replace("_", " ").replace("-", " "))


def _too_big(size: int) -> PictureRefused:
    return PictureRefused(
        _("The picture is {size:,} MB; the most is {limit:,} MB. Make it smaller and try again.").format(
            size=-(-size // (1024 * 1024)), limit=MAX_BYTES // (1024 * 1024)
        )
    )
