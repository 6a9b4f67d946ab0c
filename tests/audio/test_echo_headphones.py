"""Echo cancellation when the microphone does not hear the speaker (headphones),
without devices: AEC3 alone hides a learner who talks over the tutor's first
seconds; once the far end has played with the microphone quiet, the learner
goes through as heard. A real echo keeps the canceller on."""

from __future__ import annotations

import numpy as np
import pytest

from app.audio.echo import EchoCancel, FarEnd
from app.audio.wavio import read_wav
from app.turntaking.endpointer import SPEECH_START, Endpointer

pytest.importorskip("pywebrtc_audio")

RATE = 16000
CHUNK = 480  # the recorder's 30 ms
LEARNER_AT = 2.0  # the learner's clip starts here (its speech about 1.5 s later)


def _clip(clips, clip_id: str) -> np.ndarray:
    pcm, rate = read_wav(next(c for c in clips if c.id == clip_id).wav)
    assert rate == RATE
    return pcm.astype(np.float32)


def _run(mic: np.ndarray, far: np.ndarray) -> tuple[float | None, EchoCancel]:
    """Feed ``mic`` through an EchoCancel that hears ``far`` playing at the
    same time; returns when the endpointer heard speech start (s)."""
    far_end = FarEnd(seconds=20.0, origin=0.0)
    echo = EchoCancel(far_end)
    endpointer = Endpointer()
    endpointer.onset_veto = echo.echo_only
    written = 0
    for end in range(CHUNK, mic.size + 1, CHUNK):
        while written < min(far.size, end + 1600):  # the player writes 100 ms ahead
            far_end.played(far[written:written + CHUNK], RATE, written / RATE, stream=1)
            written += CHUNK
        out = echo.process(mic[end - CHUNK:end], end / RATE)
        if any(e.kind == SPEECH_START for e in endpointer.feed(out)):
            return end / RATE, echo
    return None, echo


@pytest.fixture
def scene(native_clips, learner_clips):
    learner = _clip(learner_clips, "learner_ppggmm_tgt_0002")
    tutor = _clip(native_clips, native_clips[0].id)
    total = int(9 * RATE)
    mic = np.zeros(total, np.float32)
    start = int(LEARNER_AT * RATE)
    mic[start:start + learner.size] = learner[:total - start]
    far = np.zeros(total, np.float32)
    far[:tutor.size] = tutor[:total]  # the tutor talks from 0 s on
    onset = LEARNER_AT + float(np.argmax(np.abs(learner) > 0.05)) / RATE
    return mic, far, onset


def test_a_learner_over_the_tutor_through_headphones_is_heard_at_once(scene):
    mic, far, onset = scene
    heard, echo = _run(mic, far)
    assert heard is not None and heard - onset < 0.35, (heard, onset)
    assert echo.no_echo_path and echo.gate.delay is None


def test_a_real_echo_keeps_the_canceller_on(scene):
    mic, far, _ = scene
    delay = 880  # 55 ms
    echoed = mic + np.concatenate([np.zeros(delay, np.float32), far[:-delay]]) * 0.3
    _, echo = _run(echoed, far)
    assert not echo.no_echo_path
    assert echo.gate.delay is not None
