"""Verbatim mode goes through the real recogniser's initial_prompt."""

from __future__ import annotations

import pytest
from review_data import clip

from app.audio.wavio import load_utterance
from app.review.fluency import fluency
from app.speech.verbatim import VERBATIM_PROMPT, transcribe_verbatim

pytestmark = pytest.mark.model  # loads a real model


@pytest.mark.timeout(120)
def test_verbatim_transcription_keeps_timed_words():
    from app.speech.factory import create_transcriber

    class Spy:
        def __init__(self, inner):
            self.inner, self.prompts = inner, []

        def transcribe(self, audio, initial_prompt=None):
            self.prompts.append(initial_prompt)
            return self.inner.transcribe(audio, initial_prompt=initial_prompt)

    spy = Spy(create_transcriber(threads=2))
    transcript = transcribe_verbatim(spy, load_utterance(clip("0002")))
    assert spy.prompts == [VERBATIM_PROMPT]
    assert "grandfather" in transcript.text.lower()
    measured = fluency([w.to_dict() for w in transcript.words])
    assert measured.words >= 8 and 60 < measured.wpm < 250
