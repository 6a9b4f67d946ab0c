"""Run by test_ui_clean_exit.py in its own process: the real app (``python -m
app``'s run_gui, so the application object and its shutdown), driven from a
timer: a typed turn, the review window opened, then the window closed. Prints
one JSON line of what it saw; the process must then exit by itself."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QSettings, QTimer

from app.ui.application import qt_application
from app.ui.launch import run_gui

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
qt = qt_application()
seen: dict = {}


def step() -> None:
    window = next((w for w in qt.topLevelWidgets() if type(w).__name__ == "MainWindow"), None)
    if window is None:
        return
    if window.entry.isEnabled() and "sent" not in seen:
        seen["sent"] = True
        window.entry.setText("I like to play football on Sundays.")
        window.entry.returnPressed.emit()
    elif seen.get("sent") and window.presenter.turns and "review" not in seen:
        seen["tutor"] = window.view.tutor_bubbles()[-1].text.text()
        seen["review"] = True
        window.open_review()  # its pools, store and player join the shutdown
    elif seen.get("review") and not window.review.tasks.busy and "closed" not in seen:
        services = window.review.services
        # The review's pages read through the practice's own store and engines.
        seen["review_shares"] = [services.store is window.worker.store,
                                 services.engines is window.worker.engines,
                                 services._store is None and services._own_engines is None,
                                 window.home_panel.services.store is window.worker.store]
        seen["closed"] = True
        print(json.dumps(seen), flush=True)
        window.close()


timer = QTimer()
timer.timeout.connect(step)
timer.start(50)
code = run_gui([])
print(json.dumps({"exit": code}), flush=True)
sys.exit(code)
