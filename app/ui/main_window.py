"""The conversation window. Threads: the practice worker (models, store), the
mic worker (recording, VAD) and the player worker (PortAudio output) each run
on their own QThread; this window only wires signals and updates widgets."""

from __future__ import annotations

import sys

from PySide6.QtCore import QMetaObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QMessageBox, QProgressBar,
    QPushButton, QVBoxLayout, QWidget,
)

from app.config import Settings
from app.session import options_for
from app.ui import settings_keys as K
from app.ui import theme
from app.ui.i18n import tr
from app.ui.conversation_view import ConversationView
from app.ui.presenter import TurnPresenter
from app.ui.talk_bar import TalkBar
from app.ui.talk_controller import TalkController
from app.ui.window_actions import WindowActions
from app.ui.window_parts import WindowWorkers, build_review, build_workers


class MainWindow(WindowActions, QMainWindow):
    start_session = Signal(object)  # SessionOptions -> worker
    end_session = Signal()  # -> worker: end and save the session (summary from its turns)
    reconfigure = Signal(object)  # Settings -> worker (reload the models)
    player_device = Signal(object)  # output device -> player
    _ending = _closing = _shut_down = _said_goodbye = False
    summary_box: QMessageBox | None = None
    review = None  # the review window, once opened
    first_start = None  # the first start's steps, once opened

    def __init__(self, settings: Settings | None = None, *, load_models: bool = True,
                 hands_free: bool | None = None, engines=None, check_mic: bool | None = None,
                 workers: WindowWorkers | None = None, make_review=None) -> None:
        """``workers`` and ``make_review`` (parent -> the review window) come from
        the application (app/ui/application.py); without them the window builds
        its own the same way, on ``engines`` (tests share one per module)."""
        super().__init__()
        # The workers' Python code hands the GIL back every 1 ms instead of
        # Python's default 5 ms, so the event loop never queues behind it for long.
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
        self.setWindowTitle("Parley")
        self.resize(880, 680)
        self.qsettings = K.open_settings()
        self.values = K.read_all(self.qsettings)
        self.settings = settings or K.to_settings(self.values)
        self.devices: list = []
        self.problem_box: QMessageBox | None = None
        self.last_problem = ""
        self._build()

        workers = workers or build_workers(self.settings, K.devices(self.values), engines)
        self.worker, self.mic, self.player = workers.practice, workers.mic, workers.player
        self.threads, self.stores = workers.threads, workers.stores
        self.make_review = make_review or (lambda parent: build_review(
            self.settings, workers, parent))
        self.presenter = TurnPresenter(self.view, self)
        self.talk = TalkController(self.mic, self.player, self.worker.cancel, self)
        self.talk.voice_barge_in = bool(self.values[K.VOICE_BARGE_IN])
        self._wire()

        options = options_for(str(self.values[K.SCENARIO]), str(self.values[K.LEVEL]),
                              str(self.values[K.CORRECTION_STYLE]), self.settings.home)
        self._apply_session(options)
        from app.ui import home_panel  # lazy: loads Qt and numpy

        self.home_panel = home_panel.install(self)  # goal, streak, continue, a topic
        from app.ui.review import fluent_worker  # lazy: loads Qt

        fluent_worker.install(self)  # each ended session's fluent versions, in the background
        self.bar.mute.setChecked(bool(self.values[K.MUTED]))
        # --hands-free applies to this run only; the checkbox's choice is remembered.
        self._remember_hands_free = hands_free is None
        self.bar.hands_free.setChecked(bool(self.values[K.HANDS_FREE]) if hands_free is None
                                       else hands_free)
        self._remember_hands_free = True
        if check_mic if check_mic is not None else load_models:
            QMetaObject.invokeMethod(self.mic, "check", Qt.ConnectionType.QueuedConnection)
        if load_models:
            self.start_loading()

    def start_loading(self) -> None:
        """Queued to the worker's thread: the window shows before models load."""
        QMetaObject.invokeMethod(self.worker, "load", Qt.ConnectionType.QueuedConnection)

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.session_label = QLabel()
        self.session_label.setObjectName("sessionLabel")
        self.session_label.setAccessibleName(tr("Session"))
        self.view = ConversationView()
        self.bar = TalkBar()
        self.entry = QLineEdit()
        self.entry.setObjectName("message")
        self.entry.setPlaceholderText(tr("Or type what you want to say, then press Enter"))
        self.entry.setAccessibleName(tr("Message"))
        self.send = QPushButton(tr("Send"))
        theme.set_icon(self.send, "send", "on_accent")
        self.send.setProperty("primary", True)
        self.send.setAccessibleName(tr("Send message"))
        row = QHBoxLayout()
        row.setContentsMargins(theme.space(2), 0, theme.space(2), theme.space(1.5))
        row.addWidget(self.entry, 1)
        row.addWidget(self.send)
        change = QPushButton(tr("&New session…"))
        theme.set_icon(change, "new")
        change.setAccessibleName(tr("New session"))
        change.setToolTip(tr("Choose a scenario, your level and how corrections are shown (Ctrl+N)"))
        change.clicked.connect(self.new_session)
        self.new_button = change
        top = QHBoxLayout()
        top.setContentsMargins(theme.space(2), theme.space(1.5), theme.space(2), theme.space(0.5))
        top.addWidget(self.session_label, 1)
        top.addWidget(change)
        dock = QFrame()
        dock.setObjectName("dock")
        column = QVBoxLayout(dock)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.bar)
        column.addLayout(row)
        self.bar.setObjectName("talkBar")
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(dock)
        central = QWidget()
        central.setObjectName("page")
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.status = QLabel(tr("Loading models…"))
        self.status.setAccessibleName(tr("Status"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Model loading progress"))
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(False)
        # The tutor's model server is down or slow: the embedded model answers
        # meanwhile (app/tutor/openai_chat.py), and this says so for a while.
        self.notice = QLabel()
        self.notice.setAccessibleName(tr("Server notice"))
        self.notice.setWordWrap(False)
        self.notice.hide()
        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.timeout.connect(self.notice.hide)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addWidget(self.notice)
        self.statusBar().addPermanentWidget(self.progress)
        self._menus()
        self._set_ready(False)
        self.setTabOrder(self.bar.talk, self.entry)
        self.setTabOrder(self.entry, self.send)
        self.setTabOrder(self.send, self.bar.hands_free)
        self.setTabOrder(self.bar.hands_free, self.bar.mute)
        self.setTabOrder(self.bar.mute, self.bar.stop)
        self.setTabOrder(self.bar.stop, change)

    def _action(self, menu, text: str, shortcut, slot, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        session = self.menuBar().addMenu(tr("&Session"))
        self._action(session, tr("&New session…"), "Ctrl+N", self.new_session)
        self._action(session, tr("&End session"), "Ctrl+E", self.finish_session)
        self._action(session, tr("&Review…"), "Ctrl+R", self.open_review)
        self._action(session, tr("&Getting started…"), "", self.open_first_start)
        session.addSeparator()
        self._action(session, tr("&Settings…"), "Ctrl+,", self.open_settings)
        self._action(session, tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        talk = self.menuBar().addMenu(tr("&Talk"))
        self.hands_free_action = self._action(talk, tr("&Hands-free"), "Ctrl+H",
                                              self.bar.hands_free.setChecked, True)
        self.mute_action = self._action(talk, tr("&Mute voice"), "Ctrl+M", self.bar.mute.setChecked, True)
        self._action(talk, tr("&Stop the tutor"), "Esc", lambda: self.talk.stop_tutor())

    def _wire(self) -> None:
        w, t, p, bar = self.worker, self.talk, self.presenter, self.bar
        w.progress.connect(self._on_progress)
        # Bound methods, never lambdas, for signals from other threads: a method of
        # a QObject runs on that object's (the GUI) thread.
        w.ready.connect(self._on_ready)
        w.load_failed.connect(self._on_load_failed)
        w.event.connect(p.on_event)
        w.turn_finished.connect(self._on_turn_finished)
        w.turn_cancelled.connect(self._on_turn_cancelled)
        w.failed.connect(self._on_turn_failed)
        w.problem.connect(self.show_problem)
        w.slow_audio.connect(p.on_synthesized)
        w.session_ended.connect(self._on_session_ended)
        w.opening.connect(p.show_opening)
        self.start_session.connect(w.start_session)
        self.end_session.connect(w.end_session)
        self.reconfigure.connect(w.reconfigure)
        self.player_device.connect(self.player.set_device)
        t.send_audio.connect(w.run_utterance)
        self.mic.speculate.connect(w.run_speculative)
        t.send_text.connect(w.run_text_turn)
        t.utterance_sent.connect(p.turn_sent)
        t.speaking_changed.connect(self._end_after_goodbye)
        t.utterance_sent.connect(self._on_sent)
        t.barged_in.connect(self._on_barge_in)
        t.retracted.connect(p.retract)
        t.stop_playback.connect(self.player.stop)
        t.state_changed.connect(bar.set_state)
        t.speaking_changed.connect(bar.set_speaking)
        t.message.connect(self.status.setText)
        self.mic.level.connect(bar.set_level)
        self.mic.available.connect(self._on_mic_available)
        self.mic.failed.connect(self.show_problem)
        self.player.failed.connect(self.show_problem)
        p.enqueue_audio.connect(self.player.enqueue)
        p.play_audio.connect(self.player.play)
        p.synthesize.connect(w.synthesize)
        p.audio_forwarded.connect(t.reply_audio_forwarded)
        bar.talk.pressed.connect(t.press)
        bar.talk.released.connect(t.release)
        bar.stop.clicked.connect(t.stop_tutor)
        bar.hands_free.toggled.connect(self._on_hands_free)
        bar.mute.toggled.connect(self._on_mute)
        self.entry.returnPressed.connect(self._submit)
        self.send.clicked.connect(self._submit)
        from app.ui.requests_ui import RequestsUi  # spoken requests: what changed

        self.requests_ui = RequestsUi(self)

    # -- state ----------------------------------------------------------------------------
    def _set_ready(self, ready: bool) -> None:
        self.entry.setEnabled(ready)
        self.send.setEnabled(ready)
        if ready:
            self.status.setText(tr("Ready. Hold Space to talk, or type below."))
            self.progress.hide()
            # Keyboard first: Space talks at once (Tab reaches the text box).
            (self.bar.talk if self.talk.mic_ok else self.entry).setFocus()
            self.talk.set_ready(True)

    def _on_ready(self) -> None:
        # How hands-free turns end: the tutor's model and the learner's pauses.
        self.mic.turn_end = self.worker.turn_end
        self._set_ready(True)

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(tr("Loading the {stage} model…").format(stage=stage) if stage != "ready"
                            else tr("Ready"))

    def _on_load_failed(self, message: str) -> None:
        self.progress.hide()
        self.status.setText(tr("Models not loaded: ") + message)
        self.show_problem(message, tr("The models could not be loaded"))

    def _on_mic_available(self, ok: bool, problem: str, devices: list) -> None:
        self.devices = devices
        self.bar.set_mic_available(ok)
        self.talk.set_mic_ok(ok)
        if self.talk.ready and self.entry.hasFocus() is False:
            (self.bar.talk if ok else self.entry).setFocus()
        if not ok:
            self.show_problem(problem, tr("No microphone: you can still type"))

    def _on_hands_free(self, on: bool) -> None:
        self.hands_free_action.setChecked(on)
        if self._remember_hands_free:
            K.write(self.qsettings, {K.HANDS_FREE: on})
        self.talk.set_hands_free(on)

    def _on_mute(self, on: bool) -> None:
        self.mute_action.setChecked(on)
        K.write(self.qsettings, {K.MUTED: on})
        self.presenter.muted = on
        self.worker.set_speak(not on)
        if on:
            self.talk.stop_playback.emit()

    # -- turns ------------------------------------------------------------------------------
    def _submit(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.entry.clear()
            self.talk.submit_text(text)

    def _on_sent(self, *_args) -> None:
        self.bar.set_busy(True)

    def _on_barge_in(self, cancelled: bool) -> None:
        if cancelled:  # a turn already saving is shown to its end
            self.presenter.interrupted()
        self.status.setText(tr("Stopped. Go ahead!"))

    def _turn_ended(self, saved: bool) -> None:
        self.presenter.turn_ended(saved)
        self.talk.turn_ended()
        self.bar.set_busy(self.talk.turns_in_flight > 0)

    def _on_turn_finished(self, outcome) -> None:
        self._turn_ended(True)
        if getattr(outcome, "ends_session", False):
            # A goodbye: once the tutor's own goodbye has been heard, the
            # session ends as "End session" ends it.
            self._said_goodbye = True
            self._end_after_goodbye(self.talk.speaking)

    def _end_after_goodbye(self, speaking: bool) -> None:
        if self._said_goodbye and not speaking and not self.talk.busy:
            self._said_goodbye = False
            self.finish_session()

    def _on_turn_cancelled(self) -> None:
        self._turn_ended(False)

    def _on_turn_failed(self, message: str) -> None:
        self._turn_ended(False)
        self.show_problem(message)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._closing = True
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop everything the window started, in a fixed order (the application
        then deletes the widgets and quits Qt). Runs once; closing runs it."""
        if self._shut_down:
            return
        self._shut_down = True
        queued = Qt.ConnectionType.QueuedConnection
        if self.first_start is not None:
            # Closing the app is not finishing the first start: it shows again next time.
            self.first_start.leaving = True
            self.first_start.stop_audio()
        # 1. End the session and save it: queued to the practice thread, which
        #    first finishes (or, cancelled below, abandons) the turn in hand.
        self.talk.shutdown()
        if self.presenter.turns:
            self.end_session.emit()
        # 2. Stop audio: the microphone (its loop checks between 30 ms chunks),
        #    the reply, the review window's playback and listening.
        self.mic.request_stop()
        self.talk.barge_in()
        QMetaObject.invokeMethod(self.player, "close", queued)
        if self.review is not None:
            self.review.services.stop_audio()
        # 3. Quit and join every thread and pool, with no time limit: a thread
        #    that outlived the objects it uses would crash at exit. A turn stops
        #    at its next cancellation check; a model load cannot be interrupted.
        QMetaObject.invokeMethod(self.worker, "shutdown", queued)
        for thread in self.threads[1:]:
            thread.quit()
        for thread in self.threads:
            thread.wait()
        if self.review is not None:
            self.review.tasks.wait()
        if self.first_start is not None:
            self.first_start.stop_audio()
            self.first_start.tasks.wait()
        self.home_panel.shutdown()  # waits for its store's tasks, closes that store
        # 4. Close the stores: nothing can use them any more.
        self.worker.close_store()
        if self.review is not None:
            self.review.services.close()
        self.stores.close()  # the one store they shared, now nobody uses it
