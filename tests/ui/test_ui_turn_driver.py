"""The window's microphone worker takes hands-free turns through the one
turn-taking driver (app/turntaking/driver.py), as the benchmark does
(tests/turntaking/test_driver.py): a recording played into the virtual
microphone, and every signal checked against what the driver reported."""

from __future__ import annotations

import numpy as np
import pytest

from app.turntaking import driver as driver_module
from app.ui.audio_workers import HANDS_FREE, MicWorker
from app.ui.worker import start_worker
from conftest import play_into_mic
from driver_helpers import RecordingDriver

pytestmark = [pytest.mark.audio, pytest.mark.timeout(90)]


def test_mic_worker_signals_are_the_drivers_events(pulse, qtbot, learner_clips, monkeypatch):
    monkeypatch.setattr(driver_module, "TurnDriver", RecordingDriver)
    RecordingDriver.made.clear()
    mic = MicWorker()
    seen = []  # appended from the mic thread (list.append is atomic)
    mic.speech_started.connect(lambda: seen.append(("started",)))
    mic.speculate.connect(lambda utterance, gate, token: seen.append(("speculate", gate, token)))
    mic.turn_confirmed.connect(lambda pcm, ended_at: seen.append(("confirmed", pcm)))
    mic.utterance.connect(lambda pcm, ended_at: seen.append(("utterance", pcm)))
    mic.no_speech.connect(lambda why: seen.append(("no speech", why)))
    mic.failed.connect(lambda why: seen.append(("failed", why)))
    thread = start_worker(mic)
    player = None
    try:
        assert not mic.capturing
        mic.begin(HANDS_FREE)
        # Played once the microphone records: the capture is queued first.
        qtbot.waitUntil(lambda: mic.capturing, timeout=10000)
        assert len(RecordingDriver.made) == 1
        player = play_into_mic(learner_clips[2].wav)
        qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] in {"confirmed", "utterance", "no speech",
                                                         "failed"}, timeout=60000)
    finally:
        mic.request_stop()
        if player is not None and player.poll() is None:
            player.kill()
        if player is not None:
            player.wait()
        thread.quit()
        thread.wait()
    assert not mic.capturing  # the capture ended with its turn
    (driver,) = RecordingDriver.made
    (ended,) = driver.ends
    kinds = [s[0] for s in seen]
    assert kinds[0] == "started", kinds
    gates = [s[1] for s in seen if s[0] == "speculate"]
    assert len(gates) == driver.speculations >= 1
    # The last pause's turn is let through at the end (nobody ran it here, so
    # it cannot have failed): the window hears of it, with the driver's audio.
    assert ended.turn is not None and ended.turn.gate is gates[-1] and gates[-1].is_open
    assert kinds[-1] == "confirmed" and "utterance" not in kinds
    assert np.array_equal(seen[-1][1], ended.utterance.pcm)
    assert all(s[2].cancelled for s in seen[:-1] if s[0] == "speculate" and s[1] is not gates[-1])
