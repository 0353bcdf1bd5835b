"""Hostile pictures printed in all three kinds: every printout is made, in seconds and bounded memory; a picture
that fails is the dashed placeholder and is named; nothing from outside the file is in the PDF.

The pictures are put in the library as they are, without the gate, as a library made before it would hold
them: printing must make them safe by itself. The same pictures inside a workshop file go through
``facilitator print`` too.
"""

from __future__ import annotations

import io
import json

import pypdfium2
import pytest

from facilitator.cli import main
from facilitator.core import exchange
from facilitator.core.model import AgendaItem, Agreement, Decision, Workshop
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.pictures.kinds import sniff_format
from facilitator.pictures.own import OwnPicture, picture_id
from facilitator.printing import pictures as print_pictures
from facilitator.printing.documents import agenda_pdf, cards_pdf, summary_pdf
from facilitator.printing.layout import load_layout
from facilitator.printing.pictures import PrintPictures, left_out_note
from tests.pictures.hostile import (
    EXPECTED,
    KEPT,
    MARKER,
    REFUSED,
    SECRET_COLOUR,
    hostile_pictures,
    measured,
    pixels_near,
    plant_secret,
)

MAKERS = {"summary": summary_pdf, "agenda": agenda_pdf, "cards": cards_pdf}
PLACEHOLDER_GREY = (0x6B, 0x6B, 0x6B)
MOST_SECONDS = 10.0
MOST_MB = 400


@pytest.fixture(scope="module")
def secret(tmp_path_factory):
    return plant_secret(tmp_path_factory.mktemp("beside") / "secret")


@pytest.fixture(scope="module")
def cases(secret):
    return hostile_pictures(secret.parent)


@pytest.fixture(scope="module")
def catalogue():
    return PictureCatalogue.load()


@pytest.fixture(scope="module")
def old_library():
    """One library for the module, holding each case as a library made before the gate would."""
    from facilitator.core.library import open_memory_library

    library = open_memory_library()
    yield library
    library.close()


@pytest.fixture(scope="module")
def printing(catalogue, old_library):
    """One set of print pictures for the module, so OpenMoji's are read once: as the print dialog keeps it."""
    return PrintPictures(catalogue, old_library.picture)


def kept_before_the_gate(library, catalogue, raw: bytes, name: str) -> str:
    picture = library.add_picture(as_kept_before_the_gate(raw, name))
    catalogue.set_own_pictures(library.picture_names())
    return picture.ref


@pytest.fixture(autouse=True)
def work_beside_the_secret(secret, monkeypatch):
    monkeypatch.chdir(secret)  # "../secret.png" reaches the secret from here


def as_kept_before_the_gate(raw: bytes, name: str) -> OwnPicture:
    return OwnPicture(picture_id(raw), name, sniff_format(raw) or "png", raw)


def pictured(ref: str) -> Workshop:
    item = AgendaItem("Look at this", picture=ref)
    return Workshop("Pictures", agenda=[item, AgendaItem("Tea")], decisions=[
        Decision("We like it", agenda_item_id=item.id, picture=ref, agreement=Agreement.EVERYONE, agreed=True)])


def pages_of(pdf: bytes, scale: float = 1.0) -> tuple[str, list]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
        images = [page.render(scale=scale).to_pil().convert("RGB") for page in document]
    finally:
        document.close()
    return text, images


def make(kind: str, workshop: Workshop, pictures: PrintPictures) -> bytes:
    out = io.BytesIO()
    MAKERS[kind](workshop, out, load_layout("standard"), pictures)
    return out.getvalue()


@pytest.mark.parametrize("kind", sorted(MAKERS))
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_printed_from_a_library_made_before_the_gate(cases, catalogue, old_library, printing, secret, name, kind):
    ref = kept_before_the_gate(old_library, catalogue, cases[name], name)
    pictures = printing
    with measured() as took:
        pdf = make(kind, pictured(ref), pictures)
    assert took.seconds < MOST_SECONDS
    assert took.peak_mb < MOST_MB
    assert pictures.left_out == ([name] if EXPECTED[name] == REFUSED else [])
    text, images = pages_of(pdf, scale=0.5)
    assert MARKER not in text and MARKER.encode() not in pdf
    assert str(secret.parent).encode() not in pdf
    assert pixels_near(images, SECRET_COLOUR) == 0


@pytest.mark.parametrize("name", [name for name, outcome in sorted(EXPECTED.items()) if outcome == REFUSED])
def test_a_picture_that_fails_is_printed_as_the_dashed_placeholder(cases, catalogue, old_library, printing, name):
    ref = kept_before_the_gate(old_library, catalogue, cases[name], name)
    failed = make("agenda", pictured(ref), printing)
    missing = make("agenda", pictured("own:" + "0" * 24), printing)
    _text, failed_pages = pages_of(failed, scale=2)
    _text, missing_pages = pages_of(missing, scale=2)
    # A picture no longer in the library leaves an empty square; one that fails the gate, the dashed frame.
    assert pixels_near(failed_pages, PLACEHOLDER_GREY, 1) > pixels_near(missing_pages, PLACEHOLDER_GREY, 1) + 200


def test_the_note_names_each_picture_left_out_once():
    assert left_out_note([]) == ""
    assert left_out_note(["Hall"]) == "1 picture could not be drawn and was left out: Hall."
    assert left_out_note(["Hall", "Bus"]) == "2 pictures could not be drawn and were left out: Hall, Bus."


def workshop_file(folder, chosen: dict[str, bytes]):
    """A workshop file whose own pictures are the given bytes as they are, one agenda item each."""
    own = [as_kept_before_the_gate(raw, name) for name, raw in chosen.items()]
    workshop = Workshop("Pictures", agenda=[AgendaItem(p.name, picture=p.ref) for p in own])
    path = folder / "hostile.json"
    path.write_text(json.dumps(exchange.workshop_document(workshop, None, own)), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_the_print_command_prints_a_file_of_kept_hostile_pictures(cases, secret, tmp_path, capsys, kind):
    path = workshop_file(tmp_path, {name: cases[name] for name, outcome in EXPECTED.items() if outcome == KEPT})
    out = tmp_path / f"{kind}.pdf"
    with measured() as took:
        assert main(["print", kind, str(path), "-o", str(out)]) == 0
    assert took.seconds < MOST_SECONDS
    said = capsys.readouterr()
    assert "Saved" in said.out and said.err == ""
    pdf = out.read_bytes()
    text, images = pages_of(pdf)
    assert MARKER not in text and MARKER.encode() not in pdf
    assert pixels_near(images, SECRET_COLOUR) == 0


def test_the_print_command_leaves_out_a_picture_that_cannot_be_made_safe_and_says_so(cases, tmp_path, capsys):
    path = workshop_file(tmp_path, {"png-bomb": cases["png-bomb"], "svg-use-cycles": cases["svg-use-cycles"]})
    out = tmp_path / "agenda.pdf"
    assert main(["print", "agenda", str(path), "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert "Note: Picture 1 (png-bomb) could not be used and was left out: This picture has too many pixels" in said.err
    assert "Traceback" not in said.err
    assert out.exists()


def test_the_print_command_says_which_pictures_it_left_out(cases, tmp_path, capsys, monkeypatch):
    path = workshop_file(tmp_path, {"svg-nan-sizes": cases["svg-nan-sizes"], "svg-outside-files": cases["svg-outside-files"]})
    real = print_pictures.printable
    # One picture the gate lets through that the page still cannot draw, as a renderer's own fault would.
    monkeypatch.setattr(print_pictures, "printable", lambda safe: None if b"#224466" in safe.data else real(safe))
    out = tmp_path / "agenda.pdf"
    assert main(["print", "agenda", str(path), "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert "1 picture could not be drawn and was left out: svg-nan-sizes." in said.err
    assert out.exists()


def test_the_checks_see_the_secret_when_it_really_is_on_the_page(catalogue, old_library, printing, secret):
    from facilitator.pictures.own import own_picture

    shown = own_picture((secret.parent / "secret.png").read_bytes(), "shown on purpose")
    ref = kept_before_the_gate(old_library, catalogue, shown.data, shown.name)
    _text, images = pages_of(make("agenda", pictured(ref), printing), scale=0.5)
    assert pixels_near(images, SECRET_COLOUR) > 100
