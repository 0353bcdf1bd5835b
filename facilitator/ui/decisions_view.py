"""Everything a group has decided across its meetings, to search and filter.

The search runs after a short pause in typing (a search over a thousand
decisions takes well under a millisecond, see benchmarks/decision_search.py;
showing the result is what costs, see benchmarks/decisions_window.py). The
table is a view over the decisions found: its cells are made when they are
shown, and only the rows in sight are fitted to their wrapped words. A change
in the library is caught up with after a moment, and only when it touches the
group's meetings; rows that did not change are left as they are. Opening a row
shows its meeting in the main window.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.deciding import how_agreed
from facilitator.core.history import Filters, GroupHistory
from facilitator.core.library import Change, Library
from facilitator.core.model import GroupDecision
from facilitator.i18n import _, format_long_date, ngettext
from facilitator.ui.fit import fit_to_screen, show_whole_dates
from facilitator.ui.value_boxes import type_whole_values

SHOWN = {"all": None, "agreed": True, "undecided": False}
SEARCH_PAUSE_MS = 200  # the search waits for a pause in typing this long
CATCH_UP_MS = 300  # a change in the library is caught up with this long after it (changes in a row wait together)
LOOK_AHEAD = 8  # rows below the last one in sight are fitted too, so a page down is ready


def _cells(found: GroupDecision) -> tuple[str, str, str, str]:
    """What one decision shows in the table's four columns."""
    d = found.decision
    when = format_long_date(found.date) if found.date else _("No date")
    meeting = found.workshop_title + (f" · {found.item_title}" if found.item_title else "")
    stands = _("Agreed as written") if d.agreed else _("Still to decide")
    how = " ".join(how_agreed(d))
    return when, meeting, d.text, f"{stands}\n{how}" if how else stands


class FoundDecisions(QAbstractTableModel):
    """The decisions a search found, one a row; a row's words are made the first time it is shown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.found: list[GroupDecision] = []
        self._made: list[tuple[str, str, str, str] | None] = []
        self._headings = (_("When"), _("Meeting"), _("Decision"), _("How it stands"))

    def show(self, found: list[GroupDecision]) -> list[int] | None:
        """Show ``found``. Returns the rows whose words changed when the same decisions are shown in the
        same order (often none), or None when the rows themselves changed and the table starts again."""
        if [f.decision.id for f in found] != [f.decision.id for f in self.found]:
            self.beginResetModel()
            self.found, self._made = list(found), [None] * len(found)
            self.endResetModel()
            return None
        changed = [row for row, (new, old) in enumerate(zip(found, self.found)) if new != old]
        for row in changed:
            self.found[row], self._made[row] = found[row], None
            self.dataChanged.emit(self.index(row, 0), self.index(row, 3))
        return changed

    def cells(self, row: int) -> tuple[str, str, str, str]:
        made = self._made[row]
        if made is None:
            made = self._made[row] = _cells(self.found[row])
        return made

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else len(self.found)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else 4

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cells(index.row())[index.column()][:1000]
        if role == Qt.ItemDataRole.UserRole:
            return self.found[index.row()].workshop_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headings[section]
        return None


class WrappedRows(QTableView):
    """A table whose rows fit their wrapped words, fitted only as they come into sight.

    Fitting every row of a long table measures every cell; fitting the rows in
    sight costs the same for ten decisions as for three thousand."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._fitted: set[int] = set()
        self._widest: dict[int, tuple[int, float]] = {}
        self._fit = QTimer(self, singleShot=True, interval=0)
        self._fit.timeout.connect(self.fit_rows_in_sight)
        self.verticalScrollBar().valueChanged.connect(lambda *args: self._fit.start())
        self.horizontalHeader().sectionResized.connect(lambda *args: self.refit())

    def setModel(self, model) -> None:  # noqa: N802 (Qt's name)
        super().setModel(model)
        model.modelReset.connect(self.refit)
        model.rowsInserted.connect(self.refit)
        model.rowsRemoved.connect(self.refit)

    def refit(self, *args) -> None:
        """Every row is to be fitted again when it is next in sight (the columns changed, or the rows)."""
        self._fitted.clear()
        self._fit.start()

    def refit_rows(self, rows: list[int]) -> None:
        self._fitted.difference_update(rows)
        self._fit.start()

    def fit_rows_in_sight(self) -> None:
        count = self.model().rowCount() if self.model() is not None else 0
        for _pass in range(20):  # fitted rows get shorter or taller, and other rows come into sight
            if not count:
                return
            first = max(0, self.rowAt(0))
            last = self.rowAt(self.viewport().height() - 1)
            last = count - 1 if last < 0 else last
            waiting = [row for row in range(first, min(count, last + 1 + LOOK_AHEAD)) if row not in self._fitted]
            if not waiting:
                return
            for row in waiting:
                self.resizeRowToContents(row)
                self._fitted.add(row)

    def fitted_rows(self) -> set[int]:
        return set(self._fitted)

    def keep_narrow(self, column: int, most: int, share: float) -> None:
        """``column`` is ``most`` pixels wide, or ``share`` of the table's width when the table is narrow,
        so the column that stretches (the decision's words) keeps its room on a small screen."""
        self._widest[column] = (most, share)
        self._share_out()

    def _share_out(self) -> None:
        room = self.viewport().width()
        for column, (most, share) in self._widest.items():
            self.setColumnWidth(column, max(60, min(most, int(room * share))))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._share_out()
        self._fit.start()


class DecisionsView(QDialog):
    """A window over the main window; ``open_meeting`` asks for a meeting to be shown."""

    open_meeting = Signal(str)

    def __init__(self, library: Library, group_id: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.history: GroupHistory | None = None
        self._meetings: set[str] = set()
        self._changed: set[str] = set()
        self.setWindowTitle(_("What the group decided"))
        self.group_box = QComboBox()
        self.group_box.setAccessibleName(_("Group"))
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Search the decisions"))
        self.search.setPlaceholderText(_("Words to look for, like “bus” or “café”"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(500)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 18)  # its hint can be read
        self.shown = QComboBox()
        self.shown.setAccessibleName(_("Which decisions"))
        self.shown.addItem(_("All decisions"), "all")
        self.shown.addItem(_("Agreed as written"), "agreed")
        self.shown.addItem(_("Still to decide"), "undecided")
        self.use_since, self.since = self._date_filter(_("From"))
        self.use_until, self.until = self._date_filter(_("Until"))
        self.count = QLabel()
        self.found = FoundDecisions(self)
        self.table = WrappedRows()
        self.table.setModel(self.found)
        self.table.setAccessibleName(_("Decisions found"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        # Tab and Shift+Tab leave the table for the next control; the arrow keys move between its cells.
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        # The decision's own words get the room; the meeting and how it stands wrap in a fixed width;
        # the date's column is as wide as the widest date the group has (measured on the dates, not the rows).
        # On a narrow window each gives up room so the decision's own words keep at least a third.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width, share in ((0, 200, 0.2), (1, 240, 0.22), (3, 280, 0.22)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.keep_narrow(column, width, share)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)

        filters = QGridLayout()
        for column, (text, box) in enumerate(((_("&Group"), self.group_box), (_("&Search"), self.search), (_("S&how"), self.shown))):
            label = QLabel(text)
            label.setBuddy(box)
            filters.addWidget(label, 0, column)
            filters.addWidget(box, 1, column)
        # The dates go under the words, so the search box keeps its room on a small screen.
        filters.addWidget(self.use_since, 2, 0)
        filters.addWidget(self.since, 3, 0)
        filters.addWidget(self.use_until, 2, 1)
        filters.addWidget(self.until, 3, 1, Qt.AlignmentFlag.AlignLeft)
        filters.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        hint = QLabel(_("Press Enter or double-click a decision to open its meeting."))
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self._search_pause = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self.refresh)
        self._catch_up = QTimer(self, singleShot=True, interval=CATCH_UP_MS)
        self._catch_up.timeout.connect(self.catch_up)
        self._fill_groups(group_id)
        self.group_box.activated.connect(lambda *args: self.reload())
        self.search.textChanged.connect(lambda *args: self._search_pause.start())
        self.search.returnPressed.connect(self.search_now)
        self.shown.activated.connect(lambda *args: self.refresh())
        library.subscribe(self._library_changed)
        self.finished.connect(lambda *args: library.unsubscribe(self._library_changed))
        fit_to_screen(self, 1200, 680)
        self.reload()

    def _date_filter(self, text: str) -> tuple[QCheckBox, QDateEdit]:
        use = QCheckBox(text)
        edit = QDateEdit(calendarPopup=True)
        edit.setDisplayFormat("dddd d MMMM yyyy")
        edit.setDate(QDate.currentDate())
        edit.setEnabled(False)
        edit.setAccessibleName(text)
        show_whole_dates(edit)
        type_whole_values(edit)  # a date typed whole, not read half way through
        use.toggled.connect(edit.setEnabled)
        use.toggled.connect(lambda *args: self.refresh())
        edit.dateChanged.connect(lambda *args: self.refresh())
        return use, edit

    def _fill_groups(self, chosen: str | None) -> None:
        groups = [(group.name, group.id) for group in self.library.groups()]
        shown = [(self.group_box.itemText(n), self.group_box.itemData(n)) for n in range(self.group_box.count())]
        if groups != shown:
            self.group_box.clear()
            for name, group_id in groups:
                self.group_box.addItem(name, group_id)
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(chosen)))

    def group_id(self) -> str | None:
        return self.group_box.currentData()

    def reload(self) -> None:
        """Read the group's decisions again (another group chosen, or the library changed)."""
        group_id = self.group_id()
        self.history = GroupHistory(self.library, group_id, earlier=self.history) if group_id else None
        self._meetings = {m.id for m in self.library.group_meetings(group_id)} if group_id else set()
        self._fit_dates()
        self.refresh()

    def _fit_dates(self) -> None:
        """The date column as wide as the widest of the group's dates (a few dozen, however many decisions)."""
        dates = {found.date for found in self.history.decisions} if self.history else set()
        texts = [format_long_date(date) if date else _("No date") for date in dates] + [_("When")]
        metrics = self.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(text) for text in texts) + 4 * metrics.averageCharWidth()
        self.table.keep_narrow(0, widest, 0.2)

    def _library_changed(self, change: Change) -> None:
        self._changed.add(change.workshop_id)
        self._catch_up.start()

    def catch_up(self) -> None:
        """Follow the changes made in the library since the last look, if they touch this group's meetings."""
        self._catch_up.stop()
        changed, self._changed = self._changed, set()
        group_id = self.group_id()
        self._fill_groups(group_id)
        if self.group_id() != group_id:
            self.reload()
            return
        if group_id is None or self.history is None:
            return
        now = {m.id for m in self.library.group_meetings(group_id)}
        touched = changed & (now | self._meetings)
        self._meetings = now
        if touched:
            self.history = self.history.updated(self.library, touched)  # only those meetings read again
            self._fit_dates()
            self.refresh()

    def waiting(self) -> bool:
        """Whether a search or a change is waiting to be shown (after the pause in typing, or the change's moment)."""
        return self._search_pause.isActive() or self._catch_up.isActive()

    def search_now(self) -> None:
        """Search at once, not after the pause (Enter in the search box)."""
        self._search_pause.stop()
        self.refresh()

    def filters(self) -> Filters:
        def day(edit: QDateEdit) -> dt.date:
            value = edit.date()
            return dt.date(value.year(), value.month(), value.day())

        return Filters(
            words=self.search.text(),
            agreed=SHOWN[self.shown.currentData()],
            since=day(self.since) if self.use_since.isChecked() else None,
            until=day(self.until) if self.use_until.isChecked() else None,
        )

    def refresh(self) -> None:
        self._search_pause.stop()
        if self.history is None:
            self.found.show([])
            self.count.setText(_("There are no groups yet. Choose a workshop's group on its page."))
            return
        found = self.history.search(self.filters())
        changed = self.found.show(found)
        if changed:
            self.table.refit_rows(changed)
        total = len(self.history.decisions)
        self.count.setText(
            ngettext("{found} of {total} decision", "{found} of {total} decisions", total).format(found=len(found), total=total)
        )

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_meeting.emit(index.data(Qt.ItemDataRole.UserRole))
