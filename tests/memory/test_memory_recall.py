"""The opening line follows up on what was remembered; forgetting is real."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.memory import recall
from app.memory.keeper import MemoryKeeper, add_by_hand, remember_turn
from app.store import open_store

WEDNESDAY = date(2026, 12, 2)
DEFAULT = "Hi! How has your day been so far?"


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "home") as store:
        yield store


def said(store, text: str, turn_id: int = 1, day: date = WEDNESDAY):
    return remember_turn(store, 1, turn_id, text, day)


def test_a_passed_interview_is_asked_about_once(store):
    said(store, "I have a job interview next Friday.")
    before = recall.opening_line(store, "free-talk", DEFAULT, date(2026, 12, 10))
    assert before.text == DEFAULT  # not yet: the interview is on the 11th
    after = recall.opening_line(store, "free-talk", DEFAULT, date(2026, 12, 14))
    assert "interview" in after.text and after.text.endswith("?")
    assert after.fact_id == store.facts()[0].id
    again = recall.opening_line(store, "free-talk", DEFAULT, date(2026, 12, 15))
    assert "interview" not in again.text


def test_openings_vary_and_never_repeat_the_last_wording(tmp_path: Path):
    texts = []
    for n in range(6):
        with open_store(tmp_path / f"h{n}") as store:
            store.set_setting(recall.LAST_WORDING, recall.PAST_NOUN[0])
            said(store, "I have a job interview next Friday.")
            texts.append(recall.opening_line(store, "free-talk", DEFAULT, date(2026, 12, 14),
                                             random.Random(n)).text)
    assert len(set(texts)) >= 2
    assert all(t != "How did your job interview go?" for t in texts)


def test_someone_elses_plan_is_theirs(store):
    said(store, "My brother is getting married next month.")
    opening = recall.opening_line(store, "free-talk", DEFAULT, date(2027, 1, 3))
    assert "your brother" in opening.text.lower() and "getting married" in opening.text


def test_an_interest_is_followed_up_when_no_plan_is_due(store):
    said(store, "I love playing the guitar.")
    opening = recall.opening_line(store, "free-talk", DEFAULT, WEDNESDAY)
    assert "guitar" in opening.text


def test_forgotten_plan_is_never_mentioned_again(store):
    said(store, "I have a job interview next Friday.", turn_id=7)
    [fact] = store.facts()
    store.forget_fact(fact.id)
    said(store, "I have a job interview next Friday.", turn_id=7)  # the same old turn, read again
    assert store.facts() == []
    for day in range(12, 20):
        opening = recall.opening_line(store, "free-talk", DEFAULT, date(2026, 12, day))
        assert "interview" not in opening.text
    assert "interview" not in recall.prompt_facts(store, date(2026, 12, 12))


def test_memory_off_remembers_and_uses_nothing(store):
    said(store, "My name is Ana.")
    store.set_setting("memory", False)
    assert said(store, "I have a job interview next Friday.", turn_id=2) == []
    assert recall.opening_line(store, "free-talk", DEFAULT, date(2026, 12, 14)).text == DEFAULT
    assert recall.prompt_facts(store, WEDNESDAY) == ""
    assert len(store.facts()) == 1  # switching off deletes nothing


def test_role_plays_keep_their_own_opening(store):
    said(store, "I have a job interview next Friday.")
    opening = recall.opening_line(store, "doctor", "What brings you in today?", date(2026, 12, 14))
    assert opening.text == "What brings you in today?"


def test_prompt_facts_stay_within_the_budget(store):
    lines = ["My name is Ana.", "I work as a nurse.", "I live in Berlin.", "I love jazz.",
             "I have two kids.", "I study history.", "I have an exam next Friday.",
             "My sister works as an engineer.", "I enjoy hiking.", "I come from Poland."]
    for n, line in enumerate(lines):
        said(store, line, turn_id=n + 1)
    text = recall.prompt_facts(store, WEDNESDAY, budget_tokens=60)
    assert "Your name is Ana" in text
    assert len(text) // 3 + 1 <= 60 + 10  # the estimate the budget uses, plus line breaks
    assert len(text.splitlines()) < len(lines) + 1


def test_keeper_reads_turns_in_the_background_and_finishes_on_close(store):
    keeper = MemoryKeeper(store)
    keeper.after_turn(1, 1, "I have a job interview next Friday.", WEDNESDAY)
    keeper.after_turn(1, 2, "My name is Ana.", WEDNESDAY)
    keeper.close()
    assert {f.kind for f in store.facts()} == {"plan", "name"}
    assert [f.kind for f in keeper.kept] == ["plan", "name"]


def test_a_fact_added_by_hand(store):
    fact = add_by_hand(store, "I live in Porto")
    assert (fact.kind, fact.value, fact.source) == ("place", "Porto", "learner")
    note = add_by_hand(store, "Call me by my nickname, Bea")
    assert note.kind == "note" and note.text == "Call me by my nickname, Bea"
    assert store.fact(note.id) == note
    assert datetime.now(UTC) >= note.created_at
