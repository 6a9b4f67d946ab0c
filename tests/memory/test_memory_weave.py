"""Recurring mistakes woven into the conversation (real SQLite, real spaCy): the
notebook's top kind picks the question, a budget keeps it rare, the answer is
judged, and the counts come out in the CLI and on the Today page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.memory import weave
from app.store import CorrectionRecord, TurnRecord, open_store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.model, pytest.mark.timeout(120)]


def mistakes(store, kind: str, n: int) -> int:
    session = store.start_session(scenario="Free talk")
    for i in range(n):
        store.save_turn(TurnRecord(
            session_id=session, transcript=f"Yesterday I go to the park {i}.", reply="Nice!",
            corrections=[CorrectionRecord("go", "went", "Past.", kind)], input_mode="text"))
    return session


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "home") as store:
        yield store


def test_the_top_recurring_kind_that_a_question_can_practise(store):
    assert weave.weak_kind(store) is None
    mistakes(store, "word choice", 5)  # no question practises word choice
    mistakes(store, "article", 2)  # too few to be recurring
    assert weave.weak_kind(store) is None
    mistakes(store, "verb tense", 3)
    assert weave.weak_kind(store) == "verb tense"


def test_the_budget_keeps_practice_questions_rare(store):
    mistakes(store, "verb tense", 3)
    weaver = weave.Weaver(store)
    asked = []
    for line in range(12):
        question = weaver.question(line, asked)
        if question:
            asked.append(question)
            weaver.after_turn(1, line + 1, line, question)
        else:
            weaver.after_turn(1, line + 1, line, "")
    assert [q for q in asked] and len(asked) == weave.PER_SESSION
    assert asked[0] in weave.QUESTIONS["verb tense"] and asked[0] != asked[1]  # varied
    lines = [q.turn_id - 1 for q in store.practice_questions()]
    assert lines[0] >= weave.FIRST_TURN and lines[1] - lines[0] >= weave.EVERY
    assert weave.Weaver(store, enabled=False).question(5, []) == ""


def test_the_answer_is_judged_by_form_and_corrections(store):
    session = mistakes(store, "verb tense", 3)
    ids = [store.record_practice_question(session, 1, "verb tense", "What did you do?")
           for _ in range(3)]
    said = "I went to the cinema with my sister."
    assert weave.judge(store, ids[0], "verb tense", 2, said, []) == (True, True)
    assert weave.judge(store, ids[1], "verb tense", 3, "I go to the cinema.", []) == (False, False)
    assert weave.judge(store, ids[2], "verb tense", 4, said, ["verb tense"]) == (True, False)
    [count] = store.practice_counts()
    assert (count.asked, count.answered, count.form_used, count.correct) == (3, 3, 2, 1)
    assert weave.practice_lines(store) == ["past tense: asked 3 times; 1 of 3 answers used it right"]


class NoModel:
    """The practice question replaces the model's: calling it is a failure."""

    n_ctx = 2048
    name = "stand-in"  # as ChatModel: the follow-up's prompt depends on the model's name

    def stream(self, *args, **kwargs):
        raise AssertionError("the model was asked for a question")

    def with_own_cache(self, slot):
        return self  # as ChatModel: a model without a prompt cache is its own view


def test_the_tutor_asks_it_after_the_recast_and_only_once():
    from app.tutor.conversation import Conversation

    chat = Conversation(NoModel())
    question = weave.QUESTIONS["verb tense"][0]
    chat.practice_question = question
    reply = "".join(chat.reply("I work as a nurse in a big hospital."))
    assert reply.endswith(question) and len(reply) > len(question)  # the recast came first
    assert chat.last_report.source == "practice" and chat.practice_question == ""


def test_no_change_of_subject_after_bad_news():
    from app.tutor.conversation import Conversation

    class OneQuestion(NoModel):
        def stream(self, *args, **kwargs):
            yield "How are you feeling now?"

    chat = Conversation(OneQuestion())
    chat.practice_question = weave.QUESTIONS["verb tense"][0]
    reply = "".join(chat.reply("My grandmother died last week."))
    assert "weekend" not in reply and chat.last_report.source != "practice"


def test_practice_counts_in_the_cli(tmp_path):
    home = tmp_path / "home"
    with open_store(home) as store:
        session = mistakes(store, "verb tense", 3)
        question = store.record_practice_question(session, 1, "verb tense", "What did you do?")
        store.judge_practice_question(question, 2, True, True)
    env = {"PARLEY_HOME": str(home), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "app", "memory", "practice", "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"kind": "verb tense", "asked": 1, "answered": 1,
                                        "form_used": 1, "correct": 1}]
    text = subprocess.run([sys.executable, "-m", "app", "memory", "practice"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60).stdout
    assert "past tense: asked once; 1 of 1 answers used it right" in text
