"""Press everything: every menu action, every button of the main window's pages, of the presenter's console and
of each dialog they open, once each, on the demo workshop.

A stand-in facilitator (``Presser``) answers every question at once: a dialog of the app's own has its empty
boxes filled in with a few words, each of its buttons pressed once (the first time such a dialog opens), and
then its Save or OK; a message box gets its "do it" button; a file dialog gets a path in the test's folder; a
question for a name gets one. Anything modal that slips past is closed by a watchdog and named, so the test
never waits. Any exception raised while something is pressed fails the test, naming what was pressed (and the
dialog it was pressed in).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QDesktopServices, QImage
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from facilitator.core import exchange
from facilitator.ui import languages
from facilitator.ui.print_dialog import PrintDialog
from tests.ui.accessible_tree import unreadable

MOST_PRESSES = 400  # a button that keeps making new buttons cannot keep the test going
DEEPEST = 3  # dialogs opened from dialogs opened from dialogs: no further
WORDS = ("Tea", "Garden", "Bus", "Lunch", "Music", "Walk")  # different words for each box, each with a picture
SENTENCES = "We meet on Tuesday. We talk about the garden."
DOING = (QMessageBox.ButtonRole.DestructiveRole, QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole,
         QMessageBox.ButtonRole.ApplyRole)


def plain(text: str) -> str:
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def button_name(button: QAbstractButton) -> str:
    action = button.defaultAction() if hasattr(button, "defaultAction") else None
    text = plain(button.text()) or (plain(action.text()) if action else "")
    return f"button “{text or button.accessibleName() or button.toolTip() or type(button).__name__}”"


class Presser:
    """Presses things, answers every dialog and question at once, and keeps what went wrong and where."""

    def __init__(self, qtbot, folder: Path):
        self.qtbot = qtbot
        self.folder = folder
        self.where: list[str] = []
        self.failures: list[str] = []
        self.answered: list[str] = []  # every dialog and question, in the order they came
        self.done_dialogs: set[str] = set()  # dialogs whose own buttons were pressed already
        self.answering: list[QWidget] = []
        self.refused: list[str] = []  # dialogs that would not take what was filled in, and what they said
        self.unreadable: list[str] = []  # what a screen reader would read wrongly in each dialog (accessible_tree.py)
        self.presses = 0
        self.workshop_file = folder / "to-import.json"
        self.picture_file = folder / "our-picture.png"
        image = QImage(64, 48, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.darkGreen)
        image.save(str(self.picture_file))
        self.saved = 0
        self.watchdog = QTimer()
        self.watchdog.setInterval(50)
        self.watchdog.timeout.connect(self._close_what_was_not_answered)
        self.watchdog.start()

    # -- pressing -----------------------------------------------------------------------------

    def press(self, label: str, do: Callable[[], object]) -> None:
        """Run ``do`` (a click, a trigger) and what it sets off; an exception anywhere is kept with ``label``."""
        self.presses += 1
        if self.presses > MOST_PRESSES:
            if self.presses == MOST_PRESSES + 1:
                self.failures.append(f"{self.place()}: more than {MOST_PRESSES} presses; something keeps making buttons")
            return
        self.where.append(label)
        try:
            with self.qtbot.capture_exceptions() as caught:
                try:
                    do()
                    QApplication.processEvents()
                except Exception as error:  # noqa: BLE001 (kept and reported with where it happened)
                    self.failures.append(f"{self.place()}: {what_went_wrong(type(error), error, error.__traceback__)}")
            for kind, value, trace in caught:
                self.failures.append(f"{self.place()}: {what_went_wrong(kind, value, trace)}")
        finally:
            self.where.pop()

    def place(self) -> str:
        return " › ".join(self.where)

    def trigger(self, label: str, action: QAction) -> None:
        self.press(label, action.trigger)

    def click(self, button: QAbstractButton, label: str | None = None) -> None:
        """Press a button as a person does; a button with a menu has each of its menu's items chosen instead (its
        menu would wait to be closed)."""
        label = label or button_name(button)
        menu = button.menu() if hasattr(button, "menu") else None
        if menu is not None:
            self.walk_menu(menu, label)
            if not (hasattr(button, "defaultAction") and button.defaultAction()):
                return
        self.press(label, button.click)

    def walk_menu(self, menu: QMenu, label: str, skip: Callable[[QAction], bool] = lambda a: False) -> None:
        menu.aboutToShow.emit()  # menus that fill themselves when opened
        for action in list(menu.actions()):
            if not shiboken6.isValid(action) or action.isSeparator() or skip(action):
                continue
            name = f"{label} ▸ {plain(action.text())}"
            if action.menu() is not None:
                self.walk_menu(action.menu(), name, skip)
            elif action.isEnabled() and action.isVisible():
                self.trigger(name, action)

    def press_buttons(self, top: QWidget, label: str, keep: Callable[[QAbstractButton], bool] = lambda b: True,
                      ready: Callable[[], bool] = lambda: True, pressed: set | None = None) -> list[str]:
        """Press every button a person can see and use in ``top``, once; buttons that appear meanwhile are pressed
        too (a button whose words change counts as a new one). Returns what was pressed."""
        pressed = set() if pressed is None else pressed
        names = []
        while ready() and self.presses < MOST_PRESSES:
            waiting = [b for b in top.findChildren(QAbstractButton) if _usable(b, top) and keep(b)
                       and (id(b), b.text()) not in pressed]
            if not waiting:
                break
            button = waiting[0]
            pressed.add((id(button), button.text()))
            names.append(button_name(button))
            self.click(button, f"{label} › {button_name(button)}")
        return names

    # -- answering ----------------------------------------------------------------------------

    def answer(self, dialog: QDialog) -> int:
        """Stand in for ``dialog.exec()``: fill it in, press its buttons, then Save (or OK); Cancel if refused."""
        title = f"dialog {type(dialog).__name__} “{dialog.windowTitle()}”"
        self.answered.append(title)
        if isinstance(dialog, QMessageBox):
            return self._answer_message(dialog, title)
        if isinstance(dialog, QPrintDialog):  # the printer is a PDF file here
            dialog.printer().setOutputFileName(str(self.folder / f"printed-{len(self.answered)}.pdf"))
            return QDialog.DialogCode.Accepted
        if len(self.answering) >= DEEPEST or type(dialog).__module__.startswith("PySide6"):
            dialog.reject()
            return dialog.result()
        self.answering.append(dialog)
        self.where.append(title)
        try:
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            dialog.show()
            fill_in(dialog)
            if type(dialog).__name__ not in self.done_dialogs:
                self.unreadable += [f"{title}: {line}" for line in unreadable(dialog)]
                self.done_dialogs.add(type(dialog).__name__)
                self.press_buttons(dialog, "", keep=lambda b: not _ends_the_dialog(b), ready=lambda: _open(dialog))
            if _open(dialog):
                fill_in(dialog)  # boxes its buttons added
                self._finish(dialog)
        finally:
            self.where.pop()
            self.answering.remove(dialog)
        if not shiboken6.isValid(dialog):
            return QDialog.DialogCode.Rejected
        result = dialog.result()
        dialog.hide()
        return result

    def _finish(self, dialog: QDialog) -> None:
        boxes = dialog.findChildren(QDialogButtonBox)
        yes = [b for box in boxes for b in box.buttons() if b.isVisible() and b.isEnabled() and box.buttonRole(b) in (
            QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)]
        if yes:
            self.click(yes[0])
        elif _open(dialog):
            self.press("accept", dialog.accept)
        if _open(dialog):  # refused what was filled in: the facilitator gives up
            said = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text()]
            self.refused.append(f"{self.place()}: {' / '.join(said)[-300:]}")
            self.press("cancel", dialog.reject)

    def _answer_message(self, box: QMessageBox, title: str) -> int:
        buttons = box.buttons()
        doing = [b for b in buttons if box.buttonRole(b) in DOING] or buttons
        if doing:
            box.show()
            self.click(doing[0], f"{title} › {button_name(doing[0])}")
        box.hide()
        return box.result()

    def told(self, kind: str, title: str, *args) -> QMessageBox.StandardButton:
        self.answered.append(f"message {kind} “{title}”")
        return QMessageBox.StandardButton.Yes if kind == "question" else QMessageBox.StandardButton.Ok

    def file_to_open(self, parent, caption="", folder="", filter="", *args, **kwargs) -> tuple[str, str]:
        self.answered.append(f"file to open “{caption}”")
        chosen = self.workshop_file if "json" in filter else self.picture_file
        return str(chosen), filter

    def file_to_save(self, parent, caption="", suggested="", filter="", *args, **kwargs) -> tuple[str, str]:
        self.answered.append(f"file to save “{caption}”")
        self.saved += 1
        folder = self.folder / f"saved-{self.saved}"
        folder.mkdir()
        return str(folder / (Path(suggested).name or "file")), filter

    def folder_to_use(self, parent, caption="", *args, **kwargs) -> str:
        self.answered.append(f"folder “{caption}”")
        self.saved += 1
        folder = self.folder / f"folder-{self.saved}"
        folder.mkdir()
        return str(folder)

    def text_asked(self, parent, title, label, *args, **kwargs) -> tuple[str, bool]:
        self.answered.append(f"words asked “{title}”")
        return WORDS[0], True

    def item_asked(self, parent, title, label, items, current=0, *args, **kwargs) -> tuple[str, bool]:
        self.answered.append(f"choice asked “{title}”")
        return (items[current] if items else ""), bool(items)

    def number_asked(self, parent, title, label, value=0, *args, **kwargs) -> tuple[int, bool]:
        self.answered.append(f"number asked “{title}”")
        return value, True

    def _close_what_was_not_answered(self) -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):  # a right-click menu, opened as a person would: each of its items, then close
            self.watchdog.stop()
            try:
                self.walk_menu(popup, "menu")
            finally:
                if shiboken6.isValid(popup):
                    popup.close()
                self.watchdog.start()
            return
        for widget in (QApplication.activeModalWidget(), popup):
            if widget is not None and widget not in self.answering:
                self.failures.append(f"{self.place()}: {type(widget).__name__} “{widget.windowTitle()}” waited for an "
                                     "answer nobody gave")
                widget.close()

    def stop(self) -> None:
        self.watchdog.stop()

    def report(self) -> str:
        return "\n".join(self.failures)


def what_went_wrong(kind, value, trace) -> str:
    """The exception in one line, and the app's own line that raised it."""
    frames = traceback.extract_tb(trace)
    ours = [frame for frame in frames if "/facilitator/" in frame.filename] or frames
    at = f" (at {Path(ours[-1].filename).name}:{ours[-1].lineno} in {ours[-1].name})" if ours else ""
    words = str(value).strip().splitlines()
    return f"{kind.__name__}: {words[0][:200] if words else ''}{at}"


def _usable(button: QAbstractButton, top: QWidget) -> bool:
    return shiboken6.isValid(button) and button.isVisibleTo(top) and button.isVisible() and button.isEnabled()


ENDING = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.RejectRole,
          QDialogButtonBox.ButtonRole.YesRole, QDialogButtonBox.ButtonRole.NoRole)


def _ends_the_dialog(button: QAbstractButton) -> bool:
    """Save, OK, Cancel, Close and the like: pressed last, by ``Presser._finish``, or not at all."""
    parent = button.parentWidget()
    if isinstance(parent, QMessageBox):
        return True
    return isinstance(parent, QDialogButtonBox) and parent.buttonRole(button) in ENDING


def _open(dialog: QDialog) -> bool:
    return shiboken6.isValid(dialog) and dialog.isVisible()


def fill_in(dialog: QDialog) -> None:
    """Words in every empty box a person would type in."""
    edits = [edit for edit in dialog.findChildren(QLineEdit) if not isinstance(edit.parentWidget(), QAbstractSpinBox | QComboBox)
             and edit.isVisibleTo(dialog) and edit.isEnabled() and not edit.isReadOnly() and not edit.text()]
    for n, edit in enumerate(edits):
        edit.setText(WORDS[n % len(WORDS)])
    for edit in dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit):
        if edit.isVisibleTo(dialog) and edit.isEnabled() and not edit.isReadOnly() and not edit.toPlainText():
            edit.setPlainText(SENTENCES)


@pytest.fixture
def presser(qtbot, tmp_path, monkeypatch, window):
    made = Presser(qtbot, tmp_path)
    exchange.export_workshop(window.library, window.current_workshop_id(), made.workshop_file)
    for kind in (QDialog, QMessageBox, QFileDialog, QInputDialog, QPrintDialog):
        if "exec" in vars(kind) or kind is QDialog:
            monkeypatch.setattr(kind, "exec", lambda dialog, *args: made.answer(dialog))
    for kind in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda parent, title, *args, kind=kind: made.told(kind, title)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(made.file_to_open))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(made.file_to_save))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(made.folder_to_use))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(made.text_asked))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(made.item_asked))
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(made.number_asked))
    # A folder opened in the system's file manager: nothing leaves the test.
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: made.answered.append(f"opened {url}") or True))
    yield made
    made.stop()


def choose_first_rows(top: QWidget) -> None:
    """As a person does before pressing Change or Remove: click the first row of each list that has none chosen."""
    for view in top.findChildren(QAbstractItemView):
        if not view.isVisible() or view.currentIndex().isValid() or view.model() is None:
            continue
        model = view.model()
        rows = [model.index(row, 0) for row in range(model.rowCount())]
        rows += [model.index(0, 0, parent) for parent in rows if model.rowCount(parent)]
        chosen = next((index for index in rows if model.flags(index) & Qt.ItemFlag.ItemIsSelectable), None)
        if chosen is not None:
            view.setCurrentIndex(chosen)


def new_windows(before: set[int]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before
            and not isinstance(w, QMenu)]


def top_windows() -> set[int]:
    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


def after_each(window, presser: Presser, demo_id: str, before: set[int]) -> None:
    """Put things back for the next action: windows it opened (and the windows those open) are used and
    closed, presenting stops, and the demo workshop is chosen again."""
    handled = set(before)
    while presser.presses < MOST_PRESSES:
        waiting = [w for w in new_windows(handled) if w is not window and not (
            window.presenter is not None and w in (window.presenter.console, window.presenter.view))]
        if not waiting:
            break
        opened = waiting[0]
        handled.add(id(opened))
        name = f"window {type(opened).__name__} “{opened.windowTitle()}”"
        presser.answered.append(name)
        if type(opened).__name__ not in presser.done_dialogs:
            presser.done_dialogs.add(type(opened).__name__)
            if isinstance(opened, PrintDialog):  # its pages are made in a worker thread first
                presser.qtbot.waitUntil(opened.save_button.isEnabled, timeout=20000)
            presser.press_buttons(opened, name, keep=lambda b: not _ends_the_dialog(b),
                                  ready=lambda opened=opened: shiboken6.isValid(opened) and opened.isVisible())
        if shiboken6.isValid(opened) and opened.isVisible():
            presser.press(f"{name} › close", opened.close)
    if window.presenter is not None:
        presser.press("stop presenting", window.presenter.stop)
    if window.current_workshop_id() != demo_id and demo_id in {w.id for w in window.library.list_workshops()}:
        window.select_workshop(demo_id)


def menu_actions(window) -> list[tuple[str, QAction]]:
    """Every item of the main window's menus, with where it is (File ▸ Export…)."""
    found = []

    def walk(menu: QMenu, label: str) -> None:
        menu.aboutToShow.emit()
        for action in menu.actions():
            if action.isSeparator():
                continue
            name = f"{label} ▸ {plain(action.text())}" if label else plain(action.text())
            if action.menu() is not None:
                walk(action.menu(), name)
            else:
                found.append((name, action))

    for top in window.menuBar().actions():
        walk(top.menu(), plain(top.text()))
    return found


# -- the tests ---------------------------------------------------------------------------------


def test_every_menu_action(window, presser, qtbot, tmp_path):
    started = time.monotonic()
    demo_id = window.current_workshop_id()
    languages_ = set(window.language_actions.values())
    # Quit is left out: it closes the only window, and with it everything the test presses after.
    last = [window.actions.delete]  # after everything else: it takes the demo workshop away
    actions = [(name, action) for name, action in menu_actions(window)
               if action not in (window.actions.quit, *last) and action not in languages_]
    assert len(actions) > 30
    for name, action in actions:
        if action.isEnabled():
            before = top_windows()
            presser.trigger(name, action)
            after_each(window, presser, demo_id, before)
    presser.trigger("File ▸ Delete this workshop…", window.actions.delete)
    assert demo_id not in {w.id for w in window.library.list_workshops()}
    # Each language last: each makes a new main window in the words chosen.
    showing = window
    for code in ("cy", "ar", "en"):
        presser.trigger(f"View ▸ Language ▸ {code}", showing.language_actions[code])
        showing = languages._windows[-1] if languages._windows else showing
        qtbot.addWidget(showing)
    try:
        assert not presser.failures, presser.report()
        assert presser.unreadable == [], "\n".join(presser.unreadable)
        assert showing is not window and showing.isVisible()
        # What the answers led to is really there: the workshop file, the PDFs saved and printed, the sound.
        assert any("NewFromTemplate" in what for what in presser.answered)
        assert any("GuideWindow" in what for what in presser.answered) and any("StartHere" in w for w in presser.answered)
        assert list(tmp_path.glob("saved-*/*.json")) and list(tmp_path.glob("saved-*/*.pdf"))
        assert list(tmp_path.glob("printed-*.pdf")) and list(tmp_path.glob("folder-*/*/*.wav"))
        assert time.monotonic() - started < 60, "pressing everything should take seconds, not minutes"
    finally:
        for made in list(languages._windows):
            made.close()
        languages.apply_language("en")


def test_every_button_of_the_workshop_pages(window, presser):
    demo_id = window.current_workshop_id()
    window.show_glossary()
    page = window.page
    pressed, done = [], set()
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        label = f"tab “{plain(page.tabs.tabText(tab))}”"
        choose_first_rows(window)
        before = top_windows()
        # The dock's own buttons (float, close) would take the glossary away from the buttons still to press.
        pressed += presser.press_buttons(window, label, keep=lambda b: not isinstance(b.parentWidget(), QDockWidget | QTabBar),
                                         pressed=done)
        after_each(window, presser, demo_id, before)
    for button in window.glossary_dock.findChildren(QAbstractButton):  # last: they float and close the dock
        if _usable(button, window.glossary_dock) and isinstance(button.parentWidget(), QDockWidget):
            presser.click(button, f"the Plain words panel › {button_name(button)}")
    assert not presser.failures, presser.report()
    assert presser.unreadable == [], "\n".join(presser.unreadable)
    assert "button “Add our own word…”" in pressed and "button “Remove them everywhere…”" in pressed
    assert any("GroupWordDialog" in what for what in presser.answered)


def test_every_button_of_the_console(window, presser, qtbot):
    window.present()
    presenter = window.presenter
    qtbot.waitUntil(presenter.console.isActiveWindow, timeout=2000)
    console = presenter.console
    done: set = set()

    def every_button() -> list[str]:
        return presser.press_buttons(console, "console", keep=lambda b: b is not console.stop_button,
                                     ready=lambda: presenter.running, pressed=done)

    pressed = every_button()
    # A decision written down (as D does) is read back, with buttons of its own.
    presser.trigger("console key D", presenter.recording.actions["decision"])
    pressed += every_button()
    for action in console.actions():  # then each key of the console
        if action.isEnabled() and presenter.running and action is not presenter.actions["stop"]:
            presser.trigger(f"console key {action.shortcut().toString()} ({plain(action.text())})", action)
    stop_words = plain(console.stop_button.text())
    presser.click(console.stop_button, f"console › {button_name(console.stop_button)}")
    if window.presenter is not None:  # it asks first: the answer that stops
        answers = [b for b in console.findChildren(QAbstractButton) if _usable(b, console)
                   and b is not console.stop_button and plain(b.text()).startswith(stop_words)]
        assert answers, "stopping neither stopped nor asked"
        presser.click(answers[0], f"console › {button_name(answers[0])}")
    assert window.presenter is None
    assert not presser.failures, presser.report()
    assert presser.unreadable == [], "\n".join(presser.unreadable)
    assert {"button “Next ▶”", "button “Write down…”", "button “Yes, agreed as written (Y)”"} <= set(pressed)


def test_every_right_click_menu_of_the_text_boxes(window, presser, qtbot):
    page = window.page
    window.plain_words.load()
    page.purpose_edit.setPlainText("We talk about the safeguarding policy on 03/04/2026.")
    page.planner.editor.words_edit.setPlainText("The commissioners come at 2pm.")
    boxes = [w for w in window.findChildren(QWidget) if w.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
             and w.isVisible()]
    assert page.purpose_edit in boxes
    for box in boxes:
        name = box.accessibleName() or type(box).__name__
        hints = getattr(box, "plain_words_hints", None)
        point = QPoint(5, 5)
        if hints is not None:
            found = hints.plain_words.check(box.toPlainText())
            if found:
                cursor = box.textCursor()
                cursor.setPosition(found[0].start + 1)
                point = box.cursorRect(cursor).center()
        presser.press(f"right-click on “{name}”", lambda b=box, p=point: b.customContextMenuRequested.emit(p))
    for widget in window.findChildren(QWidget):
        if widget.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu and widget.isVisible():
            for action in widget.actions():
                if action.isEnabled() and action.menu() is None:
                    presser.trigger(f"right-click on “{widget.accessibleName()}” ▸ {plain(action.text())}", action)
    assert not presser.failures, presser.report()
    assert presser.unreadable == [], "\n".join(presser.unreadable)
