"""Choosing a hard word to explain on the big screen: the words in this item first, or search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.language.finder import finder_for
from facilitator.language.glossary import GlossaryEntry
from facilitator.ui.fit import fit_to_screen
from facilitator.ui.plain_words import PlainWords


def words_in(plain_words: PlainWords, text: str) -> list[GlossaryEntry]:
    """The glossary entries that ``text`` uses, each once, in the order they come."""
    found: list[GlossaryEntry] = []
    for match in finder_for(plain_words.glossary).find(text):
        if match.entry not in found:
            found.append(match.entry)
    return found


class WordPicker(QDialog):
    def __init__(self, plain_words: PlainWords, here: list[GlossaryEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.plain_words = plain_words
        self.here = here
        self.entry: GlossaryEntry | None = None
        self.setWindowTitle(_("Explain a hard word"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Type a word to find it"))
        self.search.setAccessibleName(_("Find a word"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Words"))
        self.list.itemActivated.connect(lambda item: self._choose(item))
        self.heading = QLabel()
        self.search.textChanged.connect(self._fill)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.show_button = buttons.addButton(_("Show on the big screen"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(lambda: self._choose(self.list.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        search_label = QLabel(_("&Find a word"))
        search_label.setBuddy(self.search)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 480)
        self._fill("")

    def _fill(self, query: str) -> None:
        self.list.clear()
        if query.strip():
            entries = self.plain_words.search(query)
            self.heading.setText(_("Words found") if entries else _("No word in the glossary matches “{query}”.").format(query=query.strip()))
        else:
            entries = self.here
            self.heading.setText(_("Hard words in this item") if entries else _("This item has no hard words. Type to find one."))
        for entry in entries:
            item = QListWidgetItem(f"{entry.term} — {entry.plain}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(entry.plain)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.show_button.setEnabled(self.list.count() > 0)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.entry = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
