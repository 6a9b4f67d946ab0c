"""faster-whisper backend on the embedded tiny.en and real speech."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from app.embedded import whisper_tiny_en
from app.errors import ModelCorruptError, ModelMissingError, ParleyError
from app.speech import Transcript, create_transcriber
from app.speech.faster_backend import FasterWhisperTranscriber
from app.speech.wer import corpus_wer, normalize

pytestmark = pytest.mark.model  # loads a real model

TINY = whisper_tiny_en().path


def read(wav: Path) -> np.ndarray:
    audio, rate = sf.read(wav, dtype="float32")
    assert rate == 16_000 and audio.ndim == 1
    return audio


@pytest.fixture(scope="module")
def default_transcriber() -> FasterWhisperTranscriber:
    transcriber = create_transcriber(threads=2)  # the app's default: int8, greedy
    transcriber.load()
    return transcriber


@pytest.fixture(scope="module")
def native_results(default_transcriber, native_clips) -> list[tuple[object, Transcript]]:
    return [(clip, default_transcriber.transcribe(read(clip.wav))) for clip in native_clips]


def test_native_wer_is_low(native_results, record_property):
    score = corpus_wer((clip.text, transcript.text) for clip, transcript in native_results)
    record_property("native_wer", round(score, 3))
    assert score <= 0.08, [t.text for _, t in native_results]


def test_learner_wer_is_reported(default_transcriber, learner_clips, record_property, capsys):
    started = time.perf_counter()
    pairs = [
        (clip.text, default_transcriber.transcribe(read(clip.wav)).text) for clip in learner_clips
    ]
    seconds = time.perf_counter() - started
    score = corpus_wer(pairs)
    rtf = seconds / sum(clip.duration_s for clip in learner_clips)
    record_property("learner_wer", round(score, 3))
    with capsys.disabled():
        print(f"\nfaster-whisper int8 greedy: learner WER {score:.1%}, real-time factor {rtf:.3f}")
    # Non-native speech with tiny.en: about 17%; only a collapse should fail here.
    assert score < 0.5


def test_words_are_consistent(native_results):
    for clip, transcript in native_results:
        assert transcript.words, clip.id
        assert transcript.duration_s == pytest.approx(clip.duration_s, abs=0.05)
        starts = [w.start for w in transcript.words]
        assert starts == sorted(starts), clip.id
        for word in transcript.words:
            assert 0.0 <= word.start <= word.end <= clip.duration_s + 0.5, (clip.id, word)
            assert 0.0 <= word.probability <= 1.0 and word.text == word.text.strip(), (
                clip.id,
                word,
            )
        # The words spell out the text, so the UI can highlight them in place.
        assert normalize(" ".join(w.text for w in transcript.words)) == normalize(transcript.text)


def test_initial_prompt_and_beam_search(native_clips):
    transcriber = create_transcriber(threads=2, beam_size=5)
    clip = native_clips[0]
    transcript = transcriber.transcribe(
        read(clip.wav), initial_prompt="A speech by President Kennedy."
    )
    assert "country" in transcript.text.lower() and "Kennedy" not in transcript.text


def test_missing_folder(tmp_path):
    with pytest.raises(ModelMissingError, match="does not exist") as error:
        create_transcriber(model_path=tmp_path / "absent", threads=1).load()
    assert "PARLEY_ASR_MODEL" in error.value.fix


def test_checkpoint_file_instead_of_folder(tmp_path):
    (tmp_path / "tiny.pt").write_bytes(b"x")
    with pytest.raises(ModelMissingError, match="needs a model folder") as error:
        create_transcriber(model_path=tmp_path / "tiny.pt", threads=1).load()
    assert "openai-whisper" in error.value.fix


def _copy_of_tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    return folder


def test_missing_tokenizer_is_reported_not_downloaded(tmp_path):
    folder = _copy_of_tiny(tmp_path)
    (folder / "tokenizer.json").unlink()
    with pytest.raises(ModelMissingError, match="tokenizer.json"):
        create_transcriber(model_path=folder, threads=1).load()


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "lfs-pointer"])
def test_corrupt_model_bin(tmp_path, damage):
    folder = _copy_of_tiny(tmp_path)
    model_bin = folder / "model.bin"
    if damage == "truncated":  # a download cut short, inside a weight
        model_bin.write_bytes(model_bin.read_bytes()[: model_bin.stat().st_size // 2])
    elif damage == "garbage":
        model_bin.write_bytes(np.random.default_rng(0).bytes(4096))
    elif damage == "empty":
        model_bin.write_bytes(b"")
    else:
        model_bin.write_text(
            "version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 75572273\n"
        )
    transcriber = create_transcriber(model_path=folder, threads=1)
    with pytest.raises(ModelCorruptError) as error:
        transcriber.load()
    assert error.value.fix and not transcriber.loaded


def test_unsupported_compute_type_is_not_called_corrupt():
    transcriber = FasterWhisperTranscriber(TINY, threads=1, compute_type="int4")
    with pytest.raises(ParleyError) as error:
        transcriber.load()
    assert not isinstance(error.value, ModelCorruptError) and "int8" in error.value.fix


def test_missing_gpu_is_not_called_corrupt():
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("this machine has a CUDA GPU")
    with pytest.raises(ParleyError, match="no CUDA GPU") as error:
        create_transcriber(threads=1, device="cuda").load()
    assert not isinstance(error.value, ModelCorruptError)
