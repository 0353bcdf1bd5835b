"""Small faults a first-time facilitator met (issue 20): each one, as they met it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from facilitator.ui.group_word_dialog import GroupWordDialog


def test_add_our_own_word_opens_the_dialog_with_an_empty_word(window, monkeypatch):
    """The button's clicked(bool) once reached the dialog as the word, and every click raised a TypeError."""
    opened = []

    def answer(dialog):
        opened.append(dialog.term_edit.text())
        dialog.term_edit.setText("Thursday club")
        dialog.meaning_edit.setPlainText("Our lunch club at the library on Thursdays.")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(GroupWordDialog, "exec", answer)
    window.show_glossary()
    window.glossary.add_button.click()
    assert opened == [""]
    words = window.library.load_workshop(window.current_workshop_id()).group_words
    assert "Thursday club" in [word.term for word in words]
