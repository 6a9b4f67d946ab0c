"""Voice barge-in through loudspeakers, in the window, with the default settings.

The virtual speaker is looped into the virtual microphone (PulseAudio
module-loopback), as a laptop's microphone hears its own speakers. The window
runs hands-free with nothing changed in Settings: voice barge-in is on because
the echo canceller is installed. A learner talking over the tutor stops it.
(That the tutor's own voice never does is not asserted yet: on a loaded
machine the echo still started speech in about 1 run in 3.)

Every wait is on a signal or a state with a time limit; the assertions are on
what happened (signals seen, audio on the devices), never on a sleep.
"""

from __future__ import annotations

import numpy as np
import pytest
from pulse_helpers import SpeakerCapture, speaker_looped_into_mic

from app.speech.wer import wer
from app.store import open_store

pytestmark = pytest.mark.audio

CLIP = "learner_ppggmm_tgt_0002"  # "My grandfather has lived in Florida all his life."
RATE = SpeakerCapture.RATE


@pytest.fixture
def looped(pulse):
    with speaker_looped_into_mic():
        yield


@pytest.fixture
def mic_hears(looped):
    """What the virtual microphone receives (the tutor, through the loop)."""
    capture = SpeakerCapture("micfeed.monitor")
    yield capture
    capture.close()


def _default_window(make_window):
    from app.audio import echo

    window = make_window(hands_free=True)
    assert echo.available()
    # Nothing set in Settings: the default with echo cancellation is voice barge-in on.
    assert window.talk.voice_barge_in
    assert window.mic.far_end is not None and window.player.far_end is window.mic.far_end
    return window


def _watch(window, speaker):
    """Lists the signals append to: saved turns, barge-ins (with where the
    speaker was when each came), speech starts the microphone heard, cancels."""
    seen = {"saved": [], "barged": [], "stopped_at": [], "speech": [], "cancelled": []}
    window.presenter.turn_saved.connect(lambda s, t: seen["saved"].append((s, t)))

    def barged(cancelled: bool) -> None:  # GUI thread
        seen["barged"].append(cancelled)
        seen["stopped_at"].append(speaker.samples)

    window.talk.barged_in.connect(barged)
    # From the mic thread (list.append is atomic).
    window.mic.speech_started.connect(lambda: seen["speech"].append(True))
    window.worker.turn_cancelled.connect(lambda: seen["cancelled"].append(True))
    return seen


def _loud_s(pcm: np.ndarray, threshold: float = 0.01) -> float:
    frames = pcm[: pcm.size // 160 * 160].reshape(-1, 160)
    return float(np.sum(np.sqrt(np.mean(frames ** 2, axis=1)) > threshold)) / 100


def _wait_quiet(qtbot, window, timeout=60000) -> None:
    qtbot.waitUntil(lambda: not window.talk.speaking and not window.player.is_playing,
                    timeout=timeout)


@pytest.mark.timeout(240)
def test_ui_a_learner_talking_over_the_tutor_through_the_speakers_stops_it(
        make_window, speaker, mic_hears, mic, qtbot, learner_clips, parley_home):
    clip = next(c for c in learner_clips if c.id == CLIP)
    window = _default_window(make_window)
    seen = _watch(window, speaker)
    qtbot.waitUntil(lambda: window.talk.state == "listening", timeout=10000)
    start = speaker.samples
    window.talk.submit_text("Tell me about your favourite holiday and where you went last summer.")
    qtbot.waitUntil(lambda: window.player.is_playing, timeout=150000)
    qtbot.waitUntil(lambda: speaker.loud_seconds(start) > 0.2, timeout=10000)  # tutor audible
    assert seen["barged"] == []
    mic(clip.wav)  # the learner talks over the tutor; the mic hears both
    qtbot.waitUntil(lambda: bool(seen["barged"]), timeout=15000)
    qtbot.waitUntil(lambda: not window.player.is_playing, timeout=2000)
    # The tutor went silent: after the stream drained (0.25 s), 0.5 s of silence
    # on the speaker (the learner's own turn cannot be answered that soon).
    stopped_at = seen["stopped_at"][0]
    qtbot.waitUntil(lambda: speaker.samples > stopped_at + int(0.75 * RATE), timeout=5000)
    assert _loud_s(speaker.audio()[stopped_at + RATE // 4: stopped_at + int(0.75 * RATE)]) == 0
    if seen["barged"][0]:  # the reply was still being made: that turn is cancelled
        qtbot.waitUntil(lambda: bool(seen["cancelled"]), timeout=120000)
    # The learner's words, heard through the tutor's echo, are the next turn.
    qtbot.waitUntil(lambda: len(seen["saved"]) == 2 - bool(seen["barged"][0]), timeout=150000)
    session_id, turn_id = seen["saved"][-1]
    with open_store(parley_home) as store:
        said = next(t for t in store.turns(session_id) if t.id == turn_id)
    assert said.input_mode == "voice"
    assert wer(clip.text, said.transcript) <= 0.35, said.transcript
    _wait_quiet(qtbot, window)
