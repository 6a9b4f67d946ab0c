"""End to end through `python -m app converse --json` on the real models: the next
session's opening asks about the interview; once forgotten, no opening mentions it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_app

pytestmark = pytest.mark.model  # loads a real model

FIRST = "Hi, my name is Ana.\nI have a job interview next Friday.\n"
WEDNESDAY, MONDAY_AFTER, LATER = "2026-12-02", "2026-12-14", "2026-12-20"


def converse(home: Path, today: str, lines: str) -> list[dict]:
    done = run_app("converse", "--json", home=home, stdin=lines,
                   env={"PARLEY_TODAY": today})
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def memory(home: Path) -> list[dict]:
    done = run_app("memory", "list", "--json", home=home)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_next_session_asks_about_the_interview(tmp_path: Path):
    home = tmp_path / "home"
    first = converse(home, WEDNESDAY, FIRST)
    assert set(first[0]) == {"opening", "session_id"}
    assert "interview" not in first[0]["opening"].lower()
    [plan] = [f for f in memory(home) if f["kind"] == "plan"]
    assert plan["event_date"] == "2026-12-11"
    assert plan["session_id"] == first[0]["session_id"]
    assert plan["turn_id"] is not None and plan["words"] == "I have a job interview next Friday."

    second = converse(home, MONDAY_AFTER, "It went well, thank you.\n")
    assert "interview" in second[0]["opening"].lower()
    assert second[0]["opening"].endswith("?")
    assert second[0]["session_id"] != first[0]["session_id"]


def test_a_forgotten_interview_is_never_asked_about(tmp_path: Path):
    home = tmp_path / "home"
    converse(home, WEDNESDAY, FIRST)
    [plan] = [f for f in memory(home) if f["kind"] == "plan"]
    assert run_app("memory", "forget", str(plan["id"]), home=home).returncode == 0
    for day in (MONDAY_AFTER, LATER):
        opening = converse(home, day, "")[0]["opening"]
        assert "interview" not in opening.lower()
    assert all("interview" not in f["text"] for f in memory(home))


def test_a_recurring_mistake_is_practised_and_the_answer_counted(tmp_path: Path):
    """Three past-tense corrections in the notebook: on the third line the tutor
    asks a past-tense question; the answer is judged and counted."""
    from app.memory.weave import FIRST_TURN, QUESTIONS
    from app.store import CorrectionRecord, TurnRecord, open_store

    home = tmp_path / "home"
    with open_store(home) as store:
        session = store.start_session(scenario="Free talk")
        for said in ("Yesterday I go home.", "Last week I see a film.", "I buy it on Monday."):
            store.save_turn(TurnRecord(session_id=session, transcript=said, reply="I see.",
                                       corrections=[CorrectionRecord("go", "went", "Past.",
                                                                     "verb tense")],
                                       input_mode="text"))
    lines = ("I work as a nurse.\nI like reading books in the evening.\n"
             "I have two cats at home.\nI went to the cinema with my sister.\n")
    turns = converse(home, WEDNESDAY, lines)[1:]
    replies = [t.get("reply", "") for t in turns]
    assert replies[FIRST_TURN].endswith(QUESTIONS["verb tense"][0]), replies
    assert not any(q in r for q in QUESTIONS["verb tense"] for r in replies[:FIRST_TURN])
    done = run_app("memory", "practice", "--json", home=home)
    assert json.loads(done.stdout) == [{"kind": "verb tense", "asked": 1, "answered": 1,
                                        "form_used": 1, "correct": 1}]
