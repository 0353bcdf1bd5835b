"""Hostile pictures made here, each added as an own picture and imported inside a workshop file.

Each finishes in seconds with bounded memory, is either kept made safe or refused with a plain message,
and nothing from outside the file (the secret planted beside it, devices, the web) is ever in what is kept.
The same pictures are printed in tests/printing/test_hostile_pictures.py and drawn in
tests/ui/test_hostile_pictures.py.
"""

from __future__ import annotations

import base64
import json

import pytest
from lxml import etree

from facilitator.core import exchange
from facilitator.core.model import AgendaItem, Workshop
from facilitator.pictures.kinds import sniff_format
from facilitator.pictures.own import OwnPicture, PictureRefused, own_picture, picture_id
from tests.pictures.hostile import EXPECTED, KEPT, MARKER, REFUSED, hostile_pictures, measured, plant_secret

MOST_SECONDS = 5.0
MOST_MB = 300


@pytest.fixture(scope="module")
def secret(tmp_path_factory):
    return plant_secret(tmp_path_factory.mktemp("beside") / "secret")


@pytest.fixture(scope="module")
def cases(secret):
    return hostile_pictures(secret.parent)


@pytest.fixture(autouse=True)
def work_beside_the_secret(secret, monkeypatch):
    monkeypatch.chdir(secret)  # "../secret.png" reaches the secret from here


def assert_nothing_from_outside(data: bytes, secret) -> None:
    assert MARKER.encode() not in data
    assert str(secret.parent).encode() not in data
    plain = data.replace(b'xmlns="http://www.w3.org/2000/svg"', b"").replace(
        b'xmlns:xlink="http://www.w3.org/1999/xlink"', b"")  # the two names every SVG is written in
    for outside in (b"file:", b"http", b"/etc/", b"/dev/", b"secret", b"../"):
        assert outside not in plain
    if sniff_format(data) == "svg":
        for element in etree.fromstring(data).iter():
            for key, value in element.attrib.items():
                if key.endswith("href"):
                    assert value.startswith(("#", "data:image/png;base64,", "data:image/jpeg;base64,"))


def assert_plain(message: str) -> None:
    assert message.endswith(".")
    assert "Traceback" not in message and "Error" not in message and "None" not in message
    assert len(message) < 300


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_added_as_an_own_picture(cases, secret, name):
    with measured() as took:
        try:
            picture = own_picture(cases[name], name)
            outcome = KEPT
        except PictureRefused as refusal:
            outcome = REFUSED
            assert_plain(str(refusal))
    assert outcome == EXPECTED[name]
    assert took.seconds < MOST_SECONDS
    assert took.peak_mb < MOST_MB
    if outcome == KEPT:
        assert_nothing_from_outside(picture.data, secret)
        assert own_picture(picture.data, name) == picture  # what is kept passes the gate unchanged


def test_a_big_phone_photo_is_kept_smaller(cases):
    import io

    from PIL import Image

    picture = own_picture(cases["jpeg-108-megapixels"], "The hall")
    assert picture.format == "jpeg"
    assert Image.open(io.BytesIO(picture.data)).size == (1600, 1200)


def workshop_file(tmp_path, raw: bytes, name: str):
    """A workshop file as an older app or a hostile hand would write it: the picture's bytes as they are."""
    kind = sniff_format(raw) or "png"
    picture = OwnPicture(picture_id(raw), name, kind, raw)
    workshop = Workshop("Pictures", agenda=[AgendaItem("Look", picture=picture.ref), AgendaItem("Tea")])
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(exchange.workshop_document(workshop, None, [picture])), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_imported_inside_a_workshop_file(cases, secret, name, tmp_path, library):
    path = workshop_file(tmp_path, cases[name], name)
    with measured() as took:
        result = exchange.read_workshop_file(path)  # the workshop always comes in; a bad picture is left out
    left_out = [note for note in result.notes if "left out" in note]
    outcome = REFUSED if left_out else KEPT
    assert outcome == EXPECTED[name]
    assert took.seconds < MOST_SECONDS
    assert took.peak_mb < MOST_MB
    workshop = exchange.import_into(library, result)
    if outcome == REFUSED:
        (note,) = left_out
        assert note.startswith(f"Picture 1 ({name}) could not be used and was left out: ")
        assert_plain(note)
        assert library.picture_names() == {}
        assert workshop.agenda[0].picture.startswith("own:")  # a dashed frame shows where it was
    if outcome == KEPT:
        kept = library.picture(workshop.agenda[0].picture.removeprefix("own:"))
        assert kept is not None
        assert kept.data == own_picture(cases[name], name).data
        assert_nothing_from_outside(kept.data, secret)
        assert base64.b64encode(cases[name]).decode() not in json.dumps(exchange.workshop_document(
            workshop, None, [kept]))
