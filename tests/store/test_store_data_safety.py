"""Recordings are never deleted on a guess; ids and turn numbers never reused."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
import soundfile as sf
from store_helpers import files_under, make_record

from app.store import open_store
from app.store.quarantine import NOTE_NAME, QUARANTINE_DIR, quarantined_files


def _two_turns(home: Path) -> tuple[int, list[Path]]:
    with open_store(home) as store:
        session_id = store.start_session()
        saved = [store.save_turn(make_record(session_id, f"turn {n}")) for n in range(2)]
    return session_id, [p for s in saved for p in (s.learner_audio, s.reply_audio)]


def test_a_missing_database_quarantines_recordings_and_putting_it_back_returns_them(
        tmp_path: Path):
    home = tmp_path / "home"
    session_id, recordings = _two_turns(home)
    original = [p.read_bytes() for p in recordings]
    moved = tmp_path / "parley-moved.sqlite3"
    (home / "parley.sqlite3").rename(moved)

    with open_store(home) as store:  # a new, empty database
        assert store.last_session_id() is None
        fresh = store.start_session()
    assert not any(p.exists() for p in recordings)
    kept = [path for _batch, path in quarantined_files(home)]
    assert sorted(p.read_bytes() for p in kept) == sorted(original)
    (batch,) = (home / QUARANTINE_DIR).iterdir()
    note = (batch / NOTE_NAME).read_text()
    assert f"audio/{session_id}/: session {session_id} is not in the database" in note
    assert "When: " in note
    assert fresh > session_id  # the id of the quarantined recordings is never handed out again

    (home / "parley.sqlite3").unlink()
    moved.rename(home / "parley.sqlite3")
    with open_store(home) as store:  # the old database is back: so are its recordings
        turns = store.turns(session_id)
        assert [t.learner_audio.read_bytes() for t in turns] == original[0::2]
        assert [t.reply_audio.read_bytes() for t in turns] == original[1::2]
    assert list(quarantined_files(home)) == []
    assert "moved back" in (batch / NOTE_NAME).read_text()


def test_an_older_database_copy_neither_reuses_ids_nor_overwrites_turns(tmp_path: Path):
    home = tmp_path / "home"
    with open_store(home) as store:
        first = store.start_session()
        store.save_turn(make_record(first, "kept in the old copy"))
    shutil.copy(home / "parley.sqlite3", tmp_path / "old.sqlite3")
    with open_store(home) as store:
        newer = store.save_turn(make_record(first, "only the newer database knows me"))
        second = store.start_session()
        store.save_turn(make_record(second, "a later session"))
    newer_bytes = newer.learner_audio.read_bytes()
    shutil.copy(tmp_path / "old.sqlite3", home / "parley.sqlite3")

    with open_store(home) as store:
        # Turn 1's recordings stay where they are; the next turn is number 2.
        again = store.save_turn(make_record(first, "said after the restore", learner_pcm=None))
        assert again.index == 2
        assert newer.learner_audio.read_bytes() == newer_bytes
        third = store.start_session()
        assert third > second
    # Session 2's folder was unknown to the old copy: quarantined, not deleted.
    assert any(f"audio/{second}/" in p.as_posix() for _b, p in quarantined_files(home))


def test_last_session_is_the_last_one_with_a_turn(tmp_path: Path):
    with open_store(tmp_path / "home") as store:
        talked = store.start_session()
        store.save_turn(make_record(talked))
        store.start_session()  # a turn that died before its commit leaves this
        assert store.last_session_id() == talked


def test_a_committed_save_succeeds_when_someone_else_finished_its_renames(
        tmp_path: Path, monkeypatch):
    from app.store import audio_files

    home = tmp_path / "home"
    publish = audio_files.publish
    with open_store(home) as store:
        session_id = store.start_session()

        def another_process_opens_first(staged):
            open_store(home).close()  # its recover moves our committed files into place
            assert not any(item.temp.exists() for item in staged)
            publish(staged)

        monkeypatch.setattr(audio_files, "publish", another_process_opens_first)
        saved = store.save_turn(make_record(session_id))
    assert sf.info(saved.learner_audio).frames == 24000
    assert list(quarantined_files(home)) == []


def test_a_failed_rename_after_commit_is_still_a_saved_turn(tmp_path: Path, monkeypatch):
    from app.store import audio_files

    home = tmp_path / "home"
    with open_store(home) as store:
        session_id = store.start_session()

        def broken(_staged):
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(audio_files, "publish", broken)
        saved = store.save_turn(make_record(session_id))
        assert not saved.learner_audio.exists()
    monkeypatch.undo()
    with open_store(home) as store:  # the next start finishes the move
        assert store.turns(session_id)[0].learner_audio.is_file()
    assert list(quarantined_files(home)) == []


def test_delete_session_that_fails_to_commit_keeps_its_recordings(tmp_path: Path, monkeypatch):
    from sqlalchemy.orm import SessionTransaction

    home = tmp_path / "home"
    with open_store(home) as store:
        session_id = store.start_session()
        saved = store.save_turn(make_record(session_id))

        def fail(_self, *args, **kwargs):
            raise RuntimeError("commit failed")

        monkeypatch.setattr(SessionTransaction, "commit", fail)
        with pytest.raises(RuntimeError):
            store.delete_session(session_id)
        monkeypatch.undo()
        assert saved.learner_audio.is_file()
        assert store.turns(session_id)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_folder_is_private_and_an_open_one_is_repaired(tmp_path: Path):
    home = tmp_path / "home"
    old = os.umask(0o022)
    try:
        _two_turns(home)
        mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
        paths = [home, *home.rglob("*")]
        assert {oct(mode(p)) for p in paths if p.is_dir()} == {"0o700"}
        assert {oct(mode(p)) for p in paths if p.is_file()} == {"0o600"}
        # An older Parley left everything readable by others.
        for p in paths:
            p.chmod(0o755 if p.is_dir() else 0o644)
        mine = home / "my-notes.txt"  # not Parley's: left as the learner set it
        mine.write_text("notes")
        mine.chmod(0o644)
        open_store(home).close()
        paths = [home, *home.rglob("*")]
        assert {oct(mode(p)) for p in paths if p.is_dir()} == {"0o700"}
        assert {oct(mode(p)) for p in paths if p.is_file() and p != mine} == {"0o600"}
        assert mode(mine) == 0o644
    finally:
        os.umask(old)


def test_uncommitted_staged_audio_is_quarantined_not_deleted(tmp_path: Path):
    home = tmp_path / "home"
    session_id, recordings = _two_turns(home)
    stray = recordings[0].parent / ".0007-learner.wav.deadbeef.partial"
    stray.write_bytes(b"half a recording")
    open_store(home).close()
    assert not stray.exists()
    (kept,) = [p for _b, p in quarantined_files(home)]
    assert kept.read_bytes() == b"half a recording"
    assert files_under(home / "audio") == sorted(recordings)
