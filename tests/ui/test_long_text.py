"""Long texts in text boxes: underlines stay right in a 5,000-word paragraph, and an item with long words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from facilitator.ui.agenda_card import WORDS_LINES
from facilitator.ui.hints import REACH, Hints
from facilitator.ui.plain_words import PlainWords

WAVY = QTextCharFormat.UnderlineStyle.WaveUnderline
PLAIN = "We met at the cafe and talked about the bus."
HARD = "We met at the cafe and talked about safeguarding."
SENTENCES = 700


def long_paragraph() -> str:
    """About 6,000 words in one paragraph; sentences 5, 352 and 695 have a hard word."""
    return " ".join(HARD if n in (5, 352, 695) else PLAIN for n in range(SENTENCES))


def sentence_at(text: str, sentence: int) -> int:
    """Where sentence number ``sentence`` starts."""
    place = -1
    for _n in range(sentence + 1):
        place = text.index("We met", place + 1)
    return place


def hard_word_at(text: str, sentence: int) -> int:
    return sentence_at(text, sentence) + HARD.index("safeguarding")


def underlined(edit: QPlainTextEdit) -> dict[int, tuple[str, QTextCharFormat.UnderlineStyle]]:
    """Where each underline starts in the first paragraph: (the words underlined, the style)."""
    block = edit.document().firstBlock()
    text = block.text()
    return {r.start: (text[r.start:r.start + r.length], r.format.underlineStyle()) for r in block.layout().formats()}


def box_with(qtbot, text: str) -> tuple[QPlainTextEdit, Hints]:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.resize(460, 110)
    plain_words = PlainWords(parent=edit)
    plain_words.load()
    hints = Hints(edit, plain_words)
    edit.setPlainText(text)
    edit.show()
    qtbot.waitExposed(edit)
    return edit, hints


def go_to(edit: QPlainTextEdit, place: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(place)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()


def test_typing_a_hard_word_in_a_long_paragraph_underlines_it_and_only_it(qtbot):
    text = long_paragraph()
    assert len(text.split()) > 5_000 and len(text) > 4 * REACH
    edit, _hints = box_with(qtbot, text)
    near = hard_word_at(text, 352)
    qtbot.waitUntil(lambda: underlined(edit).get(hard_word_at(text, 5)) == ("safeguarding", WAVY))
    middle = sentence_at(text, 350) + PLAIN.index("the bus")  # in sentence 350
    go_to(edit, middle)
    qtbot.waitUntil(lambda: underlined(edit).get(near) == ("safeguarding", WAVY))

    qtbot.keyClicks(edit, "reablement ")
    qtbot.waitUntil(lambda: underlined(edit).get(middle) == ("reablement", WAVY))
    assert underlined(edit).get(near + len("reablement ")) == ("safeguarding", WAVY)  # two sentences on

    for _letter in "reablement ":
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.toPlainText() == text
    qtbot.waitUntil(lambda: middle not in underlined(edit))
    assert underlined(edit).get(near) == ("safeguarding", WAVY)
    assert not any(words == "reablement" for words, _style in underlined(edit).values())


def test_the_far_end_of_a_long_paragraph_is_underlined_when_the_box_shows_it(qtbot):
    text = long_paragraph()
    edit, _hints = box_with(qtbot, text)
    end = hard_word_at(text, 695)
    qtbot.waitUntil(lambda: underlined(edit).get(hard_word_at(text, 5)) == ("safeguarding", WAVY))
    edit.verticalScrollBar().setValue(edit.verticalScrollBar().maximum())  # the cursor stays at the start
    qtbot.waitUntil(lambda: underlined(edit).get(end) == ("safeguarding", WAVY))
    assert edit.textCursor().position() == 0
    go_to(edit, hard_word_at(text, 352))
    qtbot.waitUntil(lambda: underlined(edit).get(hard_word_at(text, 352)) == ("safeguarding", WAVY))


def test_hovering_in_a_long_paragraph_explains_the_word_there(qtbot):
    text = long_paragraph()
    edit, hints = box_with(qtbot, text)
    found = hints.findings_at(hard_word_at(text, 695) + 3)
    assert [f.text for f in found if f.kind != "long-paragraph"] == ["safeguarding"]
    assert [f.kind for f in hints.findings_at(sentence_at(text, 694) + 3)] == ["long-paragraph"]


def test_choosing_an_item_with_long_words_shows_them_all_and_the_card_a_few_lines(window, qtbot):
    planner = window.page.planner
    planner.select_row(1)
    text = long_paragraph()[:19_000]
    planner.editor.words_edit.setPlainText(text)
    planner.editor.flush()
    planner.select_row(0)
    planner.select_row(1)
    assert planner.editor.words_edit.toPlainText() == text
    card = planner.cards.card_layout(1)
    assert 1 <= len(card.words_lines) <= WORDS_LINES
    assert card.words_lines[-1].endswith("…")
