"""Echo cancellation, so the learner can interrupt the tutor through speakers.

Without it the microphone hears the tutor's own voice from the loudspeakers
and voice barge-in would let the tutor interrupt itself. WebRTC's AEC3
(``pywebrtc-audio``) removes from the microphone signal what it can predict
from the *far end*, the audio being played:

- :class:`FarEnd` is that reference: the player's PortAudio callback hands it
  each block it outputs with the time the block reaches the speaker; it keeps
  the last few seconds at 16 kHz on one sample clock (monotonic time).
- :class:`EchoCancel` runs on the microphone thread: for each chunk it takes
  the far end played over the same stretch of time and lets AEC3 (which
  estimates the remaining speaker-to-microphone delay itself) subtract it.

``pywebrtc-audio`` is optional: :func:`available` says whether it is
installed; without it the app keeps voice barge-in off by default.
"""

from __future__ import annotations

import importlib.util
import threading

import numpy as np

RATE = 16000
# The reference is taken this much ahead of the chunk's own time (the player
# writes it about its output latency ahead): AEC3 can only cancel an echo that
# comes after its reference. On the virtual devices the echo came 17-19 ms
# after the reference taken at the chunk's time; AEC3 finds longer delays itself.
FAR_AHEAD_S = 0.03
JITTER_S = 0.04  # a block of the same stream this close to the last one's end continues it


def available() -> bool:
    return importlib.util.find_spec("pywebrtc_audio") is not None


class FarEnd:
    """What the speaker played, on a 16 kHz clock of monotonic time."""

    def __init__(self, seconds: float = 8.0, origin: float = 0.0) -> None:
        self._size = int(seconds * RATE)
        self._pcm = np.zeros(self._size, np.float32)
        self._index = np.full(self._size, -1, np.int64)  # the clock index each slot holds
        self._origin = origin
        self._next = None  # clock index right after the last block played
        self._stream = None
        self._lock = threading.Lock()

    def _clock(self, t: float) -> int:
        return int(round((t - self._origin) * RATE))

    def played(self, pcm: np.ndarray, sample_rate: int, at: float, stream: int = 0) -> None:
        """``pcm`` (mono) starts to sound at monotonic time ``at``, in output
        stream ``stream``. Called from the player's audio callback: a resample
        by interpolation and a copy."""
        pcm = np.asarray(pcm, np.float32).reshape(-1)
        if pcm.size == 0:
            return
        if sample_rate != RATE:
            count = max(1, int(round(pcm.size * RATE / sample_rate)))
            pcm = np.interp(np.arange(count) * (sample_rate / RATE), np.arange(pcm.size),
                            pcm).astype(np.float32)
        start = self._clock(at)
        with self._lock:
            # Blocks of one output stream follow each other without a gap; the
            # callback's own clock jitters by milliseconds, which would tear
            # the reference apart (the echo leaked), so a block continues the
            # last one unless it is a new stream or the clock says the output
            # really moved (an underrun left a gap).
            if (self._next is not None and stream == self._stream
                    and abs(start - self._next) < JITTER_S * RATE):
                start = self._next
            self._next, self._stream = start + pcm.size, stream
            clock = start + np.arange(pcm.size)
            slots = clock % self._size
            self._pcm[slots] = pcm
            self._index[slots] = clock

    def take(self, count: int, end_at: float) -> np.ndarray:
        """The ``count`` samples that sounded up to monotonic time ``end_at``
        (zeros where nothing played)."""
        clock = self._clock(end_at) - count + np.arange(count)
        with self._lock:
            slots = clock % self._size
            return np.where(self._index[slots] == clock, self._pcm[slots], 0.0).astype(np.float32)


class EchoCancel:
    """The microphone's chunks with the far end's echo taken out (AEC3)."""

    def __init__(self, far_end: FarEnd, stream_delay_ms: int = 0) -> None:
        from pywebrtc_audio import EchoCanceller

        self.far_end = far_end
        self._aec = EchoCanceller(sample_rate=RATE, num_channels=1,
                                  stream_delay_ms=stream_delay_ms)
        self.restart()

    def restart(self) -> None:
        """A new recording stream: its own clock (the filter stays converged)."""
        self._count = 0
        self._t0 = float("inf")

    def process(self, chunk: np.ndarray, arrived_at: float) -> np.ndarray:
        """``chunk``: the stream's next 16 kHz mono float32 samples, handed over
        at ``arrived_at``. A chunk can wait in the queue while the thread is
        busy, so the stream's clock is the earliest the samples could have
        been captured (as app.devtools.ear does), not the hand-over time."""
        chunk = np.asarray(chunk, np.float32).reshape(-1)
        self._count += chunk.size
        self._t0 = min(self._t0, arrived_at - self._count / RATE)
        far = self.far_end.take(chunk.size, self._t0 + self._count / RATE + FAR_AHEAD_S)
        return self._aec.process(chunk, far)
