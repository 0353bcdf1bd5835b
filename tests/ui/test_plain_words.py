"""Plain words in the running window: underlines as you type, the fix one click away, look-up, own words."""

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QDialog

from facilitator.ui.group_word_dialog import GroupWordDialog

WAVY = QTextCharFormat.UnderlineStyle.WaveUnderline
DOTTED = QTextCharFormat.UnderlineStyle.DotLine


def underlines(edit):
    """(underlined text, underline style) for the first paragraph of a text box."""
    block = edit.document().firstBlock()
    text = block.text()
    return [(text[r.start:r.start + r.length], r.format.underlineStyle()) for r in block.layout().formats()]


def editor_with(window, qtbot, text):
    planner = window.page.planner
    planner.select_row(1)
    edit = planner.editor.words_edit
    edit.setFocus()
    edit.setPlainText(text)
    qtbot.waitUntil(lambda: underlines(edit) != [])
    return edit


def stored_words(window):
    return window.library.load_workshop(window.page.workshop.id).agenda[1].plain_words


def test_jargon_and_long_sentences_are_underlined_as_you_type(window, qtbot):
    edit = editor_with(window, qtbot, "We will talk about the safeguarding policy today.")
    assert ("safeguarding", WAVY) in underlines(edit)
    edit.setPlainText("We talk. " + " ".join(["word"] * 20) + ".")
    qtbot.waitUntil(lambda: any(style == DOTTED for _text, style in underlines(edit)))
    edit.setPlainText("We talk about the garden and the bus.")
    qtbot.waitUntil(lambda: underlines(edit) == [])


def test_the_suggestion_is_one_click_away_and_undo_takes_it_back(window, qtbot):
    edit = editor_with(window, qtbot, "We will utilise the garden.")
    hints = window.page.planner.editor.hints
    menu = hints.menu_at(edit.toPlainText().index("utilise") + 2)
    use = next(action for action in menu.actions() if action.text() == "Use “use”")
    use.trigger()
    assert edit.toPlainText() == "We will use the garden."
    window.page.flush()
    assert stored_words(window) == "We will use the garden."
    window.actions.undo.trigger()
    assert stored_words(window) == "We will utilise the garden."


def test_hovering_explains_and_the_menu_offers_a_look_up(window, qtbot):
    edit = editor_with(window, qtbot, "Ask about a personal budget.")
    hints = window.page.planner.editor.hints
    place = edit.toPlainText().index("budget")
    found = hints.findings_at(place)
    assert [f.term for f in found] == ["personal budget"]
    texts = [action.text() for action in hints.menu_at(place).actions()]
    assert found[0].message[:40] in texts[0]
    assert any(text.startswith("Look up “personal budget”") for text in texts)


def test_look_up_shows_the_word_at_the_cursor_in_the_glossary(window, qtbot):
    edit = editor_with(window, qtbot, "Who does the safeguarding?")
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index("safeguarding") + 3)
    edit.setTextCursor(cursor)
    window.actions.look_up.trigger()
    panel = window.glossary
    assert window.glossary_dock.isVisible()
    assert panel.entry is not None and panel.entry.term == "safeguarding"
    assert "safeguarding" in panel.view.toPlainText()


def test_the_glossary_searches_with_typos_and_follows_related_links(window, qtbot):
    window.show_glossary()
    panel = window.glossary
    panel.search_edit.setText("safegaurding")
    assert panel.entry is not None and panel.entry.term == "safeguarding"
    related = window.plain_words.glossary.related(panel.entry)
    assert related, "safeguarding should have related entries"
    html = panel.view.toHtml()
    assert "entry:" in html
    assert f'href="{_link_url(related[0].term).toString()}"' in html
    panel._follow(_link_url(related[0].term))
    assert panel.entry.term == related[0].term


def _link_url(term):
    from PySide6.QtCore import QUrl

    return QUrl("entry:" + QUrl.toPercentEncoding(term).data().decode())


def answer_dialog(monkeypatch, term, meaning, agreed=False):
    def exec_(dialog):
        dialog.term_edit.setText(term)
        dialog.meaning_edit.setPlainText(meaning)
        dialog.agreed_box.setChecked(agreed)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(GroupWordDialog, "exec", exec_)


def test_the_group_adds_agrees_and_removes_its_own_word_with_undo(window, qtbot, monkeypatch):
    window.show_glossary()
    panel = window.glossary
    before = len(window.page.workshop.group_words)
    answer_dialog(monkeypatch, "Thursday club", "Our lunch club at the library on Thursdays.")
    panel.add_word()
    words = window.library.load_workshop(window.page.workshop.id).group_words
    assert [w.term for w in words][-1] == "Thursday club" and len(words) == before + 1
    assert panel.entry.from_group and panel.entry.term == "Thursday club"
    # The checker now knows the group's word.
    found = window.plain_words.check("See you at the Thursday club.")
    assert [f.term for f in found] == ["Thursday club"]
    panel.agree_button.click()
    assert window.library.load_workshop(window.page.workshop.id).group_words[-1].agreed
    monkeypatch.setattr("facilitator.ui.glossary_panel.ask.confirm", lambda *args: True)
    panel.look_up("Thursday club")
    panel.remove_word()
    assert len(window.library.load_workshop(window.page.workshop.id).group_words) == before
    window.actions.undo.trigger()
    restored = window.library.load_workshop(window.page.workshop.id).group_words
    assert restored[-1].term == "Thursday club" and restored[-1].agreed


def test_an_own_word_needs_a_word_and_a_meaning(window, qtbot):
    dialog = GroupWordDialog(window.plain_words, {"Thursday club"}, "Add")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Write the word" in dialog.message.text()
    dialog.term_edit.setText("thursday CLUB")
    dialog.meaning_edit.setPlainText("A club.")
    dialog.accept()
    assert "already has" in dialog.message.text()
    dialog.term_edit.setText("Art group")
    dialog.meaning_edit.setPlainText("   ")
    dialog.accept()
    assert "means" in dialog.message.text()
    dialog.meaning_edit.setPlainText("We paint together.")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == ("Art group", "We paint together.", False)


def test_a_welsh_workshop_is_not_checked_for_english_words(window, qtbot):
    edit = editor_with(window, qtbot, "We will talk about the safeguarding policy.")
    index = window.page.language_box.findData("cy")
    window.page.language_box.setCurrentIndex(index)
    window.page.language_box.activated.emit(index)
    qtbot.waitUntil(lambda: underlines(edit) == [])
