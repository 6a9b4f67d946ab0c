"""Turns taken from a live audio stream, with the turn's work started early.

The endpointer waits ``hangover_ms`` of silence (500 ms: shorter cut readers
off mid-sentence on the test speech) before it is sure the learner has
finished. That wait would come on top of recognition, generation and
synthesis. Instead, after a short pause (``pause_ms``) the turn starts
speculatively behind a closed :class:`~app.turntaking.gate.Gate`; when the end is
confirmed the gate opens and the reply is already on its way. If the learner
goes on talking, the speculative turn is cancelled and leaves no trace.

A sentence that sounds finished may be let through sooner, before its end is
confirmed (:meth:`Speculation.release`, on the endpointer's SPEECH_EARLY), so
the reply starts to sound; if the learner goes on before the end, that turn is
*taken back*: cancelled, and the caller told (``on_retract``) to stop its voice
and remove what it showed. The utterance then goes on as one, as after any
pause.

:class:`Speculation` is that policy alone, for any way of running a turn;
:class:`app.turntaking.driver.TurnDriver`, the one driver, is the only user:
the window's microphone worker hands the turn to the practice worker through
a signal, :class:`~app.turntaking.driver.LiveTurns` (the benchmark, the tests)
runs it on a thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.turn_types import CancelToken
from app.turntaking.cutter import Cut, Utterance
from app.turntaking.endpointer import SPEECH_PAUSE, SPEECH_RESUME, SPEECH_START
from app.turntaking.gate import Gate
from app.turntaking.turn_end import TurnEndPolicy

# Runs (or queues) a turn for the utterance, its events behind the gate, and
# returns a handle the caller can wait on (a Future, or None).
StartTurn = Callable[[Utterance, Gate, CancelToken], Any]


@dataclass
class SpeculativeTurn:
    end_sample: int
    gate: Gate
    cancel: CancelToken
    handle: Any
    utterance: Utterance | None = None

    @property
    def released(self) -> bool:
        """Let through before its end was confirmed (or confirmed)."""
        return self.gate.is_open


class Speculation:
    """Start the turn on a pause, cancel it when the learner goes on, let it be
    heard when the end is confirmed."""

    def __init__(self, start: StartTurn, turn_end: TurnEndPolicy | None = None,
                 on_retract: Callable[[SpeculativeTurn], None] | None = None) -> None:
        self.start = start
        # Told of each pause and resumption; reads each speculative transcript.
        self.turn_end = turn_end
        # A turn let through early was taken back: stop its voice, remove it.
        self.on_retract = on_retract
        self._pending: SpeculativeTurn | None = None
        self.started = 0  # turns started on a pause
        self.wasted = 0  # of which the learner went on talking
        self.released = 0  # turns let through before their end was confirmed
        self.retracted = 0  # of which the learner went on talking

    def on_cut(self, cut: Cut) -> None:
        if cut.kind == SPEECH_PAUSE:
            self.cancel()
            peek = None
            if self.turn_end is not None:
                peek = self.turn_end.peek(self.turn_end.begin(cut.utterance.pcm))
            gate, cancel = Gate(open_now=False, peek=peek), CancelToken()
            handle = self.start(cut.utterance, gate, cancel)
            self._pending = SpeculativeTurn(cut.utterance.end_sample, gate, cancel, handle,
                                            cut.utterance)
            self.started += 1
        elif cut.kind in (SPEECH_RESUME, SPEECH_START):
            if self.turn_end is not None:
                self.turn_end.begin()  # forget the last pause's (or utterance's) evidence
            if cut.kind == SPEECH_RESUME and self._pending is not None:
                pending, self._pending = self._pending, None
                self.wasted += 1
                # A turn let through early waits for its end before it saves
                # (Gate.wait), so it can always be taken back here.
                if pending.cancel.cancel() and pending.released:
                    self.retracted += 1
                    if self.on_retract is not None:
                        self.on_retract(pending)

    def release(self, on_release: Callable[[Utterance], None] | None = None) -> bool:
        """Let the speculative turn be heard before its end is confirmed (what
        was said sounds finished); ``on_release`` runs with its utterance just
        before its first event, as ``on_confirm`` would. False: none to let
        through. A resumption before the end takes it back."""
        pending = self._pending
        if pending is None or pending.released:
            return False
        first = (lambda: on_release(pending.utterance)) if on_release is not None else None
        # Not confirmed: the turn is heard but not saved until its end.
        if not pending.gate.open(first=first, confirmed=False):
            return False
        self.released += 1
        return True

    def confirm(self, utterance: Utterance,
                on_confirm: Callable[[], None] | None = None) -> SpeculativeTurn | None:
        """The utterance has certainly ended. Returns the speculative turn now
        let through (``on_confirm`` ran just before its first event), or None:
        none was started for this end, or it already failed unheard. Then the
        caller runs the turn the ordinary way. A turn let through early is
        returned as it is (``on_confirm`` ran when it was let through)."""
        pending, self._pending = self._pending, None
        if pending is not None and pending.end_sample == utterance.end_sample:
            if pending.gate.open(first=on_confirm):
                return pending
        if pending is not None:
            pending.cancel.cancel()
        return None

    def cancel(self) -> bool:
        """Drop the speculative turn, if any (the learner went on, or stopped listening)."""
        pending, self._pending = self._pending, None
        if pending is None:
            return False
        pending.cancel.cancel()
        return True

