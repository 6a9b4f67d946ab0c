"""Today: drills due, the practice streak and minutes spoken today."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks


class TodayPage(QWidget):
    loaded = Signal(object)  # app.review.stats.Today
    start_drills = Signal()

    def __init__(self, services: ReviewServices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.summary = QLabel("Loading...", wordWrap=True)
        self.summary.setAccessibleName("Today")
        self.drills_button = QPushButton("Start drills")
        self.drills_button.clicked.connect(self.start_drills.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.drills_button)
        layout.addStretch(1)

    def refresh(self) -> None:
        from app.review.drills import sync_drills
        from app.review.stats import today_summary

        def load():
            sync_drills(self.services.store)  # new corrections become drills right away
            return today_summary(self.services.store)

        self.tasks.run(load, self._show)

    def _show(self, today) -> None:
        days = "day" if today.streak == 1 else "days"
        self.summary.setText(
            f"<h2>{today.date:%A %d %B}</h2>"
            f"<p><b>{today.drills_due}</b> drills due</p>"
            f"<p>Streak: <b>{today.streak}</b> {days} (one missed day a week is forgiven)</p>"
            f"<p>Spoken today: <b>{today.minutes_spoken:.1f}</b> minutes in {today.turns} turns</p>")
        self.drills_button.setEnabled(today.drills_due > 0)
        self.loaded.emit(today)
