"""Reading aloud in the app: the speech service's events brought to the GUI thread, and the voice settings.

One ``Speaker`` serves the whole app (the planner, the glossary and the
presenter), so a new "read aloud" anywhere stops whatever was being read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from facilitator.speech import service as events
from facilitator.speech.engine import Engine, PyttsxEngine
from facilitator.speech.reading import Passage
from facilitator.speech.service import SpeechService
from facilitator.speech.voices import FASTEST, SLOWEST, Voice, VoiceChoice, VoiceSettings, choose_voice
from facilitator.ui.settings import SPEECH_FALLBACK, SPEECH_SPEED, SPEECH_VOICES, SPEECH_VOLUME, Preferences


class Speaker(QObject):
    """Reads aloud without ever making the window wait. ``tag`` says who asked, so each can follow its own."""

    arrived = Signal(object)  # a service event, from the speech thread
    ready = Signal()
    started = Signal(str, str)  # tag, a note to show (such as "there is no Welsh voice, so ... reads instead")
    heard = Signal(str, str, int, int, bool)  # tag, key, start, length, a single word
    finished = Signal(str, bool)  # tag, read to the end
    problem = Signal(str, str)  # tag, message
    saved = Signal(str, list, str)  # tag, the files written, a problem ("" when none)

    def __init__(
        self, preferences: Preferences, engine: Callable[[], Engine] = PyttsxEngine, player=None,
        parent: QObject | None = None, start: bool = True,
    ):
        super().__init__(parent)
        self.preferences = preferences
        self.reading_tag = ""  # who is being read for now; "" when all is quiet
        self._serial = 0  # each reading's number, so a late word from a replaced one is not shown
        self.arrived.connect(self._pass_on)
        self.service = SpeechService(self.arrived.emit, engine, player, start)

    def start(self) -> None:
        """Open the speech engine now, if it was made to wait (the main window opens it once it has appeared)."""
        self.service.go()

    # -- asking ---------------------------------------------------------------------

    def read(self, passages: Sequence[Passage], language: str, tag: str, pronunciations: Sequence[tuple[str, str]] = ()) -> None:
        passages = [passage for passage in passages if passage.text.strip()]
        if not passages:
            return
        was = self.reading_tag
        self.reading_tag = tag
        self._serial += 1
        if was:
            self.finished.emit(was, False)  # replaced: whoever asked for it hears that it ended
        self.service.read(passages, language, self.settings(), pronunciations, f"{self._serial}:{tag}")

    def read_text(self, text: str, language: str, tag: str, pronunciations: Sequence[tuple[str, str]] = ()) -> None:
        self.read([Passage("text", text)], language, tag, pronunciations)

    def stop(self) -> None:
        was = self.reading_tag
        self.reading_tag = ""
        self._serial += 1
        self.service.stop()
        if was:
            self.finished.emit(was, False)

    def save(self, tracks: Sequence[tuple[Path, Sequence[Passage]]], language: str, tag: str, pronunciations: Sequence[tuple[str, str]] = ()) -> None:
        self.service.save(tracks, language, self.settings(), pronunciations, tag)

    def is_reading(self, tag: str | None = None) -> bool:
        return bool(self.reading_tag) and (tag is None or self.reading_tag == tag)

    def close(self) -> None:
        self.service.close()

    # -- what there is --------------------------------------------------------------

    @property
    def voices(self) -> list[Voice]:
        return self.service.voices

    def trouble(self) -> str:
        """Why nothing can be read aloud (no engine, no voices, no sound player), or ""."""
        if not self.service.ready.is_set():
            return ""
        return self.service.problem or self.service.player.problem

    def choice(self, language: str) -> VoiceChoice:
        return choose_voice(self.voices, language, self.settings())

    # -- settings -------------------------------------------------------------------

    def settings(self) -> VoiceSettings:
        try:
            chosen = json.loads(self.preferences.get(SPEECH_VOICES) or "{}")
        except ValueError:
            chosen = {}
        if not isinstance(chosen, dict):
            chosen = {}
        speed = min(FASTEST, max(SLOWEST, self.preferences.get(SPEECH_SPEED)))
        volume = min(1.0, max(0.0, self.preferences.get(SPEECH_VOLUME)))
        return VoiceSettings({str(k): str(v) for k, v in chosen.items()}, self.preferences.get(SPEECH_FALLBACK), speed, volume)

    def set_settings(self, settings: VoiceSettings) -> None:
        self.preferences.set(SPEECH_VOICES, json.dumps(settings.chosen, sort_keys=True))
        self.preferences.set(SPEECH_FALLBACK, settings.fallback)
        self.preferences.set(SPEECH_SPEED, float(settings.speed))
        self.preferences.set(SPEECH_VOLUME, float(settings.volume))

    # -- events, now on the GUI thread ----------------------------------------------------

    def _pass_on(self, event: object) -> None:
        if isinstance(event, events.Ready):
            self.ready.emit()
            return
        if isinstance(event, events.Saved):
            self.saved.emit(event.tag, [str(path) for path in event.paths], event.problem)
            return
        serial, _colon, tag = event.tag.partition(":")
        if serial != str(self._serial):
            return  # from a reading that was stopped or replaced since
        if isinstance(event, events.Started):
            self.started.emit(tag, event.choice.problem if event.choice.instead else "")
        elif isinstance(event, events.Heard):
            self.heard.emit(tag, event.key, event.start, event.length, event.word)
        elif isinstance(event, events.Problem):
            self.problem.emit(tag, event.message)
        elif isinstance(event, events.Finished):
            self.reading_tag = ""
            self.finished.emit(tag, event.completed)
