"""How long from pressing "read aloud" to the voice starting, with the real espeak-ng engine.

The target (issue 6): under 250 ms. Each round asks the speech service to read
a text (``SpeechService.read``, which is what the button calls) and stops the
clock at its ``Started`` event, sent just after the player process has been
started on the first sentence's sound. The player here is a small program that
stands in for aplay (there may be no sound device), so the sound is made and
the process started exactly as in the room. The baseline in the same run
starts that same player on a ready-made WAV: the ratio says what making the
first sentence's sound costs on top of starting a player.

Three texts: an agenda item (title and plain words), a glossary entry, and a
10,000-character text with no full stop (cut into pieces, so the first piece
is short too).

Run: .venv/bin/python benchmarks/speech.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.speech.engine import PyttsxEngine, SpeechUnavailable  # noqa: E402
from facilitator.speech.fake import tone  # noqa: E402
from facilitator.speech.player import Player  # noqa: E402
from facilitator.speech.reading import Passage  # noqa: E402
from facilitator.speech.service import (  # noqa: E402
    Finished,
    SpeechService,
    Started,
)
from facilitator.speech.voices import VoiceSettings  # noqa: E402

TARGET_MS = 250
TEXTS = {
    "agenda item": [Passage("title", "Getting to know each other"),
                    Passage("words", "Say your name, or the name you like to use. Tell us one thing you enjoy.")],
    "glossary entry": [Passage("title", "advocate"),
                       Passage("words", "A person who helps you say what you want, and makes sure people listen.")],
    "10,000 characters": [Passage("words", ("we talk about the bus and the lift and the rooms " * 210)[:10_000])],
}


def player_program(folder: Path) -> str:
    """A stand-in for aplay: reads the file and waits a little, like a player starting to play."""
    path = folder / "player"
    path.write_text("#!/bin/sh\ncat \"$1\" > /dev/null\nsleep 0.05\n")
    path.chmod(0o755)
    return str(path)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    player = Player(player_program(folder))
    try:
        PyttsxEngine()
    except SpeechUnavailable as error:
        sys.exit(f"no speech engine: {error}")

    started, finished = threading.Event(), threading.Event()

    def listen(event: object) -> None:
        if isinstance(event, Started):
            started.set()
        elif isinstance(event, Finished):
            finished.set()

    service = SpeechService(listen, player=player)
    service.ready.wait(10)
    settings = VoiceSettings()

    baseline = []
    sound = tone(1.0)
    for _round in range(args.rounds):
        begin = time.perf_counter()
        playing = player.play(sound)
        baseline.append((time.perf_counter() - begin) * 1000)
        playing.close()
    base = statistics.median(baseline)
    print(f"baseline: start the player on a ready WAV, median {base:.1f} ms")

    for name, passages in TEXTS.items():
        times = []
        for _round in range(args.rounds):
            started.clear()
            finished.clear()
            begin = time.perf_counter()
            service.read(passages, "en", settings)
            if not started.wait(10):
                sys.exit("the service never started speaking")
            times.append((time.perf_counter() - begin) * 1000)
            service.stop()
            finished.wait(10)
        median, worst = statistics.median(times), percentile(times, 0.95)
        verdict = "meets" if worst < TARGET_MS else "MISSES"
        print(
            f"{name:>18}: press to speaking, median {median:.1f} ms, p95 {worst:.1f} ms "
            f"({median / base:.1f}x baseline); {verdict} the {TARGET_MS} ms target"
        )
    service.close()
    os.remove(folder / "player")


if __name__ == "__main__":
    main()
