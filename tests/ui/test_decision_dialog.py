"""The decision dialog on its own: counting hands with the + and − keys and big buttons, and each option
showing the picture for its words (never two the same) until the facilitator picks one.

Keys are pressed on the widget that has the keyboard focus, as a person's key presses would arrive.
The whole path from the console (saving, the big screen, reading back) is in test_recording.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from facilitator.cli import open_app_library
from facilitator.core.choosing import PLAIN_SHAPES
from facilitator.core.model import Agreement, Decision, Option
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.ui.picture_picker import PicturePicker
from facilitator.ui.pictures import PictureStore
from facilitator.ui.presenter.decision_dialog import BIG, MOST_PEOPLE, DecisionDialog

K = Qt.Key
NAMES = ["Joan Whitfield", "Will Jones"]


@pytest.fixture
def store(tmp_path):
    library = open_app_library(tmp_path / "library.sqlite3")
    yield PictureStore(PictureCatalogue.load(), library)
    library.close()


@pytest.fixture
def opened(qtbot, store, monkeypatch):
    """``opened(how, decision)``: the dialog on screen and active, agreeing ``how``. Closed at the end
    without asking whether to throw the words away."""
    monkeypatch.setattr("facilitator.ui.presenter.writing.confirm", lambda *args: True)

    def open_dialog(how: Agreement, decision: Decision | None = None) -> DecisionDialog:
        dialog = DecisionDialog("Choose what matters most", store, NAMES, decision)
        qtbot.addWidget(dialog)
        dialog.how_buttons[how].click()
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        return dialog

    return open_dialog


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def press(qtbot, key, times: int = 1, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``key`` where the keyboard focus is, as a person does."""
    for _n in range(times):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def save(dialog) -> Decision:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == DecisionDialog.DialogCode.Accepted, dialog.problem.text()
    return dialog.decision()


def counts(dialog) -> tuple[int, int, int]:
    return dialog.agree.value(), dialog.not_sure.value(), dialog.disagree.value()


# -- counting with keys ------------------------------------------------------------------------------------


def test_plus_and_minus_count_the_hands_for_the_answer_that_has_the_focus(qtbot, opened):
    dialog = opened(Agreement.COUNTED)
    dialog.text.setPlainText("We open on Saturdays.")
    focus(qtbot, dialog.agree)
    press(qtbot, K.Key_Plus, 7)
    press(qtbot, K.Key_Minus)
    assert counts(dialog) == (6, 0, 0)
    # Tab goes straight to the next answer's count (the buttons are for the mouse and touch): its count
    # changes, the first stays.
    press(qtbot, K.Key_Tab)
    assert dialog.not_sure.hasFocus()
    press(qtbot, K.Key_Plus, 2)
    focus(qtbot, dialog.disagree)
    press(qtbot, K.Key_Equal)  # the + key without Shift
    press(qtbot, K.Key_Plus, modifier=Qt.KeyboardModifier.KeypadModifier)  # the number pad's +
    assert counts(dialog) == (6, 2, 2)
    saved = save(dialog)
    assert (saved.agreement, saved.agree, saved.not_sure, saved.disagree) == (Agreement.COUNTED, 6, 2, 2)


def test_a_count_never_goes_below_nothing_or_above_the_most(qtbot, opened):
    dialog = opened(Agreement.COUNTED)
    focus(qtbot, dialog.disagree)
    press(qtbot, K.Key_Minus, 3)
    assert dialog.disagree.value() == 0 and dialog.disagree.text() == "0"
    dialog.agree.setValue(MOST_PEOPLE - 1)
    focus(qtbot, dialog.agree)
    press(qtbot, K.Key_Plus, 3)
    assert dialog.agree.value() == MOST_PEOPLE
    # The buttons say so too: no "one less" at 0, no "one more" at the most.
    assert not dialog.counters["disagree"].less.isEnabled() and dialog.counters["disagree"].more.isEnabled()
    assert not dialog.counters["agree"].more.isEnabled() and dialog.counters["agree"].less.isEnabled()


def test_a_number_typed_then_counted_on_from(qtbot, opened):
    dialog = opened(Agreement.COUNTED)
    focus(qtbot, dialog.agree)
    dialog.agree.selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), "12")
    press(qtbot, K.Key_Plus)
    assert dialog.agree.value() == 13
    press(qtbot, K.Key_Minus, 2)
    assert dialog.agree.value() == 11


def test_ctrl_plus_is_not_a_count(qtbot, opened):
    dialog = opened(Agreement.COUNTED)
    focus(qtbot, dialog.agree)
    press(qtbot, K.Key_Plus, modifier=Qt.KeyboardModifier.ControlModifier)  # the zoom key
    assert dialog.agree.value() == 0


def test_the_big_buttons_count_and_leave_the_keys_on_that_answer(qtbot, opened):
    dialog = opened(Agreement.COUNTED)
    counter = dialog.counters["not sure"]
    for button in (counter.more, counter.less):
        assert button.width() >= BIG and button.height() >= BIG
    assert (counter.more.accessibleName(), counter.less.accessibleName()) == ("One more for Not sure", "One less for Not sure")
    assert "+" in counter.more.toolTip() and "−" in counter.less.toolTip()
    focus(qtbot, dialog.text)
    for _n in range(3):
        qtbot.mouseClick(counter.more, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(counter.less, Qt.MouseButton.LeftButton)
    assert counts(dialog) == (0, 2, 0)
    assert dialog.not_sure.hasFocus()
    press(qtbot, K.Key_Plus)
    assert counts(dialog) == (0, 3, 0)


def test_each_option_is_counted_with_keys_and_buttons_named_by_its_words(qtbot, opened):
    dialog = opened(Agreement.CHOSEN)
    dialog.text.setPlainText("Where we meet next time")
    home, centre = dialog.option_rows
    home.words.setText("At home")
    centre.words.setText("At the day centre")
    assert home.count.accessibleName() == "How many chose At home"
    assert home.counter.more.accessibleName() == "One more for At home"
    assert centre.counter.less.accessibleName() == "One less for At the day centre"
    assert all(b.width() >= BIG and b.height() >= BIG for b in (home.counter.more, home.counter.less))
    focus(qtbot, home.count)
    press(qtbot, K.Key_Plus, 4)
    focus(qtbot, centre.count)
    press(qtbot, K.Key_Plus, 2)
    press(qtbot, K.Key_Minus, 5)  # stops at 0
    qtbot.mouseClick(centre.counter.more, Qt.MouseButton.LeftButton)
    saved = save(dialog)
    assert [(o.words, o.count) for o in saved.options] == [("At home", 4), ("At the day centre", 1)]


def test_the_dialog_says_how_to_count(qtbot, opened):
    dialog = opened(Agreement.NOT_YET)
    assert dialog.counting.isHidden()
    for how in (Agreement.COUNTED, Agreement.CHOSEN):
        dialog.how_buttons[how].click()
        assert dialog.counting.isVisible() and "+" in dialog.counting.text()


# -- a picture for each option -----------------------------------------------------------------------------


def pictures(dialog) -> list[str]:
    return [row.picture.picture for row in dialog.option_rows]


def test_each_option_shows_the_picture_for_its_words_as_they_are_typed(qtbot, opened, store):
    dialog = opened(Agreement.CHOSEN)
    first, second = dialog.option_rows
    assert pictures(dialog) == ["", ""]  # no words, no picture
    first.words.setText("Bus")
    second.words.setText("At the day centre")
    assert pictures(dialog) == ["bus", "day centre"]
    # Read as it shows ("Change the picture…"), then which picture it has.
    assert first.picture.accessibleName() == "Change the picture… The picture for these words: bus."
    assert second.picture.accessibleName().startswith(second.picture.text())
    assert not first.picture.icon().isNull()
    second.words.setText("Taxi")
    assert pictures(dialog) == ["bus", "taxi"]
    dialog.text.setPlainText("How we get there")
    assert [o.picture for o in save(dialog).options] == ["bus", "taxi"]


def test_options_whose_words_find_no_picture_get_different_plain_ones(qtbot, opened):
    dialog = opened(Agreement.CHOSEN)
    dialog.add_option_button.click()
    for row, words in zip(dialog.option_rows, ("Monday", "Friday", "Kitchen")):
        row.words.setText(words)
    assert pictures(dialog) == list(PLAIN_SHAPES[:3])
    dialog.option_rows[0].remove.click()
    assert pictures(dialog) == list(PLAIN_SHAPES[:2])  # no gap left by the one removed


def test_a_picture_the_facilitator_picks_stays_and_the_others_make_way(qtbot, opened, monkeypatch):
    chosen = iter(["taxi", ""])

    def pick(picker):
        picker.chosen = next(chosen)
        return True

    monkeypatch.setattr(PicturePicker, "exec", pick)
    dialog = opened(Agreement.CHOSEN)
    first, second = dialog.option_rows
    first.words.setText("Walk")
    second.words.setText("Taxi")
    assert pictures(dialog) == ["walk", "taxi"]
    first.picture.click()  # the facilitator picks the taxi for the first: the second cannot show it too
    assert pictures(dialog) == ["taxi", PLAIN_SHAPES[0]]
    first.words.setText("Walk together")
    assert pictures(dialog)[0] == "taxi"  # the facilitator's choice is kept when the words change
    assert first.picture.accessibleName() == "Change the picture… The picture: taxi."
    first.picture.click()  # "no picture" in the picker: back to the picture for the words
    assert pictures(dialog) == ["walk", "taxi"]


def test_a_decision_opened_again_keeps_chosen_pictures_and_words_pictures_follow_the_words(qtbot, opened):
    kept = Decision("How we get there", agreement=Agreement.CHOSEN,
                    options=[Option("Bus", "tea", 3), Option("Taxi", "taxi", 1), Option("Monday", "", 2)])
    dialog = opened(Agreement.CHOSEN, kept)
    # An option kept without a picture (before pictures were suggested) gets one now.
    assert pictures(dialog) == ["tea", "taxi", PLAIN_SHAPES[0]]
    dialog.option_rows[0].words.setText("Train")
    dialog.option_rows[1].words.setText("Walk")
    assert pictures(dialog) == ["tea", "walk", PLAIN_SHAPES[0]]


def test_words_too_long_for_a_workshop_file_are_said_not_saved(opened):
    """The boxes refuse typing past 500 characters; words put there another way are still checked."""
    dialog = opened(Agreement.CHOSEN)
    dialog.text.setPlainText("Where do we go?")
    dialog.option_rows[0].words.setText("The park " * 60)  # 539 characters without the last space
    dialog.option_rows[1].words.setText("The beach")
    assert dialog.problem_with() == "Option 1 is 539 characters long; an option can have at most 500. Make it shorter."
    dialog.option_rows[0].words.setText("The park")
    dialog.who.setCurrentText("Joan " * 101)
    assert dialog.problem_with() == "The name is 504 characters long; a name can have at most 500. Make it shorter."
    dialog.who.setCurrentText("Joan")
    assert dialog.problem_with() == ""


def test_an_idea_with_a_name_too_long_is_said_not_saved(qtbot):
    from facilitator.ui.presenter.note_dialogs import idea_dialog

    dialog = idea_dialog("Choose what matters most", NAMES)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("A bench by the bus stop")
    dialog.who.setCurrentText("Will " * 120)
    assert dialog.problem_with() == "The name is 599 characters long; a name can have at most 500. Make it shorter."
    dialog.who.setCurrentText("Will Jones")
    assert dialog.problem_with() == ""
