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
    assert any(line.startswith("run 1 ") and "end_to_first_audible" in line for line in lines)
    # How long the window could not respond, measured around each event-loop pass.
    stall = next(line for line in lines if line.startswith("GUI event loop longest pass"))
    assert 0 < float(stall.split()[-2]) < 1000, stall
    # Read from sound: the speech fed to the microphone, the reply on the speaker.
    last = re.fullmatch(r"end_to_first_audible_ms p50=(\d+) p95=(\d+) n=1 cut_off=0", lines[-1])
    assert last, lines[-1]
    assert re.fullmatch(r"end_to_first_audio_ms p50=\d+ p95=\d+ n=1 cut_off=0", lines[-2])
    assert 0 < int(last.group(1)) < 60000
    assert not list(parley_home.rglob("*.db"))  # the window's turns went to a temporary folder


def test_window_bench_without_the_virtual_microphone_says_how_to_run_it(parley_home):
    done = run_app("bench", "tests/data/speech", "--window", home=parley_home,
                   env={"PULSE_SERVER": "unix:/nonexistent/pulse/native"})
    assert done.returncode == 2
    assert "virtual microphone" in done.stderr and "scripts/bench-window.sh" in done.stderr


def test_the_last_line_counts_cut_offs_and_survives_every_turn_being_cut():
    from app.devtools.latency_table import summary_line

    rows = [{"end_to_first_audio": 400.0}, {"end_to_first_audio": 600.0}, {"asr": 1.0}]
    assert summary_line("end_to_first_audio", rows, 1) == (
        "end_to_first_audio_ms p50=500 p95=590 n=2 cut_off=1")
    assert summary_line("end_to_first_audio", [], 3) == (
        "end_to_first_audio_ms p50=nan p95=nan n=0 cut_off=3")


@pytest.mark.timeout(60)
def test_the_taps_share_one_clock(pulse, tmp_path):
    """A click played into both virtual sinks at once is heard at the same
    moment on both monitors: the two taps can be subtracted."""
    import subprocess
    import time

    import numpy as np

    from app.audio.wavio import write_wav
    from app.devtools.ear import MonitorTap

    click = np.zeros(16000, np.float32)
    click[8000:8400] = 0.3
    write_wav(tmp_path / "click.wav", click, 16000)
    module = subprocess.run(["pactl", "load-module", "module-combine-sink", "sink_name=both",
                             "slaves=micfeed,speaker"], capture_output=True, text=True,
                            check=True).stdout.strip()
    mic, ear = MonitorTap("micfeed.monitor"), MonitorTap("speaker.monitor")
    try:
        mic.wait_started()
        ear.wait_started()
        started = time.monotonic()
        subprocess.run(["paplay", "--device=both", str(tmp_path / "click.wav")], timeout=20,
                       check=True)
        time.sleep(0.2)
        heard_mic, heard_ear = mic.first_sound(started), ear.first_sound(started)
        assert heard_mic is not None and heard_ear is not None
        assert abs(heard_mic - heard_ear) < 0.03
        assert heard_mic - started > 0.45  # the click is half a second into the file
    finally:
        mic.close()
        ear.close()
        subprocess.run(["pactl", "unload-module", module], timeout=10)
