"""Saved practice: sessions, turns, corrections and their recordings (Qt-free).

Open with :func:`open_store`; everything it returns is a plain dataclass.
"""

from app.store.records import (
    CorrectionRecord,
    CorrectionView,
    SavedTurn,
    SessionView,
    TurnRecord,
    TurnView,
)
from app.store.review_records import (
    CorrectionEntry,
    DrillRecord,
    DrillView,
    HistoryRow,
    SearchHit,
    TurnMetric,
)
from app.store.store import Store, open_store

__all__ = [
    "CorrectionEntry",
    "CorrectionRecord",
    "DrillRecord",
    "DrillView",
    "HistoryRow",
    "SearchHit",
    "TurnMetric",
    "CorrectionView",
    "SavedTurn",
    "SessionView",
    "Store",
    "TurnRecord",
    "TurnView",
    "open_store",
]
