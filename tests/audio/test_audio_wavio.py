"""WAV reading/writing, resampling and levels, on real files and real signals."""

from __future__ import annotations

import os

import numpy as np
import pytest
import soundfile as sf

from app.audio import wavio
from app.audio.resample import StreamResampler, resample
from app.audio.wavio import (
    from_int16, is_silent, load_utterance, read_wav, rms_dbfs, to_int16, write_wav,
)
from app.errors import AudioFileError


def _sine(freq: float, sr: int, seconds: float, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(sr * seconds)) / sr
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def _dominant_hz(pcm: np.ndarray, sr: int) -> float:
    window = np.hanning(pcm.size)
    spectrum = np.abs(np.fft.rfft(pcm * window))
    return float(np.fft.rfftfreq(pcm.size, 1 / sr)[np.argmax(spectrum)])


def test_round_trip_keeps_samples_and_rate(tmp_path):
    pcm = _sine(440, 22050, 1.0)
    path = write_wav(tmp_path / "sub" / "tone.wav", pcm, 22050)
    back, sr = read_wav(path)
    assert sr == 22050 and back.dtype == np.float32 and back.shape == pcm.shape
    assert np.max(np.abs(back - pcm)) < 1.0 / 32767 * 1.01  # PCM16 quantisation only
    assert sf.info(str(path)).subtype == "PCM_16"


def test_write_is_atomic_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "take.wav"
    write_wav(target, _sine(300, 16000, 0.5), 16000)
    before = target.read_bytes()

    def broken_write(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(sf, "write", broken_write)
    with pytest.raises(OSError, match="disk full"):
        write_wav(target, _sine(600, 16000, 2.0), 16000)
    assert target.read_bytes() == before  # the old recording is intact
    assert [p.name for p in tmp_path.iterdir()] == ["take.wav"]  # no temp file left


def test_stereo_and_other_rates_become_16k_mono(tmp_path):
    left, right = _sine(500, 44100, 1.0, 0.4), _sine(500, 44100, 1.0, 0.2)
    path = tmp_path / "stereo.wav"
    sf.write(str(path), np.stack([left, right], axis=1), 44100, subtype="PCM_16")
    pcm = load_utterance(path)
    assert pcm.dtype == np.float32 and pcm.ndim == 1
    assert abs(pcm.size - 16000) <= 1
    assert abs(_dominant_hz(pcm, 16000) - 500) < 2
    assert abs(np.max(np.abs(pcm[100:-100])) - 0.3) < 0.01  # averaged channels


def test_real_clip_loads_unchanged(native_clips):
    clip = native_clips[0]
    pcm = load_utterance(clip.wav)
    assert abs(pcm.size / 16000 - clip.duration_s) < 0.01
    assert not is_silent(pcm)


def test_resample_keeps_a_sines_frequency_22050_to_16000():
    src = _sine(1234.5, 22050, 2.0)
    out = resample(src, 22050, 16000)
    assert out.dtype == np.float32 and out.size == 32000
    assert abs(_dominant_hz(out, 16000) - 1234.5) < 1.0
    expected = 0.5 * np.sin(2 * np.pi * 1234.5 * np.arange(out.size) / 16000)
    assert np.max(np.abs(out[400:-400] - expected[400:-400])) < 1e-3


def test_resample_removes_what_the_new_rate_cannot_hold():
    # 10 kHz is above 16 kHz's Nyquist: it must vanish, not fold down to 6 kHz.
    out = resample(_sine(10000, 22050, 1.0), 22050, 16000)
    assert rms_dbfs(out[500:-500]) < -70


@pytest.mark.parametrize("src,dst", [(48000, 16000), (16000, 22050), (44100, 16000), (8000, 16000)])
def test_resample_common_rate_pairs(src, dst):
    out = resample(_sine(440, src, 1.0), src, dst)
    assert out.size == dst
    assert abs(_dominant_hz(out, dst) - 440) < 1.5


def test_stream_resampler_equals_whole_signal():
    src = np.random.default_rng(1).standard_normal(22050).astype(np.float32) * 0.1
    stream = StreamResampler(22050, 16000)
    parts = [stream.process(src[i : i + 661]) for i in range(0, src.size, 661)] + [stream.flush()]
    np.testing.assert_allclose(np.concatenate(parts), resample(src, 22050, 16000), atol=1e-6)


def test_levels():
    assert rms_dbfs(np.zeros(100, np.float32)) == -120.0
    assert rms_dbfs(np.zeros(0, np.float32)) == -120.0
    assert abs(rms_dbfs(_sine(440, 16000, 1.0, 1.0)) - (-3.01)) < 0.05
    assert is_silent(np.full(1000, 0.001, np.float32))  # -60 dBFS hiss
    assert not is_silent(_sine(440, 16000, 0.1, 0.05))


def test_missing_file(tmp_path):
    with pytest.raises(AudioFileError) as info:
        load_utterance(tmp_path / "nope.wav")
    assert "not found" in info.value.problem and info.value.fix


def test_not_a_wav(tmp_path):
    path = tmp_path / "notes.wav"
    path.write_text("this is text, not audio\n" * 20)
    with pytest.raises(AudioFileError) as info:
        load_utterance(path)
    assert "cannot read" in info.value.problem and "WAV" in info.value.fix
    assert " -- " in str(info.value)


def test_folder_is_not_a_wav(tmp_path):
    with pytest.raises(AudioFileError, match="folder"):
        read_wav(tmp_path)


def test_empty_wav(tmp_path):
    path = tmp_path / "empty.wav"
    sf.write(str(path), np.zeros(0, np.float32), 16000, subtype="PCM_16")
    assert os.path.getsize(path) > 0  # a valid header with no samples
    with pytest.raises(AudioFileError) as info:
        load_utterance(path)
    assert "0 samples" in info.value.problem and "record again" in info.value.fix


def test_silent_wav(tmp_path):
    path = write_wav(tmp_path / "muted.wav", np.zeros(16000, np.float32), 16000)
    with pytest.raises(AudioFileError) as info:
        load_utterance(path)
    assert "silent" in info.value.problem and "microphone" in info.value.fix


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_a_wav_of_nan_or_inf_is_damaged_not_silent(tmp_path, bad):
    """A float WAV full of NaN used to be reported as "silent" (NaN fails every
    level comparison); it gets its own message, from every reader."""
    pcm = _sine(440, 16000, 1.0)
    pcm[::2] = bad
    path = tmp_path / "damaged.wav"
    sf.write(str(path), pcm, 16000, subtype="FLOAT")
    for read in (load_utterance, read_wav):
        with pytest.raises(AudioFileError) as info:
            read(path)
        assert "damaged" in info.value.problem and "silent" not in info.value.problem
        assert "8000 of its 16000 samples" in info.value.problem
        assert "export the recording again" in info.value.fix
    all_nan = tmp_path / "all-nan.wav"
    sf.write(str(all_nan), np.full(16000, np.nan, np.float32), 16000, subtype="FLOAT")
    with pytest.raises(AudioFileError, match="not numbers"):
        load_utterance(all_nan)


def test_module_exposes_resample():
    assert wavio.resample is resample


def test_replay_audio_is_kept_as_int16_and_comes_back_within_one_step():
    pcm = np.array([0.0, 0.5, -0.5, 1.0, -1.0, 1.7, -3.0], dtype=np.float32)
    kept = to_int16(pcm)
    assert kept.dtype == np.int16 and kept.nbytes == pcm.nbytes // 2
    back = from_int16(kept)
    assert back.dtype == np.float32
    assert np.allclose(back, np.clip(pcm, -1.0, 1.0), atol=1 / 32767)


@pytest.mark.parametrize("rate", [1, 3_999, 384_001, 2**31 - 1])
def test_a_sample_rate_no_recording_has_is_one_clear_line(tmp_path, rate):
    """A header claiming 1 Hz made 300 samples into 5 minutes of 16 kHz audio
    (12 s of resampling); such a file is refused before any of that."""
    import struct

    samples = (np.sin(np.arange(300)) * 20000).astype("<i2").tobytes()
    header = struct.pack("<HHIIHH", 1, 1, rate, (rate * 2) & 0xFFFFFFFF, 2, 16)
    path = tmp_path / "odd.wav"
    path.write_bytes(b"RIFF" + struct.pack("<I", 36 + len(samples)) + b"WAVE"
                     + b"fmt " + struct.pack("<I", 16) + header
                     + b"data" + struct.pack("<I", len(samples)) + samples)
    with pytest.raises(AudioFileError, match=f"sample rate is {rate} Hz") as error:
        load_utterance(path)
    assert len(str(error.value).splitlines()) == 1
