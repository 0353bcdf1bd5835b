"""No box cuts words short without a word: what would go past a field's limit is refused, said, and nothing is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from facilitator.core.field_checks import LONG_TEXT, SHORT_TEXT, text_limit
from facilitator.ui import text_fields
from facilitator.ui.text_fields import TextCommitter, refuse_longer


def stored_item(window):
    return window.library.load_workshop(window.current_workshop_id()).agenda[0]


def paste(box, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    box.paste()


def test_the_planner_boxes_hold_what_a_workshop_file_holds(window):
    editor = window.page.planner.editor
    assert editor.words.max_length == text_limit("plain_words") == LONG_TEXT
    assert editor.notes.max_length == text_limit("notes") == LONG_TEXT
    assert editor.title.max_length == text_limit("title") == SHORT_TEXT
    assert window.page.purpose.max_length == text_limit("purpose")


def test_plain_words_past_the_limit_are_refused_and_said_and_nothing_is_cut(window, qtbot):
    editor = window.page.planner.editor
    box = editor.words_edit
    almost = "We talk about the bus. " * 869  # 19,987 characters
    box.setFocus()
    box.selectAll()
    paste(box, almost)
    editor.words.flush()
    assert stored_item(window).plain_words == almost

    box.moveCursor(box.textCursor().MoveOperation.End)
    paste(box, "And the trains on Sunday.")  # 25 more: 20,012
    assert box.toPlainText() == almost  # refused whole, not cut
    said = window.statusBar().currentMessage()
    assert "not added" in said and "20,000" in said and "20,012" in said
    editor.words.flush()
    assert stored_item(window).plain_words == almost

    paste(box, "Yes and no.")  # 11 more: 19,998 fits, kept whole
    editor.words.flush()
    assert stored_item(window).plain_words == almost + "Yes and no."

    qtbot.keyClicks(box, "abc")  # two fit, the third is refused
    assert box.toPlainText() == almost + "Yes and no.ab"
    assert "full" in window.statusBar().currentMessage()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, "z")
    editor.words.flush()
    assert stored_item(window).plain_words == almost + "Yes and no.az"


def test_a_paste_over_chosen_words_that_would_be_too_long_leaves_them_there(qtbot):
    box = QPlainTextEdit()
    qtbot.addWidget(box)
    saved = []
    words = TextCommitter(box, saved.append, max_length=30)
    words.set_text("Tea, coffee and biscuits.")
    cursor = box.textCursor()
    cursor.setPosition(5)
    cursor.setPosition(11, cursor.MoveMode.KeepAnchor)  # "coffee"
    box.setTextCursor(cursor)
    paste(box, "hot chocolate with marshmallows")
    assert box.toPlainText() == "Tea, coffee and biscuits."
    box.undo()  # nothing of the refused paste is left to undo
    assert box.toPlainText() == "Tea, coffee and biscuits."
    words.flush()
    assert saved == []  # nothing changed, nothing saved


def test_a_saved_long_value_is_shown_whole_and_quietly(qtbot, monkeypatch):
    said = []
    monkeypatch.setattr(text_fields, "say_refused", lambda box, words: said.append(words))
    line = QLineEdit()
    qtbot.addWidget(line)
    title = TextCommitter(line, lambda text: None, max_length=10)
    title.set_text("A title longer than ten")
    assert line.text() == "A title longer than ten" and said == []
    qtbot.keyClick(line, Qt.Key.Key_End)
    qtbot.keyClick(line, Qt.Key.Key_Backspace)  # it can still be made shorter
    assert line.text() == "A title longer than te"
    qtbot.keyClicks(line, "n")
    assert line.text() == "A title longer than te" and len(said) == 1


def test_a_one_line_box_refuses_a_long_paste_whole_and_says_so(qtbot, monkeypatch):
    said = []
    monkeypatch.setattr(text_fields, "say_refused", lambda box, words: said.append(words))
    line = QLineEdit("The venue")
    qtbot.addWidget(line)
    refuse_longer(line, 20)
    line.end(False)
    paste(line, " on the corner of the high street")
    assert line.text() == "The venue"  # setMaxLength would have kept "The venue on the cor"
    assert "not added" in said[0] and "42" in said[0]
    paste(line, " hall")
    assert line.text() == "The venue hall"
    qtbot.keyClicks(line, " 123456789")
    assert line.text() == "The venue hall 12345" and "full" in said[-1]


def test_the_workshop_title_refuses_a_long_paste(window):
    page = window.page
    old = page.workshop.title
    page.title_edit.setFocus()
    page.title_edit.end(False)
    paste(page.title_edit, "x" * SHORT_TEXT)
    assert page.title_edit.text() == old
    assert "not added" in window.statusBar().currentMessage()


def test_characters_are_counted_as_a_workshop_file_counts_them(qtbot):
    """Qt counts a picture character such as 🚌 as two; the file's limit counts it as one."""
    box = QPlainTextEdit()
    qtbot.addWidget(box)
    saved = []
    words = TextCommitter(box, saved.append, max_length=10)
    box.show()
    box.setFocus()
    paste(box, "🚌🚌🚌🚌🚌🚌")  # 12 in Qt's count, 6 characters
    qtbot.keyClicks(box, "bus")
    paste(box, "!")
    assert box.toPlainText() == "🚌🚌🚌🚌🚌🚌bus!"
    words.flush()
    assert saved == ["🚌🚌🚌🚌🚌🚌bus!"]
    qtbot.keyClicks(box, "?")
    assert box.toPlainText() == "🚌🚌🚌🚌🚌🚌bus!"
