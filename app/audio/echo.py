"""Echo cancellation, so the learner can interrupt the tutor through speakers.

Without it the microphone hears the tutor's own voice from the loudspeakers
and voice barge-in would let the tutor interrupt itself. WebRTC's AEC3
(``pywebrtc-audio``) removes from the microphone signal what it can predict
from the *far end*, the audio being played:

- :class:`FarEnd` is that reference: the player's PortAudio callback hands it
  every block it outputs; it keeps the last few seconds at 16 kHz on one
  sample clock (monotonic time), each stream placed by its sample count from
  the time its first block reaches the speaker.
- :class:`EchoCancel` runs in the microphone's callback: for each chunk it
  takes the far end played over the same stretch of time and lets AEC3 (which
  estimates the remaining speaker-to-microphone delay itself) subtract it.
  AEC3 still lets the echo through at times (its first second, a jump in the
  delay), so each chunk is also judged echo only or not
  (:mod:`app.audio.echo_gate`): echo alone cannot start the learner's turn.

``pywebrtc-audio`` is optional: :func:`available` says whether it is
installed; without it the app keeps voice barge-in off by default.
"""

from __future__ import annotations

import importlib.util
import threading
from collections import deque

import numpy as np

from app.audio.constants import ASR_RATE as RATE
from app.audio.echo_gate import EchoGate
from app.audio.resample import StreamResampler

# The reference is taken this much ahead of the chunk's own time (the player
# writes it about its output latency ahead): AEC3 can only cancel an echo that
# comes after its reference, and a reference taken at the chunk's own time
# leads the echo by too little to be safe (docs/benchmarks.md, "Voice barge-in
# through loudspeakers"); AEC3 finds longer delays itself.
FAR_AHEAD_S = 0.03
JITTER_S = 0.04  # blocks later than their count by more than this ...
GAP_BLOCKS = 4  # ... this many in a row: the output has a gap (one alone: jitter)
# No echo path (headphones): the far end this loud (-40 dBFS) for this long,
# and the microphone's energy this far under the far end's over that time
# (a loudspeaker's echo comes 10-30 dB under it; a room's noise under
# headphones 30-50 dB under a voice at -20 dBFS).
FAR_LOUD = 1e-4
NO_ECHO_EVIDENCE_S = 0.3
NO_ECHO_DB = 25


def available() -> bool:
    return importlib.util.find_spec("pywebrtc_audio") is not None


class FarEnd:
    """What the speaker played, on a 16 kHz clock of monotonic time."""

    def __init__(self, seconds: float = 8.0, origin: float = 0.0) -> None:
        self._size = int(seconds * RATE)
        self._pcm = np.zeros(self._size, np.float32)
        self._index = np.full(self._size, -1, np.int64)  # the clock index each slot holds
        self._origin = origin
        self._stream = None  # the output stream being followed, and its rate
        self._rate = 0
        self._resampler: StreamResampler | None = None
        self._anchor = 0  # clock index of the stream's first sample (at 16 kHz)
        self._written = 0  # samples the stream has output, at its own rate
        self._late: deque[int] = deque(maxlen=GAP_BLOCKS)  # how much later than counted
        self._lock = threading.Lock()

    def _clock(self, t: float) -> int:
        return int(round((t - self._origin) * RATE))

    def played(self, pcm: np.ndarray, sample_rate: int, at: float, stream: int = 0) -> None:
        """``pcm`` (mono), the next block output stream ``stream`` writes,
        silence included, starts to sound at monotonic time ``at``. Called
        from the player's audio callback: a resample and a copy.

        A stream's samples are placed by their count from its first block, not
        by each block's ``at``: the callback's clock jitters by milliseconds
        and every jump in the reference is a jump in the echo's delay that
        AEC3 has to find again (the echo leaks while it does; a single late
        callback can move the reference past the echo, and then nothing is
        cancelled). But when the output runs dry (a loaded machine), the
        speaker really falls behind the count, mostly without PortAudio
        saying so: when the last few blocks all say they sound later than
        their count, the rest of the stream moves by the least of them
        (docs/benchmarks.md, "Voice barge-in through loudspeakers")."""
        pcm = np.asarray(pcm, np.float32).reshape(-1)
        if pcm.size == 0:
            return
        at_clock = self._clock(at)
        with self._lock:
            if stream != self._stream or sample_rate != self._rate:
                self._stream, self._rate, self._written = stream, sample_rate, 0
                self._anchor = at_clock
                self._resampler = StreamResampler(sample_rate, RATE)
                self._late.clear()
            self._late.append(at_clock - self._anchor
                              - int(round(self._written * RATE / sample_rate)))
            if len(self._late) == self._late.maxlen and min(self._late) > JITTER_S * RATE:
                self._anchor += min(self._late)  # a gap in the output
                self._late.clear()
            self._written += pcm.size
            first = self._resampler.n_out
            out = self._resampler.process(pcm)  # continuous: no phase reset per block
            clock = self._anchor + first + np.arange(out.size)
            slots = clock % self._size
            self._pcm[slots] = out
            self._index[slots] = clock

    def take(self, count: int, end_at: float) -> np.ndarray:
        """The ``count`` samples that sounded up to monotonic time ``end_at``
        (zeros where nothing played)."""
        clock = self._clock(end_at) - count + np.arange(count)
        with self._lock:
            slots = clock % self._size
            return np.where(self._index[slots] == clock, self._pcm[slots], 0.0).astype(np.float32)


class EchoCancel:
    """The microphone's chunks with the far end's echo taken out (AEC3), and
    for each a verdict whether it was only that echo (:meth:`echo_only`)."""

    def __init__(self, far_end: FarEnd, stream_delay_ms: int = 0) -> None:
        from pywebrtc_audio import EchoCanceller  # lazy: loads WebRTC audio

        self.far_end = far_end
        self._aec = EchoCanceller(sample_rate=RATE, num_channels=1,
                                  stream_delay_ms=stream_delay_ms)
        self.gate = EchoGate()
        self._no_echo = False  # shown that the microphone does not hear the speaker
        # Samples of loud far end heard so far; the far end's and the mic's energy in them.
        self._far_heard, self._far_energy, self._mic_energy = 0, 0.0, 0.0
        self.restart()

    def restart(self) -> None:
        """A new recording stream: its own clock (the filter stays converged)."""
        self._count = 0
        self._t0 = float("inf")
        self.gate.restart()

    def process(self, chunk: np.ndarray, arrived_at: float) -> np.ndarray:
        """``chunk``: the stream's next 16 kHz mono float32 samples, handed over
        at ``arrived_at``. A chunk can wait in the queue while the thread is
        busy, so the stream's clock is the earliest the samples could have
        been captured (as app.devtools.ear does), not the hand-over time."""
        chunk = np.asarray(chunk, np.float32).reshape(-1)
        self._count += chunk.size
        self._t0 = min(self._t0, arrived_at - self._count / RATE)
        span = max(chunk.size, EchoGate.SPAN)
        far = self.far_end.take(span, self._t0 + self._count / RATE + FAR_AHEAD_S)
        self.gate.judge(chunk, far[-EchoGate.SPAN:], self._count)
        cleaned = self._aec.process(chunk, far[-chunk.size:])
        return chunk if self._no_echo_path(chunk, far[-chunk.size:]) else cleaned

    @property
    def no_echo_path(self) -> bool:
        """Shown that the microphone does not hear the speaker (headphones)."""
        return self._no_echo

    def _no_echo_path(self, chunk: np.ndarray, far: np.ndarray) -> bool:
        """Whether the microphone has been shown not to hear the speaker (as
        with headphones): then the chunk goes on as it is. AEC3 starts out
        suppressing whatever the microphone hears while the far end plays,
        echo or not, and a learner talking over the tutor's first seconds
        went unheard for up to 2 s. The evidence: the far end played loud
        for NO_ECHO_EVIDENCE_S while the microphone's energy stayed
        NO_ECHO_DB under the far end's, and no echo was found. It holds
        until the gate finds an echo."""
        if self.gate.delay is not None:
            self._no_echo = False
            return False
        if self._no_echo:
            return True
        far_power = float(np.mean(np.square(far)))
        if far_power < FAR_LOUD:
            return False
        self._far_heard += chunk.size
        self._far_energy += far_power * chunk.size
        self._mic_energy += float(np.dot(chunk, chunk))
        self._no_echo = (self._far_heard >= NO_ECHO_EVIDENCE_S * RATE
                         and self._mic_energy <= self._far_energy * 10 ** (-NO_ECHO_DB / 10))
        return self._no_echo

    def echo_only(self, start: int, end: int) -> bool:
        """Whether this stream's samples ``start``-``end`` were only the echo
        (app.audio.echo_gate): such audio cannot start the learner's turn."""
        return self.gate.echo_only(start, end)
