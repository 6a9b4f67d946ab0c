"""The session page's review: each learner turn beside its fluent version, with
play (normal and slow, in the tutor's voice) and shadowing; what went well,
what to work on (linked to the drills), and fluency against the last five
sessions. Content comes from app/review/session_review.py, built on the
review's "db" thread; speech and recording run on its "media" thread."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from app.ui.i18n import tr
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks

SLOW = 0.75  # the slow replay's rate, as the practice window's "slow" button


def changes_html(said: str, fluent: str) -> tuple[str, str]:
    """What was said with the words that changed struck through, and the fluent
    version with its new words in bold."""
    from app.tutor.fluent import changes  # lazy: loads the word lists

    left, right = [], []
    for op in changes(said, fluent):
        a, b = escape(op.said), escape(op.fluent)
        if op.op == "equal":
            left.append(a)
            right.append(b)
            continue
        if a:
            left.append(f"<s style='color:#b3261e'>{a}</s>")
        if b:
            right.append(f"<b style='color:#1b6e20'>{b}</b>")
    return " ".join(left), " ".join(right)


class FluentRow(QFrame):
    """One turn: said, fluent, Play, Slow, Shadow, and the shadowing result."""

    speak = Signal(str, float)  # text, rate factor
    shadow = Signal(object)  # the row

    def __init__(self, row: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setFrameShape(QFrame.Shape.StyledPanel)
        said_html, fluent_html = changes_html(row["said"], row["fluent"])
        layout = QVBoxLayout(self)
        self.said = QLabel("<b>" + tr("You said:") + f"</b> {said_html}", wordWrap=True)
        self.fluent = QLabel("<b>" + tr("Fluent:") + f"</b> {fluent_html}", wordWrap=True)
        self.fluent.setAccessibleName(tr("Fluent version"))
        layout.addWidget(self.said)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fluent, 1)
        self.play = self._button(tr("Play"), tr("Hear the fluent version"),
                                 lambda: self.speak.emit(row["fluent"], 1.0))
        self.slow = self._button(tr("Slow"), tr("Hear it slowly"),
                                 lambda: self.speak.emit(row["fluent"], SLOW))
        self.record = self._button(tr("Shadow"), tr("Say the fluent version yourself"),
                                   lambda: self.shadow.emit(self))
        for button in (self.play, self.slow, self.record):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.result = QLabel(wordWrap=True)
        self.result.setAccessibleName(tr("Shadowing result"))
        if row.get("shadowing"):
            self.result.setText(tr("Last shadowing: “{words}”").format(
                words=escape(row['shadowing'][-1]['transcript'])))
        layout.addWidget(self.result)

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button


class FluentPanel(QWidget):
    """Loads and shows one session's review; asks the window to open the drills."""

    loaded = Signal(object)  # the review dict
    practise_drills = Signal()
    spoken = Signal(float)  # seconds of speech started
    shadowed = Signal(object)  # the comparison dict

    def __init__(self, services: ReviewServices, tasks: Tasks, session_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.session_id = services, tasks, session_id
        self.rows: list[FluentRow] = []
        self.review: dict | None = None
        self.status = QLabel(tr("Loading the review…"), wordWrap=True)
        self.status.setAccessibleName(tr("Review status"))
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        from app.review.session_review import build_review  # lazy: loads SQLAlchemy

        services, session_id = self.services, self.session_id

        def load():
            from app.review.drills import sync_drills  # lazy: loads FSRS

            sync_drills(services.store)  # "what to work on" links to these drills
            return build_review(services.store, session_id)

        self.tasks.run(load, self._show)

    def show_progress(self, done: int, total: int) -> None:
        self.status.setText(tr("Building your fluent versions… {done} of {total} turns").format(
            done=done, total=total))

    def show_failure(self, message: str) -> None:
        self.status.setText(message)

    def _show(self, review: dict | None) -> None:
        self.review = review
        if review is None:
            self.status.setText(tr("This session no longer exists."))
            return
        for row in self.rows:
            row.setParent(None)
        self.rows = []
        ready = [r for r in review["turns"] if r["fluent"] is not None]
        if not review["turns"]:
            self.status.setText(tr("No turns in this session."))
        elif not ready:
            self.status.setText(tr("Your fluent versions are built when the session ends."))
        else:
            self.status.setText("<h3>" + tr("Your words, fluent") + "</h3>")
        for data in ready:
            row = FluentRow(data)
            row.speak.connect(self.speak)
            row.shadow.connect(self.shadow)
            self.column.addWidget(row)
            self.rows.append(row)
        self._add_lists(review)
        self.loaded.emit(review)

    def _add_lists(self, review: dict) -> None:
        well = review["did_well"] or [tr("Nothing to compare with yet: keep practising.")]
        self.well = QLabel("<b>" + tr("What went well") + "</b><ul>" + "".join(
            f"<li>{escape(line)}</li>" for line in well) + "</ul>", wordWrap=True)
        items = []
        for item in review["work_on"]:
            examples = "; ".join(f"<s>{escape(e['original'])}</s> → <b>{escape(e['corrected'])}</b>"
                                 for e in item["examples"])
            items.append(f"<li>{escape(item['kind'])} ({item['count']}×): {examples}</li>")
        self.work = QLabel("<b>" + tr("What to work on") + "</b><ul>" + ("".join(items) or
                           "<li>" + tr("No corrections in this session.") + "</li>") + "</ul>", wordWrap=True)
        self.drills = QPushButton(tr("Practise these in Drills"))
        self.drills.setEnabled(bool(review["work_on"]))
        self.drills.clicked.connect(self.practise_drills.emit)
        self.fluency = QLabel("<b>" + tr("Fluency") + "</b><ul>" + "".join(
            f"<li>{escape(line)}</li>" for line in review["fluency"]["lines"]) + "</ul>",
            wordWrap=True)
        for widget in (self.well, self.work, self.drills, self.fluency):
            self.column.addWidget(widget)
            self.rows.append(widget)  # cleared with the rows

    def speak(self, text: str, rate: float) -> None:
        services = self.services

        def run() -> float:
            from app.ui.review.fluent_audio import speak_text  # lazy: loads numpy

            return speak_text(services, text, rate)

        self.tasks.run(run, self.spoken.emit, pool="media")

    def shadow(self, row: FluentRow) -> None:
        row.result.setText(tr("Listening… say the fluent version."))
        row.record.setEnabled(False)
        services, turn_id = self.services, row.row["turn_id"]

        def run() -> dict:
            from app.ui.review.fluent_audio import shadow_turn  # lazy: loads numpy

            return shadow_turn(services, turn_id, row.row["fluent"])

        def done(result: dict) -> None:
            from app.review.shadowing import summary_line

            row.record.setEnabled(True)
            row.result.setText(escape(summary_line(result)))
            self.shadowed.emit(result)

        def failed(message: str) -> None:
            row.record.setEnabled(True)
            row.result.setText(escape(message))

        self.tasks.run(run, done, failed, pool="media")
