"""0006_fluent_review: a database saved at 0005 keeps its data and gains the
review's fluent versions and shadowing recordings; those are saved all at
once, kept with the session (folder, backup, data check) and go with it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
from sqlalchemy import inspect

from app.review.checkdata import check_data
from app.store import TurnRecord, open_store
from app.store.backup import backup, restore
from app.store.db import make_engine
from app.store.migrate import current_revision, downgrade, head_revision, upgrade


def _at_0005_with_a_turn(home: Path) -> Path:
    home.mkdir(parents=True)
    database = home / "parley.sqlite3"
    engine = make_engine(database)
    upgrade(engine, "0005_forget_hashes")
    engine.dispose()
    with sqlite3.connect(database) as raw:
        raw.execute("INSERT INTO sessions VALUES (1, '2026-12-01 10:00:00', NULL, 'travel', "
                    "'B1', 'explicit', NULL)")
        raw.execute("INSERT INTO turns (id, session_id, turn_index, started_at, ended_at, "
                    "transcript, words, reply, models, timings_ms, input_mode) VALUES (1, 1, 0, "
                    "'2026-12-01 10:00:05', '2026-12-01 10:00:09', 'I goes to Paris', '[]', "
                    "'Lovely!', '{}', '{}', 'text')")
    return home


def test_upgrade_from_0005_keeps_turns_and_adds_the_review_tables(tmp_path: Path):
    home = _at_0005_with_a_turn(tmp_path / "home")
    with open_store(home) as store:
        assert current_revision(store.engine) == head_revision() == "0006_fluent_review"
        assert store.turns(1)[0].transcript == "I goes to Paris"
        assert store.fluent_lines(1) == {} and store.shadowings(1) == []
        assert store.save_fluent(1, [(1, "I go to Paris.", [{"op": "replace", "said": "goes",
                                                            "fluent": "go"}], "corrector")]) == 1
        assert store.fluent_lines(1)[1].fluent == "I go to Paris."
    database = home / "parley.sqlite3"
    downgrade(f"sqlite:///{database}", "0005_forget_hashes")
    engine = make_engine(database)
    try:
        assert current_revision(engine) == "0005_forget_hashes"
        assert not {"fluent_turns", "shadowings"} & set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    with open_store(home) as store:  # and up again
        assert store.turns(1)[0].reply == "Lovely!" and store.fluent_lines(1) == {}


def test_a_rebuild_replaces_the_last_and_ignores_other_sessions_turns(tmp_path: Path):
    with open_store(tmp_path / "home") as store:
        one = store.start_session()
        store.save_turn(TurnRecord(session_id=one, transcript="I goes."))
        other = store.save_turn(TurnRecord(session_id=store.start_session(), transcript="He go."))
        [turn] = store.turns(one)
        store.save_fluent(one, [(turn.id, "I go.", [], "corrector")])
        assert store.save_fluent(one, [(turn.id, "I went.", [], "model"),
                                       (other.turn_id, "He goes.", [], "corrector")]) == 1
        assert [v.fluent for v in store.fluent_lines(one).values()] == ["I went."]
        assert store.fluent_lines(other.session_id) == {}


def test_shadowing_recordings_live_and_go_with_the_session(tmp_path: Path):
    home = tmp_path / "home"
    pcm = np.full(8000, 0.1, dtype=np.float32)
    with open_store(home) as store:
        saved = store.save_turn(TurnRecord(session_id=store.start_session(),
                                           transcript="I goes home.", learner_pcm=pcm))
        first = store.save_shadowing(saved.turn_id, pcm, 16000, "I go home.", [])
        second = store.save_shadowing(saved.turn_id, pcm, 16000, "I go home", [])
        assert first.audio.name == "0000-shadow.wav" and second.audio.name == "0000-shadowb.wav"
        assert first.audio.parent == saved.learner_audio.parent and first.audio.is_file()
        assert first.seconds == 0.5
        assert [s.transcript for s in store.shadowings(saved.session_id)] == [
            "I go home.", "I go home"]
    report = check_data(home)
    assert report["ok"] and report["orphaned_audio"] == [] and report["audio_files"] == 3
    archive = tmp_path / "all.backup"
    backup(home, archive)
    restored = tmp_path / "restored"
    restore(restored, archive)
    assert (restored / "audio" / str(saved.session_id) / "0000-shadowb.wav").is_file()
    with open_store(home) as store:
        store.delete_session(saved.session_id)
        assert store.shadowings(saved.session_id) == []
    assert not first.audio.exists()


def test_a_crash_before_the_rename_is_finished_on_open(tmp_path: Path, monkeypatch):
    from app.store import audio_files

    home = tmp_path / "home"
    with open_store(home) as store:
        saved = store.save_turn(TurnRecord(session_id=store.start_session(), transcript="I goes."))
        monkeypatch.setattr(audio_files, "publish", lambda staged: None)  # dies before it
        view = store.save_shadowing(saved.turn_id, np.zeros(1600, np.float32), 16000, "x", [])
        assert not view.audio.exists()
    monkeypatch.undo()
    with open_store(home):
        assert view.audio.is_file()  # committed: moved into place, not quarantined
