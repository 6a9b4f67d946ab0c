"""Drills: "Practice again". The learner hears/reads the corrected sentence, says
it into the microphone, and sees the word diff; FSRS schedules the next try."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from app.review.text import DiffOp, render_diff
from app.ui.i18n import tr
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks


HTML_DIFF = {
    "equal": "<span style='color:#2e7d32'>{expected}</span>",
    "delete": "<span style='color:#c62828'>[missing: {expected}]</span>",
    "insert": "<span style='color:#8d6e63'>[extra: {heard}]</span>",
    "replace": "<span style='color:#c62828'><s>{heard}</s> {expected}</span>",
}


def diff_html(ops: list[DiffOp]) -> str:
    """Green: said right; red strike: missing or wrong (with what was heard)."""
    return render_diff(ops, HTML_DIFF, quote=escape)


class DrillsPage(QWidget):
    loaded = Signal(int)  # drills due
    judged = Signal(object)  # app.review.drills.DrillOutcome
    listening = Signal()

    def __init__(self, services: ReviewServices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.drills: list = []
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Drills due"))
        self.target = QLabel(tr("No drills due."), wordWrap=True)
        self.target.setAccessibleName(tr("Sentence to say"))
        self.result = QLabel(wordWrap=True)
        self.practice_button = QPushButton(tr("Practice again (speak now)"))
        self.hear_button = QPushButton(tr("Hear it"))
        self.practice_button.clicked.connect(self.practice)
        self.hear_button.clicked.connect(self.hear)
        self.list.currentRowChanged.connect(self._select)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hear_button)
        buttons.addWidget(self.practice_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Due now:")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.target)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self._select(-1)

    @property
    def current(self):
        row = self.list.currentRow()
        return self.drills[row] if 0 <= row < len(self.drills) else None

    def refresh(self) -> None:
        from app.review.drills import due_drills, sync_drills  # lazy: loads SQLAlchemy and libsndfile

        def load():
            sync_drills(self.services.store)
            return due_drills(self.services.store)

        self.tasks.run(load, self._show)

    def _show(self, drills) -> None:
        self.drills = list(drills)
        self.list.clear()
        for drill in self.drills:
            item = QListWidgetItem(f"[{drill.kind}] {drill.target}")
            item.setToolTip(tr("You said: {words}").format(words=drill.prompt) + f"\n{drill.reason}")
            self.list.addItem(item)
        self.list.setCurrentRow(0 if self.drills else -1)
        self._select(self.list.currentRow())
        self.loaded.emit(len(self.drills))

    def _select(self, row: int) -> None:
        drill = self.current
        self.practice_button.setEnabled(drill is not None)
        self.hear_button.setEnabled(drill is not None)
        if drill is None:
            self.target.setText(tr("No drills due. Well done!") if row == -1 and self.drills == []
                                else tr("Pick a drill."))
            return
        self.target.setText("<b>" + tr("Say:") + f"</b> {escape(drill.target)}<br><i>"
                            + tr("You said: {words}").format(words=escape(drill.prompt))
                            + f" ({escape(drill.reason)})</i>")

    def hear(self) -> None:
        drill = self.current
        if drill is not None:
            def say():
                pcm = self.services.voice.synthesize_all(drill.target)
                self.services.play_pcm(pcm, self.services.voice.sample_rate)
            self.tasks.run(say, pool="media")

    def practice(self) -> None:
        """Listen on the microphone, transcribe (media thread), then judge (db thread)."""
        drill = self.current
        if drill is None:
            return
        self.practice_button.setEnabled(False)
        self.result.setText(tr("Listening... say the sentence."))
        self.listening.emit()
        self.tasks.run(self.services.listen_and_transcribe,
                       lambda heard: self._judge(drill, heard), self._failed, pool="media")

    def _judge(self, drill, heard: str) -> None:
        from app.review.drills import review  # lazy: loads SQLAlchemy and libsndfile

        self.tasks.run(lambda: review(self.services.store, drill, heard), self._show_outcome,
                       self._failed)

    def _show_outcome(self, outcome) -> None:
        # Keep the saved state: a second try must build on this review, not the old one.
        self.drills = [outcome.drill if d.id == outcome.drill.id else d for d in self.drills]
        self.practice_button.setEnabled(True)
        verdict = "Well said!" if outcome.attempt.matched else "Not quite. Try again later."
        due = outcome.drill.due.astimezone().strftime("%Y-%m-%d %H:%M")
        self.result.setText(f"<b>{verdict}</b><br>"
                            + tr("Heard: {words}").format(words=escape(outcome.attempt.heard))
                            + f"<br>{diff_html(outcome.attempt.diff)}<br>"
                            + tr("Next practice: {when}").format(when=due))
        self.judged.emit(outcome)

    def _failed(self, message: str) -> None:
        self.practice_button.setEnabled(self.current is not None)
        self.result.setText("<b>" + tr("Could not practise:") + f"</b> {escape(message)}")
