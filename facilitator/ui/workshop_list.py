"""The main window's list of the library's workshops: a title and an easy-read date on each row.

The list is filled once, when the window opens. After that it follows the
library one workshop at a time: a workshop added is put in its place, one
removed is taken out, one changed is written again (and moved, when its date or
title puts it elsewhere). With thousands of workshops nothing is read or
measured again that did not change (benchmarks/workshop_list.py).

Rows are in the library's order: newest date first, workshops with no date
last, then by title with A to Z in any case together (as SQLite's NOCASE).
"""

from __future__ import annotations

import bisect
import datetime as dt
import string

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QListView, QWidget

from facilitator.core.model import WorkshopSummary
from facilitator.i18n import _, format_long_date
from facilitator.ui.fit import WrappingRows

BATCH = 100
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def place_of(summary: WorkshopSummary) -> tuple:
    """Where a workshop comes in the list, as the library sorts its workshops."""
    return (summary.date is None, -(summary.date or dt.date.min).toordinal(), summary.title.translate(_ASCII_LOWER))


class Workshops(QAbstractListModel):
    """The workshops as rows; a row's words are written the first time it is shown (or measured)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.summaries: list[WorkshopSummary] = []
        self.ids: list[str] = []  # the workshops' ids, in the order shown
        self._places: list[tuple] = []  # where each comes (``place_of``), in the same order
        self._words: list[tuple[str, str] | None] = []  # (text, tooltip), once written

    def show_all(self, summaries: list[WorkshopSummary]) -> None:
        self.beginResetModel()
        self.summaries = list(summaries)
        self.ids = [summary.id for summary in summaries]
        self._places = [place_of(summary) for summary in summaries]
        self._words = [None] * len(summaries)
        self.endResetModel()

    def put(self, summary: WorkshopSummary) -> int:
        """Show ``summary`` in its place (a new row, or its row written again and moved); returns its row."""
        place = place_of(summary)
        row = self.row_of(summary.id)
        if row >= 0 and self._places[row] == place:
            self.summaries[row], self._words[row] = summary, None
            self.dataChanged.emit(self.index(row), self.index(row))
            return row
        if row >= 0:
            self.take(summary.id)
        row = bisect.bisect_right(self._places, place)
        self.beginInsertRows(QModelIndex(), row, row)
        self.summaries.insert(row, summary)
        self.ids.insert(row, summary.id)
        self._places.insert(row, place)
        self._words.insert(row, None)
        self.endInsertRows()
        return row

    def take(self, workshop_id: str) -> None:
        row = self.row_of(workshop_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        for kept in (self.summaries, self.ids, self._places, self._words):
            del kept[row]
        self.endRemoveRows()

    def row_of(self, workshop_id: str | None) -> int:
        try:
            return self.ids.index(workshop_id)
        except ValueError:
            return -1

    def words(self, row: int) -> tuple[str, str]:
        made = self._words[row]
        if made is None:
            made = self._words[row] = _describe(self.summaries[row])
        return made

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else len(self.summaries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.words(index.row())[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.words(index.row())[1]
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        return None


class WorkshopList(QListView):
    """The workshops, one a row. ``current_changed`` says another workshop is chosen (by the person, or
    because the chosen one was removed); rows written again or moved keep the chosen one, silently."""

    current_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.workshops = Workshops(self)
        self.setModel(self.workshops)
        self._quiet = False
        self.setAccessibleName(_("Workshops in the library"))
        self.setWordWrap(True)
        self.setSpacing(4)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        # Titles and dates wrap at words, a few to a line, and wrap again when the list is made wider.
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(WrappingRows(self))
        # Laid out a batch of rows at a time: the rows in sight are shown at once, the rest follow.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(BATCH)
        self.selectionModel().currentChanged.connect(self._current_changed)

    def _current_changed(self, *args) -> None:
        if not self._quiet:
            self.current_changed.emit()

    def show_all(self, summaries: list[WorkshopSummary], select: str | None) -> None:
        """Show these workshops (already in the library's order), with ``select`` the current one if it is there."""
        self._quiet = True
        try:
            self.workshops.show_all(summaries)
            row = self.workshops.row_of(select)
            if row >= 0:
                self.setCurrentRow(row)
        finally:
            self._quiet = False

    def put(self, summary: WorkshopSummary) -> int:
        """Show ``summary`` in its place; the current workshop stays current, and no signal says it changed."""
        current = self.current_id()
        self._quiet = True
        try:
            row = self.workshops.put(summary)
            if current is not None and self.current_id() != current:
                self.setCurrentRow(self.row_of(current))
        finally:
            self._quiet = False
        return row

    def take(self, workshop_id: str) -> None:
        """Take ``workshop_id``'s row out (when it was the current one, the next is chosen and says so)."""
        was_current = self.current_id() == workshop_id
        self._quiet = not was_current
        try:
            self.workshops.take(workshop_id)
        finally:
            self._quiet = False

    def row_of(self, workshop_id: str | None) -> int:
        """The row showing ``workshop_id``, or -1."""
        return self.workshops.row_of(workshop_id)

    def count(self) -> int:
        return self.workshops.rowCount()

    def text(self, row: int) -> str:
        return self.workshops.words(row)[0]

    def currentRow(self) -> int:  # noqa: N802 (as QListWidget's)
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentRow(self, row: int) -> None:  # noqa: N802 (as QListWidget's)
        self.setCurrentIndex(self.workshops.index(row))

    def current_id(self) -> str | None:
        row = self.currentRow()
        return self.workshops.ids[row] if 0 <= row < self.count() else None

    def ids(self) -> list[str]:
        return list(self.workshops.ids)


def _describe(summary: WorkshopSummary) -> tuple[str, str]:
    """One workshop in the list: its title and its date in easy-read form; and its tooltip."""
    when = format_long_date(summary.date) if summary.date else _("No date yet")
    return f"{summary.title}\n{when}", " · ".join(filter(None, [summary.title, summary.place, summary.group_name]))
