"""Everything a group has decided across its meetings, to search and filter.

The list follows each key press (a search over a thousand decisions takes well
under a millisecond, see benchmarks/decision_search.py). Opening a row shows
its meeting in the main window.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.deciding import how_agreed
from facilitator.core.history import Filters, GroupHistory
from facilitator.core.library import Change, Library
from facilitator.i18n import _, format_long_date, ngettext
from facilitator.ui.fit import fit_to_screen, show_whole_dates
from facilitator.ui.value_boxes import type_whole_values

SHOWN = {"all": None, "agreed": True, "undecided": False}


class DecisionsView(QDialog):
    """A window over the main window; ``open_meeting`` asks for a meeting to be shown."""

    open_meeting = Signal(str)

    def __init__(self, library: Library, group_id: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.history: GroupHistory | None = None
        self.setWindowTitle(_("What the group decided"))
        self.group_box = QComboBox()
        self.group_box.setAccessibleName(_("Group"))
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Search the decisions"))
        self.search.setPlaceholderText(_("Words to look for, like “bus” or “café”"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(500)
        self.shown = QComboBox()
        self.shown.setAccessibleName(_("Which decisions"))
        self.shown.addItem(_("All decisions"), "all")
        self.shown.addItem(_("Agreed as written"), "agreed")
        self.shown.addItem(_("Still to decide"), "undecided")
        self.use_since, self.since = self._date_filter(_("From"))
        self.use_until, self.until = self._date_filter(_("Until"))
        self.count = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("When"), _("Meeting"), _("Decision"), _("How it stands")])
        self.table.setAccessibleName(_("Decisions found"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        # The decision's own words get the room; the meeting and how it stands wrap in a fixed width.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 240), (3, 280)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        # Rows fit their wrapped words once the columns have their widths, after the change is laid out.
        self._fit_rows = QTimer(self, singleShot=True, interval=0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *args: self._fit_rows.start())
        self.table.cellActivated.connect(self._open)
        self.table.cellDoubleClicked.connect(self._open)

        filters = QGridLayout()
        for column, (text, box) in enumerate(((_("&Group"), self.group_box), (_("&Search"), self.search), (_("S&how"), self.shown))):
            label = QLabel(text)
            label.setBuddy(box)
            filters.addWidget(label, 0, column)
            filters.addWidget(box, 1, column)
        filters.addWidget(self.use_since, 0, 3)
        filters.addWidget(self.since, 1, 3)
        filters.addWidget(self.use_until, 0, 4)
        filters.addWidget(self.until, 1, 4)
        filters.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        hint = QLabel(_("Press Enter or double-click a decision to open its meeting."))
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self._fill_groups(group_id)
        self.group_box.activated.connect(lambda *args: self.reload())
        self.search.textChanged.connect(lambda *args: self.refresh())
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
        self.group_box.clear()
        for group in self.library.groups():
            self.group_box.addItem(group.name, group.id)
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(chosen)))

    def group_id(self) -> str | None:
        return self.group_box.currentData()

    def reload(self) -> None:
        """Read the group's decisions again (another group chosen, or the library changed)."""
        group_id = self.group_id()
        self.history = GroupHistory(self.library, group_id) if group_id else None
        self.refresh()

    def _library_changed(self, change: Change) -> None:
        self._fill_groups(self.group_id())
        self.reload()

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
        if self.history is None:
            self.table.setRowCount(0)
            self.count.setText(_("There are no groups yet. Choose a workshop's group on its page."))
            return
        found = self.history.search(self.filters())
        self.table.setRowCount(len(found))
        for row, decision in enumerate(found):
            d = decision.decision
            when = format_long_date(decision.date) if decision.date else _("No date")
            meeting = decision.workshop_title + (f" · {decision.item_title}" if decision.item_title else "")
            stands = _("Agreed as written") if d.agreed else _("Still to decide")
            how = " ".join(how_agreed(d))
            for column, text in enumerate((when, meeting, d.text, f"{stands}\n{how}" if how else stands)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text[:1000])
                cell.setData(Qt.ItemDataRole.UserRole, decision.workshop_id)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        total = len(self.history.decisions)
        self.count.setText(
            ngettext("{found} of {total} decision", "{found} of {total} decisions", total).format(found=len(found), total=total)
        )

    def _open(self, row: int, column: int) -> None:
        cell = self.table.item(row, 0)
        if cell is not None:
            self.open_meeting.emit(cell.data(Qt.ItemDataRole.UserRole))
