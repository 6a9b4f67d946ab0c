"""The conversation pane: one bubble per learner and tutor turn.

The tutor speaks from the left, beside its avatar; the learner from the right.
The stylesheet (assets/theme/parley.qss) draws the bubbles in the theme's
palette, light or dark. A correction sits inside the learner's own bubble:
the sentence with the change highlighted (removed words struck through, added
ones underlined and bold, so colour is never the only sign), the reason on
hover or under "Why?".
"""

from __future__ import annotations

import difflib
import html

import numpy as np

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget,
)

from app.audio.wavio import from_int16, to_int16
from app.ui import theme
from app.ui.i18n import tr
from app.ui.theme.widgets import Avatar

def diff_html(original: str, corrected: str) -> str:
    """Word-level diff: removed words struck through, added ones underlined,
    bold and highlighted, in the theme's colours (never colour alone)."""
    p = theme.current()
    left, right = original.split(), corrected.split()
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            a=[w.lower() for w in left], b=[w.lower() for w in right], autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(html.escape(" ".join(right[j1:j2])))
            continue
        if i2 > i1:
            out.append(f'<s style="color:{p.removed}">{html.escape(" ".join(left[i1:i2]))}</s>')
        if j2 > j1:
            out.append(f'<u style="color:{p.added};background-color:{p.added_bg}">'
                       f'<b>{html.escape(" ".join(right[j1:j2]))}</b></u>')
    return " ".join(out)


def _label(text: str = "", rich: bool = False, name: str = "bubbleText") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def _button(icon: str, tip: str, text: str = "") -> QToolButton:
    button = QToolButton()
    button.setObjectName("bubbleButton")
    if icon:
        theme.set_icon(button, icon, "muted")
    button.setText(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text
                              else Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


class Bubble(QFrame):
    face: Avatar | None = None  # the tutor's, beside its bubble

    """One message: who is speaking, the words, and its play buttons. The
    stylesheet draws it (#tutorBubble on the left, #learnerBubble on the right)."""

    def __init__(self, who: str, name: str, align: Qt.AlignmentFlag) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(tr("{who} message").format(who=who))
        self.align = align
        self.header = QLabel(who)
        self.header.setObjectName("who")
        self.text = _label()
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(theme.space(0.5))
        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addStretch(1)
        top.addLayout(self.buttons)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(theme.space(2), theme.space(1), theme.space(2), theme.space(1.5))
        self.body.setSpacing(theme.space(0.5))
        self.body.addLayout(top)
        self.body.addWidget(self.text)


class LearnerBubble(Bubble):
    replay = Signal()

    def __init__(self, text: str, pcm=None) -> None:
        super().__init__(tr("You"), "learnerBubble", Qt.AlignmentFlag.AlignRight)
        # int16: every bubble of a session keeps its audio for replay.
        self.pcm = None if pcm is None else to_int16(pcm)
        self.text.setText(text)
        self.text.setAccessibleName(tr("Your words"))
        self.play_button = _button("play", tr("Play my recording"))
        self.play_button.setEnabled(pcm is not None)
        self.play_button.clicked.connect(self.replay)
        self.buttons.addWidget(self.play_button)
        # The correction, gently: the sentence with the change highlighted;
        # the reason on hover (tooltip) or under it after a click on "Why?".
        self.correction = _label(rich=True, name="correction")
        self.correction.setAccessibleName(tr("Correction"))
        self.why = _button("", tr("Why? Show the reason"), tr("Why?"))
        self.why.setCheckable(True)
        self.why.toggled.connect(lambda on: self.reason.setVisible(on and bool(self.reason.text())))
        self.reason = _label(name="reason")
        self.reason.setAccessibleName(tr("Reason"))
        for widget in (self.correction, self.why, self.reason):
            widget.hide()
        row = QHBoxLayout()
        row.addWidget(self.correction, 1)
        row.addWidget(self.why, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)
        self.body.addWidget(self.reason)

    def set_text(self, text: str) -> None:
        self.text.setText(text)

    def show_correction(self, result) -> None:
        """result: CorrectionResult with .original .corrected .edits[.reason]."""
        self.correction.setText(diff_html(result.original, result.corrected))
        reasons = list(dict.fromkeys(e.reason for e in result.edits if e.reason))
        self.reason.setText(" ".join(reasons[:2]))
        self.correction.setToolTip(self.reason.text())
        self.correction.setAccessibleDescription(result.corrected)
        self.correction.show()
        self.why.setVisible(bool(reasons))
        self.reason.setVisible(self.why.isChecked() and bool(reasons))


class TutorBubble(Bubble):
    replay = Signal()
    replay_slow = Signal()

    def __init__(self, text: str = "") -> None:
        super().__init__(tr("Tutor"), "tutorBubble", Qt.AlignmentFlag.AlignLeft)
        self.text.setText(text)
        self.text.setAccessibleName(tr("Tutor's words"))
        self.pcm_parts: list = []  # int16, as the learner's
        self.sample_rate = 0
        self.slow_pcm = None
        self.play_button = _button("play", tr("Play the tutor again"))
        self.slow_button = _button("slow", tr("Play the tutor slowly"), tr("Slow"))
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
        self.setObjectName("conversation")
        self.setAccessibleName(tr("Conversation"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(theme.space(2), theme.space(2), theme.space(2), theme.space(2))
        self.column.setSpacing(theme.space(1.5))
        self.column.addStretch(1)
        self.setWidget(inner)
        self.bubbles: list[Bubble] = []
        self.verticalScrollBar().rangeChanged.connect(self._keep_bottom)
        self._follow = True

    def _keep_bottom(self, _low: int, high: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(high)

    def add(self, bubble: Bubble) -> Bubble:
        # The tutor on the left with its face, the learner on the right; a
        # bubble takes at most about four fifths of the width.
        row = QHBoxLayout()
        row.setSpacing(theme.space(1))
        if bubble.align == Qt.AlignmentFlag.AlignRight:
            row.addStretch(1)
            row.addWidget(bubble, 5)
        else:
            face = Avatar(theme.space(4))
            face.setToolTip(tr("Tutor"))
            row.addWidget(face, 0, Qt.AlignmentFlag.AlignTop)
            bubble.face = face
            row.addWidget(bubble, 5)
            row.addStretch(1)
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
            for widget in (bubble, getattr(bubble, "face", None)):
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
            row.deleteLater()

    def learner_bubbles(self) -> list[LearnerBubble]:
        return [b for b in self.bubbles if isinstance(b, LearnerBubble)]

    def tutor_bubbles(self) -> list[TutorBubble]:
        return [b for b in self.bubbles if isinstance(b, TutorBubble)]

    def clear(self) -> None:
        for bubble in list(self.bubbles):
            self.remove(bubble)
