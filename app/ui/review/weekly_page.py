"""The weekly review's charts (pyqtgraph): minutes spoken, mistakes per 100
words by kind, and fluency, one point per week (app/review/weekly.py). The
x axis is weeks, labelled by their Monday, readable from one day of data
(four weeks shown) to a year (at most nine labels)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.i18n import tr
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks

COLOURS = ("#4c8bf5", "#e8710a", "#1e8e3e", "#a142f4", "#80868b")
CHARTS = (
    ("minutes", "Minutes spoken per week", "minutes"),
    ("mistakes", "Mistakes per 100 words, by kind", "per 100 words"),
    ("wpm", "Speaking rate", "words/min"),
    ("pauses", "Pauses and fillers", "per minute"),
)


def chart_words(key: str) -> tuple[str, str]:
    """A chart's title and its unit, in the interface's language."""
    return {"minutes": (tr("Minutes spoken per week"), tr("minutes")),
            "mistakes": (tr("Mistakes per 100 words, by kind"), tr("per 100 words")),
            "wpm": (tr("Speaking rate"), tr("words/min")),
            "pauses": (tr("Pauses and fillers"), tr("per minute"))}.get(key, (key, ""))


class WeeklyPage(QWidget):
    loaded = Signal(object)  # app.review.weekly.Weekly

    def __init__(self, services: ReviewServices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        import pyqtgraph as pg  # lazy: heavy, only when the page is built

        self.services, self.tasks = services, tasks
        self.graphs = pg.GraphicsLayoutWidget()
        self.graphs.setBackground("w")
        self.plots = {}
        for row, (key, _title, _unit) in enumerate(CHARTS):
            title, unit = chart_words(key)
            plot = self.graphs.addPlot(row=row, col=0, title=title)
            plot.showGrid(x=False, y=True, alpha=0.3)
            plot.setLabel("left", unit)
            plot.setLabel("bottom", tr("week starting"))
            plot.setMouseEnabled(x=False, y=False)
            # The first week's label (with its year) may run a little past the
            # axis's left end: drawn, not dropped. The ticks are few enough
            # (app/review/weekly.py) never to overlap; the test checks both.
            plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)
            self.plots[key] = plot
        self.ticks: list[tuple[float, str]] = []
        self.empty = QLabel(tr("Practise this week to see your weekly review here."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.graphs, 1)

    def refresh(self) -> None:
        from app.review.weekly import load_weekly  # lazy: loads SQLAlchemy

        self.tasks.run(lambda: load_weekly(self.services.store), self.show_weekly)

    def show_weekly(self, weekly) -> None:
        import pyqtgraph as pg  # lazy: loads pyqtgraph

        from app.review.weekly import week_axis

        xs, x_range, ticks = week_axis(weekly.weeks)
        self.ticks = ticks
        self.empty.setVisible(not xs)
        series = {
            "minutes": [(tr("minutes"), weekly.minutes)],
            "mistakes": list(weekly.mistakes_per_100.items()),
            "wpm": [(tr("words/min"), weekly.wpm)],
            "pauses": [(tr("pauses/min"), weekly.pauses_per_min),
                       (tr("fillers/min"), weekly.fillers_per_min)],
        }
        for key, _title, _unit in CHARTS:
            plot = self.plots[key]
            plot.clear()
            if plot.legend is not None:
                plot.legend.clear()
            plot.getAxis("bottom").setTicks([ticks, []])
            top = 0.0
            if len(series[key]) > 1:
                plot.addLegend(offset=(-10, 10))
            for n, (name, ys) in enumerate(series[key]):
                points = [(x, y) for x, y in zip(xs, ys) if y is not None]
                top = max([top, *(y for _x, y in points)])
                if not points:
                    continue
                colour = COLOURS[n % len(COLOURS)]
                if key == "minutes":
                    plot.addItem(pg.BarGraphItem(x=[p[0] for p in points],
                                                 height=[p[1] for p in points], width=0.7,
                                                 brush=colour))
                else:
                    plot.plot([p[0] for p in points], [p[1] for p in points], name=name,
                              pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=5,
                              symbolBrush=colour)
            plot.setXRange(*x_range, padding=0)
            plot.setYRange(0, max(top * 1.15, 1), padding=0)
        self.loaded.emit(weekly)
