"""``facilitator say`` and ``facilitator voices``: what they write, and how they answer bad input."""

from __future__ import annotations

import wave

import pytest

from facilitator.cli import EXIT_PROBLEM, EXIT_USAGE, main
from facilitator.speech.audio import loudness
from facilitator.speech.command import find_voice, say_command, voices_command
from facilitator.speech.engine import NoSound
from facilitator.speech.fake import VOICES, FakeEngine


def test_say_writes_a_wav_in_the_language_s_voice(tmp_path, capsys):
    engine = FakeEngine()
    out = tmp_path / "hello.wav"
    assert say_command("Croeso i bawb.", None, out, None, "cy", 0.8, engine) == 0
    assert engine.rendered == [("Croeso i bawb.", "fake/cy", 160, 1.0)]
    with wave.open(str(out)) as sound:
        assert sound.getnframes() > 0
    assert loudness(out.read_bytes()) > -40
    assert "Welsh" in capsys.readouterr().out


def test_say_reads_a_file_and_takes_a_voice_by_name_id_or_language(tmp_path):
    text = tmp_path / "words.txt"
    text.write_text("Hello there. We meet on Tuesday.", encoding="utf-8")
    for wanted, voice in (("Welsh", "fake/cy"), ("fake/en-us", "fake/en-us"), ("ar", "fake/ar")):
        engine = FakeEngine()
        assert say_command(None, str(text), tmp_path / "out.wav", wanted, "en", 1.0, engine) == 0
        assert [each[1] for each in engine.rendered] == [voice, voice]
        assert [each[0] for each in engine.rendered] == ["Hello there.", "We meet on Tuesday."]


@pytest.mark.parametrize(("text", "file", "voice", "rate", "code", "said"), [
    ("Hi", "words.txt", None, 0.8, EXIT_USAGE, "not both"),
    (None, None, None, 0.8, EXIT_USAGE, "not both"),
    ("Hi", None, None, 2.5, EXIT_USAGE, "--rate"),
    ("Hi", None, "Klingon", 0.8, EXIT_USAGE, "no voice called"),
    ("   ", None, None, 0.8, EXIT_PROBLEM, "no words"),
    (None, "missing.txt", None, 0.8, EXIT_PROBLEM, "Cannot read"),
])
def test_say_answers_bad_input_with_one_line_and_writes_nothing(tmp_path, capsys, text, file, voice, rate, code, said):
    (tmp_path / "words.txt").write_text("Hello", encoding="utf-8")
    out = tmp_path / "out.wav"
    path = str(tmp_path / file) if file else None
    assert say_command(text, path, out, voice, "en", rate, FakeEngine()) == code
    error = capsys.readouterr().err
    assert said in error and error.count("\n") == 1
    assert not out.exists()


def test_say_when_the_engine_makes_no_sound_says_so_in_one_line(tmp_path, capsys):
    class Silent(FakeEngine):
        def render(self, text, voice, rate, volume):
            raise NoSound("The speech engine made no sound for this text.")

    out = tmp_path / "out.wav"
    assert say_command("Hello", None, out, None, "en", 0.8, Silent()) == EXIT_PROBLEM
    assert capsys.readouterr().err == "The speech engine made no sound for this text.\n"
    assert not out.exists()


def test_say_with_no_voice_for_the_language_says_so(tmp_path, capsys):
    engine = FakeEngine(voices=[VOICES[0]])
    assert say_command("Helo", None, tmp_path / "out.wav", None, "cy", 0.8, engine) == EXIT_PROBLEM
    assert "Welsh" in capsys.readouterr().err
    assert engine.rendered == []


def test_voices_lists_every_voice_or_a_language_s_best_first(capsys):
    assert voices_command(None, FakeEngine()) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [voice.id for voice in VOICES]
    assert voices_command("en", FakeEngine()) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ["fake/en-gb", "fake/en-us"]
    assert voices_command("fr", FakeEngine()) == EXIT_PROBLEM


def test_find_voice_by_id_name_or_language_in_any_case():
    assert find_voice(list(VOICES), "FAKE/CY").id == "fake/cy"
    assert find_voice(list(VOICES), "welsh").id == "fake/cy"
    assert find_voice(list(VOICES), "en_US").id == "fake/en-us"
    assert find_voice(list(VOICES), "nothing") is None


def test_the_real_command_line_writes_speech_with_espeak(tmp_path):
    pytest.importorskip("pyttsx3")
    from facilitator.speech.engine import PyttsxEngine, SpeechUnavailable

    try:
        PyttsxEngine()
    except SpeechUnavailable:
        pytest.skip("no speech engine here")
    out = tmp_path / "real.wav"
    assert main(["say", "Mae'r ŵyn yn y cae.", "--language", "cy", "-o", str(out)]) == 0
    with wave.open(str(out)) as sound:
        seconds = sound.getnframes() / sound.getframerate()
    assert 0.8 < seconds < 6
    assert loudness(out.read_bytes()) > -40
