"""The participant view: what the room sees, and a small copy of it for the console.

Both draw a ``Screen`` with ``painting``. The layout is worked out once per
screen and size, and each timer tick repaints only the timer's corner, so
moving on and counting down stay well inside one frame (benchmarks/presenter.py).
"""

from __future__ import annotations

import typing

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.i18n import _, in_language, right_to_left
from facilitator.session.run import TimerState
from facilitator.session.screens import Kind, Screen
from facilitator.session.themes import DEFAULT_THEME, Theme, text_scale, theme
from facilitator.ui.presenter.painting import Layout, Reading, lay_out, paint, paint_timer, timer_area

PictureSource = typing.Callable[[str, int], typing.Any]  # (ref, side) -> QPixmap


class Look:
    """How the participant screen looks: its theme, how big its words are, which way it reads."""

    def __init__(self, theme_key: str = DEFAULT_THEME, scale: float = 1.0, rtl: bool = False, language: str = "en"):
        self.theme: Theme = theme(theme_key)
        self.scale = scale
        self.rtl = rtl
        self.language = language  # the timer's words ("Time is up") are in the workshop's language

    @classmethod
    def chosen(cls, theme_key: str, text_size: str, language: str) -> Look:
        """The look for a theme and a text size chosen by key, reading the way ``language`` does."""
        return cls(theme_key, text_scale(text_size), right_to_left(language), language)


class ScreenDrawing:
    """One screen, its look and its timer, drawn at any size; layouts are kept until something changes."""

    def __init__(self, pictures: PictureSource):
        self.pictures = pictures
        self.screen = Screen(Kind.BLANK)
        self.look = Look()
        self.timer: TimerState | None = None
        self.reading: Reading | None = None
        self._layouts: dict[tuple, Layout] = {}

    def set_screen(self, screen: Screen) -> bool:
        """Show another screen; False when it is the same as before."""
        if screen == self.screen:
            return False
        self.screen = screen
        self.reading = None
        self._layouts.clear()
        return True

    def set_reading(self, reading: Reading | None) -> bool:
        """Light up the words being read aloud (None for none); False when nothing changed."""
        if reading == self.reading:
            return False
        self.reading = reading
        return True

    def set_look(self, look: Look) -> None:
        self.look = look
        self._layouts.clear()

    def layout(self, width: int, height: int) -> Layout:
        key = (width, height)  # a new screen or look clears the layouts
        found = self._layouts.get(key)
        if found is None:
            with in_language(self.look.language):  # the timer's longest words are measured in the room's language
                found = self._layouts[key] = lay_out(self.screen, width, height, self.look.scale, self.look.rtl)
        return found

    def paint(self, painter: QPainter, width: int, height: int) -> None:
        with in_language(self.look.language):
            paint(painter, self.layout(width, height), self.look.theme, self.pictures, self.timer, self.reading)

    def image(self, width: int, height: int) -> QImage:
        """The screen as a picture, exactly as the room would see it."""
        image = QImage(width, height, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        self.paint(painter, width, height)
        painter.end()
        return image


class ParticipantView(QWidget):
    """The big screen. Full screen on the projector, or a window when there is no projector."""

    def __init__(self, pictures: PictureSource, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.drawing = ScreenDrawing(pictures)
        self.setWindowTitle(_("Participant view"))
        self.setAccessibleName(_("Participant view"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 180)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_screen(self, screen: Screen, timer: TimerState | None) -> None:
        self.drawing.timer = timer
        if self.drawing.set_screen(screen):
            self.update()
        else:
            self.show_timer(timer)

    def show_timer(self, timer: TimerState | None) -> None:
        self.drawing.timer = timer
        area = timer_area(self.current_layout())
        if area is not None:
            self.update(area)

    def set_look(self, look: Look) -> None:
        self.drawing.set_look(look)
        self.update()

    def current_layout(self) -> Layout:
        return self.drawing.layout(self.width(), self.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(960, 540)

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        layout = self.current_layout()
        area = timer_area(layout)
        if area is not None and self.drawing.timer is not None and area.contains(event.rect()):
            with in_language(self.drawing.look.language):
                paint_timer(painter, layout, self.drawing.look.theme, self.drawing.timer)
        else:
            self.drawing.paint(painter, self.width(), self.height())
        painter.end()


class ScreenPreview(QWidget):
    """The console's small copy of the participant view, drawn as the big one is, then made smaller."""

    def __init__(self, drawing: ScreenDrawing, parent: QWidget | None = None):
        super().__init__(parent)
        self.drawing = drawing
        self.source = QSize(1920, 1080)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 135)

    def set_source(self, size: QSize) -> None:
        """The size of the real participant view, so the copy has the same shape."""
        if size.width() > 0 and size.height() > 0 and size != self.source:
            self.source = QSize(size)
            self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return round(width * self.source.height() / self.source.width())

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        scale = min(self.width() / self.source.width(), self.height() / self.source.height())
        shown = QRect(0, 0, round(self.source.width() * scale), round(self.source.height() * scale))
        shown.moveCenter(self.rect().center())
        painter.translate(shown.topLeft())
        painter.scale(scale, scale)
        self.drawing.paint(painter, self.source.width(), self.source.height())
        painter.end()
