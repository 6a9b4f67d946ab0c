"""`python -m app converse`: a text conversation on real models, saved like the window's."""

import json
import os
import subprocess
import sys

import pytest

from app.store import open_store
from cli_helpers import ROOT, run_app

pytestmark = pytest.mark.model  # loads a real model

LINES = "i lost my wallet on the bus this morning\n\nyesterday i go to the cinema with my sister\n"


def records(done) -> list[dict]:
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_one_session_opens_with_the_tutors_line_and_saves_every_turn(parley_home):
    opening, *replies = records(run_app("converse", "--json", home=parley_home, stdin=LINES))
    assert set(opening) == {"opening", "session_id"} and opening["opening"].endswith("?")
    assert len(replies) == 2  # the blank line is no turn
    for record in replies:
        assert set(record) >= {"learner", "reply", "recast", "corrected", "corrections",
                               "session_id", "source", "act", "ends_session"}
        assert record["session_id"] == opening["session_id"]
        assert record["act"] == "news" and record["reply"].endswith("?")
        assert record["recast"] in record["reply"]
    wallet, cinema = replies
    # News without an error gets a short reaction, with sympathy, not the line said back.
    assert wallet["recast"] == "" and wallet["reply"].startswith(("Oh no.", "Oh dear."))
    assert "wallet on the bus this morning" not in wallet["reply"]
    # An error the corrector is sure of gets a recast with the right form.
    assert "went to the cinema" in cinema["recast"] and "went" in cinema["corrected"]
    assert any(c["corrected"] == "went" for c in cinema["corrections"])
    with open_store(parley_home) as store:
        turns = store.turns(opening["session_id"])
        assert [t.transcript for t in turns] == [r["learner"] for r in replies]
        assert [t.reply for t in turns] == [r["reply"] for r in replies]
        assert {t.input_mode for t in turns} == {"text"}


def test_fresh_makes_each_line_its_own_conversation(parley_home):
    replies = records(run_app("converse", "--fresh", "--json", "--level", "A2",
                              home=parley_home, stdin=LINES))
    assert [set(r) >= {"learner", "reply", "recast"} for r in replies] == [True, True]
    assert replies[0]["session_id"] != replies[1]["session_id"]


@pytest.mark.parametrize("args, message", [
    (("--scenario", "nope"), "unknown scenario"),
    (("--level", "Z9"), "unknown level"),
    (("--llm", "/nonexistent/model.gguf"), "chat model not found"),
])
def test_bad_options_give_one_clear_line_and_exit_2(parley_home, args, message):
    done = run_app("converse", *args, home=parley_home, stdin="hello\n")
    assert done.returncode == 2 and done.stdout == ""
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_line_that_is_not_utf8_is_answered_and_the_rest_go_on(parley_home):
    # Issue 27, fault 7: b"caf\xe9" stopped the conversation with a traceback.
    environment = {**os.environ, "PARLEY_HOME": str(parley_home), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-m", "app", "converse", "--json"], cwd=ROOT,
                          env=environment, capture_output=True, timeout=300, check=False,
                          input=b"I like caf\xe9 au lait\nmy sister\x00 live in Paris\n")
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr.decode()
    _opening, *replies = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["learner"] for r in replies] == ["I like caf\\xe9 au lait", "my sister live in Paris"]
    assert all(r["reply"] for r in replies)


def test_a_goodbye_is_answered_without_a_question_and_ends_the_session(
        parley_home, monkeypatch, capsys):
    import io

    from app.cli import main
    from app.tutor import acts
    from app.tutor.acts import Act, ActResult

    # The classifier is another part's (app/tutor/acts.py); here the goodbye is given.
    goodbye = "okay, i have to go now, thank you for the talk"
    monkeypatch.setattr(acts, "classify", lambda text, context=(), model=None: ActResult(
        Act.GOODBYE if text == goodbye else Act.NEWS))
    monkeypatch.setenv("PARLEY_HOME", str(parley_home))
    lines = f"i bought fresh fish at the market this morning\n{goodbye}\nnever read\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert main(["converse", "--json"]) == 0
    opening, news, bye = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (news["act"], bye["act"]) == ("news", "goodbye") and bye["ends_session"]
    assert "?" not in bye["reply"] and bye["source"] == "goodbye"
    with open_store(parley_home) as store:
        session = store.get_session(opening["session_id"])
        assert session.ended_at is not None and len(store.turns(opening["session_id"])) == 2
