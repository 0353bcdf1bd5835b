"""Windows for the UI tests: a main window on a library with the demo workshop."""

import pytest
from PySide6.QtCore import QSettings

from facilitator.cli import open_app_library
from facilitator.speech.fake import FakeEngine, FakePlayer
from facilitator.ui import telling, zoom
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Preferences
from facilitator.ui.speech import Speaker


@pytest.fixture
def window(qtbot, tmp_path):
    library = open_app_library(tmp_path / "library.sqlite3")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = speaking_window(qtbot, library, Preferences(settings))
    yield win
    win.close()
    library.close()
    zoom.set_zoom(1.0)


def speaking_window(qtbot, library, preferences, engine=None, player=None, factory=None) -> MainWindow:
    """A main window shown on ``library`` whose speaker uses ``engine`` (a fake one when none is given),
    or ``factory`` to make it, and ``player`` (a fake one when none), so a test sees what was said."""
    if factory is None:
        engine = engine if engine is not None else FakeEngine()
        factory = lambda: engine  # noqa: E731
    speaker = Speaker(preferences, factory, player if player is not None else FakePlayer())
    win = MainWindow(library, preferences, speaker)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(autouse=True)
def no_question_when_closing(monkeypatch):
    """A window closed with changes not saved asks what to do and waits for an answer that no test would
    give: in tests it closes instead (a test of that question puts the real one back)."""
    monkeypatch.setattr("facilitator.ui.main_window.ask_before_closing", lambda parent, library: True)


@pytest.fixture(autouse=True)
def a_widget_application(qapp):
    """Every UI test runs in pytest-qt's QApplication, made first: a test that draws slides alone would
    otherwise make a QGuiApplication, on which later window tests cannot run."""
    return qapp


@pytest.fixture
def heard():
    """Every announcement made during the test: (words, urgent)."""
    said: list[tuple[str, bool]] = []
    stop = telling.listen(lambda widget, text, urgent: said.append((text, urgent)))
    yield said
    stop()
