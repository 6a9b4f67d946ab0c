"""The fluent build on real models (SmolLM2, Harper, spaCy), and `review last
--json` on a session made with `python -m app converse` (slow tier)."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run_app

from app.config import Settings
from app.engines import Engines
from app.tutor.fluent import FluentRewriter, content_guard
from app.fluent_review import Unused, build_fluent
from app.store import CorrectionRecord, TurnRecord, open_store
from app.tutor.parser import parse

pytestmark = [pytest.mark.model, pytest.mark.timeout(600)]


def test_guard_refuses_added_names_numbers_and_dropped_content():
    said = "I went to the market with my mother."
    assert content_guard(said, "I went to the market with my mother.", parse) is None
    assert content_guard(said, "I went to the market in Paris with my mother.",
                         parse).startswith("adds")
    assert content_guard(said, "I went to the market with my mother at 5.",
                         parse).startswith("adds")
    assert content_guard(said, "I went to the market.", parse).startswith("drops")
    assert content_guard(said, "I didn't go to the market with my mother.", parse) \
        == "changes a negation"


@pytest.fixture(scope="module")
def engines():
    built = Engines(Settings.from_env(), transcriber=Unused(), voice=Unused())
    built.chat.load()
    return built


def test_build_saves_fluent_turns_and_leaves_correct_lines(parley_home, engines):
    with open_store(parley_home) as store:
        sid = store.start_session("travel", "B1", "explicit")
        store.save_turn(TurnRecord(session_id=sid, transcript="She have two brothers.",
                                   corrections=[CorrectionRecord("have", "has", "Agreement.",
                                                                 "agreement", "rules", 4, 8)]))
        store.save_turn(TurnRecord(session_id=sid, transcript="I work as a nurse in a hospital."))
        seen = []
        result = build_fluent(store, engines, sid, lambda d, t: seen.append((d, t)))
        assert result.error is None and result.turns == 2
        assert seen[0] == (0, 2) and seen[-1] == (2, 2)
        review = store.fluent_lines(sid)
    first, second = sorted(review.values(), key=lambda v: v.turn_id)
    assert "has two brothers" in first.fluent
    assert {"op": "replace", "said": "have", "fluent": "has"} in first.changes
    assert second.fluent == "I work as a nurse in a hospital." and second.changes == []


def test_a_failed_build_leaves_the_session_as_it_was(parley_home, engines, monkeypatch):
    with open_store(parley_home) as store:
        sid = store.start_session("travel", "B1", "explicit")
        store.save_turn(TurnRecord(session_id=sid, transcript="He go home."))
        monkeypatch.setattr(FluentRewriter, "rewrite", lambda self, text: 1 / 0)
        result = build_fluent(store, engines, sid)
        assert result.error == "fluent versions not built: division by zero"
        assert store.fluent_lines(sid) == {}


def test_review_last_json_after_converse(parley_home):
    lines = "Yesterday I go to the park with my sister.\nWe was walking for two hours.\n"
    done = run_app("converse", home=parley_home, stdin=lines)
    assert done.returncode == 0, done.stderr
    done = run_app("review", "last", "--json", home=parley_home)
    assert done.returncode == 0, done.stderr
    review = json.loads(done.stdout)
    assert [t["said"] for t in review["turns"]] == lines.splitlines()
    park, walking = review["turns"]
    assert "went to the park" in park["fluent"] and "were walking" in walking["fluent"]
    assert {"op": "replace", "said": "go", "fluent": "went"} in park["changes"]
    assert review["work_on"] and review["work_on"][0]["examples"]
    assert review["fluency"]["lines"] == ["No spoken turns in this session, so no fluency figures."]
    assert "built 2 fluent versions" in done.stderr
    # Built once: the export includes it without a model.
    done = run_app("export", "--session", "last", "--format", "json", home=parley_home)
    assert json.loads(done.stdout)["review"]["turns"][0]["fluent"] == park["fluent"]


def test_eval_fluent_runs_on_a_few_lines(tmp_path):
    data = tmp_path / "lines.txt"
    data.write_text("He go to work. || He goes to work.\nI like tea.\n")
    done = run_app("eval-fluent", str(data), "--json", home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["lines"] == 2 and report["errors_fixed"] == 1.0
    assert report["correct_left_alone"] == 1.0
    done = run_app("eval-fluent", str(tmp_path / "none.txt"), home=tmp_path / "home")
    assert done.returncode == 2 and "no such file" in done.stderr
