"""Turns taken from a live audio stream, with the turn's work started early.

The endpointer waits ``hangover_ms`` of silence (500 ms: shorter cut readers
off mid-sentence on the test speech) before it is sure the learner has
finished. That wait would come on top of recognition, generation and
synthesis. Instead, after a short pause (``pause_ms``) the turn starts
speculatively behind a closed :class:`~app.gate.Gate`; when the end is
confirmed the gate opens and the reply is already on its way. If the learner
goes on talking, the speculative turn is cancelled and leaves no trace.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from app.audio.utterance import PRE_ROLL_S, TAIL_S
from app.audio.vad import SPEECH_END, SPEECH_PAUSE, SPEECH_RESUME, SPEECH_START, Endpointer
from app.config import HANGOVER_MS, PAUSE_MS
from app.gate import Gate
from app.practice import CancelToken, Practice

RATE = 16000


@dataclass
class _Pending:
    end_sample: int
    gate: Gate
    cancel: CancelToken
    future: Future


class LiveTurns:
    """Feed microphone chunks; get a Future per confirmed turn.

    Speculative turns run one at a time on a private worker thread, so a
    cancelled one finishes (and rolls back) before the next starts.
    """

    def __init__(self, practice: Practice, *, on_event: Callable = lambda e: None,
                 hangover_ms: int = HANGOVER_MS, pause_ms: int | None = PAUSE_MS) -> None:
        self.practice = practice
        self.on_event = on_event
        self.endpointer = Endpointer(hangover_ms=hangover_ms, pause_ms=pause_ms)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="turn")
        self._audio: list[np.ndarray] = []
        self._fed = 0
        self._speech_start: int | None = None
        self._pending: _Pending | None = None
        self.speculations = 0  # turns started on a pause
        self.wasted = 0  # of which the learner went on talking
        self.last_endpoint_delay_ms = 0.0

    def reset(self) -> None:
        self.endpointer.reset()
        self._audio, self._fed, self._speech_start = [], 0, None
        self._cancel_pending()

    def feed(self, chunk: np.ndarray) -> Future | None:
        """Take the next chunk (16 kHz mono float32), just arrived. Returns the
        Future of a turn whose end was confirmed in this chunk, else None."""
        now = time.monotonic()
        self._audio.append(np.asarray(chunk, dtype=np.float32).reshape(-1))
        self._fed += self._audio[-1].size
        confirmed = None
        for event in self.endpointer.feed(self._audio[-1]):
            # The chunk's last sample arrived now: date the event's sample from it.
            sample_time = now - (self._fed - event.sample) / RATE
            if event.kind == SPEECH_START and self._speech_start is None:
                self._speech_start = event.sample
            elif event.kind == SPEECH_PAUSE and self._speech_start is not None:
                self._start(event.sample, sample_time, Gate(open_now=False))
                self.speculations += 1
            elif event.kind == SPEECH_RESUME:
                if self._cancel_pending():
                    self.wasted += 1
            elif event.kind == SPEECH_END and self._speech_start is not None:
                self.last_endpoint_delay_ms = (now - sample_time) * 1000
                pending = self._pending
                if pending is None or pending.end_sample != event.sample:
                    self._cancel_pending()
                    pending = self._start(event.sample, sample_time, Gate())
                pending.gate.open()
                confirmed, self._pending = pending.future, None
                self._speech_start = None
                self._audio = []  # _fed keeps counting: event samples are stream positions
        if self._speech_start is None:
            self._drop_old_silence()
        return confirmed

    def _drop_old_silence(self) -> None:
        """Between turns only the pre-roll is needed; keep memory flat."""
        keep = int((PRE_ROLL_S + 0.5) * RATE)
        while len(self._audio) > 1 and sum(a.size for a in self._audio[1:]) >= keep:
            self._audio.pop(0)

    def _utterance(self, end_sample: int) -> np.ndarray:
        audio = np.concatenate(self._audio) if self._audio else np.zeros(0, np.float32)
        offset = self._fed - audio.size  # stream position of audio[0]
        begin = max(0, self._speech_start - int(PRE_ROLL_S * RATE) - offset)
        return audio[begin:max(begin, end_sample + int(TAIL_S * RATE) - offset)]

    def _start(self, end_sample: int, ended_at: float, gate: Gate) -> _Pending:
        pcm = self._utterance(end_sample)
        cancel = CancelToken()
        future = self._worker.submit(self.practice.run_turn, pcm, on_event=self.on_event,
                                     cancel=cancel, speech_ended_at=ended_at, gate=gate)
        self._pending = _Pending(end_sample, gate, cancel, future)
        return self._pending

    def _cancel_pending(self) -> bool:
        pending, self._pending = self._pending, None
        if pending is None:
            return False
        pending.cancel.cancel()
        return True

    def close(self) -> None:
        self._cancel_pending()
        self._worker.shutdown(wait=True)
