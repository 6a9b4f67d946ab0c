"""The main window's home panel, one glance: today's goal as a ring, the
streak, the drills due, the last session's one thing to work on
(app/review/focus.py), "continue where we left off" (reopens the last
session's scenario) and a suggested topic from memory or a due drill, each one
click away. Shown before a session's first turn and again after "End
session"; the review window's Today page keeps the goal and reminder settings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import html

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout,
    QWidget,
)

from app.memory.dates import today as learner_today
from app.review.focus import Focus, one_thing
from app.review.home import Home, home, set_goal
from app.review.reminder import set_reminder
from app.session import FREE_TALK_ID, SessionOptions, options_for, scenarios
from app.ui import theme
from app.ui.goal_controls import GoalControls
from app.ui.i18n import tr
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks
from app.ui.theme.widgets import GoalRing


def _line(name: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def topic_text(at_home) -> str:
    """The suggested topic's line in the interface's language (its words stay as said)."""
    if at_home.topic_words and at_home.topic_kind == "drill":
        return tr("Practise saying: “{words}”").format(words=at_home.topic_words)
    if at_home.topic_words and at_home.topic_kind == "memory":
        return tr("Tell the tutor more: {words}.").format(words=at_home.topic_words)
    return at_home.topic


class HomePanel(QFrame):
    start = Signal(object)  # SessionOptions: continue, or talk about the suggested topic
    practise_drills = Signal()  # the suggested topic is a due drill: open the drills
    loaded = Signal(object)  # (Today, Home, Focus | None), once shown

    def __init__(self, home: Path, parent: QWidget | None = None, store=None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.home_dir = Path(home)
        # The window's one store (a callable, app/store/shared.py), or its own;
        # either is opened on the db thread.
        self.services = ReviewServices(self.home_dir, store=store)
        self.tasks = Tasks(self)
        self.current: Home | None = None
        self.today = None  # app.review.stats.Today, once loaded
        self.focus: Focus | None = None
        self.ring = GoalRing()
        self.day = QLabel()
        self.day.setObjectName("title")
        self.streak = _line(tr("Streak"))
        self.drills = _line(tr("Drills due"))
        self.drills_button = QPushButton(tr("Practise drills"))
        self.drills_button.setAccessibleName(tr("Practise the drills due"))
        self.drills_button.clicked.connect(lambda: self.practise_drills.emit())
        self.work_on = _line(tr("One thing to work on"))
        self.continue_button = QPushButton(tr("Continue where we left off"))
        self.continue_button.setProperty("primary", True)
        self.continue_button.setAccessibleName(tr("Continue where we left off"))
        self.continue_button.clicked.connect(self._continue)
        self.topic = _line(tr("Suggested topic"))
        self.topic.setObjectName("muted")
        self.topic_button = QPushButton(tr("Talk about it"))
        self.topic_button.setAccessibleName(tr("Start the suggested topic"))
        self.topic_button.clicked.connect(self._take_topic)
        for widget in (self.continue_button, self.topic_button, self.topic, self.drills_button):
            widget.hide()
        # The goal and the optional reminder, folded away under the ring.
        self.goal_button = QToolButton()
        self.goal_button.setText(tr("Goal and reminder"))
        self.goal_button.setAccessibleName(tr("Change the daily goal and reminder"))
        self.goal_button.setCheckable(True)
        self.goal_controls = GoalControls(self._goal_changed, self._reminder_changed)
        self.goal, self.remind, self.remind_at = self.goal_controls.widgets
        self.goal_row = QWidget()
        row = QHBoxLayout(self.goal_row)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in self.goal_controls.widgets:
            row.addWidget(widget)
        row.addStretch(1)
        self.goal_row.hide()
        self.goal_button.toggled.connect(self.goal_row.setVisible)
        drills = QHBoxLayout()
        drills.addWidget(self.drills, 1)
        drills.addWidget(self.drills_button)
        facts = QVBoxLayout()
        facts.setSpacing(theme.space(0.5))
        self.streak_icon = QLabel()
        streak = QHBoxLayout()
        streak.setSpacing(theme.space(0.5))
        streak.addWidget(self.streak_icon)
        streak.addWidget(self.streak, 1)
        for item in (self.day, streak, drills, self.work_on):
            (facts.addLayout if isinstance(item, QHBoxLayout) else facts.addWidget)(item)
        facts.addStretch(1)
        actions = QVBoxLayout()
        actions.setSpacing(theme.space(1))
        actions.addWidget(self.continue_button)
        actions.addWidget(self.topic)
        actions.addWidget(self.topic_button, 0, Qt.AlignmentFlag.AlignLeft)
        actions.addStretch(1)
        ring = QVBoxLayout()
        ring.setSpacing(theme.space(0.5))
        top = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        ring.addWidget(self.ring, 0, top)
        ring.addWidget(self.goal_button, 0, top)
        ring.addStretch(1)
        glance = QHBoxLayout()
        glance.setSpacing(theme.space(3))
        glance.addLayout(ring)
        glance.addLayout(facts, 3)
        glance.addLayout(actions, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.space(2), theme.space(2), theme.space(2), theme.space(2))
        layout.addLayout(glance)
        layout.addWidget(self.goal_row)
        self.level, self.style = "B1", "gentle"  # the window's, for a topic's free talk

    holder: QWidget | None = None  # the margin around the card in the window

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt's name)
        super().setVisible(visible)
        if self.holder is not None:
            self.holder.setVisible(visible)

    def refresh(self) -> None:
        from app.review.drills import sync_drills  # lazy: loads SQLAlchemy and libsndfile
        from app.review.stats import today_summary  # lazy: loads SQLAlchemy and libsndfile

        services = self.services

        def load():
            store = services.store
            sync_drills(store)  # new corrections become drills right away
            at_home = home(store, learner_today())
            return today_summary(store), at_home, one_thing(store, at_home.last_session_id)

        self.tasks.run(load, self._show)

    def _goal_changed(self, minutes: int) -> None:
        store = self.services.store
        self.tasks.run(lambda: set_goal(store, minutes), lambda _done: self.refresh())

    def _reminder_changed(self, chosen) -> None:
        store = self.services.store
        self.tasks.run(lambda: set_reminder(store, chosen), lambda _done: self.refresh())

    def _show(self, loaded) -> None:
        today, at_home, focus = loaded
        self.current, self.today, self.focus = at_home, today, focus
        self.goal_controls.show(at_home.goal_minutes, at_home.reminder)
        self.ring.set_progress(today.minutes_spoken, at_home.goal_minutes)
        self.ring.setToolTip(tr("Spoken today: {minutes} of {goal} minutes, in {turns} turns").format(
            minutes=f"{today.minutes_spoken:.1f}", goal=at_home.goal_minutes, turns=today.turns))
        self.day.setText(QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat))
        flame = theme.icon("flame", theme.current().thinking if today.streak else theme.current().muted, 16)
        self.streak_icon.setPixmap(flame.pixmap(16, 16))
        self.streak.setText(tr("{n}-day streak").format(n=today.streak) if today.streak
                            else tr("Talk today to start a streak"))
        due = today.drills_due
        self.drills.setText(tr("No drills due") if not due else tr("1 drill due") if due == 1
                            else tr("{n} drills due").format(n=due))
        self.drills_button.setVisible(today.drills_due > 0)
        if focus is not None:
            self.work_on.setText(tr("<b>One thing to work on:</b> {kind} ({said} → {better})").format(
                kind=html.escape(focus.kind), said=html.escape(focus.said),
                better=html.escape(focus.better)))
            self.work_on.setToolTip(focus.reason)
        else:
            self.work_on.setText(tr("Nothing to fix from last time. Keep talking!"))
            self.work_on.setToolTip("")
        self.continue_button.setVisible(bool(at_home.last_scenario))
        if at_home.last_scenario:
            self.continue_button.setText(tr("Continue: {scenario}").format(scenario=at_home.last_scenario))
            self.continue_button.setToolTip(at_home.left_off)
        self.topic_button.setVisible(bool(at_home.topic_kind))
        self.topic.setVisible(bool(at_home.topic))
        self.topic.setText(topic_text(at_home))
        drill = at_home.topic_kind == "drill"
        self.topic_button.setText(tr("Practise it") if drill else tr("Talk about it"))
        self.loaded.emit(loaded)

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
    holder = QWidget()
    holder.setObjectName("homePanel")
    column = QVBoxLayout(holder)
    column.setContentsMargins(theme.space(2), theme.space(1), theme.space(2), 0)
    column.addWidget(panel)
    window.centralWidget().layout().insertWidget(1, holder)
    panel.holder = holder
    panel.attach(window)
    return panel
