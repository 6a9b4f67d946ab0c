"""The daily reminder while Parley runs: a QTimer checks once a minute against the
time the learner chose (app/review/reminder.py decides, on the store's thread);
when due, a tray notification, or where there is no tray (offscreen, some
desktops) a line in the window's status bar and the taskbar's attention hint.
``clock`` is injectable so tests move time instead of waiting for it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app.review.reminder import claim


class DailyReminder(QObject):
    shown = Signal(str, str)  # how ("tray" | "window"), the text

    def __init__(self, window, services, tasks, clock: Callable[[], datetime] | None = None,
                 interval_ms: int = 60_000) -> None:
        super().__init__(window)
        self.window, self.services, self.tasks = window, services, tasks
        self.clock = clock or (lambda: datetime.now().astimezone())
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def check(self) -> None:
        services, now = self.services, self.clock()
        # services.store opens the store on first use: on the db thread, not here.
        self.tasks.run(lambda: claim(services.store, now), self._show)

    def _show(self, text: str) -> None:
        if not text:
            return
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                from app.ui.app_icon import app_icon  # lazy: loads Qt

                self.tray = QSystemTrayIcon(app_icon(), self)
                self.tray.setToolTip("Parley")
            self.tray.show()
            self.tray.showMessage("Parley", text, QSystemTrayIcon.MessageIcon.Information, 15_000)
            how = "tray"
        else:
            self.window.statusBar().showMessage(text)
            QApplication.alert(self.window)
            how = "window"
        self.shown.emit(how, text)
