"""Forgetting leaves no copy of the words in any file of the data folder:
not the database, its -wal and -shm files, nor a backup taken later
(issue 27, fault 1). The raw bytes of every file are searched."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from app.store import open_store
from app.store.backup import backup
from app.store.memory_store import FactRecord
from tests.cli_helpers import run_app

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_helpers import make_record  # noqa: E402

SAID = "I work as a nurse in Gdansk"


def files_holding(folder: Path, *words: str) -> list[str]:
    """The files under ``folder`` whose bytes hold any of ``words`` (any case;
    the search index keeps words lower-cased)."""
    pattern = re.compile("|".join(re.escape(w) for w in words).encode(), re.IGNORECASE)
    return sorted(p.name for p in folder.rglob("*")
                  if p.is_file() and pattern.search(p.read_bytes()))


def test_forget_leaves_the_words_in_no_file_while_the_window_is_open(tmp_path: Path):
    home = tmp_path / "home"
    with open_store(home) as store:
        fact = store.remember(FactRecord("job", "learner", "job", "a nurse in Gdansk",
                                         "You work as a nurse in Gdansk", words=SAID,
                                         source="learner"))
    # The window, open all along: its connection keeps the -wal file alive.
    window = sqlite3.connect(home / "parley.sqlite3")
    try:
        window.execute("SELECT count(*) FROM learner_facts").fetchone()
        assert files_holding(home, "Gdansk") != []  # (the search does see them)
        done = run_app("memory", "forget", str(fact.id), home=home)
        assert done.returncode == 0, done.stderr
        assert files_holding(home, "Gdansk", "nurse") == []
        assert window.execute("SELECT count(*) FROM forgotten_facts").fetchone() == (1,)
    finally:
        window.close()
    backup(home, tmp_path / "later.backup")
    assert files_holding(tmp_path, "Gdansk", "nurse") == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_key_of_the_hashes_is_private(tmp_path: Path):
    from app.store.forget_key import KEY_NAME

    home = tmp_path / "home"
    with open_store(home) as store:
        fact = store.remember(FactRecord("note", "learner", "cat", "Miso", "Miso", source="learner"))
        store.forget_fact(fact.id)
    assert stat.S_IMODE((home / KEY_NAME).stat().st_mode) == 0o600
    assert len((home / KEY_NAME).read_bytes()) == 32


def test_a_forgotten_fact_is_not_learned_again_from_its_turn(tmp_path: Path):
    with open_store(tmp_path / "home") as store:
        record = FactRecord("job", "learner", "job", "a nurse", "You work as a nurse",
                            session_id=1, turn_id=7, words=SAID)
        store.forget_fact(store.remember(record).id)
        assert store.remember(record) is None
        other = FactRecord("job", "learner", "job", "a nurse", "You work as a nurse",
                           session_id=1, turn_id=8, words=SAID)
        assert store.remember(other) is not None  # said again: news


def test_forget_with_sentences_removes_transcript_index_and_recordings(tmp_path: Path):
    home = tmp_path / "home"
    with open_store(home) as store:
        session = store.start_session()
        kept = store.save_turn(make_record(session, "I go to school yesterday"))
        said = store.save_turn(make_record(session, SAID, reply="Tell me more!"))
        fact = store.remember(FactRecord("job", "learner", "job", "a nurse in Gdansk",
                                         "You work as a nurse in Gdansk", session_id=session,
                                         turn_id=said.turn_id, words=SAID))
        name = store.remember(FactRecord("name", "learner", "name", "Zofia", "Your name is Zofia",
                                         session_id=session, turn_id=said.turn_id, words=SAID))
        assert store.search("Gdansk")
    done = run_app("memory", "forget", str(fact.id), "--sentences", home=home)
    assert done.returncode == 0, done.stderr
    assert "sentences" in done.stdout
    assert files_holding(home, "Gdansk", "nurse") == []
    assert not said.learner_audio.exists() and not said.reply_audio.exists()
    assert kept.learner_audio.is_file() and kept.reply_audio.is_file()
    with open_store(home) as store:
        assert [t.transcript for t in store.turns(session)] == ["I go to school yesterday"]
        assert store.search("Gdansk") == [] and store.search("school")
        assert [f.text for f in store.facts()] == ["Your name is Zofia"]  # its own text stays
        assert store.fact(name.id).words == ""
