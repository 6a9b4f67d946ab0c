"""The session review with real audio: the fluent version is played in the
tutor's (Piper) voice to the virtual speaker, and a shadowing attempt through
the virtual microphone is transcribed, compared and kept with the session."""

from __future__ import annotations

import subprocess
import time
from datetime import UTC, datetime

import pytest
from pulse_helpers import SpeakerCapture, require_pulse
from review_data import clip, clip_text, fill

from app.store import open_store

pytestmark = [pytest.mark.audio, pytest.mark.model, pytest.mark.timeout(240)]


@pytest.fixture
def window(qtbot, parley_home):
    from app.ui.review import ReviewWindow

    require_pulse()
    with open_store(parley_home) as store:
        ids = fill(store, datetime.now(UTC))
        [turn, _] = store.turns(ids["interview"])
        # The corrected line is what learner clip 0002 says.
        store.save_fluent(ids["interview"], [(turn.id, clip_text("0002"), [], "corrector")])
    win = ReviewWindow(parley_home)
    qtbot.addWidget(win)
    win.ids = ids
    yield win
    win.close()


def open_panel(qtbot, win):
    with qtbot.waitSignal(win.session.loaded, timeout=20000):
        win.open_session(win.ids["interview"])
    panel = win.session.fluent
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.refresh()
    return panel


def test_fluent_version_is_spoken_to_the_speaker(qtbot, window):
    panel = open_panel(qtbot, window)
    capture = SpeakerCapture()
    try:
        with qtbot.waitSignal(panel.spoken, timeout=60000) as normal:
            panel.rows[0].play.click()
        qtbot.wait(int(normal.args[0] * 1000) + 500)
        with qtbot.waitSignal(panel.spoken, timeout=60000) as slow:
            panel.rows[0].slow.click()
        qtbot.wait(int(slow.args[0] * 1000) + 500)
    finally:
        capture.close()
    assert slow.args[0] > normal.args[0] * 1.15  # the slow line is slower
    assert capture.loud_seconds() > 1.5


def test_shadowing_through_the_virtual_microphone(qtbot, window, parley_home):
    panel = open_panel(qtbot, window)
    window.services.transcriber.load()
    row = panel.rows[0]
    results = []
    for _attempt in range(3):  # the busy machine's virtual mic may garble a clip
        with qtbot.waitSignal(panel.shadowed, timeout=120000) as blocker:
            row.record.click()
            qtbot.wait(800)  # the microphone stream opens
            subprocess.run(["paplay", "--device=micfeed", str(clip("0002"))], check=True,
                           timeout=30)
        results.append(blocker.args[0])
        if len(results[-1]["differing"]) <= 1:
            break
        time.sleep(0.5)
    result = results[-1]
    assert len(result["differing"]) <= 1, results
    assert result["wpm"] > 0 and result["first_wpm"] is not None
    assert "first time" in row.result.text()
    with open_store(parley_home) as store:
        shadows = store.shadowings(window.ids["interview"])
    assert len(shadows) == len(results)
    assert shadows[0].audio.name == "0000-shadow.wav" and shadows[0].audio.is_file()
    assert shadows[0].audio.parent.name == str(window.ids["interview"])
