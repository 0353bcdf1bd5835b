"""Typing into the real window while the library cannot be written: nothing is lost, and the window says so."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.core.recovery import RecoveryFile
from facilitator.ui.app import GUI_WAIT_SECONDS
from facilitator.ui.saving import ask_before_closing, offer_recovered

HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
print("let go", flush=True)
"""


@pytest.fixture
def saving_window(window):
    window.library.wait_at_most(GUI_WAIT_SECONDS)
    return window


def on_disk(window, column: str) -> str:
    conn = sqlite3.connect(window.library.path)
    try:
        return conn.execute(f"SELECT {column} FROM workshops WHERE id = ?", (window.page.workshop.id,)).fetchone()[0]
    finally:
        conn.close()


def type_title(qtbot, window, words: str) -> float:
    """Type a new title and press Return; how long the window was busy saving it."""
    edit = window.page.title_edit
    edit.selectAll()
    qtbot.keyClicks(edit, words)
    started = time.monotonic()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    return time.monotonic() - started


def test_typing_while_another_program_holds_the_library_is_kept_said_and_saved_when_it_lets_go(
    saving_window, qtbot
):
    window = saving_window
    old = on_disk(window, "title")
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(window.library.path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout.readline().strip() == "held"
        busy = type_title(qtbot, window, "Typed while it was held")
        assert busy < 1.0  # the window did not freeze for seconds
        banner = window.saving
        assert banner.isVisible()
        assert "not saved yet" in banner.heading.text()
        assert "Another program is using the library." in banner.words.text()
        assert "library-unsaved.json" in banner.words.text()
        assert window.page.title_edit.text() == "Typed while it was held"
        assert window.workshop_list.text(0).startswith("Typed while it was held")
        assert on_disk(window, "title") == old
        other.stdin.write("\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "let go"
    finally:
        other.kill()
        other.wait()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)  # it tries again by itself
    assert on_disk(window, "title") == "Typed while it was held"
    assert window.statusBar().currentMessage() == "All changes saved."
    assert not window.library.path.with_name("library-unsaved.json").exists()


@pytest.mark.parametrize(
    "trouble, undo, reason",
    [
        ("PRAGMA query_only = ON", "PRAGMA query_only = OFF", "read-only"),
        ("PRAGMA max_page_count = {pages}", "PRAGMA max_page_count = 1073741823", "The disk is full."),
    ],
    ids=["read-only", "disk full"],
)
def test_a_read_only_library_or_a_full_disk_is_said_and_the_typing_kept(saving_window, qtbot, trouble, undo, reason):
    window = saving_window
    conn = window.library._conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(trouble.format(pages=pages))
    long_words = "We want the meetings on Fridays, in the big room with the ramp. " * 80
    window.page.purpose_edit.setPlainText(long_words)
    window.page.flush()
    assert window.saving.isVisible()
    assert reason in window.saving.words.text()
    assert window.page.purpose_edit.toPlainText() == long_words
    assert window.library.load_workshop(window.page.workshop.id).purpose == long_words
    conn.execute(undo)
    qtbot.mouseClick(window.saving.try_now, Qt.MouseButton.LeftButton)
    assert not window.saving.isVisible()
    assert on_disk(window, "purpose") == long_words


def click_when_asked(words: str, seen: list[str]) -> None:
    """Click the button with ``words`` on the question the window is about to ask."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text() == words:
                button.click()
                return
        raise AssertionError(f"no button {words!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(20, click)


def test_closing_with_changes_not_saved_asks_first(saving_window, qtbot, monkeypatch):
    window = saving_window
    monkeypatch.setattr("facilitator.ui.main_window.ask_before_closing", ask_before_closing)
    window.library._conn.execute("PRAGMA query_only = ON")
    type_title(qtbot, window, "Not saved yet")
    seen: list[str] = []
    click_when_asked("Do not close", seen)
    window.close()
    assert window.isVisible()
    assert "Not saved yet" in seen[0] and "read-only" in seen[0]
    window.library._conn.execute("PRAGMA query_only = OFF")
    window.close()  # now it saves, and closes without asking
    assert not window.isVisible()
    assert on_disk(window, "title") == "Not saved yet"


def test_changes_kept_from_last_time_are_offered_back(saving_window, qtbot):
    window = saving_window
    library = window.library
    kept = library.load_workshop(window.page.workshop.id)
    kept.title = "Kept from a run that crashed"
    recovery = RecoveryFile(library.path)
    recovery.keep([kept])
    seen: list[str] = []
    click_when_asked("Put them back", seen)
    offer_recovered(window, library, recovery)
    assert "Kept from a run that crashed" in seen[0]
    assert on_disk(window, "title") == "Kept from a run that crashed"
    assert window.page.title_edit.text() == "Kept from a run that crashed"
    assert recovery.left_over() is None
