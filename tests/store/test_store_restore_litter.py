"""A backup or restore that was killed leaves its scratch folder behind; the
next one removes it, and never one still in use (issue 27, fault 5)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from backup_helpers import practice, sound_backup

from app.store.backup import backup, restore

needs_posix = pytest.mark.skipif(os.name != "posix", reason="process ids checked with kill(0)")


def gone_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def left_behind(home: Path, name: str, age_seconds: float = 0) -> Path:
    folder = home / name
    (folder / "audio").mkdir(parents=True)
    (folder / "parley.sqlite3").write_bytes(b"a half-copied database")
    (folder / "audio" / "0.wav").write_bytes(b"RIFF")
    stamp = time.time() - age_seconds
    os.utime(folder, (stamp, stamp))
    return folder


@needs_posix
def test_a_restore_removes_the_folders_killed_runs_left(tmp_path: Path):
    archive = sound_backup(tmp_path)
    home = tmp_path / "home"
    practice(home)
    killed = [left_behind(home, f".restore-{gone_pid()}-x1y2z3"),
              left_behind(home, f".backup-{gone_pid()}-a1b2c3"),
              left_behind(home, ".restore-k2j3h4l5", age_seconds=2 * 3600)]  # an older Parley's
    in_use = [left_behind(home, f".restore-{os.getppid()}-q9w8e7"),  # a live process's
              left_behind(home, ".restore-m5n6b7v8")]  # an older Parley's, just made
    restore(home, archive)
    assert [f for f in killed if f.exists()] == []
    assert all(f.is_dir() for f in in_use)
    assert not [p for p in home.iterdir() if p.name.startswith(".restore-")
                and p not in in_use]


@needs_posix
def test_a_backup_removes_them_too(tmp_path: Path):
    home = tmp_path / "home"
    practice(home)
    killed = left_behind(home, f".restore-{gone_pid()}-x1y2z3")
    backup(home, tmp_path / "b.tar")
    assert not killed.exists()
