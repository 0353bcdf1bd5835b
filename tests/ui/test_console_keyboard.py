"""The presenter's console from the keyboard alone: every button has a key and Tab reaches it, the clicker's keys
reach the session whatever has the focus, the decision flow has keys, and the console's messages are announced.

The console's buttons are found by walking its widgets, so a button added later is checked too.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QPushButton

from facilitator.core.edits import AddPart
from facilitator.core.model import Agreement, Decision
from facilitator.session.run import Cover
from facilitator.ui.presenter.console_parts import BigButton, key_words
from facilitator.ui.presenter.decision_dialog import DecisionDialog
from facilitator.ui.presenter.word_picker import WordPicker
from tests.ui.screens import plug_in_projector, unplug_projector

K = Qt.Key


@pytest.fixture
def presenter(window, qtbot):
    window.present()
    started = window.presenter
    assert started is not None and started.running
    qtbot.waitUntil(started.console.isActiveWindow, timeout=2000)
    yield started
    if window.presenter is not None:
        window.presenter.stop()
    if len(QGuiApplication.screens()) < 2:
        plug_in_projector()


def buttons_of(console) -> list[QAbstractButton]:
    """Every push button of the console, except a question's answers (keys answer those, as their buttons say)."""
    return [b for b in console.findChildren(QPushButton) if not console.question.isAncestorOf(b)]


def tab_round(qtbot, console) -> list:
    """Press Tab from the console until the focus comes back round; what it reached, in order."""
    console.setFocus()
    qtbot.waitUntil(console.hasFocus, timeout=2000)
    reached = []
    for _n in range(200):
        qtbot.keyClick(QApplication.focusWidget(), K.Key_Tab)
        widget = QApplication.focusWidget()
        if widget in reached:
            break
        reached.append(widget)
    return reached


def counted_decision(window, presenter, counts=(7, 2, 1)) -> Decision:
    """A counted decision written on this item and put on the big screen, as D and Save do."""
    decision = Decision("We will meet every month in the garden room", presenter.session.item().id,
                        agreement=Agreement.COUNTED, agree=counts[0], not_sure=counts[1], disagree=counts[2])
    window.history.push(AddPart(presenter.workshop_id, "decisions", decision))
    presenter.recording.show(decision, aloud=False)
    return decision


def stored_decision(window, presenter, decision) -> Decision:
    return next(d for d in window.library.load_workshop(presenter.workshop_id).decisions if d.id == decision.id)


# -- every button: Tab reaches it, and it has a key -------------------------------------------------------


@pytest.mark.parametrize("state", ["no decision", "counts", "read back"])
def test_tab_reaches_every_button_and_box_and_comes_back_round(window, presenter, qtbot, state):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    if state != "no decision":
        counted_decision(window, presenter)
    if state == "read back":
        qtbot.keyClick(console, K.Key_K)
    reached = tab_round(qtbot, console)
    shown = [b for b in buttons_of(console) if b.isVisible()]
    boxes = [w for w in console.findChildren(QComboBox) + console.findChildren(QCheckBox) if w.isVisible()]
    assert len(shown) >= 10
    missing = [w.text() if isinstance(w, QAbstractButton) else w.accessibleName() for w in shown + boxes if w not in reached]
    assert not missing, f"Tab never reaches {missing}"
    assert presenter.console.notes in reached and console.keys_hint in reached and console.now_label in reached
    assert all(console.isAncestorOf(w) for w in reached)  # Tab goes round the console, not off somewhere
    assert len(reached) < 60  # and back to where it started: no trap


def test_every_button_has_a_key_shown_on_it_that_presses_it(window, presenter, qtbot, monkeypatch):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    counted_decision(window, presenter)
    qtbot.keyClick(console, K.Key_K)  # read back: every key of the decision flow works now
    pressed = []
    monkeypatch.setattr(console, "press", pressed.append)  # what each key would press; nothing happens
    for button in buttons_of(console):
        action = console.key_actions.get(button)
        assert action is not None, f"“{button.text()}” has no key"
        assert action in console.actions() and action in presenter.view.actions()  # on the room's view too
        key = console.key_of(button)
        assert isinstance(button, BigButton) and f"({key})" in button.shown(), (button.shown(), key)
        assert key in button.toolTip() and key in button.accessibleDescription()
        first = action.shortcuts()[0][0]
        pressed.clear()
        qtbot.keyClick(console, first.key(), first.keyboardModifiers())
        assert pressed == [button], f"{key} does not press “{button.text()}”"
        letter = key if len(key) == 1 and key.isalpha() else ""
        if letter:  # and with Alt
            pressed.clear()
            qtbot.keyClick(console, first.key(), Qt.KeyboardModifier.AltModifier)
            assert pressed == [button], f"Alt+{key} does not press “{button.text()}”"


def test_a_key_does_what_a_click_does(window, presenter, qtbot):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    clicked = []
    console.more_time_button.clicked.connect(lambda: clicked.append("more"))
    planned = presenter.session.timer().planned
    qtbot.keyClick(console, K.Key_Plus)
    assert clicked == ["more"] and presenter.session.timer().planned == planned + 300
    qtbot.keyClick(console, K.Key_Equal)  # the same key without Shift
    assert presenter.session.timer().planned == planned + 600
    console.more_time_button.hide()
    qtbot.keyClick(console, K.Key_Plus)  # a hidden button's key does nothing
    assert clicked == ["more", "more"]


def test_the_break_menu_by_keyboard(presenter, qtbot):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    chosen = []
    console.break_chosen.connect(chosen.append)

    qtbot.keyClick(console, K.Key_T)  # the menu opens from the key
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is console.break_menu, timeout=2000)
    for key in (K.Key_Down, K.Key_Down, K.Key_Return):  # 5 minutes, then 10 minutes; Enter takes it
        qtbot.keyClick(console.break_menu, key)
    assert chosen == [10]
    assert presenter.session.covering.kind is Cover.BREAK
    assert console.break_button.text() == "End the break"
    qtbot.keyClick(console, K.Key_T)  # on a break, the same key ends it
    assert presenter.session.covering is None


def test_the_write_down_menu_and_hard_word_by_keyboard(presenter, qtbot, monkeypatch):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    opened = []
    monkeypatch.setattr(WordPicker, "exec", lambda picker: opened.append("word") or 0)
    qtbot.keyClick(console, K.Key_H)
    assert opened == ["word"]
    qtbot.keyClick(console, K.Key_W)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is console.write_menu, timeout=2000)
    qtbot.keyClick(console.write_menu, K.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    assert presenter.running and not console.question.name  # Esc closed the menu, and did not ask to stop


def test_the_key_list_names_every_key(window, presenter, qtbot):
    console = presenter.console
    listed = {word for _heading, entries in console.key_list() for keys, _what in entries for word in keys}
    text = console.keys_hint.text()
    for _heading, entries in console.key_list():
        for keys, what in entries:
            assert console.key_entry(keys, what) in text
    seen = 0
    for action in console.actions():
        for sequence in action.shortcuts():
            words = key_words(sequence.toString())
            seen += 1
            if words.startswith("Alt+") and len(words) == 5:
                assert "Alt" in listed and words[-1] in listed, words
            else:
                assert words in listed, f"{words} ({action.text()}) is not in the key list"
    assert seen >= 40
    assert {"→", "Page Down", "Space", "B", "Esc", "T", "H", "K", "Y", "C", "S", "U", "+"} <= listed


# -- the clicker's keys, whatever has the focus -------------------------------------------------------------


def test_the_clicker_keys_reach_the_session_whatever_has_the_focus(presenter, qtbot):
    console = presenter.console
    reached = tab_round(qtbot, console)
    assert len(reached) > 20
    place = presenter.session.place
    for widget in reached:
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus, timeout=2000)
        qtbot.keyClick(widget, K.Key_Right)
        assert presenter.session.place == place + 1, f"→ with the focus on {widget!r}"
        qtbot.keyClick(widget, K.Key_PageUp)
        assert presenter.session.place == place, f"Page Up with the focus on {widget!r}"
        assert widget.hasFocus()
    for widget in (console.next_button, console.theme_box, console.notes):
        widget.setFocus()
        qtbot.keyClick(widget, K.Key_Space)
        assert presenter.session.paused
        qtbot.keyClick(widget, K.Key_Space)
        assert not presenter.session.paused
        qtbot.keyClick(widget, K.Key_B)
        assert presenter.session.covering.kind is Cover.BLANK
        qtbot.keyClick(widget, K.Key_Period)
        assert presenter.session.covering is None


def test_enter_and_space_on_a_focused_button_do_their_own_thing_once(presenter, qtbot):
    """The rule: Space always pauses and Enter always goes on; neither also presses the focused button."""
    console = presenter.console
    console.next_button.setFocus()
    qtbot.waitUntil(console.next_button.hasFocus, timeout=2000)
    qtbot.keyClick(console.next_button, K.Key_Return)
    assert presenter.session.place == 0  # one item, not two
    qtbot.keyClick(console.next_button, K.Key_Space)
    assert presenter.session.paused and presenter.session.place == 0
    console.pause_button.setFocus()
    qtbot.keyClick(console.pause_button, K.Key_Space)
    assert not presenter.session.paused  # pressed once, not twice
    console.previous_button.setFocus()
    qtbot.keyClick(console.previous_button, K.Key_Enter)
    assert presenter.session.place == 1


def test_the_notes_take_the_focus_and_scroll_by_keyboard(window, presenter, qtbot):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    console.set_items("Item 1", "", "\n".join(f"Line {n} of the notes" for n in range(200)))
    bar = console.notes.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    console.notes.setFocus()
    qtbot.waitUntil(console.notes.hasFocus, timeout=2000)
    qtbot.keyClick(console.notes, K.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() > 0
    qtbot.keyClick(console.notes, K.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    down = bar.value()
    assert down > bar.singleStep()
    console.next_button.setFocus()  # from anywhere on the console
    qtbot.keyClick(console.next_button, K.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() < down
    assert presenter.session.place == 0


# -- the decision flow by keys --------------------------------------------------------------------------------


def test_a_counted_decision_by_keys_alone(window, presenter, qtbot, monkeypatch):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)

    def write(dialog):
        dialog.text.setPlainText("We paint the hall green")
        dialog.how_buttons[Agreement.COUNTED].click()
        dialog.agree.setValue(6)
        dialog.read_back.setChecked(True)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", write)
    qtbot.keyClick(console, K.Key_D)
    decision = presenter.recording.current()
    assert decision is not None and presenter.session.covering.kind is Cover.RESULT
    qtbot.keyClick(console, K.Key_Y)  # not yet: the room has not heard it read back
    assert not stored_decision(window, presenter, decision).agreed
    assert "read the decision back" in console.message.text() and "K" in console.message.text()
    qtbot.keyClick(console, K.Key_K)
    assert presenter.session.covering.kind is Cover.DECISION
    assert console.agreed_button.isVisible()
    qtbot.keyClick(console, K.Key_Y)
    assert stored_decision(window, presenter, decision).agreed
    assert presenter.view.drawing.screen.heading == "We agreed"
    qtbot.keyClick(console, K.Key_Right)  # agreed: it goes without asking
    assert presenter.session.covering is None and not console.question.name and presenter.session.place == 0


def test_next_on_the_counts_reads_the_decision_back(window, presenter, qtbot):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    counted_decision(window, presenter)
    qtbot.keyClick(console, K.Key_PageDown)
    assert presenter.session.covering.kind is Cover.DECISION
    assert presenter.view.drawing.screen.heading == "Is this right?"


@pytest.mark.parametrize(("go", "again"), [(K.Key_Right, K.Key_Right), (K.Key_PageDown, K.Key_Down),
                                           (K.Key_Left, K.Key_PageUp), ("button", K.Key_Return)])
def test_next_on_a_decision_not_agreed_asks_and_keeps_it(window, presenter, qtbot, heard, go, again):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    decision = counted_decision(window, presenter)
    qtbot.keyClick(console, K.Key_K)
    clock = presenter.session.timer().phase
    if go == "button":
        qtbot.mouseClick(console.next_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(console, go)
    assert console.question.name == "decision" and console.question.isVisible()
    assert "not agreed" in console.question.label.text()
    assert any("not agreed" in text and urgent for text, urgent in heard)  # said at once
    assert presenter.session.covering.kind is Cover.DECISION and presenter.session.place == 0  # kept
    assert presenter.session.timer().phase is clock  # the timer goes on: it is not a dialog
    qtbot.keyClick(console, K.Key_Escape)  # keep it
    assert not console.question.name and presenter.session.covering.kind is Cover.DECISION
    assert presenter.running
    qtbot.keyClick(console, K.Key_Right if go == "button" else go)
    assert console.question.name == "decision"
    qtbot.keyClick(console, again)  # the same way again: off the screen, still to decide
    assert presenter.session.covering is None and presenter.session.place == 0
    kept = stored_decision(window, presenter, decision)
    assert kept.agreed is False and kept.text == decision.text
    assert console.message.text().startswith("Kept as still to decide.")


def test_y_answers_the_question_too(window, presenter, qtbot):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    decision = counted_decision(window, presenter)
    qtbot.keyClick(console, K.Key_K)
    qtbot.keyClick(console, K.Key_Right)
    assert console.question.name == "decision" and not console.read_back_bar.isVisible()  # the question has room
    qtbot.keyClick(console, K.Key_Y)
    assert stored_decision(window, presenter, decision).agreed
    assert console.read_back_bar.isVisible() and not console.question.name


# -- messages -------------------------------------------------------------------------------------------------


def test_console_messages_are_announced_and_problems_urgently(window, presenter, qtbot, heard, monkeypatch):
    console = presenter.console
    qtbot.keyClick(console, K.Key_Right)
    presenter.say("Idea saved.")
    assert ("Idea saved.", False) in heard and console.message.text() == "Idea saved."
    assert console.message.accessibleName() == ""  # a screen reader reaching it reads what it shows

    def disk_full(edit):
        raise OSError("the disk is full")

    monkeypatch.setattr(window.history, "push", disk_full)
    presenter.recording._keep(AddPart(presenter.workshop_id, "ideas", None), "Our words")
    assert any(text.startswith("This could not be saved") and "Copy it somewhere safe" in text and urgent
               for text, urgent in heard)
    presenter._read_problem("presenter", "No voice could be found.")
    assert ("No voice could be found.", True) in heard
    unplug_projector()
    qtbot.waitUntil(lambda: any("projector was unplugged" in text for text, _u in heard), timeout=2000)
    assert all(urgent for text, urgent in heard if "projector was unplugged" in text)
    assert "projector" in console.message.text()
