"""The page for one workshop: its details on top, then the agenda planner and the people.

Every change is an undoable edit, saved to the library the moment it is made
(text when typing pauses or the box is left). The page listens to the library
and shows the workshop again after each change, undo and redo included.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.edits import ChangeWorkshop
from facilitator.core.field_checks import text_limit
from facilitator.core.history import folded
from facilitator.core.library import Change, Library
from facilitator.core.model import Group, Workshop
from facilitator.core.needs import needs_at_a_glance
from facilitator.i18n import _
from facilitator.ui.fit import SideBySide, show_whole_dates
from facilitator.ui.hints import Hints
from facilitator.ui.outcomes_panel import OutcomesPanel
from facilitator.ui.people_editor import PeopleEditor
from facilitator.ui.pictures import PictureStore
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.planner import AgendaPlanner
from facilitator.ui.text_fields import LinesHigh, TextCommitter, labelled_rows
from facilitator.ui.undo import UndoHistory
from facilitator.ui.value_boxes import ValueCommitter
from facilitator.ui.zoom import big_font

NO_DATE = QDate(2000, 1, 1)
NO_TIME = QTime(0, 0)
NEW_GROUP = "new group"
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
        self.title = TextCommitter(self.title_edit, self._commit_title, max_length=text_limit("title"))

        self.group_box = QComboBox()
        self.group_box.setAccessibleName(_("The group this is a meeting of"))
        self.group_box.activated.connect(self._group_chosen)

        self.purpose_edit = QPlainTextEdit()
        self.purpose_edit.setAccessibleName(_("What the workshop is for"))
        self.purpose_edit.setPlaceholderText(_("Why we are meeting, in a few short sentences."))
        self.purpose_edit.setTabChangesFocus(True)
        LinesHigh(self.purpose_edit, 4, 10)
        self.purpose = TextCommitter(self.purpose_edit, lambda text: self._change(purpose=text), max_length=text_limit("purpose"))

        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # its parts keep their order in Arabic
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText(_("No date yet"))
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_edit.setAccessibleName(_("Date"))
        show_whole_dates(self.date_edit)  # "Wednesday 30 September 2026" whole, in every language
        self.date = ValueCommitter(self.date_edit, lambda day: self._change(date=day))  # saved when typing is finished

        self.start_edit, self.start = self._time_edit(_("Start time"), "start_time")
        self.until_edit, self.until = self._time_edit(_("Room booked until"), "room_booked_until")

        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName(_("Place"))
        self.place = TextCommitter(self.place_edit, lambda text: self._change(place=text.strip()), max_length=text_limit("place"))

        self.language_box = QComboBox()
        self.language_box.setAccessibleName(_("Language of the workshop"))
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.activated.connect(lambda i: self._change(language=self.language_box.itemData(i)))

        details = QGridLayout()
        purpose_label = QLabel(_("What &it is for"))
        purpose_label.setBuddy(self.purpose_edit)
        details.addWidget(purpose_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.purpose_edit, 0, 1, Qt.AlignmentFlag.AlignTop)
        when = QFormLayout()
        when.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        labelled_rows(when, [
            (_("&Date"), self.date_edit),
            (_("&Starts at"), self.start_edit),
            (_("Room &booked until"), self.until_edit),
        ])
        where = labelled_rows(QFormLayout(), [
            (_("P&lace"), self.place_edit), (_("Lan&guage"), self.language_box), (_("Group"), self.group_box),
        ])
        # When and where side by side, or where under when on a narrow window.
        when_box, where_box, both = QWidget(), QWidget(), QWidget()
        for box, form in ((when_box, when), (where_box, where)):
            box.setLayout(form)
            form.setContentsMargins(0, 0, 0, 0)
        placed = QBoxLayout(QBoxLayout.Direction.LeftToRight, both)
        placed.setContentsMargins(0, 0, 0, 0)
        placed.addWidget(when_box)
        placed.addWidget(where_box, stretch=1)
        self.when_and_where = SideBySide(both, when_box, where_box, lambda side: placed.setDirection(
            QBoxLayout.Direction.LeftToRight if side else QBoxLayout.Direction.TopToBottom), placed.spacing())
        self.purpose_edit.setMinimumWidth(self.purpose_edit.fontMetrics().averageCharWidth() * 15)
        details.addWidget(both, 0, 2)
        details.setColumnStretch(1, 2)
        details.setColumnStretch(2, 5)  # when and where side by side whenever the window allows

        self.plain_words = plain_words or PlainWords(history, self)
        self.purpose_hints = Hints(self.purpose_edit, self.plain_words, self.purpose)
        self.planner = AgendaPlanner(pictures, history, self.plain_words)
        self.planner.said.connect(self.said)
        self.people = PeopleEditor(history)
        self.people.said.connect(self.said)
        self.outcomes = OutcomesPanel(history, pictures)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.planner, _("Agenda"))
        self.tabs.addTab(self.people, _("People"))
        self.tabs.addTab(self.outcomes, _("Decisions and actions"))

        # What the people coming need, at a glance, so the facilitator can prepare (core/needs.py).
        self.needs_label = QLabel()
        self.needs_label.setWordWrap(True)
        self.needs_label.setTextFormat(Qt.TextFormat.PlainText)

        title_label = QLabel(_("Workshop title"))  # every letter of it is taken as an Alt key here
        title_label.setBuddy(self.title_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        layout.addWidget(self.title_edit)
        layout.addLayout(details)
        layout.addWidget(self.needs_label)
        layout.addWidget(self.tabs, stretch=1)
        library.subscribe(self._library_changed)

    def _time_edit(self, name: str, field: str) -> tuple[QTimeEdit, ValueCommitter]:
        edit = QTimeEdit()
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # "10:00", never "00:10", in a right-to-left app
        edit.setDisplayFormat("HH:mm")
        edit.setSpecialValueText(_("Not set"))
        edit.setMinimumTime(NO_TIME)
        edit.setAccessibleName(name)
        return edit, ValueCommitter(edit, lambda value: self._change(**{field: value}))

    # -- showing -------------------------------------------------------------

    def show_workshop(self, workshop_id: str | None) -> None:
        """Show a workshop (None: none). Typing still waiting to be saved is saved first."""
        if self.workshop is not None and self.workshop.id != workshop_id:
            self.flush()
            for box in (self.title, self.purpose, self.place, self.date, self.start, self.until):
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
            self._fill_groups(w.group_id if w else None)
            self.date.set_value(w.date if w else None)  # what is being typed is kept
            self.start.set_value(w.start_time if w else None)
            self.until.set_value(w.room_booked_until if w else None)
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
        needs = needs_at_a_glance(w) if w else ""
        self.needs_label.setText(_("What people need: {needs}").format(needs=needs) if needs else "")
        self.needs_label.setVisible(bool(needs))

    def _fill_decisions(self) -> None:
        w = self.workshop
        self.outcomes.show_workshop(w)
        people = len(w.facilitators) + len(w.participants) if w else 0
        self.tabs.setTabText(0, _("Agenda ({n})").format(n=len(w.agenda)) if w else _("Agenda"))
        self.tabs.setTabText(1, _("People ({n})").format(n=people))
        self.tabs.setTabText(2, _("Decisions and actions ({n})").format(n=self.outcomes.count()))

    def _fill_groups(self, chosen: str | None) -> None:
        """No group, each group in the library, and "a new group"."""
        self.group_box.clear()
        self.group_box.addItem(_("No group"), None)
        for group in self.library.groups():
            self.group_box.addItem(group.name, group.id)
        self.group_box.addItem(_("A new group…"), NEW_GROUP)
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(chosen)))
        self.group_box.setEnabled(self.workshop is not None)

    def _group_chosen(self, index: int) -> None:
        chosen = self.group_box.itemData(index)
        if chosen == NEW_GROUP:
            name, ok = QInputDialog.getText(self, _("A new group"), _("What is the group called?"))
            name = name.strip()[:500]
            if not ok or not name:
                self._fill_groups(self.workshop.group_id if self.workshop else None)
                return
            same = [group for group in self.library.groups() if folded(group.name.strip()) == folded(name)]
            chosen = same[0].id if same else self.library.add_group(Group(name)).id
        self._change(group_id=chosen)
        self._fill_groups(self.workshop.group_id if self.workshop else None)

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

    def detach(self) -> None:
        """Stop listening to the library (the window is closing)."""
        self.library.unsubscribe(self._library_changed)

    def flush(self) -> None:
        """Save what is being typed now (before undo, closing, or showing something else)."""
        for box in (self.title, self.purpose, self.place, self.date, self.start, self.until):
            box.flush()
        self.planner.editor.flush()
        self.people.flush()


