"""The pyttsx3 voice (espeak-ng here): real synthesis through a temp WAV."""

from __future__ import annotations

import numpy as np
import pytest

from app.audio.wavio import is_silent, rms_dbfs
from app.errors import ModelMissingError
from app.voice.pyttsx3_voice import Pyttsx3Voice

SENTENCE = "The quick brown fox jumps over the lazy dog."


@pytest.fixture(scope="module")
def voice() -> Pyttsx3Voice:
    voice = Pyttsx3Voice()
    voice.load()
    return voice


def test_speaks_a_sentence(voice, capsys):
    pcm = voice.synthesize_all(SENTENCE)
    seconds = pcm.size / voice.sample_rate
    assert voice.sample_rate == 22050 and pcm.dtype == np.float32
    assert 1.5 < seconds < 5.0
    assert not is_silent(pcm) and rms_dbfs(pcm) > -35
    assert "Audio saved to" not in capsys.readouterr().out  # the driver's print is dropped


def test_one_chunk_per_sentence(voice):
    chunks = list(voice.synthesize("Hello there. How are you today? I am fine."))
    assert len(chunks) == 3 and all(c.size > 0.3 * voice.sample_rate for c in chunks)


def test_rate_changes_hold_every_time(voice):
    # espeak can drop a rate change (see the module notes): alternate and check each.
    lengths = {}
    for rate in (1.0, 0.75, 1.0, 0.75, 0.5):
        voice.rate = rate
        lengths.setdefault(rate, []).append(voice.synthesize_all(SENTENCE).size)
    voice.rate = 1.0
    normal, slow = np.mean(lengths[1.0]), np.mean(lengths[0.75])
    assert max(lengths[1.0]) < 1.05 * min(lengths[1.0])  # rate 1.0 came back after 0.75
    assert slow > 1.2 * normal and lengths[0.5][0] > 1.6 * normal
    assert voice.words_per_minute == 175


def test_many_utterances_in_a_row(voice):
    for i in range(15):
        pcm = voice.synthesize_all(f"This is sentence number {i}.")
        assert 0.8 < pcm.size / voice.sample_rate < 4.0


def test_chosen_voice(voice):
    other = Pyttsx3Voice(voice_id="gmw/en-us")
    pcm = other.synthesize_all("Hello there.")
    assert not is_silent(pcm)


def test_unknown_voice_id():
    with pytest.raises(ModelMissingError) as info:
        Pyttsx3Voice(voice_id="xx/klingon").load()
    assert "not found" in info.value.problem and "use one of" in info.value.fix
