"""`python -m app screenshot`: the window mid-conversation, a sample exchange
with no models loaded."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

from app import events as ev
from app.config import Settings
from app.tutor.corrections import CorrectionResult
from app.tutor.edits import Edit


def fill_sample(window) -> None:
    p = window.presenter
    if getattr(window, "home_panel", None) is not None:
        window.home_panel.hide()  # as at a session's first line
    window._set_ready(True)
    window.status.setText("Ready. Hold Space to talk, or type below.")
    turns = [
        ("Yesterday I go to the cinema with my friend.",
         "Yesterday I went to the cinema with my friend.",
         [Edit("go", "went", "Use the past tense for yesterday.", "verb tense")],
         "That sounds fun! What film did you see?"),
        ("We watched a film about the space travel.",
         "We watched a film about space travel.",
         [Edit("the", "", "No article before a general idea.", "article")],
         "Oh, I love space films! Was it exciting?"),
    ]
    silence = np.zeros(1600, np.float32)
    for said, better, edits, reply in turns:
        p.turn_sent(silence, said)
        p.on_event(ev.TranscriptReady(_Transcript(said)))
        for word in reply.split(" "):
            p.on_event(ev.ReplyToken(word + " "))
        p.tutor.add_audio(silence, 22050)
        p.on_event(ev.ReplyDone(reply))
        p.on_event(ev.CorrectionsReady(CorrectionResult(said, better, edits)))
        p.turn_ended(True)
    p.turn_sent(silence, "Yes, it was very exciting. The ending was")
    window.bar.set_state("recording")
    window.bar.set_level(-18)


class _Transcript:
    def __init__(self, text: str) -> None:
        self.text, self.words = text, ()


def screenshot(out: Path) -> int:
    """The window mid-conversation (a sample exchange, no models loaded)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.application import qt_application  # lazy: loads Qt, SQLAlchemy and libsndfile
    from app.ui.main_window import MainWindow  # lazy: loads Qt, SQLAlchemy and libsndfile

    app = qt_application()

    window = MainWindow(Settings.from_env(), load_models=False)
    fill_sample(window)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out))
    window._closing = True
    window.close()
    print(out)
    return 0
