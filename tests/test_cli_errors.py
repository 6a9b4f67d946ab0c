"""Bad input: one clear line naming the problem and the fix, a non-zero exit,
and nothing half-written in the store."""

import numpy as np
import pytest
import soundfile as sf

from app.store import open_store
from cli_helpers import run_app

pytestmark = pytest.mark.model  # loads a real model


def assert_clear_failure(done, *expected_words):
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr  # one line, no traceback
    line = lines[0].lower()
    assert line.startswith("parley: ") and " -- " in line  # the problem -- the fix
    for word in expected_words:
        assert word in line, line


def assert_store_untouched(home):
    if any(home.glob("*.sqlite3")):
        with open_store(home) as store:
            assert store.list_sessions() == []
    assert not list(home.glob("audio/*/*.wav"))


@pytest.fixture
def wav_dir(tmp_path):
    folder = tmp_path / "wavs"
    folder.mkdir()
    return folder


def test_missing_wav(parley_home, wav_dir):
    done = run_app("turn", str(wav_dir / "nothing.wav"), home=parley_home)
    assert_clear_failure(done, "nothing.wav")
    assert_store_untouched(parley_home)


def test_unreadable_wav(parley_home, wav_dir):
    bogus = wav_dir / "notes.wav"
    bogus.write_text("these are not audio samples\n" * 50)
    assert_clear_failure(run_app("turn", str(bogus), home=parley_home), "notes.wav")
    assert_store_untouched(parley_home)


def test_empty_wav(parley_home, wav_dir):
    empty = wav_dir / "empty.wav"
    sf.write(empty, np.zeros(0, dtype=np.float32), 16000, subtype="PCM_16")
    assert_clear_failure(run_app("turn", str(empty), home=parley_home), "empty")
    assert_store_untouched(parley_home)


def test_silent_wav(parley_home, wav_dir):
    silent = wav_dir / "silent.wav"
    sf.write(silent, np.zeros(16000 * 2, dtype=np.float32), 16000, subtype="PCM_16")
    assert_clear_failure(run_app("turn", str(silent), home=parley_home), "silent")
    assert_store_untouched(parley_home)


def test_missing_llm_model(parley_home, learner_clips, tmp_path):
    done = run_app("turn", str(learner_clips[0].wav), home=parley_home,
                   env={"PARLEY_LLM_MODEL": str(tmp_path / "gone.gguf")})
    assert_clear_failure(done, "gone.gguf")
    assert_store_untouched(parley_home)


def test_corrupt_llm_model(parley_home, learner_clips, tmp_path):
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + bytes(range(256)) * 40)
    done = run_app("turn", str(learner_clips[0].wav), home=parley_home,
                   env={"PARLEY_LLM_MODEL": str(broken)})
    assert_clear_failure(done, "broken.gguf")
    assert_store_untouched(parley_home)


def test_missing_whisper_model(parley_home, learner_clips, tmp_path):
    done = run_app("transcribe", str(learner_clips[0].wav), "--model",
                   str(tmp_path / "no-such-model"), home=parley_home)
    assert_clear_failure(done, "no-such-model")


def test_corrupt_whisper_model(parley_home, learner_clips, tmp_path):
    from app.embedded import whisper_tiny_en

    folder = tmp_path / "damaged-whisper"
    folder.mkdir()
    source = whisper_tiny_en().path
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (folder / name).write_bytes((source / name).read_bytes())
    (folder / "model.bin").write_bytes((source / "model.bin").read_bytes()[:1_000_000])
    done = run_app("turn", str(learner_clips[0].wav), home=parley_home,
                   env={"PARLEY_ASR_MODEL": str(folder)})
    assert_clear_failure(done, "damaged-whisper")
    assert_store_untouched(parley_home)


def test_missing_voice_model(parley_home, learner_clips, tmp_path):
    done = run_app("turn", str(learner_clips[0].wav), home=parley_home,
                   env={"PARLEY_VOICE": str(tmp_path / "voice.onnx")})
    assert_clear_failure(done, "voice.onnx")
    assert_store_untouched(parley_home)


@pytest.mark.audio
def test_no_input_device(parley_home, tmp_path):
    """With no sound server to reach, recording from the microphone says so."""
    done = run_app("turn", "--mic", home=parley_home,
                   env={"PULSE_SERVER": f"unix:{tmp_path}/no-pulse-here"}, timeout=120)
    assert_clear_failure(done, "microphone")
    assert_store_untouched(parley_home)
