"""The small types a turn and whoever starts or stops it share: the practice
(app/practice.py) runs turns with them, turn-taking (app/turntaking) and the
window's worker (app/ui/worker.py) start and cancel turns with them.

A leaf: it imports nothing of the app, so turn-taking can cancel a turn
without importing the practice that runs it.
"""

from __future__ import annotations

import threading


class TurnCancelled(Exception):
    """The learner interrupted the turn (barge-in, Stop, closing the window)."""


class CancelToken:
    """Explicit cancellation: the turn checks it between tokens and stages.

    A turn about to save first calls :meth:`commit`: from then on it is saved
    whatever happens, and :meth:`cancel` says so by returning False. Whoever
    cancels (the window's barge-in) thereby knows at once whether the turn will
    end cancelled or saved, and never waits for a cancellation that will not
    come because it landed while the turn was saving (or warming up for the
    next one).
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._committed = False

    def cancel(self) -> bool:
        """Stop the turn at its next check. False when it is already saving."""
        with self._lock:
            if self._committed:
                return False
            self._event.set()
            return True

    def commit(self) -> None:
        """The turn saves now: cancelled before this it raises, after it never."""
        with self._lock:
            if self._event.is_set():
                raise TurnCancelled()
            self._committed = True

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    @property
    def committed(self) -> bool:
        return self._committed

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise TurnCancelled()
