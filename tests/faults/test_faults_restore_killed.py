"""A restore killed mid-way (SIGKILL, a real subprocess) leaves its scratch
folder; the next restore removes it (issue 27, fault 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_faults import kill, needs_sigkill, start_child, two_turns

from app.store.backup import backup, restore

# `model` tier: each test starts Parley (or pytest) in a child process, seconds each.
pytestmark = pytest.mark.model


@needs_sigkill
def test_a_killed_restore_leaves_no_scratch_folder_for_good(tmp_path: Path):
    source = tmp_path / "source"
    two_turns(source)
    two_turns(source)
    backup(source, tmp_path / "backup.tar")
    home = tmp_path / "home"
    two_turns(home)
    kill(start_child(home, tmp_path / "ready", "restore_before_commit"))
    assert [p.name for p in home.glob(".restore-*")] != []  # what the kill left
    restore(home, tmp_path / "backup.tar")
    assert list(home.glob(".restore-*")) == []
