"""Builds a session's fluent versions in the background once it ends
(app/fluent_review.py), on a QThread of its own, so the next session's
turns never queue behind it on the practice worker.

It uses the practice's engines (read when the build starts: they are rebuilt
when the settings change) and the window's one store. The tutor model writes
in a prompt cache of its own and holds the model's lock one line at a time,
so a turn of a new session waits for at most one line. Progress and a
failure (one line; nothing saved) come back as queued signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.ui.worker import lower_thread_priority, start_worker


class FluentWorker(QObject):
    progress = Signal(int, int, int)  # session id, turns done, turns
    built = Signal(int, object)  # session id, app.fluent_review.BuildResult
    failed = Signal(int, str)  # session id, one line

    def __init__(self, engines: Callable[[], Any], store: Callable[[], Any],
                 should_stop: Callable[[], bool] = lambda: False) -> None:
        super().__init__()
        self.engines, self.store, self.should_stop = engines, store, should_stop
        self._lowered = False

    @Slot(object, object)
    def session_ended(self, session_id, _summary=None) -> None:
        if session_id is not None:
            self.build(int(session_id))

    @Slot(int)
    def build(self, session_id: int) -> None:
        from app.fluent_review import build_fluent  # lazy: loads SQLAlchemy

        if not self._lowered:
            lower_thread_priority()  # the window and a new session's turns come first
            self._lowered = True
        if self.should_stop():
            return
        engines = self.engines()
        if engines is None:
            self.failed.emit(session_id, "fluent versions not built: the models are not loaded")
            return
        try:
            store = self.store()
        except Exception as error:  # a store that cannot open: one line
            self.failed.emit(session_id, f"fluent versions not built: {error}")
            return
        result = build_fluent(store, engines, session_id,
                              lambda done, total: self.progress.emit(session_id, done, total),
                              self.should_stop)
        if result.error:
            self.failed.emit(session_id, result.error)
        else:
            self.built.emit(session_id, result)


class FluentStatus(QObject):
    """Lives on the GUI thread, so the worker's signals run these methods
    there (a bare function would run on the worker's thread): the status
    line, and the review window's session page when that session is open."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def _status(self, text: str) -> None:
        label = getattr(self.window, "status", None)
        if label is not None:
            label.setText(text)

    def _page(self, session_id: int):
        review = getattr(self.window, "review", None)
        session = getattr(review, "session", None) if review is not None else None
        if session is not None and session.session_id == session_id and session.fluent:
            return session
        return None

    @Slot(int, int, int)
    def progress(self, session_id: int, done: int, total: int) -> None:
        self._status(f"Building the review: {done} of {total} turns…")
        shown = self._page(session_id)
        if shown is not None:
            shown.fluent.show_progress(done, total)

    @Slot(int, object)
    def built(self, session_id: int, result) -> None:
        self._status(f"Review ready: {result.turns} turns in {result.seconds:.0f} s.")
        shown = self._page(session_id)
        if shown is not None:
            shown.show_session(session_id)

    @Slot(int, str)
    def failed(self, session_id: int, message: str) -> None:
        self._status(message)
        shown = self._page(session_id)
        if shown is not None:
            shown.fluent.show_failure(message)


def install(window) -> FluentWorker:
    """Start the worker beside the main window's: it builds each session's
    fluent versions when the practice worker says the session ended, shows
    progress in the status line, and refreshes the review window's session
    page when that session is open. Its thread joins the window's threads, so
    shutdown quits and waits for it before the stores close."""
    worker = FluentWorker(lambda: window.worker.engines,
                          lambda: window.stores.get(window.settings.home),
                          lambda: bool(getattr(window, "_shut_down", False)))
    thread = start_worker(worker)
    window.threads.append(thread)
    window.worker.session_ended.connect(worker.session_ended, Qt.ConnectionType.QueuedConnection)
    relay = FluentStatus(window)
    worker.progress.connect(relay.progress)
    worker.built.connect(relay.built)
    worker.failed.connect(relay.failed)
    window.fluent_worker, window.fluent_status = worker, relay
    return worker
