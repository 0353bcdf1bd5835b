"""How each kind of agenda item looks: a colour and a shape, always with its name.

Colour never carries meaning alone (WCAG 1.4.1): every kind also has its own
shape, and cards write the kind's name beside the mark.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from facilitator.core.model import ItemKind

KIND_LOOKS: dict[ItemKind, tuple[str, str]] = {
    ItemKind.WELCOME: ("#D35400", "circle"),
    ItemKind.INTRODUCTIONS: ("#7D3C98", "hexagon"),
    ItemKind.LOOK_BACK: ("#117A65", "arrow back"),
    ItemKind.DISCUSSION: ("#1F618D", "square"),
    ItemKind.ACTIVITY: ("#B03A7A", "star"),
    ItemKind.BREAK: ("#1E8449", "pause"),
    ItemKind.DECIDE: ("#B03A2E", "diamond"),
    ItemKind.FEEDBACK: ("#9A7D0A", "triangle"),
    ItemKind.CLOSE: ("#4D5656", "octagon"),
    ItemKind.OTHER: ("#5D6D7E", "plus"),
}


TINT_ON_LIGHT, TINT_ON_DARK = 0.1, 0.22  # how much of the kind's colour a card's background has


def kind_colour(kind: ItemKind) -> QColor:
    return QColor(KIND_LOOKS[kind][0])


def kind_tint(kind: ItemKind, base: QColor | None = None) -> QColor:
    """The kind's colour mixed faintly into ``base`` (the list's own colour, white when not given) for a
    card's background: pale on a light list, dark on a dark one, so the palette's words stay readable."""
    colour, base = kind_colour(kind), QColor("#FFFFFF") if base is None else base
    share = TINT_ON_LIGHT if base.lightnessF() >= 0.5 else TINT_ON_DARK
    return QColor(round(base.red() + (colour.red() - base.red()) * share),
                  round(base.green() + (colour.green() - base.green()) * share),
                  round(base.blue() + (colour.blue() - base.blue()) * share))


def shape_path(shape: str, rect: QRectF) -> QPainterPath:
    """The outline of a kind's shape, fitted into ``rect``."""
    c = rect.center()
    r = min(rect.width(), rect.height()) / 2
    path = QPainterPath()

    def polygon(corners: int, turn: float = -90, radii: tuple[float, ...] = (1.0,)) -> None:
        points = []
        for i in range(corners):
            angle = math.radians(turn + 360 * i / corners)
            radius = r * radii[i % len(radii)]
            points.append(QPointF(c.x() + radius * math.cos(angle), c.y() + radius * math.sin(angle)))
        path.moveTo(points[0])
        for point in points[1:]:
            path.lineTo(point)
        path.closeSubpath()

    if shape == "circle":
        path.addEllipse(c, r, r)
    elif shape == "square":
        path.addRoundedRect(QRectF(c.x() - r * 0.85, c.y() - r * 0.85, r * 1.7, r * 1.7), r * 0.2, r * 0.2)
    elif shape == "hexagon":
        polygon(6, 0)
    elif shape == "octagon":
        polygon(8, 22.5)
    elif shape == "triangle":
        polygon(3)
    elif shape == "diamond":
        polygon(4)
    elif shape == "star":
        polygon(10, -90, (1.0, 0.45))
    elif shape == "arrow back":
        polygon(3, 180)
    elif shape == "pause":
        w = r * 0.55
        path.addRoundedRect(QRectF(c.x() - r * 0.85, c.y() - r * 0.9, w, r * 1.8), 2, 2)
        path.addRoundedRect(QRectF(c.x() + r * 0.3, c.y() - r * 0.9, w, r * 1.8), 2, 2)
    else:  # plus
        t = r * 0.36
        path.addRect(QRectF(c.x() - t, c.y() - r, 2 * t, 2 * r))
        path.addRect(QRectF(c.x() - r, c.y() - t, 2 * r, 2 * t))
        path = path.simplified()
    return path


def draw_kind_mark(painter: QPainter, rect: QRectF, kind: ItemKind, outline: QColor | None = None) -> None:
    """The kind's shape in its colour, outlined in ``outline`` (near black when not given; the words'
    colour on a card, so the shape stands out on a dark palette too)."""
    colour_name, shape = KIND_LOOKS[kind]
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#1B1B1B") if outline is None else outline, max(1.0, rect.height() / 14)))
    painter.setBrush(QColor(colour_name))
    painter.drawPath(shape_path(shape, rect.adjusted(1, 1, -1, -1)))
    painter.restore()


def kind_icon(kind: ItemKind, size: int = 32) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_kind_mark(painter, QRectF(2, 2, size - 4, size - 4), kind)
    painter.end()
    return QIcon(pixmap)
