"""The speech service with the fake engine and player: queueing, stop, replace, voices, problems, saving.

Events are collected as the worker thread sends them; every wait polls with a
deadline of a few seconds, so a broken service fails instead of hanging.
"""

from __future__ import annotations

import re
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path

import pytest

from facilitator.speech.audio import PAUSE, loudness
from facilitator.speech.engine import SpeechUnavailable
from facilitator.speech.fake import VOICES, FakeEngine, FakePlayer
from facilitator.speech.reading import Passage
from facilitator.speech.service import Finished, Heard, Problem, Ready, Saved, SpeechService, Started
from facilitator.speech.voices import VoiceSettings, no_voices_message

WAIT = 3.0  # seconds: the longest any test waits for an event that should come
SETTINGS = VoiceSettings()
ENGLISH_ONLY = VOICES[:2]


@dataclass(frozen=True)
class Arrived:
    at: float
    event: object


class Events:
    """The listener: keeps every event with the time it came."""

    def __init__(self):
        self.arrived: list[Arrived] = []
        self._changed = threading.Condition()

    def __call__(self, event):
        with self._changed:
            self.arrived.append(Arrived(time.monotonic(), event))
            self._changed.notify_all()

    @property
    def all(self) -> list[object]:
        with self._changed:
            return [each.event for each in self.arrived]

    def of(self, kind, tag=None) -> list:
        return [event for event in self.all if isinstance(event, kind) and (tag is None or event.tag == tag)]

    def wait_for(self, kind, tag=None, count=1, timeout=WAIT) -> Arrived:
        """The ``count``-th event of ``kind`` (for ``tag``), waiting for it if need be."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [each for each in self.arrived if isinstance(each.event, kind) and (tag is None or each.event.tag == tag)]
                if len(found) >= count:
                    return found[count - 1]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no {kind.__name__} for {tag!r} within {timeout} s; got {self.all}")
                self._changed.wait(left)

    def finished(self, tag, timeout=WAIT) -> Finished:
        return self.wait_for(Finished, tag, timeout=timeout).event

    def after(self, arrived: Arrived) -> list[object]:
        with self._changed:
            place = self.arrived.index(arrived)
            return [each.event for each in self.arrived[place + 1 :]]

    def since_ready(self, tag) -> list[object]:
        return [event for event in self.all if not isinstance(event, Ready) and getattr(event, "tag", None) == tag]


@pytest.fixture
def start():
    """start(engine=..., player=...) -> (service, events), ready; every service is closed afterwards."""
    made = []

    def starting(engine=None, player=None, factory=None, ready=True):
        events = Events()
        engine = engine if engine is not None else FakeEngine(seconds_per_word=0.01)
        player = player if player is not None else FakePlayer()
        service = SpeechService(events, factory or (lambda: engine), player)
        made.append(service)
        if ready:
            events.wait_for(Ready)
        return service, events

    yield starting
    for service in made:
        service.close()


def expected_words(passages, tag):
    """Every space-separated word of the passages, in order, as the fake engine reports them,
    lit up without the comma or full stop after it."""
    return [
        Heard(tag, passage.key, found.start(), len(found.group().rstrip(",.;:!?")))
        for passage in passages
        for found in re.finditer(r"\S+", passage.text)
    ]


AGENDA_ITEM = (Passage("title", "Our garden"), Passage("words", "We plant trees. Then we water them, every week."))


# Opening.


def test_ready_tells_the_voices(start):
    service, events = start()
    ready = events.wait_for(Ready).event
    assert ready == Ready(VOICES, "")
    assert service.voices == list(VOICES)
    assert service.ready.is_set()
    assert service.problem == ""


def test_an_engine_with_no_voices_is_ready_with_the_no_voices_message_and_reads_nothing(start):
    engine = FakeEngine(voices=())
    service, events = start(engine)
    assert events.wait_for(Ready).event == Ready((), no_voices_message())
    assert service.problem == no_voices_message()
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="t")
    assert events.finished("t") == Finished("t", False)
    assert [type(event) for event in events.since_ready("t")] == [Problem, Finished]
    assert engine.rendered == []


# Reading.


def test_read_tells_started_every_word_in_order_then_finished(start):
    engine = FakeEngine(seconds_per_word=0.02)
    service, events = start(engine)
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="item-1")
    assert events.finished("item-1") == Finished("item-1", True)
    told = events.since_ready("item-1")
    assert isinstance(told[0], Started)
    assert told[0].choice.voice.id == "fake/en-gb"
    assert told[0].choice.problem == "" and not told[0].choice.instead
    assert told[-1] == Finished("item-1", True)
    assert told[1:-1] == expected_words(AGENDA_ITEM, "item-1")
    for heard in told[1:-1]:
        text = {passage.key: passage.text for passage in AGENDA_ITEM}[heard.key]
        assert text[heard.start : heard.start + heard.length].strip()
        assert heard.word is True


def test_words_are_told_in_time_with_the_sound(start):
    engine = FakeEngine(seconds_per_word=0.04)
    service, events = start(engine)
    service.read([Passage("words", "one two three four five six")], "en", SETTINGS, tag="t")
    events.finished("t")
    started = events.wait_for(Started, "t").at
    heard = [each.at - started for each in events.arrived if isinstance(each.event, Heard)]
    assert len(heard) == 6
    assert heard == sorted(heard)
    assert heard[-1] >= 5 * 0.04 * 0.8  # the last word waits for its turn
    finished = events.wait_for(Finished, "t").at - started
    assert finished >= 6 * 0.04 * 0.8  # and the reading waits for the sound to end


def test_read_returns_at_once_even_while_the_engine_is_busy(start):
    class Slow(FakeEngine):
        def render(self, *args):
            time.sleep(0.3)
            return super().render(*args)

    service, events = start(Slow(seconds_per_word=0.01))
    begun = time.monotonic()
    service.read([Passage("words", "Hello.")], "en", SETTINGS, tag="a")
    service.read([Passage("words", "Hello again.")], "en", SETTINGS, tag="b")
    service.stop()
    service.read([Passage("words", "Hello again.")], "en", SETTINGS, tag="c")
    assert time.monotonic() - begun < 0.1
    assert events.finished("c") == Finished("c", True)


@pytest.mark.parametrize(("language", "voice"), [
    ("cy", "fake/cy"), ("ar", "fake/ar"), ("en", "fake/en-gb"), ("en_GB", "fake/en-gb"), ("en_US", "fake/en-us"),
])
def test_the_voice_follows_the_language(start, language, voice):
    engine = FakeEngine(seconds_per_word=0.005)
    service, events = start(engine)
    service.read(AGENDA_ITEM, language, SETTINGS, tag="t")
    assert events.finished("t").completed
    assert engine.rendered
    assert {rendered[1] for rendered in engine.rendered} == {voice}
    assert events.wait_for(Started, "t").event.choice.voice.id == voice


def test_the_voice_chosen_for_the_language_is_used(start):
    engine = FakeEngine(seconds_per_word=0.005)
    service, events = start(engine)
    service.read(AGENDA_ITEM, "en", VoiceSettings(chosen={"en": "fake/en-us"}), tag="t")
    assert events.finished("t").completed
    assert {rendered[1] for rendered in engine.rendered} == {"fake/en-us"}


@pytest.mark.parametrize("speed", [0.8, 0.5, 1.0, 1.7, 3.0, 0.1])
def test_the_rate_and_volume_come_from_the_settings(start, speed):
    engine = FakeEngine(seconds_per_word=0.005)
    service, events = start(engine)
    settings = VoiceSettings(speed=speed, volume=0.4)
    service.read(AGENDA_ITEM, "en", settings, tag="t")
    assert events.finished("t").completed
    assert len(engine.rendered) == 3  # the title and two sentences
    assert {rendered[2] for rendered in engine.rendered} == {settings.rate(200)}
    assert {rendered[3] for rendered in engine.rendered} == {0.4}
    assert 100 <= settings.rate(200) <= 400


def test_the_default_rate_is_slower_than_the_engines_normal_rate(start):
    engine = FakeEngine(seconds_per_word=0.005)
    service, events = start(engine)
    service.read(AGENDA_ITEM, "en", VoiceSettings(), tag="t")
    assert events.finished("t").completed
    assert engine.rendered[0][2] == VoiceSettings().rate(200) < 200


def test_pronunciations_reach_the_engine_and_words_point_at_the_written_text(start):
    engine = FakeEngine(seconds_per_word=0.01)
    service, events = start(engine)
    passages = [Passage("title", "Llanelli visit"), Passage("words", "Meet at Llanelli NHS today.")]
    service.read(passages, "en", SETTINGS, [("Llanelli", "Hlan-ethli"), ("NHS", "N H S")], tag="t")
    assert events.finished("t").completed
    assert [rendered[0] for rendered in engine.rendered] == ["Hlan-ethli visit", "Meet at Hlan-ethli N H S today."]
    texts = {passage.key: passage.text for passage in passages}
    heard = [(event.key, texts[event.key][event.start : event.start + event.length]) for event in events.of(Heard, "t")]
    assert heard == [
        ("title", "Llanelli"), ("title", "visit"),
        ("words", "Meet"), ("words", "at"), ("words", "Llanelli"), ("words", "NHS"), ("words", "today"),
    ]  # "N", "H" and "S" light up "NHS" once


def test_a_pronunciation_with_a_full_stop_inside_is_used(start):
    # Found as a bug while writing these tests (passages were cut into sentences before the
    # pronunciations went in, so "Dr. Jones" was never found); fixed since.
    engine = FakeEngine(seconds_per_word=0.005)
    service, events = start(engine)
    text = "Meet Dr. Jones today."
    service.read([Passage("words", text)], "en", SETTINGS, [("Dr. Jones", "Doctor Jones")], tag="t")
    assert events.finished("t").completed
    assert [rendered[0] for rendered in engine.rendered] == ["Meet Doctor Jones today."]
    heard = [text[event.start : event.start + event.length] for event in events.of(Heard, "t")]
    assert heard == ["Meet", "Dr. Jones", "today"]


def test_a_pronunciation_said_as_two_sentences_still_lights_up_the_written_word(start):
    engine = FakeEngine(seconds_per_word=0.005)
    service, events = start(engine)
    text = "Ask the NHS today."
    service.read([Passage("words", text)], "en", SETTINGS, [("NHS", "N. H. S.")], tag="t")
    assert events.finished("t").completed
    heard = [text[event.start : event.start + event.length] for event in events.of(Heard, "t")]
    assert heard == ["Ask", "the", "NHS", "today"]


# Stopping and replacing.


LONG = [Passage("words", " ".join(f"word{number}" for number in range(40)))]


def test_stop_ends_the_reading_at_once_and_no_word_comes_after(start):
    engine = FakeEngine(seconds_per_word=0.1)  # four seconds of sound
    service, events = start(engine)
    service.read(LONG, "en", SETTINGS, tag="t")
    events.wait_for(Heard, "t", count=2)
    asked = time.monotonic()
    service.stop()
    finished = events.wait_for(Finished, "t")
    assert finished.event == Finished("t", False)
    assert finished.at - asked < 0.2
    time.sleep(0.15)  # long enough for a stray word from the stopped reading to show up
    assert not [event for event in events.after(finished) if isinstance(event, Heard)]
    assert len(events.of(Finished, "t")) == 1
    assert len(events.of(Heard, "t")) < 10
    assert engine.rendered  # it was reading


def test_stop_with_nothing_being_read_does_no_harm(start):
    service, events = start()
    service.stop()
    service.stop()
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="t")
    assert events.finished("t") == Finished("t", True)
    assert len(events.of(Heard, "t")) == len(expected_words(AGENDA_ITEM, "t"))


def test_a_second_read_replaces_the_first(start):
    engine = FakeEngine(seconds_per_word=0.1)
    service, events = start(engine)
    service.read(LONG, "en", SETTINGS, tag="first")
    events.wait_for(Heard, "first", count=1)
    asked = time.monotonic()
    second = [Passage("words", "Now this.")]
    service.read(second, "en", SETTINGS, tag="second")
    first_finished = events.wait_for(Finished, "first")
    assert first_finished.event == Finished("first", False)
    assert first_finished.at - asked < 0.2
    assert events.finished("second") == Finished("second", True)
    second_started = events.wait_for(Started, "second")
    assert first_finished.at <= second_started.at
    assert not [event for event in events.after(second_started) if getattr(event, "tag", "") == "first"]
    assert events.of(Heard, "second") == expected_words(second, "second")


def test_many_reads_in_quick_succession_complete_only_the_last(start):
    engine = FakeEngine(seconds_per_word=0.02)
    service, events = start(engine)
    tags = [f"read-{number}" for number in range(12)]
    for tag in tags:
        service.read([Passage("words", f"This is {tag}. It has two sentences.")], "en", SETTINGS, tag=tag)
    assert events.finished(tags[-1]) == Finished(tags[-1], True)
    time.sleep(0.05)
    last_started = events.wait_for(Started, tags[-1])
    for tag in tags[:-1]:
        told = events.since_ready(tag)
        assert Finished(tag, True) not in told
        assert len(events.of(Finished, tag)) <= 1
        if events.of(Started, tag):  # one that began must say it ended
            assert events.of(Finished, tag) == [Finished(tag, False)]
        assert not [event for event in events.after(last_started) if getattr(event, "tag", "") == tag]
    assert len(events.of(Heard, tags[-1])) == 7
    assert sum(1 for rendered in engine.rendered if tags[-1] in rendered[0]) == 1


# No voice for the language.


def test_a_language_with_no_voice_and_no_fallback_says_so_and_renders_nothing(start):
    engine = FakeEngine(voices=ENGLISH_ONLY)
    service, events = start(engine)
    service.read(AGENDA_ITEM, "cy", SETTINGS, tag="t")
    assert events.finished("t") == Finished("t", False)
    told = events.since_ready("t")
    assert [type(event) for event in told] == [Problem, Finished]
    assert "Welsh" in told[0].message
    assert engine.rendered == []


def test_a_language_with_no_voice_is_read_by_the_fallback_and_the_start_says_so(start):
    engine = FakeEngine(voices=ENGLISH_ONLY, seconds_per_word=0.005)
    service, events = start(engine)
    service.read(AGENDA_ITEM, "cy", VoiceSettings(fallback="fake/en-us"), tag="t")
    assert events.finished("t") == Finished("t", True)
    choice = events.wait_for(Started, "t").event.choice
    assert choice.instead
    assert choice.voice.id == "fake/en-us"
    assert "Welsh" in choice.problem and "English (America)" in choice.problem
    assert {rendered[1] for rendered in engine.rendered} == {"fake/en-us"}
    assert not events.of(Problem, "t")


# Engines without word times, and engines that play themselves.


def test_an_engine_without_word_times_lights_up_each_sentence(start):
    engine = FakeEngine(seconds_per_word=0.01, marks=False)
    service, events = start(engine)
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="t")
    assert events.finished("t") == Finished("t", True)
    assert events.of(Heard, "t") == [
        Heard("t", "title", 0, 10, word=False),
        Heard("t", "words", 0, 15, word=False),
        Heard("t", "words", 16, 31, word=False),
    ]
    words = AGENDA_ITEM[1].text
    assert words[16 : 16 + 31] == "Then we water them, every week."


def test_an_engine_that_plays_itself_tells_words_and_finishes(start):
    engine = FakeEngine(seconds_per_word=0.01, plays_itself=True)
    player = FakePlayer()
    service, events = start(engine, player)
    service.read(AGENDA_ITEM, "cy", SETTINGS, [("garden", "gar-den")], tag="t")
    assert events.finished("t") == Finished("t", True)
    told = events.since_ready("t")
    assert isinstance(told[0], Started)
    assert told[1:-1] == expected_words(AGENDA_ITEM, "t")
    assert [spoken[0] for spoken in engine.spoken] == ["Our gar-den", "We plant trees.", "Then we water them, every week."]
    assert {spoken[1] for spoken in engine.spoken} == {"fake/cy"}
    assert {spoken[2] for spoken in engine.spoken} == {SETTINGS.rate(200)}
    assert engine.rendered == [] and player.played == []


def test_an_engine_that_plays_itself_stops_at_once(start):
    engine = FakeEngine(seconds_per_word=0.05, plays_itself=True)
    service, events = start(engine)
    service.read(LONG, "en", SETTINGS, tag="t")
    events.wait_for(Heard, "t", count=2)
    asked = time.monotonic()
    service.stop()
    finished = events.wait_for(Finished, "t")
    assert finished.event == Finished("t", False)
    assert finished.at - asked < 0.2
    time.sleep(0.1)
    assert not [event for event in events.after(finished) if isinstance(event, Heard)]
    assert len(events.of(Heard, "t")) < 10


# Problems.


def test_no_sound_player_says_so_and_reads_nothing(start):
    service, events = start(player=FakePlayer(problem="No program to play sounds was found."))
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="t")
    assert events.finished("t") == Finished("t", False)
    assert events.since_ready("t") == [Problem("t", "No program to play sounds was found."), Finished("t", False)]


def test_a_sound_device_that_fails_gives_a_problem_after_the_first_piece(start):
    player = FakePlayer(device_problem="The sound device is busy.")
    service, events = start(FakeEngine(seconds_per_word=0.01), player)
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="t")
    assert events.finished("t") == Finished("t", False)
    told = events.since_ready("t")
    assert isinstance(told[0], Started)
    assert told[1:] == [Heard("t", "title", 0, 3), Heard("t", "title", 4, 6),
                        Problem("t", "The sound device is busy."), Finished("t", False)]
    assert len(player.played) == 1


def test_a_player_that_cannot_start_gives_a_problem(start):
    class Refusing(FakePlayer):
        def play(self, wav):
            raise OSError("no such device")

    service, events = start(player=Refusing())
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="t")
    assert events.finished("t") == Finished("t", False)
    problems = events.of(Problem, "t")
    assert len(problems) == 1 and "no such device" in problems[0].message
    assert not events.of(Started, "t")


def unavailable():
    raise SpeechUnavailable("Install espeak-ng to hear things read aloud.")


def test_no_speech_engine_is_ready_with_the_problem_and_reading_says_so(start, tmp_path):
    service, events = start(factory=unavailable)
    assert events.wait_for(Ready).event == Ready((), "Install espeak-ng to hear things read aloud.")
    assert service.problem == "Install espeak-ng to hear things read aloud."
    assert service.voices == []
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="read")
    assert events.finished("read") == Finished("read", False)
    assert events.since_ready("read") == [Problem("read", "Install espeak-ng to hear things read aloud."), Finished("read", False)]
    service.save([(tmp_path / "one.wav", AGENDA_ITEM)], "en", SETTINGS, tag="save")
    assert events.wait_for(Saved, "save").event == Saved("save", (), "Install espeak-ng to hear things read aloud.")
    assert list(tmp_path.iterdir()) == []


class BreaksOnce(FakeEngine):
    """Its first render (or its ``breaks_at``-th) fails."""

    def __init__(self, breaks_at=1, **options):
        super().__init__(**options)
        self.breaks_at = breaks_at
        self.calls = 0

    def render(self, *args):
        self.calls += 1
        if self.calls == self.breaks_at:
            raise RuntimeError("espeak crashed")
        return super().render(*args)


def test_an_engine_that_fails_gives_a_problem_and_the_next_read_still_works(start):
    engine = BreaksOnce(seconds_per_word=0.005)
    service, events = start(engine)
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="one")
    assert events.finished("one") == Finished("one", False)
    told = events.since_ready("one")
    assert [type(event) for event in told] == [Problem, Finished]
    assert "espeak crashed" in told[0].message
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="two")
    assert events.finished("two") == Finished("two", True)
    assert len(events.of(Heard, "two")) == len(expected_words(AGENDA_ITEM, "two"))


def test_an_engine_that_fails_halfway_finishes_once(start):
    engine = BreaksOnce(breaks_at=3, seconds_per_word=0.005)
    service, events = start(engine)
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="t")
    assert events.finished("t") == Finished("t", False)
    time.sleep(0.05)
    told = events.since_ready("t")
    assert isinstance(told[0], Started)
    assert [type(event) for event in told[-2:]] == [Problem, Finished]
    assert len(events.of(Finished, "t")) == 1


def test_an_engine_that_fails_to_list_its_voices_still_leaves_a_working_service(start):
    class NoVoiceList(FakeEngine):
        def voices(self):
            raise RuntimeError("the voice folder is damaged")

    # Found as a bug while writing these tests (only SpeechUnavailable was caught, and anything else
    # ended the worker thread before Ready); fixed since.
    service, events = start(NoVoiceList(), ready=False)
    ready = events.wait_for(Ready).event
    assert ready.voices == ()
    assert "the voice folder is damaged" in ready.problem
    assert service.problem == ready.problem
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="t")
    assert events.finished("t") == Finished("t", False)
    assert events.of(Problem, "t") == [Problem("t", ready.problem)]
    service.save([(Path("never-written.wav"), AGENDA_ITEM)], "en", SETTINGS, tag="s")
    assert events.wait_for(Saved, "s").event == Saved("s", (), ready.problem)


def test_an_engine_factory_that_fails_in_an_unexpected_way_still_leaves_a_working_service(start):
    def broken():
        raise KeyError("driver")

    service, events = start(factory=broken)
    assert events.wait_for(Ready).event.problem
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="t")
    assert events.finished("t") == Finished("t", False)


# Saving.


def frames_and_rate(path: Path) -> tuple[int, int]:
    with wave.open(str(path)) as sound:
        assert sound.getnchannels() == 1
        assert sound.getsampwidth() == 2
        return sound.getnframes(), sound.getframerate()


def test_save_writes_one_valid_wav_per_track_and_lists_them(start, tmp_path):
    engine = FakeEngine(seconds_per_word=0.05)
    service, events = start(engine)
    one, two = tmp_path / "1 Welcome.wav", tmp_path / "2 Garden.wav"
    tracks = [
        (one, [Passage("heading", "Welcome"), Passage("words", "We talk.")]),
        (two, [Passage("heading", "Our garden"), Passage("words", "We plant trees. We water them.")]),
    ]
    service.save(tracks, "cy", VoiceSettings(speed=1.5, volume=0.5), [("trees", "tree-z")], tag="summary")
    saved = events.wait_for(Saved, "summary").event
    assert saved == Saved("summary", (one, two), "")
    assert sorted(tmp_path.iterdir()) == sorted([one, two])  # and nothing half-written left behind
    frames, rate = frames_and_rate(one)
    # "Welcome" (1 word), a pause, "We talk." (2 words)
    assert frames == round(0.05 * rate) + round(PAUSE * rate) + round(0.10 * rate)
    frames, rate = frames_and_rate(two)
    assert frames == round(0.10 * rate) + 2 * round(PAUSE * rate) + 2 * round(0.15 * rate)
    assert loudness(one.read_bytes()) > -40
    assert {rendered[1:] for rendered in engine.rendered} == {("fake/cy", 300, 0.5)}
    assert "We plant tree-z." in [rendered[0] for rendered in engine.rendered]
    assert not events.of(Heard) and not events.of(Started)


def test_save_with_the_fallback_voice_says_which_voice_read(start, tmp_path):
    engine = FakeEngine(voices=ENGLISH_ONLY, seconds_per_word=0.01)
    service, events = start(engine)
    path = tmp_path / "out.wav"
    service.save([(path, AGENDA_ITEM)], "ar", VoiceSettings(fallback="fake/en-gb"), tag="s")
    saved = events.wait_for(Saved, "s").event
    assert saved.paths == (path,)
    assert "Arabic" in saved.problem and "English (Great Britain)" in saved.problem
    assert path.exists()


def test_save_with_no_voice_writes_nothing_and_says_why(start, tmp_path):
    engine = FakeEngine(voices=ENGLISH_ONLY)
    service, events = start(engine)
    service.save([(tmp_path / "out.wav", AGENDA_ITEM)], "ar", SETTINGS, tag="s")
    saved = events.wait_for(Saved, "s").event
    assert saved.paths == ()
    assert "Arabic" in saved.problem
    assert list(tmp_path.iterdir()) == []
    assert engine.rendered == []


def test_save_into_a_missing_folder_lists_what_was_written_and_says_why(start, tmp_path):
    service, events = start()
    good, bad = tmp_path / "good.wav", tmp_path / "missing" / "bad.wav"
    service.save([(good, AGENDA_ITEM), (bad, AGENDA_ITEM)], "en", SETTINGS, tag="s")
    saved = events.wait_for(Saved, "s").event
    assert saved.paths == (good,)
    assert "could not be saved" in saved.problem
    assert good.exists() and not bad.exists()


def test_save_while_nothing_plays_does_not_stop_a_later_read(start, tmp_path):
    service, events = start()
    service.save([(tmp_path / "a.wav", AGENDA_ITEM)], "en", SETTINGS, tag="s")
    service.read(AGENDA_ITEM, "en", SETTINGS, tag="r")
    assert events.wait_for(Saved, "s").event.problem == ""
    assert events.finished("r") == Finished("r", True)


# Closing.


def test_close_ends_the_thread_and_closes_the_engine(start):
    class Closing(FakeEngine):
        closed = False

        def close(self):
            self.closed = True

    engine = Closing(seconds_per_word=0.1)
    service, events = start(engine)
    service.read(LONG, "en", SETTINGS, tag="t")
    events.wait_for(Heard, "t")
    asked = time.monotonic()
    service.close()
    assert time.monotonic() - asked < 1.0
    assert not service._thread.is_alive()
    assert engine.closed
    assert events.of(Finished, "t") == [Finished("t", False)]


def test_close_of_an_idle_service_is_quick(start):
    service, events = start()
    asked = time.monotonic()
    service.close()
    assert time.monotonic() - asked < 0.5
    assert not service._thread.is_alive()
