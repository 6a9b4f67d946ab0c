"""Push-to-talk, hands-free and barge-in, as one small state machine.

mic state: idle -> recording (push-to-talk held) or listening (hands-free VAD)
-> idle when the utterance is handed to the practice worker. Independently a
turn may be running, and the tutor may be speaking (polled from the Player).

- push-to-talk: ``press`` starts recording, ``release`` sends it.
- hands-free: listening starts whenever nothing else is going on (no turn, the
  tutor silent); the VAD ends the utterance after a short pause. The turn's
  work already began at the first pause (the mic worker hands it straight to
  the practice worker); ``turn_confirmed`` says it is now a real turn. When
  what was said sounds finished that comes a little before the end, and if the
  learner goes on the turn is taken back (``retracted``): the voice stops, the
  window removes the turn, and the same capture goes on.
- barge-in: ``press`` (or sending a message) while a turn runs or the tutor
  speaks stops playback and cancels the turn through its CancelToken. With
  ``voice_barge_in`` (hands-free, for headphones: loudspeakers would let the
  tutor interrupt itself) listening goes on during the turn and the learner's
  voice does the same.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from app.ui.audio_workers import HANDS_FREE, PUSH_TO_TALK, MicWorker, PlayerWorker

IDLE, RECORDING, LISTENING, STOPPING = "idle", "recording", "listening", "stopping"
RESUME_AFTER_AUDIO_S = 0.4  # hands-free waits this long after the last reply chunk


class TalkController(QObject):
    state_changed = Signal(str)  # mic state
    speaking_changed = Signal(bool)  # the tutor is (not) speaking
    send_audio = Signal(object, float)  # pcm, speech_ended_at -> worker.run_utterance
    send_text = Signal(str)  # -> worker.run_text_turn
    utterance_sent = Signal(object, str)  # pcm or None, text ("" for audio)
    stop_playback = Signal()  # -> player.stop (queued to the player thread)
    barged_in = Signal(bool)  # True: a running turn was cancelled (False: none, or saving)
    retracted = Signal()  # a turn confirmed early was taken back: remove it from the view
    message = Signal(str)  # a one-line status for the window

    def __init__(self, mic: MicWorker, player: PlayerWorker, cancel_turn, parent=None) -> None:
        # Give it a parent (the window): Qt then deletes it, and its timer, on
        # the GUI thread, never wherever Python's garbage collector happens to run.
        super().__init__(parent)
        self.mic, self.player, self._cancel_turn = mic, player, cancel_turn
        self.state = IDLE
        self.ready = False  # the models are loaded
        self.mic_ok = False
        self.hands_free = False
        self.voice_barge_in = False
        self.turns_in_flight = 0
        self.speaking = False
        self._last_audio = 0.0
        mic.utterance.connect(self._on_utterance)
        mic.turn_confirmed.connect(self._on_turn_confirmed)
        mic.retracted.connect(self._on_retracted)
        mic.no_speech.connect(self._on_no_speech)
        mic.speech_started.connect(self._on_speech_started)
        mic.failed.connect(self._on_mic_failed)
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._tick)
        self._poll.start()

    # -- inputs ---------------------------------------------------------------------
    def set_ready(self, ready: bool) -> None:
        self.ready = ready
        self._maybe_listen()

    def set_mic_ok(self, ok: bool) -> None:
        self.mic_ok = ok
        self._maybe_listen()

    def set_hands_free(self, on: bool) -> None:
        self.hands_free = bool(on)
        if not on and self.state == LISTENING:
            self.mic.request_stop()
            self._set_state(STOPPING)
        self._maybe_listen()

    @property
    def busy(self) -> bool:
        return self.turns_in_flight > 0 or self.speaking

    def press(self) -> None:
        """Talk pressed (Space or the button): interrupt the tutor, then record."""
        if not (self.ready and self.mic_ok):
            return
        if self.busy:
            self.barge_in()
        if self.state == LISTENING:
            return  # hands-free is already listening: just talk
        if self.state != IDLE:
            return
        self.mic.begin(PUSH_TO_TALK)
        self._set_state(RECORDING)

    def release(self) -> None:
        if self.state == RECORDING:
            self.mic.request_stop()
            self._set_state(STOPPING)

    def submit_text(self, text: str) -> None:
        if not self.ready or not text.strip():
            return
        if self.busy:
            self.barge_in()
        self._start_turn()
        self.utterance_sent.emit(None, text)
        self.send_text.emit(text)

    def barge_in(self) -> None:
        self.stop_playback.emit()
        # A turn past its last check is saved anyway: the cancel says so.
        cancelled = bool(self.turns_in_flight) and bool(self._cancel_turn())
        self.speaking = False
        self.speaking_changed.emit(False)
        self.barged_in.emit(cancelled)

    def stop_tutor(self) -> None:
        """The Stop button: silence the tutor and cancel the turn; no recording."""
        self.barge_in()

    def reply_audio_forwarded(self) -> None:
        self._last_audio = time.monotonic()
        if not self.speaking:
            self.speaking = True
            self.speaking_changed.emit(True)

    def turn_ended(self) -> None:
        self.turns_in_flight = max(0, self.turns_in_flight - 1)
        self._maybe_listen()

    # -- mic worker -----------------------------------------------------------------
    def _on_speech_started(self) -> None:
        if self.state == LISTENING and self.voice_barge_in and self.busy:
            self.barge_in()

    def _on_utterance(self, pcm, ended_at: float) -> None:
        self._take_turn(pcm)
        self.send_audio.emit(pcm, ended_at)
        self._maybe_listen()

    def _on_turn_confirmed(self, pcm, _ended_at: float) -> None:
        """Hands-free: the turn the mic worker started on a pause is the
        learner's; the practice worker already has it."""
        self._take_turn(pcm)
        self._maybe_listen()

    def _on_retracted(self) -> None:
        """The turn confirmed early was cancelled (the learner went on): stop
        its voice; its turn ends with the practice worker's turn_cancelled."""
        self.stop_playback.emit()
        self.speaking = False
        self.speaking_changed.emit(False)
        self.retracted.emit()

    def _take_turn(self, pcm) -> None:
        self._set_state(IDLE)
        self._start_turn()
        self.utterance_sent.emit(pcm, "")

    def _on_no_speech(self, reason: str) -> None:
        self._set_state(IDLE)
        if reason != "stopped":
            self.message.emit(reason)
        self._maybe_listen()

    def _on_mic_failed(self, problem: str) -> None:
        self._set_state(IDLE)
        self.mic_ok = False
        self.message.emit(problem)

    # -- internals ------------------------------------------------------------------
    def _start_turn(self) -> None:
        self.turns_in_flight += 1

    def shutdown(self) -> None:
        self._poll.stop()
        self.hands_free = False

    def _tick(self) -> None:
        playing = self.player.is_playing
        recent = time.monotonic() - self._last_audio < RESUME_AFTER_AUDIO_S
        speaking = playing or (recent and self.speaking)
        if speaking != self.speaking:
            self.speaking = speaking
            self.speaking_changed.emit(speaking)
        self._maybe_listen()

    def _maybe_listen(self) -> None:
        if (self.hands_free and self.ready and self.mic_ok and self.state == IDLE
                and (self.voice_barge_in or not self.busy)):
            # A turn taken back leaves its capture running and the one begun
            # at its early confirmation queued: that one listens next.
            if not self.mic.capture_queued:
                self.mic.begin(HANDS_FREE)
            self._set_state(LISTENING)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
