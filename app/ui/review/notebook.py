"""Mistake notebook: corrections by kind (most frequent first) with examples,
exportable as CSV or an Anki deck."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from app.review.notebook import build_notebook
from app.ui.i18n import tr
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks


class NotebookPage(QWidget):
    loaded = Signal(int)  # kinds shown
    exported = Signal(str)  # path written

    def __init__(self, services: ReviewServices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(tr("Mistakes by kind"))
        self.tree.setHeaderLabels([tr("Mistake"), tr("Count / date"), tr("Why")])
        self.summary = QLabel()
        csv_button = QPushButton(tr("Export CSV..."))
        anki_button = QPushButton(tr("Export for Anki..."))
        csv_button.clicked.connect(lambda: self._ask_export("csv"))
        anki_button.clicked.connect(lambda: self._ask_export("anki"))
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(csv_button)
        row.addWidget(anki_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)

    def refresh(self) -> None:
        self.tasks.run(lambda: build_notebook(self.services.store.correction_entries()),
                       self._show)

    def _show(self, notebook) -> None:
        self.tree.clear()
        for summary in notebook:
            days = len(summary.by_day)
            kind = QTreeWidgetItem([summary.kind, f"{summary.count} on {days} day(s)",
                                    f"last {summary.last_seen.isoformat()}"])
            for example in summary.examples:
                fix = example.correction
                when = example.at.astimezone().strftime("%Y-%m-%d")
                child = QTreeWidgetItem([f"{fix.original} → {fix.corrected}", when, fix.reason])
                child.setToolTip(0, example.transcript)
                kind.addChild(child)
            self.tree.addTopLevelItem(kind)
        self.tree.expandAll()
        total = sum(s.count for s in notebook)
        self.summary.setText(tr("{n} corrections in {kinds} kinds").format(n=total, kinds=len(notebook)))
        self.loaded.emit(len(notebook))

    def _ask_export(self, fmt: str) -> None:
        suffix = "csv" if fmt == "csv" else "txt"
        path, _ = QFileDialog.getSaveFileName(self, "Export mistakes", f"parley-mistakes.{suffix}")
        if path:
            self.export(fmt, Path(path))

    def export(self, fmt: str, path: Path) -> None:
        from app.review.export import notebook_anki, notebook_csv  # lazy: loads SQLAlchemy and libsndfile

        def write() -> str:
            entries = self.services.store.correction_entries()
            text = notebook_csv(entries) if fmt == "csv" else notebook_anki(entries)
            path.write_text(text, encoding="utf-8", newline="")
            return str(path)

        self.tasks.run(write, self.exported.emit)
