"""The parts of a laid-out participant screen, and words fitted into a place at the biggest size that fits.

Sizes follow ../shared/EASYREAD.md: the title is at least 1/20 of the screen
height and anything people must read at least 1/40. Words start at the size the
text size asks for; those that do not fit get smaller within those limits, then
wrap (never inside a word); a title still too long at 1/20 is cut short at a word
with "…".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from facilitator.session.screens import Step
from facilitator.ui.fonts import ARABIC, LATIN, add_own_fonts

# The app's own font first. Letters it lacks come from the next family that has them: Arabic from the computer's
# usual fonts as before (their lines sit closer than Noto Sans Arabic's), and from the app's own Arabic font when
# the computer has none.
FONT_FAMILIES = [LATIN, "Atkinson Hyperlegible", "Noto Sans", "DejaVu Sans", "Arial", ARABIC]
TITLE_SMALLEST = 1 / 20  # of the screen height
READ_SMALLEST = 1 / 40
TITLE_LARGEST = 1 / 9  # at the Normal text size; Large and Largest start bigger
WORDS_LARGEST = 1 / 15
HEADING_SIZE = 1 / 16
STRIP_TEXT = 1 / 34
TIMER_TEXT = 1 / 24
WRAP = Qt.TextFlag.TextWordWrap
NO_BREAK_SPLIT = re.compile(r"[^\S\u00a0]+")  # white space, but not a no-break space


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
    countdown: bool = False  # the timer counts down a break by the clock on the wall, and says the time
    strip: list[StripCell] = field(default_factory=list)
    strip_more: list[tuple[QPointF, str]] = field(default_factory=list)
    counts: list[CountCell] = field(default_factory=list)
    title: Text | None = None
    cut: bool = False  # the title was too long for the screen and was cut short
    rtl: bool = False  # the screen reads right to left, whichever way the app's own windows read


def reading_side(rtl: bool) -> Qt.AlignmentFlag:
    """Words against the right edge for right to left, else the left; "absolute" so that Qt does not mirror
    them a second time when the app's own windows are right to left too."""
    return (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute


def _unbroken(text: str) -> list[str]:
    """The parts a line never breaks inside: words, or words joined by no-break spaces."""
    return [part for part in NO_BREAK_SPLIT.split(text) if part]


def _needs(made: QFont, text: str, width: float) -> tuple[float, float]:
    """The widest word and the height of the wrapped text, in ``made``."""
    metrics = QFontMetricsF(made)
    longest = max((metrics.horizontalAdvance(word) for word in _unbroken(text)), default=0.0)
    needed = metrics.boundingRect(QRectF(0, 0, width, 1e6), WRAP, text).height() if text else 0.0
    return longest, needed


def fit(text: str, width: float, height: float, largest: float, smallest: float, start: QFont, floor: float | None = None) -> tuple[QFont, float, bool]:
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
        longest, needed = _needs(made, text, width)
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


def fitted(
    text: str, room: QRectF, largest: float, smallest: float, align: Qt.AlignmentFlag, bold: bool = False, floor: float | None = None
) -> tuple[Text, bool]:
    """``text`` at the biggest size that fits in ``room`` (see ``fit``), cut short at a word when none does.

    The Text's rect is as tall as the text; the flag says whether it was cut.
    """
    made, height, cut = fit(text, room.width(), room.height(), largest, smallest, font(largest, bold=bold), floor=floor)
    shown = shortened(text, made, room.width(), room.height()) if cut else text
    return Text(shown, made, QRectF(room.left(), room.top(), room.width(), height), align, whole=not cut), cut


def fitted_together(
    title: str, words: str, room: QRectF, sizes: tuple[float, float], smallest: tuple[float, float], gap: float,
    align: Qt.AlignmentFlag,
) -> tuple[Text, Text] | None:
    """A bold title with words under it, both at the same share of their chosen ``sizes``, as big as they fit.

    So a bigger text size makes both bigger where there is room, and where there
    is not, both get smaller together rather than the title taking the words'
    room. Neither goes below its ``smallest``. None when they do not fit one
    above the other even at their smallest (the caller then fits them apart).
    """
    title_font, words_font = font(sizes[0], bold=True), font(sizes[1])
    width = room.width()

    def words_size(title_size: int) -> int:
        return max(round(smallest[1]), round(title_size * sizes[1] / sizes[0]))

    def heights(title_size: int) -> tuple[float, float] | None:
        title_font.setPixelSize(title_size)
        words_font.setPixelSize(words_size(title_size))
        title_longest, title_height = _needs(title_font, title, width)
        words_longest, words_height = _needs(words_font, words, width)
        if title_longest > width or words_longest > width or title_height + gap + words_height > room.height():
            return None
        return title_height, words_height

    low, high = max(1, round(smallest[0])), max(1, round(smallest[0]), round(sizes[0]))
    if heights(low) is None:
        return None
    if heights(high) is not None:
        low = high
    while high - low > 1:  # fits at low, not at high
        middle = (low + high) // 2
        if heights(middle) is not None:
            low = middle
        else:
            high = middle
    title_height, words_height = heights(low)
    top = QRectF(room.left(), room.top(), width, title_height)
    under = QRectF(room.left(), room.top() + title_height + gap, width, words_height)
    return Text(title, QFont(title_font), top, align, key="title"), Text(words, QFont(words_font), under, align, key="words")


def shortened(text: str, made: QFont, width: float, height: float) -> str:
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
