"""Plain values for the review pages: history rows, search hits, drills.

Like :mod:`app.store.records`, these never carry ORM rows, so the GUI's
workers can hand them to the window thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.store.records import CorrectionView


@dataclass(frozen=True)
class HistoryRow:
    """One session as the history table lists it."""

    session_id: int
    started_at: datetime
    ended_at: datetime | None
    scenario: str
    level: str
    turn_count: int
    correction_count: int
    spoken_seconds: float  # learner audio, summed
    last_turn_at: datetime | None

    @property
    def duration(self) -> timedelta:
        """From the start to the end (or, for an unfinished session, its last turn)."""
        end = self.ended_at or self.last_turn_at or self.started_at
        return max(timedelta(0), end - self.started_at)


@dataclass(frozen=True)
class SearchHit:
    """A turn that matched a full-text search; snippets mark matches with [ ]."""

    turn_id: int
    session_id: int
    turn_index: int
    started_at: datetime
    scenario: str
    transcript_snippet: str
    reply_snippet: str
    score: float  # BM25 (lower is a better match)


@dataclass(frozen=True)
class CorrectionEntry:
    """A correction with where and when it was made (the mistake notebook)."""

    correction: CorrectionView
    turn_id: int
    session_id: int
    at: datetime
    transcript: str
    scenario: str


@dataclass(frozen=True)
class TurnMetric:
    """What progress charts need from a turn, without its audio or reply."""

    turn_id: int
    session_id: int
    started_at: datetime
    learner_seconds: float | None
    words: list[dict[str, Any]]
    transcript: str
    correction_count: int


@dataclass(frozen=True)
class DrillRecord:
    """A new drill to save."""

    correction_id: int | None
    kind: str
    prompt: str
    target: str
    reason: str
    due: datetime
    card: dict[str, Any]


@dataclass(frozen=True)
class DrillView:
    id: int
    correction_id: int | None
    kind: str
    prompt: str
    target: str
    reason: str
    created_at: datetime
    due: datetime
    card: dict[str, Any]
    last_review: datetime | None
    reps: int
    lapses: int
    mastered_at: datetime | None
