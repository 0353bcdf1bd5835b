"""Pictures for the printed page: OpenMoji and SVG pictures as vectors, photos as images, each read once."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.pictures.own import OwnPicture


class PrintPictures:
    """Finds and reads the picture a reference names; each is read once and drawn as often as needed."""

    def __init__(self, catalogue: PictureCatalogue, own: Callable[[str], OwnPicture | None] = lambda _id: None):
        self.catalogue = catalogue
        self.own = own
        self._read: dict[str, Drawing | ImageReader | None] = {}

    def get(self, ref: str) -> Drawing | ImageReader | None:
        """The picture ``ref`` names, as a vector drawing or an image; None when there is none.

        Two words for one picture ("agree", "thumbs up") give the same object."""
        if ref not in self._read:
            picture = self.catalogue.resolve(ref)
            key = f"{picture.source}:{picture.key}" if picture is not None else ""
            if key not in self._read:
                self._read[key] = self._load(picture) if picture is not None else None
            self._read[ref] = self._read[key]
        return self._read[ref]

    def _load(self, picture) -> Drawing | ImageReader | None:
        if picture.source == "openmoji":
            return _svg(self.catalogue.openmoji.path(picture.key).read_bytes())
        own = self.own(picture.key)
        if own is None:
            return None
        if own.format == "svg":
            return _svg(own.data)
        try:
            return ImageReader(io.BytesIO(own.data))
        except Exception:  # noqa: BLE001 (a picture that cannot be read is left out, never stops the printout)
            return None


def _svg(data: bytes) -> Drawing | None:
    from lxml import etree
    from svglib.svglib import SvgRenderer

    logging.getLogger("svglib").setLevel(logging.ERROR)  # it warns about every style it does not use
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
        return SvgRenderer("").render(root)
    except Exception:  # noqa: BLE001 (as above)
        return None


class PictureBox(Flowable):
    """A picture drawn in a square of ``size`` points, kept in proportion and centred; an empty square when None."""

    def __init__(self, picture: Drawing | ImageReader | None, size: float):
        super().__init__()
        self.picture = picture
        self.size = size

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self):
        draw_picture(self.canv, self.picture, 0, 0, self.size)


def draw_picture(canvas, picture, x: float, y: float, size: float) -> None:
    """Draw ``picture`` in the square with its lower left corner at (x, y)."""
    if picture is None:
        return
    if isinstance(picture, Drawing):
        width, height = picture.width or 1, picture.height or 1
        scale = size / max(width, height)
        canvas.saveState()
        canvas.translate(x + (size - width * scale) / 2, y + (size - height * scale) / 2)
        canvas.scale(scale, scale)
        # The drawing starts from reportlab's default font (Helvetica), which would then be named in the PDF
        # without being embedded: start it from the page's own font instead. Pictures have no words.
        STATE_DEFAULTS["fontName"] = canvas._fontname
        renderPDF.draw(picture, canvas, 0, 0)
        canvas.restoreState()
    else:
        width, height = picture.getSize()
        scale = size / max(width, height, 1)
        w, h = width * scale, height * scale
        canvas.drawImage(picture, x + (size - w) / 2, y + (size - h) / 2, w, h, mask="auto")
