"""Read aloud ▸ How to say words: the group tells the voice how a name or word is said.

A place name ("Llanelli"), a person's name, or letters said one by one ("NHS"
as "N H S"). They are kept with the workshop; every change can be undone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.edits import AddPart, ChangePart, RemovePart
from facilitator.core.exchange import text_limit
from facilitator.core.library import Change, Library
from facilitator.core.model import Pronunciation
from facilitator.i18n import _
from facilitator.speech.reading import as_letters
from facilitator.ui.fit import body_and_buttons, fit_to_screen
from facilitator.ui.speech import Speaker
from facilitator.ui.telling import tell_in
from facilitator.ui.text_fields import labelled_rows, refuse_longer
from facilitator.ui.undo import UndoHistory

TRY = "pronunciation-try"  # the speaker's tag for "Try it"


class PronunciationsDialog(QDialog):
    def __init__(self, library: Library, history: UndoHistory, speaker: Speaker, workshop_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.history = history
        self.speaker = speaker
        self.workshop_id = workshop_id
        self.setWindowTitle(_("How to say words"))
        intro = QLabel(_(
            "Tell the voice how to say a name or a word. Write it the way it sounds, "
            "or press “Say it as letters” for letters like NHS."
        ))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Words and how to say them"))
        self.list.currentItemChanged.connect(self._chosen)
        self.written_edit = QLineEdit()
        refuse_longer(self.written_edit, text_limit("written"))
        self.written_edit.setPlaceholderText(_("As it is written, like Llanelli"))
        self.spoken_edit = QLineEdit()
        refuse_longer(self.spoken_edit, text_limit("spoken"))
        self.spoken_edit.setPlaceholderText(_("As it sounds, like Hlan-ethli"))
        self.add_button = QPushButton(_("&Add"))
        self.save_button = QPushButton(_("Save the &change"))
        self.remove_button = QPushButton(_("&Remove"))
        self.letters_button = QPushButton(_("Say it as &letters"))
        self.try_button = QPushButton(_("&Try it"))
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save_change)
        self.remove_button.clicked.connect(self.remove)
        self.letters_button.clicked.connect(lambda: self.spoken_edit.setText(as_letters(self.written_edit.text())))
        self.try_button.clicked.connect(self.try_it)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        row = QGridLayout()
        for place, button in enumerate((self.add_button, self.save_button, self.remove_button, self.letters_button, self.try_button)):
            row.addWidget(button, place // 3, place % 3)
        body = QVBoxLayout()
        body.addWidget(intro)
        body.addWidget(self.list, 1)
        body.addLayout(labelled_rows(QFormLayout(), [
            (_("&Written"), self.written_edit),
            (_("&Say it like"), self.spoken_edit),
        ]))
        body.addLayout(row)
        body.addWidget(self.message)
        body_and_buttons(self, body, buttons)
        library.subscribe(self._library_changed)
        speaker.problem.connect(self._problem)
        self._fill()
        fit_to_screen(self, 560, 480)

    def pronunciations(self) -> list[Pronunciation]:
        return self.library.load_workshop(self.workshop_id).pronunciations

    def _fill(self, keep: str | None = None) -> None:
        keep = keep or (self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None)
        self.list.blockSignals(True)
        self.list.clear()
        for each in self.pronunciations():
            item = QListWidgetItem(f"{each.written}  →  {each.spoken}")
            item.setData(Qt.ItemDataRole.UserRole, each.id)
            self.list.addItem(item)
            if each.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._enable()

    def _enable(self) -> None:
        chosen = self.list.currentItem() is not None
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _chosen(self, *args) -> None:
        found = self._current()
        if found is not None:
            self.written_edit.setText(found.written)
            self.spoken_edit.setText(found.spoken)
        self._enable()

    def _current(self) -> Pronunciation | None:
        item = self.list.currentItem()
        wanted = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((each for each in self.pronunciations() if each.id == wanted), None)

    def problem(self, leave_out: str = "") -> str:
        """What stops the two boxes being saved ("" when nothing does)."""
        written, spoken = self.written_edit.text().strip(), self.spoken_edit.text().strip()
        if not written:
            return _("Write the word as it is written.")
        if not spoken:
            return _("Write how to say “{word}”.").format(word=written)
        if any(each.written.casefold() == written.casefold() and each.id != leave_out for each in self.pronunciations()):
            return _("“{word}” is in the list already. Choose it to change it.").format(word=written)
        return ""

    def add(self) -> None:
        trouble = self.problem()
        if trouble:
            self.tell(trouble)
            return
        made = Pronunciation(self.written_edit.text().strip(), self.spoken_edit.text().strip())
        self.history.push(AddPart(self.workshop_id, "pronunciations", made))
        self._fill(keep=made.id)
        self.tell(_("Added. The voice says “{word}” like this now.").format(word=made.written))

    def save_change(self) -> None:
        found = self._current()
        if found is None:
            return
        trouble = self.problem(leave_out=found.id)
        if trouble:
            self.tell(trouble)
            return
        written, spoken = self.written_edit.text().strip(), self.spoken_edit.text().strip()
        if (written, spoken) != (found.written, found.spoken):
            self.history.push(ChangePart.of(self.workshop_id, "pronunciations", found, written=written, spoken=spoken))
        self._fill(keep=found.id)
        self.tell(_("Saved."))

    def remove(self) -> None:
        found = self._current()
        if found is None:
            return
        index = [each.id for each in self.pronunciations()].index(found.id)
        self.history.push(RemovePart(self.workshop_id, "pronunciations", found, index))
        self._fill()
        self.tell(_("Removed “{word}”. Edit ▸ Undo brings it back.").format(word=found.written))

    def try_it(self) -> None:
        """Say the written word the way the boxes say it, in the workshop's language."""
        written, spoken = self.written_edit.text().strip(), self.spoken_edit.text().strip()
        if not written:
            self.tell(_("Write the word as it is written."))
            return
        language = self.library.load_workshop(self.workshop_id).language
        self.speaker.read_text(written, language, TRY, [(written, spoken)] if spoken else [])
        self.tell("")

    def tell(self, text: str) -> None:
        tell_in(self.message, text, urgent=bool(text))

    def _problem(self, tag: str, message: str) -> None:
        if tag == TRY:
            self.tell(message)

    def _library_changed(self, change: Change) -> None:
        if change.workshop_id == self.workshop_id and change.kind == "changed":
            self._fill()

    def done(self, result: int) -> None:
        self.library.unsubscribe(self._library_changed)
        self.speaker.problem.disconnect(self._problem)
        super().done(result)
