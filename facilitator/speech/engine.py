"""The speech engine: pyttsx3, behind the small interface the rest of the app uses.

Two kinds of engine, told apart by ``plays_itself``:

- espeak-ng (Linux): pyttsx3 makes the sound for a piece of text in a few
  hundredths of a second, with the time of every word, and the app plays it
  (``player.py``), so "stop" is instant and the lit-up word keeps time with the
  voice. pyttsx3's own espeak playing cannot be stopped and reports every word
  before any is heard.
- SAPI5 (Windows) and the macOS voice: the engine speaks, and reports each word
  as it says it.

An engine belongs to one thread: the speech worker makes it and alone uses it.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import threading
import time
import typing
from collections.abc import Callable
from pathlib import Path

from facilitator.i18n import _
from facilitator.speech.reading import WordMark
from facilitator.speech.voices import Voice, install_hint


class SpeechUnavailable(RuntimeError):
    """No speech engine could be started; the message says what to install."""


class NoSound(OSError):
    """The engine finished without making the sound it was asked for."""


class Rendering(typing.NamedTuple):
    wav: bytes
    marks: tuple[WordMark, ...]


class Engine(typing.Protocol):
    plays_itself: bool
    normal_rate: int  # words a minute at the engine's normal speed

    def voices(self) -> list[Voice]: ...

    def render(self, text: str, voice: str, rate: int, volume: float) -> Rendering:
        """The sound of ``text`` as a WAV, with the words' times where the engine gives them."""

    def speak(self, text: str, voice: str, rate: int, volume: float, on_word: Callable[[int, int], None], stopped: Callable[[], bool]) -> None:
        """Say ``text`` out loud (engines that play themselves); return when done or ``stopped()``."""


class PyttsxEngine:
    """pyttsx3's engine for this system. Raises SpeechUnavailable when there is none."""

    def __init__(self, driver: str | None = None):
        try:
            import pyttsx3

            with _no_sound_server():
                self._engine = pyttsx3.init(driver)
        except (ImportError, RuntimeError, OSError, AttributeError) as error:
            raise SpeechUnavailable(install_hint()) from error
        self.driver = getattr(self._engine, "driver_name", driver or "")
        self.plays_itself = self.driver != "espeak"
        self.normal_rate = int(self._engine.getProperty("rate") or 200)
        self._folder = Path(tempfile.mkdtemp(prefix="facilitator-speech-"))
        if not self.plays_itself:
            self._listen_to_espeak()

    def _listen_to_espeak(self) -> None:
        _hook_espeak(self._engine)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._folder.rmdir()

    def voices(self) -> list[Voice]:
        found = []
        for voice in self._engine.getProperty("voices") or []:
            languages = tuple(str(each) for each in (getattr(voice, "languages", None) or ()) if each)
            gender = getattr(voice, "gender", None) or ""
            found.append(Voice(str(voice.id), str(voice.name or voice.id), languages, str(gender)))
        return found

    def _set(self, voice: str, rate: int, volume: float) -> None:
        if voice:
            self._engine.setProperty("voice", voice)
        self._engine.setProperty("rate", rate)
        self._engine.setProperty("volume", max(0.0, min(1.0, volume)))

    def render(self, text: str, voice: str, rate: int, volume: float) -> Rendering:
        path = self._folder / f"piece-{threading.get_ident()}.wav"
        # pyttsx3 shares one engine between all its users, and espeak has one callback: one sound at a time.
        with _ESPEAK_TURN:
            self._set(voice, rate, volume)
            if not self.plays_itself:
                _settle_espeak()
            _HOOK.marks = marks = []
            try:
                # pyttsx3's espeak driver prints a line for every file it saves.
                with contextlib.redirect_stdout(io.StringIO()):
                    self._engine.save_to_file(text, str(path))
                    self._engine.runAndWait()
                    if not self.plays_itself:
                        # The first run in a process can return while espeak is still making the sound
                        # on its own thread (pyttsx3 ends its loop before it starts): wait for the file.
                        _settle_espeak()
            finally:
                _HOOK.marks = None
        try:
            wav = path.read_bytes()
        except FileNotFoundError as error:
            raise NoSound(_("The speech engine made no sound for this text.")) from error
        finally:
            with contextlib.suppress(OSError):
                os.remove(path)
        # espeak says an emoji's name and reports its words at odd places; only spans with letters are words.
        return Rendering(wav, tuple(mark for mark in marks if text[mark.start : mark.start + mark.length].strip()))

    def speak(self, text, voice, rate, volume, on_word, stopped) -> None:
        self._set(voice, rate, volume)
        token = self._engine.connect("started-word", lambda name=None, location=0, length=0: on_word(location, length))
        try:
            self._engine.say(text)
            self._engine.startLoop(False)
            try:
                while self._engine.isBusy():
                    if stopped():
                        self._engine.stop()
                        break
                    self._engine.iterate()
                    time.sleep(0.01)
            finally:
                self._engine.endLoop()
        finally:
            self._engine.disconnect(token)


_ESPEAK_TURN = threading.Lock()

# espeak-ng only makes sound here, for a file or for the app's own player, but espeak-ng 1.51 (Debian 12,
# Ubuntu 22.04) looks for a sound server as it starts: its audio library opens a PulseAudio connection to see
# whether one is there, a network connection when PULSE_SERVER names another computer. An empty server name
# makes PulseAudio give up at once, before connecting; PulseAudio's settings file is set aside too, so no setting
# in it can send it to the display for a server. Both are put back as soon as espeak has started, so the
# player the app plays through finds the sound server as usual.
_NO_SOUND_SERVER = {"PULSE_SERVER": "", "PULSE_CLIENTCONFIG": os.devnull}


@contextlib.contextmanager
def _no_sound_server():
    if sys.platform in ("win32", "darwin"):  # their engines are not espeak-ng, and there is no PulseAudio there
        yield
        return
    kept = {name: os.environ.get(name) for name in _NO_SOUND_SERVER}
    os.environ.update(_NO_SOUND_SERVER)
    try:
        yield
    finally:
        for name, value in kept.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _settle_espeak() -> None:
    """Wait until espeak has taken the voice, rate and volume just set.

    espeak queues settings behind the sound it is making, and pyttsx3 ends each
    run with a cancel that would otherwise throw queued settings away: the next
    sentence would then be read at the old speed.
    """
    try:
        from pyttsx3.drivers import _espeak

        _espeak.Synchronize()
    except (ImportError, AttributeError, OSError):
        pass


class _Hook:
    driver: object = None  # the pyttsx3 espeak driver whose sound is listened to
    marks: list[WordMark] | None = None  # where the words of the sound being made go


_HOOK = _Hook()


def _hook_espeak(engine) -> None:
    """Hear espeak's word events, with their times, before pyttsx3 handles them.

    This reaches into pyttsx3's espeak driver; if that ever changes shape,
    reading still works, only without words lit up one by one. pyttsx3 gives
    every caller the same engine, so the hook is put in once for each driver.
    """
    try:
        from pyttsx3.drivers import _espeak

        driver = engine.proxy._driver
        handle = driver._onSynth
    except (ImportError, AttributeError):
        return
    if _HOOK.driver is driver:
        return

    def on_sound(wav, samples, events):
        marks = _HOOK.marks
        index = 0
        while marks is not None and events[index].type != _espeak.EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == _espeak.EVENT_WORD and event.text_position > 0 and event.length > 0:
                marks.append(WordMark(event.text_position - 1, event.length, event.audio_position / 1000))
            index += 1
        return handle(wav, samples, events)

    _espeak.SetSynthCallback(on_sound)
    _HOOK.driver = driver
