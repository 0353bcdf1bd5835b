"""Right-to-left words on the printed page: letters joined, lines in display order, each run in its font.

reportlab puts words on a line in the order they are stored, so Arabic would
come out backwards and unjoined. Here a paragraph is cut into lines in its own
(logical) order, each line's letters are joined (arabic_reshaper) and put in
display order (python-bidi), and the line is drawn as runs: Arabic letters in
the right-to-left font, everything else in the layout's font.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import arabic_reshaper
from bidi import get_display
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from facilitator.printing.fonts import RIGHT_TO_LEFT, Fonts, arabic_script


def is_right_to_left(text: str) -> bool:
    return not text.isascii() and any(unicodedata.bidirectional(letter) in RIGHT_TO_LEFT for letter in set(text))


@lru_cache(maxsize=4096)
def visual(line: str, rtl: bool) -> str:
    """One line as it is seen: letters joined, in display order, with the invisible direction marks taken out."""
    shown = get_display(arabic_reshaper.reshape(line), base_dir="R" if rtl else "L")
    return "".join(letter for letter in shown if unicodedata.category(letter) != "Cf")


def runs(fonts: Fonts, shown: str, bold: bool) -> list[tuple[str, str]]:
    """``shown`` cut into (font, text) runs: right-to-left letters in their font, the rest in the layout's."""
    main, other = (fonts.bold, fonts.rtl_bold) if bold else (fonts.regular, fonts.rtl_regular)
    cut: list[tuple[str, str]] = []
    for letter in shown:
        use_other = arabic_script(letter) or (ord(letter) not in fonts.letters and ord(letter) in fonts.rtl_letters)
        font = other if use_other else main
        if cut and cut[-1][0] == font:
            cut[-1] = (font, cut[-1][1] + letter)
        else:
            cut.append((font, letter))
    return cut


def width(fonts: Fonts, shown: str, size: float, bold: bool) -> float:
    return sum(stringWidth(text, font, size) for font, text in runs(fonts, shown, bold))


class BidiParagraph(Flowable):
    """A paragraph with right-to-left words in it, cut into lines here and drawn run by run.

    ``align`` is "left", "right" or "centre"; ``rtl`` says the text's main direction is right to left.
    Words are never split: a word longer than the line has a line of its own.
    """

    def __init__(self, text: str, fonts: Fonts, size: float, leading: float, colour: str, *, bold: bool = False,
                 align: str = "left", rtl: bool = False):
        super().__init__()
        self.text, self.fonts, self.size, self.leading = text, fonts, size, leading
        self.colour, self.bold, self.align, self.rtl = colour, bold, align, rtl
        self.lines: list[str] = []
        self.available = 0.0

    def _cut(self, available: float) -> list[str]:
        lines = []
        for source in self.text.split("\n"):
            words = source.split()
            line = ""
            for word in words:
                trial = f"{line} {word}" if line else word
                if line and width(self.fonts, visual(trial, self.rtl), self.size, self.bold) > available:
                    lines.append(line)
                    line = word
                else:
                    line = trial
            if line:
                lines.append(line)
        return [visual(line, self.rtl) for line in lines]

    def wrap(self, available_width, available_height):
        self.available = available_width
        self.lines = self._cut(available_width)
        return available_width, len(self.lines) * self.leading

    def draw(self):
        canvas = self.canv
        canvas.setFillColor(colors.HexColor(self.colour))
        height = len(self.lines) * self.leading
        for number, line in enumerate(self.lines):
            line_width = width(self.fonts, line, self.size, self.bold)
            if self.align == "right":
                x = self.available - line_width
            elif self.align == "centre":
                x = (self.available - line_width) / 2
            else:
                x = 0.0
            # The first baseline sits where reportlab's own paragraphs put it: one font size below the top.
            y = height - number * self.leading - self.size
            for font, text in runs(self.fonts, line, self.bold):
                canvas.setFont(font, self.size)
                canvas.drawString(x, y, text)
                x += stringWidth(text, font, self.size)


def draw_words(canvas, fonts: Fonts, text: str, size: float, x: float, y: float, *, ends_at: bool = False,
               bold: bool = False) -> None:
    """One line of ``text`` on the page at (x, y): right-to-left words joined and in order, each run in
    its font. With ``ends_at``, the line ends at x instead of starting there."""
    shown = visual(text, is_right_to_left(text))
    if ends_at:
        x -= width(fonts, shown, size, bold)
    for font, part in runs(fonts, shown, bold):
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += stringWidth(part, font, size)
