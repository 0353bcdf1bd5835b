"""The app's language, changed in the app while a window is open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.ui.languages import apply_language, switch_language
from facilitator.ui.settings import APP_LANGUAGE


@pytest.fixture
def switched(window, qtbot):
    made = []

    def switch(code):
        new = switch_language(made[-1] if made else window, code)
        qtbot.addWidget(new)
        made.append(new)
        return new

    yield switch
    for new in made:
        new.close()
    apply_language("en")  # the next tests start in English


def test_arabic_mirrors_the_layout_and_english_puts_it_back(window, switched):
    workshop_id = window.current_workshop_id()
    arabic = switched("ar")
    assert arabic is not window and not window.isVisible() and arabic.isVisible()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic.isRightToLeft()
    assert arabic.current_workshop_id() == workshop_id  # the same workshop, where it was
    assert arabic.preferences.get(APP_LANGUAGE) == "ar"
    assert arabic.language_actions["ar"].isChecked() and not arabic.language_actions["en"].isChecked()
    english = switched("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight and not english.isRightToLeft()


def test_choosing_the_language_already_in_use_changes_nothing(window, switched):
    assert switch_language(window, "en") is window and window.isVisible()


@pytest.mark.parametrize("code, ok, cancel", [("cy", "Iawn", "Canslo"), ("ar", "حسنًا", "ألغِ"), ("en", "OK", "Cancel")])
def test_qt_s_own_buttons_follow_the_language(qtbot, code, ok, cancel):
    from PySide6.QtWidgets import QDialogButtonBox

    apply_language(code)
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        texts = [box.button(b).text().replace("&", "") for b in (QDialogButtonBox.StandardButton.Ok,
                                                                 QDialogButtonBox.StandardButton.Cancel)]
        assert texts == [ok, cancel]
    finally:
        apply_language("en")

