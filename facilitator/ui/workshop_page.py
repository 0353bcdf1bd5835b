"""The page that shows one workshop: its details (editable) and an overview.

Every change is written to the library the moment it is made: text fields
when the facilitator leaves them or pauses typing, dates and times at once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
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

from facilitator.core.library import Library
from facilitator.core.model import ACCESS_NEED_NAMES, ITEM_KIND_NAMES, Agreement, Workshop
from facilitator.i18n import _, format_clock, format_minutes, ngettext

NO_DATE = QDate(2000, 1, 1)
NO_TIME = QTime(0, 0)
LANGUAGES = {"en": "English", "cy": "Cymraeg", "ar": "العربية"}


class _PurposeEdit(QPlainTextEdit):
    """A text box that says when the facilitator has left it."""

    left = Signal()

    def focusOutEvent(self, event):  # noqa: N802 (Qt's name)
        self.left.emit()
        super().focusOutEvent(event)


class WorkshopPage(QWidget):
    """Details and overview of one workshop, saved as they are edited."""

    saved = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.workshop: Workshop | None = None
        self._loading = False

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(_("Workshop title"))
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title_edit.setFont(title_font)
        self.title_edit.setMaxLength(500)
        self.title_edit.editingFinished.connect(lambda: self._save_text("title", self.title_edit.text()))

        self.group_label = QLabel()
        self.group_label.setTextFormat(Qt.TextFormat.PlainText)

        self.purpose_edit = _PurposeEdit()
        self.purpose_edit.setAccessibleName(_("What the workshop is for"))
        self.purpose_edit.setTabChangesFocus(True)
        self.purpose_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self._purpose_timer = QTimer(self, singleShot=True, interval=700)
        self._purpose_timer.timeout.connect(self._save_purpose)
        self.purpose_edit.textChanged.connect(lambda: self._loading or self._purpose_timer.start())
        self.purpose_edit.left.connect(self._save_purpose)

        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText(_("No date yet"))
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_edit.setAccessibleName(_("Date"))
        self.date_edit.dateChanged.connect(self._save_date)

        self.start_edit = self._time_edit(_("Start time"), "start_time")
        self.until_edit = self._time_edit(_("Room booked until"), "room_booked_until")

        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName(_("Place"))
        self.place_edit.setMaxLength(500)
        self.place_edit.editingFinished.connect(lambda: self._save_text("place", self.place_edit.text()))

        self.language_box = QComboBox()
        self.language_box.setAccessibleName(_("Language of the workshop"))
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.activated.connect(self._save_language)

        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel(_("room booked until")))
        times.addWidget(self.until_edit)
        times.addStretch()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("What it is for"), self.purpose_edit)
        form.addRow(_("Date"), self.date_edit)
        form.addRow(_("Starts at"), times)
        form.addRow(_("Place"), self.place_edit)
        form.addRow(_("Language"), self.language_box)

        self.agenda_summary = QLabel()
        self.agenda_summary.setWordWrap(True)
        self.agenda_table = self._table([_("Starts"), _("Item"), _("Minutes"), _("Kind")])
        self.people_table = self._table([_("Name or alias"), _("Role or access needs")])
        self.decisions_table = self._table([_("What"), _("Agreed?")])
        agenda_tab = QWidget()
        agenda_layout = QVBoxLayout(agenda_tab)
        agenda_layout.addWidget(self.agenda_summary)
        agenda_layout.addWidget(self.agenda_table)
        self.tabs = QTabWidget()
        self.tabs.addTab(agenda_tab, _("Agenda"))
        self.tabs.addTab(self.people_table, _("People"))
        self.tabs.addTab(self.decisions_table, _("Decisions and actions"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.group_label)
        layout.addLayout(form)
        layout.addWidget(self.tabs, stretch=1)

    # -- building ----------------------------------------------------------

    def _time_edit(self, name: str, field: str) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setDisplayFormat("HH:mm")
        edit.setSpecialValueText(_("Not set"))
        edit.setMinimumTime(NO_TIME)
        edit.setAccessibleName(name)
        edit.timeChanged.connect(lambda value: self._save_time(field, value))
        return edit

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1 if len(headers) > 2 else 0, QHeaderView.ResizeMode.Stretch)
        return table

    # -- showing -----------------------------------------------------------

    def show_workshop(self, workshop_id: str) -> None:
        self.flush()
        self.workshop = self.library.load_workshop(workshop_id)
        self._loading = True
        try:
            w = self.workshop
            self.title_edit.setText(w.title)
            group = self.library.group(w.group_id) if w.group_id else None
            self.group_label.setText(_("A meeting of {group}").format(group=group.name) if group else "")
            self.group_label.setVisible(group is not None)
            self.purpose_edit.setPlainText(w.purpose)
            self.date_edit.setDate(QDate(w.date.year, w.date.month, w.date.day) if w.date else NO_DATE)
            for edit, value in ((self.start_edit, w.start_time), (self.until_edit, w.room_booked_until)):
                edit.setTime(QTime(value.hour, value.minute) if value else NO_TIME)
            self.place_edit.setText(w.place)
            if self.language_box.findData(w.language) < 0:
                self.language_box.addItem(w.language, w.language)
            self.language_box.setCurrentIndex(self.language_box.findData(w.language))
        finally:
            self._loading = False
        self._fill_overview()

    def _fill_overview(self) -> None:
        w = self.workshop
        assert w is not None
        starts = w.start_times()
        rows = [
            [format_clock(start) if start else "", item.title, str(item.minutes), _(ITEM_KIND_NAMES[item.kind])]
            for start, item in zip(starts, w.agenda)
        ]
        _fill(self.agenda_table, rows)
        self.agenda_summary.setText(agenda_summary(w))
        people = [[f.name, f.role + (_(" (lived experience)") if f.lived_experience else "")] for f in w.facilitators]
        people += [
            [p.shown_name, ", ".join([_(ACCESS_NEED_NAMES[n]) for n in p.access_needs] + ([p.other_needs] if p.other_needs else []))]
            for p in w.participants
        ]
        _fill(self.people_table, people)
        decided = [[d.text, _("Yes") if d.agreement != Agreement.NOT_YET else _("Still to decide")] for d in w.decisions]
        decided += [[_("Action: {who} will {what}").format(who=a.who or _("someone"), what=a.what), ""] for a in w.actions]
        _fill(self.decisions_table, decided)
        self.tabs.setTabText(1, _("People ({n})").format(n=len(w.facilitators) + len(w.participants)))
        self.tabs.setTabText(2, _("Decisions and actions ({n})").format(n=len(w.decisions) + len(w.actions)))

    # -- saving ------------------------------------------------------------

    def _save(self, **changes) -> None:
        if self._loading or self.workshop is None:
            return
        if all(getattr(self.workshop, k) == v for k, v in changes.items()):
            return
        for key, value in changes.items():
            setattr(self.workshop, key, value)
        self.library.update_workshop(self.workshop.id, **changes)
        self._fill_overview()
        self.saved.emit()

    def _save_text(self, field: str, text: str) -> None:
        if field == "title" and not text.strip():
            self.title_edit.setText(self.workshop.title if self.workshop else "")
            return
        self._save(**{field: text})

    def _save_purpose(self) -> None:
        self._purpose_timer.stop()
        self._save(purpose=self.purpose_edit.toPlainText())

    def _save_date(self, value: QDate) -> None:
        self._save(date=None if value == NO_DATE else dt.date(value.year(), value.month(), value.day()))

    def _save_time(self, field: str, value: QTime) -> None:
        self._save(**{field: None if value == NO_TIME else dt.time(value.hour(), value.minute())})

    def _save_language(self, index: int) -> None:
        self._save(language=self.language_box.itemData(index))

    def flush(self) -> None:
        """Save what is being typed before showing something else."""
        if self.workshop is not None and self._purpose_timer.isActive():
            self._save_purpose()
        if self.workshop is not None and self.title_edit.isModified():
            self._save_text("title", self.title_edit.text())
        if self.workshop is not None and self.place_edit.isModified():
            self._save_text("place", self.place_edit.text())


def agenda_summary(w: Workshop) -> str:
    count = ngettext("{n} item", "{n} items", len(w.agenda)).format(n=len(w.agenda))
    text = _("{count}, {length} in all.").format(count=count, length=format_minutes(w.total_minutes()))
    end = w.planned_end()
    if w.start_time and end:
        text += " " + _("From {start} to {end}.").format(start=format_clock(w.start_time), end=format_clock(end))
        if w.room_booked_until:
            over = _minutes_between(w.room_booked_until, end)
            if over > 0:
                text += " " + _("⚠ That is {length} past the room booking ({until}).").format(
                    length=format_minutes(over), until=format_clock(w.room_booked_until)
                )
            else:
                text += " " + _("The room is booked until {until}.").format(until=format_clock(w.room_booked_until))
    return text


def _minutes_between(earlier: dt.time, later: dt.time) -> int:
    day = dt.date(2000, 1, 1)
    return int((dt.datetime.combine(day, later) - dt.datetime.combine(day, earlier)).total_seconds() // 60)


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, cell)
    table.resizeRowsToContents()
