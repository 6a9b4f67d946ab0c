"""Capture what reaches the virtual speaker (parec on speaker.monitor) for the
review UI tests; needs the PulseAudio server scripts/test.sh starts."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading

import numpy as np
import pytest


def require_pulse() -> None:
    if not os.environ.get("PULSE_SERVER") or not shutil.which("parec"):
        pytest.fail("PulseAudio is not set up: run the tests with scripts/test.sh", pytrace=False)


class SpeakerCapture:
    """16 kHz mono s16 from speaker.monitor, read on a thread until closed."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            ["parec", "-d", "speaker.monitor", "--raw", "--format", "s16le", "--rate", "16000",
             "--channels", "1", "--latency-msec=20"], stdout=subprocess.PIPE)
        self._data = bytearray()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while chunk := self._proc.stdout.read1(4096):
            self._data += chunk

    def audio(self) -> np.ndarray:
        raw = bytes(self._data[: len(self._data) // 2 * 2])
        return np.frombuffer(raw, dtype=np.int16).astype(np.float32) / 32768

    def loud_seconds(self, threshold: float = 0.01) -> float:
        """Seconds whose 10 ms RMS is above ``threshold``."""
        pcm = self.audio()
        frames = pcm[: pcm.size // 160 * 160].reshape(-1, 160)
        return float(np.sum(np.sqrt(np.mean(frames**2, axis=1)) > threshold)) / 100

    def close(self) -> None:
        self._proc.terminate()
        self._proc.wait(timeout=5)
        self._thread.join(timeout=5)
