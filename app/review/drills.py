""""Practice again": say the corrected sentence; FSRS schedules the next try.

A drill is created per correction (with the whole corrected sentence as the
target). The learner's attempt is accepted when its normalised word edit
distance to the target is small; a match is rated Good, a miss Again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.review.text import DiffOp, corrected_sentence, normalise_words, word_diff, word_distance
from app.store import DrillRecord, DrillView, Store

# Accept up to one word error in five: tiny.en on a clear learner still
# slips on the odd short word ("a"/"the"), which should not fail the drill.
MAX_ERROR_RATE = 0.2
# A drill counts as mastered once FSRS expects it to be remembered for 3 weeks.
MASTERED_STABILITY_DAYS = 21.0


def _scheduler() -> Any:
    from fsrs import Scheduler  # lazy: loads fsrs

    # No fuzzing: the same answers give the same schedule (tests, and fewer surprises).
    return Scheduler(enable_fuzzing=False)


def new_card(now: datetime) -> dict[str, Any]:
    from fsrs import Card  # lazy: loads fsrs

    return Card(due=now).to_dict()


def sync_drills(store: Store, now: datetime | None = None) -> int:
    """Create a drill for every correction that has none; returns how many."""
    now = now or datetime.now(UTC)
    pending = store.correction_entries(without_drill=True)
    by_turn: dict[int, list] = {}
    for entry in store.correction_entries():
        by_turn.setdefault(entry.turn_id, []).append(entry.correction)
    records = []
    for entry in pending:
        target = corrected_sentence(entry.transcript, by_turn.get(entry.turn_id, []))
        if normalise_words(target) == normalise_words(entry.transcript):
            # The fix could not be placed in the sentence: drill the fix itself.
            target = entry.correction.corrected
        if not normalise_words(target):
            continue
        records.append(DrillRecord(entry.correction.id, entry.correction.kind, entry.transcript,
                                   target, entry.correction.reason, now, new_card(now)))
    store.add_drills(records)
    return len(records)


@dataclass(frozen=True)
class Attempt:
    target: str
    heard: str
    distance: int
    error_rate: float
    matched: bool
    diff: list[DiffOp]


def judge(target: str, heard: str, max_error_rate: float = MAX_ERROR_RATE) -> Attempt:
    expected, said = normalise_words(target), normalise_words(heard)
    distance = word_distance(expected, said)
    rate = distance / max(1, len(expected))
    return Attempt(target, heard, distance, rate, bool(said) and rate <= max_error_rate,
                   word_diff(target, heard))


@dataclass(frozen=True)
class DrillOutcome:
    attempt: Attempt
    drill: DrillView  # as saved after the review
    rating: str  # "good" or "again"


def review(store: Store, drill: DrillView, heard: str, now: datetime | None = None
           ) -> DrillOutcome:
    """Judge an attempt, reschedule the drill with FSRS and save it."""
    from fsrs import Card, Rating  # lazy: loads fsrs

    now = now or datetime.now(UTC)
    attempt = judge(drill.target, heard)
    rating = Rating.Good if attempt.matched else Rating.Again
    card = Card.from_dict(drill.card) if drill.card else Card(due=now)
    card, _log = _scheduler().review_card(card, rating, review_datetime=now)
    stability = card.stability or 0.0
    mastered = drill.mastered_at
    if mastered is None and attempt.matched and stability >= MASTERED_STABILITY_DAYS:
        mastered = now
    saved = store.update_drill(
        drill.id,
        card=card.to_dict(),
        due=card.due,
        last_review=now,
        reps=drill.reps + 1,
        lapses=drill.lapses + (0 if attempt.matched else 1),
        mastered_at=mastered,
    )
    return DrillOutcome(attempt, saved, "good" if attempt.matched else "again")


def due_drills(store: Store, now: datetime | None = None, limit: int | None = None
               ) -> list[DrillView]:
    return store.drills(due_before=now or datetime.now(UTC), limit=limit)
