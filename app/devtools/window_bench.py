"""`python -m app bench DIR --window`: the latency the learner gets in the window.

The plain benchmark feeds the pipeline directly. This one opens the real
window (offscreen) in hands-free mode and plays each recording into a
microphone with ``paplay``, so the turn goes through everything the app adds:
PortAudio capture, the microphone and practice worker threads, Qt's queued
signals, the event loop drawing the reply. The latency of each turn is read
from the turn the window saved. It needs the virtual microphone of
``scripts/audio-ci.sh`` (``scripts/bench-window.sh`` sets it up); the window's
settings and turns go to a temporary folder, never the learner's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from app.devtools.latency_table import STAGES
from app.errors import AudioDeviceError

FEED_SINK = "micfeed"  # the null sink whose monitor is the virtual microphone
TURN_TIMEOUT_S = 120.0


def check_virtual_microphone() -> None:
    sinks = ""
    if shutil.which("pactl") and shutil.which("paplay"):
        sinks = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True,
                               text=True, timeout=10).stdout
    if FEED_SINK not in sinks.split():
        raise AudioDeviceError(
            "the window benchmark plays the recordings into a virtual microphone, "
            f"and PulseAudio has no '{FEED_SINK}' sink here",
            "run it as: bash scripts/bench-window.sh DIR")


def run_window(wavs: list[Path], settings, runs: int,
               scenario_id: str) -> list[dict[str, float]]:
    """One row of stage timings per saved turn, printed as they come."""
    check_virtual_microphone()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.store import open_store
    from app.ui import settings_keys as K
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="parley-bench-qsettings-"))
    K.write(K.open_settings(), {K.SCENARIO: scenario_id})
    window = MainWindow(settings, hands_free=True)
    window.show()
    saved: list[tuple[int, int]] = []
    window.presenter.turn_saved.connect(lambda session, turn: saved.append((session, turn)))
    loop = EventLoop(app)
    rows = []
    try:
        loop.wait(lambda: window.talk.ready and window.talk.mic_ok, 300, "the models to load")
        for run_index in range(runs):
            for wav in wavs:
                loop.wait(lambda: window.talk.state == "listening", 30, "the window to listen")
                before = len(saved)
                loop.longest_pass_ms = 0.0
                player = subprocess.Popen(["paplay", f"--device={FEED_SINK}", str(wav)])
                loop.wait(lambda: len(saved) > before, TURN_TIMEOUT_S, f"a turn from {wav.name}")
                player.wait()
                loop.wait(lambda: not window.talk.speaking and not window.player.is_playing,
                          60, "the tutor to finish")
                with open_store(settings.home) as store:
                    for session_id, turn_id in saved[before:]:
                        turn = next(t for t in store.turns(session_id) if t.id == turn_id)
                        rows.append(_row(turn) | {"gui_longest_pass": loop.longest_pass_ms})
                        print(f"run {run_index + 1} {wav.name}: end_to_first_audio "
                              f"{rows[-1].get('end_to_first_audio', float('nan')):.0f} ms "
                              f"| {turn.transcript[:60]!r}", flush=True)
    finally:
        window._closing = True
        window.close()
        app.processEvents()
    return rows


def _row(turn) -> dict[str, float]:
    """The benchmark's stages the saved turn's timings hold."""
    timings = turn.timings_ms or {}
    return {key: timings[key] for _, key, _ in STAGES if key in timings}


class EventLoop:
    """Runs the window's event loop while the benchmark waits, and keeps the
    longest single pass: the time the window could not respond to the learner
    (the target is 50 ms at most)."""

    def __init__(self, app) -> None:
        self.app = app
        self.longest_pass_ms = 0.0

    def wait(self, condition, timeout_s: float, what: str) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout_s:.0f} s for {what}")
            started = time.perf_counter()
            self.app.processEvents()
            self.longest_pass_ms = max(self.longest_pass_ms,
                                       (time.perf_counter() - started) * 1000)
            time.sleep(0.005)
