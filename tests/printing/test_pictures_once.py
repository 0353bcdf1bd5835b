"""A picture printed many times is drawn once in the PDF and used again, and looks just as it did when its
shapes were drawn again for every row (see-through fills too, on later pages)."""

from __future__ import annotations

import io
import re

import pypdfium2
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.pdfgen.canvas import Canvas

from facilitator.core.demo import demo_workshop
from facilitator.core.model import Agreement, Decision
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.pictures.safe import safe_picture
from facilitator.printing.documents import summary_pdf
from facilitator.printing.layout import load_layout
from facilitator.printing.pictures import PrintPictures, draw_picture, printable

SEE_THROUGH = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72" width="72" height="72">
<rect x="5" y="5" width="50" height="50" fill="#ff0000" fill-opacity="0.4"/>
<circle cx="40" cy="40" r="25" fill="none" stroke="#0000ff" stroke-width="8" stroke-opacity="0.3"/>
</svg>"""
PLACES = ((40, 560, 200), (320, 600, 120), (60, 120, 90))


def each_shape_drawn_again(canvas, picture, x, y, size) -> None:
    """How pictures were drawn before they were kept as one form: every shape, every time."""
    width, height = picture.width, picture.height
    scale = size / max(width, height)
    canvas.saveState()
    canvas.translate(x + (size - width * scale) / 2, y + (size - height * scale) / 2)
    canvas.scale(scale, scale)
    STATE_DEFAULTS["fontName"] = canvas._fontname
    renderPDF.draw(picture, canvas, 0, 0)
    canvas.restoreState()


def three_pages(draw, pictures) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    for _page in range(3):
        canvas.setFillColorRGB(0.95, 0.9, 0.6)
        canvas.rect(0, 0, 595, 842, stroke=0, fill=1)
        for picture, (x, y, size) in zip(pictures * 3, PLACES):
            draw(canvas, picture, x, y, size)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def pixels(pdf: bytes) -> list[bytes]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [bytes(page.render(scale=1).buffer) for page in document]
    finally:
        document.close()


def forms_in(pdf: bytes) -> int:
    return len(re.findall(rb"/Subtype\s*/Form", pdf))


def test_a_picture_kept_as_one_form_looks_as_it_did_on_every_page():
    catalogue = PictureCatalogue.load()
    shapes = PrintPictures(catalogue).get("bus")
    see_through = printable(safe_picture(SEE_THROUGH))
    assert shapes is not None and see_through is not None
    before = three_pages(each_shape_drawn_again, [shapes, see_through])
    after = three_pages(draw_picture, [shapes, see_through])
    assert forms_in(before) == 0 and forms_in(after) == 2
    drawn_before, drawn_after = pixels(before), pixels(after)
    assert len(drawn_after) == 3
    for page_before, page_after in zip(drawn_before, drawn_after):
        # pdfium may round the edge of a shape by one step of 255: no pixel differs by more than that.
        assert max(abs(a - b) for a, b in zip(page_before, page_after)) <= 2
    # The see-through square (the second picture) lets the paper show through: not solid red, on the last page
    # too, where the form drawn on the first page is used again.
    document = pypdfium2.PdfDocument(after)
    try:
        red, green, blue = document[2].render(scale=1).to_pil().convert("RGB").getpixel((337, 842 - 703))
    finally:
        document.close()
    assert red > 230 and 120 < green < 230 and blue < 200, (red, green, blue)

def test_two_hundred_decisions_with_ten_pictures_keep_each_picture_once():
    _group, workshop = demo_workshop()
    names = ("bus", "tea", "garden", "music", "money", "door", "lift", "calendar", "quiet", "building")
    workshop.decisions = [Decision(f"Decision {n}: we will ask about the {names[n % 10]}.", picture=names[n % 10],
                                   agreement=Agreement.COUNTED, agree=5, agreed=True) for n in range(200)]
    out = io.BytesIO()
    pages = summary_pdf(workshop, out, load_layout("standard"), PrintPictures(PictureCatalogue.load()))
    data = out.getvalue()
    assert pages > 20
    used = {decision.picture for decision in workshop.decisions} | {"meeting", "people", "decide", "calendar"}
    # One form for each picture the summary uses (decisions, headings, when and where), however often.
    assert len(used) <= forms_in(data) <= len(used) + 12
    assert len(pixels(data)) == pages
