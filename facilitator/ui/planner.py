"""The planner: the agenda as cards, the chosen card's form, and the time it all takes.

Every change (add, remove, duplicate, move, drag, edit a field) is an edit on
the undo stack; the library saves it and tells the page, which shows the
agenda again with its start times worked out afresh.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.edits import AddPart, ChangePart, MovePart, RemovePart
from facilitator.core.model import ITEM_KIND_NAMES, AgendaItem, ItemKind, Workshop, new_id
from facilitator.i18n import _
from facilitator.session.timings import minutes_taken
from facilitator.ui.agenda_card import AgendaCards
from facilitator.ui.agenda_model import AgendaModel
from facilitator.ui.fit import ScrollingBody, SideBySide
from facilitator.ui.item_editor import ItemEditor
from facilitator.ui.kinds import kind_icon
from facilitator.ui.picture_picker import PicturePicker
from facilitator.ui.pictures import PictureStore
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.time_bar import TimeBar
from facilitator.ui.undo import UndoHistory

KIND_MINUTES = {ItemKind.WELCOME: 10, ItemKind.BREAK: 15, ItemKind.CLOSE: 10}


def with_mnemonic(text: str, used: set[str]) -> str:
    """The text with an Alt letter (&) on its first letter that ``used`` does not have yet."""
    text = text.replace("&", "&&")
    for n, char in enumerate(text):
        if char.isalpha() and char.lower() not in used:
            used.add(char.lower())
            return text[:n] + "&" + text[n:]
    return text


class FormArea(ScrollingBody):
    """The item's form: beside the cards it scrolls when the window is short; under them it is shown
    whole (``whole``), and the page it is on scrolls instead, so there is only one scroll bar to follow."""

    whole = False

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        smallest = super().minimumSizeHint()
        if self.whole:
            smallest.setHeight(self.sizeHint().height())
        return smallest


class AgendaPlanner(QWidget):
    said = Signal(str)  # a short message for the status bar

    def __init__(self, pictures: PictureStore, history: UndoHistory, plain_words: PlainWords | None = None, parent=None):
        super().__init__(parent)
        self.pictures = pictures
        self.history = history
        self.workshop: Workshop | None = None

        self.model = AgendaModel(self)
        self.model.move_requested.connect(self.move_to)
        self.cards = AgendaCards(pictures)
        self.cards.setModel(self.model)
        self.cards.setAccessibleName(_("Agenda items"))
        self.cards.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cards.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.cards.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.cards.setDropIndicatorShown(True)
        self.cards.selectionModel().currentChanged.connect(lambda *args: self._show_current())

        self.editor = ItemEditor(pictures, plain_words)
        self.editor.changed.connect(self.change_current)
        self.editor.choose_picture.connect(self.choose_picture)
        self.time_bar = TimeBar()

        self.add_menu = QMenu(self)
        used: set[str] = set()
        for kind in ItemKind:
            action = self.add_menu.addAction(kind_icon(kind), with_mnemonic(_(ITEM_KIND_NAMES[kind]), used))
            action.triggered.connect(lambda _checked=False, k=kind: self.add_item(k))
        self.add_action = self._action(_("&Add an item"), lambda: self.add_item(ItemKind.DISCUSSION), ["Ctrl+Shift+A", "Insert"])
        self.duplicate_action = self._action(_("Dupli&cate"), self.duplicate_current, ["Ctrl+D"])
        self.remove_action = self._action(_("&Remove"), self.remove_current, ["Delete"], on_cards=True)
        self.up_action = self._action(_("Move &up"), lambda: self.move_current(-1), ["Ctrl+Up"])
        self.down_action = self._action(_("Move &down"), lambda: self.move_current(+1), ["Ctrl+Down"])
        self.picture_action = self._action(_("Choose a &picture…"), self.choose_picture, ["Ctrl+Shift+P"])
        # The Menu key (or Shift+F10) on the cards opens the same actions, with the menu of kinds to add.
        self.add_menu.setTitle(_("Add an item of a &kind"))
        self.cards.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.add_action, self.add_menu.menuAction(), self.duplicate_action, self.up_action, self.down_action):
            self.cards.addAction(action)
        # A toolbar, so that when the cards are narrow the buttons that do not fit wait behind "»".
        tools = QToolBar(_("Agenda tools"))
        tools.setAccessibleName(_("Agenda tools"))
        tools.setIconSize(QSize(16, 16))
        add_button = self._button(self.add_action, QStyle.StandardPixmap.SP_FileDialogNewFolder)
        add_button.setMenu(self.add_menu)
        add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        tools.addWidget(add_button)
        for action, icon in ((self.duplicate_action, QStyle.StandardPixmap.SP_FileDialogDetailedView),
                             (self.remove_action, QStyle.StandardPixmap.SP_TrashIcon),
                             (self.up_action, QStyle.StandardPixmap.SP_ArrowUp),
                             (self.down_action, QStyle.StandardPixmap.SP_ArrowDown)):
            tools.addWidget(self._button(action, icon))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(tools)
        left_layout.addWidget(self.cards, stretch=1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        # The item's form scrolls when the window is short, so the cards keep their room.
        self.form_area = FormArea(self.editor, shrinks_first=True)
        self.splitter.addWidget(self.form_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        # The form goes under the cards when the page is too narrow for both side by side; the cards then
        # keep room for a few of them, and the page scrolls down to the form.
        def place(side: bool) -> None:
            self.splitter.setOrientation(Qt.Orientation.Horizontal if side else Qt.Orientation.Vertical)
            self.form_area.whole = not side  # under the cards, the page scrolls, not the form inside it
            self.form_area.updateGeometry()
            left.setMinimumHeight(0 if side else self.cards.fontMetrics().lineSpacing() * 16)
            length = self.splitter.width() if side else self.splitter.height()
            self.splitter.setSizes([length * 3 // 5, length * 2 // 5])  # the cards keep the bigger share

        self.arrangement = SideBySide(self, left, self.splitter.widget(1), place, self.splitter.handleWidth(), roomy=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.time_bar)
        layout.addWidget(self.splitter, stretch=1)
        self._enable()

    def _action(self, text: str, slot, keys: list[str], on_cards: bool = False) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        (self.cards if on_cards else self).addAction(action)
        action.setToolTip(f"{text.replace('&', '')} ({QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)})")
        return action

    def _button(self, action: QAction, icon: QStyle.StandardPixmap) -> QToolButton:
        action.setIcon(self.style().standardIcon(icon))
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    # -- showing -------------------------------------------------------------

    def show_workshop(self, workshop: Workshop | None) -> None:
        """Show a workshop's agenda (again), keeping the chosen card when it is still there."""
        keep = self.current_item()
        other_workshop = workshop is None or self.workshop is None or workshop.id != self.workshop.id
        if other_workshop:
            self.editor.flush()
        self.workshop = workshop
        self.model.set_workshop(workshop)
        row = -1 if keep is None or other_workshop else self.model.row_of(keep.id)
        if row < 0 and self.model.rowCount():
            row = 0
        self.select_row(row)
        self.time_bar.show_workshop(workshop)
        self._show_current()

    def select_row(self, row: int) -> None:
        if row < 0:
            self.cards.selectionModel().clear()
            return
        index = self.model.index(row)
        self.cards.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.cards.scrollTo(index)

    def current_row(self) -> int:
        index = self.cards.currentIndex()
        return index.row() if index.isValid() else -1

    def current_item(self) -> AgendaItem | None:
        row = self.current_row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def _show_current(self) -> None:
        item = self.current_item()
        taken = minutes_taken(self.workshop).get(item.id) if item is not None and self.workshop is not None else None
        self.editor.show_item(item, taken)
        self._enable()

    def _enable(self) -> None:
        row, count = self.current_row(), self.model.rowCount()
        self.add_action.setEnabled(self.workshop is not None)
        for action in (self.duplicate_action, self.remove_action, self.picture_action):
            action.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < count - 1)

    # -- editing ---------------------------------------------------------------

    def add_item(self, kind: ItemKind) -> None:
        if self.workshop is None:
            return
        self.editor.flush()
        item = AgendaItem(title=_(ITEM_KIND_NAMES[kind]), kind=kind, minutes=KIND_MINUTES.get(kind, 15))
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        self.history.push(AddPart(self.workshop.id, "agenda", item, row))
        self.select_row(self.model.row_of(item.id))
        self.editor.title_edit.setFocus()
        self.editor.title_edit.selectAll()

    def duplicate_current(self) -> None:
        item = self.current_item()
        if item is None or self.workshop is None:
            return
        self.editor.flush()
        item = copy.deepcopy(self.current_item())
        item.id = new_id()
        self.history.push(AddPart(self.workshop.id, "agenda", item, self.current_row() + 1))
        self.select_row(self.model.row_of(item.id))

    def remove_current(self) -> None:
        item, row = self.current_item(), self.current_row()
        if item is None or self.workshop is None:
            return
        self.editor.flush()
        item = self.current_item()
        self.history.push(RemovePart(self.workshop.id, "agenda", item, row))
        self.select_row(min(row, self.model.rowCount() - 1))
        self.said.emit(_("Removed “{title}”. Undo brings it back.").format(title=item.title))

    def move_current(self, step: int) -> None:
        item = self.current_item()
        if item is not None:
            self.move_to(item.id, self.current_row() + step)
        self.cards.setFocus()

    def move_to(self, item_id: str, target: int) -> None:
        source = self.model.row_of(item_id)
        if self.workshop is None or source < 0 or not 0 <= target < self.model.rowCount() or target == source:
            return
        self.editor.flush()
        self.history.push(MovePart(self.workshop.id, "agenda", item_id, source, target))
        self.select_row(self.model.row_of(item_id))

    def change_current(self, field: str, value) -> None:
        item = self.editor.item
        if item is None or self.workshop is None:
            return
        self.history.push(ChangePart.of(self.workshop.id, "agenda", item, **{field: value}))

    def choose_picture(self) -> None:
        item = self.current_item()
        if item is None:
            return
        self.editor.flush()
        item = self.current_item()
        picker = PicturePicker(self.pictures, f"{item.title} {item.plain_words}", self)
        if picker.exec() and picker.chosen is not None and picker.chosen != item.picture:
            self.change_current("picture", picker.chosen)
        self.editor.show_picture()
        self.cards.viewport().update()
