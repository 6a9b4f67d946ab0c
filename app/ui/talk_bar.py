"""The row of talking controls: hold-to-talk, hands-free, mute, the live input
level and timer while recording, and the tutor-speaking indicator with Stop."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.ui.talk_controller import LISTENING, RECORDING, STOPPING

METER_FLOOR_DB = -60


class TalkBar(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.talk = QPushButton("Hold to talk (Space)")
        self.talk.setAccessibleName("Talk")
        self.talk.setAccessibleDescription("Hold while you speak; release to send")
        self.talk.setAutoRepeat(False)
        self.hands_free = QCheckBox("&Hands-free")
        self.hands_free.setAccessibleName("Hands-free mode")
        self.mute = QCheckBox("&Mute voice")
        self.mute.setAccessibleName("Mute the tutor's voice")
        self.meter = QProgressBar()
        self.meter.setAccessibleName("Input level")
        self.meter.setRange(METER_FLOOR_DB, 0)
        self.meter.setValue(METER_FLOOR_DB)
        self.meter.setTextVisible(False)
        self.meter.setMaximumWidth(140)
        self.clock = QLabel("0:00")
        self.clock.setAccessibleName("Recording time")
        self.state = QLabel("")
        self.state.setAccessibleName("Microphone state")
        self.speaking = QLabel("🔊 Tutor speaking")
        self.speaking.setAccessibleName("Tutor speaking")
        self.stop = QPushButton("&Stop")
        self.stop.setAccessibleName("Stop the tutor")
        self.stop.setToolTip("Stop the tutor (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.talk, self.hands_free, self.mute, self.meter, self.clock, self.state):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.speaking)
        layout.addWidget(self.stop)
        self._elapsed = QElapsedTimer()
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(200)
        self._clock_timer.timeout.connect(self._update_clock)
        self.set_speaking(False)
        self.set_state("idle")

    def set_level(self, dbfs: float) -> None:
        self.meter.setValue(int(max(METER_FLOOR_DB, min(0.0, dbfs))))

    def set_state(self, state: str) -> None:
        active = state in (RECORDING, LISTENING)
        self.meter.setVisible(active)
        self.clock.setVisible(state == RECORDING)
        self.state.setText({RECORDING: "● Recording", LISTENING: "Listening…",
                            STOPPING: "…"}.get(state, ""))
        if state == RECORDING:
            self._elapsed.start()
            self._clock_timer.start()
            self._update_clock()
        else:
            self._clock_timer.stop()
            self.set_level(METER_FLOOR_DB)

    def _update_clock(self) -> None:
        seconds = self._elapsed.elapsed() // 1000 if self._elapsed.isValid() else 0
        self.clock.setText(f"{seconds // 60}:{seconds % 60:02d}")

    def set_speaking(self, on: bool) -> None:
        self.speaking.setVisible(on)
        self.stop.setEnabled(on)

    def set_mic_available(self, ok: bool) -> None:
        self.talk.setEnabled(ok)
        self.hands_free.setEnabled(ok)
        if not ok:
            self.talk.setToolTip("No microphone: type your message below")
