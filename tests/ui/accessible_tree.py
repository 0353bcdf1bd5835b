"""What a screen reader would find in a window: a walk over Qt's accessibility tree, and what it reads wrongly.

``unreadable(top)`` lists, in words, every control in ``top`` as shown now that
a screen reader would read wrongly or not at all:

- a label whose accessible name replaces the words it shows;
- a button whose name does not start with the words it shows (its name may say more after them);
- an input with no name at all;
- a slider whose name does not say its value;
- a box (one line, a list to choose from, a number) with no visible label next to it.

The walk goes through ``QAccessible.queryAccessibleInterface``: the tree a screen reader is given.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

NAME = QAccessible.Text.Name
INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QAbstractSlider)
BOXES = (QLineEdit, QAbstractSpinBox, QComboBox)
PARTS_OF = (QAbstractSpinBox, QComboBox, QTabBar, QAbstractItemView, QLineEdit)


def plain(text: str) -> str:
    """Words as a screen reader hears them: no mnemonic marks, no markup, single spaces."""
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def walk(top: QWidget) -> list[tuple[QWidget, str]]:
    """Every widget the accessibility tree of ``top`` reaches, with the name it is read by."""
    found, seen = [], set()
    waiting = [QAccessible.queryAccessibleInterface(top)]
    while waiting:
        node = waiting.pop()
        if node is None or not node.isValid():
            continue
        widget = node.object()
        if isinstance(widget, QWidget):
            key = id(widget)
            if key in seen:
                continue
            seen.add(key)
            found.append((widget, node.text(NAME) or ""))
        waiting.extend(node.child(index) for index in range(node.childCount()))
    return found


def labelled(widget: QWidget, labels: list[QLabel]) -> bool:
    if any(label.buddy() is widget for label in labels):
        return True
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    forms = [layout] if isinstance(layout, QFormLayout) else []
    forms += parent.findChildren(QFormLayout) if parent is not None else []
    for form in forms:
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            # The words before a box in a form: a label, or a check box that turns the box on ("By a date").
            if field is None or label is None or not isinstance(label.widget(), QLabel | QAbstractButton) \
                    or not label.widget().text():
                continue
            inside = field.widget() or None
            if inside is widget or (inside is not None and inside.isAncestorOf(widget)):
                return True
            if field.layout() is not None and any(
                field.layout().itemAt(i).widget() is widget for i in range(field.layout().count())
            ):
                return True
    return False


def describe(widget: QWidget) -> str:
    words = plain(widget.text()) if hasattr(widget, "text") and callable(widget.text) and isinstance(widget.text(), str) else ""
    return f"{type(widget).__name__} “{words or widget.accessibleName() or widget.objectName()}”"


def unreadable(top: QWidget) -> list[str]:
    """What a screen reader would read wrongly in ``top``, one line each (nothing when all is well)."""
    shown = [(widget, name) for widget, name in walk(top) if widget.isVisibleTo(top)]
    labels = [widget for widget, _name in shown if isinstance(widget, QLabel)]
    wrong = []
    for widget, name in shown:
        if isinstance(widget.parentWidget(), PARTS_OF) or isinstance(widget, QScrollBar):
            continue
        if isinstance(widget, QLabel):
            if widget.accessibleName() and plain(widget.text()):
                wrong.append(f"{describe(widget)} is read as “{widget.accessibleName()}”, not as what it shows")
        elif isinstance(widget, QAbstractButton):
            words = plain(widget.text())
            if words and not plain(name).startswith(words.rstrip("…").strip()):
                wrong.append(f"{describe(widget)} is read as “{name}”")
            elif not words and not name:
                wrong.append(f"a {type(widget).__name__} with no words has no name")
        elif isinstance(widget, INPUTS):
            if not name.strip():
                wrong.append(f"{describe(widget)} has no name")
            elif isinstance(widget, QAbstractSlider) and not re.search(r"\d", name):
                wrong.append(f"{describe(widget)} is read as “{name}”, without its value")
            if isinstance(widget, BOXES) and not labelled(widget, labels):
                wrong.append(f"{describe(widget)} (read as “{name}”) has no label next to it")
    return wrong
