"""The dialogue sets' files for the tests that check them (tests/data/dialogue):
a split's rows, and the rows its ``write_testN.py`` writes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

DIR = Path(__file__).resolve().parents[1] / "data" / "dialogue"


def load(name: str) -> list[dict]:
    """The rows of ``name`` (a JSON Lines file of the dialogue sets), in order."""
    return [json.loads(line) for line in (DIR / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def written(script: str) -> list[dict]:
    """The rows ``script`` (a ``write_testN.py`` beside the sets) writes."""
    spec = importlib.util.spec_from_file_location(Path(script).stem, DIR / script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.rows()
