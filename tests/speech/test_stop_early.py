"""A transcription asked to stop stops at its next stage (real tiny.en, real
speech): a speculative turn thrown away because the learner went on talking
must not hold the next turn up for a whole transcription."""

from __future__ import annotations

from collections import Counter

import pytest
import soundfile as sf

from app.speech import create_transcriber
from app.speech.short_window import ShortWindowWhisper
from app.speech.types import TranscriptionStopped

pytestmark = pytest.mark.model  # loads a real model

STAGES = ("encode", "generate_with_fallback", "add_word_timestamps")


@pytest.fixture(scope="module")
def transcriber():
    transcriber = create_transcriber(threads=2)
    transcriber.load()
    return transcriber


@pytest.fixture
def done(monkeypatch) -> Counter:
    """How many times each of faster-whisper's stages ran to its end."""
    counts: Counter = Counter()
    for name in STAGES:
        original = getattr(ShortWindowWhisper, name)

        def counted(self, *args, _original=original, _name=name, **kwargs):
            result = _original(self, *args, **kwargs)
            counts[_name] += 1
            return result

        monkeypatch.setattr(ShortWindowWhisper, name, counted)
    return counts


def _speech(native_clips):
    audio, rate = sf.read(native_clips[0].wav, dtype="float32")
    assert rate == 16000
    return audio


@pytest.mark.timeout(120)
def test_a_whole_transcription_runs_every_stage(transcriber, done, native_clips):
    transcript = transcriber.transcribe(_speech(native_clips), should_stop=lambda: False)
    assert transcript.text and transcript.words
    assert done["encode"] >= 1 and done["generate_with_fallback"] >= 1
    assert done["add_word_timestamps"] >= 1


@pytest.mark.timeout(120)
@pytest.mark.parametrize("stop_after, ran", [
    ("encode", {"encode": 1}),  # stopped while the encoder ran: no decoding, no alignment
    ("generate_with_fallback", {"encode": 1, "generate_with_fallback": 1}),  # no alignment
])
def test_stopped_mid_way_no_later_stage_runs(transcriber, done, native_clips, stop_after, ran):
    with pytest.raises(TranscriptionStopped):
        transcriber.transcribe(_speech(native_clips), should_stop=lambda: done[stop_after] > 0)
    assert dict(done) == ran


def test_stopped_before_it_starts_nothing_runs(transcriber, done, native_clips):
    with pytest.raises(TranscriptionStopped):
        transcriber.transcribe(_speech(native_clips), should_stop=lambda: True)
    assert sum(done.values()) == 0
