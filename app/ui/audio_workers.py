"""Recording and playback workers, each on its own QThread.

The GUI never calls PortAudio. It starts a capture with :meth:`MicWorker.begin`
(sets a flag, then queues the capture slot) and ends it with
:meth:`MicWorker.request_stop` (sets a flag): the capture loop on the mic
thread checks the flag between 30 ms chunks, so a release is never lost even
when it comes before the loop started. Playback goes through one
:class:`app.audio.player.Player` owned by :class:`PlayerWorker`; the streamed
reply is enqueued chunk by chunk, and ``stop`` (barge-in) runs on that thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from app.audio.devices import list_devices, require_input
from app.audio.wavio import rms_dbfs
from app.errors import AudioFileError, ParleyError

log = logging.getLogger(__name__)
PUSH_TO_TALK, HANDS_FREE = "ptt", "vad"
MIN_UTTERANCE_S = 0.3
LEVEL_EVERY_S = 0.05


class MicWorker(QObject):
    available = Signal(bool, str, object)  # usable, problem -- fix, [AudioDevice]
    level = Signal(float)  # dBFS of the latest chunk
    utterance = Signal(object, float)  # pcm (16 kHz float32), speech_ended_at (monotonic)
    # Hands-free: a turn to start now, on a pause, behind a closed Gate (Utterance,
    # Gate, CancelToken) -> PracticeWorker.run_speculative ...
    speculate = Signal(object, object, object)
    # ... and its end confirmed: that turn is now the learner's (pcm, speech_ended_at).
    # A finished-sounding sentence's turn may come before its end; if the
    # learner then goes on, it is taken back (``retracted``, its turn already
    # cancelled) and the same capture goes on to a later confirmation.
    turn_confirmed = Signal(object, float)
    retracted = Signal()
    speech_started = Signal()  # hands-free: the VAD heard the learner start talking
    no_speech = Signal(str)  # ended without usable speech (too short, timed out, stopped)
    failed = Signal(str)  # the microphone failed: problem -- fix
    capture = Signal(str, int)  # internal: queued start of a capture (mode, generation)

    def __init__(self, device=None) -> None:
        super().__init__()
        self.device = device
        # Each capture has a generation; request_stop() stops every capture up to
        # the latest begun, so a stop is never lost and never stops a later one.
        self._lock = threading.Lock()
        self._generation = 0
        self._stopped = 0
        self._started = 0  # the latest generation whose capture began on the mic thread
        self._open = 0  # the latest generation whose microphone is recording
        self._last_level = 0.0
        # TurnEndOptions (set by the window once the models are loaded): the
        # end of a hands-free turn from what was said; None: a fixed silence.
        self.turn_end = None
        # app.audio.echo.FarEnd the player fills (None: no echo cancellation);
        # the canceller itself lives on this thread, from the first capture on.
        self.far_end = None
        self._echo = None
        # The last hands-free captures' drivers, kept after they end: what
        # decided each pause (driver.turn_end.history), for a diagnosis.
        self.recent_drivers: deque = deque(maxlen=4)
        self.capture.connect(self._capture)

    @Slot()
    def check(self) -> None:
        devices = list_devices()
        try:
            require_input(self.device)
            self.available.emit(True, "", devices)
        except ParleyError as error:
            self.available.emit(False, str(error), devices)

    # -- called from the GUI thread -------------------------------------------------
    def begin(self, mode: str) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
        self.capture.emit(mode, generation)

    def request_stop(self) -> None:
        with self._lock:
            self._stopped = self._generation

    @property
    def capturing(self) -> bool:
        """The latest capture begun is recording now: what the learner says
        from here on is heard. (A capture is queued to the mic thread, which
        opens the microphone a moment after ``begin``.)"""
        with self._lock:
            return self._open == self._generation > self._stopped

    @property
    def capture_queued(self) -> bool:
        """A capture was begun and has not started yet (the mic thread is
        still in the one before): it will listen, no need to begin another."""
        with self._lock:
            return self._generation > self._started

    # -- the mic thread -------------------------------------------------------------
    def _emit_level(self, chunk: np.ndarray) -> None:
        now = time.monotonic()
        if now - self._last_level >= LEVEL_EVERY_S:
            self._last_level = now
            self.level.emit(rms_dbfs(chunk))

    def _stopped_since(self, generation: int) -> bool:
        return self._stopped >= generation

    @Slot(str, int)
    def _capture(self, mode: str, generation: int) -> None:
        with self._lock:
            self._started = max(self._started, generation)
        stop = lambda: self._stopped_since(generation)  # noqa: E731
        if stop():
            self.no_speech.emit("stopped")
            return
        try:
            if mode == HANDS_FREE:
                self._listen(stop, lambda: self._opened(generation))
            else:
                self._push_to_talk(stop, lambda: self._opened(generation))
        except AudioFileError as error:
            self.no_speech.emit("stopped" if stop() else str(error))
        except ParleyError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - a driver error must not kill the thread
            log.exception("recording failed")
            self.failed.emit(f"recording failed: {error} -- check the microphone in Settings")
        finally:
            with self._lock:
                if self._open == generation:
                    self._open = 0
            self.level.emit(-120.0)

    def _opened(self, generation: int) -> None:
        with self._lock:
            self._open = generation

    def _push_to_talk(self, stop, on_open) -> None:
        from app.audio.recorder import Recorder  # lazy: loads numpy

        recorder = Recorder(self.device)
        recorder.start()
        on_open()
        try:
            while not stop():
                chunk = recorder.get_chunk(timeout=0.03)
                if chunk is not None:
                    self._emit_level(chunk)
        finally:
            pcm = recorder.stop()
        ended = time.monotonic()
        if pcm.size < MIN_UTTERANCE_S * recorder.sample_rate:
            self.no_speech.emit("too short: hold Space (or the Talk button) while you speak")
            return
        self.utterance.emit(pcm, ended)

    def _listen(self, stop, on_open) -> None:
        """Hands-free: the one turn-taking driver (app.turntaking.driver) on
        the microphone; this only turns its callbacks into signals. The turn
        starts on the learner's first pause (``speculate``) and is let through
        once the end is confirmed (``turn_confirmed``, before its first event),
        or sooner and then perhaps taken back (``retracted``); an end with no
        such turn is an ordinary ``utterance``."""
        from app.turntaking.driver import TurnDriver, listen_turn  # lazy: loads numpy
        from app.turntaking.endpointer import SPEECH_START  # lazy: loads numpy

        def on_cut(cut) -> None:
            if cut.kind == SPEECH_START:
                self.speech_started.emit()

        echo = self._echo_cancel()
        turn_end = self.turn_end
        if echo is None and turn_end is not None:
            # A reply let through before the end plays while this still
            # listens: without the canceller's verdicts its own voice could
            # sound like the learner going on, and take it back.
            turn_end = replace(turn_end, early_ms=None)
        driver = TurnDriver(lambda utterance, gate, token:
                            self.speculate.emit(utterance, gate, token),
                            turn_end=turn_end, on_cut=on_cut,
                            on_confirm=lambda heard: self.turn_confirmed.emit(
                                heard.pcm, heard.speech_ended_at),
                            on_retract=lambda _turn: self.retracted.emit())
        self.recent_drivers.append(driver)
        ended = listen_turn(driver, self.device, echo=echo, wait_s=60.0,
                            on_chunk=self._emit_level, should_stop=stop, on_open=on_open)
        if ended.turn is None:
            self.utterance.emit(ended.utterance.pcm, ended.utterance.speech_ended_at)

    def _echo_cancel(self):
        if self._echo is None and self.far_end is not None:
            from app.audio.echo import EchoCancel  # lazy: loads numpy

            self._echo = EchoCancel(self.far_end)
        return self._echo


class PlayerWorker(QObject):
    """One Player for the reply stream and every replay."""

    failed = Signal(str)

    def __init__(self, device=None) -> None:
        super().__init__()
        self.device = device
        self._player = None
        self.far_end = None  # app.audio.echo.FarEnd: told what is played, for echo cancellation

    @property
    def player(self):
        if self._player is None:
            from app.audio.player import Player  # lazy: loads numpy

            self._player = Player(self.device)
            self._player.far_end = self.far_end
        return self._player

    @property
    def is_playing(self) -> bool:
        """Safe from any thread (Player guards its state with a lock)."""
        return self._player is not None and self._player.is_playing

    @Slot(object, int)
    def enqueue(self, pcm, sample_rate: int) -> None:
        self._guard(lambda: self.player.enqueue(pcm, sample_rate))

    @Slot(object, int)
    def play(self, pcm, sample_rate: int) -> None:
        self._guard(lambda: self.player.play(pcm, sample_rate))

    @Slot()
    def stop(self) -> None:
        if self._player is not None:
            self._guard(self._player.stop)

    @Slot()
    def close(self) -> None:
        """Stop and close the output stream (the window is closing)."""
        if self._player is not None:
            player, self._player = self._player, None
            self._guard(player.close)

    @Slot(object)
    def set_device(self, device) -> None:
        self.stop()
        self.device, self._player = device, None

    def _guard(self, action) -> None:
        try:
            action()
        except ParleyError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001
            log.exception("playback failed")
            self.failed.emit(f"playback failed: {error} -- check the speaker in Settings")
