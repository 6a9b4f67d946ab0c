"""backup FILE / restore FILE: one archive; a restore merges and never deletes."""

from __future__ import annotations

import json
import os
import stat
import sys
import tarfile
from pathlib import Path

import pytest
from store_helpers import files_under, make_record

from app.errors import ParleyError
from app.store import open_store
from app.store.backup import backup, restore

sys.path.insert(0, str(Path(__file__).parents[1]))
from cli_helpers import run_app  # noqa: E402


def _practice(home: Path, sessions: int = 2, turns: int = 2) -> list[int]:
    with open_store(home) as store:
        ids = []
        for s in range(sessions):
            session_id = store.start_session(f"scenario {s}")
            for t in range(turns):
                store.save_turn(make_record(session_id, f"session {s} turn {t}"))
            ids.append(session_id)
        entry = store.correction_entries()[0]
        from app.store import DrillRecord
        from app.store.models import utc_now

        store.add_drills([DrillRecord(entry.correction.id, "tense", "I go", "I went", "past",
                                      utc_now(), {})])
    return ids


def _everything(home: Path) -> dict:
    """Every session's turns with their recordings' bytes, keyed by what they are."""
    with open_store(home) as store:
        found = {}
        for view in store.list_sessions():
            for turn in store.turns(view.id):
                found[(view.scenario, view.started_at, turn.transcript)] = (
                    turn.learner_audio.read_bytes() if turn.learner_audio else None,
                    turn.reply_audio.read_bytes() if turn.reply_audio else None,
                    [(c.original, c.corrected) for c in turn.corrections])
        drills = [(d.prompt, d.target) for d in store.drills()]
        return {"turns": found, "drills": sorted(drills)}


def test_backup_then_restore_into_an_empty_folder_gives_everything_back(tmp_path: Path):
    home, archive = tmp_path / "home", tmp_path / "parley.backup"
    _practice(home)
    summary = backup(home, archive)
    assert (summary.sessions, summary.turns, summary.recordings) == (2, 4, 8)
    if os.name == "posix":
        assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "parley.sqlite3" in names and "parley-backup.json" in names
    assert sum(n.startswith("audio/") for n in names) == 8

    elsewhere = tmp_path / "new-laptop"
    done = restore(elsewhere, archive)
    assert (done.sessions_added, done.turns_added, done.recordings_restored) == (2, 4, 8)
    assert done.drills_added == 1 and done.renumbered == {}
    assert _everything(elsewhere) == _everything(home)


def test_restore_merges_renumbers_clashing_ids_and_deletes_nothing(tmp_path: Path):
    home, archive = tmp_path / "home", tmp_path / "parley.backup"
    _practice(home, sessions=2)
    backup(home, archive)
    other = tmp_path / "other"
    _practice(other, sessions=1)  # its session 1 is not the backup's session 1
    before = _everything(other)
    files_before = {p: p.read_bytes() for p in files_under(other / "audio")}

    done = restore(other, archive)
    assert done.sessions_added == 2 and done.sessions_merged == 0
    assert done.renumbered == {1: 2, 2: 3}  # the backup's ids 1 and 2 were taken here
    after = _everything(other)
    assert before["turns"].items() <= after["turns"].items()
    assert set(after["turns"]) == set(before["turns"]) | set(_everything(home)["turns"])
    assert all(p.read_bytes() == data for p, data in files_before.items())  # nothing overwritten

    again = restore(other, archive)  # the same backup twice adds nothing
    assert (again.sessions_added, again.turns_added, again.recordings_restored) == (0, 0, 0)
    assert again.sessions_merged == 2 and again.turns_already_here == 4
    assert again.drills_added == 0
    assert _everything(other) == after


def test_restore_adds_missing_turns_and_puts_back_lost_recordings(tmp_path: Path):
    home, archive = tmp_path / "home", tmp_path / "parley.backup"
    (session_id,) = _practice(home, sessions=1, turns=2)
    backup(home, archive)
    with open_store(home) as store:
        turns = store.turns(session_id)
        later = store.save_turn(make_record(session_id, "said after the backup"))
        store.delete_session(session_id)  # "lost" everything but will get it back
    with open_store(home) as store:
        assert store.list_sessions() == []
    done = restore(home, archive)
    assert done.sessions_added == 1 and done.turns_added == 2
    with open_store(home) as store:
        # Session 1 was deleted here, so its id is used: the backup's session is renumbered.
        (view,) = store.list_sessions()
        assert view.id == done.renumbered[session_id]
        restored = store.turns(view.id)
        assert [t.transcript for t in restored] == [t.transcript for t in turns]
        assert all(t.learner_audio.is_file() for t in restored)
    assert later.turn_id  # (the turn after the backup is not in it, by design)

    # A recording that went missing from a turn that is still here comes back.
    restored[0].learner_audio.unlink()
    done = restore(home, archive)
    assert done.turns_added == 0 and done.recordings_restored == 1
    assert restored[0].learner_audio.is_file()


def test_backup_and_restore_refuse_bad_files_in_one_line(tmp_path: Path):
    home = tmp_path / "home"
    _practice(home, sessions=1, turns=1)
    archive = tmp_path / "b.tar"
    backup(home, archive)
    with pytest.raises(ParleyError, match="already exists"):
        backup(home, archive)
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"not a tar file at all")
    with pytest.raises(ParleyError, match="not a Parley backup"):
        restore(home, junk)
    with pytest.raises(ParleyError, match="no backup file"):
        restore(home, tmp_path / "missing.tar")
    cut = tmp_path / "cut.tar"  # a copy that stopped half-way through the recordings
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size - 30_000])
    fresh = tmp_path / "fresh"
    with pytest.raises(ParleyError, match="damaged or incomplete"):
        restore(fresh, cut)
    with open_store(fresh) as store:
        assert store.list_sessions() == []
    assert files_under(fresh / "audio") == []


@pytest.mark.model  # starts Parley in a child process
def test_backup_and_restore_on_the_command_line(tmp_path: Path):
    home, archive = tmp_path / "home", tmp_path / "cli.backup"
    _practice(home, sessions=1, turns=1)
    done = run_app("backup", str(archive), home=home)
    assert done.returncode == 0, done.stderr
    assert "Backed up 1 sessions, 1 turns and 2 recordings" in done.stdout
    restored = run_app("restore", str(archive), "--json", home=tmp_path / "fresh")
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["turns_added"] == 1
    again = run_app("backup", str(archive), home=home)
    assert again.returncode == 2
    (line,) = again.stderr.strip().splitlines()
    assert line.startswith("parley: ") and "already exists" in line


def test_a_recording_already_missing_is_counted_and_the_turn_still_restored(tmp_path: Path):
    home, archive = tmp_path / "home", tmp_path / "b.tar"
    (session_id,) = _practice(home, sessions=1, turns=1)
    with open_store(home) as store:
        store.turns(session_id)[0].learner_audio.unlink()
    summary = backup(home, archive)
    assert (summary.recordings, summary.missing_recordings) == (1, 1)
    restore(tmp_path / "fresh", archive)
    with open_store(tmp_path / "fresh") as store:
        (turn,) = store.turns(session_id)
        assert turn.learner_audio is None and turn.reply_audio.is_file()
