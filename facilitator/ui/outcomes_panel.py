"""What came out of a workshop, on its page: decisions, ideas, questions for later and actions.

Everything written down in the room can be checked and put right afterwards:
change the words, mark a decision agreed as written (or not), say what happened
to an action. Every change is an undoable edit, like the rest of the page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.deciding import STATUS_NAMES, how_agreed
from facilitator.core.edits import AddPart, ChangePart, RemovePart
from facilitator.core.model import Action, Decision, Idea, ParkedQuestion, Workshop
from facilitator.core.names import names_in
from facilitator.i18n import _, format_long_date
from facilitator.ui.ask import confirm
from facilitator.ui.pictures import PictureStore
from facilitator.ui.presenter.decision_dialog import DecisionDialog
from facilitator.ui.presenter.note_dialogs import ActionDialog, idea_dialog, question_dialog
from facilitator.ui.undo import UndoHistory

PARTS = ("decisions", "ideas", "parked_questions", "actions")


def first_line(text: str, most: int = 200) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= most else line[: most - 1] + "…"


class OutcomesPanel(QWidget):
    def __init__(self, history: UndoHistory, pictures: PictureStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.history = history
        self.pictures = pictures
        self.workshop: Workshop | None = None
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("What"), _("How it stands")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAccessibleName(_("Decisions, ideas, questions and actions"))
        self.tree.itemDoubleClicked.connect(lambda *args: self.change_current())
        self.tree.currentItemChanged.connect(lambda *args: self._enable())
        self.add_button = QPushButton(_("Add"))
        add_menu = QMenu(self)
        add_menu.addAction(_("A decision…"), lambda: self.add("decisions"))
        add_menu.addAction(_("An idea…"), lambda: self.add("ideas"))
        add_menu.addAction(_("A question for later…"), lambda: self.add("parked_questions"))
        add_menu.addAction(_("An action…"), lambda: self.add("actions"))
        self.add_button.setMenu(add_menu)
        self.change_button = QPushButton(_("Change…"))
        self.change_button.clicked.connect(self.change_current)
        self.agreed_button = QPushButton(_("Agreed as written"))
        self.agreed_button.setCheckable(True)
        self.agreed_button.clicked.connect(self.toggle_agreed)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.agreed_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        self._enable()

    def count(self) -> int:
        w = self.workshop
        return sum(len(getattr(w, part)) for part in PARTS) if w else 0

    def show_workshop(self, workshop: Workshop | None) -> None:
        chosen = self.current()
        self.workshop = workshop
        self.tree.clear()
        if workshop is None:
            self._enable()
            return
        language = workshop.language
        groups = {
            "decisions": (_("Decisions ({n})"), [(d, self._decision_words(d)) for d in workshop.decisions]),
            "ideas": (_("Ideas ({n})"), [(i, i.suggested_by) for i in workshop.ideas]),
            "parked_questions": (_("Questions for later ({n})"), [(q, q.asked_by) for q in workshop.parked_questions]),
            "actions": (_("Actions ({n})"), [(a, self._action_words(a, language)) for a in workshop.actions]),
        }
        for part, (heading, rows) in groups.items():
            top = QTreeWidgetItem([heading.format(n=len(rows)), ""])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for obj, detail in rows:
                text = obj.what if isinstance(obj, Action) else obj.text
                row = QTreeWidgetItem([first_line(text) or _("(no words)"), detail])
                row.setData(0, Qt.ItemDataRole.UserRole, (part, obj.id))
                row.setToolTip(0, text[:1000])
                top.addChild(row)
                if chosen == (part, obj.id):
                    self.tree.setCurrentItem(row)
            top.setExpanded(True)
        self._enable()

    def _decision_words(self, decision: Decision) -> str:
        how = " ".join(how_agreed(decision, names_in(self.workshop) if self.workshop else ()))
        stands = _("Agreed as written") if decision.agreed else _("Still to decide")
        return f"{stands} · {how}" if how else stands

    def _action_words(self, action: Action, language: str) -> str:
        parts = [action.who.strip()] if action.who.strip() else []
        if action.by_when is not None:
            parts.append(_("by {date}").format(date=format_long_date(action.by_when, language)))
        parts.append(_(STATUS_NAMES[action.status]))
        if action.carried_from_id is not None:
            parts.append(_("from last time"))
        return " · ".join(parts)

    def current(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _current_obj(self):
        chosen = self.current()
        if chosen is None or self.workshop is None:
            return None, None
        part, part_id = chosen
        return part, next((obj for obj in getattr(self.workshop, part) if obj.id == part_id), None)

    def _enable(self) -> None:
        part, obj = self._current_obj()
        self.add_button.setEnabled(self.workshop is not None)
        self.change_button.setEnabled(obj is not None)
        self.remove_button.setEnabled(obj is not None)
        self.agreed_button.setEnabled(isinstance(obj, Decision))
        self.agreed_button.setChecked(isinstance(obj, Decision) and obj.agreed)

    # -- changes --------------------------------------------------------------------

    def _dialog(self, part: str, obj=None):
        w = self.workshop
        names = names_in(w)
        if part == "decisions":
            dialog = DecisionDialog("", self.pictures, names, decision=obj, parent=self)
            dialog.read_back.hide()
            return dialog
        if part == "ideas":
            return idea_dialog("", names, obj, self)
        if part == "parked_questions":
            return question_dialog("", names, obj, self)
        return ActionDialog("", names, w.language, action=obj, parent=self)

    def _made(self, part: str, dialog, base=None):
        if part == "decisions":
            return dialog.decision(base)
        if part == "actions":
            return dialog.action(base)
        made = Idea(dialog.written(), dialog.who_text()) if part == "ideas" else ParkedQuestion(dialog.written(), dialog.who_text())
        if base is not None:
            made.id, made.agenda_item_id = base.id, base.agenda_item_id
        return made

    def add(self, part: str) -> None:
        if self.workshop is None:
            return
        dialog = self._dialog(part)
        if dialog.exec():
            made = self._made(part, dialog)
            self.history.push(AddPart(self.workshop.id, part, made))
        dialog.deleteLater()

    def change_current(self) -> None:
        part, obj = self._current_obj()
        if obj is None:
            return
        dialog = self._dialog(part, obj)
        if dialog.exec():
            made = self._made(part, dialog, obj)
            if made != obj:
                self.history.push(ChangePart(self.workshop.id, part, obj, made))
        dialog.deleteLater()

    def toggle_agreed(self) -> None:
        part, obj = self._current_obj()
        if isinstance(obj, Decision):
            self.history.push(ChangePart.of(self.workshop.id, part, obj, agreed=not obj.agreed))

    def remove_current(self) -> None:
        part, obj = self._current_obj()
        if obj is None:
            return
        text = first_line(obj.what if isinstance(obj, Action) else obj.text, 80)
        if confirm(self, _("Remove this?"), _("Remove “{text}”? Undo brings it back.").format(text=text), _("Remove")):
            index = [o.id for o in getattr(self.workshop, part)].index(obj.id)
            self.history.push(RemovePart(self.workshop.id, part, obj, index))
