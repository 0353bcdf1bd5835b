"""Screenshots of the planner and the big screen in Welsh and in Arabic, for docs/translating.md.

Run from the top of the repository:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/languages.py

It uses a library in a new temporary folder, never yours. The Welsh workshop is made from the
Welsh "Deciding together" template; the Arabic one is written here, as a facilitator would type it.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def arabic_workshop():
    from facilitator.core.model import AgendaItem, ItemKind, Workshop

    def item(title, words, picture, minutes, kind):
        return AgendaItem(title, plain_words=words, picture=picture, minutes=minutes, kind=kind)

    return Workshop(
        title="نخطط للمركز الجديد معًا", language="ar", date=dt.date(2026, 12, 15), start_time=dt.time(10, 0),
        place="مركز المجتمع", agenda=[
            item("أهلًا وسهلًا", "اجلس وخذ مشروبًا. نحن سعداء بوجودك.", "welcome", 10, ItemKind.WELCOME),
            item("نتعرف على بعضنا", "قل اسمك. أخبرنا بشيء تحبه.", "hello", 15, ItemKind.INTRODUCTIONS),
            item("استراحة شاي", "نرتاح 15 دقيقة.", "tea", 15, ItemKind.BREAK),
            item("نختار معًا", "نختار أهم 3 أشياء. لكل شخص صوت.", "vote", 20, ItemKind.DECIDE),
            item("مع السلامة", "شكرًا لحضورك.", "goodbye", 5, ItemKind.CLOSE),
        ])


def welsh_workshop():
    from facilitator.core.templates import built_in_templates, workshop_from_template

    templates, _problems = built_in_templates(language="cy")
    template = next(t for t in templates if t.id.endswith("/deciding-together"))
    return workshop_from_template(template, date=dt.date(2026, 12, 15), start_time=dt.time(10, 0),
                                  place="Canolfan Gymunedol Glan yr Afon")


def take(app: QApplication, code: str) -> None:
    from facilitator.cli import open_app_library
    from facilitator.ui.languages import apply_language
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.settings import Preferences

    folder = Path(tempfile.mkdtemp(prefix="facilitator-shots-"))
    library = open_app_library(folder / "library.sqlite3")
    apply_language(code)
    workshop = welsh_workshop() if code == "cy" else arabic_workshop()
    library.add_workshop(workshop)
    window = MainWindow(library, Preferences(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)))
    window.resize(1400, 880)
    window.show()
    window.select_workshop(workshop.id)
    QTest.qWait(400)
    window.grab().save(str(HERE / f"planner-{code}.png"))
    window.present()
    QTest.qWait(300)
    presenter = window.presenter
    QTest.keyClick(presenter.console, Qt.Key.Key_Right)  # the first item after the welcome screen
    QTest.qWait(300)
    presenter.view.resize(1280, 720)
    QTest.qWait(200)
    presenter.view.grab().save(str(HERE / f"participant-{code}.png"))
    presenter.stop()
    window.close()
    library.close()


def main() -> int:
    app = QApplication(sys.argv)
    for code in ("cy", "ar"):
        take(app, code)
    print("Saved planner-cy.png, participant-cy.png, planner-ar.png, participant-ar.png in", HERE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
