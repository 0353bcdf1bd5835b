"""Writing things down in the room: decisions, ideas, questions for later and actions, and reading decisions back.

Each thing is saved to the library the moment the dialog's Save is pressed (its
own transaction), linked to the agenda item on now; if saving fails, the
console shows the words so they can be copied somewhere safe.

A decision with counts goes on the big screen as pictures and numbers, then is
read back ("Is this right?"). The console then asks: "Yes, agreed as written"
(it becomes a decision in the summary), "Change it" (with the room, then read back
again) or "Not yet" (it stays "still to decide").

Each step has a key (K read it back, Y agreed, C change it, S not yet), on the
console and on the room's view. "Next" follows the same steps: on the counts
it reads the decision back; on a decision not agreed yet it asks first, in the
console's question bar (the timer goes on), and a second "next" takes it off
as "not yet". "Back" asks the same way. An agreed decision goes without asking.
"""

from __future__ import annotations

import typing

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from facilitator.core.deciding import how_agreed, tally
from facilitator.core.edits import AddPart, ChangePart, Edit
from facilitator.core.model import Agreement, Decision, Idea, ParkedQuestion, Workshop
from facilitator.core.names import names_in
from facilitator.i18n import _
from facilitator.session.run import Cover, Session
from facilitator.ui.pictures import PictureStore
from facilitator.ui.presenter.asking import Answer
from facilitator.ui.presenter.console import Console, shortcuts
from facilitator.ui.presenter.decision_dialog import DecisionDialog
from facilitator.ui.presenter.note_dialogs import ActionDialog, idea_dialog, question_dialog
from facilitator.ui.undo import UndoHistory

KEYS = {"decision": "D", "idea": "I", "question": "Q", "action": "A", "update": "U", "agreed": "Y"}


class Recording(QObject):
    def __init__(
        self,
        session: Session,
        workshop_id: str,
        history: UndoHistory,
        pictures: PictureStore,
        console: Console,
        say: typing.Callable[..., None],  # (words, urgent=False)
        read_screen: typing.Callable[[], None],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.workshop_id = workshop_id
        self.history = history
        self.pictures = pictures
        self.console = console
        self.say = say
        self.read_screen = read_screen
        self.actions = self._make_actions()
        console.set_write_actions([self.actions[name] for name in ("decision", "idea", "question", "action", "update")])
        console.give_key(console.agreed_button, self.actions["agreed"])
        console.agreed_button.clicked.connect(self.agreed)
        console.change_button.clicked.connect(self.change)
        console.not_yet_button.clicked.connect(self.not_yet)
        console.read_back_button.clicked.connect(self.read_back)

    def _make_actions(self) -> dict[str, QAction]:
        made = {}
        for name, text, short, slot in (  # short: its words in the console's key list
            ("decision", _("A &decision…"), _("decision"), self.record_decision),
            ("idea", _("An &idea…"), _("idea"), self.record_idea),
            ("question", _("A &question for later…"), _("question"), self.record_question),
            ("action", _("An &action: who does what…"), _("action"), self.record_action),
            ("update", _("&What happened to an action…"), _("what happened to an action"), self.update_action),
            ("agreed", _("Yes, agreed as written"), _("agreed"), self._agreed_key),
        ):
            action = QAction(text, self)
            action.setIconText(short)
            action.setShortcuts(shortcuts((KEYS[name],)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            made[name] = action
        return made

    @property
    def workshop(self) -> Workshop:
        return self.session.workshop

    def _item(self):
        return self.session.item()

    def _keep(self, edit: Edit, text: str) -> bool:
        """Save an edit; when that fails, say so with the words to copy. True when it was saved."""
        try:
            self.history.push(edit)
        except Exception as error:  # noqa: BLE001 (words typed in the room must never vanish silently)
            self.say(_("This could not be saved ({reason}). Copy it somewhere safe: {text}").format(reason=error, text=text),
                     urgent=True)
            return False
        return True

    # -- writing things down --------------------------------------------------------------

    def record_decision(self) -> None:
        item = self._item()
        dialog = DecisionDialog(item.title if item else "", self.pictures, names_in(self.workshop), parent=self.console)
        if dialog.exec():
            decision = dialog.decision()
            decision.agenda_item_id = item.id if item else None
            if self._keep(AddPart(self.workshop_id, "decisions", decision), decision.text):
                self.say(_("Decision saved. It is still to decide until the room agrees it as written."))
                if dialog.read_back.isChecked():
                    self.show(decision)
        dialog.deleteLater()

    def record_idea(self) -> None:
        item = self._item()
        dialog = idea_dialog(item.title if item else "", names_in(self.workshop), parent=self.console)
        if dialog.exec():
            idea = Idea(dialog.written(), dialog.who_text(), item.id if item else None)
            if self._keep(AddPart(self.workshop_id, "ideas", idea), idea.text):
                self.say(_("Idea saved."))
        dialog.deleteLater()

    def record_question(self) -> None:
        item = self._item()
        dialog = question_dialog(item.title if item else "", names_in(self.workshop), parent=self.console)
        if dialog.exec():
            question = ParkedQuestion(dialog.written(), dialog.who_text(), item.id if item else None)
            if self._keep(AddPart(self.workshop_id, "parked_questions", question), question.text):
                self.say(_("Question kept for later."))
        dialog.deleteLater()

    def record_action(self) -> None:
        item = self._item()
        dialog = ActionDialog(item.title if item else "", names_in(self.workshop), self.workshop.language, parent=self.console)
        if dialog.exec():
            action = dialog.action()
            action.agenda_item_id = item.id if item else None
            if self._keep(AddPart(self.workshop_id, "actions", action), action.what):
                self.say(_("Action saved."))
        dialog.deleteLater()

    def update_action(self) -> None:
        """Change an action (what happened to it): the ones on this item first, then the rest."""
        item = self._item()
        actions = sorted(self.workshop.actions, key=lambda action: item is None or action.agenda_item_id != item.id)
        if not actions:
            self.say(_("There are no actions yet."))
            return
        chosen = self.console.choose_action([action.what for action in actions])
        if chosen is None:
            return
        before = actions[chosen]
        dialog = ActionDialog("", names_in(self.workshop), self.workshop.language, action=before, parent=self.console)
        if dialog.exec():
            after = dialog.action(before)
            if after != before and self._keep(ChangePart(self.workshop_id, "actions", before, after), after.what):
                self.say(_("Action changed."))
        dialog.deleteLater()

    # -- reading back ---------------------------------------------------------------------

    def current(self) -> Decision | None:
        """The decision on the big screen now (counted or read back), as the library has it."""
        covering = self.session.covering
        if covering is None or covering.kind not in (Cover.DECISION, Cover.RESULT) or not covering.ref:
            return None
        return next((d for d in self.workshop.decisions if d.id == covering.ref), None)

    def show(self, decision: Decision, aloud: bool = True) -> None:
        """Put a decision on the big screen: its counts first when it has some, else read it back."""
        counts = tally(decision)
        if counts:
            self.session.show_result(decision.text, tuple(counts), decision.id, chose=decision.agreement is Agreement.CHOSEN)
        else:
            self._read_back(decision)
        if aloud:
            self.read_screen()

    def read_back(self) -> None:
        decision = self.current()
        if decision is not None:
            self._read_back(decision)
            self.read_screen()

    def _how(self, decision: Decision) -> str:
        """How people agreed, in sentences; an option starting with someone's name keeps its capital letter."""
        return " ".join(how_agreed(decision, names_in(self.workshop)))

    def _read_back(self, decision: Decision) -> None:
        self.session.show_decision(decision.text, decision.picture, decision.id, self._how(decision), agreed=decision.agreed)

    def agreed(self) -> None:
        decision = self.current()
        if decision is None:
            return
        if not decision.agreed and not self._keep(ChangePart.of(self.workshop_id, "decisions", decision, agreed=True), decision.text):
            return
        decision.agreed = True
        self._read_back(decision)
        self.say(_("Agreed as written. It goes in the summary as a decision."))

    def change(self) -> None:
        decision = self.current()
        if decision is None:
            return
        dialog = DecisionDialog("", self.pictures, names_in(self.workshop), decision=decision, parent=self.console)
        dialog.read_back.hide()
        if dialog.exec():
            after = dialog.decision(decision)
            if after != decision and self._keep(ChangePart(self.workshop_id, "decisions", decision, after), after.text):
                self.say(_("Decision changed. Read it back again to check it is right."))
                self.show(after)
        dialog.deleteLater()

    def _agreed_key(self) -> None:
        """Y: agreed as written, once the room has heard the decision read back."""
        covering = self.session.covering
        if self.current() is not None and covering.kind is Cover.RESULT:
            key = self.console.key_of(self.console.read_back_button)
            self.say(_("First read the decision back to the room: press {key}.").format(key=key))
        else:
            self.console.press(self.console.agreed_button)

    def keeps_decision(self, forward: bool) -> bool:
        """Before "next" (``forward``) or "back" takes away a decision the room has not agreed: True if it stays.

        On the counts, "next" reads it back. Otherwise the console asks; the same key again takes it
        off as "not yet", and any other key keeps it.
        """
        decision = self.current()
        if decision is None or decision.agreed:
            return False
        counted = self.session.covering.kind is Cover.RESULT
        if forward and counted:
            self.read_back()
            return True
        console = self.console
        going = console.next_button if forward else console.previous_button
        if counted:
            text = _("The room has not heard this decision read back yet. Take it off the big screen as still to decide?")
            first = Answer(_("Read it back ({key})").format(key=console.key_of(console.read_back_button)),
                           console.plain_keys(console.read_back_button), self.read_back)
        else:
            text = _("The room has not agreed this decision yet. Take it off the big screen as still to decide?")
            first = Answer(_("Agreed as written (Y)"), console.plain_keys(console.agreed_button), self.agreed)
        console.question.ask("decision", text, [
            first,
            Answer(_("Not yet ({key})").format(key=console.key_of(going)), console.plain_keys(going),
                   self.not_yet),
            Answer(_("Keep it (Esc)"), (Qt.Key.Key_Escape,), lambda: None),
        ], other=lambda: None)
        return True

    def not_yet(self) -> None:
        if self.current() is not None:
            self.session.uncover()
            self.say(_("Kept as still to decide. You can come back to it."))

    def library_changed(self) -> None:
        """Keep the decision on the big screen as the library has it, after an undo or a change elsewhere."""
        covering = self.session.covering
        if covering is None or covering.kind not in (Cover.DECISION, Cover.RESULT) or not covering.ref:
            return
        decision = self.current()
        if decision is None:
            self.session.uncover()
        elif covering.kind is Cover.DECISION:
            shown = (covering.title, covering.picture, covering.words, covering.agreed)
            if shown != (decision.text, decision.picture, self._how(decision), decision.agreed):
                self._read_back(decision)
        elif (covering.title, covering.counts) != (decision.text, tuple(tally(decision))):
            self.show(decision, aloud=False)

    def covering_changed(self) -> None:
        """Show the read-back buttons while a decision is on the big screen."""
        covering = self.session.covering
        decision = self.current()
        if decision is None:
            self.console.set_read_back(None)
        elif covering.kind is Cover.RESULT:
            self.console.set_read_back("result")
        else:
            self.console.set_read_back("agreed" if decision.agreed else "asking")
        self.actions["agreed"].setEnabled(decision is not None and not decision.agreed)
