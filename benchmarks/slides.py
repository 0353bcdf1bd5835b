"""How long ``facilitator slides`` takes for each screen it saves, at 1920x1080.

The target (issue 27): under 30 ms a slide. Measured: ``render_slides``, all the
command does once the file is read (the workshop put in a library in memory, a
new picture store, every screen painted and saved as a PNG in a temporary
folder), for the demo workshop (12 screens) and a 25-item agenda (27 screens).
A slide's time is a round's time shared out among its screens (the PNGs are
made on worker threads while the next screen is painted, so one slide's own
time cannot be told apart); median and 95th percentile over the rounds.

For the record the same run measures the way before issue 27 (Qt's PNG writer
at its default setting, one screen after another) and where the time goes for
one screen: painting it, Qt's PNG writer at its default and quickest settings,
and the PNG made by ``png_bytes``.

The baseline in the same run saves a blank 1920x1080 picture with Qt's PNG
writer and no compression at all, once per screen: the ratio says what a
slide costs against Qt just putting that many pixels in a file.

Run: .venv/bin/python benchmarks/slides.py [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402

from facilitator.core import exchange  # noqa: E402
from facilitator.core.demo import demo_workshop  # noqa: E402
from facilitator.core.model import AgendaItem, ItemKind, Workshop  # noqa: E402
from facilitator.pictures.catalogue import PictureCatalogue  # noqa: E402
from facilitator.session.run import Phase, TimerState  # noqa: E402
from facilitator.session.screens import Kind, workshop_screens  # noqa: E402
from facilitator.ui.fonts import add_own_fonts  # noqa: E402
from facilitator.ui.pictures import PictureStore  # noqa: E402
from facilitator.ui.presenter.participant_view import Look, ScreenDrawing  # noqa: E402
from facilitator.ui.presenter.slides import file_name, png_bytes, render_slides  # noqa: E402

TARGET_MS = 30.0
SIZE = (1920, 1080)
PICTURES = ["bus", "tea", "garden", "music", "money", "door", "lift", "calendar", "quiet", "building",
            "talk", "vote", "people", "hello", "thumbs up"]


def long_agenda() -> Workshop:
    """25 items, a break after every seven, 15 different pictures."""
    items = []
    for n in range(25):
        if n % 8 == 7:
            items.append(AgendaItem(f"Break {n // 8 + 1}", minutes=15, kind=ItemKind.BREAK, picture="tea",
                                    plain_words="Have a drink. Stretch your legs."))
        else:
            picture = PICTURES[n % len(PICTURES)]
            items.append(AgendaItem(f"Item {n + 1}: the {picture}", minutes=10, picture=picture,
                                    plain_words=f"We talk about the {picture}. Everyone can say what they think. "
                                    "We write down what we agree."))
    return Workshop("A long day together", start_time=dt.time(9, 30), agenda=items)


def as_file(workshop: Workshop, group=None) -> exchange.ImportResult:
    """The workshop as ``facilitator slides`` reads it from an exported file."""
    return exchange.parse_workshop_bytes(json.dumps(exchange.workshop_document(workshop, group)).encode())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def qt_png(image: QImage, quality: int = -1) -> int:
    """Qt's own PNG writer, into memory; the size of the file."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", quality)
    return data.size()


def as_before(result, folder: Path) -> None:
    """The slides as ``facilitator slides`` saved them before issue 27: Qt's default PNG, one at a time."""
    with exchange.imported_for_a_while(result) as (library, workshop):
        drawing = ScreenDrawing(PictureStore(PictureCatalogue.load(), library).pixmap)
        drawing.set_look(Look.chosen("cream", "normal", workshop.language))
        minutes = {item.id: item.minutes for item in workshop.agenda}
        for number, screen in enumerate(workshop_screens(workshop), start=1):
            drawing.set_screen(screen)
            whole = minutes.get(screen.item_id, 0) * 60 if screen.kind is Kind.BREAK else 0
            drawing.timer = TimerState(whole, whole, Phase.RUNNING) if whole else None
            drawing.image(*SIZE).save(str(folder / file_name(number, screen.title or screen.name)), "PNG")


def painted(result) -> list[QImage]:
    """Every screen painted once, pictures already drawn (for where the time goes)."""
    with exchange.imported_for_a_while(result) as (library, workshop):
        drawing = ScreenDrawing(PictureStore(PictureCatalogue.load(), library).pixmap)
        drawing.set_look(Look.chosen("cream", "normal", workshop.language))
        screens = workshop_screens(workshop)
        for screen in screens:  # draw every picture once
            drawing.set_screen(screen)
            drawing.image(*SIZE)
        images, paint_ms = [], []
        for screen in screens:
            drawing.set_screen(screen)
            started = time.perf_counter()
            images.append(drawing.image(*SIZE))
            paint_ms.append((time.perf_counter() - started) * 1000)
    return images, paint_ms


def timed_each(run, items) -> list[float]:
    times = []
    for item in items:
        started = time.perf_counter()
        run(item)
        times.append((time.perf_counter() - started) * 1000)
    return times


def line(label: str, values: list[float], baseline: float, target: float | None = TARGET_MS) -> None:
    median, p95 = statistics.median(values), percentile(values, 0.95)
    verdict = "" if target is None else ("  meets" if p95 < target else "  MISSES") + f" (target {target:.0f} ms)"
    print(f"{label:<44} median {median:6.1f} ms  p95 {p95:6.1f} ms  x{median / baseline:5.1f}{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="times each workshop's slides are saved")
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication([])
    add_own_fonts()
    group, demo = demo_workshop()
    workshops = {"demo workshop": as_file(demo, group), "25-item agenda": as_file(long_agenda())}
    blank = QImage(*SIZE, QImage.Format.Format_RGB32)
    blank.fill(0xFFF8DC)
    folder = Path(tempfile.mkdtemp())
    try:
        baseline = statistics.median(timed_each(lambda n: blank.save(str(folder / f"blank{n}.png"), "PNG", 100),
                                                range(3 * args.rounds)))
        print(f"{os.cpu_count()} cores; baseline: a blank {SIZE[0]}x{SIZE[1]} PNG, no compression: {baseline:.1f} ms")
        for name, result in workshops.items():
            screens = len(workshop_screens(result.workshop))
            now, before = [], []
            for round_number in range(args.rounds):
                for way, times in ((render_slides, now), (as_before, before)):
                    out = folder / f"{way.__name__}{round_number}"
                    out.mkdir()
                    started = time.perf_counter()
                    done = way(result, out, "cream", SIZE, "normal") if way is render_slides else way(result, out)
                    times.append((time.perf_counter() - started) * 1000 / screens)
                    assert done is None or len(done) == screens
                    shutil.rmtree(out)
            print(f"{name}, {screens} screens:")
            line("  slides saved, a slide", now, baseline)
            line("  as before issue 27, a slide", before, baseline, target=None)
            print(f"  {'':<42} the whole {name}: {statistics.median(now) * screens / 1000:.2f} s "
                  f"(before: {statistics.median(before) * screens / 1000:.2f} s)")
        images, paint_ms = painted(workshops["demo workshop"])
        print("where the time goes, one demo screen, one thread:")
        line("  painting it (pictures drawn)", paint_ms, baseline, target=None)
        line("  Qt's PNG writer, default setting", timed_each(qt_png, images), baseline, target=None)
        line("  Qt's PNG writer, quickest (zlib level 1)", timed_each(lambda i: qt_png(i, 85), images), baseline,
             target=None)
        line("  Qt's PNG writer, no compression", timed_each(lambda i: qt_png(i, 100), images), baseline, target=None)
        line("  png_bytes (unfiltered rows, zlib level 1)", timed_each(png_bytes, images), baseline, target=None)
        sizes = [len(png_bytes(image)) / qt_png(image) for image in images]
        print(f"  png_bytes' files against Qt's default: x{statistics.median(sizes):.2f} the size")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    del app


if __name__ == "__main__":
    main()
