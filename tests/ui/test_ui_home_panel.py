"""The home panel in the conversation window (pytest-qt, real store, no models):
today's goal and streak, "continue where we left off" reopens the last
session's scenario, a suggested topic from memory starts a free talk on it."""

from __future__ import annotations

from datetime import date

import pytest

from app.memory.keeper import remember_turn
from app.store import TurnRecord, open_store

pytestmark = pytest.mark.timeout(90)


def seed(home_dir) -> None:
    with open_store(home_dir) as store:
        session = store.start_session(scenario="Job interview", level="A2",
                                      correction_style="explicit")
        store.save_turn(TurnRecord(session_id=session, transcript="I love playing chess.",
                                   reply="Who do you play with?", input_mode="text"))
        remember_turn(store, session, 1, "I love playing chess.", date(2026, 12, 2))
        asked = store.record_practice_question(session, 1, "verb tense", "What did you do?")
        store.judge_practice_question(asked, 2, True, False)


@pytest.fixture
def window(qtbot, parley_home):
    from app.ui.main_window import MainWindow

    seed(parley_home)
    w = MainWindow(load_models=False, check_mic=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    panel = w.home_panel
    qtbot.waitUntil(lambda: panel.current is not None, timeout=30000)
    yield w
    w.close()


def test_home_panel_shows_goal_streak_and_left_off(window):
    panel = window.home_panel
    assert panel.isVisible()
    assert panel.streak.text() == "1-day streak"
    assert panel.ring.goal == 10 and panel.ring.done == 0
    assert "of 10 minutes" in panel.ring.toolTip()
    assert "Who do you play with?" in panel.continue_button.toolTip()  # where we left off
    assert panel.continue_button.isVisible()
    assert panel.continue_button.text() == "Continue: Job interview"
    assert panel.topic_button.isVisible() and panel.topic_button.text() == "Talk about it"
    assert "chess" in panel.topic.text()


def test_home_panel_names_the_last_sessions_one_thing_to_work_on(qtbot, parley_home):
    from app.store import CorrectionRecord
    from app.ui.main_window import MainWindow

    fix = CorrectionRecord("go", "went", "Use the past tense for yesterday.", "verb tense")
    with open_store(parley_home) as store:
        session = store.start_session(scenario="Free talk", level="B1", correction_style="explicit")
        for said in ("Yesterday I go home.", "Last week I go out.", "He have a dog."):
            fixes = [fix] if " go " in said else [CorrectionRecord("have", "has", "He has.", "agreement")]
            store.save_turn(TurnRecord(session_id=session, transcript=said, reply="I see.",
                                       input_mode="text", corrections=fixes))
    w = MainWindow(load_models=False, check_mic=False)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.home_panel.current is not None, timeout=30000)
    focus = w.home_panel.focus
    assert (focus.kind, focus.times, focus.better) == ("verb tense", 2, "went")
    assert "verb tense" in w.home_panel.work_on.text()
    assert w.home_panel.work_on.toolTip() == "Use the past tense for yesterday."
    w.close()


def test_continue_reopens_the_last_scenario(window, qtbot):
    panel = window.home_panel
    qtbot.mouseClick(panel.continue_button, _left())
    assert window.options.scenario_id == "job-interview"
    assert (window.options.level, window.options.correction_style) == ("A2", "explicit")
    assert not panel.isVisible()
    assert "Job interview" in window.session_label.text()


def test_suggested_topic_starts_a_free_talk_on_it(window, qtbot):
    panel = window.home_panel
    qtbot.mouseClick(panel.topic_button, _left())
    assert window.options.scenario_id == "free-talk"
    assert "chess" in window.options.topic and window.options.topic.endswith("!")
    bubbles = list(window.view.tutor_bubbles())
    assert bubbles and "chess" in bubbles[0].text.text()  # the tutor's first line
    assert not panel.isVisible()


def test_panel_hides_at_the_first_turn_and_returns_after_end_session(window, qtbot):
    panel = window.home_panel
    window.talk.utterance_sent.emit(None, "Hello")
    assert not panel.isVisible()
    window.presenter.turns = 0  # the session ended with nothing saved (no models here)
    with qtbot.waitSignal(panel.loaded, timeout=30000):
        window.worker.session_ended.emit(None, None)
    assert panel.isVisible()


def test_practice_opening_takes_the_chosen_topic(parley_home):
    from types import SimpleNamespace

    from app.practice import Practice

    seed(parley_home)
    with open_store(parley_home) as store:
        practice = Practice(SimpleNamespace(chat=None, corrector=None), store)
        line = "You like playing chess, right? Tell me more about it!"
        assert practice.opening(line) == line
        assert practice.conversation.opening == line
        assert practice.opening() != line  # otherwise memory or the scenario chooses


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_day_is_written_as_the_interface_language_writes_it(qtbot, parley_home):
    """Chinese writes the date "2026年12月6日星期日", not "星期日 6 十二月"."""
    from PySide6.QtCore import QDate, QLocale

    from app.ui.main_window import MainWindow

    seed(parley_home)
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        w = MainWindow(load_models=False, check_mic=False)
        qtbot.addWidget(w)
        qtbot.waitUntil(lambda: w.home_panel.current is not None, timeout=30000)
        day = w.home_panel.day.text()
        assert day.startswith(f"{QDate.currentDate().year()}年") and "月" in day
        w.close()
    finally:
        QLocale.setDefault(before)
