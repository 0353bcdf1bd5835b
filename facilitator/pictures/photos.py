"""Photos (PNG, JPEG, GIF, WebP) checked with Pillow before anything draws them.

The size in the file's header is read first, so a small file that claims a
huge picture (a "decompression bomb") is refused before a pixel is decoded.
Big JPEG photos are decoded small (the JPEG decoder's draft mode gives a
quarter or an eighth of the size at once), so a 108-megapixel phone photo
costs a few tens of megabytes. A picture that is too big, moving (only the
first picture of an animated GIF, WebP or PNG is kept) or in an unusual
colour mode is made again as a plain PNG or JPEG no bigger than
``LARGEST_SIDE`` pixels a side; any other picture keeps its own bytes.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

from facilitator.pictures.kinds import PHOTO_FORMATS, damaged_photo, not_a_picture, sniff_format, too_many_pixels

LARGEST_SIDE = 1600
# JPEG photos are decoded at an eighth of their size at most, so they can have many more pixels. Pillow's
# own guard stops anything over about 179 million, which is above this.
JPEG_MOST_PIXELS = 175_000_000
# Other formats are decoded whole: 30 million pixels is at most 120 MB while it is made smaller.
OTHER_MOST_PIXELS = 30_000_000
_PILLOW_NAMES = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}
_PLAIN_MODES = {"1", "L", "LA", "P", "RGB", "RGBA"}


@dataclass(frozen=True)
class CheckedPhoto:
    format: str
    data: bytes
    width: int
    height: int


def checked_photo(data: bytes, formats: tuple[str, ...] = PHOTO_FORMATS,
                  largest_side: int = LARGEST_SIDE) -> CheckedPhoto:
    """The photo in ``data``, decoded once to be sure it is whole; made again when it has to be.

    The result is in one of ``formats`` (a picture in another format is made again as PNG or JPEG).
    Raises ``PictureRefused``."""
    kind = sniff_format(data)
    if kind not in PHOTO_FORMATS:
        raise not_a_picture()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=[_PILLOW_NAMES[kind]])
        except Image.DecompressionBombError:
            raise too_many_pixels(JPEG_MOST_PIXELS if kind == "jpeg" else OTHER_MOST_PIXELS) from None
        except Exception:  # noqa: BLE001 (whatever Pillow finds wrong, the picture is damaged)
            raise damaged_photo() from None
        with image:
            return _checked(image, data, kind, formats, largest_side)


def _checked(image: Image.Image, data: bytes, kind: str, formats: tuple[str, ...], largest_side: int) -> CheckedPhoto:
    width, height = image.size
    if width < 1 or height < 1:
        raise damaged_photo()
    most = JPEG_MOST_PIXELS if kind == "jpeg" else OTHER_MOST_PIXELS
    if width * height > most:
        raise too_many_pixels(most)
    try:
        moving = bool(getattr(image, "is_animated", False))
        if moving:
            image.seek(0)
        if kind == "jpeg" and max(width, height) > largest_side:
            shrink = largest_side / max(width, height)
            image.draft(image.mode, (max(1, int(width * shrink + 1)), max(1, int(height * shrink + 1))))
        image.load()
    except Exception:  # noqa: BLE001 (cut short, a bad block, too much text in it: damaged all the same)
        raise damaged_photo() from None
    if not moving and max(width, height) <= largest_side and kind in formats and image.mode in _PLAIN_MODES:
        return CheckedPhoto(kind, data, width, height)
    return _made_again(image, kind, largest_side)


def _made_again(image: Image.Image, kind: str, largest_side: int) -> CheckedPhoto:
    """The picture as a plain PNG (drawings, see-through parts) or JPEG (photos), no bigger than needed."""
    try:
        image = ImageOps.exif_transpose(image)  # a phone photo stands the way it was taken
    except Exception:  # noqa: BLE001 (a broken orientation note is no reason to refuse the photo)
        pass
    see_through = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if see_through else ("L" if image.mode in ("1", "L") else "RGB"))
    image.thumbnail((largest_side, largest_side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    if see_through or kind != "jpeg":
        image.save(out, "PNG")
        made = "png"
    else:
        image.save(out, "JPEG", quality=88)
        made = "jpeg"
    return CheckedPhoto(made, out.getvalue(), image.width, image.height)
