"""A speech engine and a player that make no sound, for tests and for trying the app without speakers.

The fake engine makes a quiet tone for each word, ``seconds_per_word`` long,
and reports every word's time; it keeps a list of what it was asked to say.
The fake player "plays" by the clock, so stopping, replacing and word times
behave as with real sound.
"""

from __future__ import annotations

import math
import re
import time

from facilitator.speech.audio import wav_bytes
from facilitator.speech.engine import Rendering
from facilitator.speech.reading import WordMark
from facilitator.speech.voices import Voice

VOICES = (
    Voice("fake/en-gb", "English (Great Britain)", ("en-gb",), "Female"),
    Voice("fake/en-us", "English (America)", ("en-us",), "Male"),
    Voice("fake/cy", "Welsh", ("cy",), "Male"),
    Voice("fake/ar", "Arabic", ("ar",), "Male"),
)
RATE = 8_000
WORD = re.compile(r"\S+")


class FakeEngine:
    normal_rate = 200

    def __init__(self, voices=VOICES, seconds_per_word: float = 0.05, marks: bool = True, plays_itself: bool = False):
        self._voices = list(voices)
        self.seconds_per_word = seconds_per_word
        self.marks = marks
        self.plays_itself = plays_itself
        self.rendered: list[tuple[str, str, int, float]] = []  # (text, voice, rate, volume)
        self.spoken: list[tuple[str, str, int, float]] = []

    def voices(self) -> list[Voice]:
        return list(self._voices)

    def render(self, text: str, voice: str, rate: int, volume: float) -> Rendering:
        self.rendered.append((text, voice, rate, volume))
        words = list(WORD.finditer(text))
        marks = tuple(WordMark(found.start(), len(found.group()), index * self.seconds_per_word) for index, found in enumerate(words))
        return Rendering(tone(len(words) * self.seconds_per_word, volume), marks if self.marks else ())

    def speak(self, text, voice, rate, volume, on_word, stopped) -> None:
        self.spoken.append((text, voice, rate, volume))
        for found in WORD.finditer(text):
            if stopped():
                return
            on_word(found.start(), len(found.group()))
            time.sleep(self.seconds_per_word)


def tone(seconds: float, volume: float = 1.0) -> bytes:
    """A soft 440 Hz tone as a 16-bit mono WAV."""
    count = round(seconds * RATE)
    frames = bytearray()
    for n in range(count):
        value = int(0.3 * volume * 32767 * math.sin(2 * math.pi * 440 * n / RATE))
        frames += value.to_bytes(2, "little", signed=True)
    return wav_bytes(bytes(frames), RATE)


class FakePlaying:
    def __init__(self, seconds: float, problem: str = ""):
        self.seconds = seconds
        self.started = time.monotonic()
        self.stopped = False
        self.problem = ""
        self._problem = problem

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def finished(self) -> bool:
        if self.stopped or self.elapsed() >= self.seconds:
            self.problem = self._problem
            return True
        return False

    def stop(self) -> None:
        self.stopped = True

    def close(self) -> None:
        self.stop()


class FakePlayer:
    """``problem`` makes it a computer with no player; ``device_problem`` one whose player fails."""

    def __init__(self, problem: str = "", device_problem: str = ""):
        self.problem = problem
        self.device_problem = device_problem
        self.played: list[FakePlaying] = []

    def play(self, wav: bytes) -> FakePlaying:
        from facilitator.speech.player import seconds_of

        playing = FakePlaying(seconds_of(wav), self.device_problem)
        self.played.append(playing)
        return playing
