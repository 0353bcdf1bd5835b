"""Screenshots of a 1366 × 768 laptop screen: the planner, the print dialog, the templates dialog, the
presenter's console and the About box, each where the app opens it. They show that every window fits
the most common laptop screen (issue 20), and they are what to look at after changing a layout.

Run from the top of the repository:

    .venv/bin/python docs/screenshots/laptop.py            # 100%: laptop-*.png in docs/screenshots
    .venv/bin/python docs/screenshots/laptop.py --scale 1.25  # 125%: laptop-125-*.png

It runs on Qt's offscreen platform with a 1366 × 768 laptop and a 1920 × 1080 projector beside it (the
big screen goes there, the console stays on the laptop), and uses a library in a new temporary folder,
never yours, that starts with the demo workshop. The offscreen platform draws no title bars: each
picture is the whole laptop screen with the windows drawn where they stand, a dialog outlined.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAPTOP = {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1}
PROJECTOR = {"name": "Projector", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1}


def use_a_laptop_screen(scale: float) -> None:
    """Qt reads its screens and scale when it starts: tell it before the application is made."""
    folder = Path(tempfile.mkdtemp(prefix="facilitator-laptop-"))
    screens = folder / "screens.json"
    screens.write_text(json.dumps({"screens": [LAPTOP, PROJECTOR]}), "utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(folder / name.lower())


def laptop_picture(windows, path: Path) -> None:
    """Draw ``windows`` (bottom first) where they stand on the laptop's screen, and save it."""
    from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPen, QPixmap

    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio()
    area = screen.geometry()
    picture = QPixmap(area.size() * ratio)
    picture.setDevicePixelRatio(ratio)
    picture.fill(QColor("#4A5A6A"))  # the desktop
    painter = QPainter(picture)
    for n, window in enumerate(windows):
        spot = window.geometry().topLeft() - area.topLeft()
        painter.drawPixmap(spot, window.grab())
        if n:
            painter.setPen(QPen(QColor("#202020"), 2))
            painter.drawRect(window.geometry().translated(-area.topLeft()).adjusted(-1, -1, 0, 0))
    painter.end()
    picture.save(str(path))


def take(prefix: str) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from facilitator.cli import open_app_library
    from facilitator.ui.about import AboutBox
    from facilitator.ui.app import make_application
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.settings import Preferences
    from facilitator.ui.templates_dialog import NewFromTemplate

    make_application()
    folder = Path(tempfile.mkdtemp(prefix="facilitator-shots-"))
    library = open_app_library(folder / "library.sqlite3")
    window = MainWindow(library, Preferences(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)))
    window.show()  # at the size of a first start on this screen
    QTest.qWait(400)
    window.page.planner.select_row(2)  # a card whose title takes two lines
    QTest.qWait(200)
    saved = []

    def save(name: str, *windows) -> None:
        QTest.qWait(200)
        path = HERE / f"{prefix}{name}.png"
        laptop_picture([window, *windows], path)
        saved.append(path)

    save("planner")

    window.print_workshop()
    window.print_dialog.wait_for_pages()
    save("print", window.print_dialog)
    window.print_dialog.close()

    chooser = NewFromTemplate(library, window.pictures, window)
    chooser.show()
    save("templates", chooser)
    chooser.reject()

    about = AboutBox(window)
    about.show()
    save("about", about)
    about.reject()

    window.present()
    QTest.qWait(400)
    console = window.presenter.console
    QTest.qWait(200)
    path = HERE / f"{prefix}console.png"
    laptop_picture([window, console], path)
    saved.append(path)
    window.presenter.stop()
    window.close()
    library.close()
    return saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="the screen's scaling, as 1.25 for 125%%")
    args = parser.parse_args()
    use_a_laptop_screen(args.scale)
    prefix = "laptop-" if args.scale == 1 else f"laptop-{round(args.scale * 100)}-"
    for path in take(prefix):
        print("Saved", path.relative_to(HERE.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
