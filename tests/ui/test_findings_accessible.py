"""The plain-words underlines reach a screen reader and the keyboard (issue 26, part 6).

Under a checked box a list says, in whole sentences, what is underlined; Tab
reaches it, and choosing a row puts the cursor on the words. Shift+F1 in the
box says what is underlined at the cursor. The right-click menu's reason is an
item the arrow keys reach. Words that can divide people have a line of their
own shape, not only their own colour.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QToolTip, QVBoxLayout, QWidget, QWidgetAction

from facilitator.ui import findings_list, telling
from facilitator.ui.findings_list import MOST_LISTED, row_words
from facilitator.ui.group_word_dialog import GroupWordDialog
from facilitator.ui.hints import SAY_KEY, Hints
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.underlines import DASHED, DOTTED, WAVY, look_of
from tests.ui.accessible_tree import unreadable

LONG = "We will talk about the bus and the garden and the lunch and the money and the rooms we use."
TEXT = "We look at your care and support plan. The team talks about complex needs. " + LONG
ROWS = [
    "“care and support plan” is a hard word. Say “your plan” instead.",
    "“complex needs” is a word that can divide people. Say “needs help with several things” instead.",
    "A long sentence of 20 words: “We will talk about the bus and the…”. "
    "Split it into shorter sentences. You could end the first one before “and”.",
]
NAME = QAccessible.Text.Name


@pytest.fixture
def heard():
    """What is said to a screen reader from a text box (the window's "All changes saved." is left out)."""
    said: list[tuple[QWidget, str, bool]] = []

    def hear(widget, text, urgent):
        if isinstance(widget, QPlainTextEdit):
            said.append((widget, text, urgent))

    stop = telling.listen(hear)
    yield said
    stop()


def words_box(window, qtbot, text: str = TEXT):
    """The item form's plain words box with ``text`` in it, its list of what to look at made."""
    window.activateWindow()
    window.plain_words.load()
    editor = window.page.planner.editor
    window.page.planner.select_row(1)
    edit = editor.words_edit
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    edit.setPlainText(text)
    findings = editor.hints.findings
    qtbot.waitUntil(lambda: findings.isVisible() and findings.rows.count() > 0)
    return edit, editor.hints


def rows_of(hints) -> list[str]:
    rows = hints.findings.rows
    return [rows.item(n).text() for n in range(rows.count())]


def put_cursor(edit: QPlainTextEdit, place: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(place)
    edit.setTextCursor(cursor)


def test_the_list_says_a_hard_word_a_dividing_word_and_a_long_sentence_in_whole_sentences(window, qtbot):
    edit, hints = words_box(window, qtbot)
    assert rows_of(hints) == ROWS
    assert hints.findings.heading.text() == "What to look at: 3 things"
    # Under the box, level with it, and not over the next row of the form.
    findings, minutes = hints.findings, window.page.planner.editor.minutes_box
    qtbot.waitUntil(lambda: findings.mapTo(window, findings.rect().topLeft()).y()
                    >= edit.mapTo(window, edit.rect().bottomLeft()).y())  # once the form is laid out again
    assert findings.mapTo(window, findings.rect().bottomLeft()).y() <= minutes.mapTo(window, minutes.rect().topLeft()).y()
    assert findings.mapTo(window, findings.rect().topLeft()).x() == edit.mapTo(window, edit.rect().topLeft()).x()
    # Put right, the list goes.
    edit.setPlainText("We talk about the bus.")
    qtbot.waitUntil(lambda: not findings.isVisible())
    assert hints.findings.total == 0


def test_tab_reaches_the_list_and_each_row_reads_as_its_sentence(window, qtbot):
    edit, hints = words_box(window, qtbot)
    rows = hints.findings.rows
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is rows
    qtbot.keyClick(rows, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is edit
    node = QAccessible.queryAccessibleInterface(rows)
    assert node.text(NAME) == "What to look at in “Plain words for the room”"
    read = [node.child(n).text(NAME) for n in range(node.childCount())]
    assert [text for text in ROWS if text in read] == ROWS
    assert unreadable(window) == []


def test_choosing_a_row_puts_the_cursor_on_the_words(window, qtbot):
    edit, hints = words_box(window, qtbot)
    rows = hints.findings.rows
    rows.setFocus()
    qtbot.waitUntil(rows.hasFocus)
    rows.setCurrentRow(1)
    qtbot.keyClick(rows, Qt.Key.Key_Return)
    assert edit.hasFocus()
    assert edit.textCursor().selectedText() == "complex needs"
    # A long sentence: the cursor goes to its start, with nothing selected that a key press would replace.
    rows.setFocus()
    qtbot.waitUntil(rows.hasFocus)
    rows.setCurrentRow(2)
    qtbot.keyClick(rows, Qt.Key.Key_Enter)
    cursor = edit.textCursor()
    assert edit.hasFocus() and not cursor.hasSelection() and cursor.position() == TEXT.index(LONG)


def test_shift_f1_says_what_is_underlined_at_the_cursor(window, qtbot, heard):
    edit, hints = words_box(window, qtbot)
    assert hints.say_action.shortcut().toString() == SAY_KEY
    put_cursor(edit, TEXT.index("support"))
    qtbot.keyClick(edit, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    finding = hints.findings_at(TEXT.index("support"))[0]
    assert heard == [(edit, f"{finding.message} {finding.suggestion}", False)]
    assert "is a hard word" in heard[0][1]
    assert finding.message in QToolTip.text()  # shown at the cursor, where the eyes are
    heard.clear()
    put_cursor(edit, 3)
    qtbot.keyClick(edit, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert heard == [(edit, "Nothing is underlined here. The list under the box has 3 things to look at.", False)]


def test_the_three_kinds_are_underlined_with_three_line_shapes_and_their_reasons_name_them(window, qtbot):
    edit, hints = words_box(window, qtbot)
    block = edit.document().firstBlock()
    text = block.text()
    styles = {text[r.start:r.start + r.length]: r.format.underlineStyle() for r in block.layout().formats()}
    assert styles["care and support plan"] == WAVY
    assert styles["complex needs"] == DASHED
    assert styles[LONG] == DOTTED
    assert len({WAVY, DASHED, DOTTED}) == 3
    assert look_of("divides")[0] != look_of("jargon")[0] != look_of("long-sentence")[0]
    # The reasons say the kind in words too.
    kinds = {f.kind: f.message for f in window.plain_words.check(TEXT)}
    assert "hard word" in kinds["jargon"] and "divide people" in kinds["divides"] and "sentence" in kinds["long-sentence"]
    # Each row shows the line beside its words.
    rows = hints.findings.rows
    assert all(not rows.item(n).icon().isNull() for n in range(rows.count()))


def test_the_reason_in_the_right_click_menu_is_reached_by_the_arrow_keys_and_says_itself(window, qtbot, heard):
    edit, hints = words_box(window, qtbot)
    position = TEXT.index("complex") + 2
    menu: QMenu = hints.menu_at(position)
    menu.show()
    qtbot.waitExposed(menu)
    try:
        reason = menu.actions()[0]
        assert isinstance(reason, QWidgetAction) and reason.isEnabled()
        assert "can divide people" in reason.text()
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        assert menu.activeAction() is reason
        assert reason.defaultWidget().is_lit()
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    finally:
        menu.close()
    finding = hints.findings_at(position)[0]
    assert heard == [(edit, f"{finding.message} {finding.suggestion}", False)]


def test_a_long_paragraph_lists_the_first_ones_and_how_many_more_and_waits_for_the_pause(qtbot, monkeypatch):
    holder = QWidget()
    qtbot.addWidget(holder)
    edit = QPlainTextEdit()
    QVBoxLayout(holder).addWidget(edit)
    plain_words = PlainWords(parent=holder)
    plain_words.load()
    hints = Hints(edit, plain_words)
    sentences = 400  # about 3,600 words, one paragraph, a hard word in each sentence
    edit.setPlainText(" ".join(f"In week {n} we talk about safeguarding." for n in range(sentences)))
    holder.resize(500, 300)
    holder.show()
    qtbot.waitUntil(lambda: hints.findings.isVisible(), timeout=10_000)
    texts = rows_of(hints)
    assert len(texts) == MOST_LISTED + 1
    more = hints.findings.total - MOST_LISTED
    assert more > 300
    assert texts[-1].startswith(f"And {more} more")
    # The list waits for typing to pause: key presses alone never make it again.
    made = []
    real = findings_list.findings_in
    monkeypatch.setattr(findings_list, "findings_in", lambda *args, **kw: made.append(1) or real(*args, **kw))
    put_cursor(edit, 10)
    edit.setFocus()
    qtbot.keyClicks(edit, "abc")
    assert made == []
    qtbot.waitUntil(lambda: made == [1], timeout=10_000)


def test_the_purpose_box_and_the_group_word_dialog_have_the_list_too(window, qtbot):
    window.plain_words.load()
    page = window.page
    page.purpose_edit.setPlainText("We talk about safeguarding.")
    findings = page.purpose_hints.findings
    qtbot.waitUntil(findings.isVisible)
    assert rows_of(page.purpose_hints)[0].startswith("“safeguarding” is a hard word.")
    qtbot.waitUntil(lambda: findings.mapTo(window, findings.rect().topLeft()).y() >= page.purpose_edit.mapTo(
        window, page.purpose_edit.rect().bottomLeft()).y())
    dialog = GroupWordDialog(window.plain_words, set(), "Add our own word", "Thursday club", parent=window)
    dialog.show()
    qtbot.waitExposed(dialog)
    try:
        dialog.meaning_edit.setPlainText("Our lunch club about complex needs.")
        qtbot.waitUntil(dialog.hints.findings.isVisible)
        assert "can divide people" in rows_of(dialog.hints)[0]
        assert unreadable(dialog) == []
    finally:
        dialog.reject()


@pytest.mark.parametrize("text, words", [
    ("We will utilise the room.", "“utilise” is a formal word. Say “use” instead."),
    ("Ask the CQC.", "“CQC” is initials. Write it out in full: “Care Quality Commission”."),
])
def test_other_kinds_read_as_whole_sentences_too(window, text, words):
    window.plain_words.load()
    found = window.plain_words.check(text)
    assert row_words(found[0]) == words
