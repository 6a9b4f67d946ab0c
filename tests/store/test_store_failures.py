"""A failure anywhere in save_turn leaves no rows and no files behind."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event
from store_helpers import files_under, make_record, row_counts, store  # noqa: F401

from app.errors import StorageError
from app.store import Store, audio_files, open_store
from app.store.failures import SQLITE_FULL, sqlite_code, storage_error
from app.store.views import turn_row


def assert_nothing_saved(store: Store, session_id: int) -> None:
    assert row_counts(store.database_path) == {"sessions": 1, "turns": 0, "corrections": 0}
    assert files_under(store.home / "audio") == []
    assert store.turns(session_id) == []


def test_failure_after_staging_audio_rolls_everything_back(store: Store, monkeypatch):
    session_id = store.start_session()
    staged_files: list[list[Path]] = []

    def broken_insert(self, session, record, index, learner, reply):
        staged_files.append(files_under(self.home / "audio"))
        session.add(turn_row(record, index, learner, reply))
        session.flush()  # the rows are in the transaction ...
        raise RuntimeError("power cut")  # ... when it dies

    monkeypatch.setattr(Store, "_insert_turn", broken_insert)
    with pytest.raises(RuntimeError, match="power cut"):
        store.save_turn(make_record(session_id))
    assert len(staged_files[0]) == 2  # both WAVs really were written first
    assert all(p.name.endswith(".partial") for p in staged_files[0])
    assert_nothing_saved(store, session_id)


def test_disk_full_while_writing_audio_is_a_storage_error(store: Store, monkeypatch):
    session_id = store.start_session()
    real_write = audio_files._write_synced
    calls = []

    def fill_disk(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:  # the learner WAV fits, the reply WAV does not
            path.write_bytes(data[:100])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real_write(path, data)

    monkeypatch.setattr(audio_files, "_write_synced", fill_disk)
    with pytest.raises(StorageError) as caught:
        store.save_turn(make_record(session_id))
    assert "free some disk space" in caught.value.fix and str(store.home) in caught.value.fix
    assert isinstance(caught.value.__cause__, OSError)
    assert_nothing_saved(store, session_id)


def test_database_full_is_a_storage_error(store: Store):
    session_id = store.start_session()
    store.save_turn(make_record(session_id))
    store.delete_session(session_id)
    session_id = store.start_session()

    # Cap the database at its current size: the next big insert hits SQLITE_FULL,
    # exactly as a full disk would.
    def cap(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(store.engine, "connect", cap)
    store.engine.dispose()
    with pytest.raises(StorageError) as caught:
        store.save_turn(make_record(session_id, "word " * 200_000))
    assert "disk is full" in caught.value.problem
    assert sqlite_code(caught.value.__cause__) == SQLITE_FULL
    assert "free some disk space" in str(caught.value)
    event.remove(store.engine, "connect", cap)
    store.engine.dispose()
    assert_nothing_saved(store, session_id)


def test_a_first_turn_that_does_not_fit_leaves_no_session(store: Store, monkeypatch):
    # Issue 27, fault 12: the new session's row was committed before the turn failed.
    def fill_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(audio_files, "_write_synced", fill_disk)
    with pytest.raises(StorageError):
        store.save_turn(make_record(0), new_session={"scenario": "Café", "level": "A2",
                                                     "correction_style": "gentle"})
    assert row_counts(store.database_path) == {"sessions": 0, "turns": 0, "corrections": 0}
    monkeypatch.undo()
    saved = store.save_turn(make_record(0), new_session={"scenario": "Café", "level": "A2",
                                                         "correction_style": "gentle"})
    (session,) = store.list_sessions()
    assert (session.id, session.scenario, session.turn_count) == (saved.session_id, "Café", 1)


def test_unwritable_audio_folder_is_a_storage_error(store: Store, monkeypatch):
    session_id = store.start_session()

    def denied(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(audio_files, "_write_synced", denied)
    with pytest.raises(StorageError, match="PARLEY_HOME"):
        store.save_turn(make_record(session_id))
    assert_nothing_saved(store, session_id)


def test_sqlite_errors_are_recognised_by_code_not_text(tmp_path: Path):
    full = sqlite3.OperationalError("some message in another language")
    full.sqlite_errorcode = SQLITE_FULL
    assert "disk space" in storage_error(full, tmp_path).fix
    readonly = sqlite3.OperationalError("x")
    readonly.sqlite_errorcode = 8 | (1 << 8)  # SQLITE_READONLY_RECOVERY: extended code
    assert "PARLEY_HOME" in storage_error(readonly, tmp_path).fix
    assert storage_error(sqlite3.OperationalError("database or disk is full"), tmp_path) is None
    assert storage_error(ValueError("nope"), tmp_path) is None


def test_data_folder_that_cannot_be_created_is_a_storage_error(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError):
        open_store(blocker / "home")


def test_open_finishes_or_undoes_interrupted_audio_writes(tmp_path: Path):
    home = tmp_path / "home"
    with open_store(home) as store:
        kept, doomed = store.start_session(), store.start_session()
        saved = store.save_turn(make_record(kept))
        store.save_turn(make_record(doomed))
        store.delete_session(doomed)
    folder = saved.learner_audio.parent
    # A crash between commit and rename: the row exists, the file is still partial.
    committed = folder / f".{saved.learner_audio.name}.0a1b2c3d.partial"
    saved.learner_audio.rename(committed)
    # A crash before commit: nothing refers to this one.
    (folder / ".0001-learner.wav.deadbeef.partial").write_bytes(b"half")
    # A crash in delete_session after the commit: the folder outlived its rows.
    (home / "audio" / str(doomed)).mkdir()
    (home / "audio" / str(doomed) / "0000-learner.wav").write_bytes(b"old")

    with open_store(home) as store:
        assert saved.learner_audio.is_file() and saved.reply_audio.is_file()
        assert files_under(home / "audio") == sorted([saved.learner_audio, saved.reply_audio])
        assert store.turns(kept)[0].learner_audio == saved.learner_audio
