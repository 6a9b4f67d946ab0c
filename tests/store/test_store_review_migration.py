"""0002_review: a database saved at 0001 keeps its data, gains drills and seconds spoken."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import soundfile as sf
from sqlalchemy import inspect

from app.store import open_store
from app.store.db import make_engine
from app.store.migrate import current_revision, downgrade, head_revision, upgrade

TRIGGERS = {"turns_fts_insert", "turns_fts_delete", "turns_fts_update"}


def _at_0001_with_a_turn(home: Path) -> Path:
    """A data folder as Parley 0001 left it: one session, turn, correction and WAV."""
    home.mkdir(parents=True)
    database = home / "parley.sqlite3"
    engine = make_engine(database)
    upgrade(engine, "0001_initial")
    engine.dispose()
    (home / "audio" / "1").mkdir(parents=True)
    sf.write(home / "audio/1/0000-learner.wav", np.zeros(24000, np.float32), 16000,
             subtype="PCM_16")
    with sqlite3.connect(database) as raw:
        raw.execute("INSERT INTO sessions VALUES (1, '2026-11-01 10:00:00', NULL, 'travel', "
                    "'B1', 'explicit', NULL)")
        raw.execute("INSERT INTO turns VALUES (1, 1, 0, '2026-11-01 10:00:05', "
                    "'2026-11-01 10:00:09', 'audio/1/0000-learner.wav', 'I goes to Paris', "
                    "'[]', 'Lovely city!', NULL, '{}', '{}', 'voice')")
        raw.execute("INSERT INTO corrections VALUES (1, 1, 'goes', 'go', 'I takes go', "
                    "'agreement', 'harper', 2, 6)")
    return home


def _triggers(database: Path) -> set[str]:
    with sqlite3.connect(database) as raw:
        return {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}


def test_upgrade_from_0001_keeps_data_and_backfills_seconds(tmp_path: Path):
    home = _at_0001_with_a_turn(tmp_path / "home")
    with open_store(home) as store:  # open_store migrates to head
        assert current_revision(store.engine) == head_revision()
        [turn] = store.turns(1)
        assert turn.transcript == "I goes to Paris" and turn.corrections[0].corrected == "go"
        assert turn.learner_seconds == 1.5  # read from the WAV header
        assert [hit.turn_id for hit in store.search("paris")] == [1]
        assert store.history()[0].spoken_seconds == 1.5
        assert store.drills() == []
    # ADD COLUMN (not a batch table copy) keeps the full-text triggers.
    assert _triggers(home / "parley.sqlite3") == TRIGGERS


def test_downgrade_to_0001_and_back_keeps_turns_and_triggers(tmp_path: Path):
    home = _at_0001_with_a_turn(tmp_path / "home")
    database = home / "parley.sqlite3"
    upgrade(f"sqlite:///{database}")
    downgrade(f"sqlite:///{database}", "0001_initial")
    engine = make_engine(database)
    try:
        assert current_revision(engine) == "0001_initial"
        assert "drills" not in inspect(engine).get_table_names()
        assert "learner_seconds" not in {c["name"] for c in inspect(engine).get_columns("turns")}
    finally:
        engine.dispose()
    assert _triggers(database) == TRIGGERS
    with open_store(home) as store:
        assert store.turns(1)[0].reply == "Lovely city!"
        assert store.search("lovely")[0].turn_id == 1
