"""The planner without a mouse, and with a screen reader.

Every input has a name a screen reader can say, Tab reaches everything and
never gets stuck, every planner action has a key, the cards speak a sentence,
mnemonics do not clash, and zoom makes the text bigger. Widgets are found
generically, so a widget added later is checked without changing this file.
Keys are real key presses sent to the focused widget wherever Qt's offscreen
platform delivers them.
"""

from __future__ import annotations

import sys

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QToolButton,
    QWidget,
)

from facilitator.core.model import ITEM_KIND_NAMES
from facilitator.i18n import _, format_clock, format_minutes
from facilitator.ui import zoom
from facilitator.ui.agenda_model import START_ROLE
from facilitator.ui.picture_picker import PicturePicker
from facilitator.ui.templates_dialog import NewFromTemplate, SaveAsTemplate

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
ACCESSIBLE_TEXT = Qt.ItemDataRole.AccessibleTextRole

# What a person types into or presses; their internal parts (a spin box's line
# edit, a line edit's clear button, a tab bar's scroll arrows) are not counted.
INPUTS = (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QAbstractButton)
PARTS_OF = (QAbstractSpinBox, QComboBox, QLineEdit, QTabBar, QAbstractItemView)


# -- helpers ---------------------------------------------------------------------


def key(widget: QWidget | None) -> int | None:
    """One number per C++ widget, whichever Python wrapper it comes back in."""
    return shiboken6.getCppPointer(widget)[0] if widget is not None else None


def describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    words = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
    return f"{type(widget).__name__} {words!r} in {type(parent).__name__ if parent else 'nothing'}"


def takes_tab_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def inputs(root: QWidget) -> list[QWidget]:
    """The inputs a person can reach in ``root`` as it is shown now."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or isinstance(widget.parentWidget(), PARTS_OF):
            continue
        if widget.isVisibleTo(root) and takes_tab_focus(widget):
            found.append(widget)
    return found


def label_buddies(root: QWidget) -> set[int]:
    return {
        key(label.buddy())
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and label.text().replace("&", "").strip() and label.isVisibleTo(root)
    }


def unnamed(root: QWidget) -> list[str]:
    """Inputs a screen reader could only call by their type."""
    buddies = label_buddies(root)
    missing = []
    for widget in inputs(root):
        if widget.accessibleName().strip() or key(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        missing.append(describe(widget))
    return missing


def mnemonics(texts: list[str]) -> dict[str, list[str]]:
    """The Alt+letter keys that ``texts`` give, with the texts that give each."""
    found: dict[str, list[str]] = {}
    for text in texts:
        sequence = QKeySequence.mnemonic(text)
        if not sequence.isEmpty():
            found.setdefault(sequence.toString(), []).append(text)
    return found


def clashes(texts: list[str]) -> dict[str, list[str]]:
    return {letter: owners for letter, owners in mnemonics(texts).items() if len(owners) > 1}


def visible_mnemonic_texts(root: QWidget) -> list[str]:
    """Texts whose Alt+letter works in ``root`` now: labels with a buddy, buttons, and the menu bar."""
    texts = [
        label.text()
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(root)
    ]
    texts += [button.text() for button in root.findChildren(QAbstractButton) if button.isVisibleTo(root)]
    if hasattr(root, "menuBar"):
        texts += [action.text() for action in root.menuBar().actions()]
    return texts


def activate(qtbot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def press(qtbot, key_: Qt.Key, modifiers=NONE) -> None:
    """A real key press on whatever has the keyboard focus now."""
    qtbot.keyClick(QApplication.focusWidget(), key_, modifiers)


def tab_round(qtbot, start: QWidget, backwards: bool = False, most: int = 120) -> tuple[list[QWidget], bool]:
    """Press Tab (or Shift+Tab) from ``start``; the widgets focused in turn, and whether focus came back."""
    focus(qtbot, start)
    visited: list[QWidget] = []
    for _n in range(most):
        if backwards:
            press(qtbot, Qt.Key.Key_Backtab, SHIFT)
        else:
            press(qtbot, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if key(now) == key(start):
            return visited, True
        visited.append(now)
    return visited, False


def titles(window) -> list[str]:
    return [item.title for item in window.page.planner.model.items]


def stored(window):
    return window.library.load_workshop(window.page.workshop.id)


@pytest.fixture
def planner(window, qtbot):
    """The planner with its window active and the second card chosen, the keyboard on the cards."""
    activate(qtbot, window)
    planner = window.page.planner
    planner.select_row(1)
    focus(qtbot, planner.cards)
    return planner


# -- 1. every input has a name ---------------------------------------------------


def test_every_input_on_the_agenda_and_people_tabs_has_a_name(window, qtbot):
    page = window.page
    page.tabs.setCurrentWidget(page.planner)
    on_agenda = inputs(page)
    # The search for inputs really finds the planner's: the cards, the form and the toolbar.
    for widget in (page.title_edit, page.planner.cards, page.planner.editor.words_edit, page.planner.editor.kind_box):
        assert key(widget) in {key(w) for w in on_agenda}
    assert any(isinstance(w, QToolButton) for w in on_agenda)
    assert unnamed(page) == []
    assert unnamed(window) == []  # the list of workshops beside the page too

    page.tabs.setCurrentWidget(page.people)
    on_people = inputs(page.people)
    assert sum(isinstance(w, QLineEdit) for w in on_people) >= 5
    assert unnamed(page) == []


def test_every_input_on_the_decisions_tab_has_a_name(window):
    page = window.page
    page.tabs.setCurrentWidget(page.outcomes)
    assert unnamed(page) == []


def test_every_input_in_the_dialogs_has_a_name(window, qtbot):
    dialogs = [
        PicturePicker(window.pictures, "words", window),
        NewFromTemplate(window.library, window.pictures, window),
        SaveAsTemplate(window.library, window.library.load_workshop(window.current_workshop_id()), window),
    ]
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert len(inputs(dialog)) >= 3, type(dialog).__name__
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.reject()


def test_the_cards_and_the_form_say_what_they_are_to_a_screen_reader(window):
    planner = window.page.planner
    cards = QAccessible.queryAccessibleInterface(planner.cards)
    assert cards.text(QAccessible.Text.Name) == _("Agenda items")
    assert cards.childCount() == planner.model.rowCount()
    # The picture button says which picture it shows, through its description.
    picture = QAccessible.queryAccessibleInterface(planner.editor.picture_button)
    assert picture.text(QAccessible.Text.Name)
    assert planner.editor.picture_words.text() in picture.text(QAccessible.Text.Description)
    # The time bar's words reach a screen reader too, over-running the room included.
    bar = QAccessible.queryAccessibleInterface(planner.time_bar)
    assert planner.time_bar.room.text() in bar.text(QAccessible.Text.Description)


# -- 2. tab order ------------------------------------------------------------------


def test_tab_from_the_workshop_title_goes_through_the_planner_and_comes_back(window, qtbot):
    activate(qtbot, window)
    page = window.page
    editor = page.planner.editor
    visited, came_back = tab_round(qtbot, page.title_edit)
    assert came_back, "Tab never came back to the workshop title: focus is trapped"
    order = [key(w) for w in visited] + [key(page.title_edit)]
    wanted = [
        page.planner.cards,
        editor.picture_button,
        editor.title_edit,
        editor.words_edit,
        editor.minutes_box,
        editor.kind_box,
        editor.notes_edit,
    ]
    for widget in wanted:
        assert key(widget) in order, f"Tab never reaches {describe(widget)}"
    # In reading order: the cards, then the chosen card's picture and form from top to bottom.
    firsts = [order.index(key(widget)) for widget in wanted]
    assert firsts == sorted(firsts)
    # Every input on the page is on the way (the date and times take one Tab for each part).
    missing = [describe(w) for w in inputs(page) if w.isEnabled() and key(w) not in order]
    assert missing == []

    backwards, came_back = tab_round(qtbot, page.title_edit, backwards=True)
    assert came_back
    assert {key(w) for w in wanted} <= {key(w) for w in backwards}


def test_tab_reaches_everything_on_the_people_tab(window, qtbot):
    activate(qtbot, window)
    page = window.page
    page.tabs.setCurrentWidget(page.people)
    visited, came_back = tab_round(qtbot, page.title_edit)
    assert came_back
    order = {key(w) for w in visited}
    people = [w for w in inputs(page.people) if w.isEnabled()]
    assert len(people) >= 10  # two lists, their buttons, names, needs
    assert [describe(w) for w in people if key(w) not in order] == []


def test_tab_leaves_every_text_box_instead_of_typing_a_tab(window, qtbot):
    activate(qtbot, window)
    boxes = window.findChildren(QPlainTextEdit)
    assert len(boxes) >= 3  # purpose, plain words, notes
    for box in boxes:
        if not box.isVisibleTo(window):
            continue
        assert box.tabChangesFocus(), describe(box)
        before = box.toPlainText()
        focus(qtbot, box)
        press(qtbot, Qt.Key.Key_Tab)
        assert not box.hasFocus(), describe(box)
        assert box.toPlainText() == before


def test_tab_goes_round_every_dialog(window, qtbot):
    dialogs = [
        PicturePicker(window.pictures, "words", window),
        NewFromTemplate(window.library, window.pictures, window),
        SaveAsTemplate(window.library, window.library.load_workshop(window.current_workshop_id()), window),
    ]
    for dialog in dialogs:
        activate(qtbot, dialog)
        for box in dialog.findChildren(QPlainTextEdit):
            assert box.tabChangesFocus(), describe(box)
        enabled = [w for w in inputs(dialog) if w.isEnabled()]
        visited, came_back = tab_round(qtbot, enabled[0])
        assert came_back, type(dialog).__name__
        reached = {key(w) for w in visited} | {key(enabled[0])}
        assert [describe(w) for w in enabled if key(w) not in reached] == [], type(dialog).__name__
        dialog.reject()


def test_the_picker_opens_on_its_search_box_and_the_people_tab_is_one_key_away(window, qtbot):
    picker = PicturePicker(window.pictures, "words", window)
    activate(qtbot, picker)
    assert picker.search_edit.hasFocus()
    picker.reject()

    activate(qtbot, window)
    tabs = window.page.tabs
    focus(qtbot, window.page.planner.editor.title_edit)
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert tabs.currentWidget() is window.page.people
    press(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert tabs.currentWidget() is window.page.planner


# -- 3. every planner action has a key ------------------------------------------------


def test_add_duplicate_move_and_remove_with_keys(window, qtbot, planner):
    before = titles(window)
    count = len(before)

    press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    assert planner.model.rowCount() == count + 1 and planner.current_row() == 2
    assert planner.editor.title_edit.hasFocus()  # ready to type the new item's title
    focus(qtbot, planner.cards)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert titles(window) == before

    press(qtbot, Qt.Key.Key_Insert)
    assert planner.model.rowCount() == count + 1 and planner.editor.title_edit.hasFocus()
    focus(qtbot, planner.cards)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert titles(window) == before
    planner.select_row(1)

    press(qtbot, Qt.Key.Key_D, CTRL)
    assert titles(window) == [before[0], before[1], before[1], *before[2:]]
    assert planner.current_row() == 2  # the copy is chosen
    press(qtbot, Qt.Key.Key_Delete)
    assert titles(window) == before and planner.current_row() == 2

    press(qtbot, Qt.Key.Key_Down, CTRL)
    assert titles(window)[2:4] == [before[3], before[2]] and planner.current_row() == 3
    assert planner.cards.hasFocus()
    press(qtbot, Qt.Key.Key_Up, CTRL)
    press(qtbot, Qt.Key.Key_Up, CTRL)
    assert titles(window)[:3] == [before[0], before[2], before[1]] and planner.current_row() == 1
    assert [item.title for item in stored(window).agenda] == titles(window)

    for _n in range(3):
        press(qtbot, Qt.Key.Key_Z, CTRL)
    assert titles(window) == before


def test_planner_keys_work_from_the_form_too(window, qtbot, planner):
    editor = planner.editor
    count = planner.model.rowCount()
    for box in (editor.title_edit, editor.words_edit, editor.minutes_box, editor.kind_box, editor.notes_edit):
        planner.select_row(1)
        focus(qtbot, box)
        press(qtbot, Qt.Key.Key_D, CTRL)
        assert planner.model.rowCount() == count + 1, describe(box)
        focus(qtbot, box)
        press(qtbot, Qt.Key.Key_Down, CTRL)
        assert planner.current_row() == 3, describe(box)
        window.actions.undo.trigger()
        window.actions.undo.trigger()
        assert planner.model.rowCount() == count


def test_delete_in_a_text_box_deletes_letters_not_the_card(window, qtbot, planner):
    title = planner.editor.title_edit
    count = planner.model.rowCount()
    focus(qtbot, title)
    title.home(False)
    old = title.text()
    press(qtbot, Qt.Key.Key_Delete)
    assert title.text() == old[1:]
    assert planner.model.rowCount() == count


def test_redo_with_ctrl_y_and_ctrl_shift_z(window, qtbot, planner):
    redo_keys = [sequence.toString() for sequence in window.actions.redo.shortcuts()]
    assert "Ctrl+Shift+Z" in redo_keys and "Ctrl+Y" in redo_keys
    assert len(redo_keys) == len(set(redo_keys))
    count = planner.model.rowCount()
    for redo in ((Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)):
        press(qtbot, Qt.Key.Key_D, CTRL)
        press(qtbot, Qt.Key.Key_Z, CTRL)
        assert planner.model.rowCount() == count
        press(qtbot, *redo)
        assert planner.model.rowCount() == count + 1
        press(qtbot, Qt.Key.Key_Z, CTRL)


def test_undo_has_ctrl_z_and_redo_works_from_the_menu(window, qtbot, planner):
    assert QKeySequence("Ctrl+Z") in window.actions.undo.shortcuts()
    count = planner.model.rowCount()
    press(qtbot, Qt.Key.Key_D, CTRL)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert planner.model.rowCount() == count
    window.actions.redo.trigger()
    assert planner.model.rowCount() == count + 1


def test_ctrl_z_in_a_number_date_or_time_box_undoes_the_change_just_made(window, qtbot, planner):
    minutes = planner.editor.minutes_box
    before = stored(window).agenda[1].minutes
    focus(qtbot, minutes)
    press(qtbot, Qt.Key.Key_Up)
    assert stored(window).agenda[1].minutes == before + 1
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert stored(window).agenda[1].minutes == before

    page = window.page
    for box, field in ((page.date_edit, "date"), (page.start_edit, "start_time")):
        was = getattr(stored(window), field)
        focus(qtbot, box)
        press(qtbot, Qt.Key.Key_Up)
        assert getattr(stored(window), field) != was
        press(qtbot, Qt.Key.Key_Z, CTRL)
        assert getattr(stored(window), field) == was, field


def test_zoom_keys_work_from_the_cards_and_from_a_text_box(window, qtbot, planner):
    for place in (planner.cards, planner.editor.words_edit):
        focus(qtbot, place)
        zoom.set_zoom(1.0)
        press(qtbot, Qt.Key.Key_Plus, CTRL)
        assert zoom.zoom() == 1.15
        press(qtbot, Qt.Key.Key_Equal, CTRL)
        assert zoom.zoom() == 1.3
        press(qtbot, Qt.Key.Key_Minus, CTRL)
        assert zoom.zoom() == 1.15
        press(qtbot, Qt.Key.Key_0, CTRL)
        assert zoom.zoom() == 1.0
    assert "100%" in window.statusBar().currentMessage()


def test_ctrl_shift_n_opens_new_from_template(window, qtbot, planner, monkeypatch):
    opened = []

    def exec_(dialog):
        opened.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(NewFromTemplate, "exec", exec_)
    press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert len(opened) == 1
    assert QKeySequence("Ctrl+Shift+N") in window.actions.from_template.shortcuts()


def test_every_planner_and_window_action_names_its_key(window):
    planner = window.page.planner
    expected = {
        planner.add_action: ["Ctrl+Shift+A", "Ins"],
        planner.duplicate_action: ["Ctrl+D"],
        planner.remove_action: ["Del"],
        planner.up_action: ["Ctrl+Up"],
        planner.down_action: ["Ctrl+Down"],
        window.actions.undo: ["Ctrl+Z"],
        window.actions.zoom_in: ["Ctrl++", "Ctrl+="],
        window.actions.zoom_out: ["Ctrl+-"],
        window.actions.zoom_reset: ["Ctrl+0"],
        window.actions.from_template: ["Ctrl+Shift+N"],
    }
    for action, keys in expected.items():
        have = [sequence.toString() for sequence in action.shortcuts()]
        for wanted in keys:
            assert wanted in have, (action.text(), have)
    # The planner's buttons tell their key in the tooltip, which a screen reader reads as the description.
    for action in (planner.add_action, planner.duplicate_action, planner.remove_action, planner.up_action):
        shown = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
        assert shown in action.toolTip()


def test_pictures_are_chosen_without_a_mouse(window, qtbot, planner, monkeypatch):
    editor = planner.editor
    opened = []

    def exec_(picker):
        opened.append(picker)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PicturePicker, "exec", exec_)
    focus(qtbot, editor.picture_button)
    press(qtbot, Qt.Key.Key_Space)
    assert len(opened) == 1
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # "Choose a &picture…"
    qtbot.waitUntil(lambda: len(opened) == 2)  # a mnemonic clicks its button after a short flash
    # A suggested picture is a button: Tab to it and press Space.
    suggestion = next(b for b in editor.suggestion_buttons if b.isVisibleTo(editor) and b.property("picture"))
    focus(qtbot, suggestion)
    press(qtbot, Qt.Key.Key_Space)
    assert stored(window).agenda[1].picture == suggestion.property("picture")


def test_the_picture_picker_by_keyboard(window, qtbot):
    picker = PicturePicker(window.pictures, "words", window)
    activate(qtbot, picker)
    assert picker.search_edit.hasFocus()
    qtbot.keyClicks(picker.search_edit, "bus")
    qtbot.waitUntil(lambda: picker.current_ref() == "bus")
    assert "bus" in picker.heading.text()

    press(qtbot, Qt.Key.Key_Tab)
    assert picker.results.hasFocus()
    press(qtbot, Qt.Key.Key_Right)
    assert picker.results.currentRow() == 1
    press(qtbot, Qt.Key.Key_Down)
    row = picker.results.currentRow()
    assert row > 1
    press(qtbot, Qt.Key.Key_Left)
    assert picker.results.currentRow() == row - 1
    wanted = picker.current_ref()
    press(qtbot, Qt.Key.Key_Return)
    assert picker.result() == QDialog.DialogCode.Accepted
    assert picker.chosen == wanted

    again = PicturePicker(window.pictures, "words", window)
    activate(qtbot, again)
    press(qtbot, Qt.Key.Key_Escape)
    assert again.result() == QDialog.DialogCode.Rejected and again.chosen is None

    kinds = PicturePicker(window.pictures, "words", window)
    activate(qtbot, kinds)
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # "Use the &kind's picture"
    qtbot.waitUntil(lambda: kinds.result() == QDialog.DialogCode.Accepted)
    assert kinds.chosen == ""


def test_typing_a_word_and_pressing_enter_at_once_chooses_that_word(window, qtbot):
    picker = PicturePicker(window.pictures, "Tea and a chat", window)
    activate(qtbot, picker)
    qtbot.keyClicks(picker.search_edit, "bus")
    press(qtbot, Qt.Key.Key_Return)
    assert picker.chosen == "bus"


def _holds_menu(actions, menu: QMenu) -> bool:
    for action in actions:
        if action.menu() is menu:
            return True
        if action.menu() is not None and _holds_menu(action.menu().actions(), menu):
            return True
    return False


def test_adding_an_item_of_a_chosen_kind_has_a_keyboard_route(window):
    planner = window.page.planner
    kinds = planner.add_menu
    routes = [
        # a menu of the menu bar (Alt+letter, then arrows)
        _holds_menu(window.menuBar().actions(), kinds),
        # a context menu (Menu key or Shift+F10) of a widget Tab reaches
        any(
            widget.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
            and takes_tab_focus(widget)
            and _holds_menu(widget.actions(), kinds)
            for widget in window.findChildren(QWidget)
        ),
        # a button that opens the menu with Space
        any(
            button.menu() is kinds and button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
            for button in planner.findChildren(QToolButton)
        ),
    ]
    assert any(routes)


# -- 4. one sentence per card -----------------------------------------------------------


def test_each_card_gives_a_screen_reader_its_time_title_minutes_and_kind(window, qtbot):
    planner = window.page.planner
    model = planner.model
    cards = QAccessible.queryAccessibleInterface(planner.cards)
    for row, item in enumerate(model.items):
        index = model.index(row)
        sentence = model.data(index, ACCESSIBLE_TEXT)
        start = model.data(index, START_ROLE)
        assert format_clock(start) in sentence
        assert item.title in sentence
        assert format_minutes(item.minutes) in sentence
        assert _(ITEM_KIND_NAMES[item.kind]) in sentence
        # What the screen reader is handed for that card is the same sentence.
        assert cards.child(row).text(QAccessible.Text.Name) == sentence
    # The sentence follows changes: longer minutes, and every later card starts later.
    planner.select_row(0)
    planner.editor.minutes_box.setValue(model.items[0].minutes + 5)
    assert format_minutes(model.items[0].minutes) in model.data(model.index(0), ACCESSIBLE_TEXT)
    assert format_clock(model.data(model.index(1), START_ROLE)) in model.data(model.index(1), ACCESSIBLE_TEXT)


# -- 5. mnemonics ----------------------------------------------------------------------------


def test_menus_have_mnemonics_that_do_not_clash(window):
    bar = window.menuBar().actions()
    assert len(bar) >= 4
    for action in bar:
        assert not QKeySequence.mnemonic(action.text()).isEmpty(), action.text()
    assert clashes([action.text() for action in bar]) == {}

    def check(menu: QMenu) -> None:
        items = [action for action in menu.actions() if not action.isSeparator()]
        for action in items:
            assert not QKeySequence.mnemonic(action.text()).isEmpty(), (menu.title(), action.text())
        assert clashes([action.text() for action in items]) == {}, menu.title()
        for action in items:
            if action.menu() is not None:
                check(action.menu())

    for action in bar:
        check(action.menu())


def test_no_two_things_in_the_window_share_an_alt_letter(window, qtbot):
    page = window.page
    found = {}
    for tab in (page.planner, page.people):
        page.tabs.setCurrentWidget(tab)
        found[page.tabs.tabText(page.tabs.currentIndex())] = clashes(visible_mnemonic_texts(window))
    assert found == {name: {} for name in found}


def test_the_picker_and_new_from_template_have_no_clashing_alt_letters(window, qtbot):
    for dialog in (PicturePicker(window.pictures, "words", window), NewFromTemplate(window.library, window.pictures, window)):
        dialog.show()
        qtbot.waitExposed(dialog)
        assert clashes(visible_mnemonic_texts(dialog)) == {}, type(dialog).__name__
        dialog.reject()


def test_save_as_template_has_no_clashing_alt_letters(window, qtbot):
    dialog = SaveAsTemplate(window.library, window.library.load_workshop(window.current_workshop_id()), window)
    dialog.show()
    qtbot.waitExposed(dialog)
    try:
        assert clashes(visible_mnemonic_texts(dialog)) == {}
    finally:
        dialog.reject()


# -- 6. zoom ---------------------------------------------------------------------------------


def test_zoom_keys_make_the_cards_and_the_form_bigger_and_ctrl_0_puts_them_back(window, qtbot, planner):
    editor = planner.editor
    measured = {
        "cards": lambda: planner.cards.font().pointSizeF(),
        "card height": lambda: planner.cards.visualRect(planner.model.index(0)).height(),
        "item title": lambda: editor.title_edit.font().pointSizeF(),
        "plain words": lambda: editor.words_edit.font().pointSizeF(),
        "minutes": lambda: editor.minutes_box.font().pointSizeF(),
        "kind": lambda: editor.kind_box.font().pointSizeF(),
        "notes": lambda: editor.notes_edit.font().pointSizeF(),
        "picture": lambda: editor.picture_button.iconSize().width(),
        "workshop title": lambda: window.page.title_edit.font().pointSizeF(),
    }
    normal = {name: size() for name, size in measured.items()}

    press(qtbot, Qt.Key.Key_Plus, CTRL)
    press(qtbot, Qt.Key.Key_Plus, CTRL)
    assert zoom.zoom() == 1.3
    for name, size in measured.items():
        qtbot.waitUntil(lambda size=size, name=name: size() > normal[name])  # the app's font arrives as an event
    # About 1.3 times as big, not a token pixel more.
    assert measured["plain words"]() == pytest.approx(normal["plain words"] * 1.3, rel=0.05)
    assert measured["card height"]() >= normal["card height"] * 1.2

    press(qtbot, Qt.Key.Key_0, CTRL)
    for name, size in measured.items():
        qtbot.waitUntil(lambda size=size, name=name: size() == normal[name])


def test_text_boxes_grow_with_zoom(window, qtbot, planner):
    boxes = {"plain words": planner.editor.words_edit, "purpose": window.page.purpose_edit}
    lines = {name: box.viewport().height() / box.fontMetrics().lineSpacing() for name, box in boxes.items()}
    assert min(lines.values()) >= 4
    size = planner.editor.words_edit.font().pointSizeF()
    press(qtbot, Qt.Key.Key_Plus, CTRL)
    press(qtbot, Qt.Key.Key_Plus, CTRL)
    press(qtbot, Qt.Key.Key_Plus, CTRL)
    press(qtbot, Qt.Key.Key_Plus, CTRL)
    assert zoom.zoom() == 1.75
    qtbot.waitUntil(lambda: planner.editor.words_edit.font().pointSizeF() > size)
    qtbot.wait(50)
    for name, box in boxes.items():
        shown = box.viewport().height() / box.fontMetrics().lineSpacing()
        assert shown >= 3.5, f"{name} shows {shown:.1f} lines"


# -- staying alive ---------------------------------------------------------------------------


def test_a_keyboard_session_does_not_wear_out_python(window, qtbot, planner):
    keep = [None] * 1_000_000  # so that this measurement itself cannot bring Python down
    before = sys.getrefcount(None)
    for _n in range(5):
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Up)
        planner.cards.viewport().repaint()
    lost = before - sys.getrefcount(None)
    del keep
    assert lost < 100, f"None lost {lost} references in 10 key presses and 5 repaints"
