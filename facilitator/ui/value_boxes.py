"""Number, date and time boxes that save when the facilitator has finished with them.

Qt's date and time boxes take typing one part at a time: with everything selected,
"09:45" typed into a box showing 10:00 becomes 10:45. And a box that saves on every
change saves half-typed values ("1" on the way to "13"), while the page, shown again
after each save, puts the saved value back under the cursor.

Here typing in a date or time box writes the whole date or time, as in a text box,
and it is read when the facilitator has finished: Enter, Tab, leaving the box, an
arrow key, or a pause once it is whole. A box saves only then, and the arrows, the
mouse wheel and the calendar (each a whole value) at once. While the facilitator
types, showing the workshop again leaves the box alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, Qt, QTime, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit, QSpinBox, QTimeEdit, QToolTip, QWidget

from facilitator.core.when import Reading, month_numbers, read_date, read_time
from facilitator.i18n import _
from facilitator.ui.text_fields import PAUSE_MS, undo_goes_to_the_workshop

FINISHING_KEYS = {
    Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
    Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
}
EDITING_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete}
COMMAND_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def _starts_typing(event: QKeyEvent) -> bool:
    """A key that writes or rubs out, or pastes: the start of typing a new value."""
    if event.key() in EDITING_KEYS or event.matches(QKeySequence.StandardKey.Paste):
        return True
    text = event.text()
    return bool(text) and text.isprintable() and not (event.modifiers() & COMMAND_KEYS)


class WholeTyping(QObject):
    """Typing in a date or time box writes the whole date or time, read when typing is finished.

    What is read is shown in the box's own form ("9.45" becomes 09:45, "4/5/2027" becomes Tuesday 4 May
    2027); what cannot be read puts back the value before, with a short tip. Emptying a box that can
    be "not set" makes it not set. The box is laid out left to right, so a right-to-left language shows
    10:00, never 00:10.
    """

    def __init__(self, box: QDateTimeEdit):
        super().__init__(box)
        self.box = box
        self.active = False
        self._passing_on = False
        shown_as = box.displayFormat()  # as written: Qt gives it back reversed once a right-to-left box turns
        box.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        box.setDisplayFormat(shown_as)
        box.setKeyboardTracking(False)  # the box's value changes when typing is finished, not on each key
        self._validator = box.lineEdit().validator()
        box.installEventFilter(self)

    # -- reading -------------------------------------------------------------

    def reading(self) -> Reading | None:
        """The value typed so far, read; None when it is not a date or time."""
        text, locale = self.box.lineEdit().text(), self.box.locale()
        if isinstance(self.box, QTimeEdit):
            return read_time(text, (locale.amText(),), (locale.pmText(),))
        long, short = QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat
        names = [(locale.monthName(n, form), n) for n in range(1, 13) for form in (long, short)]
        names += [(locale.standaloneMonthName(n, form), n) for n in range(1, 13) for form in (long, short)]
        days = {locale.dayName(n, form) for n in range(1, 8) for form in (long, short)}
        order = numbers_order(self.box.displayFormat()) or numbers_order(locale.dateFormat(short)) or "dmy"
        shown = self.box.date() if not _at_minimum(self.box) else QDate.currentDate()  # "4 May": the year shown
        return read_date(text, month_numbers(names), days, order, shown.year())

    def whole(self) -> bool:
        found = self.reading()
        return found is not None and found.whole

    # -- typing --------------------------------------------------------------

    def start(self) -> None:
        line = self.box.lineEdit()
        self.active = True
        line.setValidator(None)  # the box's own checks take one part at a time; the whole is read at the end
        if line.hasSelectedText():
            line.selectAll()  # what is typed replaces the whole value, not one part of it

    def finish(self) -> bool:
        """Read what was typed into the box's value; False (and the value before shown) when it cannot be read."""
        if not self.active:
            return True
        box, line = self.box, self.box.lineEdit()
        empty = not line.text().strip()
        found = self.reading()
        self.active = False
        line.setValidator(self._validator)
        if empty and box.specialValueText():
            box.setDateTime(box.minimumDateTime())
        elif found is None:
            box.setDateTime(box.dateTime())  # the value before, shown again
            example = _("Type a time like 09:45.") if isinstance(box, QTimeEdit) else _("Type a date like 4 May 2027.")
            QToolTip.showText(box.mapToGlobal(box.rect().bottomLeft()), example, box)
            return False
        elif isinstance(found.value, dt.time):
            box.setTime(QTime(found.value.hour, found.value.minute))  # shown in the box's own form, 09:45
        else:
            box.setDate(QDate(found.value.year, found.value.month, found.value.day))
        return True

    def cancel(self) -> None:
        """Stop typing and show the value the box had."""
        if self.active:
            self.active = False
            self.box.lineEdit().setValidator(self._validator)
            self.box.setDateTime(self.box.dateTime())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            return self._key(event)
        if self.active and kind in (QEvent.Type.FocusOut, QEvent.Type.Wheel, QEvent.Type.MouseButtonPress):
            self.finish()  # leaving the box; or the wheel or an arrow steps from the whole value
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in FINISHING_KEYS:
            if not self.active:
                return False  # the box's own: Tab goes from part to part, the arrows step
            self.finish()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                forward = key == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                QWidget.focusNextPrevChild(self.box, forward)  # typing is finished: Tab leaves the box
                return True
            return False  # Enter saves, the arrows step from what was typed
        if key == Qt.Key.Key_Escape and self.active:
            self.cancel()
            return True
        if self._passing_on:
            return False  # a key the text did not take comes back up here: the box and the window may have it
        if not self.active:
            if not _starts_typing(event):
                return False
            self.start()
        self._passing_on = True
        try:
            QCoreApplication.sendEvent(self.box.lineEdit(), event)  # written as in a text box
        finally:
            self._passing_on = False
        return True


def numbers_order(display_format: str) -> str:
    """The order of day, month and year in a Qt date format ("dddd d MMMM yyyy" is "dmy"), or "" when
    it lacks one. Numbers typed into a box go in the order the box shows them: 4/5/2027 over Tuesday
    4 May is 4 May."""
    parts = [part[0].lower() for part in re.findall(r"d+|M+|y+", display_format) if part[0] != "d" or len(part) <= 2]
    order = "".join(dict.fromkeys(parts))
    return order if sorted(order) == sorted("dmy") else ""


def type_whole_values(box: QDateTimeEdit) -> QDateTimeEdit:
    """Let the facilitator type a whole date or time into ``box`` (a dialog reads it when it closes)."""
    WholeTyping(box)
    return box


class ValueCommitter(QObject):
    """Calls ``commit(value)`` when the facilitator has finished with a number, date or time box.

    The value is an int, a ``datetime.date`` or a ``datetime.time``; None when the box shows its
    "not set" words. ``set_value`` shows a saved value, but never over what is being typed.
    """

    def __init__(self, box: QSpinBox | QDateEdit | QTimeEdit, commit: Callable[[object], None]):
        super().__init__(box)
        self.box = box
        self._commit = commit
        self._showing = False
        self._typed = False  # a number typed and not saved yet
        box.setKeyboardTracking(False)
        self.typing = WholeTyping(box) if isinstance(box, QDateTimeEdit) else None
        self._saved = self.value()
        self.pause = QTimer(self, singleShot=True, interval=PAUSE_MS)  # after it, a whole value typed is saved
        self.pause.timeout.connect(self._paused)
        if isinstance(box, QTimeEdit):
            box.timeChanged.connect(self._changed)
        elif isinstance(box, QDateEdit):
            box.dateChanged.connect(self._changed)
        else:
            box.valueChanged.connect(self._changed)
        box.editingFinished.connect(self.flush)
        box.lineEdit().textEdited.connect(self._edited)
        # Moving about the calendar changes the box's date at once; the day chosen is saved when it closes.
        self._calendar = box.calendarWidget().window() if isinstance(box, QDateEdit) and box.calendarPopup() else None
        if self._calendar is not None:
            self._calendar.installEventFilter(self)
        # Ctrl+Z undoes the box's own typing while it is not saved, and the workshop's last edit after.
        undo_goes_to_the_workshop(box, lambda: self.pending and box.lineEdit().isUndoAvailable())

    @property
    def pending(self) -> bool:
        """Something is being typed, or looked for in the calendar, that is not saved yet."""
        if self._calendar is not None and self._calendar.isVisible():
            return True
        return self.typing.active if self.typing is not None else self._typed

    def value(self):
        box = self.box
        if box.specialValueText() and _at_minimum(box):
            return None
        if isinstance(box, QTimeEdit):
            time = box.time()
            return dt.time(time.hour(), time.minute())
        if isinstance(box, QDateEdit):
            date = box.date()
            return dt.date(date.year(), date.month(), date.day())
        return box.value()

    def set_value(self, value) -> None:
        """Show a saved value. What the facilitator is still typing is kept, not overwritten."""
        if self.pending:
            return
        self.pause.stop()
        self._saved = value
        box = self.box
        self._showing = True
        try:
            if isinstance(box, QTimeEdit):
                box.setTime(QTime(value.hour, value.minute) if value is not None else box.minimumTime())
            elif isinstance(box, QDateEdit):
                box.setDate(QDate(value.year, value.month, value.day) if value is not None else box.minimumDate())
            else:
                box.setValue(value if value is not None else box.minimum())
        finally:
            self._showing = False

    def forget(self) -> None:
        """Drop unsaved typing (another item or workshop is being shown)."""
        self.pause.stop()
        self._typed = False
        if self.typing is not None:
            self.typing.cancel()

    def flush(self) -> None:
        """Save what was typed, now, when it can be read (nothing happens when it is what was saved)."""
        self.pause.stop()
        if self.typing is not None:
            self.typing.finish()
        elif self._typed:
            self.box.interpretText()
        self._typed = False
        self._save()

    def _edited(self, *args) -> None:
        self._typed = True
        self.pause.start()

    def _paused(self) -> None:
        if self.typing is not None:
            if self.typing.active and self.typing.whole():
                self.flush()
        elif self._typed and self.box.hasAcceptableInput():
            self.flush()

    def _changed(self, *args) -> None:
        if self._showing or (self._calendar is not None and self._calendar.isVisible()):
            return
        self._typed = False
        self.pause.stop()
        self._save()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._calendar and event.type() == QEvent.Type.Hide:
            QTimer.singleShot(0, self, self._save)  # once the calendar has put back the day or kept the one chosen
        return False

    def _save(self) -> None:
        value = self.value()
        if value != self._saved:
            self._saved = value
            self._commit(value)


def _at_minimum(box: QAbstractSpinBox) -> bool:
    if isinstance(box, QDateTimeEdit):
        return box.dateTime() == box.minimumDateTime()
    return box.value() == box.minimum()
