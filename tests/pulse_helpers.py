"""What reaches the virtual speaker, for the tests that check the app was heard.

Needs the PulseAudio server that scripts/test.sh starts (sink `speaker`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from contextlib import contextmanager

import numpy as np
import pytest

RATE = 16000


def require_pulse() -> None:
    """Fail (never skip) when the virtual devices are missing: a skip would hide it."""
    if not os.environ.get("PULSE_SERVER") or not shutil.which("parec"):
        pytest.fail("PulseAudio is not set up: run the tests with `bash scripts/test.sh`",
                    pytrace=False)


class SpeakerCapture:
    """Records speaker.monitor (16 kHz mono s16) on a thread until closed;
    ``source="micfeed.monitor"``: what the virtual microphone hears."""

    RATE = RATE

    def __init__(self, source: str = "speaker.monitor") -> None:
        require_pulse()
        self._proc = subprocess.Popen(
            ["parec", "-d", source, "--rate", str(RATE), "--channels", "1",
             "--format", "s16le", "--raw", "--latency-msec=20"], stdout=subprocess.PIPE)
        self._data = bytearray()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while chunk := self._proc.stdout.read1(4096):
            self._data += chunk

    @property
    def samples(self) -> int:
        return len(self._data) // 2

    def audio(self, start: int = 0) -> np.ndarray:
        raw = bytes(self._data[: len(self._data) // 2 * 2])
        return (np.frombuffer(raw, dtype=np.int16).astype(np.float32) / 32768)[start:]

    def loud_seconds(self, start: int = 0, threshold: float = 0.01) -> float:
        """Seconds after sample ``start`` whose 10 ms RMS is above ``threshold``."""
        pcm = self.audio(start)
        frames = pcm[: pcm.size // 160 * 160].reshape(-1, 160)
        return float(np.sum(np.sqrt(np.mean(frames ** 2, axis=1)) > threshold)) / 100

    def close(self) -> None:
        self._proc.terminate()
        self._proc.wait(timeout=5)
        self._thread.join(timeout=5)


@contextmanager
def speaker_looped_into_mic(latency_ms: int = 20):
    """The virtual speaker's sound fed back into the virtual microphone, as
    laptop speakers are heard by the laptop's microphone (a PulseAudio
    module-loopback from speaker.monitor into micfeed)."""
    require_pulse()
    module = subprocess.run(["pactl", "load-module", "module-loopback", "source=speaker.monitor",
                             "sink=micfeed", f"latency_msec={latency_ms}"], capture_output=True,
                            text=True, check=True, timeout=10).stdout.strip()
    try:
        yield
    finally:
        subprocess.run(["pactl", "unload-module", module], timeout=10)
