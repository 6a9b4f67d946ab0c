"""History and full-text search over saved sessions (mixed into :class:`Store`).

Both must answer in well under 300 ms with 1,000 sessions and 20,000 turns
(`python -m app bench-history`): history is one grouped query over indexed
foreign keys, search one FTS5 MATCH ordered by BM25.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.store.models import Correction, PracticeSession, Turn, UTCDateTime
from app.store.review_records import HistoryRow, SearchHit

SEARCH_LIMIT = 200
_SEARCH_SQL = """
SELECT t.id, t.session_id, t.turn_index, t.started_at, s.scenario,
       snippet(turns_fts, 0, '[', ']', '…', 12) AS transcript_snippet,
       snippet(turns_fts, 1, '[', ']', '…', 12) AS reply_snippet,
       bm25(turns_fts) AS score
FROM turns_fts
JOIN turns AS t ON t.id = turns_fts.rowid
JOIN sessions AS s ON s.id = t.session_id
WHERE turns_fts MATCH :query {filters}
ORDER BY score, t.id DESC
LIMIT :limit
"""


def fts_query(user_text: str) -> str:
    """Turn what the learner typed into a safe FTS5 query ('' when nothing to find).

    Every whitespace-separated chunk becomes a quoted phrase (so ``"``, ``*``,
    ``AND``, ``NEAR``, ``-`` are just text, never syntax); chunks are ANDed and
    the last one matches as a prefix, so results appear while typing.
    """
    chunks = [c for c in user_text.split() if re.search(r"\w", c)]
    if not chunks:
        return ""
    phrases = ['"' + c.replace('"', '""') + '"' for c in chunks]
    if not user_text[-1:].isspace():
        phrases[-1] += "*"
    return " ".join(phrases)


class HistoryQueries:
    """Read-only review queries; the host class (Store) provides ``_reading``."""

    _reading: Callable[[], AbstractContextManager[Session]]

    def history(
        self,
        scenario: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[HistoryRow]:
        """Sessions newest first; ``since`` inclusive, ``until`` exclusive."""
        turns = (
            select(
                Turn.session_id.label("sid"),
                func.count(Turn.id).label("n"),
                func.max(Turn.ended_at).label("last"),
                func.total(Turn.learner_seconds).label("spoken"),
            )
            .group_by(Turn.session_id)
            .subquery()
        )
        fixes = (
            select(Turn.session_id.label("sid"), func.count(Correction.id).label("n"))
            .join(Correction, Correction.turn_id == Turn.id)
            .group_by(Turn.session_id)
            .subquery()
        )
        query = (
            select(
                PracticeSession,
                func.coalesce(turns.c.n, 0),
                func.coalesce(fixes.c.n, 0),
                func.coalesce(turns.c.spoken, 0.0),
                turns.c.last,
            )
            .outerjoin(turns, turns.c.sid == PracticeSession.id)
            .outerjoin(fixes, fixes.c.sid == PracticeSession.id)
            .order_by(PracticeSession.started_at.desc(), PracticeSession.id.desc())
        )
        if scenario:
            query = query.where(PracticeSession.scenario == scenario)
        if since is not None:
            query = query.where(PracticeSession.started_at >= since)
        if until is not None:
            query = query.where(PracticeSession.started_at < until)
        if limit is not None:
            query = query.limit(limit)
        with self._reading() as session:
            return list(_history_rows(session.execute(query)))

    def scenarios(self) -> list[str]:
        """Every scenario practised, for the history filter."""
        query = select(PracticeSession.scenario).distinct().order_by(PracticeSession.scenario)
        with self._reading() as session:
            return list(session.scalars(query))

    def search(
        self, user_text: str, scenario: str | None = None, limit: int = SEARCH_LIMIT
    ) -> list[SearchHit]:
        """Turns whose transcript or reply match, best (BM25) first."""
        match = fts_query(user_text)
        if not match:
            return []
        filters = "AND s.scenario = :scenario" if scenario else ""
        statement = text(_SEARCH_SQL.format(filters=filters)).columns(started_at=UTCDateTime())
        params: dict[str, object] = {"query": match, "limit": limit}
        if scenario:
            params["scenario"] = scenario
        with self._reading() as session:
            rows = session.execute(statement, params)
            return [
                SearchHit(r.id, r.session_id, r.turn_index, r.started_at, r.scenario,
                          r.transcript_snippet, r.reply_snippet, float(r.score))
                for r in rows
            ]


def _history_rows(rows) -> Iterator[HistoryRow]:
    for row, n_turns, n_fixes, spoken, last in rows:
        yield HistoryRow(
            session_id=row.id,
            started_at=row.started_at,
            ended_at=row.ended_at,
            scenario=row.scenario,
            level=row.level,
            turn_count=int(n_turns),
            correction_count=int(n_fixes),
            spoken_seconds=float(spoken),
            last_turn_at=last,
        )
