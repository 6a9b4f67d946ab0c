"""`python -m app eval-sense`: replies kept as they are made can be scored later
(a long run stopped early still gives the lines it answered)."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run_app

pytestmark = pytest.mark.model  # loads a real model


def test_replies_kept_as_they_are_made_are_scored_by_replies(parley_home, tmp_path):
    lines = tmp_path / "lines.jsonl"
    lines.write_text("".join(json.dumps(item) + "\n" for item in [
        {"id": "t-1", "topic": "transport", "sentiment": "negative", "who": "learner",
         "event": "lose", "key": ["wallet", "bus", "lose"],
         "learner": "i lost my wallet on the bus this morning"},
        {"id": "t-2", "topic": "unclear", "sentiment": "neutral", "who": None, "event": None,
         "key": [], "learner": "thank you for watching"}]))
    kept = tmp_path / "kept.jsonl"
    done = run_app("eval-sense", str(lines), "--keep-replies", str(kept), "--json",
                   home=parley_home, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    made = json.loads(done.stdout)
    records = [json.loads(line) for line in kept.read_text().splitlines()]
    assert [r["learner"] for r in records] == ["i lost my wallet on the bus this morning",
                                               "thank you for watching"]
    # News without an error the corrector is sure of gets a short reaction
    # first, not the line said back (app.tutor.act_replies).
    assert records[0]["reply"].startswith("Oh") and records[0]["seconds"] > 0
    # Scoring the kept replies gives the numbers of the run that made them.
    scored = run_app("eval-sense", str(lines), "--replies", str(kept), "--json",
                     home=parley_home, timeout=120)
    assert scored.returncode == 0, scored.stderr[-2000:]
    again = json.loads(scored.stdout)
    for key in ("pickup", "bad_news_cheerful_open", "unclear_asked_again", "sources"):
        assert again[key] == made[key], key
    # Whether SmolLM2's question picks the news up is eval-dialogue's to
    # measure; here, that the unclear line was asked again is scored.
    assert made["unclear_asked_again"] == 1.0
