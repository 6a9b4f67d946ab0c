"""Spoken requests typed to `python -m app converse --json` on the real
models: each line says in "actions" what the tutor did (issue 25)."""

import json

import pytest

from app.store import open_store
from cli_helpers import run_app

pytestmark = pytest.mark.model  # loads a real model

LINES = ("i went to the park with my dog yesterday\n"
         "sorry, can you speak more slowly please?\n"
         "say that again\n"
         "my grandfather speaks very slowly\n"
         "please correct all my mistakes\n"
         "let's practise ordering food\n"
         "let's stop here for today\n"
         "hello again\n")


def test_converse_reports_what_the_tutor_did_on_each_line(parley_home):
    done = run_app("converse", "--json", home=parley_home, stdin=LINES)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    lines = [r for r in records if "learner" in r]
    actions = {r["learner"]: r["actions"] for r in lines}
    assert actions == {
        "i went to the park with my dog yesterday": [],
        "sorry, can you speak more slowly please?": [{"name": "speak_slower", "arguments": {}}],
        "say that again": [{"name": "repeat", "arguments": {}}],
        "my grandfather speaks very slowly": [],
        "please correct all my mistakes": [{"name": "corrections", "arguments": {"mode": "more"}}],
        "let's practise ordering food": [{"name": "start_scenario",
                                          "arguments": {"scenario": "cafe-order"}}],
        "let's stop here for today": [{"name": "end_session", "arguments": {}}],
        "hello again": [],
    }
    by_line = {r["learner"]: r for r in lines}
    # The confirmation comes first; "again" repeats the last reply, not the confirmation.
    assert by_line["sorry, can you speak more slowly please?"]["reply"] == "Sure, I'll slow down."
    first = by_line["i went to the park with my dog yesterday"]["reply"]
    assert by_line["say that again"]["reply"] == f"Sure. {first}"
    assert by_line["let's practise ordering food"]["reply"].startswith(
        "Sure, let's practise ordering at a café.")
    # "let's stop here" ended the session with its summary; the next line began another.
    ended = next(r for r in records if "ended" in r)
    assert ended["summary"]["turns"] == 7 and ended["summary"]["scenario"] == "cafe-order"
    assert by_line["hello again"]["session_id"] != ended["ended"]
    with open_store(parley_home) as store:
        session = next(s for s in store.list_sessions() if s.id == ended["ended"])
        assert session.ended_at is not None and session.summary["turns"] == 7
