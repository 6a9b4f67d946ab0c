"""A process killed in the middle of save_turn leaves a consistent store."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import soundfile as sf
from store_helpers import files_under

from app.store import open_store

# `model` tier: each test starts Parley (or pytest) in a child process, seconds each.
pytestmark = pytest.mark.model

HERE = Path(__file__).parent
REPO = HERE.parents[1]


def run_child_until(point: str, home: Path, ready: Path) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(HERE)]))
    child = subprocess.Popen(
        [sys.executable, str(HERE / "store_crash_child.py"), str(home), str(ready), point],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            if child.poll() is not None:
                pytest.fail(f"child exited early ({child.returncode}): {child.stderr.read()}")
            if time.monotonic() > deadline:
                pytest.fail("child never reached the crash point")
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stderr:
            child.stderr.close()
    assert child.returncode == -signal.SIGKILL


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize("point", ["before_commit", "before_rename"])
def test_sigkill_mid_save(tmp_path: Path, point: str):
    home = tmp_path / "home"
    run_child_until(point, home, tmp_path / "ready")
    first = json.loads((home / "first.json").read_text())
    # The kill really did leave the second turn's WAVs half-way (staged, not in place).
    assert len([p for p in files_under(home / "audio") if p.name.endswith(".partial")]) == 2

    with open_store(home) as store:
        turns = store.turns(first["session_id"])
        assert turns[0].id == first["turn_id"]
        assert turns[0].transcript == "My first turn is safe"
        assert sf.info(turns[0].learner_audio).frames == 24000
        assert sf.info(turns[0].reply_audio).frames == 44100
        expected = [t.learner_audio for t in turns] + [t.reply_audio for t in turns]
        if point == "before_commit":
            # Nothing of the second turn: no rows, no partial files.
            assert len(turns) == 1
        else:
            # Committed before the kill: open_store finishes moving its audio in.
            assert [t.transcript for t in turns][1] == "The second turn never finishes"
            assert all(sf.info(path).frames > 0 for path in expected)
        assert files_under(home / "audio") == sorted(expected)
        database = store.database_path

    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.execute("INSERT INTO turns_fts(turns_fts) VALUES ('integrity-check')")
