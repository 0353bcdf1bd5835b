"""Read aloud in the main window: F7, Shift+F7 and F8, voices and languages, how to say words,
the glossary's and the text boxes' "read aloud", the summary saved as sound, and what happens
on a computer with no speech engine or no sound player.

Most tests use the fake engine (``facilitator/speech/fake.py``), kept by the test, so what the
engine was asked to say (``engine.rendered``) can be checked; the fake player "plays" by the
clock, so word times, stopping and replacing behave as with real sound. The event-loop test uses
the real espeak-ng engine.
"""

from __future__ import annotations

import re
import threading
import time
import wave
from io import BytesIO

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from facilitator.cli import open_app_library
from facilitator.core.edits import ChangePart
from facilitator.core.model import Pronunciation
from facilitator.core.summary import summary_sections
from facilitator.speech.audio import loudness
from facilitator.speech.engine import PyttsxEngine, SpeechUnavailable
from facilitator.speech.fake import VOICES, FakeEngine, FakePlayer
from facilitator.speech.voices import DEFAULT_SPEED
from facilitator.ui import zoom
from facilitator.ui.pronunciations_dialog import PronunciationsDialog
from facilitator.ui.read_aloud import PLAYLIST
from facilitator.ui.settings import SPEECH_SPEED, SPEECH_VOLUME, Preferences
from facilitator.ui.voice_dialog import TEST_SENTENCES, VoiceDialog
from tests.ui.conftest import speaking_window

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
ENGLISH_ONLY = tuple(voice for voice in VOICES if voice.id.startswith("fake/en"))
NO_PLAYER = "No program to play sounds was found. On Linux, install pulseaudio-utils or alsa-utils."


# -- windows and helpers ------------------------------------------------------------------------


@pytest.fixture
def make_window(qtbot, tmp_path):
    """``make(engine=..., player=...)``: a main window on the demo workshop whose speaker uses
    that engine instance (or ``factory``), so the test can see what it was asked to say."""
    made = []

    def make(engine=None, player=None, factory=None, library_path=None, wait_ready=True):
        library = open_app_library(library_path or tmp_path / "library.sqlite3")
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        preferences = Preferences(settings)
        win = speaking_window(qtbot, library, preferences, engine, player, factory)
        made.append((win, library))
        if wait_ready:
            qtbot.waitUntil(win.speaker.service.ready.is_set, timeout=5000)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=2000)
        return win

    yield make
    for win, library in made:
        win.close()
        library.close()
    zoom.set_zoom(1.0)


def close_window(win) -> None:
    win.close()
    win.library.close()


class StatusBar:
    """Every message the status bar showed, in order."""

    def __init__(self, window):
        self.bar = window.statusBar()
        self.messages: list[str] = []
        self.bar.messageChanged.connect(self.messages.append)

    def now(self) -> str:
        return self.bar.currentMessage()

    def said(self, part: str) -> bool:
        return any(part in message for message in self.messages)


def texts(engine) -> list[str]:
    return [text for text, _voice, _rate, _volume in engine.rendered]


def words(*parts: str) -> list[str]:
    return " ".join(parts).split()


def focus(qtbot, widget) -> None:
    if not widget.window().isActiveWindow():
        widget.window().activateWindow()
        qtbot.waitUntil(widget.window().isActiveWindow, timeout=2000)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def choose_card(qtbot, window, row: int):
    planner = window.page.planner
    planner.select_row(row)
    focus(qtbot, planner.cards)
    return planner.current_item()


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A real key press on whatever has the keyboard focus now."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def set_language(window, code: str) -> None:
    box = window.page.language_box
    index = box.findData(code)
    assert index >= 0, code
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert window.library.load_workshop(window.page.workshop.id).language == code


def finished(window, qtbot, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: not window.speaker.is_reading(), timeout=timeout)


def on_modal(qtbot, kind, act) -> list:
    """Run ``act(dialog)`` on the next modal dialog of type ``kind`` once it is open (exec blocks)."""
    seen = []
    tries = iter(range(500))  # about 5 s, then it gives up (the test then finds ``seen`` empty)

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(dialog)
            act(dialog)
        elif next(tries, None) is not None:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    return seen


def ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def cancel(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()


# -- F7: the chosen item or the selected words ------------------------------------------------------


def test_f7_reads_the_chosen_item_title_then_plain_words_in_the_workshop_s_voice(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.01)
    window = make_window(engine)
    status = StatusBar(window)
    item = choose_card(qtbot, window, 1)
    assert item.title == "Getting to know each other"
    press(qtbot, K.Key_F7)
    assert window.speaker.is_reading()
    qtbot.waitUntil(lambda: status.now() == "Finished reading.", timeout=5000)
    assert texts(engine) == [
        "Getting to know each other",
        "Say your name, or the name you like to use.",
        "Tell us one thing you enjoy.",
    ]
    assert {(voice, rate, volume) for _text, voice, rate, volume in engine.rendered} == {("fake/en-gb", 160, 1.0)}
    assert window.speaker.settings().rate(FakeEngine.normal_rate) == round(200 * DEFAULT_SPEED) == 160
    reading = [message for message in status.messages if "Reading aloud" in message]
    assert reading and "F8" in reading[0]
    assert status.messages.index(reading[0]) < status.messages.index("Finished reading.")
    assert not window.speaker.is_reading()


def test_f7_reads_at_the_speed_kept_in_preferences(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.01)
    window = make_window(engine)
    window.preferences.set(SPEECH_SPEED, 1.5)
    choose_card(qtbot, window, 0)
    press(qtbot, K.Key_F7)
    finished(window, qtbot)
    assert engine.rendered and {rate for _t, _v, rate, _vol in engine.rendered} == {300}


def test_f7_with_words_selected_in_the_plain_words_box_reads_only_them(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.01)
    window = make_window(engine)
    choose_card(qtbot, window, 1)
    edit = window.page.planner.editor.words_edit
    text = edit.toPlainText()
    focus(qtbot, edit)
    cursor = edit.textCursor()
    cursor.setPosition(text.index("one thing"))
    cursor.setPosition(text.index("enjoy") + len("enjoy"), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    press(qtbot, K.Key_F7)
    finished(window, qtbot)
    assert texts(engine) == ["one thing you enjoy"]

    # Words selected in the title box: only them.
    engine.rendered.clear()
    title = window.page.planner.editor.title_edit
    focus(qtbot, title)
    title.setSelection(title.text().index("know"), len("know each"))
    press(qtbot, K.Key_F7)
    finished(window, qtbot)
    assert texts(engine) == ["know each"]

    # In a text box with nothing selected, F7 reads the chosen item.
    engine.rendered.clear()
    focus(qtbot, edit)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    assert not edit.textCursor().hasSelection()
    press(qtbot, K.Key_F7)
    finished(window, qtbot)
    assert texts(engine)[0] == "Getting to know each other" and len(texts(engine)) == 3


def test_f7_with_nothing_chosen_says_what_to_do(make_window, qtbot):
    engine = FakeEngine()
    window = make_window(engine)
    status = StatusBar(window)
    focus(qtbot, window.page.planner.cards)
    window.page.planner.select_row(-1)
    assert window.page.planner.current_item() is None
    window.actions.read_here.trigger()
    assert "Choose an agenda item" in status.now()
    qtbot.wait(100)
    assert engine.rendered == [] and not window.speaker.is_reading()


# -- Shift+F7 and F8 ---------------------------------------------------------------------------------


def test_shift_f7_reads_every_item_with_its_start_time_and_the_chosen_card_follows(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.004)
    window = make_window(engine)
    status = StatusBar(window)
    planner = window.page.planner
    chosen: list[int] = []
    planner.cards.selectionModel().currentChanged.connect(lambda now, _before: chosen.append(now.row()))
    choose_card(qtbot, window, 5)
    chosen.clear()
    press(qtbot, K.Key_F7, SHIFT)
    qtbot.waitUntil(lambda: status.now() == "Finished reading.", timeout=8000)
    workshop = window.page.workshop
    titles = [item.title for item in workshop.agenda]
    starts = [start.strftime("%H:%M") for start in workshop.start_times()]
    assert starts[:3] == ["10:00", "10:10", "10:25"]
    said = " ".join(texts(engine))
    places = [said.find(f"{start}. {title}") for start, title in zip(starts, titles)]
    assert -1 not in places and places == sorted(places), said
    assert words(*texts(engine)) == words(*(f"{s}. {item.title} {item.plain_words}" for s, item in zip(starts, workshop.agenda)))
    # The card being read is chosen, one after another, from the first to the last.
    assert chosen == list(range(len(titles)))
    assert planner.current_row() == len(titles) - 1


def test_f8_stops_at_once_and_the_cards_stop_following(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.02)
    window = make_window(engine)
    status = StatusBar(window)
    planner = window.page.planner
    chosen: list[int] = []
    planner.cards.selectionModel().currentChanged.connect(lambda now, _before: chosen.append(now.row()))
    choose_card(qtbot, window, 0)
    press(qtbot, K.Key_F7, SHIFT)
    qtbot.waitUntil(lambda: planner.current_row() == 2, timeout=8000)
    press(qtbot, K.Key_F8)
    assert not window.speaker.is_reading()
    assert status.now() == "Stopped reading."
    rows, rendered = list(chosen), len(engine.rendered)
    qtbot.wait(300)
    assert chosen == rows and planner.current_row() == 2
    assert len(engine.rendered) <= rendered + 1  # at most the piece that was being made
    assert not status.said("Finished reading.")


def test_a_new_f7_replaces_the_reading_of_the_whole_agenda(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.015)
    window = make_window(engine)
    planner = window.page.planner
    choose_card(qtbot, window, 0)
    press(qtbot, K.Key_F7, SHIFT)
    qtbot.waitUntil(lambda: planner.current_row() == 1, timeout=8000)
    choose_card(qtbot, window, 6)
    press(qtbot, K.Key_F7)
    finished(window, qtbot)
    assert texts(engine)[-3:] == ["Getting to the new centre", "We talk about buses, the minibus and lifts.", "How will you get there?"]
    assert planner.current_row() == 6  # the cards no longer follow the agenda reading
    assert not any(title in texts(engine) for title in ("10:40. What makes a good day?", "11:50. Getting to the new centre"))


# -- the workshop's language ------------------------------------------------------------------------


def test_a_welsh_workshop_is_read_with_the_welsh_voice(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.01)
    window = make_window(engine)
    set_language(window, "cy")
    choose_card(qtbot, window, 0)
    press(qtbot, K.Key_F7)
    finished(window, qtbot)
    assert engine.rendered and {voice for _t, voice, _r, _v in engine.rendered} == {"fake/cy"}


def test_a_language_with_no_voice_says_so_then_reads_with_the_chosen_fallback(make_window, qtbot):
    engine = FakeEngine(voices=ENGLISH_ONLY, seconds_per_word=0.01)
    window = make_window(engine)
    status = StatusBar(window)
    set_language(window, "ar")
    choose_card(qtbot, window, 0)
    press(qtbot, K.Key_F7)
    qtbot.waitUntil(lambda: "Arabic" in status.now(), timeout=3000)
    message = status.now()
    assert "There is no Arabic voice on this computer" in message
    assert "Read aloud ▸ Voice" in message and "install" in message
    finished(window, qtbot)
    assert engine.rendered == []

    def choose_fallback(dialog):
        assert dialog.voice_box.count() == 1 and "No Arabic voice" in dialog.voice_box.itemText(0)
        assert "There is no Arabic voice" in dialog.note.text()
        index = dialog.fallback_box.findData("fake/en-gb")
        assert index > 0
        dialog.fallback_box.setCurrentIndex(index)
        ok(dialog)

    seen = on_modal(qtbot, VoiceDialog, choose_fallback)
    window.actions.voice.trigger()
    assert seen, "the Voice dialog did not open"
    assert window.speaker.settings().fallback == "fake/en-gb"

    focus(qtbot, window.page.planner.cards)
    press(qtbot, K.Key_F7)
    qtbot.waitUntil(lambda: engine.rendered != [], timeout=3000)
    finished(window, qtbot)
    assert {voice for _t, voice, _r, _v in engine.rendered} == {"fake/en-gb"}
    assert status.said("There is no Arabic voice on this computer, so English (Great Britain) reads instead.")


# -- the glossary and the right-click menu -----------------------------------------------------------


def test_the_glossary_s_read_aloud_button_reads_the_word_and_its_meaning(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.005)
    window = make_window(engine)
    window.show_glossary()
    panel = window.glossary
    qtbot.waitUntil(lambda: bool(window.plain_words.glossary.entries), timeout=5000)
    panel.look_up("zzqx")
    assert panel.entry is None and not panel.read_button.isEnabled()
    panel.look_up("safeguarding")
    entry = panel.entry
    assert entry is not None and entry.term == "safeguarding"
    assert panel.read_button.isEnabled()
    qtbot.mouseClick(panel.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: engine.rendered != [], timeout=3000)
    finished(window, qtbot)
    assert texts(engine)[0] == "safeguarding"
    assert words(*texts(engine)) == words(entry.term, entry.plain, entry.more)
    assert {voice for _t, voice, _r, _v in engine.rendered} == {"fake/en-gb"}


def test_the_right_click_menu_of_a_text_box_reads_it_aloud(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.005)
    window = make_window(engine)
    choose_card(qtbot, window, 3)
    edit = window.page.planner.editor.words_edit
    hints = window.page.planner.editor.hints
    text = edit.toPlainText()
    menu = hints.menu_at(3)
    read = [action for action in menu.actions() if action.text() == "Read this aloud"]
    assert len(read) == 1 and read[0].isEnabled()
    read[0].trigger()
    finished(window, qtbot)
    assert words(*texts(engine)) == text.split()

    # With words selected, the menu reads only them.
    engine.rendered.clear()
    cursor = edit.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(text.index(" what"), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    menu = hints.menu_at(1)
    read = [action for action in menu.actions() if action.text() == "Read the selected words aloud"]
    assert len(read) == 1
    read[0].trigger()
    finished(window, qtbot)
    assert texts(engine) == ["We talk about"]


# -- the Voice dialog --------------------------------------------------------------------------------


def voice_dialog(qtbot, window, language: str) -> VoiceDialog:
    dialog = VoiceDialog(window.speaker, language, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_voice_dialog_lists_the_welsh_voices_and_keeps_the_speed_on_ok(make_window, qtbot, tmp_path):
    window = make_window(FakeEngine())
    dialog = voice_dialog(qtbot, window, "cy")
    ids = [dialog.voice_box.itemData(i) for i in range(dialog.voice_box.count())]
    assert ids == ["", "fake/cy"]
    assert "Welsh" in dialog.voice_box.itemText(0)
    assert dialog.speed_slider.value() == 8
    dialog.speed_slider.setValue(15)
    dialog.volume_slider.setValue(70)
    ok(dialog)
    assert window.speaker.settings().speed == 1.5
    assert window.speaker.settings().volume == 0.7
    assert window.preferences.get(SPEECH_SPEED) == 1.5
    window.preferences.sync()
    again = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert again.get(SPEECH_SPEED) == 1.5 and again.get(SPEECH_VOLUME) == 0.7


def test_cancel_in_the_voice_dialog_keeps_the_old_settings(make_window, qtbot):
    window = make_window(FakeEngine())
    before = window.speaker.settings()
    dialog = voice_dialog(qtbot, window, "cy")
    dialog.speed_slider.setValue(20)
    dialog.voice_box.setCurrentIndex(dialog.voice_box.findData("fake/cy"))
    dialog.fallback_box.setCurrentIndex(dialog.fallback_box.findData("fake/en-us"))
    cancel(dialog)
    assert window.speaker.settings() == before
    assert window.speaker.settings().speed == DEFAULT_SPEED


def test_a_chosen_voice_is_kept_for_its_language(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.005)
    window = make_window(engine)
    dialog = voice_dialog(qtbot, window, "en")
    index = dialog.voice_box.findData("fake/en-us")
    assert index > 0
    dialog.voice_box.setCurrentIndex(index)
    ok(dialog)
    assert window.speaker.settings().chosen == {"en": "fake/en-us"}
    choose_card(qtbot, window, 0)
    press(qtbot, K.Key_F7)
    finished(window, qtbot)
    assert engine.rendered and {voice for _t, voice, _r, _v in engine.rendered} == {"fake/en-us"}


def test_test_the_voice_reads_the_welsh_sentence_at_the_dialog_s_speed_without_keeping_it(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.005)
    window = make_window(engine)
    dialog = voice_dialog(qtbot, window, "cy")
    dialog.speed_slider.setValue(15)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert window.preferences.get(SPEECH_SPEED) == DEFAULT_SPEED  # not kept by trying it
    qtbot.waitUntil(lambda: dialog.status.text() == "Done.", timeout=3000)
    assert words(*texts(engine)) == TEST_SENTENCES["cy"].split()
    assert {(voice, rate) for _t, voice, rate, _v in engine.rendered} == {("fake/cy", 300)}
    assert window.speaker.settings().speed == DEFAULT_SPEED
    cancel(dialog)
    assert window.speaker.settings().speed == DEFAULT_SPEED


def test_test_the_voice_says_when_the_language_has_no_voice(make_window, qtbot):
    engine = FakeEngine(voices=ENGLISH_ONLY)
    window = make_window(engine)
    dialog = voice_dialog(qtbot, window, "cy")
    assert "There is no Welsh voice" in dialog.note.text()
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "There is no Welsh voice" in dialog.status.text(), timeout=3000)
    assert engine.rendered == []
    # With a voice to read instead, the test reads with it and says so.
    dialog.fallback_box.setCurrentIndex(dialog.fallback_box.findData("fake/en-us"))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Done.", timeout=3000)
    assert engine.rendered and {voice for _t, voice, _r, _v in engine.rendered} == {"fake/en-us"}
    cancel(dialog)
    assert window.speaker.settings().fallback == ""


def test_the_speed_label_says_slower_normal_or_faster(make_window, qtbot):
    window = make_window(FakeEngine())
    dialog = voice_dialog(qtbot, window, "en")
    assert dialog.speed_label.text() == "0.8 × (slower than normal)"
    dialog.speed_slider.setValue(5)
    assert dialog.speed_label.text() == "0.5 × (slower than normal)"
    dialog.speed_slider.setValue(10)
    assert dialog.speed_label.text() == "1.0 × (normal)"
    dialog.speed_slider.setValue(20)
    assert dialog.speed_label.text() == "2.0 × (faster than normal)"
    assert (dialog.speed_slider.minimum(), dialog.speed_slider.maximum()) == (5, 20)
    dialog.volume_slider.setValue(60)
    assert dialog.volume_label.text() == "60%"
    cancel(dialog)


# -- how to say words ---------------------------------------------------------------------------------


def stored_pronunciations(window) -> list[tuple[str, str]]:
    workshop = window.library.load_workshop(window.page.workshop.id)
    return [(each.written, each.spoken) for each in workshop.pronunciations]


def pronunciations_dialog(qtbot, window) -> PronunciationsDialog:
    dialog = PronunciationsDialog(window.library, window.history, window.speaker, window.page.workshop.id, window)
    dialog.show()  # a child of the window, so it goes with it
    return dialog


def add(dialog, written: str, spoken: str | None) -> None:
    dialog.list.setCurrentRow(-1)
    dialog.written_edit.setText(written)
    if spoken is None:
        dialog.letters_button.click()
    else:
        dialog.spoken_edit.setText(spoken)
    dialog.add_button.click()


def listed(dialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_the_group_adds_changes_and_removes_pronunciations_with_undo(make_window, qtbot, tmp_path):
    window = make_window(FakeEngine())
    dialog = pronunciations_dialog(qtbot, window)
    assert listed(dialog) == []
    add(dialog, "NHS", None)
    assert dialog.spoken_edit.text() == "N H S"
    add(dialog, "Llanelli", "Hlan-ethli")
    assert stored_pronunciations(window) == [("NHS", "N H S"), ("Llanelli", "Hlan-ethli")]
    assert listed(dialog) == ["NHS  →  N H S", "Llanelli  →  Hlan-ethli"]
    assert "Added" in dialog.message.text()

    # What cannot be added says why and adds nothing.
    for written, spoken, why in (
        ("", "Something", "Write the word as it is written."),
        ("   ", "Something", "Write the word as it is written."),
        ("Caerphilly", "", "Write how to say “Caerphilly”."),
        ("nhs", "En aitch ess", "“nhs” is in the list already"),
        ("LLANELLI", "Lanelly", "is in the list already"),
    ):
        add(dialog, written, spoken)
        assert why in dialog.message.text(), (written, spoken)
        assert len(stored_pronunciations(window)) == 2

    # Change one.
    dialog.list.setCurrentRow(1)
    assert (dialog.written_edit.text(), dialog.spoken_edit.text()) == ("Llanelli", "Hlan-ethli")
    assert dialog.save_button.isEnabled() and dialog.remove_button.isEnabled()
    dialog.spoken_edit.setText("Thlan-eth-lee")
    dialog.save_button.click()
    assert stored_pronunciations(window) == [("NHS", "N H S"), ("Llanelli", "Thlan-eth-lee")]
    # A change may not make it the same as another.
    dialog.list.setCurrentRow(1)
    dialog.written_edit.setText("nhs")
    dialog.save_button.click()
    assert "in the list already" in dialog.message.text()
    assert stored_pronunciations(window) == [("NHS", "N H S"), ("Llanelli", "Thlan-eth-lee")]

    # Remove one; Edit ▸ Undo brings it back.
    dialog.list.setCurrentRow(0)
    dialog.remove_button.click()
    assert stored_pronunciations(window) == [("Llanelli", "Thlan-eth-lee")]
    assert "Undo" in dialog.message.text()
    assert listed(dialog) == ["Llanelli  →  Thlan-eth-lee"]
    window.history.undo()
    assert stored_pronunciations(window) == [("NHS", "N H S"), ("Llanelli", "Thlan-eth-lee")]
    assert listed(dialog) == ["NHS  →  N H S", "Llanelli  →  Thlan-eth-lee"]
    dialog.reject()
    shiboken6.delete(dialog)

    # Closing the library and opening it again keeps them.
    path = window.library.path
    workshop_id = window.page.workshop.id
    close_window(window)
    again = make_window(FakeEngine(), library_path=path)
    assert again.page.workshop.id == workshop_id
    assert stored_pronunciations(again) == [("NHS", "N H S"), ("Llanelli", "Thlan-eth-lee")]
    reopened = pronunciations_dialog(qtbot, again)
    assert listed(reopened) == ["NHS  →  N H S", "Llanelli  →  Thlan-eth-lee"]
    reopened.reject()


def test_try_it_says_the_word_the_way_the_boxes_say(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.01)
    window = make_window(engine)
    dialog = pronunciations_dialog(qtbot, window)
    dialog.try_button.click()
    assert dialog.message.text() == "Write the word as it is written."
    dialog.written_edit.setText("Llanelli")
    dialog.spoken_edit.setText("Hlan-ethli")
    dialog.try_button.click()
    qtbot.waitUntil(lambda: engine.rendered != [], timeout=3000)
    finished(window, qtbot)
    assert engine.rendered == [("Hlan-ethli", "fake/en-gb", 160, 1.0)]
    assert stored_pronunciations(window) == []  # trying is not adding
    dialog.reject()


def test_the_pronunciations_dialog_opens_from_the_menu(make_window, qtbot):
    window = make_window(FakeEngine())

    def add_one(dialog):
        add(dialog, "GP", None)
        dialog.reject()

    seen = on_modal(qtbot, PronunciationsDialog, add_one)
    window.actions.pronunciations.trigger()
    assert seen
    assert stored_pronunciations(window) == [("GP", "G P")]


def test_a_pronunciation_changes_what_is_said_but_the_word_lit_up_is_the_written_one(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.01)
    window = make_window(engine)
    dialog = pronunciations_dialog(qtbot, window)
    add(dialog, "NHS", None)
    dialog.reject()
    workshop_id = window.page.workshop.id
    item = window.library.load_workshop(workshop_id).agenda[1]
    window.history.push(ChangePart.of(workshop_id, "agenda", item, title="Talk to the NHS today"))
    qtbot.waitUntil(lambda: window.page.planner.model.items[1].title == "Talk to the NHS today", timeout=2000)
    heard = []
    window.speaker.heard.connect(lambda *args: heard.append(args))
    choose_card(qtbot, window, 1)
    press(qtbot, K.Key_F7)
    finished(window, qtbot)
    assert texts(engine)[0] == "Talk to the N H S today"
    title = "Talk to the NHS today"
    lit = [title[start : start + length] for _tag, key, start, length, _word in heard if key == "title"]
    assert lit == ["Talk", "to", "the", "NHS", "today"]  # "NHS" once, not once a letter


# -- the summary as sound -------------------------------------------------------------------------------


def names_in(workshop) -> set[str]:
    names = set()
    for person in workshop.participants:
        names.update(person.name.split())
        names.update(person.alias.split())
    for decision in workshop.decisions:
        names.update(word for word in re.findall(r"\w+", decision.suggested_by) if word[0].isupper())
    for action in workshop.actions:
        names.update(word for word in re.findall(r"\w+", action.who) if word[0].isupper())
    return names


def test_the_summary_is_saved_as_one_sound_file_a_section_with_a_playlist(make_window, qtbot, tmp_path, monkeypatch):
    engine = FakeEngine(seconds_per_word=0.02)
    window = make_window(engine)
    status = StatusBar(window)
    workshop = window.library.load_workshop(window.page.workshop.id)
    workshop.pronunciations = [Pronunciation("Riverside", "River side")]  # the group's, as kept with the workshop
    out = tmp_path / "out"
    out.mkdir()
    folder = window.read_aloud.save_summary_to(workshop, out)
    assert folder is not None and folder.parent == out
    qtbot.waitUntil(lambda: "Saved the summary as" in status.now(), timeout=10000)
    tracks = sorted(folder.glob("*.wav"))
    count = len(summary_sections(workshop))
    assert count >= 6 and len(tracks) in (count, count + 1)  # + the hard words, found with the glossary
    assert status.now().startswith(f"Saved the summary as {len(tracks)} sound files")
    assert [track.name[:3] for track in tracks] == [f"{n:02d} " for n in range(1, len(tracks) + 1)]
    assert tracks[0].name == "01 Notes from our meeting.wav"
    assert (folder / PLAYLIST).read_text(encoding="utf-8").splitlines() == [track.name for track in tracks]
    for track in tracks:
        sound = track.read_bytes()
        with wave.open(BytesIO(sound)) as opened:
            assert opened.getnframes() > 0 and opened.getsampwidth() == 2
        assert loudness(sound) > -40, track.name
    assert not list(folder.glob("*.partial"))
    said = " ".join(texts(engine))
    assert "Notes from our meeting" in said and "8 people came" in said
    assert "River side Community Centre" in said and "Riverside" not in said
    leaked = {name for name in names_in(workshop) if re.search(rf"\b{re.escape(name)}\b", said)}
    assert leaked == set(), f"names read aloud: {leaked}"

    # Saving again into the same folder asks first.
    tracks[0].write_bytes(b"not a sound")
    rendered = len(engine.rendered)
    asked = []
    monkeypatch.setattr("facilitator.ui.ask.confirm", lambda *args: asked.append(args) or False)
    assert window.read_aloud.save_summary_to(workshop, out) is None
    assert len(asked) == 1 and "Replace" in asked[0]
    qtbot.wait(200)
    assert tracks[0].read_bytes() == b"not a sound" and len(engine.rendered) == rendered

    monkeypatch.setattr("facilitator.ui.ask.confirm", lambda *args: asked.append(args) or True)
    status.messages.clear()
    assert window.read_aloud.save_summary_to(workshop, out) == folder
    qtbot.waitUntil(lambda: status.said("Saved the summary as"), timeout=10000)
    assert len(asked) == 2
    with wave.open(BytesIO(tracks[0].read_bytes())) as opened:
        assert opened.getnframes() > 0
    assert sorted(folder.glob("*.wav")) == tracks


# -- no speech engine, no sound player ------------------------------------------------------------------


def no_engine():
    raise SpeechUnavailable("install espeak")


def test_without_a_speech_engine_the_app_plans_and_read_aloud_says_what_to_install(make_window, qtbot, tmp_path):
    window = make_window(factory=no_engine)
    status = StatusBar(window)
    assert window.speaker.trouble() == "install espeak"
    # The planner works as ever.
    planner = window.page.planner
    count = planner.model.rowCount()
    choose_card(qtbot, window, 1)
    press(qtbot, K.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert planner.model.rowCount() == count + 1
    assert len(window.library.load_workshop(window.page.workshop.id).agenda) == count + 1

    focus(qtbot, planner.cards)
    press(qtbot, K.Key_F7)
    qtbot.waitUntil(lambda: status.now() == "install espeak", timeout=3000)
    finished(window, qtbot)
    press(qtbot, K.Key_F7, SHIFT)
    qtbot.waitUntil(lambda: status.messages[-1:] == ["install espeak"], timeout=3000)

    dialog = voice_dialog(qtbot, window, "en")
    assert dialog.note.text() == "install espeak"
    assert not dialog.test_button.isEnabled()
    cancel(dialog)

    # The summary cannot be saved as sound either, and the status bar says why.
    workshop = window.library.load_workshop(window.page.workshop.id)
    window.read_aloud.save_summary_to(workshop, tmp_path)
    qtbot.waitUntil(lambda: status.now() == "The summary could not be saved as sound. install espeak", timeout=3000)


def test_a_summary_that_could_not_be_saved_leaves_no_playlist_of_missing_files(make_window, qtbot, tmp_path):
    window = make_window(factory=no_engine)
    status = StatusBar(window)
    workshop = window.library.load_workshop(window.page.workshop.id)
    folder = window.read_aloud.save_summary_to(workshop, tmp_path)
    qtbot.waitUntil(lambda: status.now().startswith("The summary could not be saved as sound."), timeout=3000)
    listed = (folder / PLAYLIST).read_text(encoding="utf-8").split("\n") if (folder / PLAYLIST).exists() else []
    missing = [name for name in listed if name and not (folder / name).exists()]
    assert missing == []


def test_an_engine_with_no_voices_says_so(make_window, qtbot):
    engine = FakeEngine(voices=())
    window = make_window(engine)
    status = StatusBar(window)
    choose_card(qtbot, window, 0)
    press(qtbot, K.Key_F7)
    qtbot.waitUntil(lambda: "No voices were found on this computer" in status.now(), timeout=3000)
    finished(window, qtbot)
    assert engine.rendered == []


def test_without_a_sound_player_f7_says_what_to_install(make_window, qtbot):
    engine = FakeEngine()
    player = FakePlayer(problem=NO_PLAYER)
    window = make_window(engine, player)
    status = StatusBar(window)
    choose_card(qtbot, window, 0)
    press(qtbot, K.Key_F7)
    qtbot.waitUntil(lambda: status.now() == NO_PLAYER, timeout=3000)
    finished(window, qtbot)
    assert player.played == []
    assert not status.said("Finished reading.")


def test_while_the_engine_is_still_opening_the_voice_dialog_waits_and_f7_is_read_once_it_opens(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.005)
    opened = threading.Event()

    def slow_engine():
        opened.wait(10)  # the engine opens only when the test lets it, however busy the machine is
        return engine

    window = make_window(factory=slow_engine, wait_ready=False)
    assert not window.speaker.service.ready.is_set()
    dialog = voice_dialog(qtbot, window, "cy")
    assert dialog.note.text() == "Looking for voices…"
    assert window.speaker.trouble() == ""
    choose_card(qtbot, window, 0)
    press(qtbot, K.Key_F7)
    opened.set()
    qtbot.waitUntil(lambda: dialog.voice_box.findData("fake/cy") > 0, timeout=3000)
    assert "Welsh" in dialog.note.text() and dialog.test_button.isEnabled()
    cancel(dialog)
    qtbot.waitUntil(lambda: engine.rendered != [], timeout=3000)
    finished(window, qtbot)
    assert texts(engine)[0] == "Welcome"


def test_closing_the_window_while_reading_stops_the_speech_at_once(make_window, qtbot):
    engine = FakeEngine(seconds_per_word=0.2)
    window = make_window(engine)
    choose_card(qtbot, window, 0)
    press(qtbot, K.Key_F7, SHIFT)
    qtbot.waitUntil(lambda: engine.rendered != [], timeout=3000)
    worker = window.speaker.service._thread
    began = time.monotonic()
    window.close()
    assert time.monotonic() - began < 0.5
    assert not worker.is_alive()
    rendered = len(engine.rendered)
    qtbot.waitUntil(lambda: not window.speaker.is_reading(), timeout=1000)  # its last word: "finished"
    qtbot.wait(200)
    assert len(engine.rendered) == rendered


# -- the window never waits for speech -----------------------------------------------------------------------


def test_the_event_loop_never_stalls_while_the_real_engine_reads(make_window, qtbot):
    player = FakePlayer()
    window = make_window(factory=PyttsxEngine, player=player)
    if window.speaker.trouble():
        pytest.skip(f"no speech engine here: {window.speaker.trouble()}")
    if window.speaker.choice("en").voice is None:
        pytest.skip("no English voice here")
    heard = []
    window.speaker.heard.connect(lambda *args: heard.append(time.monotonic()))
    ticks = []
    beat = QTimer()
    beat.setTimerType(Qt.TimerType.PreciseTimer)
    beat.setInterval(5)
    beat.timeout.connect(lambda: ticks.append(time.monotonic()))
    beat.start()
    qtbot.wait(100)
    began = time.monotonic()
    window.read_aloud.read_agenda()
    asked = time.monotonic() - began
    assert window.speaker.is_reading()
    ticks.clear()
    qtbot.wait(2000)
    beat.stop()
    window.read_aloud.stop()
    assert asked < 0.05, f"read_agenda took {asked * 1000:.0f} ms"
    assert len(heard) >= 3, "the words were not lit up while reading"
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > 100
    assert max(gaps) < 0.05, f"the event loop stalled for {max(gaps) * 1000:.0f} ms"
    assert player.played
