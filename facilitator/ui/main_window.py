"""The main window: the library's workshops on the left, the chosen one on the right.

It stays thin: menu actions live in ``menus.py``, the page in ``workshop_page.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from facilitator.commands import LibraryCommands
from facilitator.core.errors import WorkshopNotFound
from facilitator.core.library import Change, Library
from facilitator.i18n import _, format_long_date
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.pictures.openmoji import OpenMoji
from facilitator.pictures.vocabulary import VocabularyError
from facilitator.ui import ask, menus, zoom
from facilitator.ui.daily_care import DailyCare
from facilitator.ui.fit import FRAME, ScrollingBody, fit_to_screen, keep_inside, room_for, screen_area
from facilitator.ui.glossary_panel import GlossaryPanel
from facilitator.ui.hints import hints_of
from facilitator.ui.in_view import keep_focus_in_view
from facilitator.ui.pictures import PictureStore
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.read_aloud import ReadAloud
from facilitator.ui.saving import SavingBanner, ask_before_closing
from facilitator.ui.settings import LAST_FOLDER, LAST_WORKSHOP, WINDOW_GEOMETRY, WINDOW_SPLITTER, ZOOM, Preferences
from facilitator.ui.speech import Speaker
from facilitator.ui.telling import tell
from facilitator.ui.undo import UndoHistory
from facilitator.ui.workshop_list import WorkshopList
from facilitator.ui.workshop_page import WorkshopPage

FIRST_SIZE = QSize(1280, 800)  # at the first start; less on a smaller screen


class MainWindow(QMainWindow):
    first_paint = Signal()

    def __init__(self, library: Library, preferences: Preferences | None = None, speaker: Speaker | None = None):
        super().__init__()
        self.library = library
        self.preferences = preferences or Preferences()
        self.speaker = speaker or Speaker(self.preferences, parent=self, start=False)
        self.commands = LibraryCommands(library, self)
        self._painted = False
        self._closed = False
        self.presenter = None
        self.setWindowTitle(_("facilitator"))
        keep_focus_in_view()  # a control reached by Tab is scrolled into sight, however deep

        self.workshop_list = WorkshopList()
        self.workshop_list.setMinimumWidth(self._narrowest_list())
        self.workshop_list.current_changed.connect(self._show_current)
        list_label = QLabel(_("&Workshops"))
        list_label.setBuddy(self.workshop_list)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.workshop_list)

        catalogue, picture_trouble = _load_catalogue()
        self.pictures = PictureStore(catalogue, library)
        self.history = UndoHistory(library, self)
        self.plain_words = PlainWords(self.history, self)
        self.page = WorkshopPage(library, self.pictures, self.history, self.plain_words)
        self.page.saved.connect(self._show_saved)
        self.page.said.connect(lambda text: tell(self, text))
        self.empty = QLabel(_("The library has no workshops yet.\nUse File ▸ New workshop or File ▸ Import a workshop."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.empty)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        # On a short screen (a laptop at 125%) the page scrolls rather than standing off the bottom.
        self.page_area = ScrollingBody(self.stack, shrinks_first=True, smallest=self._smallest_page, sideways=True)
        self.page.tabs.currentChanged.connect(lambda *args: self.page_area.widget().updateGeometry())
        self.splitter.addWidget(self.page_area)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.saving = SavingBanner(library)
        self.saving.saved_again.connect(self._show_saved)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.saving)
        middle_layout.addWidget(self.splitter, stretch=1)
        self.setCentralWidget(middle)

        self.glossary = GlossaryPanel(library, self.history, self.plain_words, self.pictures)
        self.glossary.said.connect(lambda text: tell(self.glossary, text))
        self.glossary_dock = QDockWidget(_("Plain words"), self)
        self.glossary_dock.setObjectName("plain-words")
        self.glossary_dock.setWidget(self.glossary)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glossary_dock)
        self.glossary_dock.hide()
        self.plain_words.look_up_requested.connect(self.show_glossary)
        # The glossary is read just after the window first appears; underlines follow a moment later.
        self.first_paint.connect(lambda: QTimer.singleShot(0, self.plain_words.load))
        self.first_paint.connect(lambda: QTimer.singleShot(0, self.speaker.start))  # the voices, just after
        # Today's backup and the check of the whole file, if due, on another thread once the window is seen.
        self.daily_care = DailyCare(self, library)
        self.first_paint.connect(lambda: QTimer.singleShot(0, self.daily_care.start))

        self.read_aloud = ReadAloud(self)
        self.actions = menus.build(self)
        trouble = picture_trouble or library.backup_problem
        if trouble:
            tell(self, trouble, urgent=True)
        else:
            self.statusBar().showMessage(_("Library: {path}").format(path=library.path))
        zoom.set_zoom(self.preferences.get(ZOOM))
        library.subscribe(self._library_changed)
        self.refresh_list(select=self.preferences.get(LAST_WORKSHOP))
        self._restore_places()

    # -- the list ------------------------------------------------------------

    def refresh_list(self, select: str | None = None) -> None:
        """Show every workshop of the library again (the window opening), with ``select`` current."""
        self.workshop_list.show_all(self.library.list_workshops(), select or self.current_workshop_id())
        self._list_changed()

    def _list_changed(self) -> None:
        if self.workshop_list.count() and self.workshop_list.current_id() is None:
            self.workshop_list.setCurrentRow(0)
        self._show_current()
        for action in self.actions.needs_workshop:
            action.setEnabled(self.current_workshop_id() is not None)

    def current_workshop_id(self) -> str | None:
        return self.workshop_list.current_id()

    def select_workshop(self, workshop_id: str) -> None:
        row = self.workshop_list.row_of(workshop_id)
        if row < 0:
            self.refresh_list(select=workshop_id)
            return
        self.workshop_list.setCurrentRow(row)
        self._list_changed()

    def _show_current(self, *args) -> None:
        workshop_id = self.current_workshop_id()
        if workshop_id is None:
            self.page.show_workshop(None)
            self.stack.setCurrentWidget(self.empty)
            return
        if self.page.workshop is None or self.page.workshop.id != workshop_id:
            self.page.show_workshop(workshop_id)
        self.stack.setCurrentWidget(self.page)
        self.preferences.set(LAST_WORKSHOP, workshop_id)

    def _library_changed(self, change: Change) -> None:
        """One workshop added, changed or removed: only its row is put right."""
        if change.kind == "removed":
            self.workshop_list.take(change.workshop_id)
        else:
            try:
                summary = self.library.summary(change.workshop_id)
            except WorkshopNotFound:  # gone again before it was told
                self.workshop_list.take(change.workshop_id)
            else:
                self.workshop_list.put(summary)
                if change.kind == "added":
                    self.workshop_list.setCurrentRow(self.workshop_list.row_of(change.workshop_id))
        self._list_changed()

    def show_glossary(self, *args) -> None:
        if not self.glossary_dock.isVisible():
            self.glossary_dock.show()
            self._make_room_for_the_glossary()
        self.glossary_dock.raise_()

    def _make_room_for_the_glossary(self) -> None:
        """The panel beside the page: a third of the window, but no wider than leaves the page the room it
        needs when it can. A window that is not maximised grows first, as far as its screen allows; where
        the screen is too narrow for both, the page scrolls sideways (the window never grows off it)."""
        wanted = max(360, self.width() // 3)
        if not (self.isMaximized() or self.isFullScreen()):
            self.resize(min(room_for(self).width(), self.width() + wanted), self.height())
            keep_inside(self)
        page = self.page_area.widget().minimumSizeHint().width() + self.page_area.edges().width()
        # The splitter and the dock each keep a few pixels of edge of their own.
        edges = self.splitter.handleWidth() + 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent)
        spare = self.width() - self.splitter.sizes()[0] - edges - page - self.page_area.frameWidth() * 2 - 8
        width = max(self.glossary_dock.minimumSizeHint().width(), min(wanted, spare))
        self.resizeDocks([self.glossary_dock], [width], Qt.Orientation.Horizontal)

    def look_up(self) -> None:
        """Look up the word at the cursor of the focused text box, or open the glossary to search."""
        hints = hints_of(QApplication.focusWidget())
        if hints is not None:
            hints.look_up_here()
            return
        self.show_glossary()
        self.glossary.search_edit.setFocus()
        self.glossary.search_edit.selectAll()

    def show_decisions(self) -> None:
        """Open the window that searches everything the current workshop's group decided."""
        from facilitator.ui.decisions_view import DecisionsView

        self.page.flush()
        group_id = self.page.workshop.group_id if self.page.workshop else None
        view = DecisionsView(self.library, group_id, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open_meeting.connect(self.select_workshop)
        view.show()
        self.decisions_view = view

    def print_workshop(self) -> None:
        """Preview, save as PDF or print the summary, agenda handout or picture cards of the current workshop."""
        from facilitator.core.summary import hard_words_from
        from facilitator.ui.print_dialog import PrintDialog

        workshop_id = self.current_workshop_id()
        if workshop_id is None:
            return
        self.page.flush()
        workshop = self.library.load_workshop(workshop_id)
        dialog = PrintDialog(self.library, self.pictures.catalogue, workshop, hard_words_from(self.plain_words.glossary), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.print_dialog = dialog

    def next_meeting(self) -> None:
        """Plan the group's next meeting on the day and at the time the facilitator says, opening with last time."""
        workshop_id = self.current_workshop_id()
        if workshop_id is None:
            return
        self.page.flush()
        made = self.commands.next_meeting(workshop_id)
        if made is not None:
            self.select_workshop(made.id)
            tell(
                self, _("Planned the next meeting for {date}. It starts with what happened last time.").format(
                    date=format_long_date(made.date)),
            )

    def present(self, from_chosen_item: bool = False, try_out: bool = False) -> None:
        """Start presenting the workshop on screen (from the welcome, or from the chosen agenda item); a try-out
        keeps no times."""
        from facilitator.ui.presenter.presenter import Presenter

        if self.presenter is not None:
            self.presenter.console.raise_()
            self.presenter.console.activateWindow()
            return
        workshop_id = self.current_workshop_id()
        if workshop_id is None:
            return
        self.page.flush()
        place = -1
        if from_chosen_item:
            item = self.page.planner.current_item()
            ids = [i.id for i in self.page.workshop.agenda] if self.page.workshop else []
            place = ids.index(item.id) if item is not None and item.id in ids else -1
        self.presenter = Presenter(
            self.library, workshop_id, self.pictures, self.history, self.plain_words, self.preferences, self, self.speaker,
            try_out=try_out,
        )
        self.presenter.stopped.connect(self._presenting_stopped)
        self.presenter.start(place)

    def _presenting_stopped(self) -> None:
        self.presenter = None
        tell(self, _("Presenting stopped. The times of the items are kept."))
        self.activateWindow()

    def _show_saved(self) -> None:
        if not self.library.unsaved:  # otherwise the band at the top says what is not saved yet
            tell(self, _("All changes saved."), seconds=4)

    # -- the View that commands talk to ------------------------------------------

    def pick_file_to_open(self, title: str, filter: str) -> Path | None:
        name, _chosen = QFileDialog.getOpenFileName(self, title, self.preferences.get(LAST_FOLDER), filter)
        return self._remember_folder(name)

    def pick_file_to_save(self, title: str, suggested_name: str, filter: str) -> Path | None:
        start = str(Path(self.preferences.get(LAST_FOLDER) or Path.home()) / suggested_name)
        name, _chosen = QFileDialog.getSaveFileName(self, title, start, filter)
        return self._remember_folder(name)

    def _remember_folder(self, name: str) -> Path | None:
        if not name:
            return None
        self.preferences.set(LAST_FOLDER, str(Path(name).parent))
        return Path(name)

    def confirm(self, title: str, question: str, yes: str) -> bool:
        return ask.confirm(self, title, question, yes)

    def tell(self, title: str, message: str) -> None:
        QMessageBox.information(self, title, message)

    def warn(self, title: str, message: str, details: list[str]) -> None:
        text = message + "\n\n" + "\n".join(f"• {line}" for line in details)
        QMessageBox.warning(self, title, text)

    def ask_when(self, title: str, question: str, day: dt.date, start: dt.time) -> tuple[dt.date, dt.time] | None:
        from facilitator.ui.when_dialog import ask_when

        return ask_when(self, title, question, day, start)

    # -- window life -----------------------------------------------------------

    def _restore_places(self) -> None:
        """The window where it was last time; at the first start, most of the screen it opens on."""
        geometry = self.preferences.get(WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            room = fit_to_screen(self, FIRST_SIZE.width(), FIRST_SIZE.height())
            area = screen_area(self)
            self.move(area.left() + (area.width() - room.width() - FRAME.width()) // 2,
                      area.top() + (area.height() - room.height() - FRAME.height()) // 2)
        elif not self.isMaximized():
            fit_to_screen(self, self.width(), self.height())
        if not self.splitter.restoreState(self.preferences.get(WINDOW_SPLITTER)):
            listed = max(self.workshop_list.minimumWidth(), min(self.width() // 6, 280))
            self.splitter.setSizes([listed, self.width() - listed])

    def _smallest_page(self) -> QSize:
        """The page's smallest size with the tab it shows. Qt makes tabs as tall as the tallest of them
        needs; here the agenda does not scroll because the People tab's long form would not fit."""
        page = self.stack.currentWidget()
        smallest = page.minimumSizeHint()
        layout = page.layout()
        if layout is not None and layout.hasHeightForWidth():  # wrapped words take more lines when narrow
            width = max(smallest.width(), self.page_area.viewport().width())
            smallest.setHeight(max(smallest.height(), layout.totalMinimumHeightForWidth(width)))
        tabs = getattr(page, "tabs", None)
        if tabs is None or tabs.currentWidget() is None:
            return smallest
        tallest = max(tabs.widget(n).minimumSizeHint().height() for n in range(tabs.count()))
        return QSize(smallest.width(), smallest.height() - (tallest - tabs.currentWidget().minimumSizeHint().height()))

    def _narrowest_list(self) -> int:
        """Wide enough for a few words of a title on each line."""
        return self.workshop_list.fontMetrics().averageCharWidth() * 15

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint.emit()

    def closeEvent(self, event):  # noqa: N802 (Qt's name)
        if self._closed:
            return super().closeEvent(event)
        if self.presenter is not None:
            self.presenter.stop()  # its last times are written (or kept) before the question below
        self.page.flush()
        if not ask_before_closing(self, self.library):
            event.ignore()
            return
        self._closed = True
        self.saving.detach()
        self.speaker.close()
        self.page.detach()
        self.preferences.set(ZOOM, zoom.zoom())
        self.preferences.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.preferences.set(WINDOW_SPLITTER, self.splitter.saveState())
        self.preferences.sync()
        self.library.unsubscribe(self._library_changed)
        self.daily_care.wait()  # a backup being made is finished, not cut short
        super().closeEvent(event)


def _load_catalogue() -> tuple[PictureCatalogue, str]:
    """The picture catalogue, and a message when the vocabulary could not be read (OpenMoji still works)."""
    try:
        return PictureCatalogue.load(), ""
    except (OSError, VocabularyError) as error:
        return PictureCatalogue([], OpenMoji()), _("The picture word list could not be read: {reason}").format(reason=error)
