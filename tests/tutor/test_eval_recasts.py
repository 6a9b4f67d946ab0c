"""`eval-recasts`: what the tutor says back before its question, judged by the
full corrector and the set's reference fixes (real SmolLM2 and corrector)."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run_app

pytestmark = [pytest.mark.model, pytest.mark.timeout(600)]


def test_eval_recasts_judges_what_is_said_back(tmp_path):
    data = tmp_path / "lines.txt"
    data.write_text("My sister live in a small flat. || My sister lives in a small flat.\n"
                    "I have went to the bank with my mum. || I have gone to the bank with my "
                    "mum. || I went to the bank with my mum.\n"
                    "I like tea.\n")
    done = run_app("eval-recasts", str(data), "--json", home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["lines_with_errors"] == 2 and report["news"] == 2
    # Each recast carries its fix ("lives", "have gone") and none says an error back.
    assert (report["recasts"], report["recasts_with_a_fix"]) == (2, 2)
    assert report["recasts_flagged"] == 0 and report["errors_said_back"] == 0
    done = run_app("eval-recasts", str(tmp_path / "none.txt"), home=tmp_path / "home")
    assert done.returncode == 2 and "no such file" in done.stderr
