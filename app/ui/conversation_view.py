"""The conversation pane: one bubble per learner and tutor turn.

Colours come from the palette (Base / AlternateBase / Mid / text roles), so the
pane follows the system's light or dark mode. The correction diff does not rely
on colour alone: removed words are struck through, added words underlined, and
its red and green are mid-tone shades readable on light and dark backgrounds.
"""

from __future__ import annotations

import difflib
import html

import numpy as np

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget,
)

from app.audio.wavio import from_int16, to_int16

REMOVED, ADDED = "#d9534f", "#3fae5a"  # readable on light and dark bases


def diff_html(original: str, corrected: str) -> str:
    """Word-level diff: removed words struck through in red, added ones in green."""
    left, right = original.split(), corrected.split()
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            a=[w.lower() for w in left], b=[w.lower() for w in right], autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(html.escape(" ".join(right[j1:j2])))
            continue
        if i2 > i1:
            out.append(f'<s style="color:{REMOVED}">{html.escape(" ".join(left[i1:i2]))}</s>')
        if j2 > j1:
            out.append(f'<u style="color:{ADDED}"><b>{html.escape(" ".join(right[j1:j2]))}</b></u>')
    return " ".join(out)


def _label(text: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def _button(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


class Bubble(QFrame):
    def __init__(self, who: str, role: QPalette.ColorRole, align: Qt.AlignmentFlag) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(role)
        self.setAccessibleName(f"{who} message")
        self.align = align
        self.header = QLabel(f"<b>{html.escape(who)}</b>")
        self.text = _label()
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addStretch(1)
        top.addLayout(self.buttons)
        self.body = QVBoxLayout(self)
        self.body.addLayout(top)
        self.body.addWidget(self.text)


class LearnerBubble(Bubble):
    replay = Signal()

    def __init__(self, text: str, pcm=None) -> None:
        super().__init__("You", QPalette.ColorRole.Base, Qt.AlignmentFlag.AlignRight)
        # int16: every bubble of a session keeps its audio for replay.
        self.pcm = None if pcm is None else to_int16(pcm)
        self.text.setText(text)
        self.text.setAccessibleName("Your words")
        self.play_button = _button("▶ Me", "Play my recording")
        self.play_button.setEnabled(pcm is not None)
        self.play_button.clicked.connect(self.replay)
        self.buttons.addWidget(self.play_button)
        self.correction = _label(rich=True)
        self.correction.setAccessibleName("Correction")
        self.reason = _label()
        self.reason.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.correction.hide()
        self.reason.hide()
        self.body.addWidget(self.correction)
        self.body.addWidget(self.reason)

    def set_text(self, text: str) -> None:
        self.text.setText(text)

    def show_correction(self, result) -> None:
        """result: CorrectionResult with .original .corrected .edits[.reason]."""
        self.correction.setText("Better: " + diff_html(result.original, result.corrected))
        reasons = list(dict.fromkeys(e.reason for e in result.edits if e.reason))
        self.reason.setText(" ".join(reasons[:2]))
        self.correction.show()
        self.reason.setVisible(bool(reasons))


class TutorBubble(Bubble):
    replay = Signal()
    replay_slow = Signal()

    def __init__(self, text: str = "") -> None:
        super().__init__("Tutor", QPalette.ColorRole.AlternateBase, Qt.AlignmentFlag.AlignLeft)
        self.text.setText(text)
        self.text.setAccessibleName("Tutor's words")
        self.pcm_parts: list = []  # int16, as the learner's
        self.sample_rate = 0
        self.slow_pcm = None
        self.play_button = _button("▶", "Play the tutor again")
        self.slow_button = _button("▶ Slow", "Play the tutor slowly")
        self.play_button.clicked.connect(self.replay)
        self.slow_button.clicked.connect(self.replay_slow)
        self.buttons.addWidget(self.play_button)
        self.buttons.addWidget(self.slow_button)
        self.set_replayable(bool(text))

    def append(self, piece: str) -> None:
        self.text.setText(self.text.text() + piece)

    def finish(self, text: str) -> None:
        self.text.setText(text)
        self.set_replayable(True)

    def add_audio(self, pcm, sample_rate: int) -> None:
        self.pcm_parts.append(to_int16(pcm))
        self.sample_rate = sample_rate

    def set_audio(self, pcm, sample_rate: int, rate: float) -> None:
        """The reply synthesised again, at ``rate`` (1.0: normal speed)."""
        if rate == 1.0:
            self.pcm_parts = [to_int16(pcm)]
        else:
            self.slow_pcm = to_int16(pcm)
        self.sample_rate = sample_rate

    def audio(self, rate: float):
        """The kept reply at ``rate`` as float32, or None if there is none."""
        if rate == 1.0:
            return from_int16(np.concatenate(self.pcm_parts)) if self.pcm_parts else None
        return None if self.slow_pcm is None else from_int16(self.slow_pcm)

    def set_replayable(self, on: bool) -> None:
        self.play_button.setEnabled(on)
        self.slow_button.setEnabled(on)


class ConversationView(QScrollArea):
    """A scrolling column of bubbles; the newest is kept in view."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setAccessibleName("Conversation")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        inner = QWidget()
        self.column = QVBoxLayout(inner)
        self.column.addStretch(1)
        self.setWidget(inner)
        self.bubbles: list[Bubble] = []
        self.verticalScrollBar().rangeChanged.connect(self._keep_bottom)
        self._follow = True

    def _keep_bottom(self, _low: int, high: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(high)

    def add(self, bubble: Bubble) -> Bubble:
        row = QHBoxLayout()
        if bubble.align == Qt.AlignmentFlag.AlignRight:
            row.addSpacing(48)
        row.addWidget(bubble, 1)
        if bubble.align == Qt.AlignmentFlag.AlignLeft:
            row.addSpacing(48)
        self.column.insertLayout(self.column.count() - 1, row)
        bubble.row = row
        self.bubbles.append(bubble)
        QTimer.singleShot(0, lambda: self.verticalScrollBar().setValue(self.verticalScrollBar().maximum()))
        return bubble

    def remove(self, bubble: Bubble) -> None:
        if bubble in self.bubbles:
            self.bubbles.remove(bubble)
            # removeItem() hands the row back without deleting it, and PySide
            # then counts it as Python's: had it stayed alive until the window
            # was deleted (which deletes it in C++), PySide would delete it a
            # second time at exit and crash (exit 139). Delete it here.
            row, bubble.row = bubble.row, None
            self.column.removeItem(row)
            bubble.hide()
            bubble.deleteLater()
            row.deleteLater()

    def learner_bubbles(self) -> list[LearnerBubble]:
        return [b for b in self.bubbles if isinstance(b, LearnerBubble)]

    def tutor_bubbles(self) -> list[TutorBubble]:
        return [b for b in self.bubbles if isinstance(b, TutorBubble)]

    def clear(self) -> None:
        for bubble in list(self.bubbles):
            self.remove(bubble)
