"""Pictures for the printed page: OpenMoji and SVG pictures as vectors, photos as images, each read once."""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Callable

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFResourceDictionary
from reportlab.platypus import Flowable

from facilitator.i18n import ngettext
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.pictures.own import OwnPicture
from facilitator.pictures.safe import SafePicture, SafePictures


class LeftOut:
    """A picture that could not be drawn: printed as a dashed frame with a question mark, and named in a note."""

    def __init__(self, words: str):
        self.words = words


class PrintPictures:
    """Finds and reads the picture a reference names; each is read once and drawn as often as needed.

    Every picture passes the one gate (``facilitator.pictures.safe``) first, OpenMoji's and pictures kept
    before the gate too. A picture that fails is a ``LeftOut``; the documents note its words in ``left_out``."""

    def __init__(self, catalogue: PictureCatalogue, own: Callable[[str], OwnPicture | None] = lambda _id: None):
        self.catalogue = catalogue
        self.own = own
        self._read: dict[str, Drawing | ImageReader | LeftOut | None] = {}
        self._safe = SafePictures()
        self.left_out: list[str] = []

    def get(self, ref: str) -> Drawing | ImageReader | LeftOut | None:
        """The picture ``ref`` names, as a vector drawing or an image; None when there is none.

        Two words for one picture ("agree", "thumbs up") give the same object."""
        if ref not in self._read:
            picture = self.catalogue.resolve(ref)
            key = f"{picture.source}:{picture.key}" if picture is not None else ""
            if key not in self._read:
                self._read[key] = self._load(picture) if picture is not None else None
            self._read[ref] = self._read[key]
        return self._read[ref]

    def _load(self, picture) -> Drawing | ImageReader | LeftOut | None:
        if picture.source == "openmoji":
            path = self.catalogue.openmoji.path(picture.key)
            safe = self._safe.get("openmoji:" + picture.key, path.read_bytes)
        else:
            own = self.own(picture.key)
            if own is None:
                return None
            safe = self._safe.get("own:" + own.id, lambda: own.data)
        drawn = printable(safe) if safe is not None else None
        return drawn if drawn is not None else LeftOut(picture.words)


def printable(safe: SafePicture) -> Drawing | ImageReader | None:
    """A picture that passed the gate, ready for the page; None when reportlab cannot draw it after all."""
    if safe.format == "svg":
        return _svg(safe.data)
    try:
        reader = ImageReader(io.BytesIO(safe.data))
        width, height = reader.getSize()
    except Exception:  # noqa: BLE001 (a picture that cannot be read is left out, never stops the printout)
        return None
    return reader if width > 0 and height > 0 else None


def _svg(data: bytes) -> Drawing | None:
    """The drawing of a cleaned SVG, tried once on a page that is thrown away so it cannot fail later."""
    from lxml import etree
    from reportlab.pdfgen.canvas import Canvas
    from svglib.svglib import SvgRenderer

    logging.getLogger("svglib").setLevel(logging.CRITICAL)  # it warns about every style it does not use
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
        drawing = SvgRenderer("").render(root)
        if not all(math.isfinite(side) and side > 0 for side in (drawing.width, drawing.height)):
            return None
        renderPDF.draw(drawing, Canvas(io.BytesIO()), 0, 0)
        return drawing
    except Exception:  # noqa: BLE001 (as above)
        return None


def left_out_note(names: list[str]) -> str:
    """Which pictures a printout left out, in one plain sentence; "" when none was."""
    if not names:
        return ""
    return ngettext(
        "{count} picture could not be drawn and was left out: {names}.",
        "{count} pictures could not be drawn and were left out: {names}.",
        len(names),
    ).format(count=len(names), names=", ".join(names))


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
    if isinstance(picture, LeftOut):
        _dashed_frame(canvas, x, y, size)
        return
    if isinstance(picture, Drawing):
        width, height = picture.width or 1, picture.height or 1
        scale = size / max(width, height)
        name = _form_of(canvas, picture)
        canvas.saveState()
        canvas.translate(x + (size - width * scale) / 2, y + (size - height * scale) / 2)
        canvas.scale(scale, scale)
        canvas.doForm(name)
        canvas.restoreState()
    else:
        width, height = picture.getSize()
        scale = size / max(width, height, 1)
        w, h = width * scale, height * scale
        canvas.drawImage(picture, x + (size - w) / 2, y + (size - h) / 2, w, h, mask="auto")


def _form_of(canvas, drawing: Drawing) -> str:
    """The name of the PDF form that holds ``drawing`` in this document: drawn once, then used for every copy.

    Drawing a picture's shapes again for every row was most of the time a long summary took to make."""
    forms = canvas.__dict__.setdefault("_picture_forms", {})
    if id(drawing) in forms:
        return forms[id(drawing)][1]
    name = f"picture{len(forms)}"
    forms[id(drawing)] = (drawing, name)  # the drawing is kept, so its id is not given to another one
    font = canvas._fontname
    canvas.beginForm(name, *_room(drawing))
    # The drawing starts from reportlab's default font (Helvetica), which would then be named in the PDF
    # without being embedded: start it from the page's own font instead. Pictures have no words.
    STATE_DEFAULTS["fontName"] = font
    renderPDF.draw(drawing, canvas, 0, 0)
    states, shading, colours = canvas._extgstate.getState(), canvas._shadingUsed, canvas._colorsUsed
    canvas.endForm()
    form = canvas._doc.idToObject[canvas._doc.getXObjectName(name)]
    # reportlab gives a form fonts and the pictures in it, but not its see-through fills: given here.
    resources = PDFResourceDictionary()
    resources.basicFonts()
    resources.allProcs()
    if form.XObjects:
        resources.XObject = form.XObjects
    if states:
        resources.ExtGState = states
    resources.setShading(shading)
    resources.setColorSpace(colours)
    form.Resources = resources
    return name


def _room(drawing: Drawing) -> tuple[float, float, float, float]:
    """A box round everything ``drawing`` draws, with room for its lines' widths: the form shows nothing outside it."""
    width, height = drawing.width or 1, drawing.height or 1
    left, bottom, right, top = 0.0, 0.0, width, height
    try:
        bounds = drawing.getBounds()
    except Exception:  # noqa: BLE001 (a shape reportlab cannot measure: a box big enough for any picture)
        bounds = None
    if bounds and all(math.isfinite(value) for value in bounds):
        left, bottom = min(left, bounds[0]), min(bottom, bounds[1])
        right, top = max(right, bounds[2]), max(top, bounds[3])
    else:
        left, bottom, right, top = -100 * width, -100 * height, 101 * width, 101 * height
    margin = max(width, height)
    return left - margin, bottom - margin, right + margin, top + margin


def _dashed_frame(canvas, x: float, y: float, size: float) -> None:
    """The placeholder the screens draw too: a grey dashed frame with a question mark."""
    margin = size * 0.08
    canvas.saveState()
    canvas.setStrokeColorRGB(0x6B / 255, 0x6B / 255, 0x6B / 255)
    canvas.setFillColorRGB(0x6B / 255, 0x6B / 255, 0x6B / 255)
    canvas.setLineWidth(max(1.0, size / 32))
    canvas.setDash(size / 16, size / 24)
    canvas.roundRect(x + margin, y + margin, size - 2 * margin, size - 2 * margin, size / 10, stroke=1, fill=0)
    canvas.setFont(canvas._fontname, size * 0.5)
    canvas.drawCentredString(x + size / 2, y + size * 0.32, "?")
    canvas.restoreState()
