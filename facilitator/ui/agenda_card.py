"""Draws one agenda item as a card: picture on the left, big title, plain words, times.

Sizes follow the widget's font, so the planner's zoom makes the cards bigger.
The kind shows as a coloured shape *and* its name; the start time and minutes
sit on the right where the eye finds them.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from facilitator.core.model import ITEM_KIND_NAMES, AgendaItem
from facilitator.i18n import _, format_clock, format_minutes
from facilitator.ui.agenda_model import ITEM_ROLE, START_ROLE
from facilitator.ui.kinds import draw_kind_mark, kind_colour, kind_tint
from facilitator.ui.pictures import PictureStore

TEXT = QColor("#141414")
QUIET_TEXT = QColor("#3A3A3A")


class AgendaCardDelegate(QStyledItemDelegate):
    def __init__(self, pictures: PictureStore, parent=None):
        super().__init__(parent)
        self.pictures = pictures

    @staticmethod
    def _measures(font: QFont) -> tuple[int, int]:
        line = QFontMetrics(font).lineSpacing()
        return line * 5, max(6, line // 2)  # picture size, padding

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 (Qt's name)
        picture, pad = self._measures(option.font)
        return QSize(option.rect.width() or 400, picture + 2 * pad + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        item: AgendaItem = index.data(ITEM_ROLE)
        start = index.data(START_ROLE)
        if item is None:
            return
        picture_size, pad = self._measures(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect).adjusted(3, 3, -3, -3)
        rtl = option.direction == Qt.LayoutDirection.RightToLeft

        def place(rect: QRectF) -> QRectF:
            """``rect`` as laid out left to right, mirrored in the card when the app reads right to left
            (the text's own alignment flips by itself)."""
            if not rtl:
                return rect
            return QRectF(card.left() + card.right() - rect.right(), rect.top(), rect.width(), rect.height())

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(option.palette.highlight().color(), 4) if selected else QPen(QColor("#9A9A9A"), 1))
        painter.setBrush(kind_tint(item.kind))
        painter.drawRoundedRect(card, 8, 8)
        stripe = QRectF(card.left(), card.top(), pad, card.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(kind_colour(item.kind))
        painter.drawRoundedRect(place(stripe.adjusted(2 if selected else 0, 2 if selected else 0, 0, -2 if selected else 0)), 4, 4)

        ref = self.pictures.ref_for(item.picture, item.kind)
        top = card.top() + (card.height() - picture_size) / 2
        picture_left = stripe.right() + pad
        spot = place(QRectF(picture_left, top, picture_size, picture_size))
        painter.drawPixmap(int(spot.left()), int(spot.top()), self.pictures.pixmap(ref, picture_size))

        base = QFont(option.font)
        title_font = QFont(base)
        title_font.setPointSizeF(base.pointSizeF() * 1.35)
        title_font.setBold(True)
        time_font = QFont(title_font)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)

        time_width = QFontMetrics(time_font).horizontalAdvance("00:00") + 2 * pad
        minutes_text = format_minutes(item.minutes)
        time_width = max(time_width, QFontMetrics(base).horizontalAdvance(minutes_text) + 2 * pad)
        text_left = picture_left + picture_size + pad
        text_right = card.right() - time_width
        width = max(10.0, text_right - text_left)
        y = card.top() + pad * 0.8

        painter.setPen(TEXT)
        painter.setFont(title_font)
        title_metrics = QFontMetrics(title_font)
        title = _own_direction(title_metrics.elidedText(item.title, Qt.TextElideMode.ElideRight, int(width)), rtl)
        painter.drawText(place(QRectF(text_left, y, width, title_metrics.height())), Qt.AlignmentFlag.AlignLeft, title)
        y += title_metrics.height()

        painter.setFont(base)
        painter.setPen(QUIET_TEXT)
        words_metrics = QFontMetrics(base)
        mark = words_metrics.height()
        words_height = card.bottom() - pad * 0.6 - mark - y
        if item.plain_words and words_height > words_metrics.height() * 0.9:
            lines = max(1, int(words_height // words_metrics.lineSpacing()))
            painter.drawText(
                place(QRectF(text_left, y, width, lines * words_metrics.lineSpacing())),
                Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                _own_direction(_elide_lines(item.plain_words, words_metrics, int(width), lines), rtl),
            )

        mark_top = card.bottom() - pad * 0.6 - mark
        draw_kind_mark(painter, place(QRectF(text_left, mark_top, mark, mark)), item.kind)
        painter.setFont(small)
        painter.setPen(TEXT)
        painter.drawText(
            place(QRectF(text_left + mark * 1.3, mark_top, width, mark)),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            _(ITEM_KIND_NAMES[item.kind]),
        )

        right = place(QRectF(text_right, card.top() + pad * 0.8, time_width - pad, card.height()))
        painter.setFont(time_font)
        painter.drawText(right, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, format_clock(start) if start else "–")
        painter.setFont(base)
        painter.drawText(
            right.adjusted(0, title_metrics.height(), 0, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            _own_direction(minutes_text, rtl),
        )
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(TEXT, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(3, 3, -3, -3), 6, 6)
        painter.restore()


def _elide_lines(text: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """The text cut to fit in ``lines`` wrapped lines, ending with "…" when cut."""
    words = text.split()
    shown: list[str] = []
    current = ""
    for n, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if metrics.horizontalAdvance(trial) <= width or not current:
            current = trial
            continue
        shown.append(current)
        current = word
        if len(shown) == lines:
            last = shown[-1] + " " + " ".join(words[n:])
            shown[-1] = metrics.elidedText(last, Qt.TextElideMode.ElideRight, width)
            return "\n".join(shown)
    shown.append(current)
    return "\n".join(shown[:lines])


def _own_direction(text: str, rtl: bool) -> str:
    """Words written left to right keep their own order (the full stop at their end) in a right-to-left app."""
    if not rtl or not text:
        return text
    for letter in text:
        kind = unicodedata.bidirectional(letter)
        if kind in ("R", "AL"):
            return text
        if kind == "L":
            return "\n".join(LEFT_TO_RIGHT_EMBEDDING + line + POP_DIRECTION for line in text.split("\n"))
    return text


LEFT_TO_RIGHT_EMBEDDING, POP_DIRECTION = "\u202a", "\u202c"
