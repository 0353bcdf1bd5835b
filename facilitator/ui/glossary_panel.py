"""The plain-words panel: browse and search the glossary, read an entry, and keep the group's own words.

Search finds whole words, the start of a word and words with a typing
mistake. An entry shows its picture, the plain meaning in large type, more
about it, what to say instead and the entries to read next (one click each).
The group's own words are added, changed, agreed and removed here; each of
those is a step that Undo takes back.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.edits import AddPart, ChangePart, RemovePart
from facilitator.core.library import Library
from facilitator.core.model import GroupWord
from facilitator.i18n import _, ngettext
from facilitator.language.glossary import DIVIDES, GROUP, GlossaryEntry, topic_name
from facilitator.ui import ask
from facilitator.ui.group_word_dialog import GroupWordDialog
from facilitator.ui.pictures import PictureStore
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.undo import UndoHistory
from facilitator.ui.zoom import big_font

ALL_TOPICS = ""
ENTRY_LINK = "entry:"
PICTURE_URL = QUrl("picture:entry")


class GlossaryPanel(QWidget):
    said = Signal(str)

    def __init__(self, library: Library, history: UndoHistory, plain_words: PlainWords, pictures: PictureStore,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.history = history
        self.plain_words = plain_words
        self.pictures = pictures
        self.entry: GlossaryEntry | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(_("Type a word to look it up"))
        self.search_edit.setAccessibleName(_("Search the plain-words glossary"))
        self.search_edit.textChanged.connect(self.refresh_list)
        self.search_edit.returnPressed.connect(lambda: self.results.setCurrentRow(0))
        self.topic_box = QComboBox()
        self.topic_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.topic_box.setMinimumContentsLength(10)
        self.topic_box.activated.connect(self.refresh_list)
        self.results = QListWidget()
        self.results.setAccessibleName(_("Glossary entries"))
        self.results.currentItemChanged.connect(self._show_current)
        self.count_label = QLabel()

        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._follow)
        self.view.setAccessibleName(_("The chosen entry"))

        self.add_button = QPushButton(_("Add our own &word…"))
        self.add_button.clicked.connect(lambda: self.add_word())  # never clicked(bool): that is no word
        self.change_button = QPushButton(_("&Change…"))
        self.change_button.clicked.connect(self.change_word)
        self.agree_button = QPushButton(_("We a&greed this"))
        self.agree_button.setCheckable(True)
        self.agree_button.clicked.connect(self.set_agreed)
        self.remove_button = QPushButton(_("Remo&ve"))
        self.remove_button.clicked.connect(self.remove_word)
        self.read_button = QPushButton(_("Read &aloud"))
        self.read_button.clicked.connect(self.read_entry)

        search_label = QLabel(_("&Look up"))
        search_label.setBuddy(self.search_edit)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, stretch=2)
        topic_label = QLabel(_("&Topic"))
        topic_label.setBuddy(self.topic_box)
        top.addWidget(topic_label)
        top.addWidget(self.topic_box, stretch=1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results)
        left_layout.addWidget(self.count_label)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(left)
        split.addWidget(self.view)
        split.setStretchFactor(1, 2)
        buttons = QGridLayout()
        buttons.addWidget(self.read_button, 0, 0, 1, 2)
        for place, button in enumerate((self.add_button, self.change_button, self.agree_button, self.remove_button)):
            buttons.addWidget(button, 1 + place // 2, place % 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, stretch=1)
        layout.addLayout(buttons)

        big_font(self.results, 1.15)
        big_font(self.view, 1.15)
        plain_words.changed.connect(self._glossary_changed)
        plain_words.look_up_requested.connect(self.look_up)
        self._filled = False  # filled when first shown, so the glossary is not read before the window appears

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self._filled:
            self._glossary_changed()
        super().showEvent(event)

    # -- the list --------------------------------------------------------------

    def _fill_topics(self) -> None:
        current = self.topic_box.currentData()
        self.topic_box.clear()
        self.topic_box.addItem(_("All topics"), ALL_TOPICS)
        for topic in self.plain_words.glossary.topics():
            self.topic_box.addItem(topic_name(topic), topic)
        self.topic_box.setCurrentIndex(max(0, self.topic_box.findData(current)))

    def refresh_list(self, *args) -> None:
        if not self._filled:
            self._filled = True
            self._fill_topics()
        topic = self.topic_box.currentData() or ALL_TOPICS
        found = [e for e in self.plain_words.search(self.search_edit.text()) if topic in (ALL_TOPICS, e.topic)]
        keep = self.entry
        self.results.blockSignals(True)
        self.results.clear()
        for entry in found:
            item = QListWidgetItem(_list_text(entry))
            item.setToolTip(entry.plain)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.results.addItem(item)
            if keep is not None and _same(entry, keep):
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)
        self.count_label.setText(ngettext("{count} entry", "{count} entries", len(found)).format(count=len(found)))
        if self.results.currentItem() is None and self.results.count():
            self.results.setCurrentRow(0)
        self._show_current()

    def _glossary_changed(self) -> None:
        if not self._filled and not self.isVisible():
            return
        self._filled = True
        self._fill_topics()
        if self.entry is not None:  # find the entry again: the group may have changed it
            self.entry = next((e for e in self.plain_words.glossary.entries if _same(e, self.entry)), None)
        self.refresh_list()

    def look_up(self, text: str) -> None:
        """Show ``text``'s entry, or what a search for it finds."""
        entry = self.plain_words.lookup(text) if text else None
        self.topic_box.setCurrentIndex(0)
        self.entry = entry
        self.search_edit.setText(entry.term if entry else text)
        if entry is None and text:
            self.said.emit(_("“{word}” is not in the glossary. These are the closest entries.").format(word=text))

    # -- one entry -------------------------------------------------------------

    def _show_current(self, *args) -> None:
        item = self.results.currentItem()
        self.show_entry(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def show_entry(self, entry: GlossaryEntry | None) -> None:
        self.entry = entry
        self.view.setHtml(self.entry_html(entry) if entry else "")
        has_workshop = self.plain_words.workshop_id is not None
        own = entry is not None and entry.from_group
        self.add_button.setEnabled(has_workshop)
        self.change_button.setEnabled(has_workshop and entry is not None)
        self.change_button.setText(_("&Change…") if own else _("Make our own &version…"))
        self.agree_button.setEnabled(own)
        self.agree_button.setChecked(own and entry.agreed)
        self.remove_button.setEnabled(own)
        self.read_button.setEnabled(entry is not None)

    def read_entry(self) -> None:
        """Read the chosen word and what it means aloud."""
        entry = self.entry
        if entry is not None:
            self.plain_words.read_aloud_requested.emit("\n".join(part for part in (entry.term, entry.plain, entry.more) if part.strip()))

    def entry_html(self, entry: GlossaryEntry) -> str:
        size = self.fontMetrics().lineSpacing() * 5
        document = self.view.document()
        has_picture = bool(entry.picture) and self.pictures.resolve(entry.picture) is not None
        if has_picture:
            image = self.pictures.pixmap(entry.picture, size).toImage()
            document.addResource(QTextDocument.ResourceType.ImageResource, PICTURE_URL, image)
        e = html.escape
        parts = ["<table><tr>"]
        if has_picture:
            parts.append(f'<td><img src="{PICTURE_URL.toString()}" width="{size}" height="{size}"></td>')
        parts.append(f'<td style="padding-left:12px"><h1>{e(entry.term)}</h1>')
        if entry.kind == DIVIDES:
            parts.append(f"<p>⚠ {e(_('A word that can divide people.'))}</p>")
        if entry.from_group:
            status = _("Our own word: the group agreed it.") if entry.agreed else _("Our own word: not agreed yet.")
            parts.append(f"<p>{e(status)}</p>")
        parts.append("</td></tr></table>")
        parts.append(f'<p style="font-size:x-large">{e(entry.plain)}</p>')
        if entry.more:
            parts.append(f"<p>{e(entry.more)}</p>")
        glossary = self.plain_words.glossary
        rows = [
            (_("Say instead"), [e(words) for words in entry.say_instead]),
            (_("Also written"), [e(name) for name in (*entry.initials, *entry.variants)]),
            (_("See also"), [_link(found) for found in glossary.related(entry)]),
            (_("Not the same as"), [_link(found) for found in glossary.not_same_as(entry)]),
        ]
        for label, values in rows:
            if values:
                parts.append(f"<p><b>{e(label)}:</b> {' · '.join(values)}</p>")
        if entry.topic != GROUP:
            parts.append(f"<p>{e(_('Topic: {topic}').format(topic=entry.topic_name()))}</p>")
        return "".join(parts)

    def _follow(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(ENTRY_LINK):
            self.look_up(QUrl.fromPercentEncoding(text[len(ENTRY_LINK):].encode()))

    # -- the group's own words ----------------------------------------------------

    def _group_words(self) -> list[GroupWord]:
        workshop_id = self.plain_words.workshop_id
        return self.library.load_workshop(workshop_id).group_words if workshop_id else []

    def _chosen_word(self) -> tuple[list[GroupWord], int | None]:
        """The group's words, and the place among them of the chosen entry (None: not one of them)."""
        words = self._group_words()
        entry = self.entry
        index = next((i for i, w in enumerate(words) if entry and w.id == entry.group_word_id), None)
        return words, index

    def add_word(self, term: str = "", meaning: str = "") -> None:
        if self.plain_words.workshop_id is None:
            return
        taken = {word.term for word in self._group_words()}
        dialog = GroupWordDialog(self.plain_words, taken, _("Add our own word"), term, meaning, parent=self)
        if dialog.exec():
            term, meaning, agreed = dialog.values()
            self.history.push(AddPart(self.plain_words.workshop_id, "group_words", GroupWord(term, meaning, agreed)))
            self.look_up(term)

    def change_word(self) -> None:
        entry = self.entry
        if entry is None:
            return
        if not entry.from_group:  # a built-in entry: start the group's own version from it
            self.add_word(entry.term, entry.plain)
            return
        words, index = self._chosen_word()
        if index is None:
            return
        word = words[index]
        taken = {w.term for w in words if w.id != word.id}
        dialog = GroupWordDialog(self.plain_words, taken, _("Change our word"), word.term, word.meaning, word.agreed, self)
        if dialog.exec():
            term, meaning, agreed = dialog.values()
            if (term, meaning, agreed) != (word.term, word.meaning, word.agreed):
                self.history.push(ChangePart.of(self.plain_words.workshop_id, "group_words", word,
                                                term=term, meaning=meaning, agreed=agreed))
            self.look_up(term)

    def set_agreed(self, agreed: bool) -> None:
        words, index = self._chosen_word()
        if index is not None and words[index].agreed != agreed:
            self.history.push(ChangePart.of(self.plain_words.workshop_id, "group_words", words[index], agreed=agreed))

    def remove_word(self) -> None:
        words, index = self._chosen_word()
        if index is None:
            return
        question = _("Remove the group's word “{term}”? Undo brings it back.").format(term=words[index].term)
        if ask.confirm(self, _("Remove our word"), question, _("Remove")):
            self.entry = None
            self.history.push(RemovePart(self.plain_words.workshop_id, "group_words", words[index], index))


def _list_text(entry: GlossaryEntry) -> str:
    if entry.from_group:
        return _("{term} (our word)").format(term=entry.term)
    if entry.kind == DIVIDES:
        return _("{term} (divides people)").format(term=entry.term)
    return entry.term


def _link(entry: GlossaryEntry) -> str:
    target = QUrl.toPercentEncoding(entry.term).data().decode()
    return f'<a href="{ENTRY_LINK}{target}">{html.escape(entry.term)}</a>'


def _same(first: GlossaryEntry, second: GlossaryEntry) -> bool:
    return (first.term, first.group_word_id) == (second.term, second.group_word_id)

