"""`python -m app eval-dialogue --answers-only`: the language questions alone,
classified and answered as the conversation does, with the real corrector.
Lines written for this test (not from tests/data/dialogue)."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run_app

pytestmark = pytest.mark.model  # loads a real model


def test_answers_only_scores_the_language_questions_alone(parley_home, tmp_path):
    opening = ["Tutor: Hi! How was your day?"]
    lines = tmp_path / "lines.jsonl"
    lines.write_text("".join(json.dumps(item) + "\n" for item in [
        {"id": 1, "act": "language_question", "kind": "is_correct", "context": opening,
         "learner": "can i say my neighbour have two dogs?",
         "expect": {"wrong": True, "answer_any": ["has"]}},
        {"id": 2, "act": "language_question", "kind": "word_form", "context": opening,
         "learner": "what is the past tense of drink?", "expect": {"answer_any": ["drank"]}},
        {"id": 3, "act": "news", "context": opening, "learner": "i went hiking today",
         "expect": {"content": ["hik"]}}]))
    out = tmp_path / "scored.jsonl"
    done = run_app("eval-dialogue", str(lines), "--answers-only", "--out", str(out), "--json",
                   home=parley_home, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(done.stdout)
    assert summary["per_act"] == {"language_question": {
        "lines": 2, "act_recognised": 2, "answered_right": 2, "unsure": 0}}
    assert summary["wrong_called_right"] == 0 and summary["wrong_sentences"] == 1
    scored = [json.loads(line) for line in out.read_text().splitlines()]
    assert scored[0]["reply"] == "Not quite: say 'My neighbour has two dogs'."
