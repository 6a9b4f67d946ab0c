"""Live turn-taking: the turn starts on a pause, is heard only once the end is
confirmed, and a pause the learner talks through leaves no trace."""

import numpy as np
import pytest

from app import events as ev
from app.audio.vad import trim_silence
from app.audio.wavio import load_utterance
from app.config import Settings
from app.engines import Engines
from app.practice import Practice
from app.speech.wer import wer
from app.store import open_store
from app.turntaking.cutter import Cut, Utterance, UtteranceCutter
from app.turntaking.endpointer import (SPEECH_END, SPEECH_PAUSE, SPEECH_RESUME, SPEECH_START,
                                       Endpointer)
from app.turntaking.gate import Gate
from app.turntaking.driver import LiveTurns
from app.turntaking.speculation import Speculation

pytestmark = pytest.mark.model  # loads a real model


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


def test_a_gate_opened_before_the_end_lets_events_through_but_not_the_save():
    seen = []
    gate = Gate(open_now=False)
    emit = gate.wrap(seen.append)
    emit("audio")
    assert gate.open(first=lambda: seen.append("first"), confirmed=False) is True
    emit("more")
    assert seen == ["first", "audio", "more"] and gate.is_open
    assert gate.wait(lambda: True) is False  # the turn may not save yet
    assert gate.open(first=lambda: seen.append("again")) is True  # the end came
    assert gate.wait(lambda: True) is True and seen == ["first", "audio", "more"]


def test_gate_runs_first_before_the_held_events():
    seen = []
    gate = Gate(open_now=False)
    gate.wrap(seen.append)("held")
    assert gate.open(first=lambda: seen.append("first")) is True
    assert seen == ["first", "held"]
    assert gate.open(first=lambda: seen.append("again")) is True and seen == ["first", "held"]


def test_an_abandoned_gate_never_opens_and_drops_what_it_held():
    seen = []
    gate = Gate(open_now=False)
    emit = gate.wrap(seen.append)
    emit("held")
    assert gate.abandon() is True
    emit("late")
    assert gate.open(first=lambda: seen.append("first")) is False
    assert seen == [] and gate.abandoned and not gate.is_open
    assert gate.wait(lambda: False) is False  # a turn waiting on it gives up
    opened = Gate()
    assert opened.abandon() is False and not opened.abandoned


def _utterance(end_sample):
    return Utterance(np.zeros(1600, np.float32), 0.0, 100.0, end_sample)


class FakeTurnStarter:
    """Fake: records the turns Speculation starts instead of running them."""

    def __init__(self):
        self.started = []

    def __call__(self, utterance, gate, cancel):
        self.started.append((utterance, gate, cancel))
        return len(self.started)


def test_speculation_starts_on_a_pause_and_is_let_through_at_its_end():
    start = FakeTurnStarter()
    speculation = Speculation(start)
    speculation.on_cut(Cut(SPEECH_PAUSE, _utterance(8000)))
    (_, gate, cancel), = start.started
    assert not gate.is_open
    confirmed = []
    turn = speculation.confirm(_utterance(8000), on_confirm=lambda: confirmed.append(gate.is_open))
    assert turn is not None and turn.handle == 1
    assert confirmed == [False] and gate.is_open and not cancel.cancelled
    assert speculation.started == 1 and speculation.wasted == 0


def test_speculation_cancels_when_the_learner_goes_on():
    start = FakeTurnStarter()
    speculation = Speculation(start)
    speculation.on_cut(Cut(SPEECH_PAUSE, _utterance(8000)))
    speculation.on_cut(Cut(SPEECH_RESUME))
    speculation.on_cut(Cut(SPEECH_PAUSE, _utterance(20000)))
    first, second = start.started
    assert first[2].cancelled and not second[2].cancelled
    assert speculation.wasted == 1
    # An end that is not the pause's (the endpointer's time limit) is not it.
    assert speculation.confirm(_utterance(24000)) is None
    assert second[2].cancelled and not second[1].is_open


def test_speculation_whose_turn_failed_unheard_is_not_confirmed():
    start = FakeTurnStarter()
    speculation = Speculation(start)
    speculation.on_cut(Cut(SPEECH_PAUSE, _utterance(8000)))
    start.started[0][1].abandon()  # what Practice.run_turn does when it fails
    assert speculation.confirm(_utterance(8000)) is None  # the caller runs it afresh


@pytest.mark.slow
def test_cutter_gives_the_same_audio_at_the_pause_and_at_the_end(learner_clips):
    pcm = trim_silence(load_utterance(learner_clips[0].wav), pad_ms=50)
    cutter = UtteranceCutter(Endpointer(hangover_ms=500, pause_ms=100))
    cuts = []
    stream = np.concatenate([silence(0.5), pcm, silence(1.0)])
    for offset in range(0, stream.size, 480):
        cuts += cutter.feed(stream[offset:offset + 480])
    kinds = [c.kind for c in cuts]
    assert kinds[0] == SPEECH_START and kinds[-1] == SPEECH_END
    pause = next(c for c in reversed(cuts) if c.kind == SPEECH_PAUSE)
    end = cuts[-1].utterance
    assert pause.utterance.end_sample == end.end_sample
    assert np.array_equal(pause.utterance.pcm, end.pcm)
    # From the pre-roll before the speech to the tail after it: about the clip.
    assert abs(end.pcm.size - pcm.size) < 0.5 * 16000
    assert 450 <= end.endpoint_delay_ms <= 600


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


@pytest.mark.parametrize("burst_ms, taken_back", [(100, False), (400, True)])
def test_while_a_reply_sounds_early_only_real_speech_takes_it_back(learner_clips, burst_ms,
                                                                    taken_back):
    """After SPEECH_EARLY the reply is playing: going on needs as much speech
    as an onset (150 ms); a 100 ms click or leak of the tutor's voice does not
    take the reply back, though it would resume a pause with no reply playing.
    Real speech (Silero on a learner's clip) either way."""
    from app.turntaking.endpointer import SPEECH_EARLY, SPEECH_END, SPEECH_RESUME, Endpointer

    pcm = trim_silence(load_utterance(learner_clips[1].wav), pad_ms=50)
    burst = pcm[pcm.size // 2: pcm.size // 2 + burst_ms * 16]
    stream = np.concatenate([pcm, silence(0.4), burst, silence(1.0)])

    def kinds(early_ms):
        endpointer = Endpointer(pause_ms=64, turn_end=lambda: 700,
                                early=(lambda: early_ms) if early_ms else None)
        return [event.kind for offset in range(0, stream.size, 480)
                for event in endpointer.feed(stream[offset:offset + 480])]

    with_reply, without = kinds(150), kinds(None)
    assert SPEECH_EARLY in with_reply and SPEECH_EARLY not in without
    assert with_reply[-1] == without[-1] == SPEECH_END
    assert without.count(SPEECH_RESUME) - with_reply.count(SPEECH_RESUME) == (0 if taken_back else 1)


def test_a_weaker_frame_while_the_learner_goes_on_does_not_end_the_turn():
    """A reply let through early (300 ms) while the end waits for 500 ms of
    silence: the learner goes on at 416 ms, and the onset of the next words has
    a frame under the speech threshold (not silence). The turn must not end in
    the middle of that resumption; it resumes, and the reply is taken back,
    instead of the going on becoming a barge-in that cancels the first
    sentence's turn."""
    from app.turntaking.endpointer import (FRAME, SPEECH_EARLY, SPEECH_END, SPEECH_RESUME,
                                           Endpointer)

    endpointer = Endpointer(pause_ms=64, turn_end=lambda: 500, early=lambda: 300)
    frame_ms = FRAME / 16
    probabilities = ([0.9] * 20 + [0.0] * round(416 / frame_ms)  # speech, then a breath
                     + [0.9, 0.9, 0.45, 0.9, 0.9, 0.9, 0.9, 0.9])  # going on, one weak frame
    kinds = [event.kind for p in probabilities for event in endpointer._step(p)]
    assert SPEECH_EARLY in kinds
    assert SPEECH_RESUME in kinds and SPEECH_END not in kinds
