"""The echo gate (app/audio/echo_gate.py) on real speech, without devices: the
tutor's voice, delayed as an echo, is judged echo only; a learner is not,
alone or talking over the echo; and judged echo cannot start speech."""

from __future__ import annotations

import numpy as np
import pytest

from app.audio.echo_gate import EchoGate
from app.audio.wavio import read_wav
from app.turntaking.endpointer import SPEECH_START, Endpointer

CHUNK = 480  # the recorder's 30 ms
DELAY = 880  # 55 ms, as the looped virtual devices measured


def _speech(clips, index: int, seconds: float = 4.0) -> np.ndarray:
    pcm, rate = read_wav(clips[index].wav)
    assert rate == 16000
    pcm = pcm[:int(seconds * rate)]
    return pcm / (np.abs(pcm).max() + 1e-9) * 0.5


def _judge(mic: np.ndarray, far: np.ndarray, loud_in: np.ndarray | None = None) -> list[bool]:
    """Judged echo only, for each 30 ms chunk of ``mic`` where ``loud_in``
    (default: ``mic`` itself) is louder than -40 dBFS."""
    loud_in = mic if loud_in is None else loud_in
    gate, verdicts = EchoGate(), []
    far = np.concatenate([np.zeros(gate.SPAN, np.float32), far])
    for end in range(CHUNK, mic.size + 1, CHUNK):
        echo = gate.judge(mic[end - CHUNK:end], far[end:end + gate.SPAN], end)
        if np.mean(np.square(loud_in[end - CHUNK:end])) > 1e-4:
            verdicts.append(echo)
    return verdicts


def _delayed(pcm: np.ndarray, gain: float = 0.5) -> np.ndarray:
    return np.concatenate([np.zeros(DELAY, np.float32), pcm[:-DELAY]]) * gain


@pytest.fixture
def tutor(native_clips):
    return _speech(native_clips, 0)


@pytest.fixture
def learner(learner_clips):
    return _speech(learner_clips, 2)


def test_the_tutors_echo_is_judged_echo_only(tutor):
    verdicts = _judge(_delayed(tutor), tutor)
    assert np.mean(verdicts) > 0.95, verdicts


def test_a_learner_alone_is_never_taken_for_echo(tutor, learner):
    size = min(tutor.size, learner.size)
    verdicts = _judge(learner[:size], tutor[:size])  # the speaker plays, nobody hears it
    assert np.mean(verdicts) < 0.02, verdicts


def test_a_learner_over_the_echo_is_heard(tutor, learner):
    size = min(tutor.size, learner.size)
    echo = _delayed(tutor[:size], gain=0.5)  # the learner about 6 dB louder (13 % judged echo)
    verdicts = _judge(learner[:size] + echo, tutor[:size], loud_in=learner[:size])
    assert len(verdicts) > 20
    assert np.mean(verdicts) < 0.3, verdicts


def test_echo_only_frames_cannot_start_speech(native_clips):
    pcm = _speech(native_clips, 0)
    vetoed = Endpointer()
    vetoed.onset_veto = lambda start, end: True
    assert not [e for e in vetoed.feed(pcm) if e.kind == SPEECH_START]
    # Once the echo is over (here: after 1 s), the same speech starts a turn there.
    later = Endpointer()
    later.onset_veto = lambda start, end: end <= 16000
    starts = [e for e in later.feed(pcm) if e.kind == SPEECH_START]
    assert starts and starts[0].sample >= 16000 - 512
