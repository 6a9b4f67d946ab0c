"""A recording longer than a turn is kept whole and answered (issue 13: a
20-minute recording gave "Requested tokens (3238) exceed context window of
2048", a traceback, and the recording was lost).

The real pipeline and store, on a long recording made of the speech fixtures
one after another. The chat model gets a 512-token context, so that 2.5
minutes of speech overflow it as 20 minutes overflowed the default 2048
(and the test stays quick)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from app.audio.wavio import load_utterance, read_wav, write_wav
from app.config import Settings
from app.engines import Engines
from app.practice import ANSWERED_WORDS, Practice, answered_part
from app.store import open_store

pytestmark = [pytest.mark.model, pytest.mark.timeout(400)]
SPEECH = Path(__file__).parent / "data" / "speech"


def _long_recording(tmp_path, minimum_s: float = 150.0):
    """The speech fixtures back to back, half a second apart, until long enough."""
    clips = [load_utterance(SPEECH / folder / json.loads(line)["wav"])
             for folder in ("native", "learner")
             for line in (SPEECH / folder / "metadata.jsonl").read_text().splitlines() if line]
    gap = np.zeros(8000, np.float32)
    pieces, total = [], 0.0
    while total < minimum_s:
        for pcm in clips:
            pieces += [pcm, gap]
            total += (pcm.size + gap.size) / 16000
    return write_wav(tmp_path / "long.wav", np.concatenate(pieces), 16000)


@pytest.fixture(scope="module")
def small_context_engines(tmp_path_factory):
    settings = Settings.from_env(home=tmp_path_factory.mktemp("long"))
    engines = Engines(dataclasses.replace(settings, llm_context=512))
    engines.load()
    return engines


@pytest.mark.slow
def test_a_long_recording_is_saved_whole_and_its_end_answered(small_context_engines,
                                                               parley_home, tmp_path):
    wav = _long_recording(tmp_path)
    pcm = load_utterance(wav)
    store = open_store(parley_home)
    practice = Practice(small_context_engines, store, speak=False)
    outcome = practice.run_turn(pcm)

    said = outcome.transcript.text
    assert len(said.split()) > 2 * ANSWERED_WORDS  # far more than the context holds
    assert "fellow americans" in said.lower()[:200]  # the start is in the transcript ...
    answered = practice.conversation.history[-1][0]
    assert said.endswith(answered) and len(answered.split()) <= ANSWERED_WORDS  # ... the end answered
    assert outcome.reply.strip()

    saved = next(t for t in store.turns(outcome.session_id) if t.id == outcome.turn_id)
    assert saved.transcript == said and saved.reply == outcome.reply
    kept, rate = read_wav(saved.learner_audio)  # the recording, whole
    assert rate == 16000 and abs(kept.size - pcm.size) <= 1
    for fix in saved.corrections:  # corrections of the answered end point into it
        assert fix.start is not None and fix.start >= len(said) - len(answered)
        assert said[fix.start:fix.end] == fix.original
    store.close()


def test_answered_part_keeps_whole_sentences_from_the_end():
    short = "I went home. It was late."
    assert answered_part(short) == short
    sentences = [f"Sentence number {i} has exactly seven words." for i in range(40)]
    text = " ".join(sentences)
    part = answered_part(text, limit=30)
    assert text.endswith(part) and part.startswith("Sentence number 36")
    assert len(part.split()) <= 30
    one_long = " ".join(f"w{i}" for i in range(500))
    assert answered_part(one_long, limit=50) == " ".join(f"w{i}" for i in range(450, 500))
