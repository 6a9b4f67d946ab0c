"""The one driver of live turn-taking, for everything that takes turns from audio.

:class:`TurnDriver` is fed 16 kHz chunks as they arrive. It cuts the
learner's utterance (:mod:`~app.turntaking.cutter`), starts the turn behind a
closed gate at a pause and cancels it when the learner goes on
(:mod:`~app.turntaking.speculation`), lets the end-of-turn policy set the
silence that ends the turn (:mod:`~app.turntaking.turn_end`), and at the
confirmed end lets the speculative turn through, or says that none was.

Its users only wire it:

- the window's microphone worker (``app/ui/audio_workers.py``) runs
  :func:`listen_turn` on the microphone and turns the callbacks into signals;
- :class:`LiveTurns` (the benchmark, the tests) replays a recording into it and
  runs each turn on a private thread;
- :func:`listen` (``turn --mic``, the review window's drills) records one
  utterance with it, without speculation.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from app.config import HANGOVER_MS, PAUSE_MS
from app.errors import AudioDeviceError, AudioFileError
from app.turn_types import CancelToken
from app.turntaking.cutter import Cut, Utterance, UtteranceCutter
from app.turntaking.endpointer import (SPEECH_EARLY, SPEECH_END, SPEECH_PAUSE, SPEECH_RESUME,
                                       live_endpointer)
from app.turntaking.gate import Gate
from app.turntaking.speculation import Speculation, SpeculativeTurn, StartTurn
from app.turntaking.turn_end import TurnEndOptions


@dataclass(frozen=True)
class TurnEnd:
    utterance: Utterance
    # The speculative turn now let through; None: none was (or it failed
    # unheard), so the caller runs the turn the ordinary way.
    turn: SpeculativeTurn | None = None


class TurnDriver:
    """Feed chunks; get a :class:`TurnEnd` at each confirmed end of an utterance.

    ``start`` runs (or queues) a speculative turn; None: no speculation, the
    end comes after ``hangover_ms`` of silence. ``turn_end``: the end of a
    speculated turn from what was said (app.turntaking.turn_end). ``on_cut``
    sees every event before the end (speech start, pauses, resumptions);
    ``on_confirm`` runs with the utterance just before a speculative turn's
    first event is let through: at the end, or sooner when what was said
    sounds finished (the end-of-turn policy's early silence); ``on_retract``
    runs when a turn let through that early is taken back because the learner
    went on (stop its voice, remove what it showed).
    """

    def __init__(self, start: StartTurn | None = None, *, turn_end: TurnEndOptions | None = None,
                 hangover_ms: int = HANGOVER_MS, pause_ms: int | None = PAUSE_MS,
                 max_speech_s: float = 30.0, on_cut: Callable[[Cut], None] | None = None,
                 on_confirm: Callable[[Utterance], None] | None = None,
                 on_retract: Callable[[SpeculativeTurn], None] | None = None) -> None:
        if start is None:
            pause_ms = None
        self.turn_end = turn_end.policy() if turn_end is not None and pause_ms else None
        self.cutter = UtteranceCutter(live_endpointer(
            hangover_ms, pause_ms, max_speech_s=max_speech_s,
            turn_end=self.turn_end.required_ms if self.turn_end else None,
            early=self.turn_end.early_ms if self.turn_end else None))
        self.speculation = Speculation(start, self.turn_end, on_retract) if pause_ms else None
        self.on_cut = on_cut
        self.on_confirm = on_confirm
        self.last_endpoint_delay_ms = 0.0
        self._paused_at: int | None = None  # where the current pause's silence began

    @property
    def heard_speech(self) -> bool:
        return self.cutter.heard_speech

    @property
    def speculations(self) -> int:
        return self.speculation.started if self.speculation else 0

    @property
    def wasted(self) -> int:
        return self.speculation.wasted if self.speculation else 0

    @property
    def released(self) -> int:
        """Turns let through before their end was confirmed."""
        return self.speculation.released if self.speculation else 0

    @property
    def retracted(self) -> int:
        """Of those, the turns taken back (the learner went on)."""
        return self.speculation.retracted if self.speculation else 0

    def feed(self, chunk: np.ndarray, now: float | None = None) -> TurnEnd | None:
        """The next chunk, just arrived (``now``: when its last sample did)."""
        ended = None
        for cut in self.cutter.feed(chunk, now):
            if cut.kind == SPEECH_END:
                ended = self._end(cut.utterance)
                continue
            if self.on_cut is not None:
                self.on_cut(cut)
            self._learn_rhythm(cut)
            if self.speculation is None:
                continue
            if cut.kind == SPEECH_EARLY:
                self.speculation.release(self.on_confirm)
            else:
                self.speculation.on_cut(cut)
        return ended

    def _learn_rhythm(self, cut: Cut) -> None:
        """A pause the learner went on after is one more of their pauses."""
        if cut.kind == SPEECH_PAUSE and cut.utterance is not None:
            self._paused_at = cut.utterance.end_sample
        elif cut.kind == SPEECH_RESUME and self._paused_at is not None and cut.sample >= 0:
            if self.turn_end is not None:
                self.turn_end.resumed((cut.sample - self._paused_at) * 1000 / 16000)
            self._paused_at = None

    def _end(self, utterance: Utterance) -> TurnEnd:
        self._paused_at = None
        self.last_endpoint_delay_ms = utterance.endpoint_delay_ms
        if self.speculation is None:
            return TurnEnd(utterance)
        first = (lambda: self.on_confirm(utterance)) if self.on_confirm is not None else None
        return TurnEnd(utterance, self.speculation.confirm(utterance, on_confirm=first))

    def cancel(self) -> None:
        """Drop the speculative turn, if any (listening stopped or failed)."""
        if self.speculation is not None:
            self.speculation.cancel()

    def reset(self) -> None:
        self.cutter.reset()
        self.cancel()


def listen_turn(driver: TurnDriver, device=None, *, wait_s: float = 15.0,
                on_chunk: Callable[[np.ndarray], None] | None = None,
                should_stop: Callable[[], bool] = lambda: False, echo=None,
                on_open: Callable[[], None] | None = None) -> TurnEnd:
    """Feed the microphone to ``driver`` until an utterance ends.

    ``on_open`` runs once the microphone is recording: from then on nothing
    the learner says is lost.

    ``echo`` (an app.audio.echo.EchoCancel) takes the tutor's voice out of
    each chunk before anything else sees it, and what it judged to be only
    that voice cannot start the learner's speech.

    Raises AudioDeviceError for no microphone or a stalled one, and
    AudioFileError when nobody spoke within ``wait_s`` or ``should_stop()``;
    a speculative turn is cancelled then.
    """
    from app.audio.recorder import Recorder  # lazy: loads numpy

    recorder = Recorder(device)
    if echo is not None:
        echo.restart()  # its sample positions and the driver's both start here
        recorder.process = echo.process
        driver.cutter.endpointer.onset_veto = echo.echo_only
    recorder.start()
    deadline = time.monotonic() + wait_s
    try:
        if on_open is not None:
            on_open()
        while not should_stop():
            chunk = recorder.get_chunk(timeout=1.0)
            if chunk is None:
                if time.monotonic() > deadline + 2:
                    raise AudioDeviceError("the microphone stopped sending audio",
                                           "check that it is connected and not in use")
                continue
            if on_chunk:
                on_chunk(chunk)
            ended = driver.feed(chunk)
            if ended is not None:
                return ended
            if not driver.heard_speech and time.monotonic() > deadline:
                raise AudioFileError(f"no speech heard in {wait_s:.0f} s",
                                     "speak closer to the microphone or check the input device")
        raise AudioFileError("listening was stopped before any speech ended", "try again")
    except BaseException:
        driver.cancel()
        raise
    finally:
        recorder.stop()


def listen(device=None, *, wait_s: float = 15.0, max_speech_s: float = 30.0,
           should_stop: Callable[[], bool] = lambda: False, echo=None) -> Utterance:
    """Record until the learner has spoken and stopped (no speculation)."""
    return listen_turn(TurnDriver(max_speech_s=max_speech_s), device, wait_s=wait_s,
                       should_stop=should_stop, echo=echo).utterance


class TurnRunner(Protocol):
    """What runs the turns :class:`LiveTurns` starts: app.practice.Practice."""

    def run_turn(self, pcm: np.ndarray | None, *, on_event: Callable, cancel: CancelToken,
                 speech_ended_at: float | None, gate: Gate) -> Any: ...


class LiveTurns:
    """Feed microphone chunks; get a Future per confirmed turn.

    Turns run one at a time on a private worker thread, so a cancelled one
    finishes (and rolls back) before the next starts.
    """

    def __init__(self, practice: TurnRunner, *, on_event: Callable = lambda e: None,
                 hangover_ms: int = HANGOVER_MS, pause_ms: int | None = PAUSE_MS,
                 turn_end: TurnEndOptions | None = None,
                 on_retract: Callable[[SpeculativeTurn], None] | None = None) -> None:
        """``turn_end``: end turns from what was said (app.turntaking.turn_end);
        None, or no speculation (``pause_ms`` None), ends them after
        ``hangover_ms`` of silence. ``on_retract``: a turn let through before
        its end was taken back (its events were already delivered)."""
        self.practice = practice
        self.on_event = on_event
        self.driver = TurnDriver(self._start if pause_ms else None, turn_end=turn_end,
                                 hangover_ms=hangover_ms, pause_ms=pause_ms,
                                 on_retract=on_retract)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="turn")

    @property
    def turn_end(self):
        return self.driver.turn_end

    @property
    def speculations(self) -> int:
        return self.driver.speculations

    @property
    def wasted(self) -> int:
        return self.driver.wasted

    @property
    def released(self) -> int:
        return self.driver.released

    @property
    def retracted(self) -> int:
        return self.driver.retracted

    @property
    def last_endpoint_delay_ms(self) -> float:
        return self.driver.last_endpoint_delay_ms

    def reset(self) -> None:
        self.driver.reset()

    def feed(self, chunk: np.ndarray) -> Future | None:
        """Take the next chunk (16 kHz mono float32), just arrived. Returns the
        Future of a turn whose end was confirmed in this chunk, else None."""
        ended = self.driver.feed(chunk)
        if ended is None:
            return None
        if ended.turn is not None:
            return ended.turn.handle
        return self._start(ended.utterance, Gate(), CancelToken())

    def _start(self, utterance: Utterance, gate: Gate, cancel: CancelToken) -> Future:
        return self._worker.submit(self.practice.run_turn, utterance.pcm, on_event=self.on_event,
                                   cancel=cancel, speech_ended_at=utterance.speech_ended_at,
                                   gate=gate)

    def close(self) -> None:
        self.driver.cancel()
        self._worker.shutdown(wait=True)
