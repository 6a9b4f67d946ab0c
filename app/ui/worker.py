"""The only place threads meet Qt: the engines run on a worker thread and talk
to the window through signals, so the event loop never waits on a model."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.config import Settings
from app.errors import ParleyError
from app.practice import CancelToken, TurnCancelled


class PracticeWorker(QObject):
    """Loads the engines, then runs turns one at a time, on its own thread.

    All store writes happen here too, on this one thread.
    """

    progress = Signal(str, int, int)  # stage, done, total
    ready = Signal()
    event = Signal(object)  # an app.events.Event
    turn_finished = Signal(object)  # TurnOutcome
    turn_cancelled = Signal()
    failed = Signal(str)  # one line: the problem and the fix

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.practice = None
        self.cancel_token = CancelToken()

    @Slot()
    def load(self) -> None:
        try:
            from app.engines import Engines
            from app.practice import Practice
            from app.store import open_store

            engines = Engines(self.settings)
            engines.load(lambda stage, done, total: self.progress.emit(stage, done, total))
            self.practice = Practice(engines, open_store(self.settings.home))
            self.ready.emit()
        except ParleyError as error:
            self.failed.emit(str(error))

    @Slot(str)
    def run_text_turn(self, text: str) -> None:
        self._run(None, text)

    @Slot(object)
    def run_audio_turn(self, pcm) -> None:
        self._run(pcm, None)

    def _run(self, pcm, text) -> None:
        if self.practice is None:
            self.failed.emit("the models are not loaded yet -- wait for the start-up to finish")
            return
        self.cancel_token = CancelToken()
        try:
            outcome = self.practice.run_turn(pcm, text=text, on_event=self.event.emit,
                                             cancel=self.cancel_token)
            self.turn_finished.emit(outcome)
        except TurnCancelled:
            self.turn_cancelled.emit()
        except ParleyError as error:
            self.failed.emit(str(error))

    def cancel(self) -> None:
        """Called from the GUI thread: the turn stops at its next check."""
        self.cancel_token.cancel()


def start_worker(worker: QObject) -> QThread:
    thread = QThread()
    thread.setObjectName(type(worker).__name__)
    worker.moveToThread(thread)
    thread.start()
    return thread
