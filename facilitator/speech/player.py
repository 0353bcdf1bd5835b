"""Playing a sound with the system's own player, in a way that can be stopped at once.

The app has no sound library of its own: a WAV file is handed to pw-play,
paplay or aplay (Linux), afplay (macOS) or winsound (Windows). Stopping ends
the player's process; the time since it started tells which word is being heard.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from io import BytesIO
from pathlib import Path

from facilitator.i18n import _

PLAYERS = ("pw-play", "paplay", "aplay", "afplay")


def find_player() -> str:
    """The program that plays sounds here, "winsound" on Windows, or "" when there is none."""
    if sys.platform == "win32":
        return "winsound"
    for name in PLAYERS:
        if shutil.which(name):
            return name
    return ""


def no_player_message() -> str:
    return _("No program to play sounds was found. On Linux, install pulseaudio-utils or alsa-utils.")


def seconds_of(wav: bytes) -> float:
    with wave.open(BytesIO(wav)) as sound:
        return sound.getnframes() / float(sound.getframerate() or 1)


class Playing:
    """One sound being played."""

    def __init__(self, path: Path, seconds: float, process: subprocess.Popen | None, errors=None):
        self.path = path
        self._errors = errors  # a file the player writes its complaints to (never a pipe, which can fill up)
        self.seconds = seconds
        self.started = time.monotonic()
        self._process = process
        self.problem = ""

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def finished(self) -> bool:
        if self._process is None:
            return self.elapsed() >= self.seconds
        if self._process.poll() is None:
            return False
        if self._process.returncode not in (0, -15) and not self.problem:
            said = b""
            if self._errors is not None:
                self._errors.seek(0)
                said = self._errors.read()[-2000:]
            said = said.decode(errors="replace").strip()
            self.problem = _("The sound could not be played: {reason}").format(
                reason=said.splitlines()[-1] if said else _("the player stopped with code {code}").format(code=self._process.returncode)
            )
        return True

    def stop(self) -> None:
        if self._process is None:
            import winsound

            winsound.PlaySound(None, 0)
        elif self._process.poll() is None:
            self._process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=1)

    def close(self) -> None:
        self.stop()
        if self._errors is not None:
            self._errors.close()
        with contextlib.suppress(OSError):
            os.remove(self.path)


class Player:
    """Plays WAV sounds; ``problem`` says why it cannot when there is no player."""

    def __init__(self, program: str | None = None):
        self.program = find_player() if program is None else program
        self.problem = "" if self.program else no_player_message()

    def play(self, wav: bytes) -> Playing:
        """Start playing and return at once. Raises OSError when the player cannot start."""
        if not self.program:
            raise OSError(self.problem)
        handle, name = tempfile.mkstemp(prefix="facilitator-speaking-", suffix=".wav")
        with os.fdopen(handle, "wb") as out:
            out.write(wav)
        path = Path(name)
        seconds = seconds_of(wav)
        if self.program == "winsound":
            import winsound

            winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
            return Playing(path, seconds, None)
        errors = tempfile.TemporaryFile()
        try:
            process = subprocess.Popen(  # noqa: S603 (a known player and our own file)
                [self.program, str(path)], stdout=subprocess.DEVNULL, stderr=errors
            )
        except OSError:
            errors.close()
            os.remove(path)
            raise
        return Playing(path, seconds, process, errors)
