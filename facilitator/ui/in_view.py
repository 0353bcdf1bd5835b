"""The control that has the keyboard focus is always in sight.

Qt scrolls a scroll area to a control only when Tab moves within it, and only that one area. Here
every focus change, by Tab, an Alt letter or a click, scrolls each scroll area the control is in,
the innermost first, so a form inside a scrolling page is scrolled to as well as scrolled within.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

MARGIN = 8  # pixels of what is around the control kept in sight with it
_following: list[QApplication] = []


def keep_focus_in_view() -> None:
    """From now on, scroll to whatever gets the focus (once for the application)."""
    app = QApplication.instance()
    if app is None or any(known is app for known in _following if shiboken6.isValid(known)):
        return
    _following.append(app)
    app.focusChanged.connect(lambda _old, new: _follow(new))


def _follow(widget: QWidget | None) -> None:
    bring_into_view(widget)
    if widget is not None:
        # Again once what is waiting is laid out (a tab just changed, the zoom), if it still has the focus.
        QTimer.singleShot(0, widget, lambda: bring_into_view(widget) if widget.hasFocus() else None)


def bring_into_view(widget: QWidget | None) -> None:
    """Scroll every scroll area ``widget`` is in so that it can be seen, the innermost first."""
    if widget is None or not shiboken6.isValid(widget) or widget.isWindow():
        return
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(widget):
            show_in(parent, widget)
        parent = parent.parentWidget()


def show_in(area: QScrollArea, widget: QWidget) -> None:
    """Scroll ``area`` to all of ``widget`` (its top part when it is taller than the area). Qt's own
    ensureWidgetVisible shows only a text box's cursor, so a box could be left mostly out of sight."""
    corner = widget.mapTo(area.widget(), QPoint(0, 0))
    room = area.viewport().size()
    width = max(0, min(widget.width(), room.width() - 2 * MARGIN))
    height = max(0, min(widget.height(), room.height() - 2 * MARGIN))
    area.ensureVisible(corner.x() + width // 2, corner.y() + height // 2, width // 2 + MARGIN, height // 2 + MARGIN)
