"""Windows for the UI tests: a main window on a library with the demo workshop."""

import pytest
from PySide6.QtCore import QSettings

from facilitator.cli import open_app_library
from facilitator.speech.fake import FakeEngine, FakePlayer
from facilitator.ui import zoom
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Preferences
from facilitator.ui.speech import Speaker


@pytest.fixture
def window(qtbot, tmp_path):
    library = open_app_library(tmp_path / "library.sqlite3")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    preferences = Preferences(settings)
    win = MainWindow(library, preferences, Speaker(preferences, FakeEngine, FakePlayer()))
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    library.close()
    zoom.set_zoom(1.0)
