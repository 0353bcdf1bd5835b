"""Speech is made without a sound server: ``facilitator say -o file.wav`` opens no connection of any kind.

espeak-ng 1.51 looks for a PulseAudio server as it starts. Here PULSE_SERVER names a
socket the test listens on, so a look would arrive as a connection. Skipped when
there is no espeak-ng on this computer.
"""

from __future__ import annotations

import array
import math
import os
import select
import shutil
import socket
import subprocess
import sys
import time
import wave

import pytest

from facilitator.speech.engine import PyttsxEngine, SpeechUnavailable

try:
    ENGINE = PyttsxEngine()
except SpeechUnavailable as error:
    pytest.skip(f"no speech engine on this computer ({error})", allow_module_level=True)
if ENGINE.plays_itself:
    pytest.skip(f"the speech engine here is {ENGINE.driver!r}, not espeak-ng", allow_module_level=True)

WORDS = "Hello everyone. Welcome to the workshop."


def run_counting_connections(args: list[str], cwd) -> tuple[subprocess.CompletedProcess, int]:
    """Run ``facilitator ARGS`` with PULSE_SERVER set to a socket listened on here; how many connections came."""
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen(8)
        listening.setblocking(False)
        port = listening.getsockname()[1]
        env = dict(os.environ, PULSE_SERVER=f"tcp:127.0.0.1:{port}")
        process = subprocess.Popen(
            [sys.executable, "-m", "facilitator", *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        arrived = 0
        deadline = time.monotonic() + 120
        try:
            while process.poll() is None and time.monotonic() < deadline:
                if select.select([listening], [], [], 0.05)[0]:
                    connection, _address = listening.accept()
                    connection.close()
                    arrived += 1
            out, err = process.communicate(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        # One last look, for a connection that was on its way as the process ended.
        while select.select([listening], [], [], 0.2)[0]:
            listening.accept()[0].close()
            arrived += 1
    return subprocess.CompletedProcess(args, process.returncode, out.decode(), err.decode()), arrived


def length_and_rms(path) -> tuple[float, float]:
    """Seconds, and the RMS level from 0 to 1, of a 16-bit mono WAV."""
    with wave.open(str(path)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        seconds = sound.getnframes() / sound.getframerate()
        samples = array.array("h", sound.readframes(sound.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return seconds, math.sqrt(sum(each * each for each in samples) / max(1, len(samples))) / 32768


def test_say_to_a_file_makes_no_connection_and_the_file_has_speech(tmp_path):
    done, arrived = run_counting_connections(["say", WORDS, "-o", "out.wav"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert arrived == 0
    seconds, rms = length_and_rms(tmp_path / "out.wav")
    assert seconds > 1.5  # seven words at the app's speed
    assert rms > 0.02  # speech, not silence


def test_listing_the_voices_makes_no_connection(tmp_path):
    done, arrived = run_counting_connections(["voices", "--language", "cy"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "cy" in done.stdout
    assert arrived == 0


def test_say_makes_no_connect_call_at_all(tmp_path):
    """Not to the sound server over the network, nor to a local socket, nor to anything else."""
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed")
    trace = tmp_path / "trace.txt"
    done = subprocess.run(
        ["strace", "-f", "-qq", "-o", str(trace), "-e", "trace=connect",
         sys.executable, "-m", "facilitator", "say", WORDS, "-o", "out.wav"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env=dict(os.environ, PULSE_SERVER="tcp:127.0.0.1:9"),
    )
    if not trace.exists():
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()[-200:]}")
    assert done.returncode == 0, done.stderr
    calls = [line for line in trace.read_text().splitlines() if "connect(" in line]
    assert calls == []
    assert length_and_rms(tmp_path / "out.wav")[1] > 0.02


@pytest.mark.parametrize("server", ["tcp:127.0.0.1:9", None])
def test_the_app_s_player_still_finds_the_sound_server(monkeypatch, server):
    """The sound server is hidden from espeak only while it starts: the player the app plays through sees it."""
    if server is None:
        monkeypatch.delenv("PULSE_SERVER", raising=False)
    else:
        monkeypatch.setenv("PULSE_SERVER", server)
    monkeypatch.delenv("PULSE_CLIENTCONFIG", raising=False)
    engine = PyttsxEngine()
    assert os.environ.get("PULSE_SERVER") == server
    assert "PULSE_CLIENTCONFIG" not in os.environ
    assert engine.render("Hello", "", ENGINE.normal_rate, 1.0).wav
