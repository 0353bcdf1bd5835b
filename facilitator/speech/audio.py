"""Sound files: a whole text made into one WAV, pieces joined with a short pause, and how loud a sound is."""

from __future__ import annotations

import array
import math
import os
import sys
import wave
from collections.abc import Iterable, Sequence
from io import BytesIO
from pathlib import Path

from facilitator.speech.engine import Engine
from facilitator.speech.reading import Passage, said_pieces

PAUSE = 0.35  # seconds between sentences and between the parts of a screen


def render_text(
    engine: Engine, passages: Iterable[Passage], voice: str, rate: int, volume: float,
    pronunciations: Sequence[tuple[str, str]] = (), pause: float = PAUSE,
) -> bytes:
    """All of ``passages`` read by ``voice``, as one WAV."""
    parts, _respelled = said_pieces(list(passages), pronunciations)
    sounds = [engine.render(piece.text, voice, rate, volume).wav for piece in parts]
    return join(sounds, pause)


def join(sounds: Sequence[bytes], pause: float = PAUSE) -> bytes:
    """WAVs of the same kind one after another, with ``pause`` seconds of quiet between them."""
    sounds = [sound for sound in sounds if sound]
    if not sounds:
        return silence(0.0)
    with wave.open(BytesIO(sounds[0])) as first:
        channels, width, rate = first.getnchannels(), first.getsampwidth(), first.getframerate()
    gap = b"\0" * (round(pause * rate) * channels * width)
    frames = []
    for index, sound in enumerate(sounds):
        with wave.open(BytesIO(sound)) as part:
            if (part.getnchannels(), part.getsampwidth(), part.getframerate()) != (channels, width, rate):
                raise ValueError("the sounds are not of the same kind")
            if index:
                frames.append(gap)
            frames.append(part.readframes(part.getnframes()))
    return wav_bytes(b"".join(frames), rate, channels, width)


def silence(seconds: float, rate: int = 22_050) -> bytes:
    return wav_bytes(b"\0\0" * round(seconds * rate), rate)


def wav_bytes(frames: bytes, rate: int, channels: int = 1, width: int = 2) -> bytes:
    """Sound samples as a WAV file's bytes (16-bit mono unless told otherwise)."""
    buffer = BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(frames)
    return buffer.getvalue()


def loudness(sound: bytes) -> float:
    """How loud a 16-bit WAV is, as its RMS level in decibels below full scale (silence is -inf)."""
    with wave.open(BytesIO(sound)) as part:
        if part.getsampwidth() != 2:
            raise ValueError("only 16-bit sound is measured")
        samples = array.array("h", part.readframes(part.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return -math.inf
    mean = sum(sample * sample for sample in samples) / len(samples)
    return 20 * math.log10(math.sqrt(mean) / 32768) if mean else -math.inf


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` whole or not at all: a half-written file never replaces a good one."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, path)
