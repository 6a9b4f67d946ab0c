"""Typed events one practice turn emits, in order, each stamped with a monotonic time.

The command line prints them, the benchmark measures them, and the GUI turns
them into Qt signals; none of them knows about the others.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Event:
    at: float = field(default_factory=time.monotonic, kw_only=True)


@dataclass(frozen=True)
class TurnStarted(Event):
    pass


@dataclass(frozen=True)
class TranscriptReady(Event):
    transcript: object  # app.speech.types.Transcript


@dataclass(frozen=True)
class ReplyToken(Event):
    text: str


@dataclass(frozen=True)
class ReplySentence(Event):
    text: str


@dataclass(frozen=True)
class ReplyAudio(Event):
    """One synthesised sentence of the reply, ready to play."""

    pcm: np.ndarray
    sample_rate: int
    first: bool


@dataclass(frozen=True)
class ReplyDone(Event):
    text: str


@dataclass(frozen=True)
class RequestDone(Event):
    """The line was a spoken request (app/actions.py): carried out (``done``)
    or asked about; ``changes`` is what a window shows or does (a new
    ``voice_rate``, ``correction_style`` or ``scenario``, a ``pause``, the
    session's end)."""

    name: str
    arguments: dict
    changes: dict
    done: bool


@dataclass(frozen=True)
class CorrectionsReady(Event):
    result: object  # app.tutor.corrections.CorrectionResult


@dataclass(frozen=True)
class TurnSaved(Event):
    session_id: int
    turn_id: int
    timings_ms: dict
