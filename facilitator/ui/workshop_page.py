"""The page for one workshop: its details on top, then the agenda planner and the people.

Every change is an undoable edit, saved to the library the moment it is made
(text when typing pauses or the box is left). The page listens to the library
and shows the workshop again after each change, undo and redo included.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.edits import ChangeWorkshop
from facilitator.core.library import Change, Library
from facilitator.core.model import Agreement, Workshop
from facilitator.i18n import _
from facilitator.ui.hints import Hints
from facilitator.ui.people_editor import PeopleEditor
from facilitator.ui.pictures import PictureStore
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.planner import AgendaPlanner
from facilitator.ui.text_fields import LinesHigh, TextCommitter, labelled_rows, undo_goes_to_the_workshop
from facilitator.ui.undo import UndoHistory
from facilitator.ui.zoom import big_font

NO_DATE = QDate(2000, 1, 1)
NO_TIME = QTime(0, 0)
LANGUAGES = {"en": "English", "cy": "Cymraeg", "ar": "العربية"}


class WorkshopPage(QWidget):
    """Details, agenda and people of one workshop, saved as they are edited."""

    saved = Signal()
    said = Signal(str)

    def __init__(
        self,
        library: Library,
        pictures: PictureStore,
        history: UndoHistory,
        plain_words: PlainWords | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.library = library
        self.history = history
        self.workshop: Workshop | None = None
        self._showing = False

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(_("Workshop title"))
        big_font(self.title_edit, 1.6, bold=True)
        self.title = TextCommitter(self.title_edit, self._commit_title, max_length=500)

        self.group_label = QLabel()
        self.group_label.setTextFormat(Qt.TextFormat.PlainText)

        self.purpose_edit = QPlainTextEdit()
        self.purpose_edit.setAccessibleName(_("What the workshop is for"))
        self.purpose_edit.setPlaceholderText(_("Why we are meeting, in a few short sentences."))
        self.purpose_edit.setTabChangesFocus(True)
        LinesHigh(self.purpose_edit, 4, 10)
        self.purpose = TextCommitter(self.purpose_edit, lambda text: self._change(purpose=text))

        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText(_("No date yet"))
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_edit.setAccessibleName(_("Date"))
        self.date_edit.dateChanged.connect(self._date_changed)
        undo_goes_to_the_workshop(self.date_edit)

        self.start_edit = self._time_edit(_("Start time"), "start_time")
        self.until_edit = self._time_edit(_("Room booked until"), "room_booked_until")

        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName(_("Place"))
        self.place = TextCommitter(self.place_edit, lambda text: self._change(place=text.strip()), max_length=500)

        self.language_box = QComboBox()
        self.language_box.setAccessibleName(_("Language of the workshop"))
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.activated.connect(lambda i: self._change(language=self.language_box.itemData(i)))

        details = QGridLayout()
        purpose_label = QLabel(_("What &it is for"))
        purpose_label.setBuddy(self.purpose_edit)
        details.addWidget(purpose_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.purpose_edit, 0, 1)
        when = QFormLayout()
        when.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        labelled_rows(when, [
            (_("&Date"), self.date_edit),
            (_("&Starts at"), self.start_edit),
            (_("Room &booked until"), self.until_edit),
        ])
        where = labelled_rows(QFormLayout(), [(_("P&lace"), self.place_edit), (_("Lan&guage"), self.language_box)])
        details.addLayout(when, 0, 2)
        details.addLayout(where, 0, 3)
        details.setColumnStretch(1, 3)
        details.setColumnStretch(3, 2)

        self.plain_words = plain_words or PlainWords(history, self)
        self.purpose_hints = Hints(self.purpose_edit, self.plain_words, self.purpose)
        self.planner = AgendaPlanner(pictures, history, self.plain_words)
        self.planner.said.connect(self.said)
        self.people = PeopleEditor(history)
        self.decisions_table = _table([_("What"), _("Agreed?")])
        self.decisions_table.setAccessibleName(_("Decisions and actions"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.planner, _("Agenda"))
        self.tabs.addTab(self.people, _("People"))
        self.tabs.addTab(self.decisions_table, _("Decisions and actions"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.group_label)
        layout.addLayout(details)
        layout.addWidget(self.tabs, stretch=1)
        library.subscribe(self._library_changed)

    def _time_edit(self, name: str, field: str) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setDisplayFormat("HH:mm")
        edit.setSpecialValueText(_("Not set"))
        edit.setMinimumTime(NO_TIME)
        edit.setAccessibleName(name)
        undo_goes_to_the_workshop(edit)
        edit.timeChanged.connect(
            lambda value: self._change(**{field: None if value == NO_TIME else dt.time(value.hour(), value.minute())})
        )
        return edit

    # -- showing -------------------------------------------------------------

    def show_workshop(self, workshop_id: str | None) -> None:
        """Show a workshop (None: none). Typing still waiting to be saved is saved first."""
        if self.workshop is not None and self.workshop.id != workshop_id:
            self.flush()
            for box in (self.title, self.purpose, self.place):
                box.forget()
        self.workshop = self.library.load_workshop(workshop_id) if workshop_id else None
        self.history.show_workshop(workshop_id)
        self._show()

    def _library_changed(self, change: Change) -> None:
        if self.workshop is not None and change.workshop_id == self.workshop.id:
            if change.kind == "removed":
                self.history.forget(change.workshop_id)
                self.workshop = None
                self._show()
            else:
                self.workshop = self.library.load_workshop(change.workshop_id)
                self._show()
                self.saved.emit()

    def _show(self) -> None:
        w = self.workshop
        self._showing = True
        try:
            self.title.set_text(w.title if w else "")
            self.purpose.set_text(w.purpose if w else "")
            self.place.set_text(w.place if w else "")
            group = self.library.group(w.group_id) if w and w.group_id else None
            self.group_label.setText(_("A meeting of {group}").format(group=group.name) if group else "")
            self.group_label.setVisible(group is not None)
            date = w.date if w else None
            self.date_edit.setDate(QDate(date.year, date.month, date.day) if date else NO_DATE)
            for edit, value in ((self.start_edit, w and w.start_time), (self.until_edit, w and w.room_booked_until)):
                edit.setTime(QTime(value.hour, value.minute) if value else NO_TIME)
            language = w.language if w else "en"
            if self.language_box.findData(language) < 0:
                self.language_box.addItem(language, language)
            self.language_box.setCurrentIndex(self.language_box.findData(language))
        finally:
            self._showing = False
        self.plain_words.show_workshop(w)
        self.planner.show_workshop(w)
        self.people.show_workshop(w)
        self._fill_decisions()

    def _fill_decisions(self) -> None:
        w = self.workshop
        rows = []
        if w is not None:
            rows = [[d.text, _("Yes") if d.agreement != Agreement.NOT_YET else _("Still to decide")] for d in w.decisions]
            rows += [[_("Action: {who} will {what}").format(who=a.who or _("someone"), what=a.what), ""] for a in w.actions]
        _fill(self.decisions_table, rows)
        people = len(w.facilitators) + len(w.participants) if w else 0
        self.tabs.setTabText(0, _("Agenda ({n})").format(n=len(w.agenda)) if w else _("Agenda"))
        self.tabs.setTabText(1, _("People ({n})").format(n=people))
        self.tabs.setTabText(2, _("Decisions and actions ({n})").format(n=len(rows)))

    # -- saving --------------------------------------------------------------

    def _change(self, **changes) -> None:
        if self._showing or self.workshop is None:
            return
        ((field, value),) = changes.items()
        before = getattr(self.workshop, field)
        if before != value:
            self.history.push(ChangeWorkshop(self.workshop.id, field, before, value))

    def _commit_title(self, text: str) -> None:
        if not text.strip():
            self.said.emit(_("A workshop needs a title, so the old title is kept."))
            self.title.set_text(self.workshop.title if self.workshop else "")
            return
        self._change(title=text.strip())

    def _date_changed(self, value: QDate) -> None:
        self._change(date=None if value == NO_DATE else dt.date(value.year(), value.month(), value.day()))

    def detach(self) -> None:
        """Stop listening to the library (the window is closing)."""
        self.library.unsubscribe(self._library_changed)

    def flush(self) -> None:
        """Save what is being typed now (before undo, closing, or showing something else)."""
        for box in (self.title, self.purpose, self.place):
            box.flush()
        self.planner.editor.flush()
        self.people.flush()


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            table.setItem(r, c, cell)
    table.resizeRowsToContents()
