"""Presenting as a first-time facilitator does: stopping asks, starting again goes on, a try-out keeps no times,
a break counts down, and one screen (or a mirrored projector) is said before the room sees the console.

Driven through the real windows and keys on Qt's offscreen platform: two screens side by side
(tests/ui/two_screens.json) unless a test gives it one (one_screen.json) or two showing the same picture
(mirrored_screens.json). Time is a fake clock moved by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from facilitator.session.run import Phase
from facilitator.session.screens import Kind, screen_now
from facilitator.ui.presenter import presenter as presenting
from facilitator.ui.presenter.decision_dialog import DecisionDialog
from facilitator.ui.settings import PRESENT_TEXT_SIZE
from tests.ui.screens import _set_configuration, plug_in_projector

K = Qt.Key
START = dt.datetime(2026, 12, 8, 10, 0, 30)
HERE = Path(__file__).parent


@pytest.fixture(autouse=True)
def two_screens_again_and_nothing_remembered(monkeypatch):
    """Each test starts with both screens and no memory of where presenting stopped."""
    monkeypatch.setattr(presenting, "STOPPED_AT", {})
    try:
        yield
    finally:
        plug_in_projector()
        assert [screen.name() for screen in QGuiApplication.screens()] == ["Laptop", "Projector"]


def use_screens(name: str) -> None:
    _set_configuration(json.loads((HERE / name).read_text(encoding="utf-8")))


@pytest.fixture
def start(window, qtbot):
    """Start as F5 (or, ``try_out``, as Projector ▸ Try it out) does, from the menu's action; stopped at the end."""
    started = []

    def begin(try_out: bool = False):
        (window.actions.try_out if try_out else window.actions.present).trigger()
        presenter = window.presenter
        assert presenter is not None and presenter.running
        started.append(presenter)
        qtbot.waitUntil(presenter.console.isActiveWindow, timeout=2000)
        return presenter

    yield begin
    for presenter in started:
        presenter.stop()


class FakeTime:
    def __init__(self, presenter, wall: dt.datetime = START):
        self.presenter = presenter
        self.seconds = [1000.0]
        self.wall = [wall]
        presenter.session._clock = lambda: self.seconds[0]
        presenter.session._now = lambda: self.wall[0]

    def passes(self, seconds: float) -> None:
        self.seconds[0] += seconds
        self.wall[0] += dt.timedelta(seconds=seconds)
        self.presenter._tick()


def keys(qtbot, where, *pressed) -> None:
    for key in pressed:
        qtbot.keyClick(where, key)


def stored(window, presenter):
    return window.library.load_workshop(presenter.workshop_id)


def asked(presenter) -> str:
    question = presenter.console.question
    return question.name if question.isVisible() else ""


def button(presenter, words: str):
    return next(b for b in presenter.console.question.buttons if b.text() == words)


# -- stopping asks ---------------------------------------------------------------------------


def test_escape_asks_and_any_other_key_goes_back_to_the_session(window, start, qtbot):
    presenter = start()
    console = presenter.console
    keys(qtbot, console, K.Key_Right, K.Key_Right)
    assert presenter.session.place == 1
    for answer in (K.Key_Right, K.Key_Return, K.Key_B, K.Key_Space):
        qtbot.keyClick(console, K.Key_Escape)
        assert asked(presenter) == "stop" and "Stop presenting?" in console.question.label.text()
        qtbot.keyClick(console, answer)  # it only answers: nothing moves, blanks or pauses
        assert asked(presenter) == "" and presenter.running
        assert presenter.session.place == 1 and presenter.session.covering is None and not presenter.session.paused
    # The keys work again as before.
    qtbot.keyClick(console, K.Key_Right)
    assert presenter.session.place == 2
    # The button "Go on" also goes back; the big "Stop presenting" button asks too.
    qtbot.keyClick(console, K.Key_Escape)
    qtbot.mouseClick(button(presenter, "Go on (Enter)"), Qt.MouseButton.LeftButton)
    assert asked(presenter) == "" and presenter.running
    qtbot.mouseClick(console.stop_button, Qt.MouseButton.LeftButton)
    assert asked(presenter) == "stop" and presenter.running
    qtbot.keyClick(presenter.view, K.Key_Escape)  # a second Esc, on either window, stops
    assert window.presenter is None and not presenter.running
    # Nothing was lost: each item shown has its times.
    shown = [t.agenda_item_id for t in stored(window, presenter).timings]
    assert shown == [item.id for item in presenter.session.agenda[:3]]


# -- starting again goes on ------------------------------------------------------------------------


def test_starting_again_offers_to_go_on_from_where_it_stopped(window, start, qtbot):
    presenter = start()
    keys(qtbot, presenter.console, *[K.Key_Right] * 5)
    tea = presenter.session.item()
    assert tea.title == "Tea break"
    keys(qtbot, presenter.console, K.Key_Escape, K.Key_Escape)
    assert window.presenter is None

    again = start()  # F5
    assert asked(again) == "go on"
    assert again.console.question.label.text() == "Last time presenting stopped at “Tea break”."
    assert [b.text() for b in again.console.question.buttons] == [
        "Go on from “Tea break” (Enter)", "Start from the welcome (Esc)"]
    assert again.view.drawing.screen.kind is Kind.WELCOME  # the room sees the welcome while you choose
    qtbot.keyClick(again.console, K.Key_Return)
    assert asked(again) == "" and again.session.place == 4 and again.view.drawing.screen.item_id == tea.id
    again.stop()

    third = start()
    assert asked(third) == "go on"
    qtbot.keyClick(third.console, K.Key_Escape)  # start from the welcome
    assert asked(third) == "" and third.running and third.session.place == -1
    qtbot.keyClick(third.console, K.Key_Right)
    assert third.session.place == 0


def test_after_the_app_starts_again_the_room_s_times_say_where_we_stopped(window, start, qtbot, monkeypatch):
    presenter = start()
    clock = FakeTime(presenter)
    for _n in range(3):
        qtbot.keyClick(presenter.console, K.Key_Right)
        clock.passes(120)
    presenter.stop()
    monkeypatch.setattr(presenting, "STOPPED_AT", {})  # as after a restart: only the library remembers
    again = start()
    assert asked(again) == "go on"
    title = again.session.agenda[2].title
    qtbot.mouseClick(button(again, f"Go on from “{title}” (Enter)"), Qt.MouseButton.LeftButton)
    assert again.session.place == 2


def test_after_the_end_or_the_welcome_starting_again_starts_at_the_welcome(window, start, qtbot):
    presenter = start()
    presenter.session.go_to(presenter.session.last_place)
    presenter.stop()
    again = start()
    assert asked(again) == "" and again.session.place == -1
    again.stop()
    assert asked(start()) == ""


# -- a try-out keeps no times ---------------------------------------------------------------------------


def test_a_try_out_presents_as_usual_keeps_no_times_and_says_so(window, start, qtbot, monkeypatch):
    # The real day first: the first item took 12 minutes.
    real = start()
    clock = FakeTime(real)
    qtbot.keyClick(real.console, K.Key_Right)
    clock.passes(12 * 60)
    real.stop()
    before = stored(window, real).timings
    first = real.session.agenda[0]
    assert [t.minutes() for t in before] == [12.0]

    def write(dialog):
        dialog.text.setPlainText("We will try the new room")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", write)
    trying = start(try_out=True)
    console = trying.console
    assert asked(trying) == ""  # it does not offer to go on from the real day's place
    assert console.windowTitle() == "Try-out: presenter console"
    assert console.try_out_band.isVisible()
    assert "times are not kept" in console.try_out_band.text() and "write down" in console.try_out_band.text()
    clock = FakeTime(trying)
    for _n in range(4):
        qtbot.keyClick(console, K.Key_Right)
        clock.passes(30)
        # Exactly what the room would see for real.
        assert trying.view.drawing.screen == screen_now(trying.session)
        assert trying.view.isFullScreen() and trying.view.screen().name() == "Projector"
    qtbot.keyClick(console, K.Key_D)  # a decision written in a try-out is kept
    keys(qtbot, console, K.Key_Escape, K.Key_Escape)
    assert window.presenter is None
    after = stored(window, trying)
    assert after.timings == before  # "it took 12 minutes" stays
    assert [d.text for d in after.decisions][-1] == "We will try the new room"
    assert window.statusBar().currentMessage() == "The try-out is over: you went through 4 items. No times were kept."
    window.page.planner.select_row(0)
    assert window.page.planner.editor.taken.text() == f"When it was presented, it took 12 minutes (planned {first.minutes} minutes)."

    # A try-out goes on from where the last try-out stopped, not the real day.
    again = start(try_out=True)
    assert asked(again) == "go on"
    assert again.session.agenda[3].title in again.console.question.label.text()


# -- a break counts down ------------------------------------------------------------------------------------


def _pie(presenter) -> int:
    """The pixels of the countdown's colour on the participant view."""
    layout = presenter.view.current_layout()
    image = presenter.view.grab().toImage().copy(layout.timer.toAlignedRect())
    colour = QColor(presenter.view.drawing.look.theme.timer)
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2) if image.pixelColor(x, y) == colour)


def test_a_break_shows_the_minutes_left_and_the_clock_and_its_shape_empties(window, start, qtbot):
    presenter = start()
    clock = FakeTime(presenter)
    console, view = presenter.console, presenter.view
    qtbot.keyClick(console, K.Key_Right)
    clock.passes(60)
    console.break_chosen.emit(10)  # at 10:01:30: back at 10:12
    assert view.drawing.screen.words == "Back at 10:12"
    timer = view.drawing.timer
    assert (timer.now, timer.minutes_left, timer.phase) == (dt.time(10, 1, 30), 11, Phase.RUNNING)
    full = _pie(presenter)
    clock.passes(5 * 60)
    timer = view.drawing.timer
    assert (timer.now, timer.minutes_left) == (dt.time(10, 6, 30), 6)  # "Now 10:06", 6 minutes to 10:12
    assert console.item_time.text() == "Break until 10:12 · 6 minutes left"
    half = _pie(presenter)
    assert 0.35 < half / full < 0.7
    clock.passes(6 * 60)
    assert view.drawing.timer.phase is Phase.OVER
    qtbot.mouseClick(console.break_button, Qt.MouseButton.LeftButton)
    assert view.drawing.timer.now is None and view.drawing.screen.kind is Kind.ITEM  # the item's own timer again


def test_a_break_on_the_agenda_counts_down_on_the_screen_too(window, start, qtbot):
    presenter = start()
    clock = FakeTime(presenter)
    presenter.session.go_to(4)  # the tea break, 20 minutes, from 10:00:30: back at 10:21
    assert presenter.view.drawing.screen.words == "Back at 10:21"
    assert presenter.view.drawing.timer.minutes_left == 21
    clock.passes(9 * 60)
    assert presenter.view.drawing.timer.minutes_left == 12
    assert presenter.view.drawing.timer.now == dt.time(10, 9, 30)
    # The console says what the room sees, by the same clock.
    assert presenter.console.item_time.text() == "Break until 10:21 · 12 minutes left"


# -- text size on the big screen --------------------------------------------------------------------------


def test_each_text_size_makes_an_item_s_title_and_words_bigger_on_the_projector(window, start, qtbot):
    presenter = start()
    qtbot.keyClick(presenter.console, K.Key_Right)
    qtbot.keyClick(presenter.console, K.Key_Right)  # "Getting to know each other"
    sizes = []
    for key in ("normal", "large", "largest"):
        box = presenter.console.size_box
        index = box.findData(key)
        box.setCurrentIndex(index)
        box.activated.emit(index)
        assert window.preferences.get(PRESENT_TEXT_SIZE) == key
        layout = presenter.view.current_layout()
        words = next(text for text in layout.texts if text.key == "words")
        sizes.append((layout.title.font.pixelSize(), words.font.pixelSize()))
        assert not layout.cut
    assert sizes[0] < sizes[1] < sizes[2] and sizes[0][1] < sizes[1][1] < sizes[2][1], sizes


# -- one screen, or a mirrored projector ---------------------------------------------------------------------


def _side_by_side(presenter) -> None:
    laptop = QGuiApplication.screens()[0].availableGeometry()
    view, console = presenter.view, presenter.console
    assert view.isVisible() and not view.isFullScreen() and console.isVisible()
    assert laptop.contains(view.frameGeometry()) and laptop.contains(console.frameGeometry())
    assert not view.frameGeometry().intersects(console.frameGeometry())  # neither hides the other
    assert view.geometry().left() > console.geometry().left()  # the room's view on the right
    assert view.width() >= 0.4 * laptop.width()  # big enough for the room round a laptop


def test_with_one_screen_it_says_the_room_would_see_the_console_before_it_starts(window, start, qtbot):
    use_screens("one_screen.json")
    presenter = start()
    console = presenter.console
    assert asked(presenter) == "one picture"
    assert console.question.label.text().startswith("There is only one screen.")
    assert "the room will see this console and your notes" in console.question.label.text()
    assert not presenter.view.isVisible() and presenter.session.place == -1
    qtbot.keyClick(console, K.Key_Right)  # not an answer: nothing happens
    assert asked(presenter) == "one picture" and presenter.session.place == -1
    qtbot.keyClick(console, K.Key_Return)  # present anyway
    assert asked(presenter) == "" and presenter.session.place == -1
    _side_by_side(presenter)
    assert "One screen" in console.message.text()
    qtbot.keyClick(console, K.Key_Right)
    assert presenter.session.place == 0


def test_with_one_screen_not_presenting_leaves_nothing_behind(window, start, qtbot):
    use_screens("one_screen.json")
    presenter = start()
    qtbot.mouseClick(button(presenter, "Do not present (Esc)"), Qt.MouseButton.LeftButton)
    assert window.presenter is None and not presenter.running
    assert stored(window, presenter).timings == []
    again = start()
    assert asked(again) == "one picture"  # and it asks again next time, not "go on"
    again.console.close()  # closing the console before anything started: nothing to ask
    assert window.presenter is None and not again.running


def test_a_mirrored_projector_is_said_and_the_view_stays_beside_the_console(window, start, qtbot):
    use_screens("mirrored_screens.json")
    presenter = start()
    assert asked(presenter) == "one picture"
    assert presenter.console.question.label.text().startswith("The projector shows the same picture as this screen")
    qtbot.keyClick(presenter.console, K.Key_Return)
    _side_by_side(presenter)  # not full screen on the mirror, where it would hide the console
    assert presenter.console.screen_box.findData("Projector") > 0  # it can still be chosen, knowingly


def test_a_try_out_on_one_screen_starts_at_once_side_by_side(window, start, qtbot):
    use_screens("one_screen.json")
    presenter = start(try_out=True)
    assert asked(presenter) == ""
    _side_by_side(presenter)

