"""What every text-to-speech backend offers the tutor.

A voice yields one float32 mono chunk per sentence so playback can begin after
the first sentence; models load only in :meth:`Voice.load` (never in the
constructor) so creating a voice is free and the caller decides when to pay
for the load (at start-up, behind a splash screen, or on first use).
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator

import numpy as np

MIN_RATE, MAX_RATE = 0.25, 4.0


class Voice(ABC):
    backend: str = ""

    def __init__(self, rate: float = 1.0) -> None:
        self._rate = self._check_rate(rate)
        self._loaded = False
        self._load_lock = threading.Lock()
        self._kept: dict[tuple[str, float], np.ndarray] = {}  # see keep()
        self.steady = False  # True: the same rhythm every time (see replay())

    # -- rate -------------------------------------------------------------------
    @staticmethod
    def _check_rate(rate: float) -> float:
        rate = float(rate)
        if not MIN_RATE <= rate <= MAX_RATE:
            raise ValueError(f"speaking rate must be between {MIN_RATE} and {MAX_RATE}, got {rate}")
        return rate

    @property
    def rate(self) -> float:
        """Speaking-rate multiplier: 1.0 normal, 0.75 slow (for learners), 1.25 fast."""
        return self._rate

    @rate.setter
    def rate(self, value: float) -> None:
        self._rate = self._check_rate(value)

    # -- loading ----------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._loaded

    def load(self) -> None:
        """Load the model (idempotent, thread-safe). Raises ParleyError subclasses."""
        with self._load_lock:
            if not self._loaded:
                self._load()
                self._loaded = True

    @abstractmethod
    def _load(self) -> None: ...

    @property
    @abstractmethod
    def sample_rate(self) -> int: ...

    # -- synthesis --------------------------------------------------------------
    def synthesize(self, text: str) -> Iterator[np.ndarray]:
        """float32 mono chunks at sample_rate, one per sentence. Loads on first use."""
        if not text or not text.strip():
            return iter(())
        kept = None if self.steady else self._kept.get((text.strip(), self._rate))
        if kept is not None:
            return iter((kept.copy(),))
        self.load()
        return self._synthesize(text)

    def keep(self, phrases: Iterable[str]) -> None:
        """Render these short phrases now, at the current rate, and answer them
        from memory from then on. A reply's first piece is one of a dozen fixed
        openers ("So,", "Oh no,", "I see."): rendering it stood between the
        learner's last word and the tutor's first sound (docs/benchmarks.md)."""
        for phrase in dict.fromkeys(p.strip() for p in phrases if p.strip()):
            if (phrase, self._rate) not in self._kept:
                self._kept[(phrase, self._rate)] = self.synthesize_all(phrase)

    @abstractmethod
    def _synthesize(self, text: str) -> Iterator[np.ndarray]: ...

    def synthesize_all(self, text: str) -> np.ndarray:
        chunks = list(self.synthesize(text))
        return np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)

    def replay(self, text: str, rate_factor: float = 1.0) -> np.ndarray:
        """``text`` again at ``rate_factor`` times the set rate (0.75: slowly)
        with a steady rhythm, so a line the learner shadows sounds the same on
        every replay and the slow one is always slower."""
        old_rate, old_steady = self._rate, self.steady
        try:
            self._rate = max(MIN_RATE, min(MAX_RATE, rate_factor * old_rate))
            self.steady = True
            return self.synthesize_all(text)
        finally:
            self._rate, self.steady = old_rate, old_steady

    def close(self) -> None:
        """Release the model (optional; the next synthesize() loads it again)."""
        with self._load_lock:
            self._loaded = False

    def __repr__(self) -> str:
        return f"{type(self).__name__}(backend={self.backend!r}, rate={self._rate})"
