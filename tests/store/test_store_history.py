"""History list, full-text search, and what delete_session takes with it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from store_helpers import make_record, store  # noqa: F401

from app.store import Store
from app.store.history import fts_query
from app.store.models import PracticeSession


def _session(store: Store, scenario: str, texts: list[str], when: datetime) -> int:
    sid = store.start_session(scenario, "B2")
    for i, text in enumerate(texts):
        at = when + timedelta(minutes=i)
        store.save_turn(make_record(sid, text, started_at=at, ended_at=at + timedelta(seconds=30),
                                    reply=f"Reply about {text.split()[-1]}"))
    # Through the ORM type, so the stored text has SQLAlchemy's format (a raw
    # sqlite3 datetime would compare differently as a string).
    with store.engine.begin() as connection:
        connection.execute(
            update(PracticeSession).where(PracticeSession.id == sid).values(started_at=when))
    return sid


def test_history_lists_counts_duration_and_filters(store: Store):
    day = datetime(2026, 11, 20, 9, tzinfo=UTC)
    a = _session(store, "travel", ["I go to Paris", "We goes by train"], day)
    b = _session(store, "job interview", ["I has experience"], day + timedelta(days=2))
    empty = store.start_session("travel")
    rows = store.history()
    assert [r.session_id for r in rows][:2] == [empty, b]
    first = next(r for r in rows if r.session_id == a)
    assert (first.turn_count, first.correction_count, first.scenario) == (2, 2, "travel")
    assert first.spoken_seconds == pytest.approx(3.0)  # two 1.5 s recordings
    assert first.duration == timedelta(minutes=1, seconds=30)
    assert next(r for r in rows if r.session_id == empty).turn_count == 0
    assert {r.session_id for r in store.history(scenario="travel")} == {a, empty}
    window = store.history(since=day, until=day + timedelta(days=1))
    assert [r.session_id for r in window] == [a]
    assert store.scenarios() == ["job interview", "travel"]


def test_search_ranks_by_bm25_and_survives_any_input(store: Store):
    day = datetime(2026, 11, 20, 9, tzinfo=UTC)
    _session(store, "travel", ["train train train to Paris", "a train", "nothing here"], day)
    hits = store.search("train")
    assert len(hits) == 2 and "[train]" in hits[0].transcript_snippet
    assert hits[0].score <= hits[1].score
    assert hits[0].transcript_snippet.count("[train]") == 3
    assert [h.turn_index for h in store.search("trai")] == [0, 1]  # prefix while typing
    assert store.search("Paris", scenario="job interview") == []
    assert store.search("reply about here")[0].turn_index == 2  # replies are searched too
    for nasty in ['"', "AND", "train OR", "NEAR(", "-x", "*", "col:train", "'", "(", "  "]:
        store.search(nasty)  # no FTS syntax error escapes
    assert fts_query('say "hi" now') == '"say" """hi""" "now"*'
    assert fts_query("   ") == "" and fts_query("hello ") == '"hello"'


def test_delete_session_removes_audio_rows_and_search_hits(store: Store):
    sid = _session(store, "travel", ["unique zebra words"], datetime(2026, 11, 1, tzinfo=UTC))
    folder = store.home / "audio" / str(sid)
    assert folder.is_dir() and store.search("zebra")
    assert store.delete_session(sid)
    assert not folder.exists() and store.search("zebra") == [] and store.history() == []
