"""Work off the GUI thread: database work on one thread, audio/ASR on another.

The store is used from one thread at a time (a pool of one), so the review
pages never contend with each other for SQLite; recording, playback, speech
synthesis and recognition share a second pool of one, so a long listen never
delays a history query. Results come back to the GUI thread as queued signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:  # on a pool thread
        try:
            result = self.fn()
        except Exception as error:  # shown in the window, never a crash
            self.signals.failed.emit(f"{type(error).__name__}: {error}" if not str(error)
                                     else str(error))
        else:
            self.signals.done.emit(result)


class Tasks(QObject):
    """Starts callables on the "db" or "media" pool and calls back on the GUI thread."""

    failed = Signal(str)  # any task's error without its own handler
    idle = Signal()  # no task left running (tests wait for it)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pools = {name: QThreadPool(self) for name in ("db", "media")}
        for pool in self.pools.values():
            pool.setMaxThreadCount(1)
        self._alive: set[_Signals] = set()

    @property
    def busy(self) -> bool:
        return bool(self._alive)

    def run(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
            failed: Callable[[str], None] | None = None, pool: str = "db") -> None:
        signals = _Signals()  # lives on the GUI thread: its slots run there
        self._alive.add(signals)
        if done is not None:
            signals.done.connect(done)
        signals.failed.connect(failed if failed is not None else self.failed.emit)
        signals.done.connect(lambda _r, s=signals: self._finish(s))
        signals.failed.connect(lambda _m, s=signals: self._finish(s))
        self.pools[pool].start(_Task(fn, signals))

    def _finish(self, signals: _Signals) -> None:
        self._alive.discard(signals)
        if not self._alive:
            self.idle.emit()

    def wait(self) -> None:
        """Until every task has finished (the window stops its audio first, so
        a recording or playback ends within a chunk)."""
        for pool in self.pools.values():
            pool.waitForDone(-1)
