"""The learner's own rhythm: how long they pause in the middle of a thought.

Learners pause more, and longer, than the speakers that turn detectors are
trained on, and each learner differently. :class:`Rhythm` keeps the pauses a
learner went on after: from the word timings of their saved turns (across
sessions: the store keeps every turn's words) and, live, every pause in this
session after which they spoke again (the endpointer's resumption). From
them it sets how long the tutor waits through a pause that may be a thinking
one: a little longer than nine in ten of those pauses, never under
``MIN_THINKING_MS`` (a learner who hardly pauses gets answered sooner) and
never over their patience (Settings, "Wait while I think").

Thread-safe: the mic thread adds pauses, the practice worker and the window
read it.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable

import numpy as np

MIN_PAUSES = 5  # fewer known pauses: the defaults
KEEP = 200  # the most recent pauses kept
MIN_PAUSE_MS = 150  # shorter gaps are articulation, not pauses
MIN_THINKING_MS = 800  # the floor: however briskly the learner talks


def usual_pause_ms(pauses_ms: Iterable[float]) -> float | None:
    """1.25 x the 90th percentile of the pauses, plus 100 ms; None with too few."""
    pauses = np.asarray([p for p in pauses_ms if p >= MIN_PAUSE_MS], dtype=float)
    if pauses.size < MIN_PAUSES:
        return None
    return float(np.percentile(pauses, 90)) * 1.25 + 100


class Rhythm:
    def __init__(self, pauses_ms: Iterable[float] = ()) -> None:
        self._lock = threading.Lock()
        self._pauses: deque[float] = deque(
            (float(p) for p in pauses_ms if p >= MIN_PAUSE_MS), maxlen=KEEP)
        self.heard_live = 0  # pauses added in this session

    def add(self, pause_ms: float) -> None:
        """The learner went on after ``pause_ms`` of silence (mic thread)."""
        if pause_ms >= MIN_PAUSE_MS:
            with self._lock:
                self._pauses.append(float(pause_ms))
                self.heard_live += 1

    @property
    def pauses(self) -> list[float]:
        with self._lock:
            return list(self._pauses)

    @property
    def known(self) -> bool:
        """Enough pauses are known for the learner's own waits."""
        return usual_pause_ms(self.pauses) is not None

    def wait_ms(self, default_ms: float, patience_ms: float) -> int:
        """How long a pause that may be a thinking one is waited through:
        ``default_ms`` until enough pauses are known, then the learner's usual
        long pause, between MIN_THINKING_MS and ``patience_ms``."""
        usual = usual_pause_ms(self.pauses)
        wait = default_ms if usual is None else max(usual, MIN_THINKING_MS)
        return int(min(wait, patience_ms))
