"""Silero VAD on real speech: offline segments and the live endpointer."""

from __future__ import annotations

import numpy as np
import pytest

from app.audio.vad import speech_segments, trim_silence
from app.turntaking.endpointer import SPEECH_END, SPEECH_START, Endpointer
from app.audio.wavio import load_utterance

CHUNK = 480  # 30 ms at 16 kHz, what the recorder delivers


def _clip(clips, clip_id):
    return next(c for c in clips if c.id == clip_id)


def _energy_end(pcm: np.ndarray) -> int:
    """Last sample of the last 10-ms frame within 35 dB of the loudest frame: an
    estimate of where speech ends that does not depend on the VAD under test."""
    frames = pcm[: pcm.size // 160 * 160].reshape(-1, 160)
    db = 20 * np.log10(np.sqrt(np.mean(frames**2, axis=1)) + 1e-9)
    return int((np.nonzero(db > db.max() - 35)[0][-1] + 1) * 160)


def _feed(endpointer: Endpointer, pcm: np.ndarray):
    events = []
    for i in range(0, pcm.size, CHUNK):
        events += endpointer.feed(pcm[i : i + CHUNK])
    return events


def test_segments_find_the_speech_in_a_real_clip(native_clips):
    clip = _clip(native_clips, "native_jfk")
    pcm = load_utterance(clip.wav)
    segments = speech_segments(pcm)
    # JFK pauses between phrases: several segments, covering most of the clip.
    assert len(segments) >= 3
    assert 0.0 <= segments[0][0] < 0.6 and segments[-1][1] > 10.0
    speech = sum(end - start for start, end in segments)
    assert 0.6 * clip.duration_s < speech <= clip.duration_s


def test_no_speech_in_silence_and_noise():
    rng = np.random.default_rng(0)
    assert speech_segments(np.zeros(32000, np.float32)) == []
    assert speech_segments((0.01 * rng.standard_normal(32000)).astype(np.float32)) == []
    assert trim_silence(np.zeros(16000, np.float32)).size == 0


def test_trim_silence_keeps_the_speech(learner_clips):
    clip = learner_clips[0]  # ~1.7 s of silence before the sentence
    pcm = load_utterance(clip.wav)
    padded = np.concatenate([np.zeros(16000, np.float32), pcm, np.zeros(16000, np.float32)])
    trimmed = trim_silence(padded)
    assert 2.5 < trimmed.size / 16000 < clip.duration_s
    assert np.max(np.abs(trimmed)) == pytest.approx(np.max(np.abs(pcm)))


def test_other_rates_are_resampled(learner_clips):
    from app.audio.resample import resample

    pcm = load_utterance(_clip(learner_clips, "learner_ppggmm_tgt_0002").wav)
    at16 = speech_segments(pcm)
    at44 = speech_segments(resample(pcm, 16000, 44100), sample_rate=44100)
    assert len(at16) == len(at44) == 1
    assert abs(at16[0][0] - at44[0][0]) < 0.1 and abs(at16[0][1] - at44[0][1]) < 0.1


@pytest.mark.parametrize(
    "clip_id,hangover_ms",
    [
        ("native_librispeech_1089-134686-0000", 500),
        ("native_librispeech_1089-134686-0002", 500),
        ("native_librispeech_1089-134686-0002", 300),
    ],
)
def test_endpointer_fires_soon_after_the_true_end(native_clips, clip_id, hangover_ms):
    pcm = load_utterance(_clip(native_clips, clip_id).wav)
    true_end = _energy_end(pcm)
    stream = np.concatenate([pcm[:true_end], np.zeros(2 * 16000, np.float32)])
    endpointer = Endpointer(hangover_ms=hangover_ms)
    events = _feed(endpointer, stream)
    assert [e.kind for e in events] == [SPEECH_START, SPEECH_END]  # no cut mid-sentence
    start, end = events
    assert start.time_s < 1.0
    delay = (end.at_sample - true_end) / 16000
    assert 0.0 <= delay <= hangover_ms / 1000 + 0.1, f"end fired {delay:.3f} s after the speech"
    assert abs(end.sample - true_end) / 16000 < 0.3  # and says where speech ended
    assert end.delay_s == pytest.approx(hangover_ms / 1000, abs=0.04)


def test_endpointer_hangover_bridges_pauses(native_clips):
    pcm = load_utterance(_clip(native_clips, "native_jfk").wav)
    short = [e.kind for e in _feed(Endpointer(hangover_ms=300), pcm)].count(SPEECH_END)
    long = [e.kind for e in _feed(Endpointer(hangover_ms=1200), pcm)].count(SPEECH_END)
    assert short >= 3  # JFK's phrase pauses each end a "turn"...
    assert long < short  # ...a longer hangover waits through them


def test_endpointer_reset_and_odd_chunk_sizes(native_clips):
    pcm = load_utterance(_clip(native_clips, "native_librispeech_1089-134686-0001").wav)
    stream = np.concatenate([pcm, np.zeros(16000, np.float32)])
    endpointer = Endpointer(min_silence_ms=400)
    assert endpointer.hangover_ms == 400
    first = [(e.kind, e.sample) for e in _feed(endpointer, stream)]
    endpointer.reset()
    odd = []
    for i in range(0, stream.size, 777):
        odd += [(e.kind, e.sample) for e in endpointer.feed(stream[i : i + 777])]
    assert first == odd and len(first) == 2  # state carried exactly across chunk edges


def test_endpointer_forces_an_end_on_endless_speech(native_clips):
    pcm = load_utterance(_clip(native_clips, "native_librispeech_1089-134686-0000").wav)
    endpointer = Endpointer(max_speech_s=3.0)
    ends = [e for e in _feed(endpointer, pcm) if e.kind == SPEECH_END]
    assert ends and ends[0].at_sample / 16000 < 4.5


def test_endpointer_rejects_other_rates():
    with pytest.raises(ValueError):
        Endpointer(sample_rate=44100)
