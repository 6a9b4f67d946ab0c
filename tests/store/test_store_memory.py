"""The learner profile in the store: provenance, replacement, tombstones, the on/off setting."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.store import open_store
from app.store.memory_store import FactRecord


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "home") as store:
        yield store


def job(value: str, turn_id: int, words: str) -> FactRecord:
    return FactRecord("job", "learner", "job", value, f"You work as {value}",
                      session_id=1, turn_id=turn_id, words=words)


def test_fact_keeps_its_source(store):
    kept = store.remember(FactRecord(
        "plan", "learner", "job interview", "job interview", "You have a job interview",
        event_date=datetime(2026, 12, 11, tzinfo=UTC), session_id=3, turn_id=7,
        words="I have a job interview next Friday."))
    [fact] = store.facts()
    assert fact == kept
    assert (fact.session_id, fact.turn_id, fact.words) == (
        3, 7, "I have a job interview next Friday.")
    assert fact.event_date == datetime(2026, 12, 11, tzinfo=UTC)
    assert fact.to_json()["event_date"] == "2026-12-11"


def test_newer_statement_replaces_and_records_it(store):
    store.remember(job("a nurse", 1, "I work as a nurse."))
    store.remember(job("a teacher", 5, "Now I work as a teacher."))
    [fact] = store.facts()
    assert fact.value == "a teacher" and fact.turn_id == 5
    assert [(old["value"], old["turn_id"]) for old in fact.replaced] == [("a nurse", 1)]


def test_same_statement_confirms_without_replacing(store):
    first = store.remember(job("a nurse", 1, "I work as a nurse."))
    again = store.remember(job("a nurse", 4, "I am still a nurse."))
    assert again.id == first.id and again.replaced == [] and again.turn_id == 4
    assert again.confirmed_at >= first.confirmed_at


def test_forgotten_fact_is_gone_and_not_brought_back_from_the_same_turn(store):
    fact = store.remember(job("a nurse", 1, "I work as a nurse."))
    store.forget_fact(fact.id)
    assert store.facts() == []
    assert store.remember(job("a nurse", 1, "I work as a nurse.")) is None
    assert store.facts() == []
    assert store.forgotten() == [("job", 1, 1)]  # kind and source: no words
    # Said again in a new turn, it is news: the learner told us again.
    assert store.remember(job("a nurse", 9, "I'm a nurse.")) is not None


def test_forgetting_covers_the_replaced_sources_too(store):
    store.remember(job("a nurse", 1, "I work as a nurse."))
    fact = store.remember(job("a teacher", 2, "I work as a teacher."))
    store.forget_fact(fact.id)
    assert store.remember(job("a nurse", 1, "I work as a nurse.")) is None


def test_unknown_fact_is_a_key_error(store):
    with pytest.raises(KeyError):
        store.forget_fact(42)
    with pytest.raises(KeyError):
        store.edit_fact(42, "x")


def test_edit_keeps_the_learner_wording(store):
    fact = store.remember(job("a nurse", 1, "I work as a nurse."))
    edited = store.edit_fact(fact.id, "You are a head nurse")
    assert edited.text == "You are a head nurse" and edited.source == "learner"
    assert edited.replaced[0]["text"] == "You work as a nurse"


def test_memory_setting_defaults_on_and_persists(tmp_path: Path):
    with open_store(tmp_path / "h") as store:
        assert store.memory_on()
        store.set_setting("memory", False)
    with open_store(tmp_path / "h") as store:
        assert not store.memory_on()
