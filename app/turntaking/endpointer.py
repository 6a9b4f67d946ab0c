"""Live endpointing with Silero VAD: :class:`Endpointer` decides, while the
learner talks, when they have stopped so the tutor can answer.

The model (:func:`app.audio.vad.vad_session`, the ONNX model faster-whisper
ships) works on 512-sample frames at 16 kHz (32 ms) and is recurrent: the
endpointer keeps its LSTM state (h, c) and the 64 samples of context it
prepends to each frame between ``feed`` calls, exactly as faster-whisper's
batch code does inside one call, so live and offline (:mod:`app.audio.vad`)
agree. :func:`live_endpointer` is the one the app takes turns with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from app.audio.vad import RATE, vad_session
from app.config import HANGOVER_MS, PAUSE_MS

FRAME = 512  # Silero's window at 16 kHz
CONTEXT = 64  # samples of the previous frame the model sees (Silero v5/v6)
SPEECH_START = "speech_start"
SPEECH_END = "speech_end"
# Optional (pause_ms set): the learner has been quiet for pause_ms inside speech,
# so the turn will probably end; SPEECH_RESUME says it did not. The app starts
# the turn's work on a pause and only lets it be heard once the end is confirmed.
SPEECH_PAUSE = "speech_pause"
SPEECH_RESUME = "speech_resume"
# Optional (turn_end set): what was said sounds finished and the learner has
# been quiet for the early silence it asks for (shorter than the end's), so the
# reply may start to sound; the end still comes later, and a SPEECH_RESUME
# before it takes the reply back (app.turntaking.speculation).
SPEECH_EARLY = "speech_early"


@dataclass(frozen=True)
class VadEvent:
    kind: str  # SPEECH_START, SPEECH_END, SPEECH_PAUSE, SPEECH_EARLY or SPEECH_RESUME
    sample: int  # where speech started / ended, in samples since the last reset
    at_sample: int  # how much audio had been fed when the event fired

    @property
    def time_s(self) -> float:
        return self.sample / RATE

    @property
    def delay_s(self) -> float:
        """How long after the speech boundary the event fired (the endpointing delay)."""
        return (self.at_sample - self.sample) / RATE


class Endpointer:
    """Streaming speech start / end detection on 16 kHz mono float32 chunks.

    A speech start needs ``min_speech_ms`` of frames above ``speech_threshold``
    (a cough or click is shorter). A speech end needs ``hangover_ms`` of frames
    below the lower threshold (speech_threshold - 0.15, hysteresis as in Silero):
    the hangover is the trade between a fast answer and not cutting the learner
    off in a pause between phrases; ~500 ms suits read and conversational speech.
    ``max_speech_s`` forces an end so a noisy room cannot hold the turn forever.
    """

    def __init__(
        self,
        sample_rate: int = RATE,
        min_silence_ms: int | None = None,
        speech_threshold: float = 0.5,
        min_speech_ms: int = 150,
        hangover_ms: int = 500,
        max_speech_s: float = 30.0,
        pause_ms: int | None = None,
        turn_end: Callable[[], float] | None = None,
        early: Callable[[], float | None] | None = None,
    ) -> None:
        if sample_rate != RATE:
            raise ValueError(f"Silero VAD runs at {RATE} Hz; resample first (got {sample_rate})")
        self.sample_rate = sample_rate
        # min_silence_ms is the same thing under Silero's name: the pause that ends speech.
        self.hangover_ms = int(min_silence_ms if min_silence_ms is not None else hangover_ms)
        self.speech_threshold = speech_threshold
        self.min_speech_ms = min_speech_ms
        self.max_speech_s = max_speech_s
        self.pause_ms = pause_ms
        # After a pause, the silence that ends the turn comes from here (ms):
        # app.turntaking.turn_end, from what was said and how.
        self.turn_end = turn_end
        # ... and the silence after which the reply may start to sound before
        # that end (ms), None while what was said does not sound finished.
        self.early = early
        # Optional: (start, end) sample of a frame -> True when that audio is
        # only the tutor's echo (app.audio.echo.EchoCancel.echo_only); such
        # frames can neither start speech nor resume it after a pause (the
        # tutor may be speaking then: its reply starts early), as if silent.
        self.onset_veto: Callable[[int, int], bool] | None = None
        self.last_probability = 0.0
        self.reset()

    @property
    def min_silence_ms(self) -> int:
        return self.hangover_ms

    @property
    def in_speech(self) -> bool:
        return self._in_speech

    def reset(self) -> None:
        """Forget all audio and model state (start of a new turn)."""
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)
        self._frames_done = 0  # samples already scored
        self._in_speech = False
        self._run_start: int | None = None  # first frame of a candidate speech run
        self._speech_start = 0
        self._silence_start: int | None = None  # first quiet frame inside speech
        self._paused = False  # a SPEECH_PAUSE was reported for this silence
        self._early = False  # a SPEECH_EARLY was reported for this silence
        self._resume_start: int | None = None  # first frame of speech after SPEECH_EARLY

    def feed(self, chunk: np.ndarray) -> list[VadEvent]:
        """Score whole 512-sample frames of chunk (the rest waits for the next call)."""
        chunk = np.asarray(chunk, dtype=np.float32).reshape(-1)
        self._pending = np.concatenate([self._pending, chunk]) if self._pending.size else chunk
        count = self._pending.size // FRAME
        if count == 0:
            return []
        frames = self._pending[: count * FRAME].reshape(count, FRAME)
        self._pending = self._pending[count * FRAME :].copy()
        return [e for p in self._score(frames) for e in self._step(p)]

    def _score(self, frames: np.ndarray) -> np.ndarray:
        # One run for all frames: the model treats the batch axis as time (LSTM),
        # so this equals frame-by-frame calls and costs less per frame.
        contexts = np.concatenate([self._context[None, :], frames[:-1, -CONTEXT:]], axis=0)
        batch = np.concatenate([contexts, frames], axis=1)
        probs, self._h, self._c = vad_session().run(None, {"input": batch, "h": self._h, "c": self._c})
        self._context = frames[-1, -CONTEXT:].copy()
        return np.asarray(probs, dtype=np.float32).reshape(-1)

    def _step(self, prob: float) -> list[VadEvent]:
        start, self._frames_done = self._frames_done, self._frames_done + FRAME
        now = self._frames_done  # audio fed up to the end of this frame
        self.last_probability = float(prob)
        low = max(self.speech_threshold - 0.15, 0.01)
        if not self._in_speech:
            echo = self.onset_veto is not None and self.onset_veto(start, now)
            if prob >= self.speech_threshold and not echo:
                if self._run_start is None:
                    self._run_start = start
                if now - self._run_start >= self.min_speech_ms * RATE / 1000:
                    self._in_speech, self._speech_start = True, self._run_start
                    self._silence_start = None
                    return [VadEvent(SPEECH_START, self._run_start, now)]
            elif prob < low or echo:
                self._run_start = None
            return []
        events: list[VadEvent] = []
        speech = prob >= self.speech_threshold and not (
            self._paused and self.onset_veto is not None and self.onset_veto(start, now))
        if speech and self._early:
            # A reply is sounding: going on takes it back, so it needs as
            # much speech as an onset does; a click or a leak of the tutor's
            # own voice is shorter. Meanwhile the turn does not end.
            if self._resume_start is None:
                self._resume_start = start
            if now - self._resume_start < self.min_speech_ms * RATE / 1000:
                return events
        elif prob < low:
            self._resume_start = None
        elif (self._early and self._resume_start is not None
              and now - self._resume_start < self.min_speech_ms * RATE / 1000):
            # A weaker frame inside the learner's going on (onsets have them):
            # the turn does not end while that resumption may still be heard.
            return events
        if speech:
            if self._paused:
                resumed = self._resume_start if self._resume_start is not None else start
                events.append(VadEvent(SPEECH_RESUME, resumed, now))
            self._silence_start, self._paused, self._early = None, False, False
            self._resume_start = None
        elif prob < low and self._silence_start is None:
            self._silence_start = start
        quiet = now - self._silence_start if self._silence_start is not None else -1
        needed = (self.turn_end() if self.turn_end is not None and self._paused
                  else self.hangover_ms)
        if quiet >= needed * RATE / 1000:
            return [self._end(self._silence_start, now)]
        if (self.pause_ms is not None and not self._paused
                and quiet >= self.pause_ms * RATE / 1000):
            self._paused = True
            events.append(VadEvent(SPEECH_PAUSE, self._silence_start, now))
        if self._paused and not self._early and self.early is not None:
            early_ms = self.early()
            if early_ms is not None and quiet >= early_ms * RATE / 1000:
                self._early = True
                events.append(VadEvent(SPEECH_EARLY, self._silence_start, now))
        if now - self._speech_start >= self.max_speech_s * RATE:
            return events + [self._end(now, now)]
        return events

    def _end(self, end_sample: int, now: int) -> VadEvent:
        self._in_speech, self._run_start, self._silence_start = False, None, None
        self._paused = self._early = False
        self._resume_start = None
        return VadEvent(SPEECH_END, end_sample, now)


def live_endpointer(hangover_ms: int = HANGOVER_MS, pause_ms: int | None = PAUSE_MS,
                    **options) -> Endpointer:
    """The endpointer the app takes turns with (window, benchmark, `turn --mic`):
    a pause after PAUSE_MS; the end after the silence ``turn_end`` asks for
    once paused (app.turntaking.turn_end), else after HANGOVER_MS."""
    return Endpointer(hangover_ms=hangover_ms, pause_ms=pause_ms, **options)
