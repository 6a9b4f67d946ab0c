"""Plain values that go into and come out of the store.

Callers (the practice loop, the GUI's review pages) only ever see these
dataclasses, never ORM rows, so they never hold a database session and can
pass values between threads freely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from app.audio.constants import ASR_RATE
from app.store.models import INPUT_MODES, utc_now


@dataclass
class CorrectionRecord:
    """One fix to save. ``start``/``end`` are character offsets into the transcript."""

    original: str
    corrected: str
    reason: str
    kind: str
    source: str = "rules"
    start: int | None = None
    end: int | None = None


@dataclass
class TurnRecord:
    """Everything one turn produced, ready to save in one go.

    Timestamps should be timezone-aware; naive ones are taken to be UTC.
    ``learner_pcm``/``reply_pcm`` are float32 mono in [-1, 1] (or None when
    there is no audio: typed input, a muted voice).
    """

    session_id: int
    transcript: str
    words: list[dict[str, Any]] = field(default_factory=list)
    corrections: list[CorrectionRecord] = field(default_factory=list)
    reply: str = ""
    learner_pcm: np.ndarray | None = None
    learner_sample_rate: int = ASR_RATE
    reply_pcm: np.ndarray | None = None
    reply_sample_rate: int = 22050
    models: dict[str, Any] = field(default_factory=dict)
    timings_ms: dict[str, Any] = field(default_factory=dict)
    started_at: datetime = field(default_factory=utc_now)
    ended_at: datetime = field(default_factory=utc_now)
    input_mode: str = "voice"

    def check(self) -> None:
        """Raise ValueError for values the database would reject or garble."""
        if self.input_mode not in INPUT_MODES:
            raise ValueError(f"input_mode must be one of {INPUT_MODES}, not {self.input_mode!r}")
        for name in ("learner_sample_rate", "reply_sample_rate"):
            rate = getattr(self, name)
            if not isinstance(rate, (int, np.integer)) or rate <= 0:
                raise ValueError(f"{name} must be a positive integer, not {rate!r}")


@dataclass(frozen=True)
class SavedTurn:
    """What :meth:`Store.save_turn` wrote. Audio paths are absolute, None when absent."""

    turn_id: int
    index: int
    learner_audio: Path | None
    reply_audio: Path | None
    session_id: int = 0  # the session it was saved in (a new one, or record.session_id)


@dataclass(frozen=True)
class CorrectionView:
    id: int
    original: str
    corrected: str
    reason: str
    kind: str
    source: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class TurnView:
    """A saved turn, detached from the database. Audio paths are absolute."""

    id: int
    session_id: int
    index: int
    started_at: datetime
    ended_at: datetime
    transcript: str
    words: list[dict[str, Any]]
    reply: str
    learner_audio: Path | None
    reply_audio: Path | None
    models: dict[str, Any]
    timings_ms: dict[str, Any]
    input_mode: str
    corrections: list[CorrectionView]
    learner_seconds: float | None = None  # length of the learner's recording


@dataclass(frozen=True)
class SessionView:
    """A saved practice session. ``ended_at`` is None while it is still going."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    scenario: str
    level: str
    correction_style: str
    summary: dict[str, Any] | None
    turn_count: int
