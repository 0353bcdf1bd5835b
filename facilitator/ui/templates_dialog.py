"""New workshop from a template, and save a workshop's agenda as a template."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSize, Qt, QTime
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.library import Library
from facilitator.core.model import Workshop
from facilitator.core.templates import (
    Template,
    TemplateRefused,
    built_in_templates,
    save_template,
    saved_templates,
    template_from_workshop,
    template_languages,
    workshop_from_template,
)
from facilitator.core.when import suggested_day
from facilitator.i18n import LANGUAGES, _, format_minutes, language, ngettext
from facilitator.speech.voices import language_name
from facilitator.ui.ask import confirm
from facilitator.ui.fit import body_and_buttons, fit_to_screen, show_whole_dates
from facilitator.ui.pictures import PictureStore
from facilitator.ui.text_fields import refuse_longer
from facilitator.ui.value_boxes import type_whole_values
from facilitator.ui.zoom import big_font

DEFAULT_START = dt.time(10, 0)


class NewFromTemplate(QDialog):
    """Pick a template and a date; ``workshop`` is the new workshop after ``exec`` (already in the library)."""

    def __init__(self, library: Library, pictures: PictureStore, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.library = library
        self.pictures = pictures
        self.workshop: Workshop | None = None
        self.setWindowTitle(_("New workshop from a template"))
        self.templates: list[Template] = []
        self.problems: list[str] = []

        # Templates are in a language (the app's own in English and Welsh, yours in your workshop's); a new
        # workshop is in its template's language. The box lists each language there are templates in.
        self.saved = saved_templates(library)
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(_("Language of the templates"))
        self.built_in_languages = template_languages()
        codes = self.built_in_languages + sorted({t.language for t in self.saved} - set(self.built_in_languages))
        for code in codes:
            self.language_box.addItem(LANGUAGES.get(code) or language_name(code), code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language())))
        language_label = QLabel(_("Templates &in"))
        language_label.setBuddy(self.language_box)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Templates"))
        self.list.currentRowChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _item: self.make())
        list_label = QLabel(_("&Templates"))
        list_label.setBuddy(self.list)

        self.name = QLabel()
        big_font(self.name, 1.3, bold=True)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.length = QLabel()
        self.items = QListWidget()
        self.items.setAccessibleName(_("The template's agenda"))
        size = self.fontMetrics().lineSpacing() * 2
        self.items.setIconSize(QSize(size, size))
        # The agenda can be read and scrolled from the keyboard (Tab to it, then the arrow keys).
        self.items.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        start = suggested_day(today or dt.date.today())  # a weekday two weeks on
        self.date_edit = QDateEdit(QDate(start.year, start.month, start.day), calendarPopup=True)
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_edit.setAccessibleName(_("Date of the new workshop"))
        show_whole_dates(self.date_edit)
        self.start_edit = QTimeEdit(QTime(DEFAULT_START.hour, DEFAULT_START.minute))
        self.start_edit.setDisplayFormat("HH:mm")
        self.start_edit.setAccessibleName(_("Start time of the new workshop"))
        for box in (self.date_edit, self.start_edit):
            type_whole_values(box)  # "09:45" typed is 09:45, and 10:00 reads 10:00 in Arabic too
        when = QFormLayout()
        when.addRow(_("&Date"), self.date_edit)
        when.addRow(_("&Starts at"), self.start_edit)

        self.remove_button = QPushButton(_("&Remove this template…"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("&Make the workshop"))
        buttons.accepted.connect(self.make)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ResetRole)

        preview = QVBoxLayout()
        preview.addWidget(self.name)
        preview.addWidget(self.about)
        preview.addWidget(self.length)
        preview.addWidget(self.items, stretch=1)
        preview.addLayout(when)
        left = QVBoxLayout()
        in_language_row = QHBoxLayout()
        in_language_row.addWidget(language_label)
        in_language_row.addWidget(self.language_box, stretch=1)
        left.addLayout(in_language_row)
        left.addWidget(list_label)
        left.addWidget(self.list)
        self.trouble = QLabel()
        self.trouble.setWordWrap(True)
        left.addWidget(self.trouble)
        columns = QHBoxLayout()
        columns.addLayout(left, stretch=2)
        columns.addLayout(preview, stretch=3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, stretch=1)
        layout.addWidget(buttons)
        self._fill()
        self.language_box.currentIndexChanged.connect(self._fill)
        fit_to_screen(self, 900, 600)

    def _fill(self) -> None:
        """List the app's own templates in the chosen language, then the facilitator's own in it."""
        code = self.language_box.currentData() or "en"
        built_in, self.problems = built_in_templates(language=code) if code in self.built_in_languages else ([], [])
        self.templates = built_in + [template for template in self.saved if template.language == code]
        self.list.blockSignals(True)
        self.list.clear()
        for template in self.templates:
            text = template.name if template.built_in else _("{name} (yours)").format(name=template.name)
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, template.id)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self.trouble.setText("⚠ " + "\n".join(self.problems) if self.problems else "")
        self.trouble.setVisible(bool(self.problems))
        self.list.setCurrentRow(0 if self.templates else -1)
        self._show(self.list.currentRow())

    def current(self) -> Template | None:
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def _show(self, row: int) -> None:
        template = self.current()
        self.ok.setEnabled(template is not None)
        self.remove_button.setEnabled(template is not None and not template.built_in)
        self.items.clear()
        if template is None:
            self.name.setText(_("There are no templates."))
            self.about.setText("")
            self.length.setText("")
            return
        self.name.setText(template.name)
        self.about.setText(template.about)
        count = ngettext("{n} item", "{n} items", len(template.agenda)).format(n=len(template.agenda))
        self.length.setText(f"{count} · {format_minutes(template.total_minutes())}")
        size = self.items.iconSize().width()
        for item in template.agenda:
            icon = QIcon(self.pictures.pixmap(self.pictures.ref_for(item.picture, item.kind), size))
            self.items.addItem(QListWidgetItem(icon, f"{item.title} · {format_minutes(item.minutes)}"))

    def make(self) -> None:
        template = self.current()
        if template is None:
            return
        date, start = self.date_edit.date(), self.start_edit.time()
        self.workshop = workshop_from_template(
            template, date=dt.date(date.year(), date.month(), date.day()), start_time=dt.time(start.hour(), start.minute())
        )
        self.library.add_workshop(self.workshop)
        self.accept()

    def remove(self) -> None:
        template = self.current()
        if template is None or template.built_in:
            return
        question = _("Remove the template “{name}”? Workshops made from it stay as they are.")
        if not confirm(self, _("Remove a template"), question.format(name=template.name), _("Remove the template")):
            return
        self.library.remove_template(template.id)
        self.saved = [kept for kept in self.saved if kept.id != template.id]
        row = self.list.currentRow()
        self.templates.pop(row)
        self.list.takeItem(row)
        self._show(self.list.currentRow())


class SaveAsTemplate(QDialog):
    """Name a template made from a workshop's agenda; ``template`` is set after it is saved."""

    def __init__(self, library: Library, workshop: Workshop, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.workshop = workshop
        self.template: Template | None = None
        self.setWindowTitle(_("Save as a template"))
        self.name_edit = QLineEdit(workshop.title)
        refuse_longer(self.name_edit, 200)
        self.name_edit.setAccessibleName(_("Name of the template"))
        self.about_edit = QPlainTextEdit()
        self.about_edit.setTabChangesFocus(True)
        self.about_edit.setPlaceholderText(_("What this session is for, and when to use it."))
        self.about_edit.setAccessibleName(_("About the template"))
        self.about_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.keep_notes = QCheckBox(_("&Keep my notes for each item (check they name nobody)"))
        explain = QLabel(
            _("The template keeps the title, purpose, pictures, words and times of the agenda. "
              "It leaves out people, decisions and actions.")
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("&Name"), self.name_edit)
        form.addRow(_("&About"), self.about_edit)
        form.addRow("", self.keep_notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        body = QVBoxLayout()
        body.addWidget(explain)
        body.addLayout(form)
        body_and_buttons(self, body, buttons)
        self.name_edit.selectAll()
        fit_to_screen(self, 560)

    def save(self) -> None:
        name = self.name_edit.text().strip()
        if not name or not self.workshop.agenda:
            QMessageBox.warning(self, _("Cannot save the template"), _("A template needs a name and at least 1 agenda item."))
            return
        template = template_from_workshop(
            self.workshop, name, self.about_edit.toPlainText(), keep_notes=self.keep_notes.isChecked()
        )
        try:
            self.template = save_template(self.library, template)
        except TemplateRefused as error:
            QMessageBox.warning(
                self, _("Cannot save the template"), _("Nothing was saved. This is what is wrong:") + "\n" + "\n".join(error.problems)
            )
            return
        self.accept()
