"""What the learner hears, taken from PulseAudio monitors with a clock.

The window benchmark plays a recording into the virtual microphone and wants
the time from the true end of that speech to the first audible sample of the
reply on the speaker. Both moments are read from sound, not from the app's own
bookkeeping: :class:`MonitorTap` records a source (``micfeed.monitor``, what
the microphone is fed; ``speaker.monitor``, what the app plays) with ``parec``
and knows when each sample was captured, so the two taps share one clock.

The clock: a chunk read at monotonic time ``t`` holding samples up to ``n``
was captured no later than ``t``, so sample ``i`` was captured at about
``t0 + i / rate`` with ``t0 = min(t - n / rate)`` over all reads (the read
with the least delay bounds it best; with 10 ms fragments the error is a few
milliseconds).
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time

import numpy as np

from app.audio.constants import ASR_RATE as RATE

AUDIBLE = 0.01  # the first sample louder than -40 dBFS is "audible", as app.practice.leading_silence_s counts it
# A silence in the reply at least this long is a gap between its pieces, not a
# pause between two words or at a comma (Piper's are under 150 ms at rate 1.0).
GAP_S = 0.25


class MonitorTap:
    def __init__(self, source: str, rate: int = RATE) -> None:
        if shutil.which("parec") is None:
            raise RuntimeError("parec (pulseaudio-utils) is needed to listen to the speaker")
        self.source, self.rate = source, rate
        self._chunks: list[np.ndarray] = []
        self._count = 0
        self._t0 = float("inf")
        self._lock = threading.Lock()
        self._process = subprocess.Popen(
            ["parec", f"--device={source}", "--raw", "--format=s16le", f"--rate={rate}",
             "--channels=1", "--latency-msec=10"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._thread = threading.Thread(target=self._read, name=f"tap-{source}", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        stream = self._process.stdout
        while True:
            data = stream.read1(3200) if hasattr(stream, "read1") else stream.read(320)
            if not data:
                return
            now = time.monotonic()
            samples = np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2").astype(np.float32) / 32768
            with self._lock:
                self._chunks.append(samples)
                self._count += samples.size
                self._t0 = min(self._t0, now - self._count / self.rate)

    def wait_started(self, timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        while self._count < self.rate // 10:
            if time.monotonic() > deadline or self._process.poll() is not None:
                raise RuntimeError(f"no audio from {self.source} (is PulseAudio running?)")
            time.sleep(0.01)

    def time_of(self, index: int) -> float:
        return self._t0 + index / self.rate

    def index_at(self, t: float) -> int:
        return max(0, int(round((t - self._t0) * self.rate)))

    def audio(self) -> np.ndarray:
        with self._lock:
            if len(self._chunks) > 1:
                self._chunks = [np.concatenate(self._chunks)]
            return self._chunks[0] if self._chunks else np.zeros(0, np.float32)

    def first_sound(self, after: float, before: float | None = None,
                    level: float = AUDIBLE) -> float | None:
        """Monotonic time of the first sample louder than ``level`` in
        [after, before), or None if there was none."""
        pcm = self.audio()
        start = self.index_at(after)
        stop = pcm.size if before is None else min(pcm.size, self.index_at(before))
        loud = np.flatnonzero(np.abs(pcm[start:stop]) >= level)
        return self.time_of(start + int(loud[0])) if loud.size else None

    def first_silence(self, after: float, before: float | None = None,
                      shortest_s: float = GAP_S, level: float = AUDIBLE) -> tuple[float, float] | None:
        """(start, end) in monotonic time of the first stretch of at least
        ``shortest_s`` with no sample louder than ``level`` in [after, before),
        starting after a sound: the gap after the reply's first piece. The end
        is the next audible sample (or ``before``); None when there is none."""
        pcm = self.audio()
        start = self.index_at(after)
        stop = pcm.size if before is None else min(pcm.size, self.index_at(before))
        loud = np.flatnonzero(np.abs(pcm[start:stop]) >= level)
        if loud.size < 2:
            return None
        spans = np.diff(loud)
        at = np.flatnonzero(spans >= shortest_s * self.rate)
        if not at.size:
            return None
        i = int(at[0])
        return self.time_of(start + int(loud[i]) + 1), self.time_of(start + int(loud[i + 1]))

    def close(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._thread.join(timeout=5)


def onset_s(pcm: np.ndarray, rate: int = RATE, level: float = AUDIBLE) -> float:
    """Where the first audible sample of a file is: the tap sees the played
    file begin there, which lines the file up with the tap's clock."""
    loud = np.flatnonzero(np.abs(np.asarray(pcm).reshape(-1)) >= level)
    return float(loud[0]) / rate if loud.size else 0.0
