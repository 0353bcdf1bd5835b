"""The speech service: one worker thread owns the engine, and nothing else ever waits for it.

``read`` and ``stop`` return at once. A new ``read`` replaces whatever is being
read; ``stop`` stops it within a few thousandths of a second. What happens is
told to ``listener`` as small events, called on the worker thread (the Qt side
passes them on to the GUI thread with a signal).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.i18n import _
from facilitator.speech.audio import render_text, write_file
from facilitator.speech.engine import Engine, PyttsxEngine, SpeechUnavailable
from facilitator.speech.player import Player
from facilitator.speech.reading import Passage, Piece, Respelled, said_pieces
from facilitator.speech.voices import Voice, VoiceChoice, VoiceSettings, choose_voice, install_hint, no_voices_message

POLL = 0.02  # seconds between looks at whether the player has finished


@dataclass(frozen=True)
class Ready:
    """The engine is open (or could not be): the voices there are, or why there are none."""

    voices: tuple[Voice, ...]
    problem: str = ""


@dataclass(frozen=True)
class Started:
    """The first words are being spoken."""

    tag: str
    choice: VoiceChoice


@dataclass(frozen=True)
class Heard:
    """Now being heard: ``length`` characters at ``start`` of the passage ``key``.

    ``word`` is False when the engine gives no word times: then the span is the
    sentence or line being read.
    """

    tag: str
    key: str
    start: int
    length: int
    word: bool = True


@dataclass(frozen=True)
class Finished:
    tag: str
    completed: bool  # False when it was stopped, replaced or went wrong


@dataclass(frozen=True)
class Problem:
    tag: str
    message: str


@dataclass(frozen=True)
class Saved:
    tag: str
    paths: tuple[Path, ...]
    problem: str = ""


@dataclass(frozen=True)
class _Reading:
    passages: tuple[Passage, ...]
    language: str
    settings: VoiceSettings
    pronunciations: tuple[tuple[str, str], ...]
    tag: str
    generation: int


@dataclass(frozen=True)
class _Saving:
    tracks: tuple[tuple[Path, tuple[Passage, ...]], ...]
    language: str
    settings: VoiceSettings
    pronunciations: tuple[tuple[str, str], ...]
    tag: str


class SpeechService:
    def __init__(
        self,
        listener: Callable[[object], None],
        engine: Callable[[], Engine] = PyttsxEngine,
        player: Player | None = None,
        start: bool = True,
    ):
        """``start`` False waits to open the engine until ``go`` or the first job (so a window can appear first)."""
        self._listener = listener
        self._make_engine = engine
        self.player = player or Player()
        self.voices: list[Voice] = []
        self.problem = ""
        self.ready = threading.Event()
        self._jobs: queue.Queue = queue.Queue()
        self._wake = threading.Event()
        self._generation = 0
        self._last_heard: Heard | None = None
        self._lock = threading.Lock()
        self._go = threading.Event()
        if start:
            self._go.set()
        self._thread = threading.Thread(target=self._work, name="speech", daemon=True)
        self._thread.start()

    # -- asked from any thread; none of these waits ------------------------------------

    def go(self) -> None:
        """Open the engine now, if it waited."""
        self._go.set()

    def read(
        self, passages: Sequence[Passage], language: str, settings: VoiceSettings,
        pronunciations: Sequence[tuple[str, str]] = (), tag: str = "",
    ) -> None:
        """Read ``passages`` out loud, instead of whatever is being read now."""
        with self._lock:
            self._generation += 1
            job = _Reading(tuple(passages), language, settings, tuple(pronunciations), tag, self._generation)
        self._wake.set()
        self._jobs.put(job)
        self._go.set()

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
        self._wake.set()

    def save(
        self, tracks: Sequence[tuple[Path, Sequence[Passage]]], language: str, settings: VoiceSettings,
        pronunciations: Sequence[tuple[str, str]] = (), tag: str = "",
    ) -> None:
        """Write each track's passages to its WAV file; ``Saved`` tells when it is done."""
        job = _Saving(tuple((Path(path), tuple(passages)) for path, passages in tracks), language, settings, tuple(pronunciations), tag)
        self._jobs.put(job)
        self._go.set()

    def close(self, wait: float = 2.0) -> None:
        self.stop()
        self._jobs.put(None)
        self._go.set()
        self._thread.join(wait)

    # -- the worker ----------------------------------------------------------------

    def _work(self) -> None:
        self._go.wait()
        engine = self._open()
        while True:
            job = self._jobs.get()
            if job is None:
                break
            try:
                if engine is None:
                    self._tell_cannot(job)
                elif isinstance(job, _Reading):
                    self._read(engine, job)
                else:
                    self._save(engine, job)
            except Exception as error:  # an engine's failure must never end the worker
                message = _("Reading aloud went wrong: {reason}").format(reason=error)
                if isinstance(job, _Saving):
                    self._listener(Saved(job.tag, (), message))
                else:
                    self._listener(Problem(job.tag, message))
                    self._listener(Finished(job.tag, False))
        if engine is not None and hasattr(engine, "close"):
            engine.close()

    def _open(self) -> Engine | None:
        try:
            engine = self._make_engine()
            self.voices = engine.voices()
        except SpeechUnavailable as error:
            engine, self.problem = None, str(error)
        except Exception as error:  # an engine that fails some other way must still leave a service that answers
            engine, self.problem = None, _("The speech engine could not start ({reason}). {how}").format(reason=error, how=install_hint())
        else:
            self.problem = "" if self.voices else no_voices_message()
        self.ready.set()
        self._listener(Ready(tuple(self.voices), self.problem))
        return engine

    def _tell_cannot(self, job: _Reading | _Saving) -> None:
        if isinstance(job, _Saving):
            self._listener(Saved(job.tag, (), self.problem))
        else:
            self._listener(Problem(job.tag, self.problem))
            self._listener(Finished(job.tag, False))

    def _stale(self, job: _Reading) -> bool:
        return job.generation != self._generation

    def _read(self, engine: Engine, job: _Reading) -> None:
        self._wake.clear()
        if self._stale(job):
            return  # already replaced or stopped: never started, so nothing to tell
        choice = choose_voice(self.voices, job.language, job.settings)
        if choice.voice is None:
            self._listener(Problem(job.tag, choice.problem))
            self._listener(Finished(job.tag, False))
            return
        parts, respelled = said_pieces(job.passages, job.pronunciations)
        self._last_heard = None
        rate = job.settings.rate(engine.normal_rate)
        if engine.plays_itself:
            done = self._speak(engine, job, choice, parts, respelled, rate)
        else:
            done = self._play(engine, job, choice, parts, respelled, rate)
        self._listener(Finished(job.tag, done))

    def _speak(self, engine: Engine, job: _Reading, choice: VoiceChoice, parts: list[Piece], respelled: list[Respelled], rate: int) -> bool:
        """Read with an engine that speaks for itself and reports words as it says them."""
        for index, piece in enumerate(parts):
            if index == 0:
                self._listener(Started(job.tag, choice))

            def on_word(start: int, length: int, piece=piece) -> None:
                self._hear(job, piece, respelled, start, length)

            engine.speak(piece.text, choice.voice.id, rate, job.settings.volume, on_word, lambda: self._stale(job))
            if self._stale(job):
                return False
        return True

    def _play(self, engine: Engine, job: _Reading, choice: VoiceChoice, parts: list[Piece], respelled: list[Respelled], rate: int) -> bool:
        """Make each piece's sound, play it, and light up its words in time; the next is made while one plays."""
        if self.player.problem:
            self._listener(Problem(job.tag, self.player.problem))
            return False

        def made(piece: Piece):
            return engine.render(piece.text, choice.voice.id, rate, job.settings.volume)

        coming = made(parts[0]) if parts else None
        for index, piece in enumerate(parts):
            rendering = coming
            if self._stale(job):
                return False
            try:
                playing = self.player.play(rendering.wav)
            except OSError as error:
                self._listener(Problem(job.tag, _("The sound could not be played ({reason}).").format(reason=error)))
                return False
            try:
                if index == 0:
                    self._listener(Started(job.tag, choice))
                if not rendering.marks:
                    self._hear(job, piece, respelled, 0, len(piece.text), word=False)
                coming = made(parts[index + 1]) if index + 1 < len(parts) else None
                for mark in rendering.marks:
                    # A player that fails (no sound device) ends at once: its problem is told without waiting.
                    if not self._wait_until(job, lambda mark=mark, playing=playing: playing.elapsed() >= mark.at or playing.finished()):
                        return False
                    if playing.problem:
                        break
                    self._hear(job, piece, respelled, mark.start, mark.length)
                if not self._wait_until(job, playing.finished):
                    return False
                if playing.problem:
                    self._listener(Problem(job.tag, playing.problem))
                    return False
            finally:
                playing.close()
        return True

    def _wait_until(self, job: _Reading, done: Callable[[], bool]) -> bool:
        """Wait until ``done()``; False at once when the reading is stopped or replaced."""
        while not done():
            if self._stale(job):
                return False
            self._wake.wait(POLL)
        return not self._stale(job)

    def _hear(self, job: _Reading, piece: Piece, respelled: list[Respelled], start: int, length: int, word: bool = True) -> None:
        """Tell which written words are being heard, given a span of the piece the engine was given."""
        if self._stale(job) or start < 0 or length <= 0 or start + length > len(piece.text):
            return
        start, length = respelled[piece.passage].written(piece.start + start, length)
        written = job.passages[piece.passage].text
        while word and length > 0 and not written[start + length - 1].isalnum():
            length -= 1  # a word is lit up without the comma or full stop after it
        heard = Heard(job.tag, piece.key, start, length, word)
        if length > 0 and heard != self._last_heard:  # a respelled word ("N H S") is heard once, not once a letter
            self._last_heard = heard
            self._listener(heard)

    def _save(self, engine: Engine, job: _Saving) -> None:
        choice = choose_voice(self.voices, job.language, job.settings)
        if choice.voice is None:
            self._listener(Saved(job.tag, (), choice.problem))
            return
        rate = job.settings.rate(engine.normal_rate)
        written = []
        try:
            for path, passages in job.tracks:
                sound = render_text(engine, passages, choice.voice.id, rate, job.settings.volume, job.pronunciations)
                write_file(path, sound)
                written.append(path)
        except OSError as error:
            self._listener(Saved(job.tag, tuple(written), _("The sound file could not be saved ({reason}).").format(reason=error)))
            return
        self._listener(Saved(job.tag, tuple(written), choice.problem if choice.instead else ""))
