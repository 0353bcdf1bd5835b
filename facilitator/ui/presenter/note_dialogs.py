"""Writing down an idea, a question for later, or an action (who does what, by when) during the session."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QLabel, QVBoxLayout, QWidget

from facilitator.core.deciding import STATUS_NAMES
from facilitator.core.exchange import LONG_TEXT, SHORT_TEXT
from facilitator.core.model import Action, ActionStatus, Idea, ParkedQuestion
from facilitator.core.when import suggested_day
from facilitator.i18n import _, format_long_date
from facilitator.ui.fit import fit_to_screen
from facilitator.ui.presenter.decision_dialog import name_too_long, who_box
from facilitator.ui.presenter.writing import WritingDialog
from facilitator.ui.value_boxes import type_whole_values


class NoteDialog(WritingDialog):
    """A short text in the room's words and, optionally, who it came from."""

    def __init__(self, title: str, prompt: str, who_prompt: str, item_title: str, names: list[str], text: str = "",
                 who: str = "", parent: QWidget | None = None):
        super().__init__(text, prompt, parent)
        self.setWindowTitle(title)
        self.who = who_box(names, who)
        self.who.setAccessibleName(who_prompt)
        self.form = QFormLayout()
        label = QLabel(prompt)
        label.setWordWrap(True)
        label.setBuddy(self.text)
        layout = QVBoxLayout(self)
        self.add_during(layout, item_title)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        self.form.addRow(who_prompt, self.who)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 560, 340)

    def who_text(self) -> str:
        return self.who.currentText().strip()

    def problem_with(self) -> str:
        text = self.written()
        if not text:
            return _("Write something first, or press Cancel.")
        if len(text) > LONG_TEXT:
            return _("This is {length:,} characters long; the most is {limit:,}. Make it shorter.").format(
                length=len(text), limit=LONG_TEXT
            )
        who = self.who_text()
        if len(who) > SHORT_TEXT:
            return name_too_long(len(who))
        return ""


def idea_dialog(item_title: str, names: list[str], idea: Idea | None = None, parent: QWidget | None = None) -> NoteDialog:
    given = idea or Idea("")
    return NoteDialog(
        _("Write down an idea") if idea is None else _("Change the idea"), _("What is the idea? Write it in the person's own words."),
        _("Whose idea is it?"), item_title, names, given.text, given.suggested_by, parent,
    )


def question_dialog(item_title: str, names: list[str], question: ParkedQuestion | None = None,
                    parent: QWidget | None = None) -> NoteDialog:
    given = question or ParkedQuestion("")
    return NoteDialog(
        _("Keep a question for later") if question is None else _("Change the question"),
        _("What is the question? We come back to it later."), _("Who asked?"), item_title, names, given.text,
        given.asked_by, parent,
    )


class ActionDialog(NoteDialog):
    """Who does what, by when: the date is shown in easy-read form as it is chosen."""

    def __init__(self, item_title: str, names: list[str], language: str, action: Action | None = None,
                 today: dt.date | None = None, parent: QWidget | None = None):
        given = action or Action("")
        super().__init__(
            _("Write down an action") if action is None else _("Change the action"), _("What will be done?"),
            _("Who will do it?"), item_title, names, given.what, given.who, parent,
        )
        self.language = language
        self.has_date = QCheckBox(_("By a date"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dddd d MMMM yyyy")
        start = given.by_when or suggested_day(today or dt.date.today())  # a weekday two weeks on
        self.date.setDate(QDate(start.year, start.month, start.day))
        type_whole_values(self.date)  # a date typed whole; its parts in their order in Arabic
        self.date.setAccessibleName(_("By when"))
        self.has_date.setChecked(given.by_when is not None)
        self.date_words = QLabel()
        self.status = QComboBox()
        for status in ActionStatus:
            self.status.addItem(_(STATUS_NAMES[status]), status)
        self.status.setCurrentIndex(self.status.findData(given.status))
        self.status.setAccessibleName(_("What happened"))
        self.form.addRow(self.has_date, self.date)
        self.form.addRow("", self.date_words)
        self.form.addRow(_("What happened"), self.status)
        self.has_date.toggled.connect(self._date_changed)
        self.date.dateChanged.connect(self._date_changed)
        self._date_changed()

    def by_when(self) -> dt.date | None:
        if not self.has_date.isChecked():
            return None
        chosen = self.date.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def _date_changed(self, *args) -> None:
        self.date.setEnabled(self.has_date.isChecked())
        day = self.by_when()
        self.date_words.setText(_("By {date}").format(date=format_long_date(day, self.language)) if day else _("No date"))

    def action(self, base: Action | None = None) -> Action:
        made = Action(self.written(), who=self.who_text(), by_when=self.by_when(), status=self.status.currentData())
        if base is not None:
            made.id, made.agenda_item_id, made.carried_from_id = base.id, base.agenda_item_id, base.carried_from_id
        return made
