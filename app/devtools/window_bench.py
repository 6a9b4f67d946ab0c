"""`python -m app bench DIR --window`: the latency the learner gets in the window.

The plain benchmark feeds the pipeline directly. This one opens the real
window (offscreen) in hands-free mode and plays each recording into a
microphone with ``paplay``, so the turn goes through everything the app adds:
PortAudio capture, the microphone and practice worker threads, Qt's queued
signals, the event loop drawing the reply, the player's stream and output
latency. The learner's latency is read from sound (:mod:`app.devtools.ear`):
from the true end of speech in the played file, seen entering the microphone
(``micfeed.monitor``), to the first audible sample of the reply on the speaker
(``speaker.monitor``). A recording is *cut off* when the reply sounded before
its speech ended, or the window took more than one turn from it. The stage
timings come from the turn the window saved. It needs the virtual microphone of
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

from app.audio.constants import ASR_RATE
from app.devtools.ear import MonitorTap, onset_s
from app.devtools.latency_table import STAGES, print_table, summary_line
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


def run_window(wavs: list[Path], settings, runs: int, scenario_id: str) -> int:
    """Prints one row of stage timings per recording as they come, the table,
    and last ``end_to_first_audible_ms p50=.. p95=.. n=.. cut_off=..``."""
    check_virtual_microphone()
    from app.audio.vad import speech_segments  # lazy: loads numpy
    from app.audio.wavio import load_utterance  # lazy: loads numpy

    clips = []
    for wav in wavs:
        pcm = load_utterance(wav)
        segments = speech_segments(pcm, pad_ms=0)
        # From the file's first audible sample to the end of its last speech.
        clips.append((wav, (segments[-1][1] if segments else pcm.size / ASR_RATE) - onset_s(pcm)))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings  # lazy: loads Qt

    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile
    from app.ui import settings_keys as K  # lazy: loads Qt and numpy
    from app.ui.application import Application, qt_application  # lazy: loads Qt, SQLAlchemy and libsndfile

    app = qt_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="parley-bench-qsettings-"))
    K.write(K.open_settings(), {K.SCENARIO: scenario_id})
    # The app's own composition root: the same workers, driver and windows.
    application = Application(settings, hands_free=True)
    window = application.window
    window.show()
    saved: list[tuple[int, int]] = []
    window.presenter.turn_saved.connect(lambda session, turn: saved.append((session, turn)))
    loop = EventLoop(app)
    rows = []
    cut_off = 0
    mic_tap, ear = MonitorTap(f"{FEED_SINK}.monitor"), MonitorTap("speaker.monitor")
    try:
        mic_tap.wait_started()
        ear.wait_started()
        loop.wait(lambda: window.talk.ready and window.talk.mic_ok, 300, "the models to load")
        for run_index in range(runs):
            for wav, speech_s in clips:
                loop.wait(lambda: window.talk.state == "listening", 30, "the window to listen")
                before = len(saved)
                loop.longest_pass_ms = 0.0
                played_at = time.monotonic()
                player = subprocess.Popen(["paplay", f"--device={FEED_SINK}", str(wav)])
                loop.wait(lambda: len(saved) > before, TURN_TIMEOUT_S, f"a turn from {wav.name}")
                player.wait()
                loop.wait(lambda: not window.talk.speaking and not window.player.is_playing,
                          60, "the tutor to finish")
                row, cut = _heard(mic_tap, ear, played_at, speech_s, len(saved) - before)
                cut_off += cut
                with open_store(settings.home) as store:
                    session_id, turn_id = saved[before]
                    turn = next(t for t in store.turns(session_id) if t.id == turn_id)
                row |= _row(turn) | {"gui_longest_pass": loop.longest_pass_ms}
                if not cut:
                    rows.append(row)
                heard = row.get("end_to_first_audible", float("nan"))
                gap = row.get("gap_after_first_piece", float("nan"))
                print(f"run {run_index + 1} {wav.name}: end_to_first_audible {heard:.0f} ms, "
                      f"gap after the first piece {gap:.0f} ms"
                      f"{' CUT OFF' if cut else ''}, end_to_first_audio (worker) "
                      f"{row.get('end_to_first_audio', float('nan')):.0f} ms "
                      f"| {turn.transcript[:60]!r}", flush=True)
    finally:
        mic_tap.close()
        ear.close()
        window._closing = True
        window.close()
        application.shutdown()
    print(summary_line("gap_after_first_piece", rows, cut_off))
    print(summary_line("end_to_model_sentence", rows, cut_off))
    print_table(rows, cut_off)
    print(summary_line("end_to_first_audible", rows, cut_off))
    return 0


def _heard(mic_tap: MonitorTap, ear: MonitorTap, played_at: float, speech_s: float,
           turns: int) -> tuple[dict[str, float], bool]:
    """The learner's latency, from the taps: the played file's speech ended
    ``speech_s`` after it was first heard in the microphone."""
    fed = mic_tap.first_sound(after=played_at - 0.05)
    reply = ear.first_sound(after=played_at)
    if fed is None or reply is None:
        raise RuntimeError("the taps heard no speech fed or no reply played")
    speech_end = fed + speech_s
    row = {"end_to_first_audible": (reply - speech_end) * 1000}
    # The silence after the reply's first piece (the recast or the
    # acknowledgement) before the model's sentence: what the learner waits
    # for the model, at the ear. Measured when the reply had a second piece.
    gap = ear.first_silence(after=reply)
    if gap is not None:
        row["gap_after_first_piece"] = (gap[1] - gap[0]) * 1000
        row["end_to_model_sentence"] = (gap[1] - speech_end) * 1000
    return row, turns > 1 or reply < speech_end


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
