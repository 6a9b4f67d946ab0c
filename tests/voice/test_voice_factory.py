"""create_voice: which backend a settings string names (nothing is loaded)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ModelMissingError
from app.voice.factory import create_voice
from app.voice.piper_voice import PiperTTS
from app.voice.pyttsx3_voice import Pyttsx3Voice


def test_default_is_embedded_piper():
    voice = create_voice()
    assert isinstance(voice, PiperTTS) and not voice.loaded
    assert voice.model_path.name == "en_US-joe-medium.onnx" and voice.model_path.is_file()


def test_threads_and_rate_are_passed_on():
    voice = create_voice("piper", threads=2, rate=0.75)
    assert voice.threads == 2 and voice.rate == 0.75


def test_pyttsx3_specs():
    plain = create_voice("pyttsx3")
    chosen = create_voice("pyttsx3:gmw/en-us", rate=0.75)
    assert isinstance(plain, Pyttsx3Voice) and plain.voice_id is None
    assert isinstance(chosen, Pyttsx3Voice) and chosen.voice_id == "gmw/en-us" and chosen.rate == 0.75


def test_onnx_path(tmp_path):
    voice = create_voice(str(tmp_path / "en_GB-alan-low.onnx"))
    assert isinstance(voice, PiperTTS) and voice.model_path == Path(tmp_path / "en_GB-alan-low.onnx")
    with pytest.raises(ModelMissingError, match="Piper voice not found"):
        voice.load()


def test_unknown_spec():
    with pytest.raises(ModelMissingError) as info:
        create_voice("festival")
    assert "unknown voice 'festival'" in str(info.value) and "PARLEY_VOICE" in info.value.fix
