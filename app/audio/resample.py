"""Sample-rate conversion in numpy alone (scipy is not a dependency).

A rational polyphase resampler with a Kaiser-windowed sinc kernel: for a ratio
dst/src = L/M every output sample sits at one of L fractional positions between
input samples, so the L kernels are computed once and each output is one dot
product over ~2*ZERO_CROSSINGS/cutoff input samples. Cut-off sits just under the
lower Nyquist, so downsampling does not alias (stopband about -80 dB).

:class:`StreamResampler` keeps its history between calls so a microphone whose
hardware refuses 16 kHz can be resampled chunk by chunk without clicks at the
chunk edges; :func:`resample` is the same code run on a whole signal.
"""

from __future__ import annotations

from math import gcd

import numpy as np

ZERO_CROSSINGS = 16  # kernel half-width in zero crossings: quality vs cost
ROLLOFF = 0.94  # pass band edge as a fraction of the lower Nyquist frequency
KAISER_BETA = 8.6
_MAX_TABLE_PHASES = 4096  # above this (odd rate pairs) kernels are computed per block
_BLOCK = 8192  # outputs per vectorised step: bounds the temporary (block x taps) arrays


class StreamResampler:
    """Resample a stream chunk by chunk; output equals :func:`resample` on the whole."""

    def __init__(self, src_sr: int, dst_sr: int) -> None:
        if src_sr <= 0 or dst_sr <= 0:
            raise ValueError(f"sample rates must be positive, got {src_sr} -> {dst_sr}")
        g = gcd(int(src_sr), int(dst_sr))
        self.src_sr, self.dst_sr = int(src_sr), int(dst_sr)
        self._up, self._down = self.dst_sr // g, self.src_sr // g  # L, M
        # cut-off in cycles per input sample (input Nyquist = 0.5)
        self._fc = 0.5 * min(1.0, self.dst_sr / self.src_sr) * ROLLOFF
        self._half = ZERO_CROSSINGS / (2.0 * self._fc)  # kernel half-width, input samples
        self._k = int(np.ceil(self._half))
        self._offsets = np.arange(-self._k + 1, self._k + 1)  # taps relative to floor(t)
        self._table = (
            self._kernel(np.arange(self._up) / self._up) if self._up <= _MAX_TABLE_PHASES else None
        )
        self.reset()

    def reset(self) -> None:
        # The buffer starts with k zeros so the first outputs see a zero past.
        self._buf = np.zeros(self._k, dtype=np.float32)
        self._buf_start = -self._k  # input index of _buf[0]
        self._n_out = 0  # index of the next output sample
        self._n_in = 0  # input samples received

    @property
    def n_out(self) -> int:
        """Outputs given so far: the index the next output has."""
        return self._n_out

    def _kernel(self, frac: np.ndarray) -> np.ndarray:
        """Weights (len(frac), taps) for outputs at fractional positions frac in [0, 1)."""
        t = self._offsets[None, :] - frac[:, None]
        x = np.clip(t / self._half, -1.0, 1.0)
        window = np.i0(KAISER_BETA * np.sqrt(1.0 - x * x)) / np.i0(KAISER_BETA)
        h = np.sinc(2.0 * self._fc * t) * window
        # Normalise each phase to unit DC gain so a constant stays constant (no ripple).
        return (h / h.sum(axis=1, keepdims=True)).astype(np.float32)

    def _emit(self, n_end: int) -> np.ndarray:
        """Outputs n_out .. n_end-1; their input windows must lie inside the buffer."""
        parts = []
        for first in range(self._n_out, n_end, _BLOCK):
            n = np.arange(first, min(first + _BLOCK, n_end), dtype=np.int64)
            pos = n * self._down  # output position times L, in input samples
            base, phase = pos // self._up, pos % self._up
            weights = self._table[phase] if self._table is not None else self._kernel(phase / self._up)
            idx = (base - self._buf_start)[:, None] + self._offsets[None, :]
            parts.append(np.einsum("ij,ij->i", self._buf[idx], weights))
        self._n_out = n_end
        return np.concatenate(parts).astype(np.float32) if parts else np.zeros(0, np.float32)

    def _ready(self, available_end: int) -> int:
        """End (exclusive) of the outputs whose input window lies below available_end."""
        # output n reads inputs up to floor(n*M/L) + k, so it needs floor(n*M/L) < lim
        lim = available_end - self._k
        if lim <= 0:
            return self._n_out
        return max(self._n_out, (lim * self._up - 1) // self._down + 1)

    def _trim(self) -> None:
        # Keep only what the next output still needs, so memory stays bounded.
        need_from = (self._n_out * self._down) // self._up - self._k + 1
        drop = max(0, need_from - self._buf_start)
        if drop:
            self._buf = self._buf[drop:]
            self._buf_start += drop

    def process(self, chunk: np.ndarray) -> np.ndarray:
        """Feed input samples; return the outputs that are now fully determined."""
        chunk = np.asarray(chunk, dtype=np.float32).reshape(-1)
        if self._up == self._down:
            self._n_in += len(chunk)
            self._n_out += len(chunk)
            return chunk.copy()
        self._buf = np.concatenate([self._buf, chunk])
        self._n_in += len(chunk)
        out = self._emit(self._ready(self._n_in))
        self._trim()
        return out

    def flush(self) -> np.ndarray:
        """The remaining outputs, treating the input after the end as zeros."""
        if self._up == self._down:
            return np.zeros(0, np.float32)
        total = -(-self._n_in * self._up // self._down)  # ceil(n_in * L / M)
        self._buf = np.concatenate([self._buf, np.zeros(self._k + 1, np.float32)])
        out = self._emit(max(self._n_out, total))
        self._trim()
        return out


def resample(pcm: np.ndarray, src_sr: int, dst_sr: int) -> np.ndarray:
    """float32 mono pcm at src_sr -> float32 at dst_sr (length ceil(n * dst/src))."""
    pcm = np.asarray(pcm, dtype=np.float32).reshape(-1)
    if int(src_sr) == int(dst_sr):
        return pcm.copy()
    stream = StreamResampler(src_sr, dst_sr)
    head = stream.process(pcm)
    return np.concatenate([head, stream.flush()])
