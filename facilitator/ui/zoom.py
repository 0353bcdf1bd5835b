"""Zoom for the facilitator's own eyes: Ctrl+plus and Ctrl+minus make all the text bigger or smaller.

The app's font is scaled; widgets with a bigger font of their own (titles)
register here with ``big_font`` so they grow and shrink with it.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)
_big: weakref.WeakKeyDictionary[QWidget, tuple[float, bool]] = weakref.WeakKeyDictionary()
_base_size: list[float] = []


def big_font(widget: QWidget, factor: float, bold: bool = False) -> None:
    """Give ``widget`` a font ``factor`` times the app's, now and after every zoom."""
    _big[widget] = (factor, bold)
    _apply(widget, factor, bold)


def _apply(widget: QWidget, factor: float, bold: bool) -> None:
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def zoom() -> float:
    base = _base()
    return round(QApplication.font().pointSizeF() / base, 2) if base else 1.0


def set_zoom(factor: float) -> float:
    """Scale all text to ``factor`` times its normal size (kept within STEPS); returns the factor used."""
    factor = min(max(factor, STEPS[0]), STEPS[-1])
    font = QFont(QApplication.font())
    font.setPointSizeF(_base() * factor)
    QApplication.setFont(font)
    for widget, (big, bold) in list(_big.items()):
        if shiboken6.isValid(widget):
            _apply(widget, big, bold)
        else:
            del _big[widget]
    return factor


def step(direction: int) -> float:
    """One step bigger (+1) or smaller (-1); 0 goes back to normal size."""
    if direction == 0:
        return set_zoom(1.0)
    now = zoom()
    if direction > 0:
        return set_zoom(next((s for s in STEPS if s > now + 0.01), STEPS[-1]))
    return set_zoom(next((s for s in reversed(STEPS) if s < now - 0.01), STEPS[0]))


def _base() -> float:
    if not _base_size:
        _base_size.append(QApplication.font().pointSizeF())
    return _base_size[0]
