"""Session detail: turn by turn, with replay, corrections, fluency and word hints.

Words Whisper was unsure of are buttons: a click says the word with the
tutor's voice and shows its CMU pronunciation.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from app.review.fluency import fluency
from app.review.pronunciation import low_probability_words
from app.review.text import corrected_sentence
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks


def correction_html(turn) -> str:
    """The corrected sentence, then each fix as ~~said~~ -> meant: reason."""
    if not turn.corrections:
        return ""
    lines = [f"<b>Better:</b> {escape(corrected_sentence(turn.transcript, turn.corrections))}"]
    lines += [f"<s>{escape(c.original)}</s> &rarr; <b>{escape(c.corrected)}</b>: "
              f"{escape(c.reason)} <i>({escape(c.kind)})</i>" for c in turn.corrections]
    return "<br>".join(lines)


class TurnCard(QFrame):
    """One turn; asks the page to play audio or say a word through signals."""

    play = Signal(object)  # Path
    say_word = Signal(str)

    def __init__(self, turn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.turn = turn
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        you = QLabel(f"<b>You:</b> {escape(turn.transcript)}", wordWrap=True)
        layout.addLayout(self._with_play(you, turn.learner_audio, "Replay my recording"))
        if turn.corrections:
            self.corrections = QLabel(correction_html(turn), wordWrap=True)
            layout.addWidget(self.corrections)
        if turn.words:
            f = fluency(turn.words)
            layout.addWidget(QLabel(
                f"Fluency: {f.wpm:.0f} words/min, {f.pauses} pauses over 1 s, "
                f"{f.fillers} fillers" + (f" ({', '.join(f.filler_words)})" if f.fillers else "")))
        self.word_buttons: list[QPushButton] = []
        hints = low_probability_words(turn.words)
        if hints:
            row = QHBoxLayout()
            row.addWidget(QLabel("Unclear words:"))
            for hint in hints:
                button = QPushButton(f"{hint.text} ({hint.probability:.0%})")
                button.setToolTip(" or ".join(hint.arpabet) or "not in the CMU dictionary")
                button.setStyleSheet("color: #b35c00;")
                button.clicked.connect(lambda _=False, w=hint.word: self.say_word.emit(w))
                self.word_buttons.append(button)
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        tutor = QLabel(f"<b>Tutor:</b> {escape(turn.reply)}", wordWrap=True)
        layout.addLayout(self._with_play(tutor, turn.reply_audio, "Replay the tutor"))

    def _with_play(self, label: QLabel, audio: Path | None, tip: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(label, 1)
        button = QPushButton("Play")
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setEnabled(audio is not None)
        button.clicked.connect(lambda: self.play.emit(audio))
        row.addWidget(button)
        if label.text().startswith("<b>You"):
            self.play_learner = button
        else:
            self.play_reply = button
        return row


class SessionPage(QWidget):
    loaded = Signal(int)  # session id
    playing = Signal(float)  # seconds of audio started
    word_info = Signal(str)  # "word: pronunciation"
    practise_drills = Signal()  # the review's "Practise these in Drills"

    def __init__(self, services: ReviewServices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.session_id: int | None = None
        self.cards: list[TurnCard] = []
        self.learned = None  # LearnedBox, when the session taught Parley something
        self.fluent = None  # FluentPanel: the session's review (app/ui/review/fluent_panel.py)
        self.header = QLabel("Open a session from the history.", wordWrap=True)
        self.info = QLabel()
        self.info.setAccessibleName("Pronunciation")
        self.area = QScrollArea(widgetResizable=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.info)

    def show_session(self, session_id: int, turn_index: int = -1) -> None:
        self.session_id = session_id

        def load():
            store = self.services.store
            learned = [f for f in store.facts() if f.session_id == session_id]
            return store.get_session(session_id), store.turns(session_id), learned

        self.tasks.run(load, lambda result: self._show(result, turn_index))

    def _show(self, result, turn_index: int) -> None:
        session, turns, learned = result
        container = QWidget()
        column = QVBoxLayout(container)
        self.cards = []
        self.learned = None
        if learned:
            from app.ui.review.learned_box import LearnedBox  # lazy: loads Qt

            self.learned = LearnedBox(learned)
            self.learned.forget.connect(self.forget_fact)
            column.addWidget(self.learned)
        if session is None:
            self.header.setText("This session no longer exists.")
        else:
            when = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.header.setText(f"<h3>{escape(session.scenario)} ({escape(session.level)})</h3>"
                                f"{when}, {len(turns)} turns")
        if session is not None:
            from app.ui.review.fluent_panel import FluentPanel  # lazy: loads Qt

            self.fluent = FluentPanel(self.services, self.tasks, session.id)
            self.fluent.practise_drills.connect(self.practise_drills.emit)
            column.addWidget(self.fluent)
        for turn in turns:
            card = TurnCard(turn)
            card.play.connect(self.play)
            card.say_word.connect(self.say_word)
            column.addWidget(card)
            self.cards.append(card)
        column.addStretch(1)
        self.area.setWidget(container)
        if 0 <= turn_index < len(self.cards):
            self.area.ensureWidgetVisible(self.cards[turn_index])
        self.loaded.emit(self.session_id or 0)

    def forget_fact(self, fact_id: int) -> None:
        """Strike a fact learned in this session: it is forgotten for good."""
        store, session_id = self.services.store, self.session_id
        self.tasks.run(lambda: store.forget_fact(fact_id),
                       lambda _fact: self.show_session(session_id))

    def play(self, path: Path | None) -> None:
        if path is not None:
            self.tasks.run(lambda: self.services.play_file(path), self.playing.emit,
                           pool="media")

    def say_word(self, word: str) -> None:
        self.info.setText(f"Saying “{word}”...")

        def shown(result) -> None:
            said, arpabet = result
            text = f"{said}: {' or '.join(arpabet) if arpabet else 'not in the CMU dictionary'}"
            self.info.setText(text)
            self.word_info.emit(text)

        self.tasks.run(lambda: self.services.speak_word(word), shown, pool="media")
