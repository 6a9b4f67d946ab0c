"""End to end through `python -m app converse --json` on the real models: the next
session's opening asks about the interview; once forgotten, no opening mentions it."""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import run_app

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
