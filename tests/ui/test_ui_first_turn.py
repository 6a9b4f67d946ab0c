"""A new learner's path to the first spoken turn, walked through the real
window on a fresh data folder and the virtual microphone: the first start
(microphone check heard and played back, level, goal, model), then one
push-to-talk turn that the tutor answers aloud. The same walk as the
benchmark (app/devtools/first_turn.py), which times it; no timing here."""

from __future__ import annotations

import pytest

from app.devtools.first_turn import FirstTurnPath

pytestmark = pytest.mark.timeout(600)


def test_a_new_learner_reaches_the_first_spoken_turn(qtbot, mic, speaker, ui_engines, tmp_path):
    from app.ui import settings_keys as K
    from app.ui.main_window import MainWindow

    assert not K.read(K.open_settings(), K.FIRST_START_DONE)  # a fresh learner
    window = MainWindow(engines=ui_engines)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_first_start()

    def wait(condition, timeout_s, what):
        qtbot.waitUntil(condition, timeout=int(timeout_s * 1000))

    path = FirstTurnPath(window, wait, shots=tmp_path / "shots")
    path.first_start(level="B1", goal=15)
    values = K.read_all(window.qsettings)
    assert values[K.FIRST_START_DONE] and values[K.LEVEL] == "B1"
    qtbot.waitUntil(lambda: window.home_panel.current is not None
                    and window.home_panel.current.goal_minutes == 15, timeout=20000)
    turn = path.first_turn()
    assert "happy" in turn["transcript"].lower() and turn["reply"].strip()
    assert path.spoke  # the reply was played
    assert [step for step, _s in path.times] == ["open", "microphone", "level", "goal", "model",
                                                  "models-ready", "first-turn", "reply-heard"]
    assert {p.name for p in (tmp_path / "shots").glob("*.png")} == {
        "first-start-path-1-microphone.png", "first-start-path-2-level.png",
        "first-start-path-3-goal.png", "first-start-path-4-model.png",
        "first-start-path-5-first-turn.png"}
    window.close()
