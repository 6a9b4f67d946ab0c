"""The suite's guard against CPython's AST race (gh-106905, tests/conftest.py):
a failure reported while collections parse is counted, and the run goes on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# `model` tier: each test starts pytest in a child process, seconds each.
pytestmark = pytest.mark.model

RACE = '''
import ast
import gc


def parse_on_collection(phase, info):
    # What a finalizer that formats a traceback does: parse while a
    # collection runs, which may be in the middle of another parse.
    ast.parse("value = 1")


def test_fails_while_collections_parse():
    gc.callbacks.append(parse_on_collection)
    gc.set_threshold(1)
    assert 1 + 1 == 3


def test_runs_after():
    gc.callbacks.remove(parse_on_collection)
    gc.set_threshold(700)
'''


def _pytest(folder: Path) -> subprocess.CompletedProcess:
    # The inner run's outcomes are not this suite's: they stay out of its tally.
    env = {k: v for k, v in os.environ.items() if k != "PARLEY_TEST_TALLY"}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(folder)],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def test_a_failure_reported_during_a_collection_does_not_stop_the_run(tmp_path):
    bare = tmp_path / "bare"
    guarded = tmp_path / "guarded"
    for folder in (bare, guarded):
        folder.mkdir()
        (folder / "test_race.py").write_text(RACE)
    shutil.copy(Path(__file__).parent / "conftest.py", guarded / "conftest.py")

    done = _pytest(guarded)
    assert "INTERNALERROR" not in done.stdout + done.stderr
    assert "1 failed, 1 passed" in done.stdout
    if sys.version_info < (3, 11, 8):  # the race is there to guard against
        bare_run = _pytest(bare)
        assert "AST constructor recursion depth mismatch" in bare_run.stdout + bare_run.stderr


def test_each_outcome_is_tallied_for_ci(tmp_path):
    """.ci/run counts what ran from the tally the conftest writes."""
    (tmp_path / "test_race.py").write_text(RACE)
    shutil.copy(Path(__file__).parent / "conftest.py", tmp_path / "conftest.py")
    tally = tmp_path / "tally.txt"
    env = {**os.environ, "PARLEY_TEST_TALLY": str(tally)}
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                   cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    outcomes = [line.split()[0] for line in tally.read_text().splitlines()]
    assert sorted(outcomes) == ["failed", "passed"]
