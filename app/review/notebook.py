"""The mistake notebook: corrections grouped by kind, counted over time, with examples."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from app.store import CorrectionEntry

EXAMPLES = 3


@dataclass(frozen=True)
class KindSummary:
    kind: str
    count: int
    by_day: dict[date, int]  # local calendar day -> corrections that day
    examples: list[CorrectionEntry]  # newest first
    last_seen: date


def local_day(entry_at, tz: tzinfo | None = None) -> date:
    """The learner's calendar day (local time) for a UTC timestamp."""
    return entry_at.astimezone(tz).date()


def build_notebook(
    entries: Sequence[CorrectionEntry], tz: tzinfo | None = None, examples: int = EXAMPLES
) -> list[KindSummary]:
    """One summary per kind, most frequent first (ties: most recent first)."""
    groups: dict[str, list[CorrectionEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.correction.kind or "other", []).append(entry)
    summaries = []
    for kind, items in groups.items():
        items = sorted(items, key=lambda e: (e.at, e.correction.id), reverse=True)
        by_day = Counter(local_day(e.at, tz) for e in items)
        summaries.append(KindSummary(kind, len(items), dict(sorted(by_day.items())),
                                     items[:examples], local_day(items[0].at, tz)))
    summaries.sort(key=lambda s: (-s.count, -s.last_seen.toordinal(), s.kind))
    return summaries
