"""Voice barge-in through loudspeakers, in the window, with the default settings.

The virtual speaker is looped into the virtual microphone (PulseAudio
module-loopback), as a laptop's microphone hears its own speakers. The window
runs hands-free with nothing changed in Settings: voice barge-in is on because
the echo canceller is installed. The tutor's voice, heard by the microphone,
must not interrupt the tutor (first reply, whose first seconds the canceller
adapts on, then a slow replay); a learner talking over it must (next reply).

Every wait is on a signal or a state with a time limit; the assertions are on
what happened (signals seen, audio on the devices), never on a sleep.
"""

from __future__ import annotations

import numpy as np
import pytest
from pulse_helpers import SpeakerCapture, speaker_looped_into_mic
from PySide6.QtCore import Qt

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


@pytest.mark.timeout(300)
def test_ui_voice_barge_in_through_the_speakers(make_window, speaker, mic_hears, mic, qtbot,
                                                learner_clips, parley_home):
    clip = next(c for c in learner_clips if c.id == CLIP)
    window = _default_window(make_window)
    seen = _watch(window, speaker)
    qtbot.waitUntil(lambda: window.talk.state == "listening", timeout=10000)

    # 1. The tutor, heard by the microphone, does not interrupt itself.
    start, mic_start = speaker.samples, mic_hears.samples
    window.talk.submit_text("I went to the mountains with my friends last summer and we "
                            "walked for hours every day.")
    # Saved, or ended otherwise (a false barge-in cancels it): said at once.
    qtbot.waitUntil(lambda: window.talk.turns_in_flight == 0, timeout=150000)
    assert seen["barged"] == [] and len(seen["saved"]) == 1, seen
    _wait_quiet(qtbot, window)
    tutor = window.view.tutor_bubbles()[-1]
    # ... and once more, slowly (re-synthesised at 0.75x): a longer stretch of
    # the tutor's voice while the microphone listens with barge-in armed.
    qtbot.mouseClick(tutor.slow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.player.is_playing, timeout=60000)
    _wait_quiet(qtbot, window)
    reply_s = sum(p.size for p in tutor.pcm_parts) / tutor.sample_rate
    played_s = speaker.loud_seconds(start)
    looped_s = _loud_s(mic_hears.audio(mic_start))
    print(f"reply {reply_s:.1f} s (+ slow replay); loud on the speaker {played_s:.1f} s, "
          f"in the microphone {looped_s:.1f} s; speech starts {len(seen['speech'])}")
    assert looped_s > 2.0 and played_s > 2.0  # the microphone really heard the tutor
    assert seen["speech"] == [] and seen["barged"] == []  # never taken for the learner
    assert played_s > 0.9 * reply_s  # heard whole (the slow replay adds to the normal one)
    assert window.talk.state == "listening"

    # 2. A learner talking over the tutor stops it, and is heard through its echo.
    start = speaker.samples
    window.talk.submit_text("Tell me about your favourite holiday and where you went last summer.")
    qtbot.waitUntil(lambda: window.player.is_playing, timeout=150000)
    qtbot.waitUntil(lambda: speaker.loud_seconds(start) > 0.2, timeout=10000)  # tutor audible
    assert seen["barged"] == []
    mic(clip.wav)  # the mic hears both
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
    qtbot.waitUntil(lambda: len(seen["saved"]) == 3 - bool(seen["barged"][0]), timeout=150000)
    session_id, turn_id = seen["saved"][-1]
    with open_store(parley_home) as store:
        said = next(t for t in store.turns(session_id) if t.id == turn_id)
    assert said.input_mode == "voice"
    assert wer(clip.text, said.transcript) <= 0.35, said.transcript
    _wait_quiet(qtbot, window)
