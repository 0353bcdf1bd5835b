"""The line above the agenda: when it starts and ends, how long it takes, and the room booking.

Going past the room booking is said in words with a warning sign, not only in colour.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle

from facilitator.core.model import Workshop
from facilitator.i18n import _, format_clock, format_minutes, ngettext
from facilitator.ui.zoom import big_font


class TimeBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.times = QLabel()
        self.times.setTextFormat(Qt.TextFormat.PlainText)
        big_font(self.times, 1.15, bold=True)
        self.icon = QLabel()
        self.room = QLabel()
        self.room.setTextFormat(Qt.TextFormat.PlainText)
        self.room.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.addWidget(self.times)
        layout.addSpacing(16)
        layout.addWidget(self.icon)
        layout.addWidget(self.room, stretch=1)
        self.over = False

    def show_workshop(self, workshop: Workshop | None) -> None:
        if workshop is None:
            self.times.setText("")
            self.room.setText("")
            self.icon.clear()
            return
        self.times.setText(times_text(workshop))
        text, self.over = room_text(workshop)
        self.room.setText(text)
        big_font(self.room, 1.0, bold=self.over)
        if self.over:
            size = self.fontMetrics().height() + 4
            self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        else:
            self.icon.clear()
        self.setAccessibleDescription(f"{self.times.text()} {text}")


def times_text(w: Workshop) -> str:
    count = ngettext("{n} item", "{n} items", len(w.agenda)).format(n=len(w.agenda))
    length = format_minutes(w.total_minutes())
    end = w.planned_end()
    if w.start_time is None or end is None:
        return _("{count} · {length} in all").format(count=count, length=length)
    return _("{start} to {end} · {count} · {length}").format(
        start=format_clock(w.start_time), end=format_clock(end), count=count, length=length
    )


def room_text(w: Workshop) -> tuple[str, bool]:
    """What to say about the room booking, and whether the agenda runs past it."""
    end = w.planned_end()
    if w.start_time is None or end is None:
        return _("Set a start time to see when each item starts."), False
    if w.room_booked_until is None:
        return _("Add the time the room is booked until, to check the agenda fits."), False
    spare = minutes_between(w.start_time, w.room_booked_until) - w.total_minutes()
    if spare < 0:
        return _("Ends {length} after the room booking ({until}). Take time off some items.").format(
            length=format_minutes(-spare), until=format_clock(w.room_booked_until)
        ), True
    if spare == 0:
        return _("Ends just as the room booking ends ({until}).").format(until=format_clock(w.room_booked_until)), False
    return _("Fits the room booking ({until}), with {length} to spare.").format(
        until=format_clock(w.room_booked_until), length=format_minutes(spare)
    ), False


def minutes_between(earlier: dt.time, later: dt.time) -> int:
    day = dt.date(2000, 1, 1)
    return int((dt.datetime.combine(day, later) - dt.datetime.combine(day, earlier)).total_seconds() // 60)
