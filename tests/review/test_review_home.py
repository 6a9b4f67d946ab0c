"""The Today page's daily habit: a goal the learner sets, where we left off, a topic
from memory (pytest-qt on the real store)."""

from __future__ import annotations

from datetime import date

import pytest
from review_data import open_review_window

from app.memory.keeper import remember_turn
from app.review.home import DEFAULT_GOAL, home, set_goal
from app.store import TurnRecord, open_store

pytestmark = pytest.mark.timeout(120)


def seed(home_dir) -> None:
    with open_store(home_dir) as store:
        session = store.start_session(scenario="Free talk")
        store.save_turn(TurnRecord(session_id=session, transcript="I love playing chess.",
                                   reply="Who do you play with?", input_mode="text"))
        remember_turn(store, session, 1, "I love playing chess.", date(2026, 12, 2))


def test_home_summary_from_the_store(tmp_path):
    seed(tmp_path)
    with open_store(tmp_path) as store:
        first = home(store, date(2026, 12, 2))
        assert first.goal_minutes == DEFAULT_GOAL
        assert "I love playing chess." in first.left_off and "Who do you play with?" in first.left_off
        assert "chess" in first.topic
        set_goal(store, 20)
        store.set_setting("memory", False)
        later = home(store, date(2026, 12, 2))
        assert later.goal_minutes == 20 and "chess" not in later.topic


def test_today_page_shows_goal_and_left_off(qtbot, parley_home):
    seed(parley_home)
    window = open_review_window(qtbot, parley_home)
    try:
        page = window.today
        qtbot.waitUntil(lambda: "left off" in page.home_text.text(), timeout=20000)
        assert page.goal.value() == DEFAULT_GOAL
        assert "more minutes to reach today's goal" in page.home_text.text()
        assert "chess" in page.home_text.text()
        with qtbot.waitSignal(page.loaded, timeout=20000):
            page.set_goal(15)
        assert page.goal.value() == 15
        with open_store(parley_home) as store:
            assert store.setting("daily_goal_minutes") == 15
    finally:
        window.close()


def test_session_page_shows_what_was_learned_and_strikes_it(qtbot, parley_home):
    seed(parley_home)
    window = open_review_window(qtbot, parley_home)
    try:
        with open_store(parley_home) as store:
            session = store.list_sessions()[0].id
        with qtbot.waitSignal(window.session.loaded, timeout=20000):
            window.open_session(session)
        box = window.session.learned
        assert box is not None and len(box.fact_ids) == 1
        with qtbot.waitSignal(window.session.loaded, timeout=20000):
            box.forget.emit(box.fact_ids[0])
        assert window.session.learned is None
        with open_store(parley_home) as store:
            assert store.facts() == [] and len(store.forgotten()) == 1
    finally:
        window.close()
