"""``python -m app memory``: list, forget, add, edit, off and on, as a learner runs them."""

from __future__ import annotations

from datetime import date

from pathlib import Path

import pytest

from app.memory.keeper import remember_turn
from app.store import open_store
from tests.cli_helpers import run_app, run_json

pytestmark = pytest.mark.model  # loads a real model


def test_list_forget_and_switch_off(tmp_path: Path):
    home = tmp_path / "home"
    with open_store(home) as store:
        session = store.start_session()
        remember_turn(store, session, 3, "My name is Ana. I have a job interview next Friday.",
                      date(2026, 12, 2))
    facts = run_json("memory", "list", home=home)
    assert [(f["kind"], f["session_id"], f["turn_id"]) for f in facts] == [
        ("name", session, 3), ("plan", session, 3)]
    assert all({"id", "text", "kind", "session_id", "turn_id"} <= set(f) for f in facts)
    interview = next(f for f in facts if f["kind"] == "plan")
    assert interview["event_date"] == "2026-12-11" and "interview" in interview["text"]

    done = run_app("memory", "forget", str(interview["id"]), home=home)
    assert done.returncode == 0 and "Forgotten" in done.stdout
    assert [f["kind"] for f in run_json("memory", "list", home=home)] == ["name"]

    missing = run_app("memory", "forget", "999", home=home)
    assert missing.returncode != 0
    assert missing.stderr.strip().count("\n") == 0 and "999" in missing.stderr

    assert run_app("memory", "off", home=home).returncode == 0
    listing = run_app("memory", "list", home=home)
    assert "Memory is off" in listing.stdout and "Your name is Ana" in listing.stdout
    with open_store(home) as store:
        assert not store.memory_on()
    assert run_app("memory", "on", home=home).returncode == 0
    with open_store(home) as store:
        assert store.memory_on()


def test_add_and_edit(tmp_path: Path):
    home = tmp_path / "home"
    added = run_app("memory", "add", "I live in Porto", home=home)
    assert added.returncode == 0 and "You live in Porto" in added.stdout
    [fact] = run_json("memory", "list", home=home)
    assert fact["session_id"] is None and fact["source"] == "learner"
    edited = run_app("memory", "edit", str(fact["id"]), "You live near Porto", home=home)
    assert edited.returncode == 0
    [fact] = run_json("memory", "list", home=home)
    assert fact["text"] == "You live near Porto" and fact["replaced"][0]["value"] == "Porto"
