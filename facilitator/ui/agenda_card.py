"""Draws one agenda item as a card: picture on the left, big title, plain words, times.

Sizes follow the widget's font, so the planner's zoom makes the cards bigger.
The kind shows as a coloured shape *and* its name; the start time and minutes
sit on the right where the eye finds them, always whole: the words beside them
wrap at word boundaries, and a card is as tall as its words need.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from facilitator.core.model import ITEM_KIND_NAMES, AgendaItem, ItemKind
from facilitator.i18n import _, format_clock, format_minutes
from facilitator.ui.agenda_model import ITEM_ROLE, START_ROLE
from facilitator.ui.colours import PART_AIM, TEXT_AIM, Role, quiet, reaching
from facilitator.ui.focus_ring import DRAWS_OWN_CURRENT
from facilitator.ui.kinds import draw_kind_mark, kind_colour, kind_tint
from facilitator.ui.pictures import PictureStore

QUIET_AIM = 7.0  # the plain words are quieter than the title, and still well above 4.5:1
FOCUS_WIDTH = 3  # the ring inside the current card while the cards have the focus
CHOSEN_WIDTH = 4  # the chosen card's border
TITLE_LINES = 3  # a longer title ends with "…" after its last whole word
WORDS_LINES = 5
ELLIPSIS = "…"


@dataclass
class CardLayout:
    """Where each part of one card goes, as drawn (mirrored when the app reads right to left)."""

    item: AgendaItem
    rtl: bool
    card: QRectF
    stripe: QRectF
    picture: QRectF
    text_width: float
    title_font: QFont
    title_lines: list[str]
    title_rects: list[QRectF]
    words_font: QFont
    words_lines: list[str]
    words_rects: list[QRectF]
    kind_font: QFont
    kind_text: str
    kind_mark: QRectF
    kind_rect: QRectF
    time_font: QFont
    time: str
    time_rect: QRectF
    minutes_font: QFont
    minutes: str
    minutes_rect: QRectF
    height: int = field(default=0)  # the whole row, margins too


def card_fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    """The title (and start time) font, the words font and the small font of the kind's name."""
    title = QFont(base)
    title.setPointSizeF(base.pointSizeF() * 1.35)
    title.setBold(True)
    small = QFont(base)
    small.setPointSizeF(base.pointSizeF() * 0.9)
    return title, QFont(base), small


def measures(font: QFont) -> tuple[int, int]:
    """The picture's size and the padding, from the words' line height."""
    line = math.ceil(QFontMetricsF(font).lineSpacing())
    return line * 5, max(6, line // 2)


def _time_width(title: QFont, base: QFont, time: str, minutes: str, pad: int) -> float:
    """The right-hand column: room for the start time and the minutes, whole."""
    clock = QFontMetricsF(title)
    return math.ceil(max(clock.horizontalAdvance(time), clock.horizontalAdvance("00:00"),
                         QFontMetricsF(base).horizontalAdvance(minutes))) + 2 * pad


def narrowest_card(font: QFont) -> int:
    """The narrowest a card may be and still show a long time and a few words a line beside it."""
    picture, pad = measures(font)
    title, base, _small = card_fonts(font)
    words = QFontMetricsF(base).averageCharWidth() * 12
    time = _time_width(title, base, "00:00", format_minutes(150), pad)
    return math.ceil(3 + 2 * pad + picture * 3 / 5 + pad + words + time + 3)


def lay_out_card(item: AgendaItem, start, rect: QRect | QRectF, font: QFont, rtl: bool = False) -> CardLayout:
    """Lay out ``item`` in ``rect`` (a row of the list): its height grows with its words, never its width."""
    picture_size, pad = measures(font)
    title_font, words_font, kind_font = card_fonts(font)
    title_metrics, words_metrics = QFontMetricsF(title_font), QFontMetricsF(words_font)
    time = format_clock(start) if start else "–"
    minutes = format_minutes(item.minutes)
    card = QRectF(rect).adjusted(3, 3, -3, -3)
    time_width = _time_width(title_font, words_font, time, minutes, pad)

    stripe = QRectF(card.left(), card.top(), pad, card.height())
    picture_left = stripe.right() + pad
    text_right = card.right() - time_width
    # A narrow card gives up some of its picture (down to 3 lines high) before its title gets
    # fewer than about 16 letters a line.
    wanted_words = title_metrics.averageCharWidth() * 16
    squeeze = wanted_words - (text_right - (picture_left + picture_size + pad))
    if squeeze > 0:
        picture_size = max(picture_size * 3 // 5, picture_size - math.ceil(squeeze))
    text_left = picture_left + picture_size + pad
    text_width = max(10.0, text_right - text_left)

    title_lines = wrap_at_words(item.title, title_metrics, text_width, TITLE_LINES)
    words_lines = wrap_at_words(item.plain_words, words_metrics, text_width, WORDS_LINES) if item.plain_words else []
    y = card.top() + pad * 0.8
    title_rects = []
    for _line in title_lines:
        title_rects.append(QRectF(text_left, y, text_width, title_metrics.height()))
        y += title_metrics.lineSpacing()
    words_rects = []
    for _line in words_lines:
        words_rects.append(QRectF(text_left, y, text_width, words_metrics.height()))
        y += words_metrics.lineSpacing()
    mark = words_metrics.height()
    needed = max(picture_size + 2 * pad, y + pad * 0.3 + mark + pad * 0.6 - card.top())
    height = math.ceil(needed) + 6
    if card.height() < needed:  # being measured: the card is as tall as it needs
        card.setHeight(needed)
        stripe.setHeight(needed)

    picture = QRectF(picture_left, card.top() + (card.height() - picture_size) / 2, picture_size, picture_size)
    mark_top = card.bottom() - pad * 0.6 - mark
    kind_mark = QRectF(text_left, mark_top, mark, mark)
    kind_rect = QRectF(text_left + mark * 1.3, mark_top, max(10.0, text_width - mark * 1.3), mark)
    kind_text = wrap_at_words(_(ITEM_KIND_NAMES[item.kind]), QFontMetricsF(kind_font), kind_rect.width(), 1)[0]
    column = time_width - pad
    time_rect = QRectF(text_right, card.top() + pad * 0.8, column, title_metrics.height())
    minutes_rect = QRectF(text_right, time_rect.bottom(), column, words_metrics.height())

    def placed(box: QRectF) -> QRectF:
        """A box laid out left to right, mirrored in the card when the app reads right to left."""
        if not rtl:
            return box
        return QRectF(card.left() + card.right() - box.right(), box.top(), box.width(), box.height())

    return CardLayout(
        item=item, rtl=rtl, card=card, stripe=placed(stripe), picture=placed(picture), text_width=text_width,
        title_font=title_font, title_lines=title_lines, title_rects=[placed(r) for r in title_rects],
        words_font=words_font, words_lines=words_lines, words_rects=[placed(r) for r in words_rects],
        kind_font=kind_font, kind_text=kind_text, kind_mark=placed(kind_mark), kind_rect=placed(kind_rect),
        time_font=title_font, time=time, time_rect=placed(time_rect),
        minutes_font=words_font, minutes=minutes, minutes_rect=placed(minutes_rect), height=height,
    )


@dataclass(frozen=True)
class CardColours:
    """A card's colours in one palette: its words reach 4.5:1 on it and its borders 3:1 on it and the list."""

    background: QColor
    text: QColor
    quiet_text: QColor
    border: QColor
    chosen_border: QColor
    focus: QColor


def card_colours(palette: QPalette, kind: ItemKind) -> CardColours:
    """The colours of a card of ``kind`` in ``palette``: they follow it (a dark palette has dark cards)."""
    return _card_colours(palette.color(Role.Base).rgb(), palette.color(Role.Text).rgb(),
                         palette.color(Role.Highlight).rgb(), kind)


@lru_cache(maxsize=128)
def _card_colours(base_rgb: int, text_rgb: int, highlight_rgb: int, kind: ItemKind) -> CardColours:
    base, text, highlight = QColor.fromRgb(base_rgb), QColor.fromRgb(text_rgb), QColor.fromRgb(highlight_rgb)
    background = kind_tint(kind, base)
    text = reaching(text, [background], TEXT_AIM)
    return CardColours(
        background=background, text=text, quiet_text=quiet(text, background, QUIET_AIM),
        border=reaching(quiet(text, base, PART_AIM), [base, background], PART_AIM),
        chosen_border=reaching(highlight, [base, background], PART_AIM),
        focus=text,  # the words' own colour: 4.5:1 on the card, whether it is chosen or not
    )


class AgendaCardDelegate(QStyledItemDelegate):
    def __init__(self, pictures: PictureStore, parent=None):
        super().__init__(parent)
        self.pictures = pictures

    def card_layout(self, option: QStyleOptionViewItem, index: QModelIndex) -> CardLayout | None:
        item: AgendaItem = index.data(ITEM_ROLE)
        if item is None:
            return None
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        return lay_out_card(item, index.data(START_ROLE), option.rect, option.font, rtl)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 (Qt's name)
        view = option.widget
        width = view.viewport().width() - 2 * view.spacing() if isinstance(view, QListView) else option.rect.width()
        width = max(width, narrowest_card(option.font))
        item: AgendaItem = index.data(ITEM_ROLE)
        if item is None:
            return QSize(width, 0)
        laid_out = lay_out_card(item, index.data(START_ROLE), QRectF(0, 0, width, 0), option.font)
        return QSize(width, laid_out.height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        card = self.card_layout(option, index)
        if card is None:
            return
        item = card.item
        rtl = card.rtl
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colours = card_colours(option.palette, item.kind)
        painter.setPen(QPen(colours.chosen_border, CHOSEN_WIDTH) if selected else QPen(colours.border, 1))
        painter.setBrush(colours.background)
        painter.drawRoundedRect(card.card, 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(kind_colour(item.kind))
        inset = 2 if selected else 0
        painter.drawRoundedRect(card.stripe.adjusted(inset if not rtl else 0, inset, -inset if rtl else 0, -inset), 4, 4)

        ref = self.pictures.ref_for(item.picture, item.kind)
        spot = card.picture
        painter.drawPixmap(int(spot.left()), int(spot.top()), self.pictures.pixmap(ref, int(spot.width())))

        painter.setPen(colours.text)
        painter.setFont(card.title_font)
        for line, box in zip(card.title_lines, card.title_rects, strict=True):
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, _own_direction(line, rtl))
        painter.setFont(card.words_font)
        painter.setPen(colours.quiet_text)
        for line, box in zip(card.words_lines, card.words_rects, strict=True):
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, _own_direction(line, rtl))

        draw_kind_mark(painter, card.kind_mark, item.kind, colours.text)
        painter.setFont(card.kind_font)
        painter.setPen(colours.text)
        painter.drawText(card.kind_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, card.kind_text)

        painter.setFont(card.time_font)
        painter.drawText(card.time_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, card.time)
        painter.setFont(card.minutes_font)
        painter.drawText(card.minutes_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         _own_direction(card.minutes, rtl))
        if option.state & QStyle.StateFlag.State_HasFocus:
            # A solid ring inside the border (the chosen card's border stays as it is): the words' colour.
            painter.setPen(QPen(colours.focus, FOCUS_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = CHOSEN_WIDTH / 2 + 1 + FOCUS_WIDTH / 2
            painter.drawRoundedRect(card.card.adjusted(inset, inset, -inset, -inset), 6, 6)
        painter.restore()


class AgendaCards(QListView):
    """The cards, one under the other, each as wide as the list: never a sideways scroll bar. A card is
    as tall as its words need at that width, so cards are laid out again when the width or the words
    change."""

    def __init__(self, pictures: PictureStore, parent=None):
        super().__init__(parent)
        self.setItemDelegate(AgendaCardDelegate(pictures, self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setProperty(DRAWS_OWN_CURRENT, True)  # the current card's ring is drawn by the card (ui/focus_ring.py)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        edges = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width() + 2 * self.spacing()
        return QSize(narrowest_card(self.font()) + edges, super().minimumSizeHint().height())

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:  # noqa: N802 (Qt's name)
        super().dataChanged(top_left, bottom_right, roles)
        self.scheduleDelayedItemsLayout()  # a longer title may need another line

    def card_layout(self, row: int) -> CardLayout | None:
        """How the card in ``row`` is laid out where it is now (for tests and screen checks)."""
        index = self.model().index(row, 0)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        return self.itemDelegate().card_layout(option, index)


def wrap_at_words(text: str, metrics: QFontMetricsF, width: float, most: int) -> list[str]:
    """``text`` in lines no wider than ``width``, broken only between words; at most ``most`` lines, the
    last ending with "…" after a whole word when there is more. A single word wider than a whole
    line is the one thing cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}" if current else word
            if current and metrics.horizontalAdvance(trial) > width:
                lines.append(current)
                current = word
                if len(lines) > most:
                    break  # enough to know there is more: the rest of a long text is never shown
            else:
                current = trial
        if current and len(lines) <= most:
            lines.append(current)
        if len(lines) > most:
            break
    lines = [line if metrics.horizontalAdvance(line) <= width else
             metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
    if len(lines) <= most:
        return lines or [""]
    kept = lines[:most]
    last = kept[-1]
    while " " in last and metrics.horizontalAdvance(last + ELLIPSIS) > width:
        last = last.rsplit(" ", 1)[0]
    kept[-1] = last + ELLIPSIS if metrics.horizontalAdvance(last + ELLIPSIS) <= width else \
        metrics.elidedText(last, Qt.TextElideMode.ElideRight, width)
    return kept


def _own_direction(text: str, rtl: bool) -> str:
    """Words written left to right keep their own order (the full stop at their end) in a right-to-left app."""
    if not rtl or not text:
        return text
    for letter in text:
        kind = unicodedata.bidirectional(letter)
        if kind in ("R", "AL"):
            return text
        if kind == "L":
            return LEFT_TO_RIGHT_EMBEDDING + text + POP_DIRECTION
    return text


LEFT_TO_RIGHT_EMBEDDING, POP_DIRECTION = "\u202a", "\u202c"
