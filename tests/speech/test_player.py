"""Playing sounds with the system's player, stopped at once; and the sound files themselves."""

from __future__ import annotations

import math
import os
import stat
import struct
import time
import wave
from io import BytesIO
from pathlib import Path

import pytest

from facilitator.speech.audio import PAUSE, join, loudness, silence, write_file
from facilitator.speech.fake import tone
from facilitator.speech.player import PLAYERS, Player, find_player, no_player_message, seconds_of

# A sound file.


def tone_wav(seconds: float, amplitude: float = 1.0, rate: int = 22_050, channels: int = 1, width: int = 2) -> bytes:
    count = round(seconds * rate)
    peak = 32767 if width == 2 else 127
    frames = bytearray()
    for n in range(count):
        value = round(amplitude * peak * math.sin(2 * math.pi * 441 * n / rate))
        sample = struct.pack("<h", value) if width == 2 else struct.pack("<B", value + 128)
        frames += sample * channels
    buffer = BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def kind_and_frames(sound: bytes) -> tuple[tuple[int, int, int], int]:
    with wave.open(BytesIO(sound)) as part:
        return (part.getnchannels(), part.getsampwidth(), part.getframerate()), part.getnframes()


def test_seconds_of():
    assert seconds_of(silence(1.5)) == pytest.approx(1.5)
    assert seconds_of(silence(0.0)) == 0.0
    assert seconds_of(tone(0.25)) == pytest.approx(0.25)
    assert seconds_of(tone_wav(0.1, rate=44_100)) == pytest.approx(0.1)


def test_silence_is_a_16_bit_mono_wav_of_zeros():
    sound = silence(0.5)
    assert kind_and_frames(sound) == ((1, 2, 22_050), 11_025)
    with wave.open(BytesIO(sound)) as part:
        assert set(part.readframes(part.getnframes())) == {0}
    assert kind_and_frames(silence(1.0, rate=8_000)) == ((1, 2, 8_000), 8_000)


def test_loudness_of_silence_is_minus_infinity():
    assert loudness(silence(0.5)) == -math.inf
    assert loudness(silence(0.0)) == -math.inf


def test_loudness_of_a_full_scale_tone_is_about_minus_3_dbfs():
    assert loudness(tone_wav(0.5)) == pytest.approx(-3.01, abs=0.05)


def test_loudness_follows_the_amplitude():
    assert loudness(tone_wav(0.5, amplitude=0.1)) == pytest.approx(-23.01, abs=0.1)
    assert loudness(tone(0.5)) == pytest.approx(20 * math.log10(0.3) - 3.01, abs=0.1)  # the fake engine's soft tone
    assert loudness(tone(0.5, volume=0.5)) < loudness(tone(0.5))


def test_loudness_measures_only_16_bit_sound():
    with pytest.raises(ValueError):
        loudness(tone_wav(0.1, width=1))


def test_join_puts_a_pause_between_sounds():
    first, second = tone_wav(0.2), tone_wav(0.3)
    joined = join([first, second])
    kind, frames = kind_and_frames(joined)
    assert kind == (1, 2, 22_050)
    assert frames == round(0.2 * 22_050) + round(PAUSE * 22_050) + round(0.3 * 22_050)
    with wave.open(BytesIO(joined)) as part:
        data = part.readframes(part.getnframes())
    gap_start = round(0.2 * 22_050) * 2
    gap = data[gap_start : gap_start + round(PAUSE * 22_050) * 2]
    assert set(gap) == {0}
    with wave.open(BytesIO(first)) as part:
        assert data[:gap_start] == part.readframes(part.getnframes())


def test_join_of_three_has_two_pauses_and_any_pause_can_be_asked_for():
    sounds = [tone_wav(0.1)] * 3
    assert kind_and_frames(join(sounds, pause=0.5))[1] == 3 * 2205 + 2 * round(0.5 * 22_050)
    assert kind_and_frames(join(sounds, pause=0.0))[1] == 3 * 2205


def test_join_skips_empty_sounds_and_of_nothing_makes_an_empty_wav():
    assert kind_and_frames(join([b"", tone_wav(0.1), b""]))[1] == 2205
    assert kind_and_frames(join([])) == ((1, 2, 22_050), 0)
    assert kind_and_frames(join([b""]))[1] == 0


def test_join_keeps_the_kind_of_its_sounds():
    kind, frames = kind_and_frames(join([tone(0.1), tone(0.1)]))
    assert kind == (1, 2, 8_000)
    assert frames == 800 + round(PAUSE * 8_000) + 800


def test_join_refuses_sounds_of_different_kinds():
    with pytest.raises(ValueError):
        join([tone_wav(0.1, rate=22_050), tone_wav(0.1, rate=44_100)])
    with pytest.raises(ValueError):
        join([tone_wav(0.1), tone_wav(0.1, channels=2)])


def test_write_file_writes_whole_and_leaves_no_partial_file(tmp_path):
    path = tmp_path / "summary.wav"
    write_file(path, silence(0.1))
    assert path.read_bytes() == silence(0.1)
    write_file(path, tone(0.1))  # replaces the old file
    assert path.read_bytes() == tone(0.1)
    assert sorted(tmp_path.iterdir()) == [path]
    write_file(str(tmp_path / "named.wav"), b"abc")
    assert sorted(each.name for each in tmp_path.iterdir()) == ["named.wav", "summary.wav"]


def test_write_file_to_a_missing_folder_raises_and_leaves_nothing(tmp_path):
    with pytest.raises(OSError):
        write_file(tmp_path / "missing" / "out.wav", b"abc")
    assert list(tmp_path.iterdir()) == []


# The player.


def test_no_player_program_has_a_problem_and_cannot_play():
    player = Player(program="")
    assert player.problem == no_player_message()
    assert "install" in player.problem.lower()
    with pytest.raises(OSError):
        player.play(silence(0.1))


def test_find_player_finds_one_of_the_known_players_or_none():
    found = find_player()
    assert found in (*PLAYERS, "winsound", "")
    assert Player().program == found
    assert (Player().problem == "") == bool(found)


def program(folder: Path, body: str) -> str:
    path = folder / "fake-player"
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def wait_until(done, timeout=3.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if done():
            return True
        time.sleep(0.01)
    return done()


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as the player")
def test_play_returns_at_once_and_stop_ends_the_player_at_once(tmp_path):
    player = Player(program=program(tmp_path, "exec sleep 5"))
    assert player.problem == ""
    asked = time.monotonic()
    playing = player.play(silence(2.0))
    assert time.monotonic() - asked < 0.5
    assert playing.seconds == pytest.approx(2.0)
    assert playing.path.exists()
    assert playing.path.read_bytes() == silence(2.0)
    assert not playing.finished()
    time.sleep(0.05)
    assert not playing.finished()
    assert playing.elapsed() >= 0.05
    asked = time.monotonic()
    playing.stop()
    assert time.monotonic() - asked < 0.5
    assert playing.finished()
    assert playing.problem == ""  # stopped, not broken
    playing.close()
    assert not playing.path.exists()
    playing.close()  # twice does no harm


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as the player")
def test_a_player_that_ends_by_itself_is_finished(tmp_path):
    player = Player(program=program(tmp_path, 'test -s "$1" && exit 0; exit 3'))
    playing = player.play(silence(0.1))
    assert wait_until(playing.finished)
    assert playing.problem == ""
    playing.close()
    assert not playing.path.exists()


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as the player")
def test_a_player_that_fails_tells_its_error(tmp_path):
    player = Player(program=program(tmp_path, "echo 'warming up' >&2; echo 'audio open error: Device or resource busy' >&2; exit 1"))
    playing = player.play(silence(1.0))
    assert wait_until(playing.finished)
    assert "audio open error: Device or resource busy" in playing.problem
    assert "warming up" not in playing.problem  # the last line says what went wrong
    playing.close()
    assert not playing.path.exists()


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as the player")
def test_a_player_that_fails_silently_tells_its_exit_code(tmp_path):
    playing = Player(program=program(tmp_path, "exit 7")).play(silence(0.1))
    assert wait_until(playing.finished)
    assert "7" in playing.problem
    playing.close()


def test_a_player_program_that_does_not_exist_raises_and_leaves_no_file(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    player = Player(program=str(tmp_path / "no-such-player"))
    assert player.problem == ""
    with pytest.raises(OSError):
        player.play(silence(0.1))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as the player")
def test_a_player_that_writes_a_lot_of_warnings_still_finishes(tmp_path):
    # Found as a bug while writing these tests (stderr was a pipe, read only at the end, and a full
    # pipe blocked the player for ever); fixed since.
    player = Player(program=program(tmp_path, "head -c 200000 /dev/zero | tr '\\0' 'w' >&2; exit 0"))
    playing = player.play(silence(0.1))
    try:
        assert wait_until(playing.finished, timeout=2.0)
        assert playing.problem == ""
    finally:
        playing.close()


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as the player")
def test_a_failing_player_that_writes_a_lot_tells_its_last_line(tmp_path):
    player = Player(program=program(tmp_path, "head -c 200000 /dev/zero | tr '\\0' 'w' >&2; echo >&2; echo 'no card' >&2; exit 2"))
    playing = player.play(silence(0.1))
    try:
        assert wait_until(playing.finished, timeout=2.0)
        assert playing.problem.endswith("no card")
    finally:
        playing.close()
