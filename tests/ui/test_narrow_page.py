"""A narrow page (a laptop with the Plain words panel open) never scrolls sideways: parts go one above the other."""

from __future__ import annotations

from PySide6.QtCore import Qt


def horizontal_bar_shown(window) -> bool:
    bar = window.page_area.horizontalScrollBar()
    return bar.isVisible() and bar.maximum() > 0


def test_with_the_plain_words_panel_open_on_a_laptop_nothing_scrolls_sideways(window, qtbot):
    window.showNormal()
    window.resize(1280, 740)
    qtbot.waitUntil(lambda: window.width() == 1280)
    assert window.page.planner.splitter.orientation() == Qt.Orientation.Horizontal  # room for both
    window.show_glossary()
    for tab in (window.page.planner, window.page.people, window.page.outcomes):
        window.page.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda: not horizontal_bar_shown(window), timeout=3000)
    assert not window.page.people.arrangement.side_by_side
    window.page.tabs.setCurrentWidget(window.page.planner)
    assert window.page.planner.splitter.orientation() == Qt.Orientation.Vertical  # the form under the cards
    window.glossary_dock.hide()
    qtbot.waitUntil(lambda: window.page.planner.splitter.orientation() == Qt.Orientation.Horizontal, timeout=3000)
