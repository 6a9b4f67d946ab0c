"""The daily reminder in the window (pytest-qt, real store, a fake clock: no timed
waits): off by default, at most once a day, never after practice that day; with
no system tray (offscreen) it says so in the status bar."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from app.review.reminder import MESSAGE, reminder_time, set_reminder
from app.store import TurnRecord, open_store

pytestmark = pytest.mark.timeout(90)


@pytest.fixture
def window(qtbot, parley_home):
    from app.ui.main_window import MainWindow

    w = MainWindow(load_models=False, check_mic=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.home_panel.current is not None, timeout=30000)
    yield w
    w.close()


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    today = datetime.now().astimezone().replace(hour=hour, minute=minute, second=0, microsecond=0)
    return today + timedelta(days=days)


def checked(qtbot, reminder, when: datetime) -> list[str]:
    """One timer tick at ``when``: what was shown (the task's answer is awaited)."""
    shown: list[str] = []
    reminder.shown.connect(lambda how, text: shown.append(how))
    reminder.clock = lambda: when
    with qtbot.waitSignal(reminder.window.home_panel.tasks.idle, timeout=20000):
        reminder.timer.timeout.emit()
    return shown


def test_reminder_is_off_by_default_and_set_in_the_window(window, qtbot, parley_home):
    panel = window.home_panel
    reminder = panel.reminder
    assert reminder.timer.isActive() and not panel.remind.isChecked()
    assert checked(qtbot, reminder, at(23, 59)) == []  # off: never shown
    panel.remind_at.setTime(panel.remind_at.time().fromString("08:30", "HH:mm"))
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.remind.setChecked(True)
    with open_store(parley_home) as store:
        assert reminder_time(store) == time(8, 30)
    assert checked(qtbot, reminder, at(8, 29)) == []  # not yet
    assert checked(qtbot, reminder, at(8, 31)) == ["window"]  # offscreen: no tray
    assert window.statusBar().currentMessage() == MESSAGE
    assert checked(qtbot, reminder, at(9, 0)) == []  # once a day
    assert checked(qtbot, reminder, at(8, 45, days=1)) == ["window"]  # the next day again
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.remind.setChecked(False)  # one click switches it off
    assert checked(qtbot, reminder, at(8, 45, days=2)) == []


def test_no_reminder_once_the_learner_practised_today(window, qtbot, parley_home):
    with open_store(parley_home) as store:
        set_reminder(store, time(7, 0))
        session = store.start_session(scenario="Free talk")
        store.save_turn(TurnRecord(session_id=session, transcript="Hello there.",
                                   reply="Hi!", input_mode="text"))
    when = datetime.now().astimezone().replace(hour=23, minute=58)
    assert checked(qtbot, window.home_panel.reminder, when) == []
