"""A sample exchange for `python -m app screenshot` (no models needed)."""

from __future__ import annotations

import numpy as np

from app import events as ev
from app.tutor.corrections import CorrectionResult
from app.tutor.edits import Edit


def fill_sample(window) -> None:
    p = window.presenter
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
