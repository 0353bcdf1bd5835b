"""A picture beside its words: the row every idea is printed as.

A row that is taller than the space left goes on over the page: the words
carry on at the top of the next page, in the same column, and the picture
stays with the first part. So a long decision, or the names of a big group,
never stop the printout.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

from facilitator.printing.pictures import PictureBox


class PictureRow(Flowable):
    """``picture`` (a square of ``size`` points) then ``words`` (flowables, top to bottom), ``gap`` apart.

    ``picture`` is None for the words carried on over a page: they keep the picture's column, empty.

    ``rtl`` puts the picture on the right. ``band`` is a colour for a marked row's background, with the
    picture moved ``inset`` points in from the edge.
    """

    def __init__(self, picture: PictureBox | None, words: list, size: float, gap: float, *, rtl: bool = False,
                 padding: float = 0.0, band: str = "", inset: float = 0.0):
        super().__init__()
        self.picture, self.words, self.size, self.gap = picture, words, size, gap
        self.rtl, self.padding, self.band, self.inset = rtl, padding, band, inset
        self.heights: list[float] = []
        self.width = 0.0
        self.height = 0.0

    def _words_width(self, available_width: float) -> float:
        return available_width - self.size - self.gap

    def _like(self, picture: PictureBox | None, words: list) -> PictureRow:
        return PictureRow(picture, words, self.size, self.gap, rtl=self.rtl, padding=self.padding,
                          band=self.band, inset=self.inset)

    def wrap(self, available_width, available_height):
        words_width = self._words_width(available_width)
        self.heights = [words.wrap(words_width, available_height)[1] for words in self.words]
        self.width = available_width
        self.height = max(self.size if self.picture is not None else 0.0, sum(self.heights)) + 2 * self.padding
        return self.width, self.height

    def split(self, available_width, available_height):
        words_width = self._words_width(available_width)
        room = available_height - 2 * self.padding
        if room < self.size and self.picture is not None:
            return []  # not even the picture fits: the whole row goes to the next page
        first: list = []
        for at, words in enumerate(self.words):
            height = words.wrap(words_width, room)[1]
            if height <= room:
                first.append(words)
                room -= height
                continue
            parts = words.split(words_width, room)
            if parts:
                first.append(parts[0])
                rest = list(parts[1:]) + self.words[at + 1:]
            else:
                rest = self.words[at:]
            if not first:
                return []
            return [self._like(self.picture, first), self._like(None, rest)]
        return [self]

    def draw(self):
        canvas = self.canv
        if self.band:
            canvas.saveState()
            canvas.setFillColor(colors.HexColor(self.band))
            canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            canvas.restoreState()
        top = self.height - self.padding
        picture_x = self.width - self.size - self.inset if self.rtl else self.inset
        if self.picture is not None:
            self.picture.drawOn(canvas, picture_x, top - self.size)
        words_x = 0.0 if self.rtl else self.size + self.gap
        y = top
        for words, height in zip(self.words, self.heights):
            y -= height
            words.drawOn(canvas, words_x, y)
