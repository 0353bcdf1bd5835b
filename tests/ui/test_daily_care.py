"""Today's backup and the check of the whole library, made on another thread once the window is seen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from facilitator.core import backup, daily
from facilitator.core.library import open_library
from facilitator.core.model import Workshop
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Preferences
from tests.core.test_daily import made, spoil


def shown(qtbot, tmp_path, library) -> MainWindow:
    window = MainWindow(library, Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_day_s_backup_is_made_after_the_window_appears_and_the_window_is_usable_meanwhile(qtbot, tmp_path):
    path = made(tmp_path)
    library = open_library(path, care_later=True)
    assert backup.list_backups(backup.backups_dir(path)) == []  # not before the window is seen
    window = shown(qtbot, tmp_path, library)
    library.add_workshop(Workshop("Made while the backup is made"))
    qtbot.waitUntil(lambda: library.care == daily.Care() and not window.daily_care.running(), timeout=20_000)
    (copy,) = backup.list_backups(backup.backups_dir(path))
    assert backup.opens(copy) and copy.name.endswith("-daily.sqlite3")
    assert library.backup_problem == ""
    window.close()
    library.close()
    assert daily.care_due(path, dt.date.today(), created=False) == daily.Care()


def test_a_backup_that_cannot_be_made_is_said_in_the_status_bar(qtbot, tmp_path):
    path = made(tmp_path)
    backup.backups_dir(path).write_text("a file where the folder should be")
    library = open_library(path, care_later=True)
    window = shown(qtbot, tmp_path, library)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Today's backup of the library could not"),
                    timeout=20_000)
    assert library.backup_problem == window.statusBar().currentMessage()
    window.close()
    library.close()


def test_a_damaged_file_is_said_with_where_the_backups_are_and_is_checked_again_next_time(qtbot, tmp_path, monkeypatch):
    path = made(tmp_path)
    open_library(path).close()  # today's backup, of the library while it was whole
    library = open_library(path, care_later=True)
    library._conn.close()  # as if the app had been stopped without closing: the marker stays
    spoil(path)
    library = open_library(path, care_later=True)
    assert library.care == daily.Care(check=True)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: warned.append((title, text)))
    window = shown(qtbot, tmp_path, library)
    qtbot.waitUntil(lambda: bool(warned), timeout=20_000)
    ((title, text),) = warned
    assert title == "The library file is damaged"
    assert str(path) in text and "is damaged" in text and "-daily.sqlite3" in text  # the backup to use
    window.close()
    library.close()
    assert daily.marker(path).exists()  # the next open checks it again
