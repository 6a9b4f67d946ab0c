"""Backups made by every schema revision Parley has shipped restore into the
current one (issue 27). Each backup is built as that Parley wrote it: a fresh
database migrated by Alembic to the revision, a little data, its recordings."""

from __future__ import annotations

import json
import re
import sqlite3
import tarfile
from pathlib import Path

import numpy as np
import pytest
from backup_helpers import practice, write_archive

from app.store import audio_files, open_store
from app.store.backup import restore
from app.store.db import make_engine
from app.store.migrate import head_revision, upgrade

REVISIONS = sorted(p.stem for p in
                   (Path(__file__).parents[2] / "app/store/migrations/versions").glob("0*.py"))
NOW = "2026-12-02 10:00:00"
SAID = "I work as a nurse in Gdansk"


def _fill(database: Path, revision: str) -> None:
    """A session with one spoken turn, and what ``revision`` adds to remember."""
    connection = sqlite3.connect(database)
    run = connection.execute
    run("INSERT INTO sessions (id, started_at, scenario, level, correction_style) "
        f"VALUES (1, '{NOW}', 'free talk', 'B1', 'explicit')")
    run("INSERT INTO turns (id, session_id, turn_index, started_at, ended_at, learner_audio, "
        "transcript, words, reply, reply_audio, models, timings_ms, input_mode) VALUES "
        f"(1, 1, 0, '{NOW}', '{NOW}', 'audio/1/0000-learner.wav', 'I go to school yesterday', "
        "'[]', 'What did you learn?', 'audio/1/0000-reply.wav', '{}', '{}', 'voice')")
    run("INSERT INTO corrections (turn_id, original, corrected, reason, kind, source) "
        "VALUES (1, 'go', 'went', 'past', 'tense', 'harper')")
    if revision >= "0002":
        run("INSERT INTO drills (correction_id, kind, prompt, target, reason, created_at, due, "
            f"card, reps, lapses) VALUES (1, 'tense', 'I go', 'I went', 'past', '{NOW}', "
            f"'{NOW}', '{{}}', 0, 0)")
    if revision >= "0003":
        run("INSERT INTO learner_facts (kind, subject, slot, value, text, session_id, turn_id, "
            f"words, source, created_at, confirmed_at, replaced) VALUES ('name', 'learner', "
            f"'name', 'Ana', 'Your name is Ana', 1, 1, 'My name is Ana', 'parse', '{NOW}', "
            f"'{NOW}', '[]')")
    if "0003" <= revision < "0005":  # the words themselves, as those revisions kept them
        run("INSERT INTO forgotten_facts (kind, subject, slot, session_id, turn_id, words, "
            f"forgotten_at) VALUES ('job', 'learner', 'job', 1, 1, '{SAID}', '{NOW}')")
    if revision >= "0005":
        run("INSERT INTO forgotten_facts (kind, key_hash, session_id, turn_id, words_hash, "
            f"forgotten_at) VALUES ('job', '{'ab' * 32}', 1, 1, '{'cd' * 32}', '{NOW}')")
    if revision >= "0004":
        run("INSERT INTO practice_questions (session_id, turn_id, kind, question, asked_at) "
            f"VALUES (1, 1, 'tense', 'What did you do?', '{NOW}')")
    connection.commit()
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def backup_at(revision: str, tmp_path: Path) -> Path:
    folder = tmp_path / f"made-{revision}"
    folder.mkdir()
    database = folder / "parley.sqlite3"
    engine = make_engine(database)
    upgrade(engine, revision)
    engine.dispose()
    _fill(database, revision)
    wav = audio_files.wav_bytes(np.zeros(1600, dtype=np.float32), 16000)
    manifest = {"format": 1, "schema": revision, "sessions": 1, "turns": 1, "created": NOW}
    entries = [(tarfile.TarInfo("parley-backup.json"), json.dumps(manifest).encode()),
               (tarfile.TarInfo("parley.sqlite3"), database.read_bytes())]
    entries += [(tarfile.TarInfo(f"audio/1/0000-{role}.wav"), wav) for role in ("learner", "reply")]
    return write_archive(tmp_path / f"{revision}.backup", entries)


def test_every_shipped_revision_is_in_the_matrix():
    assert REVISIONS[-1] == head_revision() and len(REVISIONS) >= 5


@pytest.mark.parametrize("revision", REVISIONS)
@pytest.mark.parametrize("into", ["empty", "in-use"])
def test_a_backup_of_each_revision_restores_into_the_current_one(tmp_path, revision, into):
    archive = backup_at(revision, tmp_path)
    home = tmp_path / "home"
    if into == "in-use":
        practice(home, sessions=1, turns=1)
    done = restore(home, archive)
    assert (done.sessions_added, done.turns_added, done.recordings_restored) == (1, 1, 2)
    assert done.recordings_not_restored == {}
    assert done.drills_added == (revision >= "0002")
    assert done.facts_added == (revision >= "0003")
    assert done.forgotten_added == (revision >= "0003")
    assert done.practice_questions_added == (revision >= "0004")
    with open_store(home) as store:
        restored = [s for s in store.list_sessions() if s.scenario == "free talk"]
        (turn,) = store.turns(restored[0].id)
        assert turn.learner_audio.is_file() and turn.reply_audio.is_file()
        assert [c.corrected for c in turn.corrections] == ["went"]
    pattern = re.compile(rb"gdansk|nurse", re.IGNORECASE)  # a forgotten fact's words
    assert [p.name for p in home.rglob("*") if p.is_file() and pattern.search(p.read_bytes())] == []
    again = restore(home, archive)
    assert (again.sessions_added, again.turns_added, again.forgotten_added) == (0, 0, 0)
