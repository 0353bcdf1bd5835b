"""How each kind of thing the checker finds is underlined: the line's shape, its colour, and a sample of it.

The shape tells the kinds apart as well as the colour, so colour is never the
only clue: hard words (and other words to look at) get a wavy line, words that
can divide people a dashed line, long sentences and long parts a dotted line.
The list of what to look at under a box shows the same line beside each row.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QTextCharFormat

WAVY = QTextCharFormat.UnderlineStyle.WaveUnderline
DASHED = QTextCharFormat.UnderlineStyle.DashUnderline
DOTTED = QTextCharFormat.UnderlineStyle.DotLine
LOOKS = {
    "divides": (DASHED, "#A0005A"),
    "long-sentence": (DOTTED, "#1F5FA8"),
    "long-paragraph": (DOTTED, "#1F5FA8"),  # the same as a long sentence's: drawn once where both are
}
DEFAULT_LOOK = (WAVY, "#B34700")
PEN_STYLES = {DASHED: Qt.PenStyle.DashLine, DOTTED: Qt.PenStyle.DotLine}


def look_of(kind: str) -> tuple[QTextCharFormat.UnderlineStyle, str]:
    """The line's shape and colour for a finding of ``kind``."""
    return LOOKS.get(kind, DEFAULT_LOOK)


def underline_format(kind: str) -> QTextCharFormat:
    style, colour = look_of(kind)
    made = QTextCharFormat()
    made.setUnderlineStyle(style)
    made.setUnderlineColor(QColor(colour))
    return made


def sample(kind: str, width: int, height: int) -> QIcon:
    """The underline of ``kind`` drawn by itself, a little thicker than in the box, to stand beside its words."""
    style, colour = look_of(kind)
    picture = QPixmap(width, height)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    thickness = max(2, height // 8)
    pen = QPen(QColor(colour), thickness)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    middle = height / 2
    if style == WAVY:
        path = QPainterPath(QPointF(0, middle))
        wave = max(6.0, height / 2)  # the length of one wave
        for x in range(1, width + 1):
            path.lineTo(x, middle + thickness * 1.5 * math.sin(2 * math.pi * x / wave))
        painter.setPen(pen)
        painter.drawPath(path)
    else:
        pen.setStyle(PEN_STYLES.get(style, Qt.PenStyle.SolidLine))
        painter.setPen(pen)
        painter.drawLine(QPointF(0, middle), QPointF(width, middle))
    painter.end()
    return QIcon(picture)
