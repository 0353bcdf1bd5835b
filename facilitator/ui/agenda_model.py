"""The agenda as a Qt list model: one row per item, with its start time; drag to reorder.

The model never changes the agenda itself. A drop (or a keyboard move) asks
for the move with ``move_requested``; the planner turns that into an undoable
edit, the library saves it, and the model is filled again from the library.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, Qt, Signal

from facilitator.core.model import ITEM_KIND_NAMES, AgendaItem, Workshop
from facilitator.i18n import _, format_clock, format_minutes

MIME_TYPE = "application/x-facilitator-agenda-item"
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
START_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3


class AgendaModel(QAbstractListModel):
    move_requested = Signal(str, int)  # item id, the index it should have

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[AgendaItem] = []
        self.starts: list[dt.time | None] = []

    def set_workshop(self, workshop: Workshop | None) -> None:
        items = list(workshop.agenda) if workshop else []
        starts = workshop.start_times() if workshop else []
        if [i.id for i in items] == [i.id for i in self.items]:
            self.items, self.starts = items, starts
            if items:
                self.dataChanged.emit(self.index(0), self.index(len(items) - 1))
            return
        self.beginResetModel()
        self.items, self.starts = items, starts
        self.endResetModel()

    def row_of(self, item_id: str) -> int:
        return next((row for row, item in enumerate(self.items) if item.id == item_id), -1)

    # -- reading -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else len(self.items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        start = self.starts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == ITEM_ROLE:
            return item
        if role == START_ROLE:
            return start
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.plain_words or item.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken_card(item, start)
        return None

    # -- dragging --------------------------------------------------------------

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt's name)
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802 (Qt's name)
        data = QMimeData()
        if indexes:
            data.setData(MIME_TYPE, QByteArray(self.items[indexes[0].row()].id.encode("ascii")))
        return data

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        """Ask for the move; return False so the view does not remove the dragged row itself."""
        if not data.hasFormat(MIME_TYPE):
            return False
        item_id = bytes(data.data(MIME_TYPE).data()).decode("ascii", "replace")
        source = self.row_of(item_id)
        if source < 0:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.items)
        target = row - 1 if row > source else row
        if target != source:
            self.move_requested.emit(item_id, target)
        return False


def spoken_card(item: AgendaItem, start: dt.time | None) -> str:
    """What a screen reader says for one card."""
    parts = [format_clock(start)] if start else []
    parts += [item.title, format_minutes(item.minutes), _(ITEM_KIND_NAMES[item.kind])]
    if item.plain_words:
        parts.append(item.plain_words)
    return ". ".join(parts)
