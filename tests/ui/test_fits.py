"""Every window and dialog fits a 1366 × 768 laptop, at 100% and at 125% scaling, and the agenda cards
show their start times and minutes in full with their words wrapped at word boundaries.

Qt reads its screens and scale once, when it starts, so each scale is tried in a process of its own:
this file run as a script (the "probe") opens the app on a laptop of 1366 × 768 with a 1920 × 1080
monitor beside it (tests/ui/laptop_screens.json), opens each window and dialog the way the app
does, measures it and writes what it found as JSON. The tests below read that and say what does
not fit. At 125% (QT_SCALE_FACTOR=1.25) the laptop is 1093 × 614 in Qt's own units.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCREENS = HERE / "laptop_screens.json"
TITLE_BAR = 30  # what a window system adds above a window; the offscreen platform draws none
WORKSHOP_DATE = (2026, 9, 30)  # a Wednesday in September: one of the longest dates there is


# -- the probe: runs in its own process -------------------------------------------------------------


def probe(scale: float) -> dict:
    from PySide6.QtCore import QDate, QElapsedTimer, QPoint, QRect, QSettings, Qt, QTimer
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QAbstractScrollArea, QDialog, QLineEdit, QPushButton

    from facilitator.cli import open_app_library
    from facilitator.ui.app import make_application
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.settings import Preferences

    app = make_application()
    folder = Path(tempfile.mkdtemp(prefix="facilitator-fits-"))
    library = open_app_library(folder / "library.sqlite3")

    def settle() -> None:
        for _round in range(5):
            app.processEvents()

    def box(rect: QRect) -> list[int]:
        return [rect.x(), rect.y(), rect.width(), rect.height()]

    def scrolled(widget, window) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea):
                return True
            parent = parent.parentWidget()
        return False

    def measure(window) -> dict:
        buttons = []
        for button in window.findChildren(QPushButton):
            if not button.isVisible() or scrolled(button, window):
                continue
            corner = button.mapToGlobal(QPoint(0, 0))
            buttons.append({
                "text": button.text().replace("&", ""),
                "rect": box(QRect(corner, button.size())),
                "whole": button.visibleRegion().boundingRect() == button.rect(),
            })
        return {"frame": box(window.frameGeometry()), "screen": box(window.screen().availableGeometry()),
                "buttons": buttons}

    def new_windows(before: set) -> list:
        return [w for w in app.topLevelWidgets() if w.isVisible() and w not in before and w.isWindow()]

    def opened_by(trigger) -> dict | None:
        """Measure the window that ``trigger`` opens (a modal one while it waits), then close it."""
        before = set(w for w in app.topLevelWidgets() if w.isVisible())
        found: list[dict] = []
        clock = QElapsedTimer()
        clock.start()

        def look() -> None:
            settle()
            opened = new_windows(before)
            if not opened:
                if clock.elapsed() < 10_000:
                    QTimer.singleShot(20, look)
                return
            window = opened[-1]
            found.append(measure(window))
            (window.reject if isinstance(window, QDialog) else window.close)()

        QTimer.singleShot(0, look)
        trigger()
        while not found and clock.elapsed() < 10_000:
            app.processEvents()
        settle()
        return found[0] if found else None

    def read_card(card, viewport) -> dict:
        """Whether the card's time and minutes have the room their text needs, inside the list, and its
        title and words are shown whole, each line within the room for text."""

        def fits(text, font, rect) -> bool:
            return (QFontMetricsF(font).horizontalAdvance(text) <= rect.width() + 0.5 and card.card.contains(rect)
                    and rect.left() >= viewport.left() and rect.right() <= viewport.right() + 1)

        def whole(text, lines, font) -> bool:
            widths = [QFontMetricsF(font).horizontalAdvance(line) for line in lines]
            return " ".join(lines).split() == text.split() and all(w <= card.text_width + 0.5 for w in widths)

        return {
            "time": card.time, "time_fits": fits(card.time, card.time_font, card.time_rect),
            "minutes": card.minutes, "minutes_fits": fits(card.minutes, card.minutes_font, card.minutes_rect),
            "title": card.item.title, "title_lines": card.title_lines,
            "title_whole": whole(card.item.title, card.title_lines, card.title_font),
            "words": card.item.plain_words, "words_lines": card.words_lines,
            "words_whole": whole(card.item.plain_words, card.words_lines, card.words_font),
        }

    def cards(window) -> dict:
        settle()
        view = window.page.planner.cards
        model = view.model()
        viewport = view.viewport().rect()
        shown = {"hbar": view.horizontalScrollBar().isVisible(), "viewport": box(viewport), "cards": []}
        layout_of = getattr(view, "card_layout", None)
        for row in range(model.rowCount()):
            rect = view.visualRect(model.index(row))
            entry = {"inside": rect.left() >= 0 and rect.right() <= viewport.right(), "rect": box(rect)}
            if layout_of is not None:
                entry.update(read_card(layout_of(row), viewport))
            shown["cards"].append(entry)
        return shown

    def date_box(window) -> dict:
        edit = window.page.date_edit
        edit.setDate(QDate(*WORKSHOP_DATE))
        settle()
        line = edit.findChild(QLineEdit)
        room = line.contentsRect().width() - 4  # a line edit keeps 2 pixels each side of its text
        needed = edit.fontMetrics().horizontalAdvance(edit.text())
        return {"text": edit.text(), "needed": needed, "room": room}

    def workshop_list(window) -> dict:
        listed = window.workshop_list
        metrics = listed.fontMetrics()
        row = listed.visualRect(listed.model().index(0, 0))
        words = metrics.boundingRect(QRect(0, 0, row.width() - 4, 10_000), Qt.TextFlag.TextWordWrap, listed.text(0))
        return {"width": listed.viewport().width(), "letter": metrics.averageCharWidth(),
                "lines": round(words.height() / metrics.lineSpacing(), 1), "row": row.height(), "words": words.height()}

    found: dict = {"scale": scale, "windows": {}, "cards": {}, "dates": {}}
    window = MainWindow(library, Preferences(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)))
    window.show()
    settle()
    found["windows"]["the main window at first start"] = measure(window)
    found["cards"]["the window's first-start size"] = cards(window)
    found["list"] = workshop_list(window)
    found["dates"]["en"] = date_box(window)
    window.show_glossary()  # the Plain words panel beside the page: the window does not grow off the laptop
    settle()
    found["windows"]["the main window with Plain words open"] = measure(window)
    found["cards"]["the laptop with Plain words open"] = cards(window)
    window.glossary_dock.hide()

    actions = window.actions
    planner = window.page.planner
    openers = {
        "the print dialog": actions.print_.trigger,
        "the templates dialog": actions.from_template.trigger,
        "save as a template": actions.save_template.trigger,
        "the About box": actions.about.trigger,
        "voice and speed": actions.voice.trigger,
        "how to say words": actions.pronunciations.trigger,
        "what the group decided": actions.decisions.trigger,
        "a question before deleting": actions.delete.trigger,
        "choose a picture": planner.choose_picture,
        "add our own word": lambda: window.glossary.add_word(),
    }
    for part in ("decisions", "ideas", "parked_questions", "actions"):
        openers[f"write down ({part}) in the planner"] = lambda p=part: window.page.outcomes.add(p)
    for name, trigger in openers.items():
        found["windows"][name] = opened_by(trigger)

    window.present()
    settle()
    presenter = window.presenter
    found["windows"]["the presenter's console"] = measure(presenter.console)
    recording = presenter.recording
    for name, trigger in {
        "the console's decision dialog": recording.record_decision,
        "the console's idea dialog": recording.record_idea,
        "the console's question dialog": recording.record_question,
        "the console's action dialog": recording.record_action,
        "the console's hard word picker": presenter.choose_word,
    }.items():
        found["windows"][name] = opened_by(trigger)
    presenter.stop()
    settle()

    window.showMaximized()
    settle()
    found["windows"]["the main window maximised"] = measure(window)
    found["cards"]["the window maximised"] = cards(window)
    if scale == 1:
        monitor = next(screen for screen in app.screens() if screen.name() == "Monitor")
        window.showNormal()
        settle()
        window.windowHandle().setScreen(monitor)
        window.move(monitor.availableGeometry().topLeft())
        window.showMaximized()
        window.show_glossary()
        settle()
        found["cards"]["1920 × 1080 with Plain words open"] = cards(window)
        found["glossary_open"] = window.glossary_dock.isVisible() and window.screen().name() == "Monitor"

    from facilitator.ui.languages import apply_language

    window.close()
    apply_language("cy")
    welsh = MainWindow(library, Preferences(QSettings(str(folder / "welsh.ini"), QSettings.Format.IniFormat)))
    welsh.show()
    settle()
    found["dates"]["cy"] = date_box(welsh)
    welsh.close()
    library.close()
    return found


# -- the tests --------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=[1.0, 1.25], ids=["100%", "125%"])
def laptop(request):
    """What the probe found on the laptop at one scale."""
    home = tempfile.mkdtemp(prefix="facilitator-fits-home-")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={SCREENS}", QT_SCALE_FACTOR=str(request.param),
               PYTHONPATH=str(ROOT))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = os.path.join(home, name.lower())
    out = Path(home) / "found.json"
    done = subprocess.run([sys.executable, __file__, str(request.param), str(out)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(out.read_text("utf-8"))


EXPECTED_BUTTONS = {
    "the print dialog": {"Save as PDF…", "Print…", "Close"},
    "the templates dialog": {"Make the workshop", "Cancel"},
    "save as a template": {"Save", "Cancel"},
    "the About box": {"Close"},
    "voice and speed": {"OK", "Cancel"},
    "how to say words": {"Close"},
    "choose a picture": {"Use this picture", "Cancel"},
    "add our own word": {"Save", "Cancel"},
    "the console's decision dialog": {"Save", "Cancel"},
    "the console's idea dialog": {"Save", "Cancel"},
    "the console's hard word picker": {"Show on the big screen", "Cancel"},
}


def inside(rect: list[int], area: list[int], slack: int) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return x >= ax - slack and y >= ay - slack and x + w <= ax + aw + slack and y + h <= ay + ah + slack


def test_every_window_and_dialog_fits_the_laptop_with_its_buttons_in_view(laptop):
    slack = 0 if laptop["scale"] == 1 else 1  # Qt rounds 1.25 × a size to whole pixels either way
    problems = []
    for name, found in laptop["windows"].items():
        if found is None:
            problems.append(f"{name}: did not open")
            continue
        frame, screen = found["frame"], found["screen"]
        if not inside(frame, screen, slack):
            problems.append(f"{name}: {frame[2]} × {frame[3]} at {frame[0]},{frame[1]} is not inside the screen {screen}")
        if "maximised" not in name and frame[3] + TITLE_BAR > screen[3] + slack:
            problems.append(f"{name}: {frame[3]} high leaves no room for a title bar on a screen {screen[3]} high")
        for button in found["buttons"]:
            if not inside(button["rect"], screen, slack) or not inside(button["rect"], frame, slack) or not button["whole"]:
                problems.append(f"{name}: the button “{button['text']}” is not all in view")
        missing = EXPECTED_BUTTONS.get(name, set()) - {button["text"] for button in found["buttons"]}
        if missing:
            problems.append(f"{name}: {sorted(missing)} not in view without scrolling")
    assert not problems, "\n".join(problems)


def test_the_first_start_window_fills_much_of_the_laptop_but_fits_it(laptop):
    frame, screen = (laptop["windows"]["the main window at first start"][key] for key in ("frame", "screen"))
    assert inside(frame, screen, 1)
    assert frame[2] >= screen[2] * 0.8 and frame[3] >= (screen[3] - TITLE_BAR) * 0.8


def test_agenda_cards_show_time_and_minutes_in_full_and_wrap_at_words(laptop):
    problems = []
    for case, shown in laptop["cards"].items():
        if shown["hbar"]:
            problems.append(f"{case}: the cards have a horizontal scroll bar")
        for row, card in enumerate(shown["cards"], start=1):
            if not card["inside"]:
                problems.append(f"{case}: card {row} is wider than the list ({card['rect']}, the list {shown['viewport']})")
            if "time_fits" not in card:
                problems.append(f"{case}: card {row}: the card's layout cannot be read")
                continue
            for part in ("time", "minutes"):
                if not card[f"{part}_fits"]:
                    problems.append(f"{case}: card {row}: “{card[part]}” is cut off")
            for part in ("title", "words"):
                if not card[f"{part}_whole"]:
                    problems.append(f"{case}: card {row}: “{card[part]}” is shown as {card[part + '_lines']}")
    assert not problems, "\n".join(problems)
    if laptop["scale"] == 1:
        assert laptop["glossary_open"]
        assert "1920 × 1080 with Plain words open" in laptop["cards"]


def test_the_date_box_shows_the_whole_date_in_english_and_welsh(laptop):
    dates = laptop["dates"]
    assert dates["en"]["text"] == "Wednesday 30 September 2026"
    assert "30 Medi 2026" in dates["cy"]["text"]
    for found in dates.values():
        assert found["needed"] <= found["room"], found


def test_the_workshop_list_is_wide_enough_to_read_a_title_and_date(laptop):
    """Several words a line: the demo's title and date (10 words) take at most 5 lines, not 10."""
    listed = laptop["list"]
    assert listed["width"] >= 16 * listed["letter"], listed
    assert listed["lines"] <= 5, listed
    assert listed["words"] <= listed["row"], listed  # all its lines are shown, none cut short with "…"


if __name__ == "__main__":
    print_to = Path(sys.argv[2])
    print_to.write_text(json.dumps(probe(float(sys.argv[1])), ensure_ascii=False, indent=1), "utf-8")
