"""``facilitator slides``: every participant screen of a workshop saved as a PNG, exactly as projected.

For a preview before the day, and for people who could not come. The pictures
are drawn by the same code as the live participant view. The screens are painted
here, on the one thread Qt paints on; their PNGs are made and written on worker
threads meanwhile (about 70 ms a slide before issue 27, now under 30: see
benchmarks/slides.py).
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
import sys
import unicodedata
import zlib
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from facilitator.i18n import _

SMALLEST = (320, 180)
LARGEST = (7680, 4320)
MOST_WRITERS = 4  # PNGs made at once, at most (fewer on a computer with fewer cores)
MOST_WAITING_BYTES = 256 * 1024 * 1024  # painted screens waiting to be written, at most (one 8K screen is 132 MB)
ZLIB_LEVEL = 1  # the quickest; every level keeps every pixel
ROWS_AT_A_TIME = 64
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NO_FILTER = b"\x00"  # each row of a PNG starts with its filter


def parse_size(text: str) -> tuple[int, int]:
    """"1920x1080" as (1920, 1080); ValueError with a plain message when it is not a size we can draw."""
    found = re.fullmatch(r"\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*", text)
    if not found:
        raise ValueError(_("The size “{size}” should be width x height in pixels, like 1920x1080.").format(size=text))
    width, height = int(found.group(1)), int(found.group(2))
    if not (SMALLEST[0] <= width <= LARGEST[0] and SMALLEST[1] <= height <= LARGEST[1]):
        raise ValueError(
            _("The size {width}x{height} is not one we can draw: from {low} to {high}.").format(
                width=width, height=height, low="x".join(map(str, SMALLEST)), high="x".join(map(str, LARGEST))
            )
        )
    return width, height


def file_name(number: int, title: str) -> str:
    """"03-getting-to-know-each-other.png": the order, then the title in plain letters."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:48].rstrip("-")
    return f"{number:02d}-{slug or 'screen'}.png"


def slides_command(path: Path, output: Path, theme_key: str, size: str, text_size: str) -> int:
    from facilitator.cli import EXIT_PROBLEM, EXIT_USAGE, read_workshop_or_say

    try:
        width, height = parse_size(size)
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    result = read_workshop_or_say(path)
    if result is None:
        return EXIT_PROBLEM
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(_("Cannot make the folder {path}: {reason}.").format(path=output, reason=error.strerror), file=sys.stderr)
        return EXIT_PROBLEM
    written = render_slides(result, output, theme_key, (width, height), text_size)
    if written is None:
        return EXIT_PROBLEM
    print(_("Saved {count} screens to {folder}.").format(count=len(written), folder=output))
    return 0


def render_slides(result, output: Path, theme_key: str, size: tuple[int, int], text_size: str) -> list[Path] | None:
    """Draw every screen of an imported workshop into ``output``; the files written, or None on a problem.

    The screens are painted one after another here, each with the same picture store, so a picture is
    drawn once for the whole workshop; the PNGs are made and written by ``SlideWriter`` meanwhile.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is opened: a display is not needed
    from PySide6.QtGui import QGuiApplication

    from facilitator.core import exchange
    from facilitator.pictures.catalogue import PictureCatalogue
    from facilitator.session.run import Phase, TimerState
    from facilitator.session.screens import Kind, workshop_screens
    from facilitator.ui.fonts import add_own_fonts
    from facilitator.ui.pictures import PictureStore
    from facilitator.ui.presenter.participant_view import Look, ScreenDrawing

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    add_own_fonts()  # the words are drawn with the app's fonts, even on a computer with none
    written: list[Path] = []
    # The workshop's own pictures are read through a library, as in the app.
    with exchange.imported_for_a_while(result) as (library, workshop), SlideWriter(size) as writer:
        drawing = ScreenDrawing(PictureStore(PictureCatalogue.load(), library).pixmap)
        drawing.set_look(Look.chosen(theme_key, text_size, workshop.language))
        minutes = {item.id: item.minutes for item in workshop.agenda}
        for number, screen in enumerate(workshop_screens(workshop), start=1):
            drawing.set_screen(screen)
            # A break shows its countdown full, as the room sees it when the break begins.
            whole = minutes.get(screen.item_id, 0) * 60 if screen.kind is Kind.BREAK else 0
            drawing.timer = TimerState(whole, whole, Phase.RUNNING) if whole else None
            target = output / file_name(number, screen.title or screen.name)
            if not writer.save(drawing.image(*size), target):
                break  # one could not be written: the screens after it are not drawn
            written.append(target)
    del app
    if writer.failed is not None:
        target, reason = writer.failed
        if reason:
            print(_("Cannot write {path}: {reason}.").format(path=target, reason=reason), file=sys.stderr)
        else:
            print(_("Cannot write {path}.").format(path=target), file=sys.stderr)
        return None
    return written


class SlideWriter:
    """Makes and writes the PNGs of painted screens on worker threads, while the next screen is painted.

    Painting goes on while the screens waiting to be written fit in ``MOST_WAITING_BYTES``; then the
    next screen waits until the oldest is written.
    After a screen fails, no more are taken; ``failed`` is the first that failed, in the order they were
    given, with the reason (or "" when there is none to say).
    """

    def __init__(self, size: tuple[int, int], workers: int | None = None):
        workers = workers or min(MOST_WRITERS, os.cpu_count() or 1)
        screen_bytes = 4 * size[0] * size[1] * 2  # the painted screen, and its copy as a PNG is made
        self.most_waiting = max(1, min(workers + 1, MOST_WAITING_BYTES // screen_bytes))
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="slides")
        self._waiting: deque[tuple[Path, Future]] = deque()
        self.failed: tuple[Path, str] | None = None

    def save(self, image, target: Path) -> bool:
        """Write ``image`` to ``target`` soon; False once a screen has failed (this one is then not taken)."""
        while len(self._waiting) >= self.most_waiting and self.failed is None:
            self._finish_oldest()
        if self.failed is not None:
            return False
        self._waiting.append((target, self._pool.submit(write_png, image, target)))
        return True

    def finish(self) -> None:
        """Wait until every screen taken is written or has failed."""
        while self._waiting:
            self._finish_oldest()
        self._pool.shutdown()

    def _finish_oldest(self) -> None:
        target, job = self._waiting.popleft()
        try:
            job.result()
        except OSError as error:
            if self.failed is None:
                self.failed = (target, error.strerror or "")

    def __enter__(self) -> SlideWriter:
        return self

    def __exit__(self, *_exc) -> None:
        self.finish()


def write_png(image, target: Path) -> None:
    """``image`` as a PNG at ``target``, whole or not at all: written under another name, then renamed.

    Raises ``OSError`` when it cannot be written; nothing is left under either name then.
    """
    data = png_bytes(image)
    part = target.with_name(target.name + ".part")
    try:
        with open(part, "wb") as file:
            file.write(data)
        os.replace(part, target)
    except OSError:
        with contextlib.suppress(OSError):
            part.unlink()
        raise


def png_bytes(image) -> bytes:
    """An opaque QImage as a PNG, every pixel kept, made quickly.

    Qt's own PNG writer spends most of its time choosing a filter for each row, even with no
    compression at all (benchmarks/slides.py). A projected screen is mostly flat colour, so rows
    left unfiltered and zlib's quickest level make a file as small, in about a third of the time.
    zlib lets other threads run while it works, so several screens can be made at once.
    """
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    pixels = rgb.constBits()
    squeeze = zlib.compressobj(ZLIB_LEVEL)
    packed = []
    for first in range(0, height, ROWS_AT_A_TIME):
        rows = []
        for y in range(first, min(height, first + ROWS_AT_A_TIME)):
            rows += (NO_FILTER, pixels[y * stride : y * stride + width * 3])
        packed.append(squeeze.compress(b"".join(rows)))
    packed.append(squeeze.flush())
    parts = [PNG_SIGNATURE, _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))]
    across, down = rgb.dotsPerMeterX(), rgb.dotsPerMeterY()
    if across > 0 and down > 0:  # how big a pixel is, as Qt writes it
        parts.append(_chunk(b"pHYs", struct.pack(">IIB", across, down, 1)))
    parts += [_chunk(b"IDAT", b"".join(packed)), _chunk(b"IEND", b"")]
    return b"".join(parts)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))
