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

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from facilitator.i18n import _, ngettext
from facilitator.session.run import Phase, TimerState
from facilitator.session.screens import Kind, Screen, Step
from facilitator.session.themes import Theme
from facilitator.ui.fonts import ARABIC, LATIN, add_own_fonts

# The app's own font first. Letters it lacks come from the next family that has them: Arabic from the computer's
# usual fonts as before (their lines sit closer than Noto Sans Arabic's), and from the app's own Arabic font when
# the computer has none.
FONT_FAMILIES = [LATIN, "Atkinson Hyperlegible", "Noto Sans", "DejaVu Sans", "Arial", ARABIC]
TITLE_SMALLEST = 1 / 20  # of the screen height
READ_SMALLEST = 1 / 40
TITLE_LARGEST = 1 / 9
WORDS_LARGEST = 1 / 15
HEADING_SIZE = 1 / 16
STRIP_TEXT = 1 / 34
TIMER_TEXT = 1 / 24
WRAP = Qt.TextFlag.TextWordWrap


def font(pixels: float, bold: bool = False) -> QFont:
    add_own_fonts()
    made = QFont()
    made.setFamilies(FONT_FAMILIES)
    made.setPixelSize(max(1, round(pixels)))
    made.setBold(bold)
    made.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return made


@dataclass
class Text:
    text: str
    font: QFont
    rect: QRectF
    align: Qt.AlignmentFlag
    quiet: bool = False
    key: str = ""  # which part of the screen: "heading", "title" or "words", as read aloud
    whole: bool = True  # the text is all there (not cut short), so places in it match the screen's


@dataclass(frozen=True)
class Reading:
    """What is being read aloud: ``length`` characters at ``start`` of the text ``key``."""

    key: str
    start: int
    length: int


@dataclass
class StripCell:
    rect: QRectF
    picture: QRectF
    picture_ref: str
    step: Step
    label: Text


@dataclass
class CountCell:
    """One answer of a result: a card round its picture, its number and its words."""

    rect: QRectF
    picture: QRectF
    picture_ref: str
    number: Text
    words: Text
    most: bool


@dataclass
class Layout:
    """Where everything goes on one screen of one size."""

    width: int
    height: int
    texts: list[Text] = field(default_factory=list)
    pictures: list[tuple[str, QRectF]] = field(default_factory=list)
    timer: QRectF | None = None
    timer_words: QRectF | None = None
    timer_font: QFont | None = None
    strip: list[StripCell] = field(default_factory=list)
    strip_more: list[tuple[QPointF, str]] = field(default_factory=list)
    counts: list[CountCell] = field(default_factory=list)
    title: Text | None = None
    cut: bool = False  # the title was too long for the screen and was cut short
    rtl: bool = False  # the screen reads right to left, whichever way the app's own windows read


def _side(rtl: bool) -> Qt.AlignmentFlag:
    """Words against the right edge for right to left, else the left; "absolute" so that Qt does not mirror
    them a second time when the app's own windows are right to left too."""
    return (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute


def lay_out(screen: Screen, width: int, height: int, scale: float = 1.0, rtl: bool = False) -> Layout:
    """Place a screen's parts in a ``width`` x ``height`` picture; ``scale`` makes words bigger."""
    layout = Layout(width, height, rtl=rtl)
    if screen.kind is Kind.BLANK:
        return layout
    h = float(height)
    margin = round(h * 0.045)
    area = QRectF(margin, margin, width - 2 * margin, height - 2 * margin)
    if screen.strip:
        strip_height = h * 0.2
        _lay_out_strip(layout, screen, QRectF(area.left(), area.bottom() - strip_height, area.width(), strip_height), h, rtl)
        area.setBottom(area.bottom() - strip_height - margin * 0.6)
    if screen.kind is Kind.BREAK:
        _lay_out_break(layout, screen, area, h, scale)
    elif screen.kind is Kind.RESULT:
        _lay_out_result(layout, screen, area, h, scale, rtl)
    else:
        _lay_out_main(layout, screen, area, h, scale, margin, rtl)
    return layout


def _lay_out_main(layout: Layout, screen: Screen, area: QRectF, h: float, scale: float, margin: float, rtl: bool) -> None:
    side = min(area.height(), area.width() * 0.34, h * 0.5)
    text_area = QRectF(area)
    if screen.pictures:
        top = area.top() + (area.height() - side) / 2
        left = area.right() - side if rtl else area.left()
        layout.pictures.append((screen.pictures[0], QRectF(left, top, side, side)))
        if rtl:
            text_area.setRight(left - margin)
        else:
            text_area.setLeft(left + side + margin)
    if screen.timer:
        timer_side = min(h * 0.24, area.height() * 0.5)
        column = timer_side * 1.35
        words_height = area.height() - timer_side - h * 0.015
        # Big enough to read, small enough that the longest thing the timer says fits under it.
        longest = timer_words(TimerState(6000, 5940, Phase.NEARLY))
        largest = max(h * TIMER_TEXT * scale, h * READ_SMALLEST)
        timer_font, needed, _cut = _fit(longest, column, words_height, largest, h * READ_SMALLEST, font(largest, bold=True))
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
    align = _side(rtl) | Qt.AlignmentFlag.AlignTop
    y = text_area.top()
    if screen.heading:
        # The heading keeps its size at every text size, so a bigger text size never leaves the title less room.
        heading_font, heading_height, _cut = _fit(screen.heading, text_area.width(), h * 0.2, h * HEADING_SIZE, h * TITLE_SMALLEST, font(h * HEADING_SIZE, bold=True))
        layout.texts.append(Text(screen.heading, heading_font, QRectF(text_area.left(), y, text_area.width(), heading_height), align, quiet=True, key="heading"))
        y += heading_height + h * 0.02
    bottom = text_area.bottom()
    room = bottom - y
    words_share = 0.45 if screen.words.strip() else 0.0
    title_room = room * (1 - words_share)
    largest = max(h * TITLE_LARGEST * scale, h * TITLE_SMALLEST)
    title, cut = _fitted(screen.title, QRectF(text_area.left(), y, text_area.width(), title_room), largest, h * TITLE_SMALLEST, align, bold=True)
    title.key = "title"
    layout.texts.append(title)
    layout.title = title
    layout.cut = cut
    y += title.rect.height() + h * 0.03
    if screen.words.strip():
        room = bottom - y
        largest = max(h * WORDS_LARGEST * scale, h * READ_SMALLEST)
        words, _cut = _fitted(screen.words, QRectF(text_area.left(), y, text_area.width(), room), largest, h * READ_SMALLEST * 1.2, align, floor=h * READ_SMALLEST)
        words.key = "words"
        layout.texts.append(words)
        y += words.rect.height()
    # The words sit in the middle of the height, beside the picture, not stuck to the top.
    spare = (bottom - y) / 2
    if spare > 0:
        for text in layout.texts:
            text.rect.translate(0, spare)


def _lay_out_break(layout: Layout, screen: Screen, area: QRectF, h: float, scale: float) -> None:
    side = min(area.height() * 0.42, area.width() * 0.25)
    count = len(screen.pictures)
    gap = side * 0.3
    left = area.center().x() - (count * side + (count - 1) * gap) / 2
    for n, ref in enumerate(screen.pictures):
        layout.pictures.append((ref, QRectF(left + n * (side + gap), area.top(), side, side)))
    y = area.top() + side + h * 0.04
    centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    room = area.bottom() - y
    largest = max(h * TITLE_LARGEST * scale, h * TITLE_SMALLEST)
    title, cut = _fitted(screen.title, QRectF(area.left(), y, area.width(), room * 0.5), largest, h * TITLE_SMALLEST, centre, bold=True)
    layout.texts.append(title)
    layout.title, layout.cut = title, cut
    y += title.rect.height() + h * 0.02
    if screen.words:
        words_font, words_height, _cut = _fit(screen.words, area.width(), area.bottom() - y, largest, h * TITLE_SMALLEST, font(largest, bold=True))
        layout.texts.append(Text(screen.words, words_font, QRectF(area.left(), y, area.width(), words_height), centre))


def _lay_out_result(layout: Layout, screen: Screen, area: QRectF, h: float, scale: float, rtl: bool) -> None:
    """The decision at the top, then a card for each answer: picture, a big number, its words."""
    align = _side(rtl) | Qt.AlignmentFlag.AlignTop
    y = area.top()
    if screen.heading:
        heading_font, heading_height, _cut = _fit(screen.heading, area.width(), h * 0.2, h * HEADING_SIZE, h * TITLE_SMALLEST, font(h * HEADING_SIZE, bold=True))
        layout.texts.append(Text(screen.heading, heading_font, QRectF(area.left(), y, area.width(), heading_height), align, quiet=True, key="heading"))
        y += heading_height + h * 0.015
    largest = max(h * WORDS_LARGEST * scale, h * TITLE_SMALLEST)
    title, cut = _fitted(screen.title, QRectF(area.left(), y, area.width(), h * 0.22), largest, h * TITLE_SMALLEST, align, bold=True)
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
    side = min(cell_width * 0.7, cell_height * 0.45)
    number_height = cell_height * 0.3
    for n, answer in enumerate(screen.counts):
        index = count - 1 - n if rtl else n
        cell = QRectF(left + index * (cell_width + gap), y, cell_width, cell_height)
        picture = QRectF(cell.center().x() - side / 2, cell.top() + cell_height * 0.05, side, side)
        inner = cell.adjusted(cell_width * 0.05, 0, -cell_width * 0.05, 0)
        number_rect = QRectF(inner.left(), picture.bottom() + h * 0.01, inner.width(), number_height)
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        number, _cut = _fitted(str(answer.count), number_rect, number_height * 0.9, h * TITLE_SMALLEST, centre, bold=True)
        number.key = f"number{n}"
        words_rect = QRectF(inner.left(), number.rect.bottom(), inner.width(), cell.bottom() - number.rect.bottom() - h * 0.01)
        words, _cut = _fitted(answer.words, words_rect, h * WORDS_LARGEST, h * READ_SMALLEST, centre, floor=h * READ_SMALLEST)
        words.key = f"count{n}"
        layout.counts.append(CountCell(cell, picture, answer.picture, number, words, answer.most))


def _lay_out_strip(layout: Layout, screen: Screen, rect: QRectF, h: float, rtl: bool) -> None:
    count = len(screen.strip)
    gap = h * 0.015
    room = rect.width() - h * 0.08  # room for the "more" marks at both ends
    cell_width = min((room - gap * (count - 1)) / count, rect.width() * 0.2)
    total = count * cell_width + (count - 1) * gap
    left = rect.center().x() - total / 2
    picture_side = rect.height() * 0.42
    for n, step in enumerate(screen.strip):
        index = count - 1 - n if rtl else n
        cell = QRectF(left + index * (cell_width + gap), rect.top(), cell_width, rect.height())
        picture = QRectF(cell.center().x() - picture_side / 2, cell.top() + rect.height() * 0.06, picture_side, picture_side)
        label_rect = QRectF(cell.left() + gap / 2, picture.bottom() + h * 0.006, cell.width() - gap, cell.bottom() - picture.bottom() - h * 0.01)
        label, _cut = _fitted(step.title, label_rect, h * STRIP_TEXT, h * READ_SMALLEST, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        label.rect = label_rect
        label.quiet = step.step is not Step.NOW
        layout.strip.append(StripCell(cell, picture, step.picture, step.step, label))
    mark_y = rect.top() + rect.height() * 0.31
    if screen.more_before:
        layout.strip_more.append((QPointF(rect.right() - h * 0.03 if rtl else rect.left() + h * 0.01, mark_y), "…"))
    if screen.more_after:
        layout.strip_more.append((QPointF(rect.left() + h * 0.01 if rtl else rect.right() - h * 0.03, mark_y), "…"))


def _fit(text: str, width: float, height: float, largest: float, smallest: float, start: QFont, floor: float | None = None) -> tuple[QFont, float, bool]:
    """The biggest whole-pixel font from ``largest`` down to ``smallest`` (then ``floor``) at which ``text`` fits.

    Fitting means every word fits on a line and the wrapped lines fit in the
    height. The size is searched for pixel by pixel (halving), so a bigger
    ``largest`` never gives a smaller size. Returns the font, the height the
    text takes, and whether it still did not fit at the smallest size (then it
    must be cut short).
    """
    made = QFont(start)

    def needs(size: int) -> tuple[bool, float]:
        made.setPixelSize(size)
        metrics = QFontMetricsF(made)
        longest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)
        needed = metrics.boundingRect(QRectF(0, 0, width, 1e6), WRAP, text).height() if text else 0.0
        return longest <= width and needed <= height, needed

    low = max(1, round(floor if floor is not None else smallest))
    high = max(low, round(largest))
    fits, needed = needs(high)
    if fits:
        return made, needed, False
    fits, needed = needs(low)
    if not fits:
        return made, min(needed, height), True
    while high - low > 1:  # fits at low, not at high
        middle = (low + high) // 2
        if needs(middle)[0]:
            low = middle
        else:
            high = middle
    fits, needed = needs(low)
    return made, needed, False


def _fitted(
    text: str, room: QRectF, largest: float, smallest: float, align: Qt.AlignmentFlag, bold: bool = False, floor: float | None = None
) -> tuple[Text, bool]:
    """``text`` at the biggest size that fits in ``room`` (see ``_fit``), cut short at a word when none does.

    The Text's rect is as tall as the text; the flag says whether it was cut.
    """
    made, height, cut = _fit(text, room.width(), room.height(), largest, smallest, font(largest, bold=bold), floor=floor)
    shown = _shown(text, made, room.width(), room.height()) if cut else text
    return Text(shown, made, QRectF(room.left(), room.top(), room.width(), height), align, whole=not cut), cut


def _shown(text: str, made: QFont, width: float, height: float) -> str:
    """``text`` cut short at a word, with "…", so that it fits."""
    metrics = QFontMetricsF(made)
    words = text.split()
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        candidate = " ".join(words[:middle]) + " …"
        needed = metrics.boundingRect(QRectF(0, 0, width, 1e6), WRAP, candidate)
        if needed.height() <= height and all(metrics.horizontalAdvance(w) <= width for w in words[:middle]):
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]) + " …" if low else "…"


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


def timer_words(timer: TimerState) -> str:
    """What the timer says under its shape."""
    if timer.phase is Phase.PAUSED:
        return _("Paused")
    if timer.phase is Phase.OVER:
        return _("Time is up")
    minutes = ngettext("{n} minute left", "{n} minutes left", timer.minutes_left).format(n=timer.minutes_left)
    if timer.phase is Phase.NEARLY:
        return _("Nearly time") + "\n" + minutes
    return minutes


def paint_timer(painter: QPainter, layout: Layout, theme: Theme, timer: TimerState) -> None:
    """The item's time as a shape that shrinks; its shape and words change near the end, not only its colour."""
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
        painter.drawText(layout.timer_words, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | WRAP, timer_words(timer))


def timer_area(layout: Layout) -> QRect | None:
    """The part of the screen the timer repaints on each tick."""
    if layout.timer is None:
        return None
    area = layout.timer.adjusted(-6, -6, 6, 6)
    if layout.timer_words is not None:
        area = area.united(layout.timer_words.adjusted(-6, -6, 6, 6))
    return area.toAlignedRect()
