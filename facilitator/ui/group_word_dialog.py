"""Add or change one of the group's own words: the word, what it means to us, and whether we agreed it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.ui.fit import body_and_buttons, fit_to_screen
from facilitator.ui.hints import Hints
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.telling import tell_in
from facilitator.ui.text_fields import LinesHigh, labelled_rows, refuse_longer

MAX_TERM = 200
MAX_MEANING = 2000


class GroupWordDialog(QDialog):
    """Asks for a word and its meaning; ``values()`` gives them once the dialog is accepted."""

    def __init__(self, plain_words: PlainWords, taken: set[str], title: str, term: str = "", meaning: str = "",
                 agreed: bool = False, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.taken = {word.casefold() for word in taken}
        self.term_edit = QLineEdit(term)
        refuse_longer(self.term_edit, MAX_TERM)
        self.term_edit.setAccessibleName(_("The word"))
        self.meaning_edit = QPlainTextEdit(meaning)
        self.meaning_edit.setAccessibleName(_("What it means, in plain words"))
        self.meaning_edit.setPlaceholderText(_("1 or 2 short sentences, in the group's own words."))
        self.meaning_edit.setTabChangesFocus(True)
        LinesHigh(self.meaning_edit, 3, 8)
        self.hints = Hints(self.meaning_edit, plain_words)
        self.agreed_box = QCheckBox(_("The group has &agreed this meaning"))
        self.agreed_box.setChecked(agreed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addLayout(labelled_rows(QFormLayout(), [
            (_("The &word"), self.term_edit),
            (_("What it &means"), self.meaning_edit),
        ]))
        body.addWidget(self.agreed_box)
        body.addWidget(self.message)
        body_and_buttons(self, body, buttons)
        fit_to_screen(self, 560)

    def values(self) -> tuple[str, str, bool]:
        return self.term_edit.text().strip(), self.meaning_edit.toPlainText().strip(), self.agreed_box.isChecked()

    def problem(self) -> tuple[str, QWidget | None]:
        """What stops the word being saved, and the box to fix it in ("" and None: nothing)."""
        term, meaning, _agreed = self.values()
        if not term:
            return _("Write the word first."), self.term_edit
        if term.casefold() in self.taken:
            return _("The group already has its own “{term}”. Change that one instead.").format(term=term), self.term_edit
        if not meaning:
            return _("Write what “{term}” means, in plain words.").format(term=term), self.meaning_edit
        if len(meaning) > MAX_MEANING:
            return _("The meaning is too long. Keep it to a few short sentences."), self.meaning_edit
        return "", None

    def accept(self) -> None:
        problem, place = self.problem()
        if place is not None:
            place.setFocus()
            tell_in(self.message, "⚠ " + problem, urgent=True)
            return
        super().accept()
