"""The form beside the agenda cards: everything about the chosen item.

Each change is handed to the planner as ``changed(field, value)``; the planner
makes it an undoable edit. Pictures are suggested from the item's words as
the facilitator types: one click on a suggestion picks it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.field_checks import text_limit
from facilitator.core.model import ITEM_KIND_NAMES, AgendaItem, ItemKind
from facilitator.i18n import _, format_minutes, ngettext
from facilitator.ui.hints import Hints
from facilitator.ui.kinds import kind_icon
from facilitator.ui.pictures import PictureStore
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.telling import tell_in
from facilitator.ui.text_fields import LinesHigh, TextCommitter, labelled_rows
from facilitator.ui.value_boxes import ValueCommitter
from facilitator.ui.zoom import big_font

SUGGESTIONS = 6
TYPED = ("title", "plain_words", "notes", "led_by", "to_bring")  # fields typed into: saved as they are typed
MAX_MINUTES = 600


class ItemEditor(QWidget):
    changed = Signal(str, object)  # field name, new value
    choose_picture = Signal()

    def __init__(self, pictures: PictureStore, plain_words: PlainWords | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.pictures = pictures
        self.item: AgendaItem | None = None
        self._showing = False

        self.picture_button = QToolButton()
        self.picture_button.setAccessibleName(_("Picture for this item. Press to choose another."))
        self.picture_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.picture_button.clicked.connect(self.choose_picture)
        self.picture_words = QLabel()
        self.picture_words.setWordWrap(True)
        self.picture_words.setTextFormat(Qt.TextFormat.PlainText)
        choose = QPushButton(_("Choose a &picture…"))
        choose.clicked.connect(self.choose_picture)
        self.suggestion_label = QLabel(_("Pictures for these words:"))
        self.suggestion_row = QHBoxLayout()
        self.suggestion_buttons: list[QToolButton] = []
        for _n in range(SUGGESTIONS):
            button = QToolButton()
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, b=button: self._pick_suggestion(b))
            self.suggestion_buttons.append(button)
            self.suggestion_row.addWidget(button)
        self.suggestion_row.addStretch()
        picture_text = QVBoxLayout()
        picture_text.addWidget(self.picture_words)
        picture_text.addWidget(choose)
        picture_text.addWidget(self.suggestion_label)
        picture_text.addLayout(self.suggestion_row)
        picture_text.addStretch()
        picture_row = QHBoxLayout()
        picture_row.addWidget(self.picture_button, alignment=Qt.AlignmentFlag.AlignTop)
        picture_row.addLayout(picture_text, stretch=1)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(_("Title of the item"))
        big_font(self.title_edit, 1.3, bold=True)
        self.title = TextCommitter(self.title_edit, self._commit_title, max_length=text_limit("title"))

        self.words_edit = QPlainTextEdit()
        self.words_edit.setAccessibleName(_("Plain words for the room"))
        self.words_edit.setPlaceholderText(_("What happens, in short everyday words."))
        self.words_edit.setTabChangesFocus(True)
        LinesHigh(self.words_edit, 4, 12)
        self.words = TextCommitter(self.words_edit, lambda text: self._emit("plain_words", text), max_length=text_limit("plain_words"))
        self.hints = Hints(self.words_edit, plain_words or PlainWords(parent=self), self.words)

        self.minutes_box = QSpinBox()
        self.minutes_box.setRange(1, MAX_MINUTES)
        # The unit follows the number, in the form the language gives it ("1 minute", "10 minutes").
        self.minutes_box.valueChanged.connect(self._minutes_unit)
        self._minutes_unit(self.minutes_box.value())
        self.minutes_box.setAccessibleName(_("How many minutes"))
        self.minutes = ValueCommitter(self.minutes_box, lambda value: self._emit("minutes", value))

        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(_("Kind of item"))
        self.kind_box.setIconSize(QSize(20, 20))
        for kind in ItemKind:
            self.kind_box.addItem(kind_icon(kind), _(ITEM_KIND_NAMES[kind]), kind)
        self.kind_box.activated.connect(lambda index: self._emit("kind", self.kind_box.itemData(index)))

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(_("Your notes (the room does not see them)"))
        self.notes_edit.setPlaceholderText(_("Notes for you: what to have ready, who to ask."))
        self.notes_edit.setTabChangesFocus(True)
        self.notes = TextCommitter(self.notes_edit, lambda text: self._emit("notes", text), max_length=text_limit("notes"))

        # For the facilitators' run-sheet: who leads the item, and what to bring or prepare for it.
        self.led_by_edit = QLineEdit()
        self.led_by_edit.setAccessibleName(_("Who leads this item"))
        self.led_by_edit.setPlaceholderText(_("For the run-sheet: who leads it"))
        self.led_by = TextCommitter(self.led_by_edit, lambda text: self._emit("led_by", text.strip()), max_length=text_limit("led_by"))
        self.bring_edit = QLineEdit()
        self.bring_edit.setAccessibleName(_("What to bring or prepare for this item"))
        self.bring_edit.setPlaceholderText(_("For the run-sheet: flip chart, pens, voting cards…"))
        self.bring = TextCommitter(self.bring_edit, lambda text: self._emit("to_bring", text.strip()), max_length=text_limit("to_bring"))
        self.run_sheet_boxes = (self.led_by, self.bring)

        self.taken = QLabel()
        self.taken.setWordWrap(True)
        self.taken.setAccessibleName(_("How long it took in the room"))
        self.taken.hide()

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labelled_rows(form, [
            (_("&Title"), self.title_edit),
            (_("Plain wo&rds"), self.words_edit),
            (_("&Minutes"), self.minutes_box),
            ("", self.taken),
            (_("&Kind"), self.kind_box),
            (_("&Notes for you"), self.notes_edit),
            (_("Led b&y"), self.led_by_edit),
            (_("Bring &or prepare"), self.bring_edit),
        ])
        layout = QVBoxLayout(self)
        layout.addLayout(picture_row)
        layout.addWidget(self.message)
        layout.addLayout(form)

        self._suggest_timer = QTimer(self, singleShot=True, interval=150)
        self._suggest_timer.timeout.connect(self._show_suggestions)
        self.title_edit.textEdited.connect(lambda _text: self._suggest_timer.start())
        self.words_edit.textChanged.connect(self._suggest_timer.start)
        self.setEnabled(False)

    # -- showing -------------------------------------------------------------

    def show_item(self, item: AgendaItem | None, taken: int | None = None) -> None:
        """Show an item in the form; ``taken``: the minutes it really took when it was presented."""
        self._show_taken(item, taken)
        same = self.item is not None and item is not None and item.id == self.item.id
        if not same:
            self.flush()
            self.message.hide()
        self.item = item
        self.setEnabled(item is not None)
        self._showing = True
        try:
            if not same:
                for box in (self.title, self.words, self.notes, self.minutes):
                    box.forget()
            self.title.set_text(item.title if item else "")
            self.words.set_text(item.plain_words if item else "")
            self.notes.set_text(item.notes if item else "")
            self.minutes.set_value(item.minutes if item else 10)  # what is being typed is kept
            kind = item.kind if item else ItemKind.DISCUSSION
            self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
            for box, value in zip(self.run_sheet_boxes, (item.led_by, item.to_bring) if item else ("", "")):
                if not same:
                    box.forget()
                box.set_text(value)
        finally:
            self._showing = False
        self.show_picture()
        self._show_suggestions()

    def _show_taken(self, item: AgendaItem | None, taken: int | None) -> None:
        if item is None or taken is None:
            self.taken.hide()
            return
        self.taken.setText(
            _("When it was presented, it took {taken} (planned {planned}).").format(
                taken=format_minutes(taken), planned=format_minutes(item.minutes)
            )
        )
        self.taken.show()

    def show_picture(self) -> None:
        size = self.fontMetrics().lineSpacing() * 6
        self.picture_button.setIconSize(QSize(size, size))
        if self.item is None:
            self.picture_button.setIcon(QIcon())
            self.picture_words.setText("")
            return
        ref = self.pictures.ref_for(self.item.picture, self.item.kind)
        self.picture_button.setIcon(QIcon(self.pictures.pixmap(ref, size)))
        problem = self.pictures.problem(ref)
        if problem:
            self.picture_words.setText("⚠ " + problem)
        elif not self.item.picture.strip():
            self.picture_words.setText(_("The picture for this kind of item: {words}").format(words=self.pictures.words(ref)))
        else:
            self.picture_words.setText(_("Picture: {words}").format(words=self.pictures.words(ref)))
        self.picture_button.setToolTip(self.picture_words.text())

    def refresh_pictures(self) -> None:
        """Draw the pictures again at the size the text now has (after a zoom)."""
        self.show_picture()
        self._show_suggestions()

    def _show_suggestions(self) -> None:
        text = f"{self.title_edit.text()} {self.words_edit.toPlainText()}"
        found = self.pictures.catalogue.suggest(text, SUGGESTIONS) if self.item else []
        size = self.fontMetrics().lineSpacing() * 2 + 8
        for button, picture in zip(self.suggestion_buttons, found + [None] * SUGGESTIONS):
            button.setVisible(picture is not None)
            if picture is not None:
                button.setIcon(QIcon(self.pictures.pixmap(picture.ref, size)))
                button.setIconSize(QSize(size, size))
                button.setToolTip(_("Use the picture for “{words}”").format(words=picture.words))
                button.setAccessibleName(button.toolTip())
                button.setProperty("picture", picture.ref)
        self.suggestion_label.setVisible(bool(found))

    def _pick_suggestion(self, button: QToolButton) -> None:
        ref = button.property("picture")
        if ref:
            self._emit("picture", ref)

    # -- saving --------------------------------------------------------------

    def flush(self) -> None:
        for box in (self.title, self.words, self.notes, self.minutes):
            box.flush()
        for box in self.run_sheet_boxes:
            box.flush()

    def _commit_title(self, text: str) -> None:
        if not text.strip():
            self.say(_("Every item needs a title, so the old title is kept."))
            if self.item is not None:
                self.title.set_text(self.item.title)
            return
        self._emit("title", text.strip())

    def _minutes_unit(self, minutes: int) -> None:
        # TRANSLATORS: the unit after the number in the box for an item's minutes; it starts with a space
        self.minutes_box.setSuffix(ngettext(" minute", " minutes", minutes))

    def _emit(self, field: str, value) -> None:
        if self._showing or self.item is None or getattr(self.item, field) == value:
            return
        if field not in TYPED:
            self.flush()  # words still being typed are saved first, so they are not lost
        self.message.hide()
        self.changed.emit(field, value)

    def say(self, text: str) -> None:
        tell_in(self.message, "⚠ " + text, urgent=True)
