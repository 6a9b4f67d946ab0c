"""`doctor --check-data` on a data folder it may not read (issue 27, fault 10):
it names the permission problem and compares nothing, instead of calling a
saved turn's recordings orphaned.

Tests run as root, where permission bits stop nothing, so the check runs in
a child process that drops to the unprivileged user "nobody" (uid 65534)
after importing Parley; run as anyone else, the bits alone deny the owner.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "store"))

from store_helpers import make_record  # noqa: E402

from app.store import open_store  # noqa: E402

# `model` tier as well: each case checks in a child process that drops to another user.
pytestmark = [pytest.mark.skipif(os.name != "posix", reason="POSIX permissions"), pytest.mark.model]
CHILD = """
import json, os, sys
from app.review.checkdata import check_data, format_check_data
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
report = check_data(sys.argv[1])
print(json.dumps({"report": report, "text": format_check_data(report)}))
"""


@pytest.fixture
def home():
    """A data folder with one saved turn, in a folder every user may pass through."""
    base = Path(tempfile.mkdtemp(prefix="parley-access-"))
    base.chmod(0o755)
    folder = base / "home"
    with open_store(folder) as store:
        store.save_turn(make_record(store.start_session()))
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o700)
    shutil.rmtree(base)


def check_as_another_user(home: Path) -> dict:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", CHILD, str(home)], cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root)},
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return json.loads(done.stdout)


def share_read_only(home: Path) -> None:
    for path in [home, *home.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)


@pytest.mark.parametrize("denied", ["read-only folder", "database", "folder"])
def test_a_folder_it_may_not_read_is_named_not_called_orphaned(home, denied):
    share_read_only(home)  # the others' right to read, as after a copy made by root
    expected = {"read-only folder": str(home), "database": str(home / "parley.sqlite3"),
                "folder": str(home)}[denied]
    if denied == "database":
        (home / "parley.sqlite3").chmod(0)
    elif denied == "folder":
        home.chmod(0)
    checked = check_as_another_user(home)
    report, text = checked["report"], checked["text"]
    assert report["ok"] is False
    assert report["orphaned_audio"] == [] and report["missing_audio"] == []
    (named,) = report["unreadable"]
    assert named.startswith(expected)
    assert "permission denied" in text and "orphaned" not in text
    assert f"sudo chown -R \"$USER\" {home}" in text
