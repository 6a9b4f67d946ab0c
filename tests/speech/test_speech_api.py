"""The speech package's light parts: types, WER, factory, import cost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app.errors import ParleyError
from app.speech import Transcript, Word, backend_versions, create_transcriber
from app.speech.faster_backend import FasterWhisperTranscriber
from app.speech.openai_backend import OpenAIWhisperTranscriber
from app.speech.types import as_mono_float32, make_word
from app.speech.wer import corpus_wer, edit_distance, normalize, wer

pytestmark = pytest.mark.model  # loads a real model

REPO = Path(__file__).resolve().parents[2]


def test_importing_speech_loads_no_heavy_library():
    code = (
        "import sys, app.speech, app.speech.factory, app.speech.convert, app.speech.wer, "
        "app.speech.faster_backend, app.speech.openai_backend\n"
        "app.speech.create_transcriber('openai-whisper'); app.speech.create_transcriber()\n"
        "app.speech.backend_versions()\n"
        "heavy = [m for m in ('torch', 'ctranslate2', 'faster_whisper', 'whisper', 'numba') "
        "if m in sys.modules]\n"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


def test_transcript_round_trips_through_dict():
    transcript = Transcript(
        "Hello there.", (Word("Hello", 0.0, 0.4, 0.9), Word("there.", 0.4, 0.8, 0.75)), 1.2
    )
    data = transcript.to_dict()
    assert data["words"][1] == {"text": "there.", "start": 0.4, "end": 0.8, "probability": 0.75}
    assert Transcript.from_dict(data) == transcript


def test_make_word_strips_and_clamps():
    assert make_word(" hi", 1.0, 0.99, 1.0000001) == Word("hi", 1.0, 1.0, 1.0)


def test_audio_contract():
    assert as_mono_float32(np.zeros(3, dtype=np.float64)).dtype == np.float32
    with pytest.raises(ValueError):
        as_mono_float32(np.zeros((3, 2), dtype=np.float32))
    with pytest.raises(ValueError):
        as_mono_float32(np.zeros(3, dtype=np.int16))


def test_empty_audio_gives_empty_transcript_without_loading(tmp_path):
    transcriber = create_transcriber(model_path=tmp_path / "nowhere", threads=1)
    assert transcriber.transcribe(np.zeros(0, dtype=np.float32)) == Transcript("", (), 0.0)
    assert not transcriber.loaded


def test_wer_normalisation():
    assert normalize("And so, my fellow Americans!") == ["and", "so", "my", "fellow", "americans"]
    assert normalize("flower-fattened ‘can’t’") == ["flower", "fattened", "can't"]
    assert normalize("COUNSELLED") == ["counseled"]  # documented British -> US mapping
    assert edit_distance(["a", "b", "c"], ["a", "x", "c", "d"]) == 2
    assert wer("stuff it into you", "stuffered into you") == 0.5
    assert corpus_wer([("a b", "a b"), ("c d", "c")]) == 0.25
    with pytest.raises(ValueError):
        corpus_wer([("", "")])


def test_factory_chooses_backend_without_loading(tmp_path, parley_home):
    faster = create_transcriber(threads=1)
    assert isinstance(faster, FasterWhisperTranscriber)
    assert (faster.backend, faster.model_name, faster.compute_type, faster.beam_size) == (
        "faster-whisper",
        "tiny.en",
        "int8",
        1,
    )
    assert (faster.model_path / "model.bin").is_file() and not faster.loaded

    openai = create_transcriber("openai-whisper", threads=1, beam_size=5)
    assert isinstance(openai, OpenAIWhisperTranscriber)
    assert openai.model_path == parley_home / "models" / "whisper-tiny.en-openai.pt"
    assert openai.convert_from == faster.model_path and openai.beam_size == 5
    assert not openai.model_path.exists()  # converted lazily, in load()

    user_folder = tmp_path / "my-whisper"
    user_folder.mkdir()
    cached = create_transcriber("openai-whisper", user_folder, threads=1)
    assert cached.convert_from == user_folder and cached.model_path.parent == parley_home / "models"
    assert create_transcriber("openai-whisper", tmp_path / "x.pt", threads=1).model_name == "x"


@pytest.mark.parametrize(
    "kwargs",
    [{"backend": "vosk"}, {"device": "tpu"}],
)
def test_factory_rejects_unknown_choices(kwargs):
    with pytest.raises(ParleyError) as error:
        create_transcriber(**kwargs)
    assert error.value.fix


def test_threads_must_be_explicit_and_positive():
    with pytest.raises(ValueError):
        create_transcriber(threads=0)
    with pytest.raises(TypeError):
        FasterWhisperTranscriber(Path("x"))  # no silent default thread count


def test_backend_versions_reports_without_importing():
    versions = backend_versions()
    assert versions["faster-whisper"] != "not installed"
    assert set(versions) >= {"faster-whisper", "ctranslate2", "openai-whisper", "torch"}
