"""Text boxes that save themselves: when typing pauses, and when the box is left.

Saving on every key press would make one undo step per letter and write to
disk constantly; saving only on "leave" risks losing a sentence if the
computer dies. A short pause is the middle way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

PAUSE_MS = 700


def labelled_rows(form: QFormLayout, rows) -> QFormLayout:
    """Add (label text, widget) rows whose labels are buddies of their widgets (Alt+letter goes there)."""
    for text, widget in rows:
        label = QLabel(text)
        label.setBuddy(widget)
        form.addRow(label, widget)
    return form


class UndoGoesToTheWorkshop(QObject):
    """Ctrl+Z (and redo) in a number, date or time box undoes the workshop's last edit,
    unless the box has typing of its own to undo (``own_typing``: by default, whenever its text has)."""

    def __init__(self, box: QAbstractSpinBox, own_typing: Callable[[], bool] | None = None):
        super().__init__(box)
        self.own_typing = own_typing or box.lineEdit().isUndoAvailable

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            return not self.own_typing()  # True: the window's Undo and Redo take the key
        return False


def undo_goes_to_the_workshop(box: QAbstractSpinBox, own_typing: Callable[[], bool] | None = None) -> None:
    box.installEventFilter(UndoGoesToTheWorkshop(box, own_typing))


class LinesHigh(QObject):
    """Keeps a text box ``lines`` lines high in its own font, after every zoom too."""

    def __init__(self, box: QPlainTextEdit, lines: int, extra: int = 10):
        super().__init__(box)
        self.box, self.lines, self.extra = box, lines, extra
        box.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        self.box.setFixedHeight(self.box.fontMetrics().lineSpacing() * self.lines + self.extra)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self.fit()
        return False


class TextCommitter(QObject):
    """Calls ``commit(text)`` after a pause in typing, and when focus leaves the box."""

    def __init__(self, box: QLineEdit | QPlainTextEdit, commit: Callable[[str], None], max_length: int = 20_000):
        super().__init__(box)
        self.box = box
        self._commit = commit
        self.max_length = max_length
        self._pending = False
        self._saved = ""
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        if isinstance(box, QLineEdit):
            box.setMaxLength(min(max_length, 32767))
            box.textEdited.connect(self._typed)
            box.editingFinished.connect(self.flush)
        else:
            box.textChanged.connect(self._typed)
            box.installEventFilter(self)

    def text(self) -> str:
        if isinstance(self.box, QLineEdit):
            return self.box.text()
        return self.box.toPlainText()[: self.max_length]

    def set_text(self, text: str) -> None:
        """Show a saved value. What the facilitator is still typing is kept, not overwritten."""
        if self._pending and self.text() != text:
            return
        self._pending = False
        self._saved = text
        if self.text() == text:
            return
        self.box.blockSignals(True)
        try:
            if isinstance(self.box, QLineEdit):
                self.box.setText(text)
                self.box.setCursorPosition(0)  # show the start of a long text, not its end
            else:
                self.box.setPlainText(text)
        finally:
            self.box.blockSignals(False)

    def forget(self) -> None:
        """Drop unsaved typing (another item or workshop is being shown)."""
        self._pending = False
        self._timer.stop()

    def _typed(self, *args) -> None:
        self._pending = True
        self._timer.start()

    def flush(self) -> None:
        """Save what was typed, now (nothing happens when it is what was saved)."""
        self._timer.stop()
        self._pending = False
        text = self.text()
        if text != self._saved:
            self._saved = text
            self._commit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False
