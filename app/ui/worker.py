"""The practice worker: the engines run on a worker thread and talk to the
window through signals, so the event loop never waits on a model. The audio
workers (app/ui/audio_workers.py) and the review window's task pools
(app/ui/review/tasks.py) are the other threads that meet Qt; the threads are
listed in docs/architecture.md.

The practice's models and its store work run here, one request at a time,
in the order the window asked: loading, turns, the slow replay synthesis, and
ending a session. The window cancels a running turn with :meth:`cancel`, which
only sets a :class:`CancelToken` (thread-safe) and never waits.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.config import Settings
from app.engines import Engines
from app.errors import ParleyError
from app.practice import freeze_loaded_heap
from app.session import SessionOptions, scenario_for, session_summary
from app.turn_types import CancelToken, TurnCancelled

log = logging.getLogger(__name__)
SLOW_RATE = 0.75


class PracticeWorker(QObject):
    """Loads the engines, then runs turns one at a time, on its own thread.

    The practice's store writes (turns, sessions) happen on this thread. The
    memory thread (app/memory/keeper.py) writes facts, and the review window
    writes through its "db" pool (app/ui/review/tasks.py).
    """

    progress = Signal(str, int, int)  # stage, done, total
    ready = Signal()
    event = Signal(object)  # an app.events.Event
    turn_finished = Signal(object)  # TurnOutcome
    turn_cancelled = Signal()
    failed = Signal(str)  # a turn failed: one line, the problem and the fix
    load_failed = Signal(str)  # the models could not be loaded
    problem = Signal(str)  # anything else went wrong (replay, ending a session)
    slow_audio = Signal(object, object, int)  # key, pcm, sample rate
    session_ended = Signal(object, object)  # session id or None, summary dict
    opening = Signal(str)  # the session's first line (a follow-up on something remembered)

    def __init__(self, settings: Settings, engines=None, make_engines=None,
                 stores=None) -> None:
        super().__init__()
        self.settings = settings
        self.engines = engines  # given by the application (tests share one per module)
        # app.store.shared.SharedStore: the one store the window's parts share
        # (its owner closes it); None: this worker opens and closes its own.
        self.stores = stores
        # Builds the engines for new settings (the application's, so they are
        # wired as its first ones were); default Engines.from_settings.
        self.make_engines = make_engines
        self.store = None
        self.turn_end = None  # TurnEndOptions, once loaded
        self.practice = None
        self.options = SessionOptions()
        self.speak = True
        self.cancel_token = CancelToken()

    # -- set-up -------------------------------------------------------------------
    @Slot()
    def load(self) -> None:
        lower_thread_priority()
        try:
            # Built here, off the GUI thread, unless the application handed
            # them over; models already loaded return at once.
            engines = self.engines or (self.make_engines or Engines.from_settings)(self.settings)
            engines.load(lambda stage, done, total: self.progress.emit(stage, done, total))
            self.engines = engines
            self.store = self._open_store()
            self._new_practice()
            from app.turntaking.turn_end import turn_end_options  # lazy: loads numpy

            # Read by the mic worker once `ready` is seen: the model's score and
            # this learner's pauses, from their saved turns.
            self.turn_end = turn_end_options(self.engines.turn_end_model, self.store,
                                             self.settings.patience_ms,
                                             voice=self.engines.smart_turn)
            # The first turn then runs as fast as the rest (cached prompt, warm voice).
            self.practice.warm_up()
            freeze_loaded_heap()
            self.ready.emit()
        except ParleyError as error:
            self.load_failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - a broken model file can raise anything
            log.exception("loading the models failed")
            self.load_failed.emit(f"the models could not be loaded: {error} -- "
                                  "choose other model files in Settings, or run `python -m app doctor`")

    @Slot(object)
    def reconfigure(self, settings: Settings) -> None:
        """New model or data-folder settings: close what is open, load again."""
        self._end_practice()
        self.close_store()
        self.settings, self.engines, self.store, self.practice = settings, None, None, None
        self.load()

    def _new_practice(self) -> None:
        from app.practice import Practice  # lazy: loads SQLAlchemy and libsndfile

        o = self.options
        scenario = scenario_for(o, self.settings.home)
        self.practice = Practice(self.engines, self.store, scenario=scenario, level=o.level,
                                 correction_style=o.correction_style, speak=self.speak)
        self.opening.emit(self.practice.opening(o.topic))  # reads the store: here, not on the GUI

    @Slot(object)
    def start_session(self, options: SessionOptions) -> None:
        self.options = options
        if self.engines is not None and self.store is not None:
            self._new_practice()

    # -- turns --------------------------------------------------------------------
    @Slot(str)
    def run_text_turn(self, text: str) -> None:
        self._run(None, text, None)

    @Slot(object, float)
    def run_utterance(self, pcm, speech_ended_at: float) -> None:
        self._run(pcm, None, speech_ended_at)

    @Slot(object, object, object)
    def run_speculative(self, utterance, gate, token) -> None:
        """A turn started on a pause (see app.turntaking.speculation): its events wait behind
        ``gate`` until the microphone worker confirms the end. One that fails
        or is cancelled before that is dropped without a word: the window
        never heard of it, and the microphone sends the utterance again."""
        if token.cancelled or self.practice is None:
            if gate.abandon():
                return  # never confirmed: dropped without a word
            if token.cancelled:  # confirmed, then interrupted before it ran
                self.turn_cancelled.emit()
                return
        self._run(utterance.pcm, None, utterance.speech_ended_at, gate, token)

    def _run(self, pcm, text, speech_ended_at, gate=None, token=None) -> None:
        if self.practice is None:
            self.failed.emit("the models are not loaded yet -- wait for the start-up to finish")
            return
        token = self.cancel_token = token or CancelToken()
        self.practice.speak = self.speak
        try:
            outcome = self.practice.run_turn(pcm, text=text, on_event=self.event.emit,
                                             cancel=token, speech_ended_at=speech_ended_at,
                                             gate=gate)
            self.turn_finished.emit(outcome)
            if outcome.actions:
                self._after_requests(outcome)
        except Exception as error:  # noqa: BLE001 - keep the thread alive, say what happened
            if gate is not None and gate.abandoned:
                log.debug("speculative turn dropped: %r", error)
            elif isinstance(error, TurnCancelled):
                self.turn_cancelled.emit()
            elif isinstance(error, ParleyError):
                self.failed.emit(str(error))
            else:
                log.exception("turn failed")
                self.failed.emit(f"the turn failed: {error} -- try again")

    def _after_requests(self, outcome) -> None:
        """The learner asked for something (app/actions.py): the summary will
        say the style and scenario the session ended with; "let's stop here"
        ends it now, as the End button does."""
        from app.actions import options_now

        self.options = options_now(self.options, self.practice)
        if any(action["name"] == "end_session" for action in outcome.actions):
            self.end_session()

    def cancel(self) -> bool:
        """Called from the GUI thread: the turn stops at its next check. False
        when it is already saving: it then ends with turn_finished, not cancelled."""
        return self.cancel_token.cancel()

    def set_speak(self, speak: bool) -> None:
        """Called from the GUI thread: the next turn is spoken, or text only."""
        self.speak = bool(speak)

    # -- replay -------------------------------------------------------------------
    @Slot(object, str, float)
    def synthesize(self, key, text: str, rate_factor: float) -> None:
        """The tutor's line again (``rate_factor`` 0.75: slow), re-synthesised here,
        never on the GUI thread; answered with ``slow_audio(key, pcm, rate)``."""
        if self.engines is None:
            return
        voice = self.engines.voice
        try:
            pcm = voice.replay(text, rate_factor)
            self.slow_audio.emit(key, pcm, voice.sample_rate)
        except ParleyError as error:
            self.problem.emit(str(error))

    # -- end ----------------------------------------------------------------------
    @Slot()
    def end_session(self) -> None:
        session_id, summary = self._end_practice()
        if self.engines is not None and self.store is not None:
            self._new_practice()
        self.session_ended.emit(session_id, summary)

    def _end_practice(self) -> tuple[int | None, dict | None]:
        """End the session and save its summary, computed from its saved turns
        (none saved: nothing to end, an empty summary)."""
        practice = self.practice
        if practice is None or practice.session_id is None:
            return None, session_summary([], self.options)
        session_id = practice.session_id
        try:
            summary = session_summary(self.store.turns(session_id), self.options)
            practice.end(summary)
        except ParleyError as error:
            self.problem.emit(str(error))
            return session_id, None
        return session_id, summary

    @Slot()
    def shutdown(self) -> None:
        """Last request before the window closes: the thread ends after it, so
        everything queued before (ending the session) has run."""
        QThread.currentThread().quit()

    def _open_store(self):
        if self.stores is not None:
            return self.stores.get(self.settings.home)
        from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile

        return open_store(self.settings.home)

    def close_store(self) -> None:
        """Once the thread has ended (the window joins it first). A shared
        store is only let go: the application closes it."""
        if self.store is not None and self.stores is None:
            self.store.close()
        self.store = None


def lower_thread_priority(step: int = 5) -> None:
    """Run the calling thread (and the model threads it creates, which inherit
    it) a few nice levels below the window's, so that on a busy machine the
    event loop gets a core first. Linux only; elsewhere a no-op."""
    if not hasattr(os, "setpriority") or not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        base = os.getpriority(os.PRIO_PROCESS, os.getpid())  # the main (GUI) thread
        os.setpriority(os.PRIO_PROCESS, tid, min(19, max(base + step, os.getpriority(os.PRIO_PROCESS, tid))))
    except OSError as error:
        log.debug("could not lower the worker's priority: %s", error)


def start_worker(worker: QObject) -> QThread:
    thread = QThread()
    thread.setObjectName(type(worker).__name__)
    worker.moveToThread(thread)
    thread.start()
    return thread
