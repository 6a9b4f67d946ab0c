"""Which microphone chunks are only the tutor's echo, so they cannot start a turn.

AEC3 does not always take the echo out: in the session's first reply its
filter has not converged, and for a while its output can be the raw
microphone itself, loud enough for the VAD to hear speech and the tutor to
interrupt itself. Levels cannot tell that leak from a learner (both come out
of the canceller at the microphone's level); likeness can: an echo is the
reference, delayed, so the microphone's last 100 ms match the reference
closely at the echo's delay, while a learner's voice does not, and a learner
talking over the echo lowers the match
(docs/decisions/0009-echo-gate-for-voice-barge-in.md; figures in
docs/benchmarks.md).

:class:`EchoGate` finds the echo's delay from close matches (searched over
0-250 ms), then judges each chunk by its likeness at that delay (a few ms
either way). It only judges; the audio itself goes on unchanged, so a
learner's onset inside the pre-roll is still transcribed.
"""

from __future__ import annotations

import threading
from collections import deque

import numpy as np

WINDOW = 1600  # 100 ms of microphone compared with the reference
MAX_LAG = 4000  # echo delays searched: 0-250 ms behind the reference
LOCK_CORR = 0.85  # a match this close gives the echo's delay (unrelated speech stays under)
ECHO_CORR = 0.6  # this alike at the echo's delay: the echo, not the learner
DRIFT = 80  # the delay may move this much (5 ms) between close matches
QUIET = 1e-6  # mean square under which there is nothing to compare (-60 dBFS)
_FFT = 1 << int(np.ceil(np.log2(WINDOW + MAX_LAG + WINDOW)))


class EchoGate:
    """Judge each chunk of one microphone stream: echo only, or maybe the learner."""

    SPAN = WINDOW + MAX_LAG  # reference samples each judgement needs, ending at the chunk's end

    def __init__(self) -> None:
        self.delay: int | None = None  # samples the echo comes behind the reference
        self._raw = np.zeros(WINDOW, np.float32)
        self._verdicts: deque[tuple[int, bool]] = deque(maxlen=2000)  # (end sample, echo)
        self._lock = threading.Lock()

    def restart(self) -> None:
        """A new recording stream: positions count from 0 again (the delay stays)."""
        self._raw[:] = 0.0
        with self._lock:
            self._verdicts.clear()

    def judge(self, chunk: np.ndarray, far: np.ndarray, end: int) -> bool:
        """``chunk``: raw microphone samples ending at stream sample ``end``;
        ``far``: the last :attr:`SPAN` reference samples up to the same time."""
        self._raw = np.concatenate([self._raw, chunk])[-WINDOW:]
        echo = self._is_echo(far)
        with self._lock:
            self._verdicts.append((end, echo))
        return echo

    def echo_only(self, start: int, end: int) -> bool:
        """Whether the stream's samples ``start``-``end`` (a VAD frame) are
        the echo: as the chunk that holds the last of them was judged."""
        verdict = False  # not judged: no evidence of echo
        with self._lock:
            for chunk_end, echo in reversed(self._verdicts):
                if chunk_end < end:
                    break
                verdict = echo
        return verdict

    def _is_echo(self, far: np.ndarray) -> bool:
        raw = self._raw
        raw_energy = float(np.dot(raw, raw))
        if raw_energy < QUIET * WINDOW or float(np.mean(np.square(far))) < QUIET:
            return False
        corr = _likeness(raw, raw_energy, far)
        best = int(np.argmax(corr))
        if corr[best] >= LOCK_CORR:
            self.delay = best
        if self.delay is None:
            return False  # no echo found yet
        low, high = max(0, self.delay - DRIFT), self.delay + DRIFT + 1
        return bool(corr[low:high].max() >= ECHO_CORR)


def _likeness(raw: np.ndarray, raw_energy: float, far: np.ndarray) -> np.ndarray:
    """|normalised correlation| of ``raw`` with ``far`` delayed by 0..MAX_LAG
    samples (index = delay), through one FFT."""
    spectrum = np.fft.rfft(far, _FFT) * np.conj(np.fft.rfft(raw, _FFT))
    dot = np.fft.irfft(spectrum, _FFT)[:MAX_LAG + 1][::-1]  # far[start:start+WINDOW] . raw
    squares = np.concatenate([[0.0], np.cumsum(np.square(far, dtype=np.float64))])
    far_energy = (squares[WINDOW:] - squares[:-WINDOW])[::-1]  # same order: by delay
    ok = far_energy > QUIET * WINDOW
    return np.where(ok, np.abs(dot) / np.sqrt(raw_energy * np.maximum(far_energy, 1e-20)), 0.0)
