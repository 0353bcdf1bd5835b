"""Writing down a decision during the session, in the room's own words, to read back."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from facilitator.i18n import _

MOST_CHARACTERS = 20_000  # what a workshop file allows for a decision


class DecisionDialog(QDialog):
    def __init__(self, item_title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Record a decision"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(_("What we decided"))
        self.text.setTabChangesFocus(True)
        self.read_back = QCheckBox(_("Show it on the big screen to read back"))
        self.read_back.setChecked(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        label = QLabel(_("What did we decide? Write it in the room's own words."))
        label.setWordWrap(True)
        label.setBuddy(self.text)
        layout = QVBoxLayout(self)
        if item_title:
            layout.addWidget(QLabel(_("During: {item}").format(item=item_title)))
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.read_back)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def decision_text(self) -> str:
        return self.text.toPlainText().strip()

    def _save(self) -> None:
        text = self.decision_text()
        if not text:
            self._tell(_("Write what was decided first, or press Cancel."))
            return
        if len(text) > MOST_CHARACTERS:
            self._tell(
                _("This is {length:,} characters long; a decision can have at most {limit:,}. Make it shorter.").format(
                    length=len(text), limit=MOST_CHARACTERS
                )
            )
            return
        self.accept()

    def _tell(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.text.setFocus()
