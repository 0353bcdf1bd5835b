"""The timer's optional gentle sound: a soft two-note chime, played without waiting.

The chime is made here (two sine notes that fade), written once to the cache
folder, and played by the system's own player in the background, so there is
no extra dependency and nothing waits for the sound.
"""

from __future__ import annotations

import math
import subprocess
import tempfile
from pathlib import Path

from facilitator.i18n import _
from facilitator.speech.audio import wav_bytes
from facilitator.speech.player import find_player, no_player_message

RATE = 22_050
NOTES = ((659.25, 0.0), (880.0, 0.35))  # E5 then A5, in seconds from the start
LENGTH = 1.6
LOUDNESS = 0.22  # of the loudest a WAV can be: gentle


def chime_wav() -> bytes:
    """The chime as a 16-bit mono WAV."""
    frames = bytearray()
    count = int(RATE * LENGTH)
    for n in range(count):
        t = n / RATE
        value = 0.0
        for pitch, start in NOTES:
            if t >= start:
                since = t - start
                attack = min(1.0, since / 0.01)
                value += attack * math.exp(-since * 3.2) * math.sin(2 * math.pi * pitch * since)
        sample = int(max(-1.0, min(1.0, value * LOUDNESS)) * 32767)
        frames += sample.to_bytes(2, "little", signed=True)
    return wav_bytes(bytes(frames), RATE)


class Chime:
    """Plays the chime with whatever the system has; ``problem`` says why it cannot."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else Path(tempfile.gettempdir())
        self._path: Path | None = None
        self.player = find_player()
        self.problem = "" if self.player else no_player_message()

    def path(self) -> Path:
        if self._path is None or not self._path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            self._path = self.folder / "facilitator-chime.wav"
            self._path.write_bytes(chime_wav())
        return self._path

    def play(self) -> bool:
        """Start the chime and return at once; False when it cannot be played."""
        if not self.player:
            return False
        try:
            if self.player == "winsound":
                import winsound

                winsound.PlaySound(str(self.path()), winsound.SND_FILENAME | winsound.SND_ASYNC)
            else:
                subprocess.Popen(  # noqa: S603 (a fixed player and our own file)
                    [self.player, str(self.path())], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
        except OSError as error:
            self.problem = _("The sound could not be played ({reason}).").format(reason=error)
            return False
        return True

