"""How long the participant view takes to show the next item, at 1920x1080 with a picture.

The target (issue 4): under 16 ms, one frame at 60 Hz, for the 95th percentile.
The participant view is a real widget on an offscreen 1920x1080 screen; each
step moves the session on and repaints the view at once (``repaint``), with the
pictures already drawn once (the picture store caches them, as in the room).
The baseline in the same run fills the same window with its background
colour only: the ratio says what laying out and drawing a screen costs on top
of Qt just putting 1920x1080 pixels on the screen. The timer's tick, which only
repaints its corner, is measured too.

Run: .venv/bin/python benchmarks/presenter.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from facilitator.core.demo import demo_workshop  # noqa: E402
from facilitator.core.library import open_library  # noqa: E402
from facilitator.pictures.catalogue import PictureCatalogue  # noqa: E402
from facilitator.session.run import Session  # noqa: E402
from facilitator.session.screens import screen_now  # noqa: E402
from facilitator.ui.pictures import PictureStore  # noqa: E402
from facilitator.ui.presenter.painting import timer_area  # noqa: E402
from facilitator.ui.presenter.participant_view import ParticipantView  # noqa: E402

WIDTH, HEIGHT = 1920, 1080


class Plain(QWidget):
    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFF8DC"))
        painter.end()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="times to go through the whole demo day")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = tempfile.mkdtemp()
    library = open_library(Path(folder) / "library.sqlite3")
    _group, workshop = demo_workshop()
    session = Session(workshop)
    view = ParticipantView(PictureStore(PictureCatalogue.load(), library).pixmap)
    view.resize(WIDTH, HEIGHT)
    view.show()
    plain = Plain()
    plain.resize(WIDTH, HEIGHT)
    plain.show()
    app.processEvents()

    def step() -> None:
        session.next() if session.place < session.last_place else session.go_to(-1)
        view.show_screen(screen_now(session), session.timer())
        view.repaint()

    for _ in range(session.last_place + 2):  # draw every picture once: the cache is warm, as in the room
        step()
    moves, ticks, fills = [], [], []
    for _ in range(args.rounds):
        for _ in range(session.last_place + 2):
            start = time.perf_counter()
            step()
            moves.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            plain.repaint()
            fills.append((time.perf_counter() - start) * 1000)
            corner = timer_area(view.current_layout())
            if corner is not None:
                start = time.perf_counter()
                view.show_timer(session.timer())
                view.repaint(corner)  # the timer's corner only, as on a tick
                ticks.append((time.perf_counter() - start) * 1000)
    move95, fill95 = percentile(moves, 0.95), percentile(fills, 0.95)
    print(f"next item, 95th percentile: {move95:.1f} ms (median {statistics.median(moves):.1f} ms, {len(moves)} moves); target 16 ms")
    print(f"baseline, a plain 1920x1080 fill: {fill95:.1f} ms; ratio {move95 / max(fill95, 0.01):.1f}x")
    print(f"timer tick, 95th percentile: {percentile(ticks, 0.95):.1f} ms")
    library.close()


if __name__ == "__main__":
    main()
