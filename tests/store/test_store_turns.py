"""Saving turns and reading them back, with their recordings."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from sqlalchemy import event
from store_helpers import files_under, make_record, row_counts, store  # noqa: F401

from app.store import Store, open_store


def test_save_turn_round_trip(store: Store):
    session_id = store.start_session("job interview", "B2", "recast")
    record = make_record(session_id)
    saved = store.save_turn(record)

    assert saved.index == 0
    assert saved.learner_audio == store.home / "audio" / str(session_id) / "0000-learner.wav"
    assert saved.reply_audio == store.home / "audio" / str(session_id) / "0000-reply.wav"
    learner = sf.info(saved.learner_audio)
    assert (learner.samplerate, learner.frames, learner.channels) == (16000, 24000, 1)
    assert learner.subtype == "PCM_16"
    reply = sf.info(saved.reply_audio)
    assert (reply.samplerate, reply.frames) == (22050, 44100)
    samples, _ = sf.read(saved.learner_audio, dtype="float32")
    assert np.allclose(samples, record.learner_pcm, atol=1 / 32767 + 1e-6)

    [turn] = store.turns(session_id)
    assert turn == store.get_turn(saved.turn_id)
    assert (turn.id, turn.session_id, turn.index) == (saved.turn_id, session_id, 0)
    assert turn.transcript == record.transcript and turn.reply == record.reply
    assert turn.words == record.words
    assert turn.models == record.models and turn.timings_ms == record.timings_ms
    assert turn.input_mode == "voice"
    assert (turn.learner_audio, turn.reply_audio) == (saved.learner_audio, saved.reply_audio)
    assert turn.started_at == record.started_at and turn.started_at.tzinfo is not None
    [fix] = turn.corrections
    assert (fix.original, fix.corrected, fix.kind, fix.source) == ("go", "went", "tense", "harper")
    assert (fix.start, fix.end) == (2, 4)


def test_audio_paths_are_stored_relative_to_the_data_folder(store: Store):
    session_id = store.start_session()
    store.save_turn(make_record(session_id))
    with store.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT learner_audio, reply_audio FROM turns").one()
    folder = f"audio/{session_id}"
    assert tuple(stored) == (f"{folder}/0000-learner.wav", f"{folder}/0000-reply.wav")


def test_turn_index_counts_up_per_session(store: Store):
    first, second = store.start_session(), store.start_session()
    assert [store.save_turn(make_record(first)).index for _ in range(3)] == [0, 1, 2]
    assert store.save_turn(make_record(second)).index == 0
    assert [t.index for t in store.turns(first)] == [0, 1, 2]
    names = [p.name for p in files_under(store.home / "audio" / str(first))]
    assert "0002-learner.wav" in names and "0002-reply.wav" in names


def test_typed_turn_and_muted_voice_save_no_audio(store: Store):
    session_id = store.start_session()
    saved = store.save_turn(
        make_record(session_id, input_mode="text", learner_pcm=None, reply_pcm=None, corrections=[])
    )
    assert (saved.learner_audio, saved.reply_audio) == (None, None)
    turn = store.get_turn(saved.turn_id)
    assert turn.input_mode == "text" and turn.corrections == []
    assert files_under(store.home / "audio") == []


def test_numpy_values_and_aware_times_are_stored_as_plain_utc(store: Store):
    session_id = store.start_session()
    local = datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    words = [
        {"text": "hi", "start": np.float32(0.5), "end": np.float64(0.75), "probability": np.float32(1)}
    ]
    saved = store.save_turn(make_record(session_id, words=words, started_at=local, ended_at=local))
    turn = store.get_turn(saved.turn_id)
    assert turn.started_at == datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
    assert turn.words == [{"text": "hi", "start": 0.5, "end": 0.75, "probability": 1.0}]


def test_bad_records_are_refused_before_anything_is_written(store: Store):
    session_id = store.start_session()
    with pytest.raises(ValueError):
        store.save_turn(make_record(session_id, input_mode="telepathy"))
    with pytest.raises(ValueError):
        store.save_turn(make_record(session_id, learner_pcm=np.zeros((100, 2), np.float32)))
    with pytest.raises(KeyError):
        store.save_turn(make_record(session_id + 99))
    assert row_counts(store.database_path)["turns"] == 0
    assert files_under(store.home / "audio") == []


def test_sessions_end_list_and_last(store: Store):
    assert store.last_session_id() is None and store.list_sessions() == []
    first = store.start_session()
    second = store.start_session("ordering food", "A2", "implicit")
    store.save_turn(make_record(second))
    store.end_session(second, {"turns": 1, "top_mistakes": ["tense"]})

    assert store.last_session_id() == second
    view = store.get_session(second)
    assert (view.scenario, view.level, view.correction_style) == ("ordering food", "A2", "implicit")
    assert view.ended_at is not None and view.ended_at >= view.started_at
    assert view.summary == {"turns": 1, "top_mistakes": ["tense"]} and view.turn_count == 1
    assert [(s.id, s.turn_count) for s in store.list_sessions()] == [(second, 1), (first, 0)]
    assert store.get_session(12345) is None and store.get_turn(12345) is None
    with pytest.raises(KeyError):
        store.end_session(12345)


def test_delete_session_removes_rows_and_audio(store: Store):
    kept, doomed = store.start_session(), store.start_session()
    store.save_turn(make_record(kept))
    store.save_turn(make_record(doomed))
    store.save_turn(make_record(doomed))

    assert store.delete_session(doomed) is True
    assert store.get_session(doomed) is None and store.turns(doomed) == []
    assert not (store.home / "audio" / str(doomed)).exists()
    assert row_counts(store.database_path) == {"sessions": 1, "turns": 1, "corrections": 1}
    assert len(files_under(store.home / "audio" / str(kept))) == 2
    assert store.delete_session(doomed) is False


def test_full_text_index_follows_inserts_and_deletes(store: Store):
    first, second = store.start_session(), store.start_session()
    store.save_turn(make_record(first, "I went swimming on Sunday"))
    store.save_turn(make_record(second, "My brother cooks dinner"))
    search = "SELECT rowid FROM turns_fts WHERE turns_fts MATCH ?"
    with store.engine.connect() as connection:
        assert len(connection.exec_driver_sql(search, ("swim",)).all()) == 1  # porter stemming
    store.delete_session(first)  # deletes turns by cascade, which fires the trigger
    with store.engine.begin() as connection:
        assert connection.exec_driver_sql(search, ("swim",)).all() == []
        assert len(connection.exec_driver_sql(search, ("cook",)).all()) == 1
        connection.exec_driver_sql("INSERT INTO turns_fts(turns_fts) VALUES ('integrity-check')")


def test_writes_take_the_write_lock_up_front(store: Store):
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    store.start_session()
    store.list_sessions()
    assert "BEGIN IMMEDIATE" in statements and "BEGIN" in statements


def test_store_works_from_a_worker_thread(store: Store):
    # The GUI opens the store on the main thread and writes on one worker.
    def work() -> tuple[int, str]:
        session_id = store.start_session()
        store.save_turn(make_record(session_id))
        return session_id, threading.current_thread().name

    with ThreadPoolExecutor(1, thread_name_prefix="db") as pool:
        session_id, name = pool.submit(work).result()
    assert name.startswith("db")
    assert len(store.turns(session_id)) == 1


def test_default_home_is_parley_home(parley_home: Path):
    with open_store() as store:
        session_id = store.start_session()
        saved = store.save_turn(make_record(session_id))
    assert store.home == parley_home
    assert (parley_home / "parley.sqlite3").is_file()
    assert saved.learner_audio.is_relative_to(parley_home) and saved.learner_audio.is_file()
