"""Run by test_ui_no_microphone.py in its own process (PortAudio reads the sound
server once per process): opens the real window with no usable microphone,
types a message, and prints what the window shows as one JSON line."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
from app.ui.main_window import MainWindow  # noqa: E402

window = MainWindow()
window.show()
shown: dict = {}


def step() -> None:
    box = window.problem_box
    if "problem" not in shown and box is not None:
        shown.update(problem=box.text(), fix=box.informativeText(), title=box.windowTitle())
    if window.entry.isEnabled() and "sent" not in shown and "problem" in shown:
        shown.update(talk_enabled=window.bar.talk.isEnabled(),
                     hands_free_enabled=window.bar.hands_free.isEnabled(),
                     entry_enabled=True, sent=True)
        window.entry.setText("I like to play football on Sundays.")
        window.entry.returnPressed.emit()
    tutors = window.view.tutor_bubbles()
    if shown.get("sent") and window.presenter.turns:
        shown["tutor"] = tutors[-1].text.text() if tutors else ""
        shown["learner"] = window.view.learner_bubbles()[-1].text.text()
        finish()


def finish() -> None:
    print(json.dumps(shown), flush=True)
    window._closing = True
    window.close()
    app.quit()


timer = QTimer()
timer.timeout.connect(step)
timer.start(50)
QTimer.singleShot(150_000, finish)
app.exec()
