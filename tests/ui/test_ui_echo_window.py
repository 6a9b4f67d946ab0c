"""Voice barge-in through loudspeakers, in the window, with the default settings.

The virtual speaker is looped into the virtual microphone (PulseAudio
module-loopback), as a laptop's microphone hears its own speakers. The window
runs hands-free with nothing changed in Settings: voice barge-in is on because
the echo canceller is installed. The tutor's voice, heard by the microphone,
must not interrupt the tutor, not even in the session's first reply (the
canceller has not adapted yet); a learner talking over the first reply must,
and is heard right through the echo.

Every wait is on a signal or a state with a time limit; the assertions are on
what happened (signals seen, audio on the devices), never on a sleep.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from pulse_helpers import SpeakerCapture, speaker_looped_into_mic
from PySide6.QtCore import Qt

from app.speech.wer import wer
from app.store import open_store
from conftest import wait_listening

pytestmark = pytest.mark.audio

CLIP = "learner_ppggmm_tgt_0002"  # "My grandfather has lived in Florida all his life."
RATE = SpeakerCapture.RATE


@pytest.fixture
def looped(pulse):
    with speaker_looped_into_mic():  # unloaded on the way out, whatever happened
        yield


@pytest.fixture
def mic_hears(looped):
    """What the virtual microphone receives (the tutor, through the loop)."""
    capture = SpeakerCapture("micfeed.monitor")
    yield capture
    capture.close()


@pytest.fixture
def cancelled_levels(monkeypatch):
    """(raw dB, cancelled dB, judged echo only) of every chunk the canceller
    processed: what the report prints, so a failure says how much echo was left."""
    from app.audio.echo import EchoCancel

    levels: list[tuple[float, float, bool]] = []
    process = EchoCancel.process

    def spy(self, chunk, arrived_at):
        out = process(self, chunk, arrived_at)
        levels.append((_db(chunk), _db(out), self.echo_only(self._count - 1, self._count)))
        return out

    monkeypatch.setattr(EchoCancel, "process", spy)
    return levels


def _db(pcm: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(np.square(pcm, dtype=np.float64)) + 1e-12))


def _report(levels: list[tuple[float, float, bool]]) -> str:
    """Echo taken out, second by second, over the chunks the microphone heard
    something, and how many of those chunks the gate judged echo only."""
    rows = []
    for first in range(0, len(levels), 33):  # 30 ms chunks: about a second each
        loud = [raw - out for raw, out, _ in levels[first:first + 33] if raw > -50]
        if loud:
            rows.append(f"{np.median(loud):.0f}")
    loud = [echo for raw, _, echo in levels if raw > -50]
    return (f"dB taken out per second: {' '.join(rows)}; judged echo only: "
            f"{sum(loud)} of {len(loud)} loud chunks")


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
    # On the mic thread, as it happens (list.append is atomic): before the
    # barge-in it causes reaches the window.
    window.mic.speech_started.connect(lambda: seen["speech"].append(time.monotonic()),
                                      Qt.ConnectionType.DirectConnection)
    window.worker.turn_cancelled.connect(lambda: seen["cancelled"].append(True))
    return seen


def _speech_onset_s(wav) -> float:
    """Where the clip's first sound is (its leading silence)."""
    from app.audio.wavio import read_wav

    pcm, rate = read_wav(wav)
    frames = pcm[: pcm.size // (rate // 100) * (rate // 100)].reshape(-1, rate // 100)
    return float(np.argmax(np.sqrt(np.mean(frames ** 2, axis=1)) > 0.01)) / 100


def _loud_s(pcm: np.ndarray, threshold: float = 0.01) -> float:
    frames = pcm[: pcm.size // 160 * 160].reshape(-1, 160)
    return float(np.sum(np.sqrt(np.mean(frames ** 2, axis=1)) > threshold)) / 100


def _wait_quiet(qtbot, window, timeout=60000) -> None:
    qtbot.waitUntil(lambda: not window.talk.speaking and not window.player.is_playing,
                    timeout=timeout)


@pytest.mark.timeout(300)
def test_ui_the_tutor_does_not_interrupt_itself(make_window, speaker, mic_hears, qtbot,
                                                cancelled_levels):
    window = _default_window(make_window)
    seen = _watch(window, speaker)
    wait_listening(qtbot, window)
    start, mic_start = speaker.samples, mic_hears.samples
    window.talk.submit_text("I went to the mountains with my friends last summer and we "
                            "walked for hours every day.")
    # Saved, or ended otherwise (a false barge-in cancels it): said at once.
    qtbot.waitUntil(lambda: window.talk.turns_in_flight == 0, timeout=200000)
    _wait_quiet(qtbot, window)
    tutor = window.view.tutor_bubbles()[-1]
    reply_s = sum(p.size for p in tutor.pcm_parts) / tutor.sample_rate
    played_s = speaker.loud_seconds(start)
    looped_s = _loud_s(mic_hears.audio(mic_start))
    print(f"reply {reply_s:.1f} s; loud on the speaker {played_s:.1f} s, in the microphone "
          f"{looped_s:.1f} s; speech starts {len(seen['speech'])}; {_report(cancelled_levels)}")
    assert not seen["speech"] and not seen["barged"], "the tutor's echo was taken for the learner"
    assert len(seen["saved"]) == 1 and not seen["cancelled"]
    assert looped_s > 1.0 and played_s > 1.0  # the microphone really heard the tutor
    assert window.talk.state == "listening"  # and listened all along


@pytest.mark.timeout(300)
def test_ui_a_learner_talking_over_the_first_reply_interrupts(
        make_window, speaker, mic_hears, mic, qtbot, learner_clips, parley_home, cancelled_levels):
    clip = next(c for c in learner_clips if c.id == CLIP)
    window = _default_window(make_window)
    seen = _watch(window, speaker)
    wait_listening(qtbot, window)
    start = speaker.samples
    window.talk.submit_text("Tell me about your favourite holiday and where you went last summer.")
    qtbot.waitUntil(lambda: window.player.is_playing, timeout=200000)
    qtbot.waitUntil(lambda: speaker.loud_seconds(start) > 0.3, timeout=10000)  # tutor audible
    assert seen["barged"] == []
    played_at = time.monotonic()
    mic(clip.wav)  # the microphone hears both, from the session's first reply on
    qtbot.waitUntil(lambda: bool(seen["barged"]), timeout=15000)
    # Started by the learner, not by the tutor's echo before the learner's
    # first word could reach the microphone (paplay only ever adds delay).
    assert seen["speech"][0] > played_at + _speech_onset_s(clip.wav) - 0.1, "the echo interrupted"
    qtbot.waitUntil(lambda: not window.player.is_playing, timeout=2000)
    # The tutor went silent: after the stream drained (0.25 s), 0.5 s of silence
    # on the speaker (the learner's own turn cannot be answered that soon).
    stopped_at = seen["stopped_at"][0]
    qtbot.waitUntil(lambda: speaker.samples > stopped_at + int(0.75 * RATE), timeout=5000)
    assert _loud_s(speaker.audio()[stopped_at + RATE // 4: stopped_at + int(0.75 * RATE)]) == 0
    if seen["barged"][0]:  # the reply was still being made: that turn is cancelled
        qtbot.waitUntil(lambda: bool(seen["cancelled"]), timeout=120000)
    # The learner's words, heard through the tutor's echo, are the next turn.
    qtbot.waitUntil(lambda: len(seen["saved"]) == 2 - bool(seen["barged"][0]), timeout=200000)
    session_id, turn_id = seen["saved"][-1]
    with open_store(parley_home) as store:
        said = next(t for t in store.turns(session_id) if t.id == turn_id)
    print(f"heard {said.transcript!r}; {_report(cancelled_levels)}")
    assert said.input_mode == "voice"
    assert wer(clip.text, said.transcript) <= 0.35, said.transcript
    _wait_quiet(qtbot, window)
