"""The real app starts, runs a turn, opens the review, closes, and the process
exits with 0 on its own: no os._exit, no crash in PySide's teardown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model  # loads a real model

ROOT = Path(__file__).resolve().parents[2]
CRASH_SIGNS = ("dealloc", "Segmentation fault", "Fatal Python error", "core dumped",
               "Traceback", "QThread: Destroyed while thread is still running")


@pytest.mark.timeout(300)
def test_app_runs_a_turn_closes_and_exits_cleanly(tmp_path, parley_home):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PARLEY_HOME=str(parley_home),
               # No sound server: the typed turn needs none, and the test cannot
               # then depend on another test's virtual devices.
               PULSE_SERVER=f"unix:{tmp_path}/no-such-socket",
               PYTHONFAULTHANDLER="1", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("app_exit_child.py")),
                           str(tmp_path / "qsettings")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=280)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines and lines[0].get("tutor"), done.stdout + done.stderr
    # The application built the review window on the practice's store and
    # engines, and the home panel reads the same store.
    assert lines[0]["review_shares"] == [True, True, True, True], lines[0]
    assert lines[-1] == {"exit": 0}, done.stdout + done.stderr
    assert done.returncode == 0, f"exit code {done.returncode}:\n{done.stderr[-3000:]}"
    crashes = [sign for sign in CRASH_SIGNS if sign in done.stderr]
    assert not crashes, done.stderr[-3000:]
    # The session was ended and saved on the way out.
    from app.store import open_store

    with open_store(parley_home) as store:
        sessions = store.list_sessions()
    assert len(sessions) == 1 and sessions[0].ended_at is not None
    assert sessions[0].turn_count == 1


CLEARED_VIEW = """
import sys
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
from app.devtools.screenshots import ShownTurn, show_turns
from app.tutor.edits import Edit
from app.ui.main_window import MainWindow
turns = [ShownTurn("I go home.", "Nice!", "I went home.", [Edit("go", "went", "Past.", "verb tense")]),
         ShownTurn("It was fun.", "Great!")]
kept = []
for _ in range(3):
    window = MainWindow(load_models=False, check_mic=False)
    window.show()
    show_turns(window, turns)
    window.presenter.reset()  # a new session clears the view: bubbles and their rows go
    app.processEvents()
    window.close()
    kept.append(window)  # a wrapper outliving its widget, as a test's traceback keeps one
for widget in app.topLevelWidgets():
    widget.deleteLater()
QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
print("done", flush=True)
"""


@pytest.mark.timeout(120)
def test_a_cleared_conversation_leaves_nothing_for_pyside_to_delete_twice(tmp_path):
    """The crash the conftests once hid with os._exit: a bubble's row layout,
    taken out of the view by removeItem() and left alive, was deleted with
    the window and again by PySide at exit (SIGSEGV in destroyQCoreApplication)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PYTHONFAULTHANDLER="1")
    done = subprocess.run([sys.executable, "-c", CLEARED_VIEW, str(tmp_path / "qsettings")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=100)
    assert done.stdout.strip().endswith("done"), done.stderr[-3000:]
    assert done.returncode == 0, f"exit code {done.returncode}:\n{done.stderr[-3000:]}"
    assert not [sign for sign in CRASH_SIGNS if sign in done.stderr], done.stderr[-3000:]
