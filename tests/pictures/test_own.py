"""The facilitator's own photos and pictures: checked before the library keeps them."""

from __future__ import annotations

import hashlib

import pytest

from facilitator.pictures import own
from facilitator.pictures.own import (
    OWN_PREFIX,
    OwnPicture,
    PictureRefused,
    own_picture,
    picture_id,
    read_own_picture,
    sniff_format,
)
from tests.pictures import GIF, JPEG, SVG, WEBP, tiny_png

NOT_A_PICTURE = (
    "This file is not a picture the app can use. Use a photo or picture saved as PNG, JPEG, GIF, WebP or SVG."
)


# -- telling the format from the bytes -------------------------------------------------------


@pytest.mark.parametrize(
    "data, kind",
    [
        (tiny_png(), "png"),
        (JPEG, "jpeg"),
        (GIF, "gif"),
        (GIF.replace(b"GIF87a", b"GIF89a", 1), "gif"),
        (WEBP, "webp"),
        (SVG, "svg"),
    ],
)
def test_sniff_format_knows_real_pictures(data, kind):
    assert sniff_format(data) == kind
    assert kind in own.FORMATS


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"/>',
        b'\xef\xbb\xbf<?xml version="1.0"?><svg/>',
        b"\n\n   <!-- made by hand -->\n<svg></svg>",
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>',
        b"<SVG></SVG>",
    ],
)
def test_sniff_format_knows_svg_written_in_different_ways(svg):
    assert sniff_format(svg) == "svg"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"Just some words about the bus\n",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"PK\x03\x04\x14\x00\x06\x00",  # a Word document (zip)
        b'<?xml version="1.0"?><note>not a picture</note>',
        b"<!-- a comment --><html><body>hello</body></html>",
        b"RIFF\x24\x00\x00\x00WAVEfmt ",  # a sound, not a WebP
        tiny_png()[:7],  # cut short before the PNG signature ends
        b"\x89PNG",
        b"GIF88a",
    ],
)
def test_sniff_format_refuses_what_is_not_a_picture(data):
    assert sniff_format(data) is None


# -- checking a picture --------------------------------------------------------------------


def test_own_picture_keeps_the_bytes_name_and_format():
    data = tiny_png()
    picture = own_picture(data, "The bus stop")
    assert picture == OwnPicture(picture_id(data), "The bus stop", "png", data)
    assert picture.ref == OWN_PREFIX + picture.id == "own:" + picture.id


def test_the_id_comes_from_the_content():
    data = tiny_png()
    assert own_picture(data, "one").id == own_picture(bytes(data), "another name").id
    assert own_picture(tiny_png(1, 2, 3), "one").id != own_picture(data, "one").id
    assert picture_id(data) == hashlib.sha256(data).hexdigest()[:24]
    assert len(picture_id(data)) == 24


def test_the_id_fits_the_exchange_files_id_pattern():
    from facilitator.core.exchange import ID_PATTERN

    assert ID_PATTERN.fullmatch(own_picture(JPEG, "x").id)


@pytest.mark.parametrize("data, kind", [(JPEG, "jpeg"), (GIF, "gif"), (WEBP, "webp"), (SVG, "svg")])
def test_own_picture_takes_every_format(data, kind):
    assert own_picture(data, "x").format == kind


def test_the_name_is_tidied_and_never_blank():
    assert own_picture(GIF, "  Our \n  hall\t ").name == "Our hall"
    assert own_picture(GIF, "").name == "My picture"
    assert own_picture(GIF, " \t\n").name == "My picture"
    assert own_picture(GIF, "x" * 500).name == "x" * 200


def test_an_empty_file_is_refused():
    with pytest.raises(PictureRefused) as caught:
        own_picture(b"", "empty")
    assert str(caught.value) == "The file is empty, so it has no picture in it."


@pytest.mark.parametrize(
    "data",
    [
        b"Minutes of the meeting\n",
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    ],
)
def test_a_file_that_is_not_a_picture_is_refused(data):
    with pytest.raises(PictureRefused) as caught:
        own_picture(data, "notes")
    assert str(caught.value) == NOT_A_PICTURE


def test_a_picture_that_is_too_big_is_refused(monkeypatch):
    monkeypatch.setattr(own, "MAX_BYTES", 3 * 1024 * 1024)
    data = tiny_png() + b"\0" * (3 * 1024 * 1024)
    with pytest.raises(PictureRefused) as caught:
        own_picture(data, "huge")
    assert str(caught.value) == "The picture is 4 MB; the most is 3 MB. Make it smaller and try again."


def test_a_picture_of_exactly_the_most_bytes_is_taken(monkeypatch):
    data = tiny_png()
    monkeypatch.setattr(own, "MAX_BYTES", len(data))
    assert own_picture(data, "just right").data == data
    monkeypatch.setattr(own, "MAX_BYTES", len(data) - 1)
    with pytest.raises(PictureRefused):
        own_picture(data, "one byte too many")


def test_the_most_is_twenty_megabytes():
    assert own.MAX_BYTES == 20 * 1024 * 1024


def test_a_refusal_is_a_value_error():
    assert issubclass(PictureRefused, ValueError)


# -- reading a picture file ---------------------------------------------------------------------


def test_read_own_picture_reads_the_file_and_names_it_after_the_file(tmp_path):
    path = tmp_path / "bus_stop-on High Street.png"
    path.write_bytes(tiny_png())
    picture = read_own_picture(path)
    assert picture == own_picture(tiny_png(), "bus stop on High Street")
    assert read_own_picture(str(path)) == picture


def test_the_name_of_a_file_keeps_inner_dots(tmp_path):
    path = tmp_path / "room.2.jpg"
    path.write_bytes(JPEG)
    assert read_own_picture(path).name == "room.2"


def test_the_format_comes_from_the_bytes_not_the_ending(tmp_path):
    path = tmp_path / "photo.png"
    path.write_bytes(JPEG)
    assert read_own_picture(path).format == "jpeg"
    text = tmp_path / "notes.png"
    text.write_text("not really a picture", encoding="utf-8")
    with pytest.raises(PictureRefused, match="not a picture"):
        read_own_picture(text)


def test_a_missing_file_is_refused_naming_it(tmp_path):
    path = tmp_path / "gone.png"
    with pytest.raises(PictureRefused) as caught:
        read_own_picture(path)
    message = str(caught.value)
    assert message.startswith(f"The file {path} cannot be read (")
    assert "No such file" in message


def test_a_folder_is_refused_naming_it(tmp_path):
    folder = tmp_path / "photos.png"
    folder.mkdir()
    with pytest.raises(PictureRefused) as caught:
        read_own_picture(folder)
    assert str(folder) in str(caught.value)
    assert "cannot be read" in str(caught.value)


def test_an_empty_picture_file_is_refused(tmp_path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    with pytest.raises(PictureRefused, match="empty"):
        read_own_picture(path)


def test_a_file_too_big_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(own, "MAX_BYTES", 2 * 1024 * 1024)
    path = tmp_path / "huge.png"
    path.write_bytes(tiny_png() + b"\0" * (5 * 1024 * 1024))

    def no_reading(self):
        raise AssertionError("a file that is too big should not be read")

    monkeypatch.setattr(type(path), "read_bytes", no_reading)
    with pytest.raises(PictureRefused) as caught:
        read_own_picture(path)
    assert str(caught.value) == "The picture is 6 MB; the most is 2 MB. Make it smaller and try again."
