"""Run an iterator ahead of its reader, on a worker thread.

The tutor's reply starts with a recast that needs no model; the voice
speaks it while the model writes the follow-up. Read in one thread, the
model would wait for the voice (and the voice for the model): here the
reply's generator runs on its own thread and the reader takes the pieces
as they come.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")
_ITEM, _ERROR, _DONE = range(3)


def ahead(source: Iterator[T], name: str = "ahead",
          hold: threading.Event | None = None,
          hold_again: Callable[[], bool] = lambda: False) -> Iterator[T]:
    """Yield ``source``'s items, computed on a worker thread.

    ``hold``: after the first item the worker waits until it is set, so the
    reader's work on that item (the voice's first audio) has the cores to
    itself; the worker then runs while that audio plays. ``hold_again``,
    asked after the second item: whether to wait for ``hold`` once more (the
    reader sets it again when that item's audio is out). The worker's
    exceptions are raised here. When the reader stops early (an exception, a
    cancelled turn) the worker stops after its current item and is joined, so
    nothing runs on behind the caller's back.
    """
    items: queue.Queue = queue.Queue()
    stop = threading.Event()

    def work() -> None:
        try:
            for count, item in enumerate(source, 1):
                if count == 2 and hold is not None:
                    hold.clear()  # the first item's wait is over: the second's may begin
                items.put((_ITEM, item))
                waits = count == 1 or (count == 2 and hold_again())
                while waits and hold is not None and not stop.is_set():
                    if hold.wait(0.05):
                        break
                if stop.is_set():
                    break
        except BaseException as error:  # handed to the reader, which raises it
            items.put((_ERROR, error))
            return
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()
        items.put((_DONE, None))

    worker = threading.Thread(target=work, name=name, daemon=True)
    worker.start()
    try:
        while True:
            kind, value = items.get()
            if kind == _DONE:
                return
            if kind == _ERROR:
                raise value
            yield value
    finally:
        stop.set()
        worker.join()
