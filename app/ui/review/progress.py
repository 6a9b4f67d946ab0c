"""Progress charts (pyqtgraph): minutes per day, streak, words per minute,
corrections per 100 words and drills mastered, one point per practice day."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks

CHARTS = (
    ("minutes", "Minutes spoken per day", "bar"),
    ("streak", "Streak (days)", "line"),
    ("wpm", "Words per minute", "line"),
    ("corrections_per_100_words", "Corrections per 100 words", "line"),
    ("drills_mastered", "Drills mastered", "line"),
)


class ProgressPage(QWidget):
    loaded = Signal(object)  # app.review.stats.Progress

    def __init__(self, services: ReviewServices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        import pyqtgraph as pg  # heavy: only when the page is built

        self.services, self.tasks = services, tasks
        self.graphs = pg.GraphicsLayoutWidget()
        self.graphs.setBackground("w")  # local, not pg.setConfigOptions: no global state
        self.plots = {}
        for row, (key, title, _style) in enumerate(CHARTS):
            plot = self.graphs.addPlot(row=row, col=0, title=title,
                                       axisItems={"bottom": pg.DateAxisItem()})
            plot.showGrid(x=True, y=True, alpha=0.3)
            self.plots[key] = plot
        self.empty = QLabel("Practise a few days to see your progress here.")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.graphs, 1)

    def refresh(self) -> None:
        from app.review.stats import load_progress

        self.tasks.run(lambda: load_progress(self.services.store), self._show)

    def _show(self, progress) -> None:
        import pyqtgraph as pg

        xs = [datetime.combine(day, time(12)).timestamp() for day in progress.days]
        self.empty.setVisible(not xs)
        for key, _title, style in CHARTS:
            plot = self.plots[key]
            plot.clear()
            ys = getattr(progress, key)
            if not xs:
                continue
            if style == "bar":
                plot.addItem(pg.BarGraphItem(x=xs, height=ys, width=60 * 60 * 16, brush="#4c8bf5"))
            else:
                plot.plot(xs, ys, pen=pg.mkPen("#4c8bf5", width=2), symbol="o", symbolSize=6)
        self.loaded.emit(progress)
