"""The daily goal and reminder controls, on home and on the review's Today page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox, QTimeEdit

from app.review.home import DEFAULT_GOAL
from app.ui.i18n import tr


class GoalControls:
    """A goal spin box, a reminder check box and its time; ``on_goal(minutes)``
    and ``on_reminder(time or None)`` run when the learner changes them."""

    def __init__(self, on_goal: Callable[[int], None],
                 on_reminder: Callable[[time | None], None]) -> None:
        self.goal = QSpinBox(minimum=1, maximum=240, singleStep=5, value=DEFAULT_GOAL)
        self.goal.setSuffix(tr(" minutes a day"))
        self.goal.setAccessibleName(tr("Daily goal"))
        self.goal.findChild(QLineEdit).setAccessibleName(tr("Daily goal in minutes"))
        self.goal.editingFinished.connect(lambda: on_goal(self.goal.value()))
        # The optional daily reminder: off by default, one click to switch off.
        self.remind = QCheckBox(tr("Remind me each day at"))
        self.remind.setAccessibleName(tr("Daily reminder"))
        self.remind.setToolTip(
            tr("A notification at this time, only on days you have not practised yet"))
        self.remind_at = QTimeEdit(QTime(19, 0))
        self.remind_at.setDisplayFormat("HH:mm")
        self.remind_at.setAccessibleName(tr("Reminder time"))
        self.remind_at.findChild(QLineEdit).setAccessibleName(tr("Reminder time"))
        self.remind.toggled.connect(lambda _on: on_reminder(self.reminder()))
        self.remind_at.editingFinished.connect(lambda: on_reminder(self.reminder()))

    @property
    def widgets(self) -> tuple:
        return self.goal, self.remind, self.remind_at

    def reminder(self) -> time | None:
        at = self.remind_at.time()
        return time(at.hour(), at.minute()) if self.remind.isChecked() else None

    def show(self, goal_minutes: int, reminder: str | None) -> None:
        """The stored values, without calling back."""
        for widget in self.widgets:
            widget.blockSignals(True)
        self.goal.setValue(goal_minutes)
        self.remind.setChecked(bool(reminder))
        if reminder:
            self.remind_at.setTime(QTime.fromString(reminder, "HH:mm"))
        for widget in self.widgets:
            widget.blockSignals(False)
