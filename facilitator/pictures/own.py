"""The facilitator's own photos and pictures: checked, then kept in the library.

Easy read uses real photos a lot (the room, the people, the bus stop). A
picture is copied into the library, so a workshop exported to another
computer carries its pictures with it. Every picture, added or imported,
passes the one gate (``safe.safe_picture``): what is kept is the checked
picture (a big photo made smaller, an SVG with only the parts that draw).
Each is known by an id made from what is kept, so the same picture added
twice is kept once.
"""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass
from pathlib import Path

from facilitator.i18n import _
from facilitator.pictures.kinds import FORMATS, PictureRefused, sniff_format

__all__ = ["FORMATS", "OWN_PREFIX", "OwnPicture", "PictureRefused", "own_picture", "picture_id", "read_own_picture",
           "sniff_format"]

OWN_PREFIX = "own:"
MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp", ".svg": "svg"}


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


def own_picture(data: bytes, name: str) -> OwnPicture:
    """Check the bytes of a picture and make an ``OwnPicture`` of what may be kept of them."""
    if not data:
        raise PictureRefused(_("The file is empty, so it has no picture in it."))
    if len(data) > MAX_BYTES:
        raise _too_big(len(data))
    from facilitator.pictures.safe import safe_picture  # Pillow and lxml load only when a picture comes in

    safe = safe_picture(data)
    name = " ".join(name.split())[:200] or _("My picture")
    return OwnPicture(picture_id(safe.data), name, safe.format, safe.data)


def read_own_picture(path: Path | str) -> OwnPicture:
    """Read a picture file; its name (without the ending) becomes the picture's words."""
    path = Path(path)
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode):  # a folder, a device such as /dev/zero, a pipe that never ends
            raise PictureRefused(
                _("The file {path} cannot be read ({reason}).").format(path=path, reason=_("it is not a file"))
            )
        if found.st_size > MAX_BYTES:
            raise _too_big(found.st_size)
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
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
