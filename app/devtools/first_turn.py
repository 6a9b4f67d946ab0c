"""``bash scripts/bench-first-turn.sh``: how long a new learner takes from
opening Parley on a fresh data folder to hearing the tutor's first reply.

A scripted learner walks the path a person would, through the real window
(offscreen) and the PulseAudio virtual microphone and speaker:

1. ``open``: the app starts (its models begin loading in the background,
   and the machine measurement starts in its child process, as at a real
   first start) and the first start shows;
2. ``microphone``: the microphone check records a real learner's sentence
   played into the virtual microphone, then plays it back;
3. ``level``: the learner picks B1; with ``--level-talk``, they find it by
   talking instead (four read learner sentences, about 17 s, into the
   microphone; Parley transcribes, corrects and estimates, then the learner
   keeps the estimate);
4. ``goal``: 10 minutes a day;
5. ``model``: the learner keeps the tutor model listed first, "Start talking";
6. ``models-ready``: whatever is left of loading the models;
7. ``first-turn``: push-to-talk held while a second recording plays into the
   microphone, then released;
8. ``reply-heard``: from the release to the tutor's first audible sample on
   the virtual speaker (``speaker.monitor``).

The scripted learner reads nothing and clicks at once: a person adds their
reading time to each step (say 5 to 10 s a step). Prints the seconds per step
and in all, ``uptime`` and the tutor's tokens/s in that first turn. With
``--shots DIR`` it saves the first start's four steps and the first turn
(``first-start-path-<n>-<step>.png``). The same walk, without timings, is
tests/ui/test_ui_first_turn.py.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEARNER = ROOT / "tests" / "data" / "speech" / "learner"
MIC_WAV = LEARNER / "learner_ppggmm_tgt_0002.wav"  # "My grandfather has lived in Florida all his life."
TURN_WAV = LEARNER / "learner_ppggmm_tgt_0004.wav"  # "I can't tell you how happy I am when I fly home."
SHOTS = ("microphone", "level", "goal", "model")
Wait = Callable[[Callable[[], bool], float, str], None]  # (condition, timeout_s, what)


def play_into_mic(wav: Path) -> subprocess.Popen:
    return subprocess.Popen(["paplay", "--device=micfeed", str(wav)])


class FirstTurnPath:
    """The walk, step by step, on a window whose first start is open. ``wait``
    runs the event loop until a condition holds (qtbot.waitUntil in a test)."""

    def __init__(self, window, wait: Wait, shots: Path | None = None,
                 heard_after: Callable[[float], float | None] | None = None) -> None:
        self.window, self.wait, self.shots = window, wait, shots
        self.heard_after = heard_after  # release time -> when the reply sounded (the ear)
        self.times: list[tuple[str, float]] = []
        self.mark = time.monotonic()
        self.turn_saved: list[tuple[int, int]] = []
        self.spoke = False
        window.presenter.turn_saved.connect(self._saved)
        window.talk.speaking_changed.connect(self._speaking)

    def _saved(self, session: int, turn: int) -> None:
        self.turn_saved.append((session, turn))

    def _speaking(self, on: bool) -> None:
        self.spoke = self.spoke or on

    def lap(self, step: str, at: float | None = None) -> None:
        now = time.monotonic() if at is None else at
        self.times.append((step, now - self.mark))
        self.mark = now

    def shot(self, widget, n: int, step: str) -> None:
        if self.shots is not None:
            from PySide6.QtCore import QCoreApplication, QEvent

            for _ in range(5):  # the layouts the last answers asked for
                QCoreApplication.processEvents()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.shots.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(self.shots / f"first-start-path-{n}-{step}.png"))

    def first_start(self, level: str = "B1", goal: int = 10, talk_wav: Path | None = None):
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        window = self.window
        self.wait(lambda: window.first_start is not None and window.first_start.isVisible(),
                  60, "the first start to show")
        first = window.first_start
        self.lap("open")
        heard: list[float] = []
        first.mic.heard.connect(heard.append)
        QTest.mouseClick(first.mic.button, Qt.MouseButton.LeftButton)
        player = play_into_mic(MIC_WAV)
        self.wait(lambda: bool(heard), 60, "the microphone check to record")
        player.wait()
        self.wait(lambda: not first.tasks.busy, 60, "the playback of the check")
        self.shot(first, 1, "microphone")
        self.lap("microphone")
        QTest.mouseClick(first.next, Qt.MouseButton.LeftButton)
        if talk_wav is not None:
            self.level_talk(first, talk_wav)
        else:
            [button] = [b for b in first.level.group.buttons() if b.property("level") == level]
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.shot(first, 2, "level")
        QTest.mouseClick(first.next, Qt.MouseButton.LeftButton)
        self.lap("level")
        [button] = [b for b in first.goal.group.buttons() if b.property("minutes") == goal]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.shot(first, 3, "goal")
        QTest.mouseClick(first.next, Qt.MouseButton.LeftButton)
        self.lap("goal")
        self.wait(lambda: first.model.list.count() > 0, 60, "the list of tutor models")
        self.shot(first, 4, "model")
        QTest.mouseClick(first.next, Qt.MouseButton.LeftButton)  # "Start talking"
        self.wait(lambda: not first.isVisible(), 10, "the first start to close")
        self.lap("model")
        return first

    def level_talk(self, first, wav: Path, timeout_s: float = 600) -> None:
        """Talk for the level: the recording plays into the microphone, the
        learner presses "Finish", Parley estimates; the estimate is kept."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        talk = first.level.talk
        found: list = []
        talk.finished.connect(found.append)
        QTest.mouseClick(talk.start_button, Qt.MouseButton.LeftButton)
        time.sleep(0.2)
        player = play_into_mic(wav)
        self.wait(lambda: player.poll() is not None, 120, "the talk to play")
        time.sleep(0.3)
        QTest.mouseClick(talk.button, Qt.MouseButton.LeftButton)  # "I have finished"
        self.wait(lambda: bool(found), timeout_s, "the level estimate")
        self.level_found = found[0]

    def first_turn(self, wav: Path = TURN_WAV, timeout_s: float = 600) -> dict:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        window = self.window
        self.wait(lambda: window.talk.ready and window.talk.mic_ok, timeout_s, "the models to load")
        self.lap("models-ready")
        talk = window.bar.talk
        QTest.mousePress(talk, Qt.MouseButton.LeftButton)
        self.wait(lambda: window.talk.state == "recording", 10, "the recording to start")
        time.sleep(0.2)  # the microphone's stream opens on its own thread
        player = play_into_mic(wav)
        self.wait(lambda: player.poll() is not None, 60, "the recording to play")
        time.sleep(0.3)
        self.spoke = False
        QTest.mouseRelease(talk, Qt.MouseButton.LeftButton)
        released = time.monotonic()
        self.lap("first-turn")
        self.wait(lambda: self.spoke, timeout_s, "the tutor's reply")
        spoke_at = time.monotonic()
        self.wait(lambda: bool(self.turn_saved), timeout_s, "the turn to be saved")
        heard = self.heard_after(released) if self.heard_after is not None else None
        self.lap("reply-heard", at=heard or spoke_at)
        self.shot(window, 5, "first-turn")
        return self.saved_turn()

    def saved_turn(self) -> dict:
        from app.store import open_store  # lazy: loads SQLAlchemy

        session_id, turn_id = self.turn_saved[0]
        with open_store(self.window.settings.home) as store:
            turn = next(t for t in store.turns(session_id) if t.id == turn_id)
        return {"transcript": turn.transcript, "reply": turn.reply, **(turn.timings_ms or {})}


def talk_recording(folder: Path, count: int = 4) -> Path:
    """The first ``count`` learner recordings, a quarter second apart, as one WAV."""
    import numpy as np
    import soundfile as sf

    parts = []
    for wav in sorted(LEARNER.glob("*.wav"))[:count]:
        pcm, rate = sf.read(wav, dtype="float32")
        parts += [pcm, np.zeros(rate // 4, np.float32)]
    out = folder / "level-talk.wav"
    sf.write(out, np.concatenate(parts), rate)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.devtools.first_turn")
    parser.add_argument("--shots", type=Path, help="save a screenshot of each step here")
    parser.add_argument("--level-talk", action="store_true",
                        help="find the level by talking instead of choosing it")
    parser.add_argument("--no-measure", action="store_true",
                        help="skip the first start's machine measurement (the app runs it)")
    args = parser.parse_args(argv)
    from app.devtools.window_bench import EventLoop, check_virtual_microphone

    check_virtual_microphone()
    fresh = Path(tempfile.mkdtemp(prefix="parley-first-turn-"))
    os.environ["PARLEY_HOME"] = str(fresh / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    from PySide6.QtCore import QSettings, QTimer  # lazy: loads Qt

    from app.devtools.ear import MonitorTap
    from app.ui import settings_keys as K
    from app.ui.application import Application, qt_application

    qt = qt_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(fresh / "config"))
    ear = MonitorTap("speaker.monitor")
    ear.wait_started()
    application = Application(measure_machine=not args.no_measure)
    window = application.window
    window.show()  # as Application.run: the window, then the first start over it
    if not K.read(K.open_settings(), K.FIRST_START_DONE):
        QTimer.singleShot(0, window.open_first_start)
    loop = EventLoop(qt)
    path = FirstTurnPath(window, loop.wait, args.shots,
                         heard_after=lambda at: ear.first_sound(after=at))
    path.mark = started
    try:
        path.first_start(talk_wav=talk_recording(fresh) if args.level_talk else None)
        turn = path.first_turn()
    finally:
        ear.close()
        window._closing = True
        window.close()
        application.shutdown()
    total = sum(seconds for _step, seconds in path.times)
    for step, seconds in path.times:
        print(f"{step:13s} {seconds:6.1f} s")
    print(f"{'in all':13s} {total:6.1f} s  (a scripted learner: add a person's reading time)")
    found = getattr(path, "level_found", None)
    if found is not None:
        print(f"level talk: {found.level} from {found.words} words, {found.wpm:.0f} words/min, "
              f"{found.sentence_words:.1f} words a sentence, {found.rare_pct:.0f} % less common, "
              f"{found.errors_per_100:.1f} corrections per 100 words")
    print(f"first turn: {turn['transcript']!r} -> {turn['reply'][:80]!r}")
    print(f"tutor: {turn.get('llm_tokens_per_s', float('nan'))} tokens/s in that turn, "
          f"end_to_first_audio (worker) {turn.get('end_to_first_audio', float('nan'))} ms")
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
