"""Who runs the workshop and who takes part, with the access needs people asked for.

Names and needs are personal data: they stay in the library on this computer,
and the page says so. A participant needs a name or a chosen name; one that
would be left with neither keeps its old name and the form says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.edits import AddPart, ChangePart, Together
from facilitator.core.field_checks import text_limit
from facilitator.core.forgetting import edits_to_forget
from facilitator.core.model import ACCESS_NEED_NAMES, AccessNeed, Facilitator, Participant, Workshop
from facilitator.i18n import _, ngettext
from facilitator.ui.fit import SideBySide
from facilitator.ui.forget_everywhere import ForgetEverywhere
from facilitator.ui.telling import tell_in
from facilitator.ui.text_fields import TextCommitter
from facilitator.ui.undo import UndoHistory
from facilitator.ui.zoom import big_font


class PartForm(QWidget):
    """A form for one person; ``changed(field, value)`` for each edit."""

    changed = Signal(str, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.obj = None
        self._showing = False
        self.layout_ = QFormLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.texts: dict[str, TextCommitter] = {}

    def text_field(self, label: str, field: str, accessible: str) -> QLineEdit:
        box = QLineEdit()
        box.setAccessibleName(accessible)
        self.texts[field] = TextCommitter(box, lambda text: self.commit_text(field, text), max_length=text_limit(field))
        caption = QLabel(label)
        caption.setBuddy(box)
        self.layout_.addRow(caption, box)
        return box

    def commit_text(self, field: str, text: str) -> None:
        self.emit(field, text.strip())

    def emit(self, field: str, value) -> None:
        if self._showing or self.obj is None or getattr(self.obj, field) == value:
            return
        self.message.hide()
        self.changed.emit(field, value)

    def refuse(self, field: str, why: str) -> None:
        tell_in(self.message, "⚠ " + why, urgent=True)
        self.texts[field].set_text(getattr(self.obj, field))

    def show_obj(self, obj) -> None:
        if self.obj is None or obj is None or obj.id != self.obj.id:
            self.flush()
            for box in self.texts.values():
                box.forget()
            self.message.hide()
        self.obj = obj
        self.setEnabled(obj is not None)
        self._showing = True
        try:
            for field, box in self.texts.items():
                box.set_text(getattr(obj, field) if obj else "")
            self.fill(obj)
        finally:
            self._showing = False

    def fill(self, obj) -> None:
        """Show the fields that are not text boxes."""

    def flush(self) -> None:
        for box in self.texts.values():
            box.flush()


class FacilitatorForm(PartForm):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.name_edit = self.text_field(_("&Name"), "name", _("Name of the person running the workshop"))
        self.text_field(_("&Role"), "role", _("Their role, like co-facilitator or note taker"))
        self.lived = QCheckBox(_("Has lived e&xperience of care and support"))
        self.lived.toggled.connect(lambda on: self.emit("lived_experience", on))
        self.layout_.addRow("", self.lived)
        self.layout_.addRow(self.message)

    def commit_text(self, field: str, text: str) -> None:
        if field == "name" and not text.strip():
            self.refuse(field, _("A person running the workshop needs a name, so the old name is kept."))
            return
        super().commit_text(field, text)

    def fill(self, obj) -> None:
        self.lived.setChecked(bool(obj and obj.lived_experience))


class ParticipantForm(PartForm):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.name_edit = self.text_field(_("Na&me"), "name", _("Participant's name"))
        self.text_field(_("&Chosen name"), "alias", _("The name they like to be called, or an alias"))
        needs = QGridLayout()
        self.need_boxes: dict[AccessNeed, QCheckBox] = {}
        for n, need in enumerate(AccessNeed):
            box = QCheckBox(_(ACCESS_NEED_NAMES[need]))
            box.toggled.connect(lambda _on: self._needs_changed())
            self.need_boxes[need] = box
            needs.addWidget(box, n // 2, n % 2)
        group = QGroupBox(_("What helps them take part"))
        group.setLayout(needs)
        self.layout_.addRow(group)
        self.text_field(_("&Other needs"), "other_needs", _("Other things that help them take part"))
        self.layout_.addRow(self.message)

    def commit_text(self, field: str, text: str) -> None:
        if field in ("name", "alias") and self.obj is not None:
            other = self.obj.alias if field == "name" else self.obj.name
            if not text.strip() and not other.strip():
                self.refuse(field, _("Everyone needs a name or a chosen name, so the old one is kept."))
                return
        super().commit_text(field, text)

    def fill(self, obj) -> None:
        for need, box in self.need_boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(obj and need in obj.access_needs))
            box.blockSignals(False)

    def _needs_changed(self) -> None:
        if self.obj is not None:
            chosen = [need for need in AccessNeed if self.need_boxes[need].isChecked()]
            self.emit("access_needs", chosen)


class PeopleList(QWidget):
    """One list of people (running or taking part) with add, remove and a form.

    With ``ticks``, each person in the list has a tick box for "came": ticked is True, and taking the
    tick off makes it "not known" again (None), as it was before anyone ticked."""

    removed = Signal(object)  # the person just removed

    def __init__(
        self,
        history: UndoHistory,
        part: str,
        heading: str,
        form: PartForm,
        make: Callable[[], object],
        describe: Callable[[object], str],
        parent=None,
        ticks: bool = False,
    ):
        super().__init__(parent)
        self.history = history
        self.part = part
        self.form = form
        self.make = make
        self.describe = describe
        self.ticks = ticks
        self.workshop: Workshop | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(heading)
        self.list.setWordWrap(True)  # long needs wrap onto more lines instead of running off the side
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        self.list.currentRowChanged.connect(lambda _row: self._show_current())
        self.list.itemChanged.connect(self._tick_changed)
        caption = QLabel(heading)
        caption.setBuddy(self.list)
        big_font(caption, 1.1, bold=True)
        self.tick_hint = QLabel()
        self.tick_hint.setWordWrap(True)
        self.tick_hint.setVisible(ticks)
        self.add_button = QPushButton(_("Add"))
        self.add_button.setAccessibleName(_("Add to {list}").format(list=heading.replace("&", "")))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setAccessibleName(_("Remove from {list}").format(list=heading.replace("&", "")))
        self.remove_button.clicked.connect(self.remove)
        form.changed.connect(self.change)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.tick_hint)
        layout.addWidget(self.list, stretch=1)
        layout.addLayout(buttons)
        layout.addWidget(form)

    def people(self) -> list:
        return getattr(self.workshop, self.part) if self.workshop else []

    def show_workshop(self, workshop: Workshop | None) -> None:
        keep = self.form.obj.id if self.form.obj is not None else None
        if workshop is None or self.workshop is None or workshop.id != self.workshop.id:
            self.form.flush()
            keep = None
        self.workshop = workshop
        self.list.blockSignals(True)
        self.list.clear()
        row = 0
        for n, person in enumerate(self.people()):
            entry = QListWidgetItem(self.describe(person))
            entry.setData(Qt.ItemDataRole.UserRole, person.id)
            if self.ticks:
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Checked if person.came else Qt.CheckState.Unchecked)
                entry.setToolTip(_("Ticked: came to this meeting.") if person.came else _("Tick when they are here."))
            self.list.addItem(entry)
            if person.id == keep:
                row = n
        self.list.setCurrentRow(row if self.list.count() else -1)
        self.list.blockSignals(False)
        self._show_ticks()
        self._show_current()

    def _show_ticks(self) -> None:
        came = sum(1 for person in self.people() if person.came) if self.ticks else 0
        if came:
            self.tick_hint.setText(ngettext("{n} of {total} ticked as came. The summary counts them.",
                                            "{n} of {total} ticked as came. The summary counts them.",
                                            came).format(n=came, total=len(self.people())))
        else:
            self.tick_hint.setText(_("Tick who came. Until you tick someone, everyone on the list counts as there."))

    def current(self):
        row = self.list.currentRow()
        people = self.people()
        return people[row] if 0 <= row < len(people) else None

    def _show_current(self) -> None:
        self.form.show_obj(self.current())
        self.remove_button.setEnabled(self.current() is not None)

    def add(self) -> None:
        if self.workshop is None:
            return
        self.form.flush()
        person = self.make()
        self.history.push(AddPart(self.workshop.id, self.part, person))
        self.list.setCurrentRow(self.list.count() - 1)
        self.form.name_edit.setFocus()
        self.form.name_edit.selectAll()

    def remove(self) -> None:
        person, row = self.current(), self.list.currentRow()
        if person is None or self.workshop is None:
            return
        self.form.flush()
        self.history.push(Together(self.workshop.id, edits_to_forget(self.workshop, self.part, person, row)))
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.removed.emit(person)

    def change(self, field: str, value) -> None:
        person = self.form.obj
        if person is not None and self.workshop is not None:
            self.history.push(ChangePart.of(self.workshop.id, self.part, person, **{field: value}))

    def _tick_changed(self, entry: QListWidgetItem) -> None:
        """A tick put on or taken off: the person came, or it is not known again. One undoable edit."""
        if not self.ticks or self.workshop is None:
            return
        person_id = entry.data(Qt.ItemDataRole.UserRole)
        came = True if entry.checkState() == Qt.CheckState.Checked else None
        # Typing waiting in the form is saved first; the list is then shown again, so the person is found again.
        self.form.flush()
        person = next((p for p in self.people() if p.id == person_id), None)
        if person is None or person.came == came or self.workshop is None:
            return
        self.history.push(ChangePart.of(self.workshop.id, self.part, person, came=came))


def describe_facilitator(person: Facilitator) -> str:
    extra = [person.role] if person.role else []
    if person.lived_experience:
        extra.append(_("lived experience"))
    return " · ".join([person.name, *extra])


def describe_participant(person: Participant) -> str:
    needs = [_(ACCESS_NEED_NAMES[n]) for n in person.access_needs] + ([person.other_needs] if person.other_needs else [])
    shown = person.shown_name
    if person.alias and person.name and person.alias != person.name:
        shown = f"{person.alias} ({person.name})"
    return f"{shown}: {' · '.join(needs)}" if needs else shown


class PeopleEditor(QWidget):
    said = Signal(str)

    def __init__(self, history: UndoHistory, parent=None):
        super().__init__(parent)
        self.running = PeopleList(
            history, "facilitators", _("Running the workshop"), FacilitatorForm(),
            lambda: Facilitator(name=_("New person")), describe_facilitator,
        )
        self.taking_part = PeopleList(
            history, "participants", _("Taking part"), ParticipantForm(),
            lambda: Participant(name=_("New person")), describe_participant, ticks=True,
        )
        privacy = QLabel(
            _("Names and needs are kept only in the library on this computer. "
              "Printouts leave them out unless you choose to include them. "
              "Remove a person here and they are gone from this workshop, with their name wherever it was written.")
        )
        privacy.setWordWrap(True)
        self.everywhere = ForgetEverywhere(history)
        self.everywhere.said.connect(self.said)
        for people in (self.running, self.taking_part):
            people.removed.connect(self.everywhere.offer)
        # Side by side when there is room; one above the other on a narrow window (a laptop with the
        # Plain words panel open, or at 125%), so the tab never needs scrolling sideways.
        self.lists = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.lists.addWidget(self.running, stretch=2)
        self.lists.addWidget(self.taking_part, stretch=3)
        layout = QVBoxLayout(self)
        layout.addWidget(privacy)
        layout.addWidget(self.everywhere)
        layout.addLayout(self.lists, stretch=1)
        self.arrangement = SideBySide(self, self.running, self.taking_part, lambda side: self.lists.setDirection(
            QBoxLayout.Direction.LeftToRight if side else QBoxLayout.Direction.TopToBottom), self.lists.spacing())

    def show_workshop(self, workshop: Workshop | None) -> None:
        if workshop is None or self.running.workshop is None or workshop.id != self.running.workshop.id:
            self.everywhere.hide()
        self.running.show_workshop(workshop)
        self.taking_part.show_workshop(workshop)

    def flush(self) -> None:
        self.running.form.flush()
        self.taking_part.form.flush()
