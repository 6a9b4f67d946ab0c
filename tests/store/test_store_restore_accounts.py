"""A restore accounts for every recording the backup's database refers to:
it restores each one, or names it and fails (issue 27, fault 3)."""

from __future__ import annotations

import sys
import tarfile
from pathlib import Path

from backup_helpers import practice, sound_backup

from app.store import open_store
from app.store.backup import restore

sys.path.insert(0, str(Path(__file__).parents[1]))
from cli_helpers import run_app  # noqa: E402

CHECKSUM = slice(148, 156)  # a tar header's checksum field


def damaged_header(archive: Path, out: Path, nth_recording: int) -> list[str]:
    """Copy ``archive`` with the header of its nth recording damaged; the names
    of that recording and every one after it (a tar read stops there)."""
    with tarfile.open(archive) as tar:
        recordings = [m for m in tar.getmembers() if m.name.startswith("audio/")]
    data = bytearray(archive.read_bytes())
    start = recordings[nth_recording].offset  # its first header block (PAX or plain)
    data[start + CHECKSUM.start:start + CHECKSUM.stop] = b"9999999\0"
    out.write_bytes(bytes(data))
    return [m.name for m in recordings[nth_recording:]]


def test_a_damaged_header_names_every_recording_it_lost(tmp_path: Path):
    archive = sound_backup(tmp_path, sessions=2, turns=2)
    lost = damaged_header(archive, tmp_path / "damaged.tar", nth_recording=5)
    home = tmp_path / "home"
    done = restore(home, tmp_path / "damaged.tar")
    assert sorted(done.recordings_not_restored) == sorted(lost)
    assert done.recordings_restored == 8 - len(lost)
    assert done.turns_added == 4  # the turns themselves are all there

    cli = run_app("restore", str(tmp_path / "damaged.tar"), home=tmp_path / "other")
    assert cli.returncode != 0
    (line,) = cli.stderr.strip().splitlines()
    assert f"{len(lost)} recordings of the backup could not be restored" in line
    assert all(name in line for name in lost)


def test_a_later_sound_backup_puts_the_lost_recordings_back(tmp_path: Path):
    archive = sound_backup(tmp_path, sessions=1, turns=2)
    lost = damaged_header(archive, tmp_path / "damaged.tar", nth_recording=1)
    home = tmp_path / "home"
    assert len(restore(home, tmp_path / "damaged.tar").recordings_not_restored) == len(lost)
    again = restore(home, archive)
    assert again.recordings_not_restored == {} and again.recordings_restored == len(lost)
    with open_store(home) as store:
        (session,) = store.list_sessions()
        assert all(t.learner_audio.is_file() and t.reply_audio.is_file()
                   for t in store.turns(session.id))


def test_recordings_gone_before_the_backup_are_not_called_lost(tmp_path: Path):
    source = tmp_path / "source"
    practice(source, sessions=1, turns=1)
    with open_store(source) as store:
        (turn,) = store.turns(store.list_sessions()[0].id)
    turn.reply_audio.unlink()
    from app.store.backup import backup

    backup(source, tmp_path / "b.tar")
    done = restore(tmp_path / "home", tmp_path / "b.tar")
    assert done.recordings_not_restored == {} and done.recordings_restored == 1
