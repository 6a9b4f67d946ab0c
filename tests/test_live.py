"""Live turn-taking: the turn starts on a pause, is heard only once the end is
confirmed, and a pause the learner talks through leaves no trace."""

import numpy as np
import pytest

from app import events as ev
from app.audio.vad import trim_silence
from app.audio.wavio import load_utterance
from app.config import Settings
from app.engines import Engines
from app.gate import Gate
from app.live import LiveTurns
from app.practice import Practice
from app.speech.wer import wer
from app.store import open_store


def test_gate_holds_events_until_open_then_keeps_order():
    seen = []
    gate = Gate(open_now=False)
    emit = gate.wrap(seen.append)
    emit("a")
    emit("b")
    assert seen == [] and not gate.is_open
    gate.open()
    emit("c")
    assert seen == ["a", "b", "c"] and gate.opened_at is not None


def test_gate_wait_gives_up_when_told_to_stop():
    assert Gate(open_now=False).wait(lambda: True) is False
    assert Gate().wait(lambda: True) is True


@pytest.fixture(scope="module")
def practice(tmp_path_factory):
    home = tmp_path_factory.mktemp("live-home")
    engines = Engines(Settings.from_env(home=home))
    engines.load()
    return Practice(engines, open_store(home))


def feed(live, pcm, chunk=480):
    """Feed faster than real time (the endpointer counts samples, not seconds)."""
    futures = []
    for offset in range(0, pcm.size, chunk):
        done = live.feed(pcm[offset:offset + chunk])
        if done is not None:
            futures.append(done)
    return futures


def silence(seconds):
    return np.zeros(int(16000 * seconds), np.float32)


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_turn_is_heard_only_after_its_end_is_confirmed(practice, learner_clips):
    clip = learner_clips[2]
    seen = []
    live = LiveTurns(practice, on_event=seen.append)
    try:
        futures = feed(live, np.concatenate([load_utterance(clip.wav), silence(1.5)]))
        assert len(futures) == 1
        outcome = futures[0].result(timeout=120)
    finally:
        live.close()
    assert live.speculations >= 1
    assert wer(clip.text_norm, outcome.transcript.text) <= 0.35
    kinds = [type(e) for e in seen]
    assert kinds[0] is ev.TurnStarted and ev.ReplyAudio in kinds and kinds[-1] is ev.TurnSaved
    assert outcome.timings_ms["end_to_first_audio"] >= 0


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_a_pause_talked_through_is_cancelled_without_trace(practice, learner_clips):
    first, second = (trim_silence(load_utterance(c.wav), pad_ms=50) for c in learner_clips[3:5])
    sessions_before = practice.session_id
    turns_before = len(practice.store.turns(sessions_before)) if sessions_before else 0
    history_before = len(practice.conversation.history)
    live = LiveTurns(practice, hangover_ms=500, pause_ms=150)
    try:
        # 400 ms in all is longer than the pause that starts a turn, shorter
        # than the silence that ends one: the learner only drew breath.
        futures = feed(live, np.concatenate([first, silence(0.3), second, silence(1.5)]))
        assert len(futures) == 1
        outcome = futures[0].result(timeout=180)
    finally:
        live.close()
    assert live.wasted >= 1
    words = outcome.transcript.text.lower()
    assert "shoes" in words or "possession" in words  # the second sentence made it in
    assert len(practice.conversation.history) == history_before + 1
    assert len(practice.store.turns(practice.session_id)) == turns_before + 1
