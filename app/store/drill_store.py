"""Drills, the notebook's corrections and per-turn metrics (mixed into :class:`Store`).

The store keeps the scheduler's state as an opaque JSON dict; the FSRS logic
lives in :mod:`app.review.drills`, so the store has no scheduling opinions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store.models import Correction, Drill, PracticeSession, Turn
from app.store.review_records import CorrectionEntry, DrillRecord, DrillView, TurnMetric
from app.store.views import correction_view


def drill_view(row: Drill) -> DrillView:
    return DrillView(
        id=row.id, correction_id=row.correction_id, kind=row.kind, prompt=row.prompt,
        target=row.target, reason=row.reason, created_at=row.created_at, due=row.due,
        card=dict(row.card), last_review=row.last_review, reps=row.reps, lapses=row.lapses,
        mastered_at=row.mastered_at,
    )


class DrillQueries:
    """The host class (Store) provides ``_reading`` and ``_writing``."""

    _reading: Callable[[], AbstractContextManager[Session]]
    _writing: Callable[[], AbstractContextManager[Session]]

    # -- corrections, as the notebook sees them -----------------------------

    def correction_entries(
        self, kind: str | None = None, without_drill: bool = False
    ) -> list[CorrectionEntry]:
        """Corrections oldest first, each with its turn's time, text and scenario."""
        query = (
            select(Correction, Turn.session_id, Turn.started_at, Turn.transcript,
                   PracticeSession.scenario)
            .join(Turn, Turn.id == Correction.turn_id)
            .join(PracticeSession, PracticeSession.id == Turn.session_id)
            .order_by(Turn.started_at, Correction.id)
        )
        if kind:
            query = query.where(Correction.kind == kind)
        if without_drill:
            has_drill = select(Drill.id).where(Drill.correction_id == Correction.id).exists()
            query = query.where(~has_drill)
        with self._reading() as session:
            return [
                CorrectionEntry(correction_view(c), c.turn_id, sid, at, transcript, scenario)
                for c, sid, at, transcript, scenario in session.execute(query)
            ]

    def turn_metrics(self, since: datetime | None = None) -> list[TurnMetric]:
        """Every turn's timing and words, oldest first (progress and "today")."""
        fixes = (
            select(Correction.turn_id.label("tid"), func.count().label("n"))
            .group_by(Correction.turn_id)
            .subquery()
        )
        query = (
            select(Turn.id, Turn.session_id, Turn.started_at, Turn.learner_seconds, Turn.words,
                   Turn.transcript, func.coalesce(fixes.c.n, 0))
            .outerjoin(fixes, fixes.c.tid == Turn.id)
            .order_by(Turn.started_at, Turn.id)
        )
        if since is not None:
            query = query.where(Turn.started_at >= since)
        with self._reading() as session:
            return [
                TurnMetric(tid, sid, at, seconds, list(words or []), transcript, int(n))
                for tid, sid, at, seconds, words, transcript, n in session.execute(query)
            ]

    def turn_times(self) -> list[tuple[datetime, float | None]]:
        """(started_at, learner_seconds) of every turn: "today" without loading words."""
        query = select(Turn.started_at, Turn.learner_seconds).order_by(Turn.started_at)
        with self._reading() as session:
            return [(at, seconds) for at, seconds in session.execute(query)]

    # -- drills ---------------------------------------------------------------

    def add_drills(self, records: Sequence[DrillRecord]) -> list[int]:
        rows = [
            Drill(correction_id=r.correction_id, kind=r.kind, prompt=r.prompt, target=r.target,
                  reason=r.reason, due=r.due, card=dict(r.card))
            for r in records
        ]
        with self._writing() as session:
            session.add_all(rows)
            session.flush()
            return [row.id for row in rows]

    def drills(self, due_before: datetime | None = None, limit: int | None = None
               ) -> list[DrillView]:
        """Drills by due date (only those due by ``due_before`` when given)."""
        query = select(Drill).order_by(Drill.due, Drill.id)
        if due_before is not None:
            query = query.where(Drill.due <= due_before)
        if limit is not None:
            query = query.limit(limit)
        with self._reading() as session:
            return [drill_view(row) for row in session.scalars(query)]

    def get_drill(self, drill_id: int) -> DrillView | None:
        with self._reading() as session:
            row = session.get(Drill, drill_id)
            return None if row is None else drill_view(row)

    def count_due(self, now: datetime) -> int:
        query = select(func.count()).select_from(Drill).where(Drill.due <= now)
        with self._reading() as session:
            return int(session.scalar(query) or 0)

    def update_drill(self, drill_id: int, **values: Any) -> DrillView:
        """Set scheduling fields (card, due, last_review, reps, lapses, mastered_at)."""
        allowed = {"card", "due", "last_review", "reps", "lapses", "mastered_at"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)} on a drill")
        with self._writing() as session:
            row = session.get(Drill, drill_id)
            if row is None:
                raise KeyError(drill_id)
            for name, value in values.items():
                setattr(row, name, value)
            session.flush()
            return drill_view(row)
