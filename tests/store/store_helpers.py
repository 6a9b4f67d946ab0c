"""Shared helpers for the store tests (a plain module: no conftest name clashes)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from app.store import CorrectionRecord, Store, TurnRecord, open_store


def tone(seconds: float, rate: int, freq: float = 220.0) -> np.ndarray:
    t = np.arange(int(seconds * rate), dtype=np.float32) / rate
    return (0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def make_record(session_id: int, text: str = "I go to school yesterday", **changes) -> TurnRecord:
    values = dict(
        session_id=session_id,
        transcript=text,
        words=[
            {"text": word, "start": i * 0.3, "end": i * 0.3 + 0.25, "probability": 0.9}
            for i, word in enumerate(text.split())
        ],
        corrections=[
            CorrectionRecord(
                "go", "went", "Yesterday needs the past tense.", "tense", "harper", 2, 4
            )
        ],
        reply="Oh nice, what did you learn at school?",
        learner_pcm=tone(1.5, 16000),
        learner_sample_rate=16000,
        reply_pcm=tone(2.0, 22050, 330.0),
        reply_sample_rate=22050,
        models={"asr": "tiny.en", "llm": "smollm2", "voice": "joe"},
        timings_ms={"asr": 120, "llm_first_token": 80, "end_to_first_audio": 450},
    )
    values.update(changes)
    return TurnRecord(**values)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def row_counts(database: Path) -> dict[str, int]:
    """Counts read with a fresh sqlite3 connection, outside the store under test."""
    with sqlite3.connect(database) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("sessions", "turns", "corrections")
        }


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "home")
    yield opened
    opened.close()
