"""The first start's level talk (pytest-qt, offscreen): the learner talks,
Parley transcribes and corrects it off the GUI thread, estimates a level,
checks it in the list (the learner may change it); it waits for the speech
models, and Cancel stops it. Fast tests feed a recording to fakes; the
audio test talks through the virtual microphone to the real models."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fakes import fake_engines
from PySide6.QtCore import Qt

from app.ui.review.tasks import Tasks

pytestmark = pytest.mark.timeout(240)
ROOT = Path(__file__).resolve().parents[2]
LEARNER = sorted((ROOT / "tests/data/speech/learner").glob("*.wav"))
TALK = ("I like dog. I have dog. Dog is nice. I go park. Park is big. I like park very much "
        "and I go there every day.")


@pytest.fixture
def step(qtbot):
    from app.ui.first_start import LevelStep

    holder = {"engines": None}
    tasks = Tasks()
    level = LevelStep("B1", tasks, None, lambda: holder["engines"])
    qtbot.addWidget(level)
    level.show()
    yield level, holder
    level.talk.close_down()
    tasks.wait()


def _recorded(talk, seconds=20.0):
    talk.busy = True
    talk._recorded((np.full(int(16000 * seconds), 0.01, dtype=np.float32), 16000))


def test_talk_waits_for_the_models_then_checks_the_level(step, qtbot, parley_home):
    level, holder = step
    talk = level.talk
    assert level.level() == "B1" and talk.start_button.isVisible()
    _recorded(talk)
    assert "ready" in talk.status.text()  # the speech models are still loading: it waits
    qtbot.wait(400)
    from app.tutor.edits import Edit

    fixes = {"I like dog.": [Edit("dog", "dogs", "a rule", "grammar")],
             "I have dog.": [Edit("dog", "a dog", "a rule", "grammar")],
             "I go park.": [Edit("go park", "go to the park", "a rule", "grammar")]}
    engines = fake_engines(parley_home, transcripts=[TALK], edits=fixes)
    holder["engines"] = engines
    with qtbot.waitSignal(talk.finished, timeout=30000) as done:
        pass
    found = done.args[0]
    assert found.level == "A2" and found.words == 26 and found.errors_per_100 == pytest.approx(300 / 26)
    assert level.level() == "A2"  # checked in the list
    assert "A2" in talk.status.text() and "words a minute" in talk.status.text()
    assert len(engines.corrector.corrected) == 6  # every sentence, off the GUI thread
    [b2] = [b for b in level.group.buttons() if b.property("level") == "B2"]
    b2.click()  # the learner overrules it
    assert level.level() == "B2"


def test_too_short_a_talk_asks_for_more(step, qtbot):
    level, _holder = step
    with qtbot.waitSignal(level.talk.finished, timeout=5000) as done:
        _recorded(level.talk, seconds=1.0)
    assert done.args[0] is None and "too short" in level.talk.status.text()
    assert level.level() == "B1"


def test_cancel_stops_the_analysis(step, qtbot, parley_home):
    level, holder = step
    talk = level.talk
    _recorded(talk)  # waits for the models
    with qtbot.waitSignal(talk.finished, timeout=5000) as done:
        qtbot.mouseClick(talk.cancel_button, Qt.MouseButton.LeftButton)
    assert done.args[0] is None and "Cancelled" in talk.status.text()
    holder["engines"] = fake_engines(parley_home, transcripts=[TALK])
    qtbot.wait(WAIT_MS * 3)
    assert level.level() == "B1" and not talk.waiting.isActive()


WAIT_MS = 300


@pytest.mark.audio
def test_level_talk_through_the_virtual_microphone(qtbot, mic, ui_engines, tmp_path):
    """Four read sentences by a learner (tests/data/speech/learner) into the
    virtual microphone; the real Whisper and corrector estimate the level."""
    import soundfile as sf

    from app.ui.first_start import LevelStep

    pcm = np.concatenate([np.concatenate([sf.read(p, dtype="float32")[0],
                                          np.zeros(4000, np.float32)]) for p in LEARNER[:4]])
    wav = tmp_path / "talk.wav"
    sf.write(wav, pcm, 16000)
    tasks = Tasks()
    level = LevelStep("B1", tasks, None, lambda: ui_engines)
    qtbot.addWidget(level)
    level.show()
    talk = level.talk
    levels: list[float] = []
    talk.level.connect(levels.append)
    qtbot.mouseClick(talk.start_button, Qt.MouseButton.LeftButton)
    player = mic(wav)
    player.wait(timeout=60)
    qtbot.wait(500)
    with qtbot.waitSignal(talk.finished, timeout=180000) as done:
        qtbot.mouseClick(talk.button, Qt.MouseButton.LeftButton)  # "I have finished"
    found = done.args[0]
    assert found is not None and found.words >= 25, talk.status.text()
    assert "grandfather" in found.transcript.lower()
    assert found.level in ("A2", "B1", "B2", "C1") and level.level() == found.level
    assert max(levels) > -45  # the ring showed the voice
    tasks.wait()


def test_every_control_of_the_level_talk_has_a_name_and_a_tab_stop(step, qtbot):
    from test_ui_look import unnamed

    level, _holder = step
    level.talk._show_talk(True)
    assert unnamed(level) == []
    talk = level.talk
    order = [talk.button, talk.cancel_button]
    assert all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in order)
    talk._show_talk(False)
    assert talk.start_button.isVisible() and talk.start_button.focusPolicy() & Qt.FocusPolicy.TabFocus
