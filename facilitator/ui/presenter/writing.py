"""What every "write it down" dialog of the session shares: the words box, a plain line saying what
is wrong (the dialog stays open, nothing is lost), Save and Cancel, and Cancel asking before
words are thrown away."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from facilitator.i18n import N_, _
from facilitator.ui.ask import confirm
from facilitator.ui.telling import tell_in


class WritingDialog(QDialog):
    """Subclasses lay out ``text``, ``problem`` and ``buttons`` and say what stops a save in ``problem_with``."""

    throw_away = N_("Throw this away?")  # the question Cancel asks when something was written

    def __init__(self, text: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QPlainTextEdit(text)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(name)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("font-weight: bold")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def written(self) -> str:
        return self.text.toPlainText().strip()

    def problem_with(self) -> str:
        """What stops the words being saved, in words; "" when nothing does."""
        raise NotImplementedError

    @staticmethod
    def add_during(layout: QVBoxLayout, item_title: str) -> None:
        """A line saying which agenda item this was written during, when there is one."""
        if item_title:
            during = QLabel(_("During: {item}").format(item=item_title))
            during.setWordWrap(True)
            layout.addWidget(during)

    def tell(self, text: str) -> None:
        self.text.setFocus()
        tell_in(self.problem, text, urgent=True)

    def _save(self) -> None:
        problem = self.problem_with()
        if problem:
            self.tell(problem)
            return
        self.accept()

    def reject(self) -> None:
        if self.written() and not confirm(
            self, _(self.throw_away), _("What you wrote is not saved yet."), _("Throw it away")
        ):
            return
        super().reject()
