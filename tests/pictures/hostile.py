"""Hostile and unlucky pictures, made here, and a secret beside them that no output may ever show.

``plant_secret(folder)`` writes files an SVG might reach for: a text file with
``MARKER`` in it, a PNG, an SVG and a style sheet, all in ``SECRET_COLOUR``.
``hostile_pictures(folder)`` makes every case, each pointing at that folder
in every way an SVG can (relative with ``../``, absolute, ``file://``), with
``EXPECTED`` saying what the gate must do with each. ``measured()`` gives the
time and the peak growth of this process's memory (Linux's VmHWM, reset
before the case) of what runs inside it.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import io
import struct
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

MARKER = "SECRET-MARKER-5d1e9a"
SECRET_COLOUR = (13, 237, 101)
KEPT, REFUSED = "kept", "refused"

# What the gate does with each case: a cleaned or smaller picture is kept; a picture that cannot be made safe
# is refused with a plain message.
EXPECTED = {
    "svg-billion-laughs": REFUSED,
    "svg-use-cycles": KEPT,
    "svg-use-chain": REFUSED,
    "svg-outside-files": KEPT,
    "svg-devices-and-web": KEPT,
    "svg-entities": KEPT,
    "svg-entity-laughs": REFUSED,
    "svg-nan-sizes": KEPT,
    "svg-huge-sizes": KEPT,
    "svg-deep": REFUSED,
    "svg-embedded-bomb": KEPT,
    "png-truncated": REFUSED,
    "jpeg-truncated": REFUSED,
    "png-bomb": REFUSED,
    "jpeg-108-megapixels": KEPT,
    "gif-2000-frames": KEPT,
}


@dataclass
class Measure:
    seconds: float = 0.0
    peak_mb: float = 0.0


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])  # kB
    raise LookupError(field)


@contextlib.contextmanager
def measured():
    """Time and peak memory growth (MB) of the block; the peak is Linux's high-water mark, reset first."""
    found = Measure()
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to what is in use now
        before = _status("VmRSS")
    except OSError:
        before = None
    start = time.perf_counter()
    try:
        yield found
    finally:
        found.seconds = time.perf_counter() - start
        if before is not None:
            found.peak_mb = (_status("VmHWM") - before) / 1024


def pixels_near(images, colour, within: int = 3) -> int:
    """How many pixels of the (RGB) Pillow ``images`` are within ``within`` of ``colour`` in every channel."""
    from PIL import ImageChops

    count = 0
    for image in images:
        bands = [band.point(lambda v, c=c: 255 if abs(v - c) <= within else 0)
                 for band, c in zip(image.convert("RGB").split(), colour)]
        both = ImageChops.multiply(ImageChops.multiply(bands[0], bands[1]), bands[2])
        count += both.histogram()[255]
    return count


def plant_secret(folder: Path) -> Path:
    """The secret files, in ``folder``; a subfolder to work in, so ``../secret.png`` reaches them."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "secret.txt").write_text(MARKER + "\n", encoding="utf-8")
    Image.new("RGB", (8, 8), SECRET_COLOUR).save(folder / "secret.png")
    colour = "#{:02x}{:02x}{:02x}".format(*SECRET_COLOUR)
    (folder / "secret.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect id="g" width="10" height="10" '
        f'fill="{colour}"/><linearGradient id="paint"><stop offset="0" stop-color="{colour}"/></linearGradient>'
        f"<text>{MARKER}</text></svg>", encoding="utf-8")
    (folder / "secret.css").write_text(f"rect {{ fill: {colour} }} /* {MARKER} */", encoding="utf-8")
    inside = folder / "work"
    inside.mkdir(exist_ok=True)
    return inside


def hostile_pictures(secret_folder: Path) -> dict[str, bytes]:
    """Every case by name (see ``EXPECTED``)."""
    s = secret_folder.resolve()
    head = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"'
    laughs = head + '><defs><rect id="a0" width="1" height="1" fill="#123456"/>'
    for level in range(1, 11):
        laughs += f'<g id="a{level}">' + f'<use xlink:href="#a{level - 1}"/>' * 10 + "</g>"
    laughs += '</defs><use xlink:href="#a10"/></svg>'
    chain = head + '><rect id="u0" width="1" height="1"/>' + "".join(
        f'<g id="u{n}"><use href="#u{n - 1}"/><use href="#u{n - 1}" x="1"/></g>' for n in range(1, 40)) + "</svg>"
    return {
        "svg-billion-laughs": laughs.encode(),
        "svg-use-cycles": (
            head + '><g id="a"><use href="#b"/><rect width="50" height="50" fill="#223366"/></g>'
            '<g id="b"><use xlink:href="#a"/></g><use id="me" href="#me"/><g id="c"><use href="#c"/></g>'
            '<linearGradient id="p" href="#q"/><linearGradient id="q" xlink:href="#p"/>'
            '<rect x="50" width="50" height="50" fill="url(#p)" clip-path="url(#k)"/>'
            '<clipPath id="k"><use href="#k"/><rect width="100" height="100"/></clipPath></svg>').encode(),
        "svg-use-chain": chain.encode(),
        "svg-outside-files": (
            head + ' onload="alert(1)">'
            '<image xlink:href="../secret.png" width="100" height="100"/>'
            f'<image href="{s}/secret.png" width="100" height="100"/>'
            f'<image href="file://{s}/secret.png" width="100" height="100"/>'
            '<image href="../secret.svg" width="100" height="100"/>'
            f'<use xlink:href="{s}/secret.svg#g"/><use href="../secret.svg#g"/>'
            f'<rect width="100" height="100" style="fill:url({s}/secret.svg#paint)" stroke="url(../secret.svg#paint)"/>'
            f'<style>@import url("{s}/secret.css");</style><style>rect {{ fill: url(file://{s}/secret.svg#paint) }}</style>'
            f'<filter id="f"><feImage href="{s}/secret.png"/></filter><g filter="url(#f)"><rect width="9" height="9"/></g>'
            '<script>document.write("x")</script><foreignObject width="100" height="100">'
            f'<iframe xmlns="http://www.w3.org/1999/xhtml" src="file://{s}/secret.txt"/></foreignObject>'
            f'<a href="file://{s}/secret.txt"><rect width="20" height="20" fill="#445566"/></a>'
            '<circle cx="50" cy="50" r="20" fill="#3366aa" onclick="steal()"/></svg>').encode(),
        "svg-devices-and-web": (
            head + '><image xlink:href="../../etc/passwd" width="100" height="100"/>'
            '<image href="/etc/hostname" width="100" height="100"/>'
            '<image href="file:///dev/zero" width="100" height="100"/>'
            '<image xlink:href="/dev/urandom" width="100" height="100"/>'
            '<image href="http://example.invalid/picture.png" width="100" height="100"/>'
            '<use href="https://example.invalid/a.svg#x"/>'
            '<rect width="100" height="100" fill="#552244"/></svg>').encode(),
        "svg-entities": (
            f'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY secret SYSTEM "file://{s}/secret.txt">'
            '<!ENTITY web SYSTEM "http://example.invalid/x.txt"><!ENTITY % remote SYSTEM "../secret.txt">]>'
            + head + '><text x="10" y="50" font-size="10">&secret;&web; hello</text>'
            '<rect width="30" height="30" fill="#335577"/></svg>').encode(),
        "svg-entity-laughs": (
            '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaaaaaaaa">'
            + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 16}">' for n in range(8))
            + ']>' + head + ' class="&i;"><text>&i;</text></svg>').encode(),
        "svg-nan-sizes": (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="NaN" height="-Infinity" viewBox="0 0 NaN 10">'
            b'<rect x="nan" width="inf" height="10" fill="#224466"/><rect width="10" height="10" fill="#446688"/>'
            b'<circle r="-5"/></svg>'),
        "svg-huge-sizes": (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="1e308" height="99999999999" viewBox="0 0 1e300 1e300">'
            b'<rect width="1e30" height="1e30" stroke-width="1e30" stroke="#000"/>'
            b'<path d="M0 0 L 1e999 5 Z" stroke="#000"/><rect width="10" height="10" fill="#667722"/></svg>'),
        "svg-deep": (head + ">" + "<g>" * 5000 + "</g>" * 5000 + "</svg>").encode(),
        "svg-embedded-bomb": (
            head + '><image width="100" height="100" href="data:image/png;base64,'
            + base64.b64encode(png_bomb()).decode() + '"/><rect width="10" height="10" fill="#775533"/></svg>').encode(),
        "png-truncated": _png_photo()[:300],
        "jpeg-truncated": jpeg_photo()[: len(jpeg_photo()) // 2],
        "png-bomb": png_bomb(),
        "jpeg-108-megapixels": big_photo(),
        "gif-2000-frames": many_frames(),
    }


@functools.cache
def png_bomb(width: int = 20000, height: int = 20000) -> bytes:
    """A whole, valid one-colour PNG of ``width`` x ``height`` pixels in a few tens of KB."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    row = b"\0" * (1 + (width + 7) // 8)  # one bit a pixel: each row a filter byte and the bits
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(row * 500) for _ in range(height // 500)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@functools.cache
def _png_photo() -> bytes:
    image = Image.new("RGB", (200, 150), (40, 90, 160))
    ImageDraw.Draw(image).ellipse((20, 20, 180, 130), fill=(200, 120, 40))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@functools.cache
def jpeg_photo() -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(_png_photo())).save(out, "JPEG", quality=90)
    return out.getvalue()


@functools.cache
def big_photo(width: int = 12000, height: int = 9000) -> bytes:
    """A whole, valid 108-megapixel JPEG, as a phone takes (about 2 MB of a simple scene)."""
    image = Image.linear_gradient("L").resize((width // 8, height // 8)).convert("RGB")
    ImageDraw.Draw(image).ellipse((width // 40, height // 40, width // 12, height // 12), fill=(200, 60, 40))
    image = image.resize((width, height), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


@functools.cache
def many_frames(count: int = 2000) -> bytes:
    """An animated GIF of ``count`` frames, each different."""
    frames = [Image.new("P", (48, 48), n % 200) for n in range(count)]
    for n, frame in enumerate(frames):
        ImageDraw.Draw(frame).rectangle((n % 40, 0, n % 40 + 8, 47), fill=(n + 100) % 256)
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=20, loop=0)
    return out.getvalue()
