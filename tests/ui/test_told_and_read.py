"""What the facilitator is told reaches a screen reader, and what the windows show is what a screen reader reads.

Announcements are heard through ``telling.listen``: every message goes through
``telling.announce``, which sends Qt's announcement event to screen readers,
so what is heard here is what a screen reader is sent. The windows are checked
through their accessibility tree (tests/ui/accessible_tree.py); the dialogs
opened from every menu and button are checked the same way in
test_press_everything.py.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QSlider

from facilitator.ui import telling
from facilitator.ui.voice_dialog import VoiceDialog
from tests.ui.accessible_tree import unreadable, walk
from tests.ui.test_print_dialog import open_dialog


def test_every_tab_of_the_main_window_reads_what_it_shows(window):
    window.show_glossary()
    page = window.page
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        assert unreadable(window) == [], page.tabs.tabText(tab)
    assert len(walk(window)) > 100  # the walk reaches the whole window, not only its frame


def test_the_checker_finds_what_a_screen_reader_would_read_wrongly(qtbot):
    from PySide6.QtWidgets import QComboBox, QPushButton, QVBoxLayout, QWidget

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    message = QLabel("The title is too long.")
    message.setAccessibleName("Message")
    button = QPushButton("Choose a picture…")
    button.setAccessibleName("No picture")
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setAccessibleName("Speed")
    box = QComboBox()
    box.setAccessibleName("Topic")
    for widget in (message, button, slider, box):
        layout.addWidget(widget)
    top.show()
    found = unreadable(top)
    assert len(found) == 4, found
    assert any("“Message”, not as what it shows" in line for line in found)
    assert any("read as “No picture”" in line for line in found)
    assert any("without its value" in line for line in found)
    assert any("no label next to it" in line for line in found)


def test_removing_an_item_is_said_politely_and_shown_in_the_status_bar(window, heard):
    planner = window.page.planner
    planner.select_row(0)
    title = planner.current_item().title
    planner.remove_current()
    said = f"Removed “{title}”. Undo brings it back."
    assert (said, False) in heard
    assert window.statusBar().currentMessage() == said


def test_saving_is_said_politely_and_a_problem_urgently_and_kept_on_screen(window, heard, qtbot):
    window.page.title_edit.setText("A new title")
    window.page.flush()
    qtbot.waitUntil(lambda: ("All changes saved.", False) in heard, timeout=5000)
    window.read_aloud.say("The voice for Welsh is missing.", 15, urgent=True)
    assert ("The voice for Welsh is missing.", True) in heard
    qtbot.wait(50)
    assert window.statusBar().currentMessage() == "The voice for Welsh is missing."  # not timed away


def test_a_library_that_cannot_be_written_is_said_at_once(window, heard):
    conn = window.library._conn
    conn.execute("PRAGMA query_only = ON")
    try:
        window.page.purpose_edit.setPlainText("We meet on Fridays.")
        window.page.flush()
        assert window.saving.isVisible()
        assert any(urgent and "not saved yet" in text for text, urgent in heard), heard
    finally:
        conn.execute("PRAGMA query_only = OFF")


def test_the_item_form_s_refusal_is_said_and_its_line_reads_what_it_shows(window, heard):
    window.page.planner.select_row(0)
    editor = window.page.planner.editor
    editor.title_edit.setText("   ")
    editor.flush()
    said = "⚠ Every item needs a title, so the old title is kept."
    assert (said, True) in heard
    assert editor.message.isVisible() and editor.message.text() == said
    assert QAccessible.queryAccessibleInterface(editor.message).text(QAccessible.Text.Name) == said


def test_the_print_dialog_s_news_and_problems_are_said(window, heard, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    assert any(not urgent and "This is how" in text for text, urgent in heard), heard
    assert dialog.save_to(tmp_path / "summary.pdf") == tmp_path / "summary.pdf"
    assert (f"Saved {tmp_path / 'summary.pdf'}.", False) in heard
    missing = tmp_path / "no such folder" / "summary.pdf"
    assert dialog.save_to(missing) is None
    assert any(urgent and "could not be saved" in text for text, urgent in heard), heard
    name = QAccessible.queryAccessibleInterface(dialog.status).text(QAccessible.Text.Name)
    assert name == dialog.status.text() and "could not be saved" in name
    dialog.close()


def test_the_voice_sliders_say_their_value_in_words(window, qtbot):
    dialog = VoiceDialog(window.speaker, "en", window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.speed_slider.setValue(8)
    assert dialog.speed_slider.accessibleName() == f"Speed: {dialog.speed_label.text()}"
    dialog.speed_slider.setValue(12)
    assert dialog.speed_slider.accessibleName() == f"Speed: {dialog.speed_label.text()}"
    dialog.volume_slider.setValue(60)
    assert dialog.volume_slider.accessibleName() == "Volume: 60%"
    assert unreadable(dialog) == []


def test_announce_sends_an_announcement_with_its_politeness(qtbot, monkeypatch):
    sent = []
    monkeypatch.setattr(QAccessible, "updateAccessibility", lambda event: sent.append(
        (event.type(), event.message(), event.politeness())))
    label = QLabel()
    qtbot.addWidget(label)
    telling.announce(label, "Saved.")
    telling.announce(label, "Not saved.", urgent=True)
    telling.announce(label, "")
    assert sent == [
        (QAccessible.Event.Announcement, "Saved.", QAccessible.AnnouncementPoliteness.Polite),
        (QAccessible.Event.Announcement, "Not saved.", QAccessible.AnnouncementPoliteness.Assertive),
    ]


def test_a_message_line_hides_when_empty_and_never_keeps_a_name_over_its_words(qtbot, heard):
    label = QLabel()
    label.setAccessibleName("Message")
    qtbot.addWidget(label)
    label.show()
    telling.tell_in(label, "The word is too long.", urgent=True)
    assert label.isVisible() and label.accessibleName() == ""
    assert heard == [("The word is too long.", True)]
    telling.tell_in(label, "")
    assert not label.isVisible() and heard == [("The word is too long.", True)]
