"""Progress charts (pyqtgraph): minutes per day, streak, words per minute,
corrections per 100 words and drills mastered, one point per practice day.
The x axis is in days from the first one and each chart says what changed
(app/review/progress_text.py)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.review.progress_text import change_sentence, day_axis
from app.ui import theme
from app.ui.i18n import tr
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks

CHARTS = (
    ("minutes", "Minutes spoken per day", "bar"),
    ("streak", "Streak (days)", "line"),
    ("wpm", "Words per minute", "line"),
    ("corrections_per_100_words", "Corrections per 100 words", "line"),
    ("drills_mastered", "Drills mastered", "line"),
)


def chart_title(key: str) -> str:
    """A chart's title in the interface's language."""
    return {"minutes": tr("Minutes spoken per day"), "streak": tr("Streak (days)"),
            "wpm": tr("Words per minute"), "corrections_per_100_words": tr("Corrections per 100 words"),
            "drills_mastered": tr("Drills mastered")}.get(key, key)


class ProgressPage(QWidget):
    loaded = Signal(object)  # app.review.stats.Progress

    def __init__(self, services: ReviewServices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        # lazy: loads pyqtgraph
        import pyqtgraph as pg  # heavy: only when the page is built

        self.services, self.tasks = services, tasks
        self.graphs = pg.GraphicsLayoutWidget()
        # Themed locally (not pg.setConfigOptions: no global state), again on a theme change.
        self._theme()
        theme.signals().changed.connect(self.retheme)
        self.plots = {}
        self.sentences: dict[str, str] = {}  # what changed, per chart
        for row, (key, title, _style) in enumerate(CHARTS):
            plot = self.graphs.addPlot(row=row, col=0, title=chart_title(key))
            plot.showGrid(x=True, y=True, alpha=0.25)
            self.plots[key] = plot
        self._style_axes()
        self.empty = QLabel(tr("Practise a few days to see your progress here."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.graphs, 1)

    def retheme(self, _palette=None) -> None:
        self._theme()
        self.refresh()

    def _theme(self) -> None:
        self.graphs.setBackground(theme.current().surface)
        if getattr(self, "plots", None):
            self._style_axes()

    def _style_axes(self) -> None:
        p = theme.current()
        for plot in self.plots.values():
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                axis.setPen(p.border)
                axis.setTextPen(p.muted)

    def refresh(self) -> None:
        from app.review.stats import load_progress  # lazy: loads SQLAlchemy and libsndfile

        self.tasks.run(lambda: load_progress(self.services.store), self._show)

    def _show(self, progress) -> None:
        import pyqtgraph as pg  # lazy: loads pyqtgraph

        xs, x_range, ticks = day_axis(progress.days)
        self.empty.setVisible(not xs)
        for key, title, style in CHARTS:
            plot = self.plots[key]
            plot.clear()
            ys = getattr(progress, key)
            plot.getAxis("bottom").setTicks([ticks, []])
            self.sentences[key] = change_sentence(key, progress.days, ys)
            p = theme.current()
            shown = (f"{chart_title(key)}: {self.sentences[key]}" if self.sentences[key]
                     else chart_title(key))
            plot.setTitle(shown, color=p.text, size=f"{self.font().pointSizeF():.0f}pt")
            if not xs:
                continue
            if style == "bar":
                plot.addItem(pg.BarGraphItem(x=xs, height=ys, width=0.7, brush=p.chart, pen=p.chart))
            else:
                plot.plot(xs, ys, pen=pg.mkPen(p.chart, width=2.5), symbol="o", symbolSize=7,
                          symbolBrush=p.chart, symbolPen=p.surface)
            # After the data (adding items auto-ranges again). Every series is a
            # count or a rate: from zero, so one point is not a swing from 95.6 to 96.4.
            plot.setXRange(*x_range, padding=0)
            plot.setYRange(0, max(max(ys, default=0) * 1.15, 1), padding=0)
        self.loaded.emit(progress)
