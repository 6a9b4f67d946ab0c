"""Migration 0005 replaces the words kept in forgotten facts with keyed hashes,
and a fact forgotten before it still stays forgotten (issue 27, fault 1)."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import text

from app.store import open_store
from app.store.db import make_engine
from app.store.memory_store import FactRecord
from app.store.migrate import upgrade

SAID = "I work as a nurse in Gdansk"


def test_upgrade_hashes_the_words_of_forgotten_facts(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    engine = make_engine(home / "parley.sqlite3")
    upgrade(engine, "0004_practice")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO forgotten_facts (kind, subject, slot, session_id, turn_id, words, "
            "forgotten_at) VALUES ('job', 'learner', 'job', 1, 7, :w, '2026-12-02 10:00:00')"),
            {"w": SAID})
    engine.dispose()

    with open_store(home) as store:
        assert store.forgotten() == [("job", 1, 7)]
        record = FactRecord("job", "learner", "job", "a nurse", "You work as a nurse",
                            session_id=1, turn_id=7, words=SAID)
        assert store.remember(record) is None  # still forgotten, by its hash
    pattern = re.compile(rb"gdansk|nurse", re.IGNORECASE)
    assert [p.name for p in home.rglob("*") if p.is_file()
            and pattern.search(p.read_bytes())] == []
    assert (home / "forget.key").is_file()
