"""Start here (the first start) and Help ▸ How to run a workshop: shown when they should be, in the app's
language, each button doing what it says, the guide saved as a PDF, and every key it names a real one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from facilitator.cli import open_app_library
from facilitator.guide import PARTS, PRESENTING, WINDOW, step_words
from facilitator.ui.guide import GuideWindow
from facilitator.ui.settings import SHOW_START_HERE, Preferences
from facilitator.ui.start_here import StartHere, offer_at_start
from facilitator.ui.templates_dialog import NewFromTemplate
from tests.ui.conftest import speaking_window

PORTABLE = QKeySequence.SequenceFormat.PortableText


@pytest.fixture
def opened(qtbot, tmp_path):
    """``open_window(name)``: a main window on the library ``name`` in the test's folder, all with one settings
    file, so a second start of the same library is not a brand-new library."""
    made = []
    preferences = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))

    def open_window(name: str = "library"):
        library = open_app_library(tmp_path / f"{name}.sqlite3")
        window = speaking_window(qtbot, library, preferences)
        made.append((window, library))
        return window

    yield open_window
    for window, library in made:
        window.close()
        library.close()


def test_the_first_start_shows_start_here_and_don_t_show_again_is_kept(opened, qtbot):
    first = opened()
    assert first.library.created
    page = offer_at_start(first)
    assert isinstance(page, StartHere) and page.isVisible() and not page.isModal()
    assert page.windowTitle() == "Start here" and not page.again_box.isChecked()
    page.again_box.click()  # "Don't show this again"
    assert first.preferences.get(SHOW_START_HERE) is False
    page.close()
    first.close()
    again = opened()  # the same library, opened again
    assert not again.library.created
    assert offer_at_start(again) is None
    # Help ▸ Start here brings it back, with the tick where it was left.
    again.actions.start_here.trigger()
    assert again.start_here.isVisible() and again.start_here.again_box.isChecked()
    again.start_here.again_box.click()
    assert again.preferences.get(SHOW_START_HERE) is True


def test_a_brand_new_library_shows_it_even_after_don_t_show_again(opened):
    window = opened()
    window.preferences.set(SHOW_START_HERE, False)
    window.close()
    assert offer_at_start(opened("another")) is not None


def test_start_here_s_buttons_do_what_they_say(opened, qtbot, monkeypatch):
    window = opened()
    window.select_workshop(window.commands.new_workshop().id)  # a new workshop is chosen: not the demo
    page = offer_at_start(window)
    demo = page.demo_id()
    assert demo is not None and window.current_workshop_id() != demo
    page.demo_button.click()
    assert window.current_workshop_id() == demo and not page.isVisible()

    asked = []
    monkeypatch.setattr(NewFromTemplate, "exec", lambda dialog: asked.append(dialog) or QDialog.DialogCode.Rejected)
    window.actions.start_here.trigger()
    window.start_here.template_button.click()
    assert len(asked) == 1

    window.page.tabs.setCurrentIndex(1)
    window.actions.start_here.trigger()
    window.start_here.agenda_button.click()
    assert window.page.tabs.currentWidget() is window.page.planner

    window.actions.start_here.trigger()
    window.start_here.guide_button.click()
    assert isinstance(window.guide_window, GuideWindow) and window.guide_window.isVisible()


def test_the_present_key_on_start_here_is_the_real_one(opened):
    window = opened()
    page = offer_at_start(window)
    key = window.actions.present.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert key == "F5"
    assert any(f"Press {key} to show the workshop" in label.text() for label in page.findChildren(QLabel))


def test_start_here_follows_the_app_s_language(opened, qtbot):
    from facilitator.ui.languages import apply_language, switch_language

    window = opened()
    arabic = switch_language(window, "ar")
    qtbot.addWidget(arabic)
    try:
        page = offer_at_start(arabic)
        assert page.isRightToLeft()
    finally:
        arabic.close()
        apply_language("en")


def test_help_has_the_guide_and_f1_opens_it(window, qtbot, tmp_path, monkeypatch):
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu.actions()[0] is window.actions.guide
    assert window.actions.guide.shortcut().toString(PORTABLE) == "F1"
    window.actions.guide.trigger()
    guide = window.guide_window
    assert guide.isVisible() and not guide.isModal()
    shown = " ".join(guide.text.toPlainText().split())
    for part in PARTS:
        for step in part.steps:
            assert " ".join(step_words(step).split()) in shown
    # Saved as a PDF to print, whole.
    chosen = tmp_path / "guide"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(chosen), "")))
    guide.save_button.click()
    saved = tmp_path / "guide.pdf"
    assert saved.read_bytes().startswith(b"%PDF") and not (tmp_path / "guide.pdf.part").exists()
    assert str(saved) in guide.status.text()
    # A second F1 brings the same window to the front.
    window.actions.guide.trigger()
    assert window.guide_window is guide


def test_every_key_the_guide_names_is_a_real_key(window, qtbot):
    """Keys of the main window are in its menus; keys for presenting work on the presenter's console."""
    in_menus = set()

    def walk(menu):
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            in_menus.update(key.toString(PORTABLE) for key in action.shortcuts())

    for top in window.menuBar().actions():
        walk(top.menu())
    window.present()
    presenter = window.presenter
    qtbot.waitUntil(presenter.console.isActiveWindow, timeout=2000)
    on_console = {key.toString(PORTABLE) for action in presenter.console.actions() for key in action.shortcuts()}
    named = [(step.where, key) for part in PARTS for step in part.steps for key in step.keys]
    assert {where for where, _key in named} == {WINDOW, PRESENTING}
    for where, key in named:
        portable = QKeySequence(key).toString(PORTABLE)
        assert portable, key
        assert portable in (in_menus if where == WINDOW else on_console), (where, key)
    # "Esc: it asks you first. Press it again to stop."
    stop = next(action for action in presenter.console.actions()
                if "Esc" in [key.toString(PORTABLE) for key in action.shortcuts()])
    stop.trigger()
    assert window.presenter is presenter and presenter.running
    stop.trigger()
    assert window.presenter is None
    qtbot.waitUntil(lambda: not presenter.console.isVisible(), timeout=2000)


def test_the_guide_window_fits_a_laptop_screen(window):
    window.actions.guide.trigger()
    guide = window.guide_window
    room = window.screen().availableGeometry()
    assert guide.width() <= room.width() and guide.height() <= room.height() - 40
    assert guide.text.verticalScrollBar().maximum() > 0  # the rest scrolls, in big words
    assert guide.text.font().pointSizeF() > window.font().pointSizeF()
    assert guide.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
