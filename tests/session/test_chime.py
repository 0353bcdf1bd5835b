import io
import wave

from facilitator.session import chime
from facilitator.session.chime import Chime, chime_wav


def test_the_chime_is_a_short_gentle_sound_that_is_not_silent():
    with wave.open(io.BytesIO(chime_wav())) as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, chime.RATE)
        frames = sound.readframes(sound.getnframes())
        seconds = sound.getnframes() / sound.getframerate()
    samples = [int.from_bytes(frames[i:i + 2], "little", signed=True) for i in range(0, len(frames), 2)]
    loudest = max(abs(s) for s in samples) / 32767
    assert 1.0 <= seconds <= 2.0
    assert 0.05 < loudest <= 0.35  # heard, but gentle: never near full loudness
    assert max(abs(s) for s in samples[-200:]) < max(abs(s) for s in samples) / 10  # it fades away


def test_with_no_player_it_says_what_to_install_and_plays_nothing(monkeypatch, tmp_path):
    monkeypatch.setattr(chime, "find_player", lambda: "")
    quiet = Chime(tmp_path)
    assert quiet.play() is False
    assert "install" in quiet.problem


def test_a_player_is_started_without_waiting_for_it(monkeypatch, tmp_path):
    started = []

    class Process:
        def __init__(self, command, **kwargs):
            started.append(command)

    monkeypatch.setattr(chime, "find_player", lambda: "aplay")
    monkeypatch.setattr(chime.subprocess, "Popen", Process)
    player = Chime(tmp_path)
    assert player.play() is True
    assert started == [["aplay", str(tmp_path / "facilitator-chime.wav")]]
    assert (tmp_path / "facilitator-chime.wav").read_bytes() == chime_wav()
