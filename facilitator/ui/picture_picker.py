"""Choose a picture: suggestions from the item's words, search by word, or your own photo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _, ngettext
from facilitator.pictures.catalogue import Picture
from facilitator.pictures.own import PictureRefused
from facilitator.ui.ask import confirm
from facilitator.ui.fit import fit_to_screen
from facilitator.ui.pictures import PictureStore, prepare_own_picture

FILE_FILTER = "*.png *.jpg *.jpeg *.gif *.webp *.svg"
REF_ROLE = Qt.ItemDataRole.UserRole


def ask_for_picture_file(parent: QWidget) -> Path | None:
    name, _chosen = QFileDialog.getOpenFileName(
        parent, _("Add your own picture"), str(Path.home()), _("Photos and pictures ({patterns})").format(patterns=FILE_FILTER)
    )
    return Path(name) if name else None


class PicturePicker(QDialog):
    """``chosen`` is the picked reference after ``exec``; "" means the kind's own picture."""

    def __init__(
        self,
        store: PictureStore,
        words: str,
        parent: QWidget | None = None,
        pick_file: Callable[[QWidget], Path | None] = ask_for_picture_file,
    ):
        super().__init__(parent)
        self.store = store
        self.words = words
        self.pick_file = pick_file
        self.chosen: str | None = None
        self.setWindowTitle(_("Choose a picture"))

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Type a word, like bus or tea"))
        self.search_edit.setAccessibleName(_("Find a picture by word"))
        self.search_edit.setClearButtonEnabled(True)
        search_label = QLabel(_("&Find a picture:"))
        search_label.setBuddy(self.search_edit)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.fill)
        self.search_edit.textChanged.connect(self._timer.start)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.results = QListWidget()
        self.results.setViewMode(QListView.ViewMode.IconMode)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setMovement(QListView.Movement.Static)
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(True)
        self.results.setSpacing(6)
        size = self.fontMetrics().lineSpacing() * 4
        self.results.setIconSize(QSize(size, size))
        self.results.setGridSize(QSize(size + 72, size + self.fontMetrics().lineSpacing() * 2 + 16))
        self.results.setAccessibleName(_("Pictures"))
        self.results.itemActivated.connect(lambda _item: self.accept_current())
        self.results.currentItemChanged.connect(self._selection_changed)

        self.add_button = QPushButton(_("&Add your own picture…"))
        self.add_button.clicked.connect(self.add_own)
        self.remove_button = QPushButton(_("&Remove this picture from the library…"))
        self.remove_button.clicked.connect(self.remove_own)
        self.remove_button.setEnabled(False)
        self.kind_button = QPushButton(_("Use the &kind's picture"))
        self.kind_button.clicked.connect(self.use_kind_picture)
        own_row = QHBoxLayout()
        own_row.addWidget(self.add_button)
        own_row.addWidget(self.remove_button)
        own_row.addStretch()
        own_row.addWidget(self.kind_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Use this picture"))
        self.buttons.accepted.connect(self.accept_current)
        self.buttons.rejected.connect(self.reject)

        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_edit, stretch=1)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.heading)
        layout.addWidget(self.results, stretch=1)
        layout.addLayout(own_row)
        layout.addWidget(self.buttons)
        self.fill()
        self.search_edit.setFocus()
        fit_to_screen(self, 760, 560)

    # -- the list ------------------------------------------------------------

    def fill(self, select: str | None = None) -> None:
        self._timer.stop()
        query = self.search_edit.text().strip()
        if query:
            found = self.store.catalogue.search(query)
            self.heading.setText(
                ngettext("{n} picture for “{query}”", "{n} pictures for “{query}”", len(found)).format(n=len(found), query=query)
                if found
                else _("No picture for “{query}”. Try another word, or add your own picture.").format(query=query)
            )
        else:
            found = self.store.catalogue.suggest(self.words)
            own = self.store.catalogue.own_pictures()
            everyday = [p for p in map(self.store.resolve, (w.word for w in self.store.catalogue.vocabulary)) if p]
            for picture in own + everyday:
                if all(picture.key != seen.key for seen in found):
                    found.append(picture)
            self.heading.setText(_("Pictures for the item's words first, then your own pictures, then everyday words."))
        self._show(found, select)

    def _show(self, found: list[Picture], select: str | None) -> None:
        self.results.clear()
        size = self.results.iconSize().width()
        for picture in found:
            entry = QListWidgetItem(QIcon(self.store.pixmap(picture.ref, size)), picture.words or _("picture"))
            entry.setData(REF_ROLE, picture.ref)
            entry.setToolTip(picture.words)
            self.results.addItem(entry)
            if picture.ref == select:
                self.results.setCurrentItem(entry)
        if self.results.currentItem() is None and self.results.count():
            self.results.setCurrentRow(0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.results.count() > 0)

    def current_ref(self) -> str | None:
        item = self.results.currentItem()
        return item.data(REF_ROLE) if item else None

    def _selection_changed(self, *args) -> None:
        ref = self.current_ref() or ""
        self.remove_button.setEnabled(ref.startswith("own:"))

    # -- choosing ------------------------------------------------------------

    def accept_current(self) -> None:
        if self._timer.isActive():  # Enter straight after typing: search for what was typed first
            self.fill()
        ref = self.current_ref()
        if ref:
            self.chosen = ref
            self.accept()

    def use_kind_picture(self) -> None:
        self.chosen = ""
        self.accept()

    def add_own(self) -> None:
        path = self.pick_file(self)
        if path is None:
            return
        try:
            picture = prepare_own_picture(path)
        except PictureRefused as error:
            QMessageBox.warning(self, _("Cannot use this picture"), str(error))
            return
        kept = self.store.library.add_picture(picture)
        self.store.refresh_own()
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.fill(select=kept.ref)

    def remove_own(self) -> None:
        ref = self.current_ref() or ""
        found = self.store.resolve(ref)
        if found is None or found.source != "own":
            return
        question = _("Remove “{name}” from the library? Items that use it will show an empty frame.")
        if confirm(self, _("Remove a picture"), question.format(name=found.words), _("Remove the picture")):
            self.store.library.remove_picture(found.key)
            self.store.refresh_own()
            self.fill()
