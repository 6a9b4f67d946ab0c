"""The one turn-taking driver (app/turntaking/driver.py), fed a real recording;
the benchmark's replay and listen() going through it. The window's microphone
worker is checked through the virtual microphone in tests/ui/test_ui_turn_driver.py."""

from __future__ import annotations

import numpy as np
import pytest

from app import events
from app.audio.vad import trim_silence
from app.audio.wavio import load_utterance
from app.turntaking import driver as driver_module
from driver_helpers import RecordingDriver
from app.turntaking.driver import LiveTurns, TurnDriver
from app.turntaking.endpointer import SPEECH_PAUSE, SPEECH_RESUME, SPEECH_START


def silence(seconds):
    return np.zeros(int(16000 * seconds), np.float32)


class HeldTurns:
    """Records the turns the driver starts; each sends one event through its gate,
    as a turn behind a closed gate would (it is held until the end is confirmed)."""

    def __init__(self, seen):
        self.seen = seen
        self.started = []

    def __call__(self, utterance, gate, cancel):
        self.started.append((utterance, gate, cancel))
        gate.wrap(self.seen.append)(("reply", len(self.started)))
        return len(self.started)


def feed(driver, stream, chunk=480):
    ends = []
    for offset in range(0, stream.size, chunk):
        ended = driver.feed(stream[offset:offset + chunk])
        if ended is not None:
            ends.append(ended)
    return ends


def test_driver_speculates_cancels_on_a_resumption_and_lets_the_last_turn_through(learner_clips):
    first, second = (trim_silence(load_utterance(c.wav), pad_ms=50) for c in learner_clips[3:5])
    seen = []
    turns = HeldTurns(seen)
    driver = TurnDriver(turns, on_cut=lambda cut: seen.append(cut.kind),
                        on_confirm=lambda heard: seen.append(("confirmed", heard.end_sample)))
    # A breath (300 ms) between two sentences: a pause, then the learner goes on.
    ends = feed(driver, np.concatenate([silence(0.3), first, silence(0.3), second, silence(1.5)]))

    (ended,) = ends
    assert seen[0] == SPEECH_START and SPEECH_PAUSE in seen and SPEECH_RESUME in seen
    assert driver.speculations == len(turns.started) >= 2 and driver.wasted >= 1
    # Every turn but the last was cancelled; the last one is the confirmed turn.
    *dropped, (utterance, gate, cancel) = turns.started
    assert all(c.cancelled for _, _, c in dropped) and not cancel.cancelled
    assert ended.turn is not None and ended.turn.handle == len(turns.started)
    assert ended.turn.gate is gate and gate.is_open
    assert utterance.end_sample == ended.utterance.end_sample
    # The speculative turn heard the same audio (up to the short tail the
    # pause had when it started).
    assert np.array_equal(utterance.pcm, ended.utterance.pcm[:utterance.pcm.size])
    assert ended.utterance.pcm.size - utterance.pcm.size < 0.1 * 16000
    # The window learns of the turn before its held event reaches it, and no
    # cancelled turn's event ever does.
    assert seen[-2:] == [("confirmed", ended.utterance.end_sample), ("reply", len(turns.started))]
    assert [s for s in seen if isinstance(s, tuple) and s[0] == "reply"] == [seen[-1]]


def test_driver_without_a_turn_starter_only_cuts_the_utterance(learner_clips):
    """listen()'s configuration: no pause events, the end after the hangover."""
    pcm = trim_silence(load_utterance(learner_clips[0].wav), pad_ms=50)
    cuts = []
    driver = TurnDriver(on_cut=lambda cut: cuts.append(cut.kind))
    (ended,) = feed(driver, np.concatenate([silence(0.5), pcm, silence(1.0)]))
    assert ended.turn is None and driver.speculations == 0
    assert SPEECH_PAUSE not in cuts and cuts[0] == SPEECH_START
    assert 450 <= ended.utterance.endpoint_delay_ms <= 600
    assert abs(ended.utterance.pcm.size - pcm.size) < 0.5 * 16000


class RecordedPractice:
    """Stands in for Practice.run_turn: records what each turn was given."""

    def __init__(self):
        self.turns = []

    def run_turn(self, pcm, *, on_event, cancel, speech_ended_at, gate):
        self.turns.append((pcm, gate, cancel))
        return pcm.size


@pytest.mark.timeout(60)
@pytest.mark.model  # the benchmark loads the VAD and the real engines
def test_the_benchmark_replays_through_the_driver(learner_clips, monkeypatch):
    from app.devtools.bench import speak_live

    monkeypatch.setattr(driver_module, "TurnDriver", RecordingDriver)
    RecordingDriver.made.clear()
    practice = RecordedPractice()
    live = LiveTurns(practice)
    pcm = load_utterance(learner_clips[2].wav)
    try:
        future, _, _ = speak_live(live, pcm, pcm.size / 16000)
        assert future.result(timeout=30) > 0
    finally:
        live.close()
    (driver,) = RecordingDriver.made
    (ended,) = driver.ends
    # The turn the benchmark waited on is the one the driver confirmed.
    (turn_pcm, gate, cancel), = [t for t in practice.turns if not t[2].cancelled]
    assert gate.is_open and ended.turn is not None and ended.turn.gate is gate
    assert np.array_equal(turn_pcm, ended.utterance.pcm[:turn_pcm.size])
    assert live.speculations == driver.speculations >= 1


@pytest.mark.audio
@pytest.mark.timeout(60)
def test_listen_records_through_the_driver_without_speculation(pulse, learner_clips, monkeypatch):
    """`turn --mic` and the review's drills: the microphone (the PulseAudio
    virtual one, fed a recording) through the same driver, with no turn started."""
    import subprocess

    from app.turntaking.driver import listen

    monkeypatch.setattr(driver_module, "TurnDriver", RecordingDriver)
    RecordingDriver.made.clear()
    player = subprocess.Popen(["paplay", "--device=micfeed", str(learner_clips[2].wav)])
    try:
        heard = listen(wait_s=20)
    finally:
        player.kill()
        player.wait()
    (driver,) = RecordingDriver.made
    (ended,) = driver.ends
    assert heard is ended.utterance and ended.turn is None and driver.speculations == 0
    assert heard.pcm.size > 16000


class FinishedTurns(HeldTurns):
    """Each turn's transcript, through its gate, is a finished sentence (so
    the end-of-turn policy lets it sound early), then its reply."""

    def __call__(self, utterance, gate, cancel):
        self.started.append((utterance, gate, cancel))
        emit = gate.wrap(self.seen.append)
        emit(TranscriptReady("I would like a coffee, please."))
        emit(("reply", len(self.started)))
        return len(self.started)


def TranscriptReady(text):  # the event the end-of-turn policy reads, around a stand-in transcript
    return events.TranscriptReady(type("Transcript", (), {"text": text})())


def early_driver(seen, turns):
    from app.turntaking.turn_end import TurnEndOptions

    return TurnDriver(turns, turn_end=TurnEndOptions(score=lambda text: 0.9),
                      on_cut=lambda cut: seen.append(cut.kind),
                      on_confirm=lambda heard: seen.append(("confirmed", heard.end_sample)),
                      on_retract=lambda turn: seen.append(("retracted", turn.handle)))


def test_a_finished_sentence_sounds_before_its_end_and_is_taken_back_if_the_learner_goes_on(
        learner_clips):
    from app.turntaking.endpointer import SPEECH_EARLY

    first, second = (trim_silence(load_utterance(c.wav), pad_ms=50) for c in learner_clips[3:5])
    seen = []
    turns = FinishedTurns(seen)
    driver = early_driver(seen, turns)
    # A breath (350 ms, with the clips' 50 ms pads) after a finished sentence:
    # longer than the early silence, shorter than the end.
    ends = feed(driver, np.concatenate([silence(0.3), first, silence(0.35), second, silence(1.5)]))

    (ended,) = ends
    retracted = [s for s in seen if isinstance(s, tuple) and s[0] == "retracted"]
    assert len(retracted) == driver.retracted == 1
    # The turn taken back had been let through (confirmed, its reply delivered)...
    taken = retracted[0][1]
    _, taken_gate, taken_cancel = turns.started[taken - 1]
    assert taken_gate.is_open and taken_cancel.cancelled
    at = seen.index(retracted[0])
    assert ("reply", taken) in seen[:at] and SPEECH_EARLY in seen[:at]
    assert seen[at - 1] == SPEECH_RESUME  # taken back when the learner went on
    # ... and the learner's two sentences are one turn, let through at its end.
    assert ended.turn is not None and ended.turn.handle == len(turns.started) > taken
    assert not turns.started[-1][2].cancelled
    assert ended.utterance.pcm.size > first.size + second.size
    assert seen[-3] == ("confirmed", ended.utterance.end_sample)
    assert seen[-1] == ("reply", len(turns.started))


def test_a_turn_let_through_early_is_the_confirmed_turn_at_its_end(learner_clips):
    from app.turntaking.endpointer import SPEECH_EARLY
    from app.turntaking.turn_end import EARLY_MS, FINISHED_MS

    pcm = trim_silence(load_utterance(learner_clips[0].wav), pad_ms=50)
    seen, confirmed_in_chunk = [], []
    turns = FinishedTurns(seen)
    driver = early_driver(seen, turns)
    stream = np.concatenate([silence(0.3), pcm, silence(1.5)])
    ended = None
    for offset in range(0, stream.size, 480):
        before = len(seen)
        ended = driver.feed(stream[offset:offset + 480])
        if any(isinstance(s, tuple) and s[0] == "confirmed" for s in seen[before:]):
            confirmed_in_chunk.append(ended)
        if ended is not None:
            break
    # Confirmed (and its reply delivered) a chunk of silence before the end was.
    assert confirmed_in_chunk and confirmed_in_chunk[0] is None
    assert SPEECH_EARLY in seen and driver.retracted == 0
    assert ended.turn is not None and ended.turn.handle == len(turns.started)
    assert [s for s in seen if isinstance(s, tuple) and s[0] == "confirmed"] == [
        ("confirmed", ended.utterance.end_sample)]  # once, at the early silence
    assert EARLY_MS < FINISHED_MS <= ended.utterance.endpoint_delay_ms < FINISHED_MS + 100
