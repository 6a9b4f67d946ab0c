"""The window's first line follows up on what the learner said in an earlier session
(real models and store; the learner's today set to after the interview)."""

from __future__ import annotations

from datetime import date

import pytest

from app.memory.keeper import remember_turn
from app.store import open_store


@pytest.mark.timeout(180)
def test_window_opens_by_asking_about_the_interview(make_window, qtbot, parley_home,
                                                    monkeypatch):
    with open_store(parley_home) as store:
        session = store.start_session()
        remember_turn(store, session, 1, "I have a job interview next Friday.", date(2026, 12, 2))
    monkeypatch.setenv("PARLEY_TODAY", "2026-12-14")
    window = make_window()
    qtbot.waitUntil(lambda: any("interview" in b.text.text()
                                for b in window.view.tutor_bubbles()), timeout=30000)
    assert len(window.view.tutor_bubbles()) == 1  # it replaced the scenario's line


@pytest.mark.timeout(240)
def test_home_panel_topic_and_continue_reach_the_practice(make_window, qtbot, parley_home):
    """Through the real worker: "Talk about it" makes the topic the session's first line
    (the tutor's prompt has it too); "Continue" reopens the last scenario."""
    from app.store import TurnRecord

    with open_store(parley_home) as store:
        session = store.start_session(scenario="Job interview", level="A2")
        store.save_turn(TurnRecord(session_id=session, transcript="I love playing chess.",
                                   reply="Who do you play with?", input_mode="text"))
        remember_turn(store, session, 1, "I love playing chess.", date(2026, 12, 2))
    window = make_window()
    panel = window.home_panel
    qtbot.waitUntil(lambda: panel.topic_button.isVisible(), timeout=30000)
    with qtbot.waitSignal(window.worker.opening, timeout=30000,
                          check_params_cb=lambda text: "chess" in text):
        panel.topic_button.click()
    assert "chess" in window.worker.practice.conversation.opening
    assert window.worker.options.scenario_id == "free-talk"
    panel.show()
    with qtbot.waitSignal(window.worker.opening, timeout=30000):
        panel.continue_button.click()
    assert window.worker.options.scenario_id == "job-interview"
    assert window.worker.practice.conversation.level == "A2"
