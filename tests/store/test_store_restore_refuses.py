"""A restore refuses what it cannot trust in one line, and changes nothing then.

Real archives, each built from a real backup and then damaged or crafted as a
hostile or unlucky user would (issue 27, faults 2, 4 and 11).
"""

from __future__ import annotations

import errno
import io
import os
import sys
import tarfile
from pathlib import Path

import pytest
from backup_helpers import (DATABASE, as_kind, database_with, folder_state, practice, rebuilt,
                            sound_backup)

from app.errors import ParleyError, StorageError
from app.store import audio_files
from app.store.backup import restore

sys.path.insert(0, str(Path(__file__).parents[1]))
from cli_helpers import run_app  # noqa: E402

GIGABYTE = 1 << 30


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A data folder that already holds practice of its own."""
    folder = tmp_path / "home"
    practice(folder, sessions=1, turns=1)
    return folder


def refused(home: Path, archive: Path, match: str) -> ParleyError:
    before = folder_state(home)
    with pytest.raises(ParleyError, match=match) as caught:
        restore(home, archive)
    assert "\n" not in str(caught.value)
    assert folder_state(home) == before
    return caught.value


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.DIRTYPE, tarfile.FIFOTYPE,
                                  tarfile.LNKTYPE], ids=["symlink", "folder", "fifo", "hardlink"])
def test_a_database_member_that_is_not_a_file_is_refused(tmp_path, home, kind):
    archive = rebuilt(sound_backup(tmp_path), tmp_path / "odd.tar", lambda info, data: [
        as_kind(info, kind) if info.name == DATABASE else (info, data)])
    refused(home, archive, "the database in .* is (a link|a folder|a FIFO), not a file")


@pytest.mark.model  # starts Parley in a child process
def test_a_database_member_that_is_a_symlink_is_one_line_on_the_command_line(tmp_path, home):
    archive = rebuilt(sound_backup(tmp_path), tmp_path / "link.tar", lambda info, data: [
        as_kind(info, tarfile.SYMTYPE) if info.name == DATABASE else (info, data)])
    done = run_app("restore", str(archive), home=home)
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("parley: ") and "not a file" in line


@pytest.mark.parametrize("sql, match", [
    (["DROP TABLE alembic_version"], "records no schema revision"),
    (["UPDATE alembic_version SET version_num = '0002_review'"],
     "does not match its schema revision 0002_review"),
    (["ALTER TABLE drills DROP COLUMN reason"], "lacks drills.reason"),
    (["DROP TABLE learner_settings"], "lacks learner_settings"),
], ids=["no-alembic-version", "older-revision-newer-schema", "no-column", "no-table"])
def test_a_database_that_does_not_match_its_schema_is_refused(tmp_path, home, sql, match):
    archive = database_with(sound_backup(tmp_path), tmp_path / "odd.tar", tmp_path, sql)
    refused(home, archive, match)


def _sparse_recording(name: str, declared: int) -> tuple[tarfile.TarInfo, bytes]:
    """A GNU sparse member: 512 bytes stored, ``declared`` bytes when read."""
    info = tarfile.TarInfo(name)
    info.pax_headers = {"GNU.sparse.size": str(declared), "GNU.sparse.map": "0,512",
                        "GNU.sparse.name": name}
    return info, b"RIFF\0\0\0\0WAVE" + bytes(500)


def test_a_sparse_bomb_is_refused_before_it_is_written(tmp_path, home):
    def bomb(info, data):
        if info.name.endswith("0000-learner.wav"):
            return [_sparse_recording(info.name, GIGABYTE)]
        return [(info, data)]

    archive = rebuilt(sound_backup(tmp_path), tmp_path / "bomb.tar", bomb)
    assert archive.stat().st_size < 1_000_000  # the other recordings and the database
    done = restore(home, archive)
    (name,) = done.recordings_not_restored
    assert name.endswith("0000-learner.wav")
    assert "more than a recording can be" in done.recordings_not_restored[name]
    written = sum(p.stat().st_size for p in home.rglob("*") if p.is_file())
    assert written < 50_000_000
    assert done.recordings_restored == 3 and done.turns_added == 2


def test_a_recording_that_is_not_a_wav_is_not_restored_and_is_named(tmp_path, home):
    archive = rebuilt(sound_backup(tmp_path), tmp_path / "text.tar", lambda info, data: [
        (info, b"#!/bin/sh\necho not a recording\n" if info.name.endswith("0001-reply.wav")
         else data)])
    done = restore(home, archive)
    assert list(done.recordings_not_restored.values()) == ["not a WAV recording"]
    assert done.recordings_restored == 3
    assert not any(b"not a recording" in p.read_bytes() for p in home.rglob("*.wav"))


def test_a_restore_larger_than_the_free_space_is_refused_first(tmp_path, home, monkeypatch):
    archive = sound_backup(tmp_path)
    monkeypatch.setattr("app.store.restore_checks._free_bytes", lambda _home: 1_000_000)
    error = refused(home, archive, "not enough disk space to restore this backup")
    assert isinstance(error, StorageError) and "free some disk space" in error.fix


def test_a_full_disk_during_a_restore_says_the_restore_failed(tmp_path, home, monkeypatch):
    archive = sound_backup(tmp_path)
    real_open = audio_files._new_private_file

    class Full(io.RawIOBase):
        def __init__(self, path: Path) -> None:
            self.handle = real_open(path)

        def write(self, data) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def close(self) -> None:
            self.handle.close()
            super().close()

    monkeypatch.setattr(audio_files, "_new_private_file", Full)
    error = refused(home, archive, "The disk is full, so Parley could not restore the backup")
    assert "save this turn" not in str(error) and str(home) in error.fix


def test_the_largest_recording_is_above_an_hour_of_speech_at_16_khz():
    from app.store.restore_checks import MAX_RECORDING_BYTES

    # A long learner turn must never be refused as a bomb.
    assert MAX_RECORDING_BYTES > 60 * 60 * 16_000 * 2
