"""Device code without a sound server: PortAudio missing, a stalled source, a
device that refuses 16 kHz. The fakes stand in for sounddevice (named fake_*)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import types
from pathlib import Path

import numpy as np
import pytest

from app.audio import devices
from app.audio.recorder import Recorder, record
from app.errors import AudioDeviceError

ROOT = Path(__file__).resolve().parents[2]


def _run_python(code: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def test_importing_audio_and_voice_loads_nothing_heavy():
    code = (
        "import sys\n"
        "import app.audio, app.audio.wavio, app.audio.resample, app.audio.devices\n"
        "import app.audio.recorder, app.audio.player, app.audio.vad\n"
        "import app.voice, app.voice.base, app.voice.splitter, app.voice.factory\n"
        "import app.voice.piper_voice, app.voice.pyttsx3_voice\n"
        "from app.voice.factory import create_voice\n"
        "create_voice('piper'); create_voice('pyttsx3')\n"
        "heavy = ['sounddevice', 'soundfile', 'onnxruntime', 'piper', 'pyttsx3', 'faster_whisper', 'PySide6']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = _run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_without_portaudio_listing_is_empty_and_errors_say_what_to_install():
    code = (
        "import sys\n"
        "class NoPortAudio:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'sounddevice':\n"
        "            raise OSError('PortAudio library not found')\n"
        "sys.meta_path.insert(0, NoPortAudio())\n"
        "from app.audio.devices import list_devices, require_input, default_input\n"
        "from app.errors import AudioDeviceError\n"
        "print(list_devices(), default_input())\n"
        "try:\n"
        "    require_input()\n"
        "except AudioDeviceError as error:\n"
        "    print('ERROR', error)\n"
    )
    result = _run_python(code)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "[] None"
    assert lines[1].startswith("ERROR no audio devices: PortAudio library not found -- ")
    assert "libportaudio2" in lines[1]


class FakeStream:
    """A fake sounddevice.InputStream; ``deliver`` says what its thread sends."""

    refuse_rates: set[int] = set()
    deliver: str = "nothing"  # "nothing" = a stalled source, "sine" = 1 kHz tone

    def __init__(self, device, samplerate, channels, dtype, blocksize, callback):
        if samplerate in self.refuse_rates:
            raise RuntimeError("Invalid sample rate [PaErrorCode -9997]")
        self.samplerate, self.channels, self.blocksize = samplerate, channels, blocksize
        self.callback = callback
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        n = 0
        while not self._stop.is_set() and self.deliver == "sine":
            t = (n + np.arange(self.blocksize)) / self.samplerate
            block = np.repeat((0.5 * np.sin(2 * np.pi * 1000 * t))[:, None], self.channels, axis=1)
            self.callback(block.astype(np.float32), self.blocksize, None, None)
            n += self.blocksize
            time.sleep(self.blocksize / self.samplerate / 4)  # faster than real time

    def start(self):
        self._thread.start()

    def abort(self):
        self._stop.set()

    def close(self):
        self._stop.set()


@pytest.fixture
def fake_sounddevice(monkeypatch):
    module = types.SimpleNamespace(
        query_devices=lambda: [
            {"index": 0, "name": "Fake Mic", "max_input_channels": 2, "max_output_channels": 0,
             "default_samplerate": 48000.0},
        ],
        default=types.SimpleNamespace(device=[0, -1]),
        InputStream=FakeStream,
    )
    monkeypatch.setitem(sys.modules, "sounddevice", module)
    monkeypatch.setattr(FakeStream, "refuse_rates", set())
    monkeypatch.setattr(FakeStream, "deliver", "nothing")
    return module


@pytest.mark.timeout(30)
def test_record_gives_up_when_the_source_stops_delivering(fake_sounddevice):
    started = time.monotonic()
    with pytest.raises(AudioDeviceError) as info:
        record(1.0, timeout=0.5)
    assert time.monotonic() - started < 3.0
    assert "stopped sending audio" in info.value.problem


@pytest.mark.timeout(30)
def test_recorder_resamples_when_16k_is_refused(fake_sounddevice):
    FakeStream.refuse_rates = {16000}
    FakeStream.deliver = "sine"
    audio = record(1.0, timeout=5)
    assert audio.size == 16000 and audio.dtype == np.float32
    spectrum = np.abs(np.fft.rfft(audio * np.hanning(audio.size)))
    assert abs(np.fft.rfftfreq(audio.size, 1 / 16000)[np.argmax(spectrum)] - 1000) < 2


@pytest.mark.timeout(30)
def test_recorder_reports_device_rate_queue_and_level(fake_sounddevice):
    FakeStream.refuse_rates = {16000}
    FakeStream.deliver = "sine"
    seen = []
    recorder = Recorder(on_chunk=seen.append)
    recorder.start()
    assert recorder.wait_for_samples(8000, timeout=5)
    audio = recorder.stop()
    assert recorder.device_rate == 48000 and not recorder.is_recording
    assert audio.size >= 8000 and sum(c.size for c in seen) == audio.size
    assert recorder.get_chunk(timeout=0.1) is not None
    assert -10 < recorder.level_dbfs < -5  # a 0.5-amplitude sine is -9 dBFS


def test_device_lookup(fake_sounddevice):
    [mic] = devices.list_devices()
    assert mic.name == "Fake Mic" and mic.is_default_input and not mic.is_default_output
    assert devices.require_input("fake").index == 0
    assert devices.require_input(0) == mic
    with pytest.raises(AudioDeviceError, match="microphone 'USB' not found -- choose one of: Fake Mic"):
        devices.require_input("USB")
    with pytest.raises(AudioDeviceError, match="no speaker found"):
        devices.require_output()


def test_no_devices_at_all(monkeypatch, fake_sounddevice):
    fake_sounddevice.query_devices = lambda: []
    fake_sounddevice.default = types.SimpleNamespace(device=[-1, -1])
    assert devices.list_devices() == [] and devices.default_input() is None
    with pytest.raises(AudioDeviceError) as info:
        devices.require_input()
    assert str(info.value).startswith("no microphone found -- connect a microphone")
