"""The review window: Today, History, Session, Mistakes, Drills, Memory (what Parley remembers), Weekly, Progress tabs.

Pages load when first shown (and again each time they are shown), on worker
threads; errors go to the status bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from app.ui.review.detail import SessionPage
from app.ui.review.drills import DrillsPage
from app.ui.review.history import HistoryPage
from app.ui.review.memory_page import MemoryPage
from app.ui.review.notebook import NotebookPage
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks
from app.ui.review.today import TodayPage


class ReviewWindow(QMainWindow):
    def __init__(self, home: Path, parent: QWidget | None = None,
                 services: ReviewServices | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Parley: review")
        self.resize(900, 640)
        self.services = services or ReviewServices(Path(home))
        self.tasks = Tasks(self)
        self.tasks.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        self.today = TodayPage(self.services, self.tasks)
        self.history = HistoryPage(self.services, self.tasks)
        self.session = SessionPage(self.services, self.tasks)
        self.notebook = NotebookPage(self.services, self.tasks)
        self.drills = DrillsPage(self.services, self.tasks)
        self.memory = MemoryPage(self.services, self.tasks)
        self._progress = None  # built on first view: pyqtgraph is slow to import
        self._weekly = None  # the weekly review's charts, likewise
        self.tabs = QTabWidget()
        for page, title in ((self.today, "Today"), (self.history, "History"),
                            (self.session, "Session"), (self.notebook, "Mistakes"),
                            (self.drills, "Drills"), (self.memory, "Memory"),
                            (QWidget(), "Weekly"), (QWidget(), "Progress")):
            self.tabs.addTab(page, title)
        self.setCentralWidget(self.tabs)
        self.history.open_session.connect(self.open_session)
        self.today.start_drills.connect(lambda: self.tabs.setCurrentWidget(self.drills))
        self.session.practise_drills.connect(lambda: self.tabs.setCurrentWidget(self.drills))
        self.tabs.currentChanged.connect(self._refresh_current)
        self._refresh_current()

    @property
    def progress(self):
        if self._progress is None:
            from app.ui.review.progress import ProgressPage  # lazy: loads Qt and numpy

            self._progress = ProgressPage(self.services, self.tasks)
            index = self.tabs.count() - 1
            self.tabs.blockSignals(True)
            current = self.tabs.currentIndex()
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, self._progress, "Progress")
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
        return self._progress

    @property
    def weekly(self):
        if self._weekly is None:
            from app.ui.review.weekly_page import WeeklyPage  # lazy: loads pyqtgraph

            self._weekly = WeeklyPage(self.services, self.tasks)
            index = next(i for i in range(self.tabs.count()) if self.tabs.tabText(i) == "Weekly")
            self.tabs.blockSignals(True)
            current = self.tabs.currentIndex()
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, self._weekly, "Weekly")
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
        return self._weekly

    def open_session(self, session_id: int, turn_index: int = -1) -> None:
        self.tabs.blockSignals(True)  # the session tab refreshes itself
        self.tabs.setCurrentWidget(self.session)
        self.tabs.blockSignals(False)
        self.session.show_session(session_id, turn_index)

    def _refresh_current(self, *_args) -> None:
        index = self.tabs.currentIndex()
        if self.tabs.tabText(index) == "Progress":
            self.progress.refresh()
            self.tabs.setCurrentWidget(self.progress)
            return
        if self.tabs.tabText(index) == "Weekly":
            self.weekly.refresh()
            self.tabs.setCurrentWidget(self.weekly)
            return
        page = self.tabs.currentWidget()
        if page is self.session:
            if self.session.session_id is not None:
                self.session.show_session(self.session.session_id)
        elif hasattr(page, "refresh"):
            page.refresh()

    def shutdown(self) -> None:
        """Stop audio, let every task finish (no time limit: a task outliving
        the services it uses would crash), then close the store and player."""
        self.services.stop_audio()
        self.tasks.wait()
        self.services.close()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.shutdown()
        super().closeEvent(event)
