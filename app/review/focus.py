"""The last session's one thing to work on (Qt-free): the kind of mistake it
had most often, with one example of it, for the home panel."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Focus:
    kind: str  # e.g. "verb tense"
    times: int  # how often it came up in that session
    said: str  # one example: what the learner said ...
    better: str  # ... and the fix
    reason: str


def one_thing(store, session_id: int | None) -> Focus | None:
    """The commonest correction kind of the session (ties: the first made)."""
    if session_id is None:
        return None
    fixes = [c for turn in store.turns(session_id) for c in turn.corrections]
    if not fixes:
        return None
    kind, times = Counter(c.kind for c in fixes).most_common(1)[0]
    example = next(c for c in fixes if c.kind == kind)
    return Focus(kind, times, example.original, example.corrected, example.reason)
