"""The item's timer and a break's countdown: a shape that empties, and a few words under or beside it.

Drawn on every tick, so only this corner of the screen is repainted
(``timer_area``). Its shape changes near the end and when the time is up, not
only its colour. Its words are in the workshop's language: the caller paints
inside ``in_language``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from facilitator.i18n import _, format_clock, ngettext
from facilitator.session.run import Phase, TimerState
from facilitator.session.themes import Theme
from facilitator.ui.presenter.fitting import WRAP, Layout


def minutes_left(timer: TimerState) -> str:
    return ngettext("{n} minute left", "{n} minutes left", timer.minutes_left).format(n=timer.minutes_left)


def timer_words(timer: TimerState) -> str:
    """What the item's timer says under its shape."""
    if timer.phase is Phase.PAUSED:
        return _("Paused")
    if timer.phase is Phase.OVER:
        return _("Time is up")
    if timer.phase is Phase.NEARLY:
        return _("Nearly time") + "\n" + minutes_left(timer)
    return minutes_left(timer)


def countdown_words(timer: TimerState) -> str:
    """What a break's countdown says beside its shape: the minutes left, then the time now."""
    first = _("Time to come back") if timer.phase is Phase.OVER else minutes_left(timer)
    if timer.now is None:
        return first
    return first + "\n" + _("Now {time}").format(time=format_clock(timer.now))


def paint_timer(painter: QPainter, layout: Layout, theme: Theme, timer: TimerState) -> None:
    """The time as a shape that shrinks; its shape and words change near the end, not only its colour."""
    rect = layout.timer
    assert rect is not None
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect.adjusted(-4, -4, 4, 4), QColor(theme.background))
    if layout.timer_words is not None:
        painter.fillRect(layout.timer_words, QColor(theme.background))
    inner = rect.adjusted(rect.width() * 0.08, rect.height() * 0.08, -rect.width() * 0.08, -rect.height() * 0.08)
    if timer.phase is Phase.OVER:
        # Time is up: the disc is gone; an empty square frame takes its place.
        pen = QPen(QColor(theme.timer), rect.width() * 0.06)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(inner, inner.width() * 0.1, inner.width() * 0.1)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.track))
        painter.drawEllipse(inner)
        painter.setBrush(QColor(theme.timer))
        span = round(-360 * 16 * timer.fraction_left)
        if span:
            painter.drawPie(inner, 90 * 16, span)
        if layout.countdown:
            # The whole break is a ring, so the part that has gone still shows how much there was.
            painter.setPen(QPen(QColor(theme.timer), rect.width() * 0.025))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(inner)
        if timer.phase is Phase.NEARLY:
            # Nearly time: a broken ring appears round the disc.
            pen = QPen(QColor(theme.timer), rect.width() * 0.035, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = rect.adjusted(rect.width() * 0.02, rect.height() * 0.02, -rect.width() * 0.02, -rect.height() * 0.02)
            painter.drawEllipse(ring)
        elif timer.phase is Phase.PAUSED:
            # Paused: two bars over the disc.
            painter.setPen(QPen(QColor(theme.background), rect.width() * 0.03))
            painter.setBrush(QColor(theme.text))
            bar = QRectF(0, 0, inner.width() * 0.13, inner.height() * 0.42)
            for dx in (-0.12, 0.12):
                bar.moveCenter(QPointF(inner.center().x() + inner.width() * dx, inner.center().y()))
                painter.drawRoundedRect(bar, bar.width() * 0.2, bar.width() * 0.2)
    if layout.timer_words is not None and layout.timer_font is not None:
        painter.setFont(layout.timer_font)
        painter.setPen(QColor(theme.text))
        if layout.countdown:
            align = (Qt.AlignmentFlag.AlignRight if layout.rtl else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute
            painter.drawText(layout.timer_words, int(align | Qt.AlignmentFlag.AlignVCenter) | WRAP, countdown_words(timer))
        else:
            align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(layout.timer_words, int(align) | WRAP, timer_words(timer))


def timer_area(layout: Layout) -> QRect | None:
    """The part of the screen the timer repaints on each tick."""
    if layout.timer is None:
        return None
    area = layout.timer.adjusted(-6, -6, 6, 6)
    if layout.timer_words is not None:
        area = area.united(layout.timer_words.adjusted(-6, -6, 6, 6))
    return area.toAlignedRect()
