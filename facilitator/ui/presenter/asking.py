"""A question on the presenter console that the keyboard answers: "Stop presenting?", "Go on from …?".

It is not a dialog: the session and its timer go on, and nothing covers the
big screen. While it shows, a key pressed on the console or the participant
view answers it and does nothing else (so a clicker's "next" cannot move on by
accident); each answer has its keys and a big button. The question and its
answers are said to a screen reader at once, as the keys are all that works
until it is answered.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from facilitator.ui.telling import announce

MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock}


@dataclass(frozen=True)
class Answer:
    words: str  # on its button, with its key: "Stop presenting (Esc)"
    keys: tuple[Qt.Key, ...]
    act: typing.Callable[[], None]


class QuestionBar(QFrame):
    """Asks one question at a time; ``windows`` are where the keys answer it."""

    changed = Signal()  # a question was asked or taken away

    def __init__(self, windows: typing.Callable[[], tuple[QWidget, ...]], parent: QWidget | None = None):
        super().__init__(parent)
        self.windows = windows
        self.name = ""  # which question is asked ("" for none)
        self.answers: list[Answer] = []
        self.other: typing.Callable[[], None] | None = None
        self.buttons: list[QPushButton] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = QFont(self.label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.label.setFont(font)
        self.row = QHBoxLayout(self)
        self.row.addWidget(self.label, 2)
        self.hide()

    def ask(self, name: str, text: str, answers: list[Answer], other: typing.Callable[[], None] | None = None) -> None:
        """Show a question. A key that is no answer's calls ``other`` (None: such keys do nothing)."""
        self.clear()
        self.name, self.answers, self.other = name, answers, other
        self.label.setText(text)
        self.setAccessibleName(text)
        for answer in answers:
            button = QPushButton(answer.words)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(56)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            font = QFont(button.font())
            font.setPointSizeF(font.pointSizeF() * 1.2)
            font.setBold(True)
            button.setFont(font)
            button.clicked.connect(lambda checked=False, a=answer: self.answer(a))
            self.row.addWidget(button, 1)
            self.buttons.append(button)
        self.changed.emit()  # first, so what makes room for the question goes before it shows
        self.show()
        QApplication.instance().installEventFilter(self)
        announce(self, " ".join([text, *(f"{answer.words}." for answer in answers)]), urgent=True)

    def answer(self, answer: Answer | None) -> None:
        """Take the question away, then do what the answer says (None: what any other key does)."""
        act = answer.act if answer is not None else self.other
        self.clear()
        if act is not None:
            act()

    def clear(self) -> None:
        if not self.name:
            return
        QApplication.instance().removeEventFilter(self)
        self.name, self.answers, self.other = "", [], None
        for button in self.buttons:
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.hide()
        self.changed.emit()

    def _answer_for(self, key: int) -> Answer | None:
        return next((answer for answer in self.answers if key in answer.keys), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not self.name:
            return False
        if not isinstance(watched, QWidget) or watched.window() not in self.windows():
            return False
        if event.key() in MODIFIERS:
            return False
        if kind is QEvent.Type.ShortcutOverride:
            event.accept()  # the key is not a shortcut while the question is asked: it comes as a key press
            return True
        if not event.isAutoRepeat():
            found = self._answer_for(event.key())
            if found is not None or self.other is not None:
                self.answer(found)
        return True
