"""The one gate: photos checked by their bytes within pixel limits, SVGs reduced to what draws."""

from __future__ import annotations

import base64
import io
import re

import pytest
from lxml import etree
from PIL import Image

from facilitator.pictures import drawings, photos
from facilitator.pictures.kinds import PictureRefused
from facilitator.pictures.openmoji import svg_folder
from facilitator.pictures.safe import SafePictures, safe_picture
from tests.pictures import GIF, JPEG, SVG, WEBP, tiny_png
from tests.pictures.hostile import many_frames, png_bomb

NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def saved(image: Image.Image, kind: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def cleaned(svg: str) -> etree._Element:
    return etree.fromstring(safe_picture(svg.encode()).data)


def hrefs(root) -> list[str]:
    return [v for e in root.iter() for k, v in e.attrib.items() if k.endswith("href")]


# -- photos ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("data, kind", [(tiny_png(), "png"), (JPEG, "jpeg"), (GIF, "gif"), (WEBP, "webp")])
def test_a_small_still_photo_keeps_its_own_bytes(data, kind):
    assert safe_picture(data).format == kind
    assert safe_picture(data).data == data


def test_a_big_picture_is_made_smaller_not_refused():
    wide = saved(Image.new("RGB", (4000, 1000), (10, 120, 200)), "PNG")
    safe = safe_picture(wide)
    assert safe.format == "png"
    assert opened(safe.data).size == (1600, 400)


def test_a_big_jpeg_photo_is_made_smaller_and_stands_the_way_it_was_taken():
    photo = Image.new("RGB", (3200, 2400), (200, 100, 50))
    exif = photo.getexif()
    exif[0x0112] = 6  # the phone was held on its side
    safe = safe_picture(saved(photo, "JPEG", exif=exif))
    assert safe.format == "jpeg"
    assert opened(safe.data).size == (1200, 1600)


def test_a_moving_gif_keeps_only_its_first_picture():
    safe = safe_picture(many_frames(300))
    assert safe.format == "png"
    still = opened(safe.data)
    assert not getattr(still, "is_animated", False)
    assert still.size == (48, 48)


@pytest.mark.parametrize("mode", ["CMYK", "I;16"])
def test_an_unusual_colour_mode_is_made_again_plainly(mode):
    kind = "JPEG" if mode == "CMYK" else "PNG"
    safe = safe_picture(saved(Image.new(mode, (20, 10)), kind))
    assert opened(safe.data).mode in ("RGB", "L")
    assert opened(safe.data).size == (20, 10)


def test_a_png_claiming_too_many_pixels_is_refused_from_its_header_alone(monkeypatch):
    def no_decoding(self):
        raise AssertionError("nothing should be decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    with pytest.raises(PictureRefused) as caught:
        safe_picture(png_bomb())
    assert str(caught.value) == "This picture has too many pixels to use. The most is 30 million. Make it smaller and try again."


def test_a_jpeg_claiming_200_million_pixels_is_refused():
    small = saved(Image.new("RGB", (16, 16)), "JPEG")
    start = small.index(b"\xff\xc0") + 5  # the frame header: precision, then height and width
    claims = small[:start] + (12000).to_bytes(2, "big") + (16500).to_bytes(2, "big") + small[start + 4:]
    with pytest.raises(PictureRefused, match="too many pixels"):
        safe_picture(claims)


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_a_photo_cut_short_is_refused_as_damaged(cut):
    photo = saved(Image.effect_noise((300, 200), 60).convert("RGB"), "JPEG")
    with pytest.raises(PictureRefused, match="cannot be read. It may be damaged or cut short"):
        safe_picture(photo[: int(len(photo) * cut)])


def test_the_format_is_told_by_the_bytes_and_pillow_reads_only_that_format():
    png_pretending = b"\x89PNG\r\n\x1a\n" + JPEG  # a PNG signature in front of a JPEG
    with pytest.raises(PictureRefused):
        safe_picture(png_pretending)


def test_the_limits_are_the_ones_documented():
    assert photos.LARGEST_SIDE == 1600
    assert photos.JPEG_MOST_PIXELS >= 108_000_000
    assert drawings.MOST_DRAWN == 50_000


# -- drawings -------------------------------------------------------------------------------------


def test_scripts_events_foreign_objects_and_outside_links_are_left_out():
    root = cleaned(
        f'<svg {NS} width="10" height="10" onload="x()"><script>x()</script><foreignObject/>'
        '<rect width="5" height="5" onclick="x()" fill="url(#g)"/><linearGradient id="g"/>'
        '<a href="https://example.org"><circle r="2"/></a><animate attributeName="r"/>'
        '<use href="other.svg#x"/><use xlink:href="#g"/></svg>')
    names = [etree.QName(e).localname for e in root.iter()]
    assert names == ["svg", "rect", "linearGradient", "g", "circle", "use"]
    assert not any(k.startswith("on") for e in root.iter() for k in e.attrib)
    assert root[0].get("fill") == "url(#g)"
    assert hrefs(root) == ["#g"]


def test_styles_keep_what_fetches_nothing():
    root = cleaned(
        f'<svg {NS} width="10" height="10"><style>@import url(a.css);</style><style>rect {{ fill: red }}</style>'
        '<rect style="fill:url(a.svg#p);stroke:blue;stroke-width:2" width="1" height="1"/>'
        '<rect style="fill:u\\72l(a.svg)" width="1" height="1"/></svg>')
    styles = [e.text for e in root if etree.QName(e).localname == "style"]
    assert styles == ["rect { fill: red }"]
    rects = [e for e in root if etree.QName(e).localname == "rect"]
    assert rects[0].get("style") == "stroke:blue;stroke-width:2"
    assert rects[1].get("style") is None


def test_a_photo_inside_a_drawing_is_kept_only_when_it_passes_the_gate():
    def image(href: str) -> str:
        return f'<image width="4" height="4" href="{href}"/>'

    gif = "data:image/gif;base64," + base64.b64encode(GIF).decode()
    png = "data:image/png;base64," + base64.b64encode(tiny_png()).decode()
    bomb = "data:image/png;base64," + base64.b64encode(png_bomb()).decode()
    inner_svg = "data:image/svg+xml;base64," + base64.b64encode(SVG).decode()
    root = cleaned(f'<svg {NS} width="10" height="10">' + "".join(
        image(h) for h in (png, gif, bomb, inner_svg, "secret.png", "data:image/png;base64,!!!")) + "</svg>")
    kept = hrefs(root)
    assert len(kept) == 2
    assert kept[0] == png
    assert kept[1].startswith("data:image/png;base64,")  # the GIF made again as a PNG, which every renderer reads
    assert opened(base64.b64decode(kept[1].split(",", 1)[1])).size == (1, 1)


def test_use_in_a_circle_is_left_out_and_the_rest_drawn():
    root = cleaned(f'<svg {NS} width="10" height="10"><g id="a"><use href="#b"/><rect width="1" height="1"/></g>'
                   '<g id="b"><use href="#a"/></g><use id="me" href="#me"/></svg>')
    assert hrefs(root) == ["#b"]
    assert len(root.findall(".//{http://www.w3.org/2000/svg}rect")) == 1


def test_use_that_repeats_too_much_is_refused_and_a_long_plain_chain_is_not():
    chain = "".join(f'<g id="u{n}"><use href="#u{n - 1}"/></g>' for n in range(1, 10_000))
    root = cleaned(f'<svg {NS} width="10" height="10"><defs><rect id="u0" width="1" height="1"/>{chain}</defs>'
                   '<use href="#u9999"/></svg>')
    assert len(hrefs(root)) == 10_000
    # Each of those groups drawn where it stands would draw the whole chain again: 50 million parts.
    with pytest.raises(PictureRefused, match="repeats its parts too many times"):
        safe_picture(f'<svg {NS}><rect id="u0"/>{chain}</svg>'.encode())
    doubling = "".join(f'<g id="u{n}"><use href="#u{n - 1}"/><use href="#u{n - 1}"/></g>' for n in range(1, 17))
    with pytest.raises(PictureRefused, match="repeats its parts too many times"):
        safe_picture(f'<svg {NS}><rect id="u0"/>{doubling}</svg>'.encode())


@pytest.mark.parametrize(
    "size, expected",
    [
        ('width="NaN" height="inf"', ("100", "100")),
        ('width="-5" height="0"', ("100", "100")),
        ('width="1e308" height="1e308"', ("100", "100")),
        ('viewBox="0 0 72 36"', ("72", "36")),
        ('width="100%" viewBox="0 0 72 36"', ("72", "36")),
        ('width="50" viewBox="0 0 72 36"', ("50", "25")),
        ('viewBox="0 0 1e6 5e5"', ("20000", "10000")),
        ('viewBox="0 0 NaN 5" width="30" height="20"', ("30", "20")),
        ('width="10mm" height="2in"', ("10mm", "2in")),
    ],
)
def test_sizes_are_made_sane(size, expected):
    root = cleaned(f'<svg {NS} {size}><rect width="1" height="1"/></svg>')
    assert (root.get("width"), root.get("height")) == expected
    box = root.get("viewBox")
    assert box is None or all(re.fullmatch(r"[\d.e+]+", n) for n in box.split())


def test_numbers_that_are_not_numbers_are_left_out_of_the_parts():
    root = cleaned(f'<svg {NS} width="9" height="9"><rect x="nan" width="1e999" height="3" fill="#9e9999"/>'
                   '<path d="M0 0 L Infinity 1"/></svg>')
    (rect,) = root  # the path without its path data draws nothing, so it is left out
    assert dict(rect.attrib) == {"height": "3", "fill": "#9e9999"}


def test_entities_are_never_read_and_an_entity_namespace_still_works():
    root = cleaned('<!DOCTYPE svg [<!ENTITY ns "http://www.w3.org/2000/svg"><!ENTITY x SYSTEM "file:///etc/hostname">]>'
                   '<svg xmlns="&ns;" width="4" height="4"><text>&x;hi</text></svg>')
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root[0].text == "hi"


def test_a_drawing_without_a_namespace_is_written_in_the_svg_one():
    root = cleaned('<svg width="4" height="4"><rect width="1" height="1"/></svg>')
    assert [e.tag for e in root.iter()] == ["{http://www.w3.org/2000/svg}svg", "{http://www.w3.org/2000/svg}rect"]


@pytest.mark.parametrize("text", [
    '<?xml version="1.0"?><html><body><svg/></body></html>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * 300 + "</g>" * 300 + "</svg>",
])
def test_what_is_not_a_whole_drawing_is_refused(text):
    with pytest.raises(PictureRefused, match="cannot be read"):
        safe_picture(text.encode())


def test_cleaning_a_cleaned_drawing_changes_nothing_and_openmoji_comes_through_whole():
    for path in sorted(svg_folder().glob("*.svg"))[::150]:
        once = safe_picture(path.read_bytes()).data
        assert safe_picture(once).data == once
        source = etree.fromstring(path.read_bytes())
        shapes = [etree.QName(e).localname for e in source.iter() if etree.QName(e).localname != "title"]
        assert [etree.QName(e).localname for e in etree.fromstring(once).iter()] == shapes, path.name


# -- kept for drawing ---------------------------------------------------------------------------


def test_safe_pictures_reads_and_checks_each_picture_once_and_remembers_failures():
    reads = []
    kept = SafePictures(most=2)

    def reader(data):
        return lambda: reads.append(1) or data

    assert kept.get("a", reader(tiny_png())).data == tiny_png()
    assert kept.get("a", reader(b"other")).data == tiny_png()
    assert kept.get("bad", reader(b"\x89PNG\r\n\x1a\nbroken")) is None
    assert "cannot be read" in kept.reasons["bad"]
    assert len(reads) == 2
    kept.get("c", reader(GIF))  # the oldest ("a") is let go: at most two are kept
    kept.get("a", reader(tiny_png()))
    assert len(reads) == 4
