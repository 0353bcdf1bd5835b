"""One way for the app to tell the facilitator something: shown where the eyes are, and said to a screen reader.

A message is shown in the place that belongs to it (the window's status bar,
the console's message line, a dialog's error line) and sent to screen readers
as an announcement, which they say without moving the focus. A problem (not
saved, the projector gone, a refused save) is *urgent*: screen readers say it
at once, interrupting, and the status bar keeps it until the next message
instead of letting it vanish. Anything else (saved, removed, the text size) is
said politely, after what is being read now.

Tests listen with ``listen``; every message goes through ``announce``, so a
test that listens hears exactly what a screen reader would be sent.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

Listener = Callable[[QWidget, str, bool], None]  # (where, words, urgent)
_listeners: list[Listener] = []


def listen(listener: Listener) -> Callable[[], None]:
    """Hear every announcement from now on; returns a function that stops listening."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def announce(widget: QWidget, text: str, urgent: bool = False) -> None:
    """Have a screen reader say ``text`` now, without moving the focus."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if urgent else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    for listener in list(_listeners):
        listener(widget, text, urgent)


def tell(widget: QWidget, text: str, urgent: bool = False, seconds: int = 8) -> None:
    """Say ``text`` in the status bar of ``widget``'s window (if it has one) and to a screen reader.

    An urgent message stays in the status bar until the next one; another goes after ``seconds``.
    """
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 0 if urgent else seconds * 1000)
    announce(widget, text, urgent)


def tell_in(label: QLabel, text: str, urgent: bool = False) -> None:
    """Show ``text`` in ``label`` (hidden when empty) and say it to a screen reader.

    The label keeps no accessible name of its own, so a screen reader that
    reaches it later reads what it shows.
    """
    label.setAccessibleName("")
    label.setText(text)
    label.setVisible(bool(text))
    announce(label, text, urgent)
