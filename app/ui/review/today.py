"""Today: the daily goal in minutes, drills due, the practice streak, minutes spoken
today, where the last session left off and a suggested topic."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
    QWidget,
)

from app.memory.dates import today as learner_today
from app.review.home import home, set_goal
from app.review.reminder import set_reminder
from app.ui.goal_controls import GoalControls
from app.ui.i18n import tr
from app.ui.home_panel import topic_text
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks


class TodayPage(QWidget):
    loaded = Signal(object)  # app.review.stats.Today
    home_loaded = Signal(object)  # app.review.home.Home (the main window's home panel)
    start_drills = Signal()

    def __init__(self, services: ReviewServices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.summary = QLabel(tr("Loading..."), wordWrap=True)
        self.summary.setAccessibleName(tr("Today"))
        self.drills_button = QPushButton(tr("Start drills"))
        self.drills_button.clicked.connect(self.start_drills.emit)
        self.goal_controls = GoalControls(self.set_goal, self._reminder_changed)
        self.goal, self.remind, self.remind_at = self.goal_controls.widgets
        self.home_text = QLabel(wordWrap=True)
        self.home_text.setAccessibleName(tr("Continue where we left off"))
        goal_row = QHBoxLayout()
        goal_row.addWidget(QLabel(tr("Today's goal:")))
        goal_row.addWidget(self.goal)
        goal_row.addSpacing(24)
        goal_row.addWidget(self.remind)
        goal_row.addWidget(self.remind_at)
        goal_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(goal_row)
        layout.addWidget(self.home_text)
        layout.addWidget(self.drills_button)
        layout.addStretch(1)

    def refresh(self) -> None:
        from app.review.drills import sync_drills  # lazy: loads SQLAlchemy and libsndfile
        from app.review.stats import today_summary  # lazy: loads SQLAlchemy and libsndfile

        def load():
            sync_drills(self.services.store)  # new corrections become drills right away
            return today_summary(self.services.store), home(self.services.store, learner_today())

        self.tasks.run(load, self._show)

    def set_goal(self, minutes: int) -> None:
        store = self.services.store
        self.tasks.run(lambda: set_goal(store, minutes), lambda _done: self.refresh())

    def _reminder_changed(self, chosen) -> None:
        store = self.services.store
        self.tasks.run(lambda: set_reminder(store, chosen), lambda _done: self.refresh())

    def _show(self, loaded) -> None:
        today, at_home = loaded
        self.goal_controls.show(at_home.goal_minutes, at_home.reminder)
        left = max(0.0, at_home.goal_minutes - today.minutes_spoken)
        goal = (tr("Goal reached for today.") if left == 0 else
                tr("{n:.0f} more minutes to reach today's goal.").format(n=left))
        parts = [f"<p>{goal}</p>"]
        if at_home.left_off:
            parts.append("<p><b>" + tr("Continue where we left off") + f"</b> ({escape(at_home.left_off)})</p>")
        if at_home.topic:
            parts.append("<p><b>" + tr("Suggested topic:") + f"</b> {escape(topic_text(at_home))}</p>")
        if at_home.practice:
            parts.append("<p><b>" + tr("Practice questions") + "</b> "
                         + tr("(the tutor asks about your recurring mistakes now and then):")
                         + " " + escape("; ".join(at_home.practice)) + "</p>")
        self.home_text.setText("".join(parts))
        days = tr("day") if today.streak == 1 else tr("days")
        self.summary.setText(
            f"<h2>{escape(_long_date(today.date))}</h2><p>"
            + tr("<b>{n}</b> drills due").format(n=today.drills_due) + "</p><p>"
            + tr("Streak: <b>{n}</b> {days} (one missed day a week is forgiven)").format(
                n=today.streak, days=days) + "</p><p>"
            + tr("Spoken today: <b>{minutes:.1f}</b> minutes in {turns} turns").format(
                minutes=today.minutes_spoken, turns=today.turns) + "</p>")
        self.drills_button.setEnabled(today.drills_due > 0)
        self.home_loaded.emit(at_home)
        self.loaded.emit(today)


def _long_date(day) -> str:
    """The day as the interface's language writes it ("Sunday, 6 December
    2026", "2026年12月6日星期日"), not in Python's C locale."""
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              QLocale.FormatType.LongFormat)
