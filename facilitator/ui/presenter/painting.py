"""Drawing a participant screen: big, calm and clear, from a ``Screen`` description.

``lay_out`` works out where everything goes and how big the words can be (the
slow part, done once per screen and size); ``paint`` draws a laid-out screen
with the timer as it is now (fast, done on every tick). The live view and
``facilitator slides`` both use these two, so a saved picture is what the room saw.

Sizes follow ../shared/EASYREAD.md: the title is at least 1/20 of the screen
height and anything people must read at least 1/40. Words that do not fit get
smaller within those limits, then wrap (never inside a word); a title still too
long at 1/20 is cut short at a word with "…", and ``Layout.cut`` says so (the
console then asks for a shorter title).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QTextCharFormat, QTextLayout, QTextOption

from facilitator.session.run import Phase, TimerState
from facilitator.session.screens import Kind, Screen, Step
from facilitator.session.themes import Theme
from facilitator.ui.presenter.fitting import (
    HEADING_SIZE,
    READ_SMALLEST,
    STRIP_TEXT,
    TIMER_TEXT,
    TITLE_LARGEST,
    TITLE_SMALLEST,
    WORDS_LARGEST,
    WRAP,
    CountCell,
    Layout,
    Reading,
    StripCell,
    Text,
    fit,
    fitted,
    fitted_together,
    font,
    reading_side,
)
from facilitator.ui.presenter.timer_painting import countdown_words, paint_timer, timer_area, timer_words

# Kept here for those who draw screens: the parts of a layout, and the timer's corner.
__all__ = [
    "Layout", "Reading", "Text", "TITLE_LARGEST", "WRAP", "font", "lay_out", "paint", "paint_timer", "timer_area",
]


def lay_out(screen: Screen, width: int, height: int, scale: float = 1.0, rtl: bool = False) -> Layout:
    """Place a screen's parts in a ``width`` x ``height`` picture; ``scale`` makes words bigger.

    A bigger text size starts every text bigger and gives the words more of the
    screen: the pictures get smaller as the words get bigger.
    """
    layout = Layout(width, height, rtl=rtl)
    if screen.kind is Kind.BLANK:
        return layout
    h = float(height)
    margin = round(h * 0.045)
    area = QRectF(margin, margin, width - 2 * margin, height - 2 * margin)
    if screen.strip:
        strip_height = h * 0.2 / scale**0.5  # its pictures get smaller, its words keep their room
        _lay_out_strip(layout, screen, QRectF(area.left(), area.bottom() - strip_height, area.width(), strip_height), h, scale, rtl)
        area.setBottom(area.bottom() - strip_height - margin * 0.6)
    if screen.kind is Kind.BREAK:
        _lay_out_break(layout, screen, area, h, scale, rtl)
    elif screen.kind is Kind.RESULT:
        _lay_out_result(layout, screen, area, h, scale, rtl)
    else:
        _lay_out_main(layout, screen, area, h, scale, margin, rtl)
    return layout


def _heading(layout: Layout, screen: Screen, area: QRectF, y: float, h: float, align: Qt.AlignmentFlag) -> float:
    """The short line over the title; where the next text can start.

    It keeps its size at every text size, so a bigger text size never leaves the title and words less room.
    """
    size = h * HEADING_SIZE
    made, height, _cut = fit(screen.heading, area.width(), h * 0.2, size, h * TITLE_SMALLEST, font(size, bold=True))
    layout.texts.append(Text(screen.heading, made, QRectF(area.left(), y, area.width(), height), align, quiet=True, key="heading"))
    return y + height


def _lay_out_main(layout: Layout, screen: Screen, area: QRectF, h: float, scale: float, margin: float, rtl: bool) -> None:
    picture_side = min(area.height(), area.width() * 0.34, h * 0.5) / scale
    text_area = QRectF(area)
    if screen.pictures:
        top = area.top() + (area.height() - picture_side) / 2
        left = area.right() - picture_side if rtl else area.left()
        layout.pictures.append((screen.pictures[0], QRectF(left, top, picture_side, picture_side)))
        if rtl:
            text_area.setRight(left - margin)
        else:
            text_area.setLeft(left + picture_side + margin)
    if screen.timer:
        timer_side = min(h * 0.24, area.height() * 0.5)
        column = timer_side * 1.35 * scale**0.5  # wider for bigger words, so that its lines do not wrap
        timer_side /= scale**0.5
        words_height = area.height() - timer_side - h * 0.015
        # Big enough to read, small enough that the longest thing the timer says fits under it, a line each.
        longest = timer_words(TimerState(6000, 5940, Phase.NEARLY)).replace(" ", "\u00a0")
        largest = max(h * TIMER_TEXT * scale, h * READ_SMALLEST)
        timer_font, needed, _cut = fit(longest, column, words_height, largest, h * READ_SMALLEST, font(largest, bold=True))
        words_height = min(words_height, needed * 1.2)
        x = area.left() if rtl else area.right() - timer_side
        layout.timer = QRectF(x, area.top(), timer_side, timer_side)
        words_x = area.left() if rtl else area.right() - column
        layout.timer_words = QRectF(words_x, area.top() + timer_side + h * 0.015, column, words_height)
        layout.timer_font = timer_font
        if rtl:
            text_area.setLeft(words_x + column + margin * 0.6)
        else:
            text_area.setRight(words_x - margin * 0.6)
    align = reading_side(rtl) | Qt.AlignmentFlag.AlignTop
    y = text_area.top()
    if screen.heading:
        y = _heading(layout, screen, text_area, y, h, align) + h * 0.02
    bottom = text_area.bottom()
    title_size = max(h * TITLE_LARGEST * scale, h * TITLE_SMALLEST)
    words_size = max(h * WORDS_LARGEST * scale, h * READ_SMALLEST)
    room = QRectF(text_area.left(), y, text_area.width(), bottom - y)
    together = None
    if screen.words.strip():
        # Title and words grow and shrink together, so a bigger text size makes both bigger.
        together = fitted_together(
            screen.title, screen.words, room, (title_size, words_size), (h * TITLE_SMALLEST, h * READ_SMALLEST * 1.2),
            h * 0.03, align,
        )
    if together is not None:
        title, words = together
        layout.texts += [title, words]
        layout.title = title
        y = words.rect.bottom()
    else:
        # Too much to fit together: the title keeps more than half the room, the words what is left.
        title_room = room.height() * (0.55 if screen.words.strip() else 1.0)
        title, layout.cut = fitted(screen.title, QRectF(room.left(), y, room.width(), title_room), title_size, h * TITLE_SMALLEST, align, bold=True)
        title.key = "title"
        layout.texts.append(title)
        layout.title = title
        y += title.rect.height() + h * 0.03
        if screen.words.strip():
            words, _cut = fitted(screen.words, QRectF(room.left(), y, room.width(), bottom - y), words_size, h * READ_SMALLEST * 1.2, align, floor=h * READ_SMALLEST)
            words.key = "words"
            layout.texts.append(words)
            y += words.rect.height()
    # The words sit in the middle of the height, beside the picture, not stuck to the top.
    spare = (bottom - y) / 2
    if spare > 0:
        for text in layout.texts:
            text.rect.translate(0, spare)


def _lay_out_break(layout: Layout, screen: Screen, area: QRectF, h: float, scale: float, rtl: bool) -> None:
    """The countdown, the minutes left and the time now, and the pictures in a row; under them the title and
    when to come back."""
    picture_side = min(area.height() * 0.38, area.width() * 0.22) / scale
    gap = picture_side * 0.25
    row: list[tuple[str, float]] = []  # ("timer" | "words" | a picture, its width), in reading order
    if screen.timer:
        row.append(("timer", picture_side))
        # Big enough to read, small enough for the longest thing it says, beside the countdown.
        largest = max(h * WORDS_LARGEST * scale, h * READ_SMALLEST)
        room = area.width() - (len(screen.pictures) + 1) * (picture_side + gap)
        longest = [countdown_words(TimerState(60000, 59940, Phase.RUNNING, dt.time(23, 59))),
                   countdown_words(TimerState(60, -60, Phase.OVER, dt.time(23, 59)))]
        made = font(largest, bold=True)
        for words in longest:
            made, _needed, _cut = fit(words, room, picture_side, made.pixelSize(), h * READ_SMALLEST * 1.2, made, floor=h * READ_SMALLEST)
        metrics = QFontMetricsF(made)
        words_width = min(room, max(metrics.horizontalAdvance(line) for words in longest for line in words.splitlines()) * 1.02)
        layout.timer_font = made
        layout.countdown = True
        row.append(("words", words_width))
    row += [(ref, picture_side) for ref in screen.pictures]
    total = sum(width for _part, width in row) + gap * (len(row) - 1)
    x = area.center().x() - total / 2
    for part, width in reversed(row) if rtl else row:
        rect = QRectF(x, area.top(), width, picture_side)
        if part == "timer":
            layout.timer = rect
        elif part == "words":
            layout.timer_words = rect
        else:
            layout.pictures.append((part, rect))
        x += width + gap
    y = area.top() + picture_side + h * 0.04
    centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    room = area.bottom() - y
    largest = max(h * TITLE_LARGEST * scale, h * TITLE_SMALLEST)
    title, cut = fitted(screen.title, QRectF(area.left(), y, area.width(), room * 0.5), largest, h * TITLE_SMALLEST, centre, bold=True)
    layout.texts.append(title)
    layout.title, layout.cut = title, cut
    y += title.rect.height() + h * 0.02
    if screen.words:
        words_font, words_height, _cut = fit(screen.words, area.width(), area.bottom() - y, largest, h * TITLE_SMALLEST, font(largest, bold=True))
        layout.texts.append(Text(screen.words, words_font, QRectF(area.left(), y, area.width(), words_height), centre))
        y += words_height
    # All of it sits in the middle of the height.
    spare = (area.bottom() - y) / 2
    if spare > 0:
        for rect in [text.rect for text in layout.texts] + [rect for _ref, rect in layout.pictures] + [layout.timer, layout.timer_words]:
            if rect is not None:
                rect.translate(0, spare)


def _lay_out_result(layout: Layout, screen: Screen, area: QRectF, h: float, scale: float, rtl: bool) -> None:
    """The decision at the top, then a card for each answer: picture, a big number, its words."""
    align = reading_side(rtl) | Qt.AlignmentFlag.AlignTop
    y = area.top()
    if screen.heading:
        y = _heading(layout, screen, area, y, h, align) + h * 0.015
    largest = max(h * WORDS_LARGEST * scale, h * TITLE_SMALLEST)
    title, cut = fitted(screen.title, QRectF(area.left(), y, area.width(), h * 0.22 * scale), largest, h * TITLE_SMALLEST, align, bold=True)
    title.key = "title"
    layout.texts.append(title)
    layout.title, layout.cut = title, cut
    y += title.rect.height() + h * 0.04
    count = len(screen.counts)
    if not count:
        return
    gap = h * 0.03
    cell_width = min((area.width() - gap * (count - 1)) / count, h * 0.5)
    cell_height = area.bottom() - y
    left = area.center().x() - (count * cell_width + (count - 1) * gap) / 2
    picture_side = min(cell_width * 0.7, cell_height * 0.45) / scale
    number_height = cell_height * 0.3
    for n, answer in enumerate(screen.counts):
        index = count - 1 - n if rtl else n
        cell = QRectF(left + index * (cell_width + gap), y, cell_width, cell_height)
        picture = QRectF(cell.center().x() - picture_side / 2, cell.top() + cell_height * 0.05, picture_side, picture_side)
        inner = cell.adjusted(cell_width * 0.05, 0, -cell_width * 0.05, 0)
        number_rect = QRectF(inner.left(), picture.bottom() + h * 0.01, inner.width(), number_height)
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        number, _cut = fitted(str(answer.count), number_rect, number_height * 0.9, h * TITLE_SMALLEST, centre, bold=True)
        number.key = f"number{n}"
        words_rect = QRectF(inner.left(), number.rect.bottom(), inner.width(), cell.bottom() - number.rect.bottom() - h * 0.01)
        words, _cut = fitted(answer.words, words_rect, h * WORDS_LARGEST * scale, h * READ_SMALLEST, centre, floor=h * READ_SMALLEST)
        words.key = f"count{n}"
        layout.counts.append(CountCell(cell, picture, answer.picture, number, words, answer.most))


def _lay_out_strip(layout: Layout, screen: Screen, rect: QRectF, h: float, scale: float, rtl: bool) -> None:
    count = len(screen.strip)
    gap = h * 0.015
    room = rect.width() - h * 0.08  # room for the "more" marks at both ends
    cell_width = min((room - gap * (count - 1)) / count, rect.width() * 0.2)
    total = count * cell_width + (count - 1) * gap
    left = rect.center().x() - total / 2
    picture_side = rect.height() * 0.42 / scale
    for n, step in enumerate(screen.strip):
        index = count - 1 - n if rtl else n
        cell = QRectF(left + index * (cell_width + gap), rect.top(), cell_width, rect.height())
        picture = QRectF(cell.center().x() - picture_side / 2, cell.top() + rect.height() * 0.06, picture_side, picture_side)
        label_rect = QRectF(cell.left() + gap / 2, picture.bottom() + h * 0.006, cell.width() - gap, cell.bottom() - picture.bottom() - h * 0.01)
        label, _cut = fitted(step.title, label_rect, h * STRIP_TEXT * scale, h * READ_SMALLEST, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        label.rect = label_rect
        label.quiet = step.step is not Step.NOW
        layout.strip.append(StripCell(cell, picture, step.picture, step.step, label))
    # Every label at the size of the one that had the least room, so the strip reads as one row.
    smallest = min((cell.label.font.pixelSize() for cell in layout.strip), default=0)
    for cell in layout.strip:
        if cell.label.font.pixelSize() > smallest:
            refitted, _cut = fitted(cell.label.text, cell.label.rect, smallest, h * READ_SMALLEST, cell.label.align)
            cell.label.font = refitted.font
    mark_y = rect.top() + rect.height() * 0.31
    if screen.more_before:
        layout.strip_more.append((QPointF(rect.right() - h * 0.03 if rtl else rect.left() + h * 0.01, mark_y), "…"))
    if screen.more_after:
        layout.strip_more.append((QPointF(rect.left() + h * 0.01 if rtl else rect.right() - h * 0.03, mark_y), "…"))


# -- painting ---------------------------------------------------------------------


def paint(painter: QPainter, layout: Layout, theme: Theme, picture, timer: TimerState | None = None, reading: Reading | None = None) -> None:
    """Draw a laid-out screen. ``picture(ref, side)`` gives a QPixmap of a picture (cached by the caller).

    The words being read aloud are lit up in the theme's highlight colours.
    """
    painter.fillRect(QRect(0, 0, layout.width, layout.height), QColor(theme.background))
    # The screen's own direction (the workshop's language), not the app's: it sets the order of mixed words.
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if layout.rtl else Qt.LayoutDirection.LeftToRight)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for ref, rect in layout.pictures:
        _draw_picture(painter, rect, ref, theme, picture)
    for text in layout.texts:
        _draw_text(painter, text, theme, reading if reading is not None and reading.key == text.key else None)
    _paint_strip(painter, layout, theme, picture)
    _paint_counts(painter, layout, theme, picture, reading)
    if layout.timer is not None and timer is not None:
        paint_timer(painter, layout, theme, timer)


def _draw_picture(painter: QPainter, rect: QRectF, ref: str, theme: Theme, picture, faded: bool = False) -> None:
    """A picture on a light rounded card, so its dark outlines show on every theme."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.picture_card))
    painter.drawRoundedRect(rect, rect.width() * 0.12, rect.width() * 0.12)
    inner = rect.adjusted(rect.width() * 0.08, rect.height() * 0.08, -rect.width() * 0.08, -rect.height() * 0.08)
    painter.setOpacity(0.55 if faded else 1.0)
    painter.drawPixmap(inner.toRect(), picture(ref, round(inner.width())))
    painter.setOpacity(1.0)


def _draw_text(painter: QPainter, text: Text, theme: Theme, reading: Reading | None = None) -> None:
    if reading is None:
        painter.setFont(text.font)
        painter.setPen(QColor(theme.quiet if text.quiet else theme.text))
        painter.drawText(text.rect, int(text.align) | WRAP, text.text)
        return
    # Laid out line by line as drawText does, so the words stay where they were and only change colour.
    shown = text.text.replace("\n", "\u2028")
    lines = QTextLayout(shown, text.font, painter.device())
    option = QTextOption(text.align & Qt.AlignmentFlag.AlignHorizontal_Mask)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    option.setTextDirection(painter.layoutDirection())
    lines.setTextOption(option)
    leading = QFontMetricsF(text.font).leading()
    lines.beginLayout()
    y = 0.0
    while True:
        line = lines.createLine()
        if not line.isValid():
            break
        line.setLineWidth(text.rect.width())
        line.setPosition(QPointF(0, y))
        y += line.height() + leading
    lines.endLayout()
    start, length = (reading.start, reading.length) if text.whole else (0, len(shown))
    lit = QTextLayout.FormatRange()
    lit.start, lit.length = max(0, start), max(0, min(length, len(shown) - start))
    lit.format = QTextCharFormat()
    lit.format.setBackground(QColor(theme.highlight))
    lit.format.setForeground(QColor(theme.highlight_text))
    painter.setPen(QColor(theme.quiet if text.quiet else theme.text))
    lines.draw(painter, text.rect.topLeft(), [lit])


def _paint_strip(painter: QPainter, layout: Layout, theme: Theme, picture) -> None:
    if not layout.strip:
        return
    h = layout.height
    for cell in layout.strip:
        if cell.step is Step.NOW:
            pen = QPen(QColor(theme.timer), max(3.0, h * 0.007))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(cell.rect.adjusted(pen.widthF() / 2, pen.widthF() / 2, -pen.widthF() / 2, -pen.widthF() / 2), h * 0.015, h * 0.015)
        _draw_picture(painter, cell.picture, cell.picture_ref, theme, picture, faded=cell.step is Step.PAST)
        if cell.step is Step.PAST:
            _tick(painter, cell.picture, theme)
        _draw_text(painter, cell.label, theme)
    painter.setFont(font(h * STRIP_TEXT, bold=True))
    painter.setPen(QColor(theme.quiet))
    for point, mark in layout.strip_more:
        painter.drawText(point, mark)


def _paint_counts(painter: QPainter, layout: Layout, theme: Theme, picture, reading: Reading | None) -> None:
    """Each answer's card; the answer most people gave has a thick frame and a tick (a shape, not only a colour)."""
    h = layout.height
    for cell in layout.counts:
        if cell.most:
            pen = QPen(QColor(theme.timer), max(4.0, h * 0.009))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(cell.rect.adjusted(pen.widthF() / 2, pen.widthF() / 2, -pen.widthF() / 2, -pen.widthF() / 2), h * 0.02, h * 0.02)
        _draw_picture(painter, cell.picture, cell.picture_ref, theme, picture)
        if cell.most:
            _tick(painter, cell.picture, theme)
        for text in (cell.number, cell.words):
            _draw_text(painter, text, theme, reading if reading is not None and reading.key == text.key else None)


def _tick(painter: QPainter, rect: QRectF, theme: Theme) -> None:
    """A tick in a circle at the picture's corner: this item is done (a shape, not only a colour)."""
    side = rect.width() * 0.42
    badge = QRectF(rect.right() - side * 0.8, rect.bottom() - side * 0.8, side, side)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.timer))
    painter.drawEllipse(badge)
    pen = QPen(QColor(theme.background), side * 0.13, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    path = QPainterPath(QPointF(badge.left() + side * 0.27, badge.top() + side * 0.52))
    path.lineTo(badge.left() + side * 0.44, badge.top() + side * 0.68)
    path.lineTo(badge.left() + side * 0.74, badge.top() + side * 0.34)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
