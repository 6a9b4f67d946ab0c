"""`python -m app bench DIR --window`: the latency benchmark through the real
window, hands-free, fed through the PulseAudio virtual microphone."""

from __future__ import annotations

import re
import shutil

import pytest
from cli_helpers import run_app


@pytest.mark.timeout(240)
def test_window_bench_reads_the_latency_of_the_turns_the_window_saved(pulse, learner_clips,
                                                                       parley_home, tmp_path):
    folder = tmp_path / "bench"
    folder.mkdir()
    shutil.copy(learner_clips[1].wav, folder)
    done = run_app("bench", str(folder), "--window", home=parley_home, timeout=200)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert any(line.startswith("run 1 ") and "end_to_first_audio" in line for line in lines)
    # How long the window could not respond, measured around each event-loop pass.
    stall = next(line for line in lines if line.startswith("GUI event loop longest pass"))
    assert 0 < float(stall.split()[-2]) < 1000, stall
    last = re.fullmatch(r"end_to_first_audio_ms p50=(\d+) p95=(\d+) n=(\d+)", lines[-1])
    assert last, lines[-1]
    assert int(last.group(3)) >= 1 and 0 < int(last.group(1)) <= int(last.group(2))
    assert not list(parley_home.rglob("*.db"))  # the window's turns went to a temporary folder


def test_window_bench_without_the_virtual_microphone_says_how_to_run_it(parley_home):
    done = run_app("bench", "tests/data/speech", "--window", home=parley_home,
                   env={"PULSE_SERVER": "unix:/nonexistent/pulse/native"})
    assert done.returncode == 2
    assert "virtual microphone" in done.stderr and "scripts/bench-window.sh" in done.stderr
