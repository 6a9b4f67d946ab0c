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
