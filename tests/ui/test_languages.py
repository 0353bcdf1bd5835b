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



def visible_texts(window) -> set[str]:
    """The words a person sees in the window now: its menus, tabs, labels and buttons."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

    texts = {action.text() for action in window.menuBar().actions()}
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisible() and widget.text().strip():
            texts.add(widget.text())
    for tabs in window.findChildren(QTabWidget):
        if tabs.isVisible():
            texts.update(tabs.tabText(n) for n in range(tabs.count()))
    return texts


@pytest.mark.parametrize("code", ["cy", "ar"])
def test_the_visible_words_change_language_at_once(window, switched, code):
    from facilitator.i18n import _, in_language

    english = visible_texts(window)
    with in_language(code):
        expected = {text: _(text) for text in english}
    translated = {text: words for text, words in expected.items() if words != text}
    assert len(translated) >= 20, "most of what shows should be words the catalog has"
    menus = [action.text() for action in window.menuBar().actions()]
    shown = switched(code)
    now = visible_texts(shown)
    assert [action.text() for action in shown.menuBar().actions()] == [expected[menu] for menu in menus]
    assert sum(expected[menu] != menu for menu in menus) >= len(menus) - 1  # Welsh says "Agenda" too
    missing = sorted(words for words in translated.values() if words not in now)
    assert not missing
    assert not [text for text in translated if text in now and text not in expected.values()]


def test_arabic_puts_the_first_menu_on_the_right(window, switched):
    bar = window.menuBar()
    assert bar.actionGeometry(bar.actions()[0]).center().x() < bar.width() / 2
    arabic = switched("ar")
    bar = arabic.menuBar()
    assert bar.actionGeometry(bar.actions()[0]).center().x() > bar.width() / 2


@pytest.mark.parametrize("code, month, digits", [("cy", "Rhagfyr", "15"), ("ar", "ديسمبر", "15"), ("en", "December", "15")])
def test_qt_s_date_boxes_write_the_app_s_language(qtbot, code, month, digits):
    from PySide6.QtCore import QDate, QLocale
    from PySide6.QtWidgets import QDateEdit

    apply_language(code)
    try:
        box = QDateEdit(QDate(2026, 12, 15))
        box.setDisplayFormat("dddd d MMMM yyyy")
        qtbot.addWidget(box)
        assert month in box.text() and digits in box.text()  # the same digits as the app's own words
        assert QLocale().language() == QLocale(code).language()
    finally:
        apply_language("en")


@pytest.mark.parametrize("code", ["cy", "ar"])
def test_qt_words_the_app_does_not_translate_stay_as_qt_has_them(qtbot, code):
    """A Qt word missing from a translation keeps Qt's own words: never blank (which also breaks Qt's "%1")."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLineEdit

    apply_language(code)
    try:
        assert QCoreApplication.translate("QLineEdit", "A word no catalog has %1") == "A word no catalog has %1"
        edit = QLineEdit("Hello")
        qtbot.addWidget(edit)
        menu = edit.createStandardContextMenu()
        texts = [action.text() for action in menu.actions() if not action.isSeparator()]
        assert texts and all(text.strip() for text in texts)
        assert "&Undo" not in texts  # the text box's own menu is in the language
    finally:
        apply_language("en")


@pytest.mark.parametrize("code, units", [("en", {1: " minute", 5: " minutes"}), ("ar", {5: " دقائق", 15: " دقيقة"})])
def test_the_minutes_box_unit_agrees_with_the_number(window, switched, code, units):
    from PySide6.QtWidgets import QSpinBox

    from facilitator.i18n import _, in_language

    shown = switched(code) if code != "en" else window
    with in_language(code):
        name = _("How many minutes")
    (box,) = [box for box in shown.findChildren(QSpinBox) if box.accessibleName() == name]
    for minutes, unit in units.items():
        box.setValue(minutes)
        assert box.suffix() == unit
