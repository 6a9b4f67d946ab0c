"""restore merges what Parley remembers: facts with their sources renumbered,
tombstones (a forgotten fact never comes back), settings only where absent,
practice questions; twice adds nothing (real SQLite, real spaCy)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.memory.keeper import remember_turn
from app.store import TurnRecord, open_store
from app.store.backup import backup, restore

pytestmark = pytest.mark.timeout(120)
DAY = date(2026, 12, 2)
LINES = ("My name is Ana.", "I love playing chess.", "I live in Berlin.")


def practise(home: Path, scenario: str, lines=LINES) -> dict[str, int]:
    """One session saying ``lines``; their facts remembered; the turn id of each line."""
    with open_store(home) as store:
        session = store.start_session(scenario=scenario)
        turns = {}
        for line in lines:
            saved = store.save_turn(TurnRecord(session_id=session, transcript=line,
                                               reply="Tell me more!", input_mode="text"))
            turns[line] = saved.turn_id
            remember_turn(store, session, saved.turn_id, line, DAY)
        return turns


def facts(home: Path) -> dict[str, tuple]:
    with open_store(home) as store:
        return {f.kind: (f.value, f.session_id, f.turn_id, f.words) for f in store.facts()}


def test_restore_merges_memory_with_renumbered_sources_and_tombstones(tmp_path: Path):
    home, other, archive = tmp_path / "home", tmp_path / "other", tmp_path / "parley.backup"
    practise(home, "Free talk")
    with open_store(home) as store:
        [berlin] = [f for f in store.facts() if f.kind == "place"]
        store.forget_fact(berlin.id)
        store.set_setting("daily_goal_minutes", 25)
        store.set_setting("reminder_time", "19:30")
        question = store.record_practice_question(1, 1, "verb tense", "What did you do?")
        store.judge_practice_question(question, 2, True, True)
    backup(home, archive)
    practise(other, "Job interview", ("I work as a nurse.",))  # takes session id 1 here
    with open_store(other) as store:
        store.set_setting("daily_goal_minutes", 15)

    done = restore(other, archive)
    assert done.renumbered == {1: 2}
    assert (done.facts_added, done.forgotten_added, done.settings_added,
            done.practice_questions_added) == (2, 1, 1, 1)
    with open_store(other) as store:
        turn_of = {t.transcript: t.id for t in store.turns(2)}
        got = {f.kind: f for f in store.facts()}
        assert set(got) == {"job", "name", "interest"}  # Berlin stays forgotten
        assert (got["name"].session_id, got["name"].turn_id) == (2, turn_of["My name is Ana."])
        assert got["interest"].turn_id == turn_of["I love playing chess."]
        assert got["name"].words == "My name is Ana."
        assert store.setting("daily_goal_minutes") == 15  # here's own kept
        assert store.setting("reminder_time") == "19:30"  # absent here: taken
        [asked] = store.practice_questions()
        assert (asked.session_id, asked.turn_id, asked.correct) == (2, turn_of[LINES[0]], True)
        # The forgotten fact's tombstone points at the renumbered turn: reading
        # that old turn again does not bring it back.
        assert remember_turn(store, 2, turn_of["I live in Berlin."], "I live in Berlin.", DAY) == []
        store.forget_fact(got["name"].id)  # forgotten here, after the restore

    again = restore(other, archive)
    assert (again.facts_added, again.forgotten_added, again.settings_added,
            again.practice_questions_added) == (0, 0, 0, 0)
    assert set(facts(other)) == {"job", "interest"}  # a fact forgotten here stays forgotten


def test_restoring_into_an_empty_folder_gives_memory_back(tmp_path: Path):
    home, empty, archive = tmp_path / "home", tmp_path / "empty", tmp_path / "parley.backup"
    practise(home, "Free talk")
    with open_store(home) as store:
        store.set_setting("memory", False)
    backup(home, archive)
    restore(empty, archive)
    assert facts(empty) == facts(home)
    with open_store(empty) as store:
        assert store.memory_on() is False


def test_a_folder_with_its_own_key_keeps_the_backups_tombstones(tmp_path: Path):
    """The folder restored into had forgotten a fact of its own (so a key of its
    own): the backup's tombstones, hashed under the backup's key, still keep the
    fact forgotten there, and in a backup of that folder restored elsewhere."""
    home, other, third = tmp_path / "home", tmp_path / "other", tmp_path / "third"
    archive, again = tmp_path / "home.backup", tmp_path / "other.backup"
    practise(home, "Free talk")
    with open_store(home) as store:
        [berlin] = [f for f in store.facts() if f.kind == "place"]
        store.forget_fact(berlin.id)
    backup(home, archive)
    practise(other, "Job interview", ("I work as a nurse.",))
    with open_store(other) as store:
        [job] = store.facts()
        store.forget_fact(job.id)  # other now has a key of its own
    own = (other / "forget.key").read_bytes()
    assert own != (home / "forget.key").read_bytes()

    restore(other, archive)
    assert (other / "forget.key").read_bytes() == own  # never replaced
    with open_store(other) as store:
        turn_of = {t.transcript: t.id for t in store.turns(2)}
        assert remember_turn(store, 2, turn_of["I live in Berlin."], "I live in Berlin.", DAY) == []
        assert "place" not in {f.kind for f in store.facts()}

    backup(other, again)
    practise(third, "Travel", ("My name is Tom.",))
    with open_store(third) as store:
        store.forget_fact(store.facts()[0].id)
    restore(third, again)
    with open_store(third) as store:
        turn_of = {t.transcript: (s.id, t.id) for s in store.list_sessions()
                   for t in store.turns(s.id)}
        for line in ("I live in Berlin.", "I work as a nurse."):
            assert remember_turn(store, *turn_of[line], line, DAY) == [], line
