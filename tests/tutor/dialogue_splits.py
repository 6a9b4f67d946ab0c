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


def shape(row: dict) -> list[str]:
    """A row's keys in order, then its expect keys: two rows of one act (and
    kind) are written alike when their shapes are equal."""
    return [*row, *(f"expect.{k}" for k in row["expect"])]


def shape_key(row: dict) -> tuple:
    """What a row's shape depends on: its act, kind, and for "is it correct?"
    whether the sentence is wrong."""
    return row["act"], row.get("kind"), row["expect"].get("wrong")


def shapes(name: str) -> dict[tuple, list[str]]:
    """The shape of ``name``'s rows (news left out) by :func:`shape_key`."""
    return {shape_key(r): shape(r) for r in load(name) if r["act"] != "news"}
