"""Fault injection: each experiment of issue 13 on a real store, through the
real command line, in a real subprocess where a crash (SIGKILL) is involved.

(Crashes at the two moments of a save are in tests/store/test_store_crash.py.)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE.parent / "store"))
sys.path.insert(0, str(HERE.parent))

from cli_helpers import run_app  # noqa: E402
from store_helpers import files_under, make_record  # noqa: E402

from app.store import open_store  # noqa: E402
from app.store.quarantine import quarantined_files  # noqa: E402

# `model` tier: each test starts Parley (or pytest) in a child process, seconds each.
pytestmark = pytest.mark.model

needs_sigkill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def start_child(home: Path, ready: Path, experiment: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(HERE)]))
    child = subprocess.Popen(
        [sys.executable, str(HERE / "fault_child.py"), str(home), str(ready), experiment],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not ready.exists():
        if child.poll() is not None:
            pytest.fail(f"child exited early ({child.returncode}): {child.stderr.read()}")
        if time.monotonic() > deadline:
            child.kill()
            pytest.fail("child never reached the fault")
        time.sleep(0.02)
    return child


def kill(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL


def two_turns(home: Path) -> tuple[int, dict[Path, bytes]]:
    with open_store(home) as store:
        session_id = store.start_session()
        saved = [store.save_turn(make_record(session_id, f"turn {n}")) for n in range(2)]
    paths = [p for s in saved for p in (s.learner_audio, s.reply_audio)]
    return session_id, {p: p.read_bytes() for p in paths}


@pytest.mark.parametrize("how", ["moved", "emptied"])
def test_database_moved_or_emptied_then_export_last_loses_no_recording(tmp_path, how):
    # Issue 13, fault 1: before the fix, this export deleted every recording.
    home = tmp_path / "home"
    session_id, recordings = two_turns(home)
    database = home / "parley.sqlite3"
    kept_db = tmp_path / "parley-moved.sqlite3"
    database.rename(kept_db)
    if how == "emptied":
        database.write_bytes(b"")

    done = run_app("export", "--session", "last", home=home)
    assert done.returncode == 2 and done.stderr.strip() == "parley: no sessions saved yet"
    quarantined = {p.relative_to(b).as_posix(): p.read_bytes() for b, p in quarantined_files(home)}
    assert quarantined == {p.relative_to(home).as_posix(): data for p, data in recordings.items()}
    report = json.loads(run_app("doctor", "--check-data", "--json", home=home).stdout)
    assert len(report["quarantined_audio"]) == 4
    note = Path(report["quarantined_audio"][0]["note"]).read_text()
    assert f"session {session_id} is not in the database" in note

    database.unlink()
    kept_db.rename(database)  # the learner puts the database back
    done = run_app("export", "--session", "last", "--format", "json", home=home)
    assert done.returncode == 0, done.stderr
    assert all(p.read_bytes() == data for p, data in recordings.items())


@needs_sigkill
def test_first_turn_killed_before_commit_does_not_become_last(tmp_path):
    home = tmp_path / "home"
    session_id, _ = two_turns(home)
    kill(start_child(home, tmp_path / "ready", "first_turn_before_commit"))
    done = run_app("export", "--session", "last", "--format", "json", home=home)
    assert done.returncode == 0, done.stderr
    exported = json.loads(done.stdout)
    assert exported["session"]["id"] == session_id and len(exported["turns"]) == 2
    # Its staged audio was kept aside, not deleted.
    assert [p.name.endswith(".partial") for _b, p in quarantined_files(home)] == [True, True]


def test_store_opened_between_commit_and_renames_saver_reports_success(tmp_path):
    home = tmp_path / "home"
    two_turns(home)
    child = start_child(home, tmp_path / "ready", "after_commit_wait")
    try:
        with open_store(home) as store:  # recovers: moves the committed files in place
            (turn,) = [t for t in store.turns(1) if t.transcript == "committed, renamed late"]
            assert turn.learner_audio.is_file() and turn.reply_audio.is_file()
        (home / "go").write_text("go")
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
    assert json.loads(out)["turn_id"] == turn.id
    assert list(quarantined_files(home)) == []


@needs_sigkill
@pytest.mark.parametrize("moment", ["delete_before_commit", "delete_after_commit"])
def test_delete_session_killed_mid_way(tmp_path, moment):
    home = tmp_path / "home"
    session_id, recordings = two_turns(home)
    assert session_id == 1
    kill(start_child(home, tmp_path / "ready", moment))
    with open_store(home) as store:
        if moment == "delete_before_commit":  # never committed: all of it is back
            assert len(store.turns(1)) == 2
            assert all(p.read_bytes() == data for p, data in recordings.items())
        else:  # committed: the learner asked for it to go, and it is gone
            assert store.get_session(1) is None
            assert files_under(home / "audio") == []
    assert list(quarantined_files(home)) == []


def test_damaged_database_one_line_that_keeps_recordings(tmp_path):
    home = tmp_path / "home"
    _, recordings = two_turns(home)
    database = home / "parley.sqlite3"
    data = bytearray(database.read_bytes())
    data[:16] = b"this is not sql\0"  # the header: SQLite says "not a database"
    database.write_bytes(bytes(data))

    done = run_app("export", "--session", "last", home=home)
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert "is damaged" in line and "python -m app restore" in line and "are kept" in line
    doctor = run_app("doctor", home=home)
    assert doctor.returncode != 0
    (line,) = doctor.stderr.strip().splitlines()
    assert line.startswith("parley: The practice database") and "damaged" in line
    assert all(p.read_bytes() == data for p, data in recordings.items())

    # The advice itself: rename the file and start again. Nothing is lost.
    database.rename(home / "parley-damaged.sqlite3")
    assert run_app("export", "--session", "last", home=home).returncode == 2
    assert sorted(p.read_bytes() for _b, p in quarantined_files(home)) == sorted(
        recordings.values())
    assert run_app("doctor", home=home).returncode == 0


def test_doctor_finds_damaged_pages(tmp_path):
    home = tmp_path / "home"
    with open_store(home) as store:
        session_id = store.start_session()
        for n in range(60):
            store.save_turn(make_record(session_id, f"turn number {n} " * 40, learner_pcm=None,
                                        reply_pcm=None))
    database = home / "parley.sqlite3"
    data = bytearray(database.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 3 * page):  # scribble over b-tree pages
        data[start + 8:start + 200] = os.urandom(192)
    database.write_bytes(bytes(data))
    done = run_app("doctor", home=home)
    assert done.returncode != 0
    (line,) = done.stderr.strip().splitlines()
    assert "damaged" in line and "restore" in line
    assert run_app("doctor", "--check-data", home=home).returncode == 1


@needs_sigkill
@pytest.mark.parametrize("moment", ["restore_before_commit", "restore_after_commit"])
def test_restore_killed_mid_way_loses_nothing_and_can_be_rerun(tmp_path, moment):
    from app.store.backup import backup, restore

    source = tmp_path / "source"
    two_turns(source)
    two_turns(source)
    backup(source, tmp_path / "backup.tar")
    home = tmp_path / "home"
    _, recordings = two_turns(home)  # the data already here
    kill(start_child(home, tmp_path / "ready", moment))
    with open_store(home) as store:
        sessions = store.list_sessions()
        # Each restored session is whole: its turns and every recording in place.
        assert all(t.learner_audio.is_file() and t.reply_audio.is_file()
                   for s in sessions for t in store.turns(s.id))
    assert all(p.read_bytes() == data for p, data in recordings.items())
    # Killed in the second session's transaction: the first is in; the second's
    # staged copies were set aside. Killed before the first session's renames:
    # the next open moved its recordings into place.
    assert len(sessions) == 2
    staged_aside = 4 if moment == "restore_before_commit" else 0
    assert len(list(quarantined_files(home))) == staged_aside

    done = restore(home, tmp_path / "backup.tar")  # run again: it completes
    assert (done.sessions_merged, done.sessions_added, done.turns_added) == (1, 1, 2)
    with open_store(home) as store:
        sessions = store.list_sessions()
        assert sorted(s.turn_count for s in sessions) == [2, 2, 2]
        assert all(t.learner_audio.is_file() for s in sessions for t in store.turns(s.id))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_every_file_the_command_line_writes_is_private(tmp_path):
    import stat

    home = tmp_path / "home"
    two_turns(home)
    for path in [home, *home.rglob("*")]:  # as an older Parley left it
        path.chmod(0o755 if path.is_dir() else 0o644)
    out, archive = tmp_path / "session.md", tmp_path / "parley.backup"
    old = os.umask(0o022)  # a typical login umask in the calling shell
    try:
        assert run_app("export", "--session", "last", "-o", str(out), home=home).returncode == 0
        assert run_app("backup", str(archive), home=home).returncode == 0
        assert run_app("restore", str(archive), home=tmp_path / "new").returncode == 0
    finally:
        os.umask(old)
    written = [out, archive, *(tmp_path / "new").rglob("*"), *home.rglob("*")]
    modes = {p: stat.S_IMODE(p.stat().st_mode) for p in [home, tmp_path / "new", *written]}
    assert {oct(m) for p, m in modes.items() if p.is_dir()} == {"0o700"}
    assert {oct(m) for p, m in modes.items() if p.is_file()} == {"0o600"}


def test_restore_is_a_way_out_of_a_damaged_database(tmp_path):
    home, archive = tmp_path / "home", tmp_path / "parley.backup"
    session_id, recordings = two_turns(home)
    assert run_app("backup", str(archive), home=home).returncode == 0
    database = home / "parley.sqlite3"
    damaged_bytes = b"this is not sql\0" + database.read_bytes()[16:]
    database.write_bytes(damaged_bytes)
    assert "damaged" in run_app("export", "--session", "last", home=home).stderr

    done = run_app("restore", str(archive), "--json", home=home)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    kept = Path(summary["damaged_database_kept_as"])
    assert kept.read_bytes() == damaged_bytes  # set aside, not deleted
    assert summary["turns_added"] == 2
    exported = run_app("export", "--session", "last", "--format", "json", home=home)
    assert exported.returncode == 0, exported.stderr
    assert [t["transcript"] for t in json.loads(exported.stdout)["turns"]] == ["turn 0", "turn 1"]
    # The damaged database's recordings: quarantined, still byte for byte.
    assert sorted(p.read_bytes() for _b, p in quarantined_files(home)) == sorted(
        recordings.values())
    assert run_app("doctor", home=home).returncode == 0


def test_doctor_does_not_call_a_busy_database_damaged(tmp_path):
    import sqlite3

    home = tmp_path / "home"
    two_turns(home)
    holder = sqlite3.connect(home / "parley.sqlite3", isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=DELETE")
        holder.execute("BEGIN EXCLUSIVE")  # another program is in the middle of a write
        done = run_app("doctor", home=home)
    finally:
        holder.close()
    assert done.returncode == 0, done.stderr
    assert "Database:" in done.stdout


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE (POSIX)")
def test_a_write_that_really_fails_saves_nothing_half_and_keeps_the_rest(tmp_path):
    import sqlite3

    home = tmp_path / "home"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(HERE)]))
    child = subprocess.run(
        [sys.executable, str(HERE / "fault_child.py"), str(home), str(tmp_path / "ready"),
         "write_limit"], env=env, capture_output=True, text=True, timeout=120)
    assert child.returncode == 3, child.stderr
    (line,) = child.stdout.strip().splitlines()
    assert "Parley could not write" in line and "File too large" in line
    with open_store(home) as store:
        (turn,) = store.turns(1)
        assert turn.transcript == "saved before the drive filled up"
        assert files_under(home / "audio") == sorted([turn.learner_audio, turn.reply_audio])
    assert list(quarantined_files(home)) == []  # the failed save cleaned up after itself
    with sqlite3.connect(home / "parley.sqlite3") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
