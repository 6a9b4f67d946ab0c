"""The talking dock at the foot of the window: the tutor's avatar and what it
is doing (ready, listening, thinking, speaking), the large round talk button
with the live microphone level as a ring, the recording time, and the
hands-free, mute and Stop controls."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.ui import theme
from app.ui.i18n import tr
from app.ui.talk_controller import LISTENING, RECORDING, STOPPING
from app.ui.theme.widgets import IDLE, SPEAKING, THINKING, Avatar, TalkButton
from app.ui.theme.widgets import LISTENING as SHOWN_LISTENING

METER_FLOOR_DB = -60


def state_text(state: str) -> str:
    return {IDLE: tr("Ready"), SHOWN_LISTENING: tr("Listening…"), THINKING: tr("Thinking…"),
            SPEAKING: tr("Speaking…")}[state]


class TalkBar(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("dock")
        self.mic_state, self.busy, self.tutor_speaking = "idle", False, False
        self.avatar = Avatar(theme.space(6))
        self.state = QLabel(state_text(IDLE))
        self.state.setObjectName("state")
        self.state.setAccessibleName(tr("Tutor state"))
        self.clock = QLabel("0:00")
        self.clock.setObjectName("muted")
        self.clock.setAccessibleName(tr("Recording time"))
        self.talk = TalkButton()
        self.talk.setAccessibleName(tr("Talk"))
        self.talk.setAccessibleDescription(tr("Hold while you speak; release to send"))
        self.talk.setToolTip(tr("Hold to talk (Space)"))
        self.talk.setAutoRepeat(False)
        self.meter = self.talk  # the level is the ring around the talk button
        self.hint = QLabel(tr("Hold Space to talk"))
        self.hint.setObjectName("hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.hands_free = QCheckBox(tr("&Hands-free"))
        self.hands_free.setAccessibleName(tr("Hands-free mode"))
        self.mute = QCheckBox(tr("&Mute voice"))
        self.mute.setAccessibleName(tr("Mute the tutor's voice"))
        self.speaking = self.state  # what the tutor is doing, in words
        self.stop = QPushButton(tr("&Stop"))
        theme.set_icon(self.stop, "stop")
        self.stop.setAccessibleName(tr("Stop the tutor"))
        self.stop.setToolTip(tr("Stop the tutor (Esc)"))

        # Fixed sizes: a new state or a ticking clock then never lays the
        # window out again (a fixed-size widget's text change stops at itself),
        # so the conversation's wrapped bubbles are not measured anew each time.
        self.state.ensurePolished()  # the stylesheet's font, if one is applied
        metrics = self.state.fontMetrics()
        widest = max(metrics.horizontalAdvance(state_text(s)) for s in (IDLE, SHOWN_LISTENING, THINKING, SPEAKING))
        bold = self.state.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)  # the stylesheet's large, bold state text
        widest = max(widest, QFontMetrics(bold).horizontalAdvance(
            max((state_text(s) for s in (IDLE, SHOWN_LISTENING, THINKING, SPEAKING)), key=len)))
        self.state.setFixedSize(widest + theme.space(2), QFontMetrics(bold).height() + theme.space(0.5))
        self.clock.setFixedSize(self.clock.fontMetrics().horizontalAdvance("00:00") + theme.space(1),
                                self.clock.fontMetrics().height() + 2)
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addStretch(1)
        who.addWidget(self.state)
        who.addWidget(self.clock)
        who.addStretch(1)
        left = QHBoxLayout()
        left.setSpacing(theme.space(1.5))
        left.addWidget(self.avatar)
        left.addLayout(who)
        left.addStretch(1)  # its widgets are fixed: the stretch lets it share the width
        centre = QVBoxLayout()
        centre.setSpacing(0)
        centre.addWidget(self.talk, 0, Qt.AlignmentFlag.AlignHCenter)
        centre.addWidget(self.hint)
        right = QVBoxLayout()
        right.setSpacing(theme.space(0.5))
        right.addWidget(self.hands_free)
        right.addWidget(self.mute)
        right.addWidget(self.stop, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.space(2), theme.space(1), theme.space(2), theme.space(1))
        layout.addLayout(left, 1)
        layout.addLayout(centre)
        aside = QHBoxLayout()
        aside.addStretch(1)
        aside.addLayout(right)
        layout.addLayout(aside, 1)
        self._elapsed = QElapsedTimer()
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(200)
        self._clock_timer.timeout.connect(self._update_clock)
        self.set_speaking(False)
        self.set_state("idle")

    def set_level(self, dbfs: float) -> None:
        self.talk.set_level(dbfs)

    def set_state(self, state: str) -> None:
        """The microphone's state (app/ui/talk_controller.py)."""
        self.mic_state = state
        if state != RECORDING:
            self.clock.setText("")  # emptied, not hidden: hiding would lay the window out again
        if state == RECORDING:
            self._elapsed.start()
            self._clock_timer.start()
            self._update_clock()
        else:
            self._clock_timer.stop()
            self.set_level(METER_FLOOR_DB)
        self._show()

    def set_busy(self, busy: bool) -> None:
        """A turn is in the tutor's hands (the reply is being written)."""
        self.busy = busy
        self._show()

    def set_speaking(self, on: bool) -> None:
        self.tutor_speaking = on
        self.stop.setEnabled(on or self.busy)
        self._show()

    def shown_state(self) -> str:
        if self.mic_state in (RECORDING, LISTENING):
            return SHOWN_LISTENING
        if self.tutor_speaking:
            return SPEAKING
        if self.busy or self.mic_state == STOPPING:
            return THINKING
        return IDLE

    def _show(self) -> None:
        shown = self.shown_state()
        self.state.setText(state_text(shown))
        self.avatar.set_state(shown)
        self.talk.set_state(SHOWN_LISTENING if shown == SHOWN_LISTENING else IDLE)
        self.stop.setEnabled(self.tutor_speaking or self.busy)

    def _update_clock(self) -> None:
        seconds = self._elapsed.elapsed() // 1000 if self._elapsed.isValid() else 0
        self.clock.setText(f"{seconds // 60}:{seconds % 60:02d}")

    def set_mic_available(self, ok: bool) -> None:
        self.talk.setEnabled(ok)
        self.hands_free.setEnabled(ok)
        self.hint.setText(tr("Hold Space to talk") if ok else tr("No microphone: type below"))
        if not ok:
            self.talk.setToolTip(tr("No microphone: type your message below"))
