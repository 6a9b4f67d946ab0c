"""Fixtures every test folder shares: the speech clips, and a private data folder.

Tests never touch real user data: PARLEY_HOME points at a temporary folder for
every test, and no test may reach a model hub (HF_HUB_OFFLINE=1).
"""

from __future__ import annotations

import ast
import functools
import gc
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
SPEECH = DATA / "speech"


@dataclass(frozen=True)
class Clip:
    """One recorded utterance and its reference transcript."""

    id: str
    wav: Path
    text: str
    text_norm: str
    duration_s: float


def _clips(folder: str) -> list[Clip]:
    base = SPEECH / folder
    rows = [json.loads(line) for line in (base / "metadata.jsonl").read_text().splitlines() if line]
    return [
        Clip(r["id"], base / r["wav"], r["text"], r["text_norm"], float(r["duration_s"]))
        for r in rows
    ]


AST_RACE = "AST constructor recursion depth mismatch"


def _parse_without_collecting(parse):
    """ast.parse with the garbage collector paused.

    CPython before 3.11.8 keeps the AST constructor's depth count in one
    place per interpreter (gh-106905). A collection in the middle of a parse
    can run a finalizer that formats a traceback, which parses too (pytest's
    unraisable-exception hook, Python's caret anchors); the outer parse then
    ends in SystemError, and pytest stops with an INTERNALERROR, leaving the
    rest of the suite unrun (an openai client's __del__ raising did it).
    With the collector paused, no finalizer runs in the middle of a parse."""

    @functools.wraps(parse)
    def guarded(*args, **kwargs):
        collecting = gc.isenabled()
        gc.disable()
        try:
            return parse(*args, **kwargs)
        finally:
            if collecting:
                gc.enable()

    return guarded


if sys.version_info < (3, 11, 8):
    ast.parse = _parse_without_collecting(ast.parse)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failure whose source cannot be parsed for its report (the race
    above, through a parse that bypasses ast.parse) is shown as Python's
    own traceback, instead of stopping the whole run."""
    try:
        return (yield)
    except SystemError as error:
        if AST_RACE not in str(error):
            raise
        return _native_report(item, call)


def pytest_runtest_logreport(report):
    """One line per test outcome in $PARLEY_TEST_TALLY, where .ci/run counts
    what ran even when pytest itself stops before its summary."""
    tally = os.environ.get("PARLEY_TEST_TALLY")
    if not tally:
        return
    if report.failed:
        outcome = "failed"  # an error in set-up or tear-down counts as a failure
    elif report.skipped:
        outcome = "skipped"
    elif report.when == "call":
        outcome = "passed"
    else:
        return
    with open(tally, "a", encoding="utf-8") as out:
        out.write(f"{outcome} {report.when} {report.nodeid}\n")


def _native_report(item, call):
    from _pytest.reports import TestReport

    option = item.config.option
    style, option.tbstyle = option.tbstyle, "native"
    try:
        return TestReport.from_item_and_call(item, call)
    finally:
        option.tbstyle = style


@pytest.fixture(scope="session")
def native_clips() -> list[Clip]:
    return _clips("native")


@pytest.fixture(scope="session")
def learner_clips() -> list[Clip]:
    return _clips("learner")


@pytest.fixture
def pulse() -> None:
    """The PulseAudio virtual microphone and speaker that scripts/test.sh starts."""
    if not os.environ.get("PULSE_SERVER") or not shutil.which("paplay"):
        pytest.fail("PulseAudio is not set up: run the tests with `bash scripts/test.sh`",
                    pytrace=False)


@pytest.fixture(autouse=True)
def parley_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "parley-home"
    monkeypatch.setenv("PARLEY_HOME", str(home))
    return home


# Fixtures that load real models (server_url: llama.cpp's server on SmolLM2):
# a test that uses one is a `model` test, left
# out of the fast tier (`pytest -m "not model and not audio"`), as is one that
# needs the virtual microphone and speaker. Modules that load models otherwise
# say so with `pytestmark = pytest.mark.model`.
MODEL_FIXTURES = frozenset({"ui_engines", "make_window", "smollm2", "server_url"})


def pytest_collection_modifyitems(items):
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if MODEL_FIXTURES & fixtures:
            item.add_marker(pytest.mark.model)
        if "pulse" in fixtures:
            item.add_marker(pytest.mark.audio)
