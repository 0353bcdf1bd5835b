"""Hostile pictures drawn on screen: the planner, the projector's slides, the print preview and "Add your own
picture". Each finishes in seconds with bounded memory; a picture that fails is the dashed placeholder and the
rest carries on; nothing from outside the file is ever drawn (the secret planted beside the test is a colour
that must never appear).

As in tests/printing/test_hostile_pictures.py, the pictures are put in the library as they are, without the
gate, as a library made before it would hold them.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from facilitator.core.model import AgendaItem, Workshop
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.pictures.kinds import sniff_format
from facilitator.pictures.own import OwnPicture, PictureRefused, picture_id
from facilitator.pictures.safe import safe_picture
from facilitator.session.screens import workshop_screens
from facilitator.ui.pictures import PictureStore, placeholder, prepare_own_picture
from facilitator.ui.presenter.participant_view import ScreenDrawing
from facilitator.ui.print_dialog import PrintDialog
from tests.pictures.hostile import (
    EXPECTED,
    REFUSED,
    SECRET_COLOUR,
    hostile_pictures,
    measured,
    pixels_near,
    plant_secret,
)

MOST_SECONDS = 10.0
MOST_MB = 400


@pytest.fixture(scope="module")
def secret(tmp_path_factory):
    return plant_secret(tmp_path_factory.mktemp("beside") / "secret")


@pytest.fixture(scope="module")
def cases(secret):
    return hostile_pictures(secret.parent)


@pytest.fixture(autouse=True)
def work_beside_the_secret(secret, monkeypatch, qapp):
    monkeypatch.chdir(secret)  # "../secret.png" reaches the secret from here, for Qt as for svglib


def as_pil(image: QImage) -> Image.Image:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGB")


def kept_before_the_gate(library, raw: bytes, name: str) -> str:
    return library.add_picture(OwnPicture(picture_id(raw), name, sniff_format(raw) or "png", raw)).ref


@pytest.fixture
def every_case(library, cases):
    """The library holding every case, and a workshop with an agenda item for each."""
    refs = {name: kept_before_the_gate(library, raw, name) for name, raw in cases.items()}
    workshop = library.add_workshop(Workshop("Pictures", agenda=[AgendaItem(n, picture=r) for n, r in refs.items()]))
    return refs, workshop


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_picture_store_draws_each_case_or_the_placeholder(library, cases, name):
    ref = kept_before_the_gate(library, cases[name], name)
    store = PictureStore(PictureCatalogue.load(), library)
    with measured() as took:
        image = store.pixmap(ref, 96).toImage()
    assert took.seconds < MOST_SECONDS
    assert took.peak_mb < MOST_MB
    is_placeholder = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied) == placeholder(96)
    assert is_placeholder == (EXPECTED[name] == REFUSED)
    assert (store.problem(ref) is not None) == (EXPECTED[name] == REFUSED)
    assert pixels_near([as_pil(image)], SECRET_COLOUR) == 0


def test_the_slides_draw_every_case_and_show_nothing_from_outside(library, every_case):
    _refs, workshop = every_case
    drawing = ScreenDrawing(PictureStore(PictureCatalogue.load(), library).pixmap)
    screens = workshop_screens(library.load_workshop(workshop.id))
    assert len(screens) == len(EXPECTED) + 2
    with measured() as took:
        images = []
        for screen in screens:
            drawing.set_screen(screen)
            images.append(as_pil(drawing.image(640, 360)))
    assert took.seconds < MOST_SECONDS
    assert took.peak_mb < MOST_MB
    assert pixels_near(images, SECRET_COLOUR) == 0


def test_the_window_shows_every_case_and_says_which_fail(qtbot, library, every_case, window_on):
    refs, workshop = every_case
    with measured() as took:
        window = window_on(library)
        window.select_workshop(workshop.id)
        cards = window.page.planner.cards
        shots = []
        for row in range(cards.model().rowCount()):  # every card, scrolled into view and painted
            cards.scrollTo(cards.model().index(row, 0))
            shots.append(as_pil(window.grab().toImage()))
    assert took.seconds < MOST_SECONDS
    assert took.peak_mb < MOST_MB
    assert pixels_near(shots, SECRET_COLOUR) == 0
    failing = {name for name, ref in refs.items() if window.pictures.problem(ref)}
    assert failing == {name for name, outcome in EXPECTED.items() if outcome == REFUSED}


def test_the_print_preview_says_which_pictures_were_left_out(qtbot, library, every_case):
    refs, workshop = every_case
    dialog = PrintDialog(library, PictureStore(PictureCatalogue.load(), library).catalogue, workshop, None)
    qtbot.addWidget(dialog)
    with measured() as took:
        dialog.wait_for_pages(timeout=60)
    assert took.seconds < MOST_SECONDS * 2
    refused = [name for name in refs if EXPECTED[name] == REFUSED]
    status = dialog.status.text()
    assert f"{len(refused)} pictures could not be drawn and were left out: {', '.join(refused)}." in status
    assert dialog.built.data and dialog.save_button.isEnabled()


def test_add_your_own_picture_takes_a_108_megapixel_photo_made_smaller(cases, tmp_path):
    path = tmp_path / "phone photo.jpg"
    path.write_bytes(cases["jpeg-108-megapixels"])
    with measured() as took:
        picture = prepare_own_picture(path)
    assert took.peak_mb < MOST_MB
    assert picture.format == "jpeg"
    assert Image.open(io.BytesIO(picture.data)).size == (1600, 1200)


@pytest.mark.parametrize("name", ["png-bomb", "png-truncated", "svg-billion-laughs"])
def test_add_your_own_picture_refuses_what_cannot_be_made_safe(cases, tmp_path, name):
    path = tmp_path / f"{name}.picture"
    path.write_bytes(cases[name])
    with pytest.raises(PictureRefused):
        prepare_own_picture(path)


def test_openmoji_pictures_are_drawn_the_same_after_the_gate():
    catalogue = PictureCatalogue.load()
    stems = sorted(catalogue.openmoji.stems())[::400]

    def drawn(data: bytes) -> bytes:
        image = QImage(64, 64, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        QSvgRenderer(QByteArray(data)).render(painter, QRectF(0, 0, 64, 64))
        painter.end()
        return bytes(image.constBits())

    for stem in stems:
        data = catalogue.openmoji.path(stem).read_bytes()
        assert drawn(safe_picture(data).data) == drawn(data), stem


@pytest.fixture
def window_on(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from facilitator.ui.settings import Preferences
    from tests.ui.conftest import speaking_window

    made = []

    def make(library):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        made.append(speaking_window(qtbot, library, Preferences(settings)))
        return made[-1]

    yield make
    for window in made:
        window.close()


def test_the_check_sees_the_secret_when_it_really_is_drawn(library, secret):
    from facilitator.pictures.own import own_picture

    shown = library.add_picture(own_picture((secret.parent / "secret.png").read_bytes(), "shown on purpose"))
    image = PictureStore(PictureCatalogue.load(), library).pixmap(shown.ref, 96).toImage()
    assert pixels_near([as_pil(image)], SECRET_COLOUR) > 1000
