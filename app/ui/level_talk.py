"""The first start's "find my level by talking": the learner talks to a prompt
for up to a minute, Parley transcribes it, corrects it and estimates a CEFR
level from their own words (app/review/level_talk.py: the rule and its
table). The level is shown with its reasons and checked in the level step's
list, where the learner may keep it or pick another.

Recording runs on the tasks' "media" pool, the analysis on the "db" pool;
the GUI thread only starts them and shows their answers. "Cancel" stops
the recording within a chunk and the transcription between its stages.
The speech models are the window's (loading in the background while the
first start is open): until they are ready the step says so and waits on a
timer, never blocking. Used from the pool's thread as the fluent versions
use them (app/ui/review/fluent_worker.py): the tutor model holds its lock
one call at a time, so a hands-free turn meanwhile waits, never collides.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.i18n import tr
from app.ui.review.tasks import Tasks
from app.ui.theme.widgets import LISTENING, TalkButton

TALK_SECONDS = 60.0
MIN_SECONDS = 3.0  # shorter than this is a slip of the finger, not a talk


def record(device, stop: threading.Event, on_level, seconds: float):
    """Record from ``device`` until ``stop`` is set or ``seconds`` have passed,
    telling ``on_level`` each chunk's level (dBFS); runs on a pool thread.
    Returns (pcm, sample rate). The first start's microphone check uses it too."""
    from app.audio.recorder import Recorder  # lazy: loads numpy and PortAudio
    from app.audio.wavio import rms_dbfs

    recorder = Recorder(device)
    recorder.start()
    try:
        while not stop.is_set() and recorder.samples < seconds * recorder.sample_rate:
            chunk = recorder.get_chunk(timeout=0.05)
            if chunk is not None:
                on_level(rms_dbfs(chunk))
    finally:
        pcm = recorder.stop()
    return pcm, recorder.sample_rate
WAIT_MS = 300  # how often to look whether the speech models are ready


def reasons_text(found) -> str:
    return tr("{wpm:.0f} words a minute · {sentence:.0f} words a sentence · {rare:.0f} % less "
              "common words · {errors:.0f} corrections per 100 words").format(
        wpm=found.wpm, sentence=found.sentence_words, rare=found.rare_pct,
        errors=found.errors_per_100)


class LevelTalk(QWidget):
    """The talk, its analysis and its answer; ``estimated(level)`` when there is one."""

    estimated = Signal(str)  # the level found ("A2"... "C1")
    finished = Signal(object)  # the LevelEstimate, or None when cancelled or failed
    level = Signal(float)  # the microphone's level, from the recording thread

    def __init__(self, tasks: Tasks, device=None, engines=None, parent=None) -> None:
        super().__init__(parent)
        self.tasks, self.device = tasks, device
        self.engines = engines or (lambda: None)  # -> the loaded Engines, or None while loading
        self.stop = threading.Event()  # ends the recording
        self.cancelled = threading.Event()  # ends the analysis too
        self.busy = False
        self.pcm = None
        self.started = 0.0
        self.result = None
        self.start_button = QPushButton(tr("Find my level by talking for a minute"))
        self.start_button.setAccessibleName(tr("Find my level by talking for a minute"))
        self.start_button.setToolTip(tr("Talk for up to a minute; Parley estimates your level "
                                        "from your own words"))
        self.start_button.clicked.connect(self.begin)
        self.prompt = QLabel(tr("Tell me about your last weekend, or a place you love. Talk for "
                                "up to a minute, then press the button again."))
        self.prompt.setWordWrap(True)
        self.button = TalkButton()
        self.button.setAccessibleName(tr("Finish talking"))
        self.button.setToolTip(tr("Press when you have finished; it stops by itself after a minute"))
        self.button.clicked.connect(self.finish)
        self.level.connect(self.button.set_level)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Level talk status"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setAccessibleName(tr("Cancel the level talk"))
        self.cancel_button.clicked.connect(self.cancel)
        self.clock = QTimer(self)
        self.clock.setInterval(500)
        self.clock.timeout.connect(self._tick)
        self.waiting = QTimer(self)
        self.waiting.setInterval(WAIT_MS)
        self.waiting.timeout.connect(self._analyse)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.status, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        self._show_talk(False)

    def _show_talk(self, on: bool) -> None:
        self.prompt.setVisible(on)
        self.button.setVisible(on)
        self.cancel_button.setVisible(on)
        self.start_button.setVisible(not on)

    # -- the talk ------------------------------------------------------------------
    def begin(self) -> None:
        if self.busy:
            return
        self.busy, self.result, self.pcm = True, None, None
        self.stop.clear()
        self.cancelled.clear()
        self._show_talk(True)
        self.button.set_state(LISTENING)
        self.started = time.monotonic()
        self._tick()
        self.clock.start()
        self.button.setFocus()
        device, stop, level = self.device, self.stop, self.level
        self.tasks.run(lambda: record(device, stop, level.emit, TALK_SECONDS),
                       self._recorded, self._failed, pool="media")

    def _tick(self) -> None:
        left = max(0, round(TALK_SECONDS - (time.monotonic() - self.started)))
        self.status.setText(tr("Listening… {seconds} s left").format(seconds=left))

    def finish(self) -> None:
        """The learner has finished talking (the recording also ends by itself)."""
        if self.button.state == LISTENING:
            self.stop.set()

    def cancel(self) -> None:
        self.stop.set()
        self.cancelled.set()
        self.waiting.stop()
        self.clock.stop()
        self.button.set_state("idle")
        self._show_talk(False)
        self.status.setText(tr("Cancelled. Choose your level above, or try again."))
        if self.busy:
            self.busy = False
            self.finished.emit(None)

    def _recorded(self, result) -> None:
        from app.audio.resample import resample  # lazy: loads numpy
        from app.audio.constants import ASR_RATE

        self.clock.stop()
        self.button.set_state("idle")
        if self.cancelled.is_set():
            return
        pcm, rate = result
        if pcm.size < MIN_SECONDS * rate:
            self._give_up(tr("That was too short to tell. Talk a little longer, "
                             "or choose your level above."))
            return
        self.pcm = resample(pcm, rate, ASR_RATE) if rate != ASR_RATE else pcm
        self.button.set_state("thinking")
        self._analyse()

    # -- the analysis --------------------------------------------------------------
    def _analyse(self) -> None:
        if self.cancelled.is_set() or self.pcm is None:
            self.waiting.stop()
            return
        engines = self.engines()
        if engines is None:  # the window is still loading the speech models
            self.status.setText(tr("Getting the speech models ready…"))
            self.waiting.start()
            return
        self.waiting.stop()
        self.status.setText(tr("Listening to what you said…"))
        pcm, cancelled = self.pcm, self.cancelled

        def run():
            from app.review.level_talk import analyse  # lazy: loads spaCy's word lists

            return analyse(engines, pcm, should_stop=cancelled.is_set)

        self.tasks.run(run, self._estimated, self._failed, pool="db")

    def _estimated(self, found) -> None:
        self.button.set_state("idle")
        if self.cancelled.is_set():
            return
        self.busy, self.result = False, found
        self._show_talk(False)
        self.start_button.setText(tr("Talk again"))
        self.start_button.setAccessibleName(tr("Find my level by talking again"))
        if not found.level:
            self.status.setText(tr("I heard only {n} words: not enough to tell. Talk a little "
                                   "longer, or choose your level above.").format(n=found.words))
        else:
            self.status.setText(tr("Your level looks like {level}: {reasons}. It is checked "
                                   "above; keep it or choose another.").format(
                level=found.level, reasons=reasons_text(found)))
            self.estimated.emit(found.level)
        self.finished.emit(found)

    def _failed(self, message: str) -> None:
        if self.cancelled.is_set():
            return  # the transcription stopped because the learner cancelled
        self._give_up(tr("The level talk did not work: {problem}").format(
            problem=message.partition(" -- ")[0]))

    def _give_up(self, text: str) -> None:
        self.clock.stop()
        self.button.set_state("idle")
        self.busy = False
        self._show_talk(False)
        self.start_button.setText(tr("Talk again"))
        self.status.setText(text)
        self.finished.emit(None)

    def close_down(self) -> None:
        """The first start is closing: stop the talk and its analysis."""
        self.stop.set()
        self.cancelled.set()
        self.waiting.stop()
        self.clock.stop()
