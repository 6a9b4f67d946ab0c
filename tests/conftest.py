"""Fixtures every test folder shares: the speech clips, and a private data folder.

Tests never touch real user data: PARLEY_HOME points at a temporary folder for
every test, and no test may reach a model hub (HF_HUB_OFFLINE=1).
"""

from __future__ import annotations

import json
import os
import shutil
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
