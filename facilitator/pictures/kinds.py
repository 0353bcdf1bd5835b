"""What kind of picture a file holds, told by its bytes (never by its name), and the refusal a picture gets.

The picture checks (``photos``, ``drawings``, ``safe``) all raise ``PictureRefused``
with a message a facilitator can act on.
"""

from __future__ import annotations

from facilitator.i18n import _

FORMATS = ("png", "jpeg", "gif", "webp", "svg")
PHOTO_FORMATS = ("png", "jpeg", "gif", "webp")


class PictureRefused(ValueError):
    """A file cannot be used as a picture; the message says why in plain words."""


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


def not_a_picture() -> PictureRefused:
    return PictureRefused(
        _("This file is not a picture the app can use. Use a photo or picture saved as PNG, JPEG, GIF, WebP or SVG.")
    )


def damaged_photo() -> PictureRefused:
    return PictureRefused(
        _("The picture in this file cannot be read. It may be damaged or cut short. "
          "Save it again from the program that made it, then try again.")
    )


def too_many_pixels(most: int) -> PictureRefused:
    return PictureRefused(
        _("This picture has too many pixels to use. The most is {most} million. "
          "Make it smaller and try again.").format(most=most // 1_000_000)
    )


def damaged_drawing() -> PictureRefused:
    return PictureRefused(
        _("The drawing (SVG) in this file cannot be read. The file may be damaged. "
          "Save it again as SVG or PNG, then try again.")
    )


def drawing_too_busy() -> PictureRefused:
    return PictureRefused(
        _("This drawing (SVG) repeats its parts too many times to be drawn safely. "
          "Save it as a simpler drawing or as a PNG, then try again.")
    )
