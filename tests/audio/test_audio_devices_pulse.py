"""Real microphone and speaker through PulseAudio's virtual devices.

Needs the server from scripts/audio-ci.sh (sink `speaker`, sink `micfeed`,
default source `vmic` fed by micfeed) started BEFORE pytest: PortAudio looks
for the server once per process. Without it these tests fail, saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from pulse_helpers import SpeakerCapture

from app.audio.devices import list_devices, require_input, require_output
from app.audio.player import Player
from app.audio.recorder import Recorder, record
from app.audio.wavio import is_silent, rms_dbfs
from app.errors import AudioDeviceError
from app.speech.wer import wer

pytestmark = [pytest.mark.audio, pytest.mark.timeout(60)]

ROOT = Path(__file__).resolve().parents[2]
START_HINT = (
    "run `source scripts/audio-ci.sh; audio_start` in the shell that starts pytest, so that "
    "PULSE_SERVER, XDG_RUNTIME_DIR and XDG_CONFIG_HOME are exported before Python starts"
)
MIC_CLIP = "native_librispeech_1089-134691-0001"  # tiny.en transcribes it exactly


@pytest.fixture(scope="module")
def pulse() -> None:
    """Fail (not skip) when the virtual devices are not there."""
    if not os.environ.get("PULSE_SERVER") or not shutil.which("pactl"):
        pytest.fail(f"PulseAudio is not set up for this process: {START_HINT}", pytrace=False)
    info = subprocess.run(["pactl", "info"], capture_output=True, text=True, timeout=10)
    sinks = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True, text=True, timeout=10)
    if info.returncode != 0:
        pytest.fail(f"PulseAudio is not running ({info.stderr.strip()}): {START_HINT}", pytrace=False)
    names = {line.split("\t")[1] for line in sinks.stdout.splitlines() if "\t" in line}
    if not {"speaker", "micfeed"} <= names or "Default Source: vmic" not in info.stdout:
        pytest.fail(f"PulseAudio runs without Parley's virtual devices: {START_HINT}", pytrace=False)
    if not list_devices():
        pytest.fail(f"PortAudio sees no devices (server started after Python?): {START_HINT}", pytrace=False)


@pytest.fixture(scope="module")
def piper_speech() -> tuple[np.ndarray, int]:
    from app.voice.piper_voice import PiperTTS

    voice = PiperTTS(threads=1)
    pcm = voice.synthesize_all("Good morning. Today we will practise ordering food at a busy restaurant.")
    return pcm, voice.sample_rate


def test_microphone_hears_what_is_played_into_it(pulse, native_clips):
    from faster_whisper import WhisperModel

    from app.embedded import whisper_tiny_en

    clip = next(c for c in native_clips if c.id == MIC_CLIP)
    assert require_input().inputs > 0
    recorder = Recorder()
    recorder.start()
    try:
        time.sleep(0.3)
        subprocess.run(["paplay", "--device=micfeed", str(clip.wav)], check=True, timeout=30)
        time.sleep(0.5)
    finally:
        audio = recorder.stop()
    assert recorder.device_rate == 16000 and recorder.overflows == 0
    assert audio.size >= clip.duration_s * 16000
    assert not is_silent(audio) and rms_dbfs(audio) > -40
    model = WhisperModel(str(whisper_tiny_en().path), device="cpu", compute_type="int8", cpu_threads=2)
    segments, _ = model.transcribe(audio, language="en", beam_size=1)
    heard = " ".join(s.text for s in segments)
    assert wer(clip.text_norm, heard) <= 0.15, heard


def test_record_for_a_fixed_time(pulse):
    started = time.monotonic()
    audio = record(0.5)
    assert audio.size == 8000 and audio.dtype == np.float32
    assert time.monotonic() - started < 3.0


def test_player_reaches_the_speaker_and_stop_cuts_it(pulse, piper_speech):
    pcm, rate = piper_speech
    duration = pcm.size / rate
    assert require_output().outputs > 0
    capture = SpeakerCapture()
    player = Player()
    try:
        time.sleep(0.3)
        before = capture.audio().size
        asked = time.monotonic()
        player.play(pcm, rate)
        assert player.started.wait(3), "no sample went to the device"
        first_latency = player.first_sample_at - asked
        assert player.is_playing
        assert player.wait(duration + 5)
        time.sleep(0.3)
        full = capture.loud_seconds(before)
        assert full > 0.5 * duration, f"only {full:.2f} s of {duration:.2f} s reached the speaker"

        # Barge-in: stop 0.6 s into the same reply.
        mark = capture.audio().size
        player.play(pcm, rate)
        time.sleep(0.6)
        t_stop = time.monotonic()
        player.stop()
        stop_cost = time.monotonic() - t_stop
        assert not player.is_playing and stop_cost < 0.2
        time.sleep(1.0)
        heard = capture.loud_seconds(mark)
        assert heard < 0.6 + 0.35, f"{heard:.2f} s reached the speaker after a stop at 0.6 s"
    finally:
        player.close()
        capture.close()
    print(f"\nfirst sample {first_latency * 1000:.0f} ms after play(); stop() took {stop_cost * 1000:.1f} ms")


def test_streaming_sentences_play_back_to_back(pulse, piper_speech):
    pcm, rate = piper_speech
    half = pcm.size // 2
    capture = SpeakerCapture()
    player = Player()
    try:
        time.sleep(0.3)
        before = capture.audio().size
        player.enqueue(pcm[:half], rate)
        player.enqueue(pcm[half:], rate)
        assert player.wait(pcm.size / rate + 5)
        time.sleep(0.3)
        assert capture.loud_seconds(before) > 0.5 * pcm.size / rate
        # player.underruns is not asserted: a busy machine may cause one (a click).
        first = player.first_sample_at

        # After linger_s of silence the player closes its stream; the next
        # sentence reopens it and counts as a new utterance.
        time.sleep(player.linger_s + 0.5)
        mark = capture.audio().size
        player.enqueue(pcm[:half])  # the stream's rate is remembered
        assert player.wait(half / rate + 5)
        time.sleep(0.3)
        assert capture.loud_seconds(mark) > 0.3 * half / rate
        assert player.first_sample_at > first
    finally:
        player.close()
        capture.close()


def test_unknown_microphone_name_is_a_clear_error(pulse):
    with pytest.raises(AudioDeviceError, match="microphone 'no-such-mic' not found -- choose one of"):
        Recorder(device="no-such-mic").start()


def test_without_a_sound_server_require_input_explains(tmp_path):
    # A subprocess: PortAudio looks for devices once per process.
    env = dict(os.environ, PULSE_SERVER=f"unix:{tmp_path}/no-server/native", XDG_RUNTIME_DIR=str(tmp_path))
    code = (
        "from app.audio.devices import list_devices, require_input\n"
        "from app.errors import AudioDeviceError\n"
        "print(len(list_devices()))\n"
        "try:\n"
        "    require_input()\n"
        "except AudioDeviceError as error:\n"
        "    print('ERROR', error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    count, message = result.stdout.splitlines()[:2]
    assert count == "0"
    assert message.startswith("ERROR no microphone found -- connect a microphone")
