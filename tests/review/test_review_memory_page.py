"""The "What Parley remembers" page (pytest-qt): see, edit, forget, add, switch off.
Populated through the real Store and the real extractor."""

from __future__ import annotations

from datetime import date

import pytest
from review_data import open_review_window

from app.memory.keeper import remember_turn
from app.store import TurnRecord, open_store

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def window(qtbot, parley_home):
    with open_store(parley_home) as store:
        remember_turn(store, 1, 1, "My name is Ana. I have a job interview next Friday.",
                      date(2026, 12, 2))
    win = open_review_window(qtbot, parley_home)
    with qtbot.waitSignal(win.memory.loaded, timeout=20000):
        win.tabs.setCurrentWidget(win.memory)
    yield win
    win.close()


def texts(page) -> list[str]:
    return [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]


def test_shows_each_fact_with_its_source(window):
    page = window.memory
    assert texts(page)[0] == "Your name is Ana"
    assert "interview" in texts(page)[1]
    assert 'I have a job interview next Friday.' in page.tree.topLevelItem(1).text(2)


def test_forget_edit_add_and_switch_off(qtbot, window, parley_home):
    page = window.memory
    name_id, plan_id = page.fact_ids()
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.tree.setCurrentItem(page.tree.topLevelItem(1))
        page.forget_selected()
    assert plan_id not in page.fact_ids()
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.edit(name_id, "You are Ana, Anita to friends")
    assert texts(page) == ["You are Ana, Anita to friends"]
    with qtbot.waitSignal(page.loaded, timeout=60000):
        page.add("I live in Porto")
    assert "You live in Porto" in texts(page)
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.switch.setChecked(False)
    assert "Memory is off" in page.summary.text()
    with open_store(parley_home) as store:
        assert not store.memory_on()
        assert [f.kind for f in store.facts()] == ["name", "place"]
        # the forgotten plan left a tombstone:
        assert [row[0] for row in store.forgotten()] == ["plan"]


def test_forget_with_the_sentences_it_came_from(qtbot, parley_home):
    with open_store(parley_home) as store:
        session = store.start_session()
        said = store.save_turn(TurnRecord(session_id=session, input_mode="text",
                                          transcript="I live in Gdansk.", reply="Nice!"))
        remember_turn(store, session, said.turn_id, "I live in Gdansk.", date(2026, 12, 2))
    win = open_review_window(qtbot, parley_home)
    try:
        with qtbot.waitSignal(win.memory.loaded, timeout=20000):
            win.tabs.setCurrentWidget(win.memory)
        page = win.memory
        (place,) = page.fact_ids()
        page.with_sentences.setChecked(True)
        with qtbot.waitSignal(page.loaded, timeout=20000):
            page.forget(place)
        assert page.fact_ids() == []
        with open_store(parley_home) as store:
            assert store.turns(session) == [] and store.search("Gdansk") == []
    finally:
        win.close()
