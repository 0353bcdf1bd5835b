"""Text boxes that save themselves: when typing pauses, and when the box is left.

Saving on every key press would make one undo step per letter and write to
disk constantly; saving only on "leave" risks losing a sentence if the
computer dies. A short pause is the middle way.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolTip,
    QWidget,
)

from facilitator.core.field_checks import LONG_TEXT
from facilitator.i18n import _
from facilitator.ui.telling import tell

PAUSE_MS = 700


def too_long_words(limit: int, length: int, typed: bool) -> str:
    """What to say when a box refuses words that would take it past its limit."""
    if typed:
        return _("This box is full: it holds up to {limit:,} characters. Make it shorter to write more.").format(
            limit=limit
        )
    return _("That was not added, so nothing is lost or cut: this box holds up to {limit:,} characters and "
             "it would have had {length:,}. Make it shorter first, or put the rest somewhere else.").format(
        limit=limit, length=length
    )


def say_refused(box: QWidget, words: str) -> None:
    """Say it beside the box, in the window's status bar, and to a screen reader."""
    # As rich text, a tip wraps to a few lines beside the box instead of one line across the window.
    QToolTip.showText(box.mapToGlobal(QPoint(0, box.height())), f"<p>{html.escape(words)}</p>", box)
    tell(box, words, urgent=True)


class NotLongerThan(QValidator):
    """Refuses a change to a one-line box that would make it longer than ``limit``, and says so.

    ``setMaxLength`` would cut a long paste short without a word; this keeps the box as it was."""

    def __init__(self, box: QLineEdit, limit: int):
        super().__init__(box)
        self.box, self.limit = box, limit
        self.length = len(box.text())  # the box's text before the change being checked
        box.textChanged.connect(self._accepted)

    def _accepted(self, text: str) -> None:
        self.length = len(text)

    def validate(self, text: str, pos: int):
        if len(text) <= self.limit or len(text) < self.length:  # a long value shown can still be shortened
            return QValidator.State.Acceptable, text, pos
        if len(text) > self.length and not self.box.signalsBlocked():  # blocked: a saved value shown, quietly
            say_refused(self.box, too_long_words(self.limit, len(text), typed=len(text) - self.length == 1))
        return QValidator.State.Invalid, text, pos


def refuse_longer(box: QLineEdit, limit: int) -> NotLongerThan:
    """Keep ``box`` to ``limit`` characters by refusing, with a message, what would go past it."""
    validator = NotLongerThan(box, limit)
    box.setValidator(validator)
    return validator


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

    def __init__(self, box: QLineEdit | QPlainTextEdit, commit: Callable[[str], None], max_length: int = LONG_TEXT):
        super().__init__(box)
        self.box = box
        self._commit = commit
        self.max_length = max_length
        self._pending = False
        self._showing = False  # a saved value is being put in the box
        self._saved = ""
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        self._refusing = None
        if isinstance(box, QLineEdit):
            self._refusing = refuse_longer(box, max_length)
            box.textEdited.connect(self._typed)
            box.editingFinished.connect(self.flush)
        else:
            box.textChanged.connect(self._typed)
            box.document().contentsChange.connect(self._changed)
            box.installEventFilter(self)

    def text(self) -> str:
        if isinstance(self.box, QLineEdit):
            return self.box.text()
        return self.box.toPlainText()

    def too_long(self) -> bool:
        return self.length() > self.max_length

    def _changed(self, position: int, removed: int, added: int) -> None:
        """A paste (or dropped words) that takes a long box past its limit is undone at once."""
        if self._showing or added <= removed or not self.too_long():
            return
        length = self.length()
        self.box.document().undo()  # one step: the paste, with any words it replaced
        if self.too_long():
            words = _("This is {length:,} characters long and this box holds up to {limit:,}, so it is not saved "
                      "yet. Make it shorter and it will be.").format(length=length, limit=self.max_length)
        else:
            words = too_long_words(self.max_length, length, typed=False)
        say_refused(self.box, words)

    def length(self) -> int:
        if isinstance(self.box, QLineEdit):
            return len(self.box.text())
        units = self.box.document().characterCount() - 1  # UTF-16 units, and Qt counts one more
        if units <= self.max_length:
            return units  # never fewer than the characters a file counts: nothing more to do
        return len(self.box.toPlainText())

    def _refuses_key(self, event: QKeyEvent) -> bool:
        """A letter typed into a full box is not added (the box says why)."""
        typed = event.text()
        if not typed or not (typed.isprintable() or typed in "\r\n\t"):
            return False
        length = self.length() + len(typed)
        if length <= self.max_length:
            return False  # the usual case, on every key press: nothing more to work out
        length -= len(self.box.textCursor().selectedText())  # typing over chosen words replaces them
        if length <= self.max_length:
            return False
        say_refused(self.box, too_long_words(self.max_length, length, typed=True))
        return True

    def set_text(self, text: str) -> None:
        """Show a saved value. What the facilitator is still typing is kept, not overwritten."""
        if self._pending and self.text() != text:
            return
        self._pending = False
        self._saved = text
        if self.text() == text:
            return
        self.box.blockSignals(True)
        self._showing = True
        try:
            if isinstance(self.box, QLineEdit):
                self.box.setText(text)
                self.box.setCursorPosition(0)  # show the start of a long text, not its end
            else:
                self.box.setPlainText(text)
        finally:
            self._showing = False
            if self._refusing is not None:
                self._refusing.length = len(self.box.text())  # its textChanged was blocked
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
        if self.too_long():  # never cut short: kept in the box, said, and saved once it fits
            return
        self._pending = False
        text = self.text()
        if text != self._saved:
            self._saved = text
            self._commit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        elif event.type() == QEvent.Type.KeyPress:
            return self._refuses_key(event)
        return False
