"""``facilitator say`` and ``facilitator voices``: text read aloud into a WAV file, and the voices there are.

These use the same engine, pronunciation and piece-by-piece reading as the app.
"""

from __future__ import annotations

import sys
from pathlib import Path

from facilitator.cli import EXIT_PROBLEM, EXIT_USAGE
from facilitator.i18n import _
from facilitator.speech.audio import render_text, write_file
from facilitator.speech.engine import Engine, NoSound, PyttsxEngine, SpeechUnavailable
from facilitator.speech.player import seconds_of
from facilitator.speech.reading import Passage
from facilitator.speech.voices import FASTEST, SLOWEST, Voice, VoiceSettings, choose_voice, tag

MOST_CHARACTERS = 200_000  # about three hours of speech


def find_voice(voices: list[Voice], wanted: str) -> Voice | None:
    """A voice by its id, its name or a language it speaks ("cel/cy", "Welsh", "cy"), any letter case."""
    wanted_lower = wanted.strip().lower()
    for match in (
        lambda v: v.id.lower() == wanted_lower,
        lambda v: v.name.strip().lower() == wanted_lower,
        lambda v: tag(wanted) in (tag(each) for each in v.languages),
    ):
        found = [voice for voice in voices if match(voice)]
        if found:
            return found[0]
    return None


def say_command(text: str | None, file: str | None, output: Path, voice: str | None, language: str, rate: float, engine: Engine | None = None) -> int:
    if (text is None) == (file is None):
        print(_("facilitator say: give the words, or -f FILE, but not both (see facilitator say --help)"), file=sys.stderr)
        return EXIT_USAGE
    if not SLOWEST <= rate <= FASTEST:
        print(_("facilitator say: --rate must be from {slowest} to {fastest}").format(slowest=SLOWEST, fastest=FASTEST), file=sys.stderr)
        return EXIT_USAGE
    if file is not None:
        from facilitator.language.report import UnreadableText, read_text_file

        try:
            text = read_text_file(file)
        except UnreadableText as error:
            print(error, file=sys.stderr)
            return EXIT_PROBLEM
    if not text.strip():
        print(_("There are no words to say."), file=sys.stderr)
        return EXIT_PROBLEM
    if len(text) > MOST_CHARACTERS:
        print(_("The text is too long to say in one file ({count} characters; the most is {most}).").format(
            count=len(text), most=MOST_CHARACTERS), file=sys.stderr)
        return EXIT_PROBLEM
    engine = engine or _open_engine()
    if engine is None:
        return EXIT_PROBLEM
    voices = engine.voices()
    if voice:
        chosen = find_voice(voices, voice)
        if chosen is None:
            print(_("facilitator say: there is no voice called “{voice}” (see facilitator voices)").format(voice=voice), file=sys.stderr)
            return EXIT_USAGE
    else:
        choice = choose_voice(voices, language, VoiceSettings())
        if choice.voice is None:
            print(choice.problem, file=sys.stderr)
            return EXIT_PROBLEM
        chosen = choice.voice
    try:
        sound = render_text(engine, [Passage("text", text)], chosen.id, VoiceSettings(speed=rate).rate(engine.normal_rate), 1.0)
    except NoSound as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEM
    try:
        write_file(output, sound)
    except OSError as error:
        print(_("Cannot write {path}: {reason}.").format(path=output, reason=error.strerror), file=sys.stderr)
        return EXIT_PROBLEM
    print(_("Saved {seconds:.1f} seconds of speech ({voice}) to {path}.").format(seconds=seconds_of(sound), voice=chosen.label(), path=output))
    return 0


def voices_command(language: str | None, engine: Engine | None = None) -> int:
    engine = engine or _open_engine()
    if engine is None:
        return EXIT_PROBLEM
    voices = engine.voices()
    if language:
        from facilitator.speech.voices import voices_for

        voices = voices_for(voices, language)
    for voice in voices:
        print("\t".join((voice.id, voice.name, " ".join(voice.languages))))
    if not voices:
        print(_("No voices found."), file=sys.stderr)
        return EXIT_PROBLEM
    return 0


def _open_engine() -> Engine | None:
    """The system's speech engine, or None after saying on standard error what to install."""
    try:
        return PyttsxEngine()
    except SpeechUnavailable as error:
        print(error, file=sys.stderr)
        return None
