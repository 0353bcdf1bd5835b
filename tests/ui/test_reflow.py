"""At 200% zoom, and with a 16 pt system font, on a 1366 × 768 laptop, nothing focusable is off screen.

The laptop is tests/ui/laptop_screens.json, the main window shown over the screen's available area. Tab
is pressed (real key presses) through the whole chain of the main window, on each of its tabs, and of
every dialog the menus and the page open; each control that gets the focus must be in sight, all of it
(a list or box taller than the screen at least in part), inside the screen, and each window must fit the
screen and never ask for more room than it has. The zoom and the font are put back after each test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDialog, QLineEdit, QTableView, QWidget

from facilitator.cli import open_app_library
from facilitator.ui import zoom
from facilitator.ui.settings import Preferences
from tests.ui.conftest import speaking_window
from tests.ui.screens import _set_configuration, plug_in_projector

HERE = Path(__file__).resolve().parent
MOST_TABS = 150
TALL = 200  # a control taller than this (the agenda's cards, a list) may be partly scrolled out of sight


def laptop_area():
    screen = next(s for s in QApplication.screens() if s.name() == "Laptop")
    return screen.availableGeometry()


@pytest.fixture
def laptop(qapp):
    _set_configuration(json.loads((HERE / "laptop_screens.json").read_text(encoding="utf-8")))
    yield laptop_area()
    plug_in_projector()


@pytest.fixture(params=["200% zoom", "16 pt font"])
def big_text(request, qapp):
    """The text made big one way or the other while a test runs, and put back after it."""
    zoom.zoom()  # the normal size is known before the font changes
    original = QFont(QApplication.font())

    def make_big() -> None:
        if request.param == "200% zoom":
            zoom.set_zoom(2.0)
        else:
            font = QFont(original)
            font.setPointSizeF(16)
            QApplication.setFont(font)

    yield make_big
    zoom.set_zoom(1.0)
    QApplication.setFont(original)


@pytest.fixture
def big_window(qtbot, tmp_path, laptop, big_text):
    from PySide6.QtCore import QSettings

    library = open_app_library(tmp_path / "library.sqlite3")
    preferences = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = speaking_window(qtbot, library, preferences)
    big_text()  # after the window made its zoom what the settings say
    if window.screen().name() != "Laptop":
        window.windowHandle().setScreen(next(s for s in QApplication.screens() if s.name() == "Laptop"))
    edges = window.frameGeometry().size() - window.geometry().size()
    window.setGeometry(laptop.adjusted(0, 0, -edges.width(), -edges.height()))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.frameGeometry().size().width() <= laptop.width())
    yield window
    window.close()
    library.close()


def settle() -> None:
    for _round in range(5):
        QApplication.processEvents()


def on_screen(rect: QRect, area: QRect) -> bool:
    return area.contains(rect)


def describe(widget: QWidget) -> str:
    words = widget.accessibleName() or (widget.text() if isinstance(widget, (QLineEdit, QCheckBox)) else "")
    return f"{type(widget).__name__} {words!r}"


def out_of_sight(widget: QWidget, area: QRect) -> str | None:
    """Why ``widget`` (just focused) cannot be seen whole on the screen ``area``, or None when it can."""
    whole = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    shown = widget.visibleRegion().boundingRect()
    seen = QRect(widget.mapToGlobal(shown.topLeft()), shown.size())
    if seen.isEmpty():
        return f"{describe(widget)} is not in sight at all ({whole})"
    if not on_screen(seen, area):
        return f"{describe(widget)} is shown at {seen}, off the screen {area}"
    if widget.height() <= TALL and seen.size() != whole.size():
        return f"{describe(widget)} is only partly in sight: {seen} of {whole}"
    if seen.height() < min(widget.height(), TALL):
        return f"{describe(widget)}: only {seen.height()} of its {widget.height()} pixels are in sight"
    return None


def fits(window: QWidget, area: QRect) -> list[str]:
    problems = []
    name = window.windowTitle() or type(window).__name__
    if not on_screen(window.frameGeometry(), area):
        problems.append(f"{name}: {window.frameGeometry()} is not inside the screen {area}")
    smallest = window.minimumSizeHint().expandedTo(window.minimumSize())
    if smallest.width() > area.width() or smallest.height() > area.height():
        problems.append(f"{name}: asks for at least {smallest}, more than the screen's {area.size()}")
    return problems


def tab_through(start: QWidget, area: QRect) -> tuple[list[str], int, bool]:
    """Press Tab from ``start`` until the focus comes back; what was out of sight, how many were
    focused, and whether the focus came back."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    problems, focused, left = [], 0, False
    for _n in range(MOST_TABS):
        now = QApplication.focusWidget()
        why = out_of_sight(now, area)
        if why:
            problems.append(why)
        focused += 1
        QTest.keyClick(now, Qt.Key.Key_Tab)
        settle()
        if QApplication.focusWidget() is not start:
            left = True  # a date box keeps the focus for a Tab to each of its parts
        elif left or _n >= 8:  # back again, or the only control (the About box's Close) after a date's parts
            return problems, focused, True
    return problems, focused, False


def test_the_main_window_fits_and_tab_never_goes_off_screen(big_window, qtbot):
    area = laptop_area()
    page = big_window.page
    assert fits(big_window, area) == []
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        settle()
        problems, focused, came_back = tab_through(page.title_edit, area)
        assert came_back, f"tab {page.tabs.tabText(tab)}: Tab did not come back to the title"
        assert problems == [], f"tab {page.tabs.tabText(tab)}:\n" + "\n".join(problems)
        assert focused >= 8
    # The item form really is on the way, and was in sight when focused.
    page.tabs.setCurrentWidget(page.planner)
    editor = page.planner.editor
    editor.notes_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: out_of_sight(editor.notes_edit, area) is None, timeout=3000)
    assert out_of_sight(editor.notes_edit, area) is None
    assert fits(big_window, area) == []


def opened_by(trigger, check) -> bool:
    """Run ``check`` on the window ``trigger`` opens (a modal one while it waits), then close it."""
    app = QApplication.instance()
    before = {id(w) for w in app.topLevelWidgets() if w.isVisible()}
    done: list[bool] = []
    clock = QElapsedTimer()
    clock.start()

    def look() -> None:
        settle()
        opened = [w for w in app.topLevelWidgets() if w.isVisible() and id(w) not in before and w.isWindow()]
        if not opened:
            if clock.elapsed() < 10_000:
                QTimer.singleShot(20, look)
            return
        window = opened[-1]
        try:
            check(window)
        finally:
            done.append(True)
            (window.reject if isinstance(window, QDialog) else window.close)()

    QTimer.singleShot(0, look)
    trigger()
    while not done and clock.elapsed() < 10_000:
        app.processEvents()
    settle()
    return bool(done)


def test_every_dialog_fits_and_tab_never_goes_off_screen(big_window, qtbot):
    area = laptop_area()
    actions = big_window.actions
    openers = {
        "print": actions.print_.trigger,
        "new from a template": actions.from_template.trigger,
        "save as a template": actions.save_template.trigger,
        "about": actions.about.trigger,
        "voice and speed": actions.voice.trigger,
        "how to say words": actions.pronunciations.trigger,
        "what the group decided": actions.decisions.trigger,
        "the guide": actions.guide.trigger,
        "start here": actions.start_here.trigger,
        "the next meeting": actions.next_meeting.trigger,
        "choose a picture": big_window.page.planner.choose_picture,
        "add our own word": lambda: big_window.glossary.add_word(),
    }
    for part in ("decisions", "ideas", "parked_questions", "actions"):
        openers[f"write down {part}"] = lambda p=part: big_window.page.outcomes.add(p)
    problems: dict[str, list[str]] = {}
    walked: dict[str, int] = {}

    def check(name: str, window: QWidget) -> None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        settle()
        found = fits(window, area)
        start = QApplication.focusWidget()
        if start is None or start.window() is not window:
            takers = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window) and w.isEnabled()
                      and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
            start = takers[0]
        out, focused, came_back = tab_through(start, area)
        found += out
        if not came_back:
            found.append("Tab never came back to where it started")
        walked[name] = focused
        if found:
            problems[name] = found

    for name, trigger in openers.items():
        assert opened_by(trigger, lambda window, n=name: check(n, window)), f"{name} did not open"
    assert all(count >= 2 for name, count in walked.items() if name != "about"), walked  # About has only Close
    assert problems == {}, "\n".join(f"{name}: {line}" for name, lines in problems.items() for line in lines)


def test_tab_and_shift_tab_leave_the_decisions_table(window, qtbot):
    window.show_decisions()
    view = window.decisions_view
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.waitUntil(lambda: view.found.rowCount() > 0)
    table = view.table
    assert isinstance(table, QTableView)
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.setCurrentIndex(view.found.index(0, 0))
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Right)  # the arrows still move between the cells
    assert table.currentIndex().column() == 1
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    assert after is not table and not table.isAncestorOf(after), "Tab stayed in the table"
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is table, "Shift+Tab did not come back to the table"
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    before = QApplication.focusWidget()
    assert before is not table and not table.isAncestorOf(before), "Shift+Tab stayed in the table"
    assert isinstance(before, (QComboBox, QLineEdit, QCheckBox, QWidget))
    view.close()
