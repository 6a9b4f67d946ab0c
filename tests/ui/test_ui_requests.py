"""Spoken requests through the window (issue 25): real models, the PulseAudio
virtual microphone and speaker, a real store. The requests are said by the
project's Piper voice, rendered at test time into 16 kHz WAVs, and played
into the virtual microphone; the learner's first line is a recorded clip."""

from __future__ import annotations

import numpy as np
import pytest

from app import events as ev
from app.store import open_store

pytestmark = pytest.mark.model  # loads real models

CLIP = "learner_ppggmm_tgt_0002"  # "My grandfather has lived in Florida all his life."


@pytest.fixture(scope="module")
def said(tmp_path_factory):
    """said(text) -> a WAV of ``text`` in the Piper voice, 16 kHz, with the
    silence around it that a learner leaves."""
    from app.audio.resample import resample
    from app.audio.wavio import write_wav
    from app.voice.piper_voice import PiperTTS

    voice = PiperTTS()
    folder = tmp_path_factory.mktemp("requests")

    def make(text: str):
        pcm = resample(voice.synthesize_all(text), voice.sample_rate, 16000)
        quiet = np.zeros(8000, np.float32)
        name = "-".join(text.lower().replace("'", "").split()) + ".wav"
        return write_wav(folder / name, np.concatenate([quiet, 0.8 * pcm, quiet, quiet]), 16000)

    return make


@pytest.fixture(autouse=True)
def normal_rate(ui_engines):
    """The module's engines are shared: each test starts and ends at rate 1.0."""
    ui_engines.voice.rate = 1.0
    yield
    ui_engines.voice.rate = 1.0


def _stored(home) -> list:
    """Every saved turn, oldest first (the store is what counts: events of a
    turn started on a pause come from two threads, in no reliable order)."""
    with open_store(home) as store:
        return [t for s in sorted(store.list_sessions(), key=lambda s: s.id)
                for t in store.turns(s.id)]


def _voiced_s(pcm: np.ndarray, sample_rate: int) -> float:
    """Seconds from the first to the last sound."""
    loud = np.flatnonzero(np.abs(pcm) > 0.01)
    return (loud[-1] - loud[0]) / sample_rate if loud.size else 0.0


def _reply_s(turn) -> float:
    from app.audio.wavio import read_wav

    pcm, rate = read_wav(turn.reply_audio)
    return _voiced_s(pcm, rate)


def _open(qtbot, engines):
    """A hands-free window on the module's engines; its first warm-up on a
    busy machine can take longer than the shared helper waits."""
    from app.ui.main_window import MainWindow

    window = MainWindow(engines=engines, hands_free=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.talk.ready and window.talk.mic_ok, timeout=180000)
    return window


def _wait_listening(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.talk.speaking and not window.player.is_playing
                    and window.talk.state == "listening" and window.mic.capturing,
                    timeout=60000)


def _say(qtbot, window, mic, wav, home, word: str):
    """Play ``wav`` into the microphone; the saved turn whose transcript has
    ``word`` (a busy machine may split or repeat a turn before it)."""
    _wait_listening(qtbot, window)
    before = len(_stored(home))
    mic(wav)

    def heard():
        return [t for t in _stored(home)[before:] if word in t.transcript.lower()]
    try:
        qtbot.waitUntil(lambda: bool(heard()), timeout=120000)
    except qtbot.TimeoutError:
        raise AssertionError(f"no saved turn heard {word!r}: "
                             f"{[t.transcript for t in _stored(home)]}") from None
    return heard()[-1]


@pytest.mark.timeout(400)
def test_ui_speak_slower_then_say_that_again(ui_engines, mic, speaker, qtbot, learner_clips,
                                              said, parley_home):
    from app.ui import settings_keys as K
    from app.voice.piper_voice import PiperTTS

    clip = next(c for c in learner_clips if c.id == CLIP)
    window = _open(qtbot, ui_engines)
    done: list = []
    window.worker.event.connect(lambda e: done.append(e.name)
                                if isinstance(e, ev.RequestDone) else None)
    _say(qtbot, window, mic, clip.wav, parley_home, "florida")

    slower = _say(qtbot, window, mic, said("Could you speak more slowly?"), parley_home, "slow")
    assert slower.reply == "Sure, I'll slow down.", slower.transcript
    qtbot.waitUntil(lambda: done == ["speak_slower"], timeout=10000)  # its event, queued
    qtbot.waitUntil(lambda: "0.75" in window.status.text(), timeout=10000)
    assert window.values[K.VOICE_RATE] == pytest.approx(0.75)
    assert float(K.read_all(window.qsettings)[K.VOICE_RATE]) == pytest.approx(0.75)
    assert ui_engines.voice.rate == pytest.approx(0.75)
    # What "again" repeats: the last reply before the request (a busy machine
    # may have answered the clip twice, split at a pause).
    first = [t for t in _stored(parley_home) if "florida" in t.transcript.lower()][-1]

    _wait_listening(qtbot, window)
    start = speaker.samples
    again = _say(qtbot, window, mic, said("Say that again."), parley_home, "again")
    qtbot.waitUntil(lambda: done == ["speak_slower", "repeat"], timeout=10000)
    assert again.reply == f"Sure. {first.reply}"
    qtbot.waitUntil(lambda: not window.player.is_playing, timeout=60000)
    # The same text, now at the slower rate: the repeat less its "Sure." lasts longer.
    voice = PiperTTS(rate=0.75)
    sure = _voiced_s(voice.synthesize_all("Sure."), voice.sample_rate)
    before, after = _reply_s(first), _reply_s(again) - sure
    print(f"{first.reply!r}: {before:.2f} s at rate 1.0, {after:.2f} s after 'speak more "
          f"slowly' ({after / before:.2f}x)")
    assert after >= 1.15 * before
    # ...and the learner heard it again on the speaker.
    assert speaker.loud_seconds(start) > 0.5 * after


@pytest.mark.timeout(300)
def test_ui_lets_stop_here_ends_and_saves_the_session(ui_engines, mic, qtbot, said,
                                                       parley_home):
    window = _open(qtbot, ui_engines)
    ended = []
    window.worker.session_ended.connect(lambda sid, summary: ended.append((sid, summary)))
    stop = _say(qtbot, window, mic, said("Let's stop here for today."), parley_home, "stop")
    assert stop.reply == "Okay, let's stop here. Well done today!", stop.transcript
    qtbot.waitUntil(lambda: bool(ended), timeout=60000)
    (session_id, summary), = ended
    assert session_id == stop.session_id and summary["turns"] >= 1
    qtbot.waitUntil(lambda: window.summary_box is not None, timeout=10000)
    with open_store(parley_home) as store:
        saved = next(s for s in store.list_sessions() if s.id == session_id)
    assert saved.ended_at is not None and saved.summary == summary
