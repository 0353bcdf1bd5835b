"""A small question: on what day, and at what time? For planning a group's next meeting.

The boxes take a whole date or time typed as in a text box, and are read once,
when the facilitator presses the button, so nothing half-typed is ever used.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.ui.fit import show_whole_dates
from facilitator.ui.text_fields import labelled_rows
from facilitator.ui.value_boxes import type_whole_values

DATE_FORMAT = "dddd d MMMM yyyy"


class WhenDialog(QDialog):
    """Asks for a day and a start time, suggesting some."""

    def __init__(self, title: str, question: str, day: dt.date, start: dt.time, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)  # the question on two or three lines
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)

        self.day_edit = QDateEdit(calendarPopup=True)
        self.day_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # its parts keep their order in Arabic
        self.day_edit.setDisplayFormat(DATE_FORMAT)
        self.day_edit.setMinimumDate(QDate(2000, 1, 1))
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.day_edit.setAccessibleName(_("Day of the next meeting"))
        show_whole_dates(self.day_edit)  # "Wednesday 30 September 2026" whole, in every language
        type_whole_values(self.day_edit)  # typed as a whole date, as in a text box

        self.start_edit = QTimeEdit()
        self.start_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # "10:00", never "00:10"
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setTime(QTime(start.hour, start.minute))
        self.start_edit.setAccessibleName(_("Time the next meeting starts"))
        type_whole_values(self.start_edit)  # "09:45" typed over "10:00" is 09:45

        form = QFormLayout()
        labelled_rows(form, [(_("&Day"), self.day_edit), (_("&Starts at"), self.start_edit)])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.plan_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.plan_button.setText(_("&Plan it"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.day_edit.setFocus()

    def when(self) -> tuple[dt.date, dt.time]:
        """The day and time in the boxes now."""
        day, start = self.day_edit.date(), self.start_edit.time()
        return dt.date(day.year(), day.month(), day.day()), dt.time(start.hour(), start.minute())


def ask_when(parent: QWidget | None, title: str, question: str, day: dt.date, start: dt.time
             ) -> tuple[dt.date, dt.time] | None:
    """The day and time the facilitator chose, or None when they cancelled."""
    dialog = WhenDialog(title, question, day, start, parent)
    try:
        return dialog.when() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
