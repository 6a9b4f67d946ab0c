"""Facts taken from saved turns on a worker thread of their own.

A turn's words are read only after the turn is saved and its reply is out,
so extraction never sits on the way to the learner hearing the tutor. The
queue is drained when the session ends (``close``), so a command-line
session's facts are saved before the process exits.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
from datetime import date

from typing import TYPE_CHECKING

from app.errors import ParleyError
from app.memory import dates
from app.memory.extract import extract
from app.store.memory_store import MemoryQueries

if TYPE_CHECKING:
    from app.store.memory_store import FactView

log = logging.getLogger(__name__)
_STOP = object()


def remember_turn(store, session_id: int | None, turn_id: int | None, text: str,
                  said_on: date) -> list[FactView]:
    """Extract and keep the facts of one saved turn (nothing while memory is off)."""
    if not store.memory_on():
        return []
    from app.store.memory_store import FactRecord  # lazy: loads SQLAlchemy and libsndfile

    kept = []
    for fact in extract(text, said_on):
        view = store.remember(FactRecord(
            fact.kind, fact.subject, fact.slot, fact.value, fact.text, fact.when(),
            session_id=session_id, turn_id=turn_id, words=text))
        if view is not None:
            kept.append(view)
    return kept


def add_by_hand(store, text: str) -> FactView:
    """A fact the learner typed: understood as a statement when it parses as
    one ("I have a cat called Miso" is kept as they said it), else kept as a note."""
    from app.store.memory_store import FactRecord  # lazy: loads SQLAlchemy and libsndfile

    text = " ".join(text.split())
    if not text:
        raise ParleyError("nothing to remember", 'say it in words, e.g. "I live in Porto"')
    facts = extract(text, dates.today())
    views = [store.remember(FactRecord(f.kind, f.subject, f.slot, f.value, f.text, f.when(),
                                       words=text, source="learner")) for f in facts]
    views = [v for v in views if v is not None]
    if views:
        return views[0]
    slot = re.sub(r"\W+", " ", text.lower()).strip()[:80]
    return store.remember(FactRecord("note", "learner", slot, text, text, words=text,
                                     source="learner"))


class MemoryKeeper:
    """Reads facts from saved turns in the background, one turn at a time."""

    def __init__(self, store) -> None:
        self.store = store
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self.kept: list[FactView] = []  # what this session learned (the summary shows it)

    def after_turn(self, session_id: int, turn_id: int, text: str, said_on: date) -> None:
        if not isinstance(self.store, MemoryQueries):
            return  # a store without memory (a test double)
        self._start()
        self._queue.put((session_id, turn_id, text, said_on))

    def later(self, job) -> None:
        """Run ``job()`` on this thread, after the turns queued before it (e.g.
        judging a practice answer: a parse, kept off the reply's path)."""
        self._start()
        self._queue.put(job)

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="parley-memory", daemon=True)
            self._thread.start()

    def close(self, timeout: float = 30.0) -> None:
        """Finish the queued turns, then stop the worker."""
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout)
            self._thread = None

    def _work(self) -> None:
        while (item := self._queue.get()) is not _STOP:
            try:
                if callable(item):
                    item()
                else:
                    self.kept.extend(remember_turn(self.store, *item))
            except Exception:  # a fact missed is better than a session broken
                log.exception("memory: could not finish %r", item if callable(item) else item[1])
