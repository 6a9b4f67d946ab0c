"""History: every session in a table, with a scenario/date filter and full-text search.

Typing in the search box switches the table to matching turns (best first);
clearing it shows the sessions again. Queries run on the database thread.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.ui.i18n import tr
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks

ALL = "All scenarios"
SESSION_COLUMNS = ("Date", "Scenario", "Level", "Duration", "Turns", "Corrections")
HIT_COLUMNS = ("Date", "Scenario", "Turn", "You said", "Tutor")


def _session_columns() -> tuple[str, ...]:
    """SESSION_COLUMNS in the interface's language."""
    return (tr("Date"), tr("Scenario"), tr("Level"), tr("Duration"), tr("Turns"), tr("Corrections"))


def _hit_columns() -> tuple[str, ...]:
    return (tr("Date"), tr("Scenario"), tr("Turn"), tr("You said"), tr("Tutor"))


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _minutes(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes}:{rest:02d}"


class HistoryPage(QWidget):
    loaded = Signal(int)  # rows shown (sessions or search hits)
    open_session = Signal(int, int)  # session id, turn index to show (-1: none)
    deleted = Signal(int)
    exported = Signal(str)  # path written

    def __init__(self, services: ReviewServices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.search = QLineEdit(placeholderText=tr("Search what you said and what the tutor replied"))
        self.search.setAccessibleName(tr("Search sessions"))
        self.scenario = QComboBox()
        self.scenario.setAccessibleName(tr("Scenario filter"))
        self.scenario.addItem(ALL)
        self.use_dates = QCheckBox(tr("Between"))
        self.use_dates.setAccessibleName(tr("Only sessions between two dates"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30), calendarPopup=True)
        self.date_to = QDateEdit(today, calendarPopup=True)
        self.table = QTableWidget(0, len(SESSION_COLUMNS))
        self.table.setAccessibleName(tr("Sessions"))
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.date_from.setAccessibleName(tr("From date"))
        self.date_to.setAccessibleName(tr("To date"))
        self.open_button = QPushButton(tr("Open"))
        self.open_button.setProperty("primary", True)
        self.delete_button = QPushButton(tr("Delete session"))
        self.export_button = QPushButton(tr("Export session..."))
        self.status = QLabel()
        filters = QHBoxLayout()
        for widget in (self.search, self.scenario, self.use_dates, self.date_from,
                       QLabel(tr("and")), self.date_to):
            filters.addWidget(widget, 3 if widget is self.search else 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        # Debounced: one query after typing pauses, not one per key.
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.scenario.currentIndexChanged.connect(self._timer.start)
        self.use_dates.toggled.connect(self._timer.start)
        self.date_from.dateChanged.connect(self._timer.start)
        self.date_to.dateChanged.connect(self._timer.start)
        self.table.cellDoubleClicked.connect(lambda *_: self._open())
        self.open_button.clicked.connect(self._open)
        self.delete_button.clicked.connect(self._delete_selected)
        self.export_button.clicked.connect(self._ask_export)
        self._hits = False

    # -- loading ------------------------------------------------------------------

    def _filters(self) -> dict:
        scenario = self.scenario.currentText()
        since = until = None
        if self.use_dates.isChecked():
            since = datetime.combine(self.date_from.date().toPython(), time()).astimezone(UTC)
            end = self.date_to.date().addDays(1).toPython()
            until = datetime.combine(end, time()).astimezone(UTC)
        return {"scenario": None if scenario == ALL else scenario, "since": since, "until": until}

    def refresh(self) -> None:
        text, filters = self.search.text(), self._filters()
        store = lambda: self.services.store  # noqa: E731 (opened on the db thread)

        def query():
            scenarios = store().scenarios()
            if text.strip():
                return scenarios, True, store().search(text, scenario=filters["scenario"])
            return scenarios, False, store().history(**filters)

        self.tasks.run(query, self._show)

    def _show(self, result) -> None:
        scenarios, hits, rows = result
        self._update_scenarios(scenarios)
        self._hits = hits
        columns = _hit_columns() if hits else _session_columns()
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            if hits:
                cells = (_local(row.started_at), row.scenario, str(row.turn_index + 1),
                         row.transcript_snippet, row.reply_snippet)
                key = (row.session_id, row.turn_index)
            else:
                cells = (_local(row.started_at), row.scenario, row.level,
                         _minutes(row.duration.total_seconds()), str(row.turn_count),
                         str(row.correction_count))
                key = (row.session_id, -1)
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        what = "matching turns" if hits else "sessions"
        self.status.setText(f"{len(rows)} {what}")
        self.loaded.emit(len(rows))

    def _update_scenarios(self, scenarios: list[str]) -> None:
        current = self.scenario.currentText()
        wanted = [ALL, *scenarios]
        if [self.scenario.itemText(i) for i in range(self.scenario.count())] == wanted:
            return
        self.scenario.blockSignals(True)  # a refill is not a new filter choice
        self.scenario.clear()
        self.scenario.addItems(wanted)
        self.scenario.setCurrentText(current if current in wanted else ALL)
        self.scenario.blockSignals(False)

    # -- actions --------------------------------------------------------------------

    def selected(self) -> tuple[int, int] | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _open(self) -> None:
        key = self.selected()
        if key is not None:
            self.open_session.emit(*key)

    def _delete_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # lazy: loads Qt

        key = self.selected()
        if key is None:
            return
        answer = QMessageBox.question(self, tr("Delete session"),
                                      tr("Delete this session and its recordings for good?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_session(key[0])

    def delete_session(self, session_id: int) -> None:
        """Delete without asking (the button asks first)."""
        self.tasks.run(lambda: self.services.store.delete_session(session_id),
                       lambda _found: (self.deleted.emit(session_id), self.refresh()))

    def _ask_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # lazy: loads Qt

        key = self.selected()
        if key is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export session", f"parley-session-{key[0]}.md", "Markdown (*.md);;JSON (*.json)")
        if path:
            fmt = "json" if path.endswith(".json") or "JSON" in chosen else "md"
            self.export_session(key[0], fmt, Path(path))

    def export_session(self, session_id: int, fmt: str, path) -> None:
        """Write the session as Markdown ("md") or JSON ("json") to ``path``."""
        from app.review.export import session_json, session_markdown  # lazy: loads SQLAlchemy and libsndfile

        def write() -> str:
            store = self.services.store
            session = store.get_session(session_id)
            if session is None:
                raise KeyError(f"no session {session_id}")
            render = session_json if fmt == "json" else session_markdown
            path.write_text(render(store.home, session, store.turns(session_id)),
                            encoding="utf-8", newline="")
            return str(path)

        self.tasks.run(write, self.exported.emit)
