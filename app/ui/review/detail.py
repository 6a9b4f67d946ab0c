"""Session detail: turn by turn, with replay, corrections, fluency and word hints.

Words Whisper was unsure of are buttons: a click says the word with the
tutor's voice and shows its CMU pronunciation.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QToolButton, QVBoxLayout, QWidget,
)

from app.review.fluency import fluency
from app.review.pronunciation import low_probability_words
from app.review.text import corrected_sentence
from app.ui import theme
from app.ui.i18n import tr
from app.ui.review.services import ReviewServices
from app.ui.review.tasks import Tasks
from app.ui.theme.widgets import Avatar


def correction_html(turn) -> str:
    """The corrected sentence, then each fix as ~~said~~ -> meant: reason."""
    if not turn.corrections:
        return ""
    lines = ["<b>" + escape(tr("Better:")) + "</b> "
             + escape(corrected_sentence(turn.transcript, turn.corrections))]
    lines += [f"<s>{escape(c.original)}</s> &rarr; <b>{escape(c.corrected)}</b>: "
              f"{escape(c.reason)} <i>({escape(c.kind)})</i>" for c in turn.corrections]
    return "<br>".join(lines)


class TurnCard(QWidget):
    """One turn in the conversation's own bubbles: the learner on the right
    with the corrections inside, the tutor on the left beside its avatar,
    each with a play button. Asks the page to play audio or say a word."""

    play = Signal(object)  # Path
    say_word = Signal(str)

    def __init__(self, turn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.turn = turn
        learner = _bubble("learnerBubble", tr("You"))
        you = QLabel(escape(turn.transcript), wordWrap=True)
        you.setObjectName("bubbleText")
        you.setAccessibleName(tr("Your words"))
        self.play_learner = self._play_button(turn.learner_audio, tr("Replay my recording"))
        learner.header.addWidget(self.play_learner)
        learner.body.addWidget(you)
        if turn.corrections:
            self.corrections = QLabel(correction_html(turn), wordWrap=True)
            self.corrections.setObjectName("correction")
            self.corrections.setAccessibleName(tr("Corrections"))
            learner.body.addWidget(self.corrections)
        if turn.words:
            f = fluency(turn.words)
            line = QLabel(tr("Fluency: {wpm} words/min, {pauses} pauses over 1 s, {fillers} fillers").format(
                wpm=f"{f.wpm:.0f}", pauses=f.pauses, fillers=f.fillers)
                + (f" ({', '.join(f.filler_words)})" if f.fillers else ""), wordWrap=True)
            line.setObjectName("reason")
            learner.body.addWidget(line)
        self.word_buttons: list[QPushButton] = []
        hints = low_probability_words(turn.words)
        if hints:
            row = QHBoxLayout()
            unclear = QLabel(tr("Unclear words:"))
            unclear.setObjectName("reason")
            row.addWidget(unclear)
            for hint in hints:
                button = QPushButton(f"{hint.text} ({hint.probability:.0%})")
                button.setObjectName("unclearWord")
                button.setToolTip(" or ".join(hint.arpabet) or tr("not in the CMU dictionary"))
                button.setAccessibleName(tr("Say “{word}”").format(word=hint.text))
                button.clicked.connect(lambda _=False, w=hint.word: self.say_word.emit(w))
                self.word_buttons.append(button)
                row.addWidget(button)
            row.addStretch(1)
            learner.body.addLayout(row)
        tutor = _bubble("tutorBubble", tr("Tutor"))
        said = QLabel(escape(turn.reply), wordWrap=True)
        said.setObjectName("bubbleText")
        said.setAccessibleName(tr("Tutor's words"))
        self.play_reply = self._play_button(turn.reply_audio, tr("Replay the tutor"))
        tutor.header.addWidget(self.play_reply)
        tutor.body.addWidget(said)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.space(1))
        right = QHBoxLayout()
        right.addStretch(1)
        right.addWidget(learner, 5)
        left = QHBoxLayout()
        left.addWidget(Avatar(theme.space(4)), 0, Qt.AlignmentFlag.AlignTop)
        left.addWidget(tutor, 5)
        left.addStretch(1)
        layout.addLayout(right)
        layout.addLayout(left)

    def _play_button(self, audio: Path | None, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName("bubbleButton")
        theme.set_icon(button, "play", "muted")
        button.setText(tr("Play"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setEnabled(audio is not None)
        button.clicked.connect(lambda: self.play.emit(audio))
        return button


def _bubble(name: str, who: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName(name)
    frame.setAccessibleName(tr("{who} message").format(who=who))
    frame.body = QVBoxLayout(frame)
    frame.body.setContentsMargins(theme.space(2), theme.space(1), theme.space(2), theme.space(1.5))
    frame.body.setSpacing(theme.space(0.5))
    frame.header = QHBoxLayout()
    label = QLabel(who)
    label.setObjectName("who")
    frame.header.addWidget(label)
    frame.header.addStretch(1)
    frame.body.addLayout(frame.header)
    return frame


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
        self.header = QLabel(tr("Open a session from the history."), wordWrap=True)
        self.info = QLabel()
        self.info.setAccessibleName(tr("Pronunciation"))
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
        container.setObjectName("page")
        column = QVBoxLayout(container)
        column.setSpacing(theme.space(1.5))
        self.cards = []
        self.learned = None
        if learned:
            from app.ui.review.learned_box import LearnedBox  # lazy: loads Qt

            self.learned = LearnedBox(learned)
            self.learned.forget.connect(self.forget_fact)
            column.addWidget(self.learned)
        if session is None:
            self.header.setText(tr("This session no longer exists."))
        else:
            when = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.header.setText(f"<h3>{escape(session.scenario)} ({escape(session.level)})</h3>"
                                + escape(tr("{when}, {n} turns").format(when=when, n=len(turns))))
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
        self.info.setText(tr("Saying “{word}”…").format(word=word))

        def shown(result) -> None:
            said, arpabet = result
            text = f"{said}: {' or '.join(arpabet) if arpabet else 'not in the CMU dictionary'}"
            self.info.setText(text)
            self.word_info.emit(text)

        self.tasks.run(lambda: self.services.speak_word(word), shown, pool="media")
