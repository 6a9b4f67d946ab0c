"""The main window's home panel: today's goal, the streak, "continue where we
left off" (reopens the last session's scenario) and a suggested topic from
memory or a due drill, each one click away. Shown before a session's first
turn and again after "End session"; the Today page of the review window is
the same widget (app/ui/review/today.py), fed by its own store and thread."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.review.home import Home
from app.session import FREE_TALK_ID, SessionOptions, options_for, scenarios
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks
from app.ui.review.today import TodayPage


class HomePanel(QFrame):
    start = Signal(object)  # SessionOptions: continue, or talk about the suggested topic
    practise_drills = Signal()  # the suggested topic is a due drill: open the drills

    def __init__(self, home: Path, parent: QWidget | None = None, store=None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.home_dir = Path(home)
        # The window's one store (a callable, app/store/shared.py), or its own;
        # either is opened on the db thread.
        self.services = ReviewServices(self.home_dir, store=store)
        self.tasks = Tasks(self)
        self.today = TodayPage(self.services, self.tasks)
        self.today.drills_button.hide()  # the topic button below says what to practise
        self.current: Home | None = None
        self.continue_button = QPushButton("Continue where we left off")
        self.continue_button.setAccessibleName("Continue where we left off")
        self.continue_button.clicked.connect(self._continue)
        self.topic_button = QPushButton("Talk about it")
        self.topic_button.setAccessibleName("Start the suggested topic")
        self.topic_button.clicked.connect(self._take_topic)
        for button in (self.continue_button, self.topic_button):
            button.hide()
        row = QHBoxLayout()
        row.addWidget(self.continue_button)
        row.addWidget(self.topic_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.today)
        layout.addLayout(row)
        self.today.home_loaded.connect(self._show)
        self.level, self.style = "B1", "gentle"  # the window's, for a topic's free talk

    def refresh(self) -> None:
        self.today.refresh()

    def _show(self, at_home: Home) -> None:
        self.current = at_home
        self.continue_button.setVisible(bool(at_home.last_scenario))
        if at_home.last_scenario:
            self.continue_button.setText(f"Continue: {at_home.last_scenario}")
        self.topic_button.setVisible(bool(at_home.topic_kind))
        drill = at_home.topic_kind == "drill"
        self.topic_button.setText("Practise it" if drill else "Talk about it")

    def continue_options(self) -> SessionOptions | None:
        """The last session's scenario, level and correction style (a pack since
        removed: free talk)."""
        h = self.current
        if h is None or not h.last_scenario:
            return None
        packs = scenarios(self.home_dir)
        pack = next((p.id for p in packs if p.title == h.last_scenario), FREE_TALK_ID)
        return options_for(pack, h.last_level or self.level, h.last_style or self.style,
                           self.home_dir)

    def topic_options(self) -> SessionOptions | None:
        h = self.current
        if h is None or h.topic_kind != "memory":
            return None
        free = options_for(FREE_TALK_ID, self.level, self.style, self.home_dir)
        return replace(free, opening=h.topic_question, topic=h.topic_question)

    def _continue(self) -> None:
        options = self.continue_options()
        if options is not None:
            self.start.emit(options)

    def _take_topic(self) -> None:
        if self.current is not None and self.current.topic_kind == "drill":
            self.practise_drills.emit()
            return
        options = self.topic_options()
        if options is not None:
            self.start.emit(options)

    # -- in the conversation window ---------------------------------------------------
    def attach(self, window) -> None:
        """Shown until the session's first turn and again when a session ends;
        its buttons start a session through the window's own path (which ends
        the one in hand). Bound methods only: session_ended comes from the
        practice thread, and a method of this widget runs on the GUI thread."""
        self.window_ = window
        self._started_here = False
        self._follow_window()
        self.start.connect(self._start_in_window)
        self.practise_drills.connect(self._open_drills)
        window.talk.utterance_sent.connect(self._first_turn)
        window.worker.session_ended.connect(self._session_ended)
        from app.ui.reminder import DailyReminder  # lazy: loads Qt

        self.reminder = DailyReminder(window, self.services, self.tasks)
        self.reminder.start()
        self.refresh()

    def _follow_window(self) -> None:
        options = getattr(self.window_, "options", None)
        if options is not None:
            self.level, self.style = options.level, options.correction_style

    def _start_in_window(self, options: SessionOptions) -> None:
        self.hide()
        self._started_here = True
        self.window_._begin(options)

    def _first_turn(self, *_args) -> None:
        self._started_here = False
        self.hide()

    def _session_ended(self, *_args) -> None:
        self._follow_window()
        if self._started_here:  # the session the learner left for the one chosen here
            self._started_here = False
            return
        if not self.window_.presenter.turns:
            self.show()
            self.refresh()

    def _open_drills(self) -> None:
        self.window_.open_review()
        review = self.window_.review
        if review is not None:
            review.tabs.setCurrentWidget(review.drills)

    def shutdown(self) -> None:
        """Let the store's tasks finish (no time limit), then close the store."""
        if getattr(self, "reminder", None) is not None:
            self.reminder.timer.stop()
        self.tasks.wait()
        self.services.close()


def install(window) -> HomePanel:
    """The home panel at the top of the conversation window."""
    home = window.settings.home
    panel = HomePanel(home, window, store=lambda: window.stores.get(home))
    window.centralWidget().layout().insertWidget(1, panel)
    panel.attach(window)
    return panel
