"""The review window: Today, History, Session, Mistakes, Drills, Memory (what Parley remembers), Weekly, Progress tabs.

Pages load when first shown (and again each time they are shown), on worker
threads; errors go to the status bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from app.ui.i18n import tr
from app.ui.review.detail import SessionPage
from app.ui.review.drills import DrillsPage
from app.ui.review.history import HistoryPage
from app.ui.review.memory_page import MemoryPage
from app.ui.review.notebook import NotebookPage
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks
from app.ui.review.today import TodayPage


def _placeholder(name: str) -> QWidget:
    widget = QWidget()
    widget.setObjectName(name)
    return widget


class ReviewWindow(QMainWindow):
    def __init__(self, home: Path, parent: QWidget | None = None,
                 services: ReviewServices | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Parley: review"))
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
        self.tabs.setAccessibleName(tr("Review pages"))
        self.tabs.setDocumentMode(True)
        # The Weekly and Progress pages are built when first shown: until then
        # a placeholder named for them holds their tab (tab texts are translated).
        for page, title in ((self.today, tr("Today")), (self.history, tr("History")),
                            (self.session, tr("Session")), (self.notebook, tr("Mistakes")),
                            (self.drills, tr("Drills")), (self.memory, tr("Memory")),
                            (_placeholder("weekly"), tr("Weekly")),
                            (_placeholder("progress"), tr("Progress"))):
            if not page.objectName():
                page.setObjectName("page")
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
            self._progress.setObjectName("page")
            index = self._tab_of("progress")
            self.tabs.blockSignals(True)
            current = self.tabs.currentIndex()
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, self._progress, tr("Progress"))
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
        return self._progress

    @property
    def weekly(self):
        if self._weekly is None:
            from app.ui.review.weekly_page import WeeklyPage  # lazy: loads pyqtgraph

            self._weekly = WeeklyPage(self.services, self.tasks)
            self._weekly.setObjectName("page")
            index = self._tab_of("weekly")
            self.tabs.blockSignals(True)
            current = self.tabs.currentIndex()
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, self._weekly, tr("Weekly"))
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
        return self._weekly

    def _tab_of(self, name: str) -> int:
        """The tab of a page not built yet (its placeholder's name)."""
        return next(i for i in range(self.tabs.count()) if self.tabs.widget(i).objectName() == name)

    def open_session(self, session_id: int, turn_index: int = -1) -> None:
        self.tabs.blockSignals(True)  # the session tab refreshes itself
        self.tabs.setCurrentWidget(self.session)
        self.tabs.blockSignals(False)
        self.session.show_session(session_id, turn_index)

    def _refresh_current(self, *_args) -> None:
        index = self.tabs.currentIndex()
        name = self.tabs.widget(index).objectName() if index >= 0 else ""
        if name == "progress" or (self._progress is not None and index == self.tabs.indexOf(self._progress)):
            self.progress.refresh()
            self.tabs.setCurrentWidget(self.progress)
            return
        if name == "weekly" or (self._weekly is not None and index == self.tabs.indexOf(self._weekly)):
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
