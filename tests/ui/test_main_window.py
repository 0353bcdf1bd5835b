"""The main window: lists the library's workshops, opens one, saves edits at once."""

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTime

from facilitator.core.library import open_library
from facilitator.core.model import Workshop
from facilitator.ui.agenda_model import START_ROLE
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Preferences


class FakeView:
    """Stands in for the dialogs: answers questions and picks files as told."""

    def __init__(self, open_path=None, save_path=None, answer=True):
        self.open_path, self.save_path, self.answer = open_path, save_path, answer
        self.told, self.warned = [], []

    def pick_file_to_open(self, title, filter):
        return self.open_path

    def pick_file_to_save(self, title, suggested_name, filter):
        return self.save_path

    def confirm(self, title, question, yes):
        return self.answer

    def tell(self, title, message):
        self.told.append(message)

    def warn(self, title, message, details):
        self.warned.append((message, details))


def test_opens_on_the_demo_workshop(window):
    assert window.workshop_list.count() == 1
    assert window.page.title_edit.text() == window.library.list_workshops()[0].title
    model = window.page.planner.model
    assert model.rowCount() == len(window.page.workshop.agenda) > 0
    # Start times are worked out from the workshop's start.
    assert model.data(model.index(0), START_ROLE) == window.page.workshop.start_time


def test_typing_a_title_saves_it_at_once(window, qtbot, tmp_path):
    edit = window.page.title_edit
    edit.selectAll()
    qtbot.keyClicks(edit, "Our new day centre")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    check = open_library(tmp_path / "library.sqlite3")
    assert check.list_workshops()[0].title == "Our new day centre"
    check.close()
    assert window.workshop_list.text(0).startswith("Our new day centre")


def test_an_empty_title_is_refused_and_the_old_one_kept(window, qtbot):
    old = window.page.workshop.title
    window.page.title_edit.clear()
    qtbot.keyClick(window.page.title_edit, Qt.Key.Key_Return)
    assert window.page.title_edit.text() == old
    assert window.library.list_workshops()[0].title == old


def test_date_time_place_and_purpose_are_saved(window, qtbot):
    page = window.page
    page.date_edit.setDate(QDate(2027, 5, 4))
    page.start_edit.setTime(QTime(13, 30))
    page.place_edit.setText("The library, upstairs")
    page.place_edit.editingFinished.emit()
    page.purpose_edit.setPlainText("We choose the colours together.")
    qtbot.waitUntil(lambda: window.library.load_workshop(page.workshop.id).purpose.startswith("We choose"))
    stored = window.library.load_workshop(page.workshop.id)
    assert stored.date == dt.date(2027, 5, 4)
    assert stored.start_time == dt.time(13, 30)
    assert stored.place == "The library, upstairs"
    assert page.planner.model.data(page.planner.model.index(0), START_ROLE) == dt.time(13, 30)


def test_new_import_export_and_delete(window, tmp_path):
    window.commands.view = FakeView(save_path=tmp_path / "out.json", answer=True)
    demo_id = window.current_workshop_id()
    assert window.commands.export_workshop(demo_id) == tmp_path / "out.json"
    assert "share it with care" in window.commands.view.told[0]

    new = window.commands.new_workshop()
    assert window.workshop_list.count() == 2
    assert window.current_workshop_id() == new.id

    window.commands.view = FakeView(open_path=tmp_path / "out.json")
    imported = window.commands.import_workshop()
    assert imported is not None and window.workshop_list.count() == 3

    window.commands.view = FakeView(answer=False)
    assert not window.commands.delete_workshop(imported.id)
    window.commands.view = FakeView(answer=True)
    assert window.commands.delete_workshop(imported.id)
    assert window.workshop_list.count() == 2
    assert not window.library.has_workshop(imported.id)


def test_import_of_a_broken_file_warns_and_changes_nothing(window, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "workshop": {"title": ""}}')
    window.commands.view = view = FakeView(open_path=broken)
    assert window.commands.import_workshop() is None
    message, details = view.warned[0]
    assert "Nothing was changed" in message
    assert details == ["The workshop has no title."]
    assert window.workshop_list.count() == 1


def test_an_empty_library_says_what_to_do(qtbot, tmp_path):
    library = open_library(tmp_path / "empty.sqlite3")
    win = MainWindow(library, Preferences(_ini(tmp_path)))
    qtbot.addWidget(win)
    assert win.stack.currentWidget() is win.empty
    assert "New workshop" in win.empty.text()
    assert not win.actions.export.isEnabled()
    library.add_workshop(Workshop("First"))
    assert win.stack.currentWidget() is win.page
    assert win.actions.export.isEnabled()
    win.close()
    library.close()


def test_the_window_remembers_the_last_workshop(qtbot, tmp_path):
    library = open_library(tmp_path / "l.sqlite3")
    first, second = library.add_workshop(Workshop("A")), library.add_workshop(Workshop("B"))
    prefs = Preferences(_ini(tmp_path))
    win = MainWindow(library, prefs)
    qtbot.addWidget(win)
    win.select_workshop(second.id)
    win.close()
    again = MainWindow(library, prefs)
    qtbot.addWidget(again)
    assert again.current_workshop_id() == second.id != first.id
    again.close()
    library.close()


def test_about_box_credits_what_the_app_uses():
    from facilitator.ui.about import about_text

    text = about_text()
    for name in ("PySide6", "ReportLab", "pyttsx3", "Babel", "eSpeak NG", "OpenMoji", "CC BY-SA 4.0"):
        assert name in text
    notice = (Path(__file__).resolve().parents[2] / "NOTICE").read_text("utf-8")
    for name in ("PySide6", "ReportLab", "pyttsx3", "Babel", "eSpeak NG", "OpenMoji", "CC BY-SA 4.0"):
        assert name in notice


def _ini(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_app_explains_a_damaged_library_and_leaves_it_alone(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from facilitator.ui import app

    damaged = tmp_path / "library.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    before = damaged.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    assert app.run(damaged) == 1
    title, text = shown[0]
    assert "cannot be opened" in title
    assert str(damaged) in text and "backups" in text.lower()
    assert damaged.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite3"]


# -- File ▸ Import: whatever the file and the library, a warning in a dialog and nothing changed ----


def warnings_answered(seen: list):
    """Reads and closes each message box the window opens, as a facilitator would press OK."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def look():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text()))
            box.accept()
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


def import_through_the_menu(window, path, qtbot) -> list:
    seen: list = []
    window.pick_file_to_open = lambda title, filter: Path(path)
    warnings_answered(seen)
    window.actions.import_.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen


def library_bytes(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_file_import_of_a_hostile_file_shows_a_warning_and_changes_nothing(window, tmp_path, qtbot):
    good = window.library.load_workshop(window.current_workshop_id())
    from facilitator.core import exchange

    text = json.dumps(exchange.workshop_document(good, None))
    files = {
        "surrogate.json": (text.replace('"title": "', '"title": "\\ud800', 1), "broken character"),
        "digits.json": (text.replace('"minutes": ', '"minutes": ' + "9" * 5000, 1), "digits long"),
        "twice.json": ('{"format": 3, "workshop": {"title": "A", "title": "B"}}', '"title" twice'),
    }
    library_file = window.library.path
    before = library_bytes(library_file)
    for name, (content, expected) in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        ((title, message),) = import_through_the_menu(window, tmp_path / name, qtbot)
        assert title == "Cannot import this file"
        assert f"{name} could not be imported. Nothing was changed." in message
        assert expected in message, message
    if Path("/dev/zero").exists():
        ((title, message),) = import_through_the_menu(window, "/dev/zero", qtbot)
        assert "is not an ordinary file" in message
    assert window.workshop_list.count() == 1
    assert library_bytes(library_file) == before


def test_file_import_while_another_program_is_using_the_library_warns_then_works(window, tmp_path, qtbot):
    import sqlite3

    from facilitator.core import exchange

    path = exchange.export_workshop(window.library, window.current_workshop_id(), tmp_path / "w.json")
    window.library.wait_at_most(0.1)  # as the app does: the window never waits long for the library
    other = sqlite3.connect(window.library.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        ((title, message),) = import_through_the_menu(window, path, qtbot)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert title == "Cannot import this file"
    assert "w.json could not be added to your library just now. Nothing was changed." in message
    assert "Another program is using the library." in message
    assert window.workshop_list.count() == 1 and len(window.library.list_workshops()) == 1
    seen = import_through_the_menu(window, path, qtbot)  # the note that it came in as a copy
    assert seen[0][0] == "Workshop imported"
    assert window.workshop_list.count() == 2
