"""Drills: one per correction, judged by word edit distance, scheduled by FSRS."""

from __future__ import annotations

from datetime import timedelta

import pytest
from review_data import NOW, fill

from app.review.drills import MASTERED_STABILITY_DAYS, due_drills, judge, review, sync_drills
from app.store import open_store

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "home") as opened:
        fill(opened)
        yield opened


def test_sync_creates_one_drill_per_correction_with_the_corrected_sentence(store):
    assert sync_drills(store, NOW) == 2  # `fill` saves two corrections
    assert sync_drills(store, NOW) == 0  # idempotent
    targets = {d.target for d in store.drills()}
    assert "My grandfather has lived in Florida all his life." in targets
    assert "It would be very disappointing if I lost the game." in targets
    assert all(d.due == NOW and d.reps == 0 for d in store.drills())


def test_judge_accepts_a_close_attempt_and_rejects_a_different_one():
    target = "My grandfather has lived in Florida all his life."
    assert judge(target, "my grandfather has lived in florida all his life").matched
    assert judge(target, "My grandfather has lived in Florida all her life").matched  # 1/9
    miss = judge(target, "My grandfather have live in Florida")
    assert not miss.matched and miss.distance == 5
    assert [op.op for op in miss.diff] == ["equal", "replace", "equal", "delete"]
    assert not judge(target, "").matched


def test_fsrs_flow_good_pushes_the_due_date_again_brings_it_back(store):
    sync_drills(store, NOW)
    drill = due_drills(store, NOW)[0]
    good = review(store, drill, drill.target, NOW)
    assert good.rating == "good" and good.attempt.matched
    assert good.drill.due > NOW and good.drill.reps == 1 and good.drill.lapses == 0
    assert good.drill.id not in {d.id for d in due_drills(store, NOW)}

    later = good.drill.due
    again = review(store, good.drill, "something else entirely", later)
    assert again.rating == "again" and again.drill.lapses == 1
    assert again.drill.due - later <= timedelta(minutes=10)  # relearning step
    assert store.count_due(later + timedelta(minutes=11)) >= 1


def test_repeated_good_answers_at_due_time_master_a_drill(store):
    sync_drills(store, NOW)
    drill = due_drills(store, NOW)[0]
    now = NOW
    for _ in range(12):
        outcome = review(store, drill, drill.target, now)
        drill, now = outcome.drill, outcome.drill.due
        if drill.mastered_at is not None:
            break
    assert drill.mastered_at is not None
    assert drill.card["stability"] >= MASTERED_STABILITY_DAYS


def test_drills_survive_deleting_their_session(store):
    sync_drills(store, NOW)
    before = len(store.drills())
    session_id = store.correction_entries()[0].session_id
    store.delete_session(session_id)
    after = store.drills()
    assert len(after) == before
    assert sum(d.correction_id is None for d in after) >= 1
