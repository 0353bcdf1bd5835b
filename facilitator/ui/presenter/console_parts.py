"""Parts of the presenter console: big buttons that show their key, text that takes the focus, and key names.

A big button shows its words and, on a second line, the key that presses it
("Break" over "(T)"), so the key is where the eyes look for the button. Its
text stays only its words (a screen reader says them as its name); the key is
its description and its tooltip.

A piece of read-only text on the console (what is on now, the times, a
message) can take the keyboard focus, so it can be reached with Tab, read
again and copied; it then shows a 2-pixel line round itself.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter

from facilitator.i18n import _


def key_words(key: str) -> str:
    """How a key is written for the facilitator: "→" for Right, "Page Down" for PgDown, "Ctrl+↑" for Ctrl+Up.

    ``key`` is written as QKeySequence writes it portably ("Right", "PgDown", "Ctrl+Up", "+").
    """
    if key == "+":
        return key
    held, plus, last = key.rpartition("+")
    names = {
        "Right": "→", "Left": "←", "Up": "↑", "Down": "↓",
        "PgDown": _("Page Down"), "PgUp": _("Page Up"), "Space": _("Space"), "Esc": _("Esc"),
        "Return": _("Enter"), "Enter": _("Enter"), "Backspace": _("Backspace"), "Tab": _("Tab"),
    }
    return held + plus + names.get(last, last)


class BigButton(QPushButton):
    """One of the console's big buttons: bold words, and its key on a second line."""

    def __init__(self, text: str = ""):
        super().__init__(text)
        self.key = ""  # the key's words, shown on the second line ("" for none)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.setFont(font)

    def set_key(self, key: str) -> None:
        self.key = key
        told = _("Key: {key}").format(key=key)
        self.setToolTip(told)
        self.setAccessibleDescription(told)
        self.updateGeometry()
        self.update()

    def shown(self) -> str:
        """The words drawn on the button: its text, then its key, unless the text already ends with it."""
        text = self.text()
        if not self.key or text.endswith(f"({self.key})"):
            return text
        return f"{text}\n({self.key})"

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = self.shown()
        return option

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        option = self._option()
        words = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, option.text)
        if self.menu() is not None:
            words.setWidth(words.width() + self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, self))
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, words, self)
        return size.expandedTo(QSize(0, self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.sizeHint()

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, self._option())


class ReadableText(QLabel):
    """Read-only words on the console that Tab reaches: they can be read again and copied."""

    def __init__(self, text: str = ""):
        super().__init__(text)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setContentsMargins(3, 2, 3, 2)  # room for the focus line

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
            painter.end()
