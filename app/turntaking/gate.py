"""A gate that holds a turn's events until the turn is confirmed.

The live pipeline starts a turn speculatively when the learner pauses, before
the endpointer is sure the turn has ended. Its events (transcript, reply,
audio) are held here; when the end is confirmed the gate opens and they flow
at once, so the work done during the pause is already there. When the learner
goes on talking, the turn is cancelled and nothing was shown or heard.

A gate may also open *before* the end is confirmed (:meth:`Gate.open` with
``confirmed=False``: the reply starts to sound after a finished sentence's
short silence). Its events then flow, but the turn may not be saved
(:meth:`Gate.wait`) until the end is confirmed (:meth:`Gate.open` again), so
a learner who goes on can always take it back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from app.events import Event


class Gate:
    def __init__(self, open_now: bool = True,
                 peek: Callable[[Event], None] | None = None) -> None:
        # peek sees every event as it is emitted, held or not, on the turn's own
        # thread: the end-of-turn policy reads the speculative transcript there.
        self.peek = peek
        self._lock = threading.Lock()
        self._opened = threading.Event()
        self._confirmed = threading.Event()  # the end is certain: the turn may be saved
        self._held: list[tuple[Callable[[Event], None], Event]] = []
        self._abandoned = False
        self.opened_at: float | None = None
        if open_now:
            self.open()

    @property
    def is_open(self) -> bool:
        return self._opened.is_set()

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    def open(self, first: Callable[[], None] | None = None, confirmed: bool = True) -> bool:
        """Release the held events (in this thread) and let later ones straight
        through; ``first`` runs just before them (and only if the gate opens).
        ``confirmed``: the turn's end is certain, so it may be saved (an open
        gate is confirmed by opening it again). False when the turn behind the
        gate was abandoned: nothing will come."""
        with self._lock:
            if self._abandoned:
                return False
            if confirmed:
                self._confirmed.set()
            if self._opened.is_set():
                return True
            if first is not None:
                first()
            self.opened_at = time.monotonic()
            held, self._held = self._held, []
            for deliver, event in held:
                deliver(event)
            self._opened.set()
            return True

    def abandon(self) -> bool:
        """The turn behind the closed gate ended unheard (it failed or was
        cancelled): drop what it held, and never open. False if already open."""
        with self._lock:
            if self._opened.is_set():
                return False
            self._abandoned, self._held = True, []
            return True

    def wrap(self, deliver: Callable[[Event], None]) -> Callable[[Event], None]:
        def emit(event: Event) -> None:
            if self.peek is not None:
                self.peek(event)
            with self._lock:
                if self._abandoned:
                    return
                if not self._opened.is_set():
                    self._held.append((deliver, event))
                    return
            deliver(event)

        return emit

    def wait(self, should_stop: Callable[[], bool], poll_s: float = 0.02) -> bool:
        """Block until open and confirmed (True: the turn may be saved) or
        until ``should_stop()`` (False)."""
        while not self._confirmed.wait(poll_s):
            if should_stop() or self._abandoned:
                return False
        return True
