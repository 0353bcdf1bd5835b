"""Read aloud while presenting: R (or the console's button) reads what the room sees, each word
lit up on the big screen as it is heard; R again, a new screen, or stopping presenting stops it.

The speaker uses the fake engine kept by the test (``engine.rendered`` is what it was asked to
say) and the fake player, which "plays" by the clock so words are lit up in time.
"""

from __future__ import annotations

import array
import itertools
import time

import pytest
from PySide6.QtCore import QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox

from facilitator.cli import open_app_library
from facilitator.core.edits import AddPart, ChangePart
from facilitator.core.model import Pronunciation
from facilitator.session.screens import Kind
from facilitator.session.themes import THEMES
from facilitator.speech.engine import SpeechUnavailable
from facilitator.speech.fake import FakeEngine, FakePlayer
from facilitator.ui import zoom
from facilitator.ui.presenter.decision_dialog import DecisionDialog
from facilitator.ui.presenter.painting import Reading
from facilitator.ui.presenter.presenter import READING
from facilitator.ui.settings import PRESENT_THEME, Preferences
from tests.ui.conftest import speaking_window

K = Qt.Key
NO_PLAYER = "No program to play sounds was found. On Linux, install pulseaudio-utils or alsa-utils."


# -- presenting with a speaker the test can see into ------------------------------------------------------


@pytest.fixture
def presenting(qtbot, tmp_path):
    """``start(engine, player, theme=...)``: a main window on the demo workshop, presenting from the welcome."""
    made = []

    def start(engine=None, player=None, theme: str | None = None, factory=None):
        library = open_app_library(tmp_path / "library.sqlite3")
        preferences = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        if theme is not None:
            preferences.set(PRESENT_THEME, theme)
        window = speaking_window(qtbot, library, preferences, engine, player, factory)
        made.append((window, library))
        qtbot.waitUntil(window.speaker.service.ready.is_set, timeout=5000)
        window.present()
        presenter = window.presenter
        assert presenter is not None and presenter.running
        qtbot.waitUntil(presenter.console.isActiveWindow, timeout=2000)
        return window, presenter

    yield start
    for window, library in made:
        if window.presenter is not None:
            window.presenter.stop()
        window.close()
        library.close()
    zoom.set_zoom(1.0)


class Lit:
    """What the big screen lit up each time a word was heard (looked at after the presenter's own handling)."""

    def __init__(self, presenter):
        self.presenter = presenter
        self.seen: list[Reading | None] = []
        presenter.speaker.heard.connect(self._heard)

    def _heard(self, *_args) -> None:
        self.seen.append(self.presenter.view.drawing.reading)

    def spans(self, screen) -> list[tuple[str, str]]:
        """(key, the text lit up) for each word lit, from the screen's own texts."""
        texts = {"heading": screen.heading, "title": screen.title, "words": screen.words}
        return [(r.key, texts[r.key][r.start : r.start + r.length]) for r in self.seen if r is not None]


def lit_words(text: str) -> list[str]:
    """The words of ``text`` as they light up: without the comma or full stop after them."""
    return [word.rstrip(",.;:!?") for word in text.split()]


def texts(engine) -> list[str]:
    return [text for text, _voice, _rate, _volume in engine.rendered]


def words(*parts: str) -> list[str]:
    return " ".join(parts).split()


def reading_now(presenter) -> bool:
    return presenter.speaker.is_reading(READING)


def button(presenter) -> str:
    return presenter.console.read_button.text()


def done_reading(presenter, qtbot, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: button(presenter) == "Read aloud" and not reading_now(presenter), timeout=timeout)


def lit_key(presenter, key: str):
    return lambda: presenter.view.drawing.reading is not None and presenter.view.drawing.reading.key == key


def count_colour(image: QImage, rect: QRect, colour: str) -> int:
    """How many pixels inside ``rect`` of ``image`` are exactly ``colour``."""
    part = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    pixels = array.array("I", bytes(part.constBits()))
    return pixels.count(QColor(colour).rgb() & 0xFFFFFFFF)


# -- R reads what the room sees ----------------------------------------------------------------------------------


def test_r_on_the_welcome_screen_reads_heading_title_and_words_lighting_up_each_word(presenting, qtbot):
    engine = FakeEngine(seconds_per_word=0.02)
    window, presenter = presenting(engine)
    screen = presenter.view.drawing.screen
    assert screen.kind is Kind.WELCOME and screen.heading == "Welcome"
    assert button(presenter) == "Read aloud"
    lit = Lit(presenter)
    qtbot.keyClick(presenter.console, K.Key_R)
    assert reading_now(presenter) and button(presenter) == "Stop reading"
    done_reading(presenter, qtbot)
    assert texts(engine)[:2] == ["Welcome", screen.title]
    assert words(*texts(engine)) == words(screen.heading, screen.title, screen.words)
    assert {voice for _t, voice, _r, _v in engine.rendered} == {"fake/en-gb"}
    spans = lit.spans(screen)
    assert [key for key, _group in itertools.groupby(key for key, _text in spans)] == ["heading", "title", "words"]
    for key in ("heading", "title", "words"):
        assert [text for each, text in spans if each == key] == lit_words(getattr(screen, key)), key
    assert presenter.view.drawing.reading is None


def test_the_read_aloud_button_reads_the_item_title_then_its_words(presenting, qtbot):
    engine = FakeEngine(seconds_per_word=0.02)
    window, presenter = presenting(engine)
    qtbot.keyClick(presenter.console, K.Key_Right)
    qtbot.keyClick(presenter.console, K.Key_Right)
    screen = presenter.view.drawing.screen
    assert screen.kind is Kind.ITEM and screen.title == "Getting to know each other"
    lit = Lit(presenter)
    qtbot.mouseClick(presenter.console.read_button, Qt.MouseButton.LeftButton)
    assert button(presenter) == "Stop reading"
    # Seen as each word is heard, not by looking now and then: on a busy machine the title's words can
    # all be said between two looks.
    qtbot.waitUntil(lambda: any(r is not None and r.key == "title" for r in lit.seen), timeout=10000)
    reading = next(r for r in lit.seen if r is not None and r.key == "title")
    assert screen.title[reading.start : reading.start + reading.length] in lit_words(screen.title)
    done_reading(presenter, qtbot)
    assert texts(engine) == [
        "Getting to know each other",
        "Say your name, or the name you like to use.",
        "Tell us one thing you enjoy.",
    ]
    assert lit.spans(screen) == [("title", w) for w in lit_words(screen.title)] + [("words", w) for w in lit_words(screen.words)]
    assert presenter.view.drawing.reading is None and button(presenter) == "Read aloud"


def test_an_engine_without_word_times_lights_up_each_sentence(presenting, qtbot):
    engine = FakeEngine(seconds_per_word=0.02, marks=False)
    window, presenter = presenting(engine)
    qtbot.keyClick(presenter.console, K.Key_Right)
    qtbot.keyClick(presenter.console, K.Key_Right)
    screen = presenter.view.drawing.screen
    lit = Lit(presenter)
    qtbot.keyClick(presenter.console, K.Key_R)
    done_reading(presenter, qtbot)
    assert lit.spans(screen) == [
        ("title", "Getting to know each other"),
        ("words", "Say your name, or the name you like to use."),
        ("words", "Tell us one thing you enjoy."),
    ]


# -- stopping -----------------------------------------------------------------------------------------------


def test_r_again_while_reading_stops_at_once(presenting, qtbot):
    engine = FakeEngine(seconds_per_word=0.15)
    window, presenter = presenting(engine)
    qtbot.keyClick(presenter.console, K.Key_R)
    qtbot.waitUntil(lit_key(presenter, "title"), timeout=10000)
    qtbot.keyClick(presenter.console, K.Key_R)
    assert not presenter.speaker.is_reading()
    assert presenter.view.drawing.reading is None
    assert button(presenter) == "Read aloud"
    rendered = len(engine.rendered)
    qtbot.wait(400)
    assert presenter.view.drawing.reading is None and button(presenter) == "Read aloud"
    assert len(engine.rendered) <= rendered + 1
    # R once more reads from the start again.
    qtbot.keyClick(presenter.console, K.Key_R)
    assert reading_now(presenter)
    qtbot.waitUntil(lit_key(presenter, "heading"), timeout=10000)


@pytest.mark.parametrize("key", [K.Key_Right, K.Key_Left, K.Key_B], ids=["next", "back", "blank"])
def test_a_new_screen_stops_the_reading_and_its_highlight(presenting, qtbot, key):
    engine = FakeEngine(seconds_per_word=0.15)
    window, presenter = presenting(engine)
    for _n in range(2):
        qtbot.keyClick(presenter.console, K.Key_Right)
    before = presenter.view.drawing.screen
    qtbot.keyClick(presenter.console, K.Key_R)
    qtbot.waitUntil(lit_key(presenter, "title"), timeout=10000)
    qtbot.keyClick(presenter.console, key)
    assert presenter.view.drawing.screen != before
    assert not presenter.speaker.is_reading()
    assert presenter.view.drawing.reading is None and button(presenter) == "Read aloud"
    qtbot.wait(400)
    assert presenter.view.drawing.reading is None and button(presenter) == "Read aloud"


def test_stopping_presenting_stops_the_speech(presenting, qtbot):
    engine = FakeEngine(seconds_per_word=0.15)
    window, presenter = presenting(engine)
    qtbot.keyClick(presenter.console, K.Key_R)
    qtbot.waitUntil(lit_key(presenter, "title"), timeout=10000)
    qtbot.keyClick(presenter.console, K.Key_Escape)  # "Stop presenting?"
    qtbot.keyClick(presenter.console, K.Key_Escape)  # yes
    assert window.presenter is None and not presenter.running
    assert not window.speaker.is_reading()
    rendered = len(engine.rendered)
    qtbot.wait(400)
    assert len(engine.rendered) <= rendered + 1
    assert not window.speaker.is_reading()


# -- what else the room sees ---------------------------------------------------------------------------------


def test_a_hard_word_on_the_big_screen_is_read(presenting, qtbot):
    engine = FakeEngine(seconds_per_word=0.01)
    window, presenter = presenting(engine)
    qtbot.keyClick(presenter.console, K.Key_Right)
    presenter.session.show_word("advocate", "Someone who speaks up for you.", "")
    screen = presenter.view.drawing.screen
    assert screen.kind is Kind.WORD
    qtbot.keyClick(presenter.console, K.Key_R)
    done_reading(presenter, qtbot)
    assert texts(engine) == ["What this word means", "advocate", "Someone who speaks up for you."]


def test_a_decision_read_back_is_read_aloud_by_itself(presenting, qtbot, monkeypatch):
    engine = FakeEngine(seconds_per_word=0.02)
    decision = "We will meet on the first Tuesday of every month."

    def write(dialog):
        assert dialog.read_back.isChecked()
        dialog.text.setPlainText(decision)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", write)
    window, presenter = presenting(engine)
    for _n in range(4):
        qtbot.keyClick(presenter.console, K.Key_Right)
    qtbot.keyClick(presenter.console, K.Key_D)
    assert presenter.view.drawing.screen.kind is Kind.DECISION
    assert reading_now(presenter) and button(presenter) == "Stop reading"
    qtbot.waitUntil(lit_key(presenter, "title"), timeout=10000)
    done_reading(presenter, qtbot)
    assert texts(engine) == ["Is this right?", decision]


def test_a_decision_not_read_back_is_not_read(presenting, qtbot, monkeypatch):
    engine = FakeEngine(seconds_per_word=0.02)

    def write(dialog):
        dialog.text.setPlainText("We like the garden.")
        dialog.read_back.setChecked(False)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", write)
    window, presenter = presenting(engine)
    qtbot.keyClick(presenter.console, K.Key_Right)
    qtbot.keyClick(presenter.console, K.Key_D)
    assert presenter.console.message.text().startswith("Decision saved.")
    assert not presenter.speaker.is_reading()
    qtbot.wait(100)
    assert engine.rendered == []


def test_a_blank_screen_has_nothing_to_read(presenting, qtbot):
    engine = FakeEngine()
    window, presenter = presenting(engine)
    qtbot.keyClick(presenter.console, K.Key_B)
    assert presenter.view.drawing.screen.kind is Kind.BLANK
    qtbot.keyClick(presenter.console, K.Key_R)
    assert presenter.console.message.text() == "There is nothing on the big screen to read."
    assert not presenter.speaker.is_reading() and button(presenter) == "Read aloud"
    qtbot.wait(100)
    assert engine.rendered == []


def test_the_group_s_pronunciations_are_said_and_the_written_words_lit(presenting, qtbot):
    engine = FakeEngine(seconds_per_word=0.01)
    window, presenter = presenting(engine)
    workshop_id = presenter.workshop_id
    for written, spoken in (("NHS", "N H S"), ("Llanelli", "Hlan-ethli")):
        window.history.push(AddPart(workshop_id, "pronunciations", Pronunciation(written, spoken)))
    item = window.library.load_workshop(workshop_id).agenda[1]
    title, plain = "Talk to the NHS", "We ask the NHS today. Then people from Llanelli talk about the nhs plan."
    window.history.push(ChangePart.of(workshop_id, "agenda", item, title=title, plain_words=plain))
    for _n in range(2):
        qtbot.keyClick(presenter.console, K.Key_Right)
    screen = presenter.view.drawing.screen
    assert (screen.title, screen.words) == (title, plain)
    lit = Lit(presenter)
    qtbot.keyClick(presenter.console, K.Key_R)
    done_reading(presenter, qtbot)
    assert texts(engine) == [
        "Talk to the N H S",
        "We ask the N H S today.",
        "Then people from Hlan-ethli talk about the N H S plan.",
    ]
    assert lit.spans(screen) == [("title", w) for w in lit_words(title)] + [("words", w) for w in lit_words(plain)]


# -- the pixels the room sees ---------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["cream", "black"])
def test_the_word_being_read_is_painted_in_the_theme_s_highlight(presenting, qtbot, theme):
    engine = FakeEngine(seconds_per_word=0.6)
    window, presenter = presenting(engine, theme=theme)
    view = presenter.view
    highlight = THEMES[theme].highlight
    for _n in range(2):
        qtbot.keyClick(presenter.console, K.Key_Right)
    layout = view.current_layout()
    title = layout.title.rect.toAlignedRect()
    words = next(text for text in layout.texts if text.key == "words").rect.toAlignedRect()
    before = view.grab().toImage()
    assert count_colour(before, title, highlight) == 0
    assert count_colour(before, words, highlight) == 0

    qtbot.keyClick(presenter.console, K.Key_R)
    qtbot.waitUntil(lit_key(presenter, "title"), timeout=10000)
    reading = view.drawing.reading
    during = view.grab().toImage()
    lit = count_colour(during, title, highlight)
    assert lit > 500, f"{lit} highlighted pixels in the title while {reading} is read"
    assert count_colour(during, words, highlight) == 0
    # Only the word is lit, not the whole title: the rest of the title's area keeps the background.
    assert count_colour(during, title, THEMES[theme].background) > lit

    qtbot.keyClick(presenter.console, K.Key_R)
    after = view.grab().toImage()
    assert count_colour(after, title, highlight) == 0


# -- when it cannot read ----------------------------------------------------------------------------------------


def test_no_sound_player_is_told_on_the_console_and_the_button_comes_back(presenting, qtbot):
    player = FakePlayer(problem=NO_PLAYER)
    window, presenter = presenting(FakeEngine(), player)
    qtbot.keyClick(presenter.console, K.Key_Right)
    qtbot.mouseClick(presenter.console.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: presenter.console.message.text() == NO_PLAYER, timeout=10000)
    done_reading(presenter, qtbot)
    assert presenter.view.drawing.reading is None
    assert player.played == []


def test_no_speech_engine_is_told_on_the_console(presenting, qtbot):
    def no_engine():
        raise SpeechUnavailable("install espeak")

    window, presenter = presenting(factory=no_engine)
    qtbot.keyClick(presenter.console, K.Key_R)
    qtbot.waitUntil(lambda: presenter.console.message.text() == "install espeak", timeout=10000)
    done_reading(presenter, qtbot)
    assert presenter.view.drawing.reading is None
    assert presenter.running  # presenting goes on


def test_a_sound_device_that_fails_is_told_on_the_console(presenting, qtbot):
    player = FakePlayer(device_problem="The sound device went away.")
    engine = FakeEngine(seconds_per_word=0.01)
    window, presenter = presenting(engine, player)
    qtbot.keyClick(presenter.console, K.Key_R)
    qtbot.waitUntil(lambda: "The sound device went away." in presenter.console.message.text(), timeout=10000)
    done_reading(presenter, qtbot)
    assert presenter.view.drawing.reading is None
    assert len(player.played) == 1  # it stopped after the first piece


# -- one voice for the whole app ------------------------------------------------------------------------------


def test_reading_something_else_in_the_main_window_ends_the_presenter_s_reading(presenting, qtbot):
    engine = FakeEngine(seconds_per_word=0.15)
    window, presenter = presenting(engine)
    qtbot.keyClick(presenter.console, K.Key_R)
    qtbot.waitUntil(lit_key(presenter, "title"), timeout=10000)
    window.read_aloud.read_text("Something else")
    assert not reading_now(presenter)
    qtbot.waitUntil(lambda: not window.speaker.is_reading(), timeout=10000)
    assert button(presenter) == "Read aloud"
    assert presenter.view.drawing.reading is None


# -- the room's screen never waits ------------------------------------------------------------------------------


def test_the_event_loop_keeps_running_while_words_are_lit_on_the_big_screen(presenting, qtbot):
    engine = FakeEngine(seconds_per_word=0.05)
    window, presenter = presenting(engine)
    for _n in range(4):
        qtbot.keyClick(presenter.console, K.Key_Right)
    heard, ticks = [], []
    presenter.speaker.heard.connect(lambda *args: heard.append(time.monotonic()))
    beat = QTimer()
    beat.setTimerType(Qt.TimerType.PreciseTimer)
    beat.setInterval(5)
    beat.timeout.connect(lambda: ticks.append(time.monotonic()))
    beat.start()
    qtbot.wait(50)
    qtbot.keyClick(presenter.console, K.Key_R)
    ticks.clear()
    qtbot.wait(1200)
    beat.stop()
    assert len(heard) >= 10  # each one repaints the 1920x1080 view
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > 100 and max(gaps) < 0.05, f"the event loop stalled for {max(gaps) * 1000:.0f} ms"
