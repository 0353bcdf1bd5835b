"""Presenting a workshop on two screens, driven through the real windows, keys and buttons.

The tests run on Qt's offscreen platform with a 1280x800 "Laptop" and a
1920x1080 "Projector" (tests/ui/two_screens.json); ``unplug_projector`` and
``plug_in_projector`` really take the Projector's QScreen away and bring it
back. Time is a fake clock moved by hand, so nothing waits for minutes to pass.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time

import pytest
import shiboken6
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QBitmap, QColor, QGuiApplication, QRegion
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from facilitator.core.edits import AddPart, ChangePart
from facilitator.core.model import AgendaItem
from facilitator.i18n import format_minutes
from facilitator.session.run import Cover, Phase
from facilitator.session.screens import Kind
from facilitator.session.themes import THEMES
from facilitator.ui.presenter.decision_dialog import DecisionDialog
from facilitator.ui.presenter.placing import WINDOW_HERE
from facilitator.ui.presenter.word_picker import WordPicker
from facilitator.ui.settings import PRESENT_SCREEN, PRESENT_TEXT_SIZE, PRESENT_THEME
from tests.ui.screens import plug_in_projector, unplug_projector

K = Qt.Key
START = dt.datetime(2026, 12, 8, 10, 0, 30)  # the fake wall clock starts here
NEXT_KEYS = [("Right", K.Key_Right), ("PgDown", K.Key_PageDown), ("Down", K.Key_Down), ("N", K.Key_N),
             ("Return", K.Key_Return), ("Enter", K.Key_Enter)]
BACK_KEYS = [("Left", K.Key_Left), ("PgUp", K.Key_PageUp), ("Up", K.Key_Up), ("P", K.Key_P), ("Backspace", K.Key_Backspace)]


# -- fixtures and helpers -------------------------------------------------------------


@pytest.fixture(autouse=True)
def projector_plugged_in_again():
    """Whatever a test does to the projector, the next test starts with both screens."""
    try:
        yield
    finally:
        if len(QGuiApplication.screens()) < 2:
            plug_in_projector()
        assert [screen.name() for screen in QGuiApplication.screens()] == ["Laptop", "Projector"]


@pytest.fixture
def present(window, qtbot):
    """Start presenting as F5 does (``present(True)``: as Shift+F5); presenting is stopped at the end."""
    started = []

    def start(from_chosen_item: bool = False):
        window.present(from_chosen_item)
        presenter = window.presenter
        assert presenter is not None and presenter.running
        started.append(presenter)
        qtbot.waitUntil(presenter.console.isActiveWindow, timeout=2000)
        return presenter

    yield start
    for presenter in started:
        presenter.stop()
    assert window.presenter is None


class FakeTime:
    """The session's two clocks moved by hand: seconds for the item's timer, the wall clock for the room's times."""

    def __init__(self, presenter):
        self.presenter = presenter
        self.seconds = [1000.0]
        self.wall = [START]
        presenter.session._clock = lambda: self.seconds[0]
        presenter.session._now = lambda: self.wall[0]

    def now(self) -> dt.datetime:
        return self.wall[0]

    def passes(self, seconds: float) -> None:
        self.seconds[0] += seconds
        self.wall[0] += dt.timedelta(seconds=seconds)
        self.presenter._tick()


def screen_of(name: str):
    return next(screen for screen in QGuiApplication.screens() if screen.name() == name)


def on_projector(presenter) -> bool:
    view = presenter.view
    projector = screen_of("Projector")
    return view.isVisible() and view.isFullScreen() and view.screen() is projector and view.geometry() == projector.geometry()


def expected_title(presenter, place: int) -> str:
    agenda = presenter.session.agenda
    if place < 0:
        return presenter.session.workshop.title
    if place >= len(agenda):
        return "Thank you for coming"
    return agenda[place].title


def assert_at(presenter, place: int) -> None:
    """The session is at ``place``; the room sees that place and the console names it."""
    assert presenter.session.place == place
    assert presenter.session.covering is None
    screen = presenter.view.drawing.screen
    assert screen.title == expected_title(presenter, place)
    now = presenter.console.now_label.text()
    if place < 0:
        assert screen.kind is Kind.WELCOME and now == "Welcome screen"
    elif place >= len(presenter.session.agenda):
        assert screen.kind is Kind.END and now == "The end"
    else:
        item = presenter.session.agenda[place]
        assert screen.item_id == item.id
        assert now == f"Item {place + 1} of {len(presenter.session.agenda)}: {item.title}"


def activate(qtbot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def choose(box, data) -> None:
    """Pick the entry holding ``data`` in a console's drop-down, as a click on it does."""
    index = box.findData(data)
    assert index >= 0, f"{data!r} is not offered: {[box.itemData(i) for i in range(box.count())]}"
    box.setCurrentIndex(index)
    box.activated.emit(index)


def marks_on(image, colour: str) -> QRegion:
    """The pixels of ``image`` that are not ``colour`` (as ``ink`` in test_participant_screen.py)."""
    return QRegion(QBitmap.fromImage(image.createMaskFromColor(QColor(colour).rgb(), Qt.MaskMode.MaskInColor)))


def stored(window, presenter):
    return window.library.load_workshop(presenter.workshop_id)


# -- 1. starting ------------------------------------------------------------------------


def test_starting_puts_the_room_on_the_projector_and_the_console_on_the_laptop(window, present, qtbot):
    presenter = present()
    view, console = presenter.view, presenter.console
    projector, laptop = screen_of("Projector"), screen_of("Laptop")
    assert view.screen().name() == "Projector"
    assert view.isVisible() and view.isFullScreen()
    assert view.geometry() == projector.geometry() == QRect(1280, 0, 1920, 1080)
    assert console.isVisible() and not console.isFullScreen()
    assert console.screen().name() == "Laptop"
    assert laptop.geometry().contains(console.geometry())
    assert_at(presenter, -1)
    # The room sees the welcome, drawn: the view's own pixels show the theme's background and more.
    picture = view.grab().toImage()
    assert picture.size() == projector.size()
    assert picture.pixelColor(3, 3) == QColor(THEMES["cream"].background)
    assert not marks_on(picture, THEMES["cream"].background).isEmpty()
    # The console's chooser offers the projector, and shows it as the one in use.
    assert console.screen_box.currentData() == "Projector"
    # F5 again while presenting does not start a second session.
    window.present()
    assert window.presenter is presenter


# -- 2. keys ------------------------------------------------------------------------------


def test_keys_on_the_console_and_on_the_view_move_both(window, present, qtbot):
    presenter = present()
    place = -1
    assert_at(presenter, place)
    for where in (presenter.console, presenter.view):
        if where is presenter.view:
            activate(qtbot, presenter.view)
        for name, key in NEXT_KEYS[: 6 if where is presenter.console else 4]:
            qtbot.keyClick(where, key)
            place += 1
            assert presenter.session.place == place, f"{name} on the {where.windowTitle()}"
            assert_at(presenter, place)
    assert place == 9
    for where in (presenter.console, presenter.view):
        activate(qtbot, where)
        for name, key in BACK_KEYS:
            qtbot.keyClick(where, key)
            place -= 1
            assert presenter.session.place == place, f"{name} on the {where.windowTitle()}"
            assert_at(presenter, place)
    assert place == -1
    qtbot.keyClick(presenter.console, K.Key_Left)  # nothing before the welcome
    assert_at(presenter, -1)


def test_b_and_full_stop_blank_the_screen_and_bring_it_back(window, present, qtbot):
    presenter = present()
    console, view = presenter.console, presenter.view
    qtbot.keyClick(console, K.Key_Right)
    qtbot.keyClick(console, K.Key_Right)
    assert_at(presenter, 1)
    qtbot.keyClick(console, K.Key_B)
    assert view.drawing.screen.kind is Kind.BLANK
    assert presenter.session.covering.kind is Cover.BLANK
    assert console.blank_button.text() == "Show the screen again"
    assert "blank" in console.now_label.text()
    assert marks_on(view.grab().toImage(), THEMES["cream"].background).isEmpty()
    qtbot.keyClick(console, K.Key_Period)
    assert_at(presenter, 1)
    assert console.blank_button.text() == "Blank screen"

    activate(qtbot, view)
    qtbot.keyClick(view, K.Key_Period)
    assert view.drawing.screen.kind is Kind.BLANK
    qtbot.keyClick(view, K.Key_B)
    assert_at(presenter, 1)
    # Going on from a blank screen first shows the place again, without moving on.
    qtbot.keyClick(view, K.Key_B)
    qtbot.keyClick(view, K.Key_Right)
    assert_at(presenter, 1)


def test_space_pauses_and_resumes_the_timer(window, present, qtbot):
    presenter = present()
    clock = FakeTime(presenter)
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    clock.passes(60)
    assert not presenter.session.paused
    assert console.pause_button.text() == "Pause timer"
    qtbot.keyClick(console, K.Key_Space)
    assert presenter.session.paused
    assert console.pause_button.text() == "Go on with the timer"
    assert presenter.view.drawing.timer.phase is Phase.PAUSED
    assert "paused" in console.item_time.text()
    clock.passes(300)  # paused time does not count
    assert presenter.session.timer().left == 540
    activate(qtbot, presenter.view)
    qtbot.keyClick(presenter.view, K.Key_Space)
    assert not presenter.session.paused
    assert console.pause_button.text() == "Pause timer"
    clock.passes(60)
    assert presenter.session.timer().left == 480
    assert presenter.view.drawing.timer.phase is Phase.RUNNING
    assert_at(presenter, 0)


@pytest.mark.parametrize("where", ["console", "view"])
def test_escape_asks_and_a_second_escape_stops_presenting(window, present, qtbot, where):
    presenter = present()
    view, console = presenter.view, presenter.console
    target = getattr(presenter, where)
    activate(qtbot, target)
    qtbot.keyClick(target, K.Key_Escape)
    assert window.presenter is presenter and presenter.running  # the first Esc only asks
    assert console.question.isVisible() and console.question.label.text().startswith("Stop presenting?")
    qtbot.keyClick(target, K.Key_Escape)
    assert window.presenter is None
    assert not presenter.running
    assert not view.isVisible() and not console.isVisible()
    assert "Presenting stopped" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not shiboken6.isValid(view) and not shiboken6.isValid(console), timeout=2000)


def test_closing_the_console_window_asks_then_stops_presenting(window, present, qtbot):
    presenter = present()
    view, console = presenter.view, presenter.console
    console.close()
    assert presenter.running and console.isVisible() and console.question.name == "stop"
    stop = next(button for button in console.question.buttons if button.text() == "Stop presenting (Esc)")
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    assert window.presenter is None and not presenter.running
    assert not view.isVisible()


# -- 3 and 4. the projector comes and goes ------------------------------------------------


def _unplugged_mid_session(present, qtbot):
    presenter = present()
    for _n in range(3):
        qtbot.keyClick(presenter.console, K.Key_Right)
    assert_at(presenter, 2)
    unplug_projector()
    qtbot.waitUntil(lambda: not presenter.view.isFullScreen() and presenter.view.isVisible(), timeout=2000)
    qtbot.wait(20)
    return presenter


def test_unplugging_the_projector_keeps_the_session_going(window, present, qtbot):
    presenter = _unplugged_mid_session(present, qtbot)
    view, console = presenter.view, presenter.console
    assert [screen.name() for screen in QGuiApplication.screens()] == ["Laptop"]
    assert presenter.running and window.presenter is presenter
    assert_at(presenter, 2)
    assert view.isVisible() and not view.isFullScreen()
    assert view.screen().name() == "Laptop"
    assert console.message.isVisible() and "projector" in console.message.text().lower()
    assert console.screen_box.count() == 1 and console.screen_box.currentData() == ""
    qtbot.keyClick(console, K.Key_Right)
    assert_at(presenter, 3)
    qtbot.keyClick(console, K.Key_Left)
    assert_at(presenter, 2)

    plug_in_projector()
    qtbot.waitUntil(lambda: on_projector(presenter), timeout=2000)
    assert_at(presenter, 2)
    assert "Projector" in console.message.text()
    assert console.screen_box.currentData() == "Projector"
    qtbot.keyClick(console, K.Key_Right)
    assert_at(presenter, 3)


def test_after_unplugging_the_view_is_a_window_that_fits_on_the_laptop(window, present, qtbot):
    presenter = _unplugged_mid_session(present, qtbot)
    laptop = screen_of("Laptop").availableGeometry()
    assert laptop.contains(presenter.view.geometry()), presenter.view.geometry()


def test_with_only_the_laptop_the_view_is_a_window(window, present, qtbot):
    unplug_projector()
    presenter = present()
    view, console = presenter.view, presenter.console
    assert console.question.name == "one picture" and not view.isVisible()  # it says the room would see the console
    qtbot.keyClick(console, K.Key_Return)  # present anyway
    laptop = screen_of("Laptop")
    assert view.isVisible() and not view.isFullScreen()
    assert view.screen() is laptop and console.screen() is laptop
    assert laptop.availableGeometry().contains(view.geometry())
    assert view.width() < laptop.geometry().width()
    assert console.screen_box.count() == 1 and console.screen_box.currentData() == ""
    qtbot.keyClick(console, K.Key_Right)
    assert_at(presenter, 0)
    # A projector plugged in now takes the room's screen.
    plug_in_projector()
    qtbot.waitUntil(lambda: on_projector(presenter), timeout=2000)
    assert "Projector" in console.message.text()
    assert_at(presenter, 0)


# -- 5. the screen chooser ------------------------------------------------------------------


def test_the_screen_chooser_moves_the_view_and_is_remembered(window, present, qtbot):
    presenter = present()
    console, view = presenter.console, presenter.view
    labels = [console.screen_box.itemText(i) for i in range(console.screen_box.count())]
    assert labels == ["A window on this screen", "Projector"]
    qtbot.keyClick(console, K.Key_Right)

    choose(console.screen_box, "")
    assert view.isVisible() and not view.isFullScreen()
    assert view.screen().name() == "Laptop"
    assert screen_of("Laptop").availableGeometry().contains(view.geometry())
    assert window.preferences.get(PRESENT_SCREEN) == WINDOW_HERE
    assert_at(presenter, 0)

    choose(console.screen_box, "Projector")
    assert on_projector(presenter)
    assert window.preferences.get(PRESENT_SCREEN) == "Projector"
    assert_at(presenter, 0)

    # "A window" is remembered for the next time.
    choose(console.screen_box, "")
    presenter.stop()
    again = present()
    assert again is not presenter
    assert again.view.isVisible() and not again.view.isFullScreen()
    assert again.view.screen().name() == "Laptop"
    assert again.console.screen_box.currentData() == ""
    # With "a window" chosen, a projector plugged in is offered, not taken.
    unplug_projector()
    plug_in_projector()
    qtbot.wait(20)
    assert not again.view.isFullScreen()
    assert "Choose it" in again.console.message.text()
    assert again.console.screen_box.findData("Projector") > 0


def test_the_sound_choice_can_be_ticked_with_the_keyboard(window, present, qtbot):
    presenter = present()
    box = presenter.console.sound_box
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus  # it is meant to be reached with Tab
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, K.Key_Space)
    assert box.isChecked()


# -- 6. theme and text size ------------------------------------------------------------------


def test_theme_and_text_size_change_the_room_and_are_remembered(window, present, qtbot):
    presenter = present()
    view, console = presenter.view, presenter.console
    assert view.drawing.look.theme.key == "cream" and view.drawing.look.scale == 1.0
    title_before = view.current_layout().title.font.pixelSize()

    choose(console.theme_box, "black")
    assert view.drawing.look.theme.key == "black"
    assert window.preferences.get(PRESENT_THEME) == "black"
    assert view.grab().toImage().pixelColor(3, 3) == QColor(THEMES["black"].background)

    choose(console.size_box, "largest")
    assert view.drawing.look.scale == 1.4
    assert window.preferences.get(PRESENT_TEXT_SIZE) == "largest"
    heading = view.current_layout().texts[0]
    # The heading keeps its size, so the bigger words go to the title.
    assert heading.text == "Welcome" and heading.font.pixelSize() == round(1080 / 16)
    assert view.current_layout().title.font.pixelSize() >= title_before

    presenter.stop()
    again = present()
    assert again.view.drawing.look.theme.key == "black" and again.view.drawing.look.scale == 1.4
    assert again.console.theme_box.currentData() == "black"
    assert again.console.size_box.currentData() == "largest"


# -- 7. the buttons ----------------------------------------------------------------------------


def test_five_more_minutes(window, present, qtbot):
    presenter = present()
    clock = FakeTime(presenter)
    qtbot.keyClick(presenter.console, K.Key_Right)
    clock.passes(120)
    before = presenter.session.timer()
    assert (before.planned, before.left) == (600, 480)
    assert presenter.console.item_time.text() == "8 minutes left of 10 minutes"
    qtbot.mouseClick(presenter.console.more_time_button, Qt.MouseButton.LeftButton)
    after = presenter.session.timer()
    assert (after.planned, after.left) == (900, 780)
    assert presenter.view.drawing.timer == after
    assert presenter.console.item_time.text() == "13 minutes left of 15 minutes"
    assert_at(presenter, 0)


def test_a_break_from_the_menu_and_the_button_that_ends_it(window, present, qtbot):
    presenter = present()
    clock = FakeTime(presenter)
    console, view = presenter.console, presenter.view
    qtbot.keyClick(console, K.Key_Right)
    clock.passes(60)
    assert console.break_button.menu() is console.break_menu
    ten = next(a for a in console.break_menu.actions() if a.text() == format_minutes(10))
    ten.trigger()  # Break ▸ 10 minutes
    screen = view.drawing.screen
    assert screen.kind is Kind.BREAK
    assert screen.words == "Back at 10:12"  # 10:01:30 + 10 minutes, to the minute after
    assert console.break_button.text() == "End the break" and console.break_button.menu() is None
    assert "break" in console.now_label.text()
    assert presenter.session.paused  # the item's time waits for the break
    clock.passes(300)
    qtbot.mouseClick(console.break_button, Qt.MouseButton.LeftButton)
    assert_at(presenter, 0)
    assert not presenter.session.paused
    assert presenter.session.timer().left == 540  # the 5 minutes of break did not count
    assert console.break_button.text() == "Break"


def test_the_console_says_the_same_break_end_as_the_room(window, present, qtbot):
    presenter = present()
    clock = FakeTime(presenter)
    qtbot.keyClick(presenter.console, K.Key_Right)
    clock.passes(60)
    presenter.console.break_chosen.emit(10)
    room = presenter.view.drawing.screen.words.removeprefix("Back at ")
    assert room == "10:12"
    assert room in presenter.console.item_time.text(), presenter.console.item_time.text()


def test_a_hard_word_on_the_big_screen(window, present, qtbot, monkeypatch):
    chosen = []

    def pick(picker):
        if not chosen:  # the first time the facilitator changes their mind: Cancel
            chosen.append(None)
            picker.reject()
            return picker.result()
        picker.search.setText("advocate")
        assert picker.list.count() > 0 and picker.show_button.isEnabled()
        picker.show_button.click()
        chosen.append(picker.entry)
        return picker.result()

    monkeypatch.setattr(WordPicker, "exec", pick)
    presenter = present()
    qtbot.keyClick(presenter.console, K.Key_Right)
    qtbot.mouseClick(presenter.console.word_button, Qt.MouseButton.LeftButton)
    assert_at(presenter, 0)  # cancelled: nothing changes
    qtbot.mouseClick(presenter.console.word_button, Qt.MouseButton.LeftButton)
    entry = chosen[1]
    assert entry is not None and entry.term.lower().startswith("advoca")
    screen = presenter.view.drawing.screen
    assert screen.kind is Kind.WORD
    assert (screen.title, screen.words, screen.heading) == (entry.term, entry.plain, "What this word means")
    assert "hard word" in presenter.console.now_label.text()
    qtbot.keyClick(presenter.console, K.Key_Right)  # the word goes; the place stays
    assert_at(presenter, 0)


def _decision_dialog(monkeypatch, text: str, seen: list):
    def write(dialog):
        seen.append(dialog)
        dialog.text.setPlainText(text)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
        if dialog.result() != QDialog.DialogCode.Accepted:
            dialog.reject()  # the facilitator gives up: Cancel
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", write)


def test_a_decision_is_saved_linked_to_the_item_and_read_back(window, present, qtbot, monkeypatch):
    seen = []
    _decision_dialog(monkeypatch, "  We will meet on the first Tuesday of every month  ", seen)
    presenter = present()
    for _n in range(4):
        qtbot.keyClick(presenter.console, K.Key_Right)
    item = presenter.session.item()
    before = len(stored(window, presenter).decisions)
    qtbot.keyClick(presenter.console, K.Key_D)
    decisions = stored(window, presenter).decisions
    assert len(decisions) == before + 1
    saved = decisions[-1]
    assert saved.text == "We will meet on the first Tuesday of every month"
    assert saved.agenda_item_id == item.id
    screen = presenter.view.drawing.screen
    assert screen.kind is Kind.DECISION
    assert (screen.heading, screen.title) == ("Is this right?", saved.text)
    assert presenter.console.message.text().startswith("Decision saved.")
    assert presenter.session.place == 3
    # It is an ordinary edit: Undo takes it away again.
    assert window.history.canUndo()
    window.history.undo()
    assert len(stored(window, presenter).decisions) == before


def test_an_empty_decision_is_refused_and_nothing_saved(window, present, qtbot, monkeypatch):
    seen = []
    _decision_dialog(monkeypatch, "   \n  ", seen)
    presenter = present()
    qtbot.keyClick(presenter.console, K.Key_Right)
    before = stored(window, presenter).decisions
    qtbot.keyClick(presenter.console, K.Key_D)
    dialog = seen[0]
    assert not dialog.problem.isHidden() and "Write what was decided" in dialog.problem.text()
    assert stored(window, presenter).decisions == before
    assert not window.history.canUndo()
    assert not presenter.console.message.text().startswith("Decision saved.")
    assert_at(presenter, 0)


# -- 8. the room's times -----------------------------------------------------------------------


def test_the_room_s_times_are_kept_for_each_item(window, present, qtbot):
    presenter = present()
    clock = FakeTime(presenter)
    agenda = presenter.session.agenda
    marks = [clock.now()]
    for seconds in (300, 420, 90):
        qtbot.keyClick(presenter.console, K.Key_Right)
        clock.passes(seconds)
        marks.append(clock.now())
    qtbot.keyClick(presenter.console, K.Key_Escape)
    qtbot.keyClick(presenter.console, K.Key_Escape)
    assert window.presenter is None
    timings = sorted(stored(window, presenter).timings, key=lambda t: t.started)
    assert [t.agenda_item_id for t in timings] == [item.id for item in agenda[:3]]
    for timing, started, ended in zip(timings, marks, marks[1:]):
        assert timing.started <= timing.ended
        assert (timing.started, timing.ended) == (started, ended)
    assert [round(t.minutes(), 1) for t in timings] == [5.0, 7.0, 1.5]


def test_an_unplanned_break_is_kept_as_a_timing_with_no_item(window, present, qtbot):
    presenter = present()
    clock = FakeTime(presenter)
    qtbot.keyClick(presenter.console, K.Key_Right)
    clock.passes(60)
    presenter.console.break_chosen.emit(15)
    taken = clock.now()
    clock.passes(600)
    qtbot.mouseClick(presenter.console.break_button, Qt.MouseButton.LeftButton)
    back = clock.now()
    clock.passes(30)
    presenter.stop()
    timings = stored(window, presenter).timings
    breaks = [t for t in timings if t.agenda_item_id is None]
    assert len(breaks) == 1 and (breaks[0].started, breaks[0].ended) == (taken, back)
    items = [t for t in timings if t.agenda_item_id is not None]
    assert [t.agenda_item_id for t in items] == [presenter.session.agenda[0].id]
    assert items[0].started == START and items[0].ended == clock.now()


# -- 9. Shift+F5 ---------------------------------------------------------------------------------


def test_f5_starts_at_the_welcome_and_shift_f5_at_the_chosen_item(window, qtbot):
    activate(qtbot, window)
    qtbot.keyClick(window, K.Key_F5)
    presenter = window.presenter
    assert presenter is not None
    try:
        assert_at(presenter, -1)
    finally:
        presenter.stop()
    window.page.planner.select_row(3)
    chosen = window.page.planner.current_item()
    activate(qtbot, window)
    qtbot.keyClick(window, K.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    presenter = window.presenter
    assert presenter is not None
    try:
        assert_at(presenter, 3)
        assert presenter.view.drawing.screen.item_id == chosen.id
        assert on_projector(presenter)
    finally:
        presenter.stop()
    assert window.presenter is None


def test_present_from_the_chosen_item(window, present):
    window.page.planner.select_row(6)
    presenter = present(True)
    assert_at(presenter, 6)


# -- 10. the timer ---------------------------------------------------------------------------------


def test_the_timer_runs_then_is_nearly_over_then_over(window, present, qtbot):
    presenter = present()
    clock = FakeTime(presenter)
    qtbot.keyClick(presenter.console, K.Key_Right)
    assert presenter.session.item().minutes == 10
    view, console = presenter.view, presenter.console
    clock.passes(7 * 60)
    assert view.drawing.timer.phase is Phase.RUNNING
    assert console.item_time.text() == "3 minutes left of 10 minutes"
    clock.passes(60 + 1)  # 1:59 left: the last 2 minutes
    assert view.drawing.timer.phase is Phase.NEARLY
    assert console.item_time.text() == "2 minutes left of 10 minutes"
    clock.passes(2 * 60)
    assert view.drawing.timer.phase is Phase.OVER
    assert "over time" in console.item_time.text()
    clock.passes(90)
    assert view.drawing.timer.phase is Phase.OVER
    assert console.item_time.text() == "1 minute over time"  # 1:31 over
    assert_at(presenter, 0)


# -- 11. editing while presenting -----------------------------------------------------------------------


def test_editing_the_workshop_while_presenting_keeps_the_place(window, present, qtbot):
    presenter = present()
    clock = FakeTime(presenter)
    for _n in range(3):
        qtbot.keyClick(presenter.console, K.Key_Right)
    clock.passes(120)
    wid = presenter.workshop_id
    item = stored(window, presenter).agenda[2]
    left = presenter.session.timer().left

    window.library.update_part(wid, "agenda", dataclasses.replace(item, title="What has changed since March"))
    assert presenter.view.drawing.screen.title == "What has changed since March"
    assert presenter.console.now_label.text().endswith("What has changed since March")
    assert_at(presenter, 2)

    current = stored(window, presenter).agenda[2]
    window.history.push(ChangePart.of(wid, "agenda", current, title="Looking back together"))
    assert presenter.view.drawing.screen.title == "Looking back together"
    assert_at(presenter, 2)

    window.history.push(AddPart(wid, "agenda", AgendaItem("Coffee first", minutes=5), 0))
    assert presenter.session.place == 3
    assert presenter.view.drawing.screen.item_id == item.id
    assert_at(presenter, 3)
    assert presenter.session.timer().left == left  # the item's time goes on
    qtbot.keyClick(presenter.console, K.Key_Right)
    assert_at(presenter, 4)


def test_a_title_too_long_for_the_big_screen_is_cut_and_the_console_says_so(window, present, qtbot):
    presenter = present()
    qtbot.keyClick(presenter.console, K.Key_Right)
    item = stored(window, presenter).agenda[0]
    long_title = " ".join(["Talking"] * 50) + "."
    window.history.push(ChangePart.of(presenter.workshop_id, "agenda", item, title=long_title))
    layout = presenter.view.current_layout()
    assert layout.cut and layout.title.text.endswith("…")
    assert presenter.view.drawing.screen.title == long_title
    assert presenter.console.message.isVisible() and "too long" in presenter.console.message.text()
    assert presenter.session.place == 0


def test_adding_an_item_on_the_end_screen_keeps_the_end(window, present, qtbot):
    presenter = present()
    presenter.session.go_to(presenter.session.last_place)
    assert_at(presenter, len(presenter.session.agenda))
    window.history.push(AddPart(presenter.workshop_id, "agenda", AgendaItem("One more thing")))
    assert presenter.view.drawing.screen.kind is Kind.END
    assert_at(presenter, len(presenter.session.agenda))


def test_deleting_the_workshop_stops_presenting(window, present, qtbot):
    presenter = present()
    qtbot.keyClick(presenter.console, K.Key_Right)
    window.library.remove_workshop(presenter.workshop_id)
    qtbot.waitUntil(lambda: window.presenter is None, timeout=2000)
    assert not presenter.running


# -- 12. nothing blocks ---------------------------------------------------------------------------------


def test_the_event_loop_keeps_running_while_presenting(window, present, qtbot):
    presenter = present()
    fired, ticks = [], []
    beat = QTimer()
    beat.setInterval(20)
    beat.timeout.connect(lambda: fired.append(time.monotonic()))
    presenter._ticker.timeout.connect(lambda: ticks.append(time.monotonic()))
    beat.start()
    began = time.monotonic()
    keys = [K.Key_Right] * 6 + [K.Key_Left] * 3
    while keys or time.monotonic() - began < 1.0:
        qtbot.wait(100)
        if keys:
            qtbot.keyClick(presenter.console, keys.pop(0))  # each step repaints the 1920x1080 view
    beat.stop()
    assert presenter.session.place == 2
    gaps = [b - a for a, b in zip(fired, fired[1:])]
    assert len(fired) >= 30, f"the 20 ms timer fired {len(fired)} times in 1 s"
    assert max(gaps) < 0.2, f"the event loop stopped for {max(gaps) * 1000:.0f} ms"
    assert len(ticks) >= 3  # the presenter's own 250 ms tick ran too
    assert QApplication.activeModalWidget() is None
