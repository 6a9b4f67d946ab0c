"""No microphone: the window says what is wrong and how to fix it, and typing
still gets the tutor's reply. A real process with PulseAudio out of reach."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model  # loads a real model

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(200)
def test_ui_no_microphone_keeps_text_input(tmp_path, parley_home):
    env = dict(os.environ, PULSE_SERVER=f"unix:{tmp_path}/no-such-socket", QT_QPA_PLATFORM="offscreen",
               PARLEY_HOME=str(parley_home))
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("ui_nomic_child.py")),
                           str(tmp_path / "qsettings")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout + done.stderr
    shown = json.loads(lines[-1])
    assert "microphone" in shown["problem"].lower(), shown
    assert shown["fix"].startswith("How to fix it:") and len(shown["fix"]) > 20, shown
    assert shown["talk_enabled"] is False and shown["hands_free_enabled"] is False
    assert shown["entry_enabled"] is True
    assert shown["learner"] == "I like to play football on Sundays."
    assert shown["tutor"], shown
