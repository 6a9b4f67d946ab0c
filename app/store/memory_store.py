"""What Parley remembers about the learner (mixed into :class:`Store`).

Facts are keyed by (kind, subject, slot): remembering a fact whose key is
already known replaces the old wording and records the replacement. Forgetting
deletes the fact and leaves a tombstone (keyed hashes and the source turn, no
words), so a later extraction from the same old turn does not bring it back;
then the write-ahead log is checkpointed, so no copy of the words is left in
any file (app/store/forget_sources.py).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.store.forget_key import all_keys, fact_hash, forget_key, words_hash
from app.store.models import ForgottenFact, LearnerFact, LearnerSetting, utc_now

MEMORY_SETTING = "memory"


@dataclass(frozen=True)
class FactRecord:
    """A fact to remember, as extraction (or the learner, by hand) gives it."""

    kind: str
    subject: str
    slot: str
    value: str
    text: str
    event_date: datetime | None = None
    session_id: int | None = None
    turn_id: int | None = None
    words: str = ""
    source: str = "parse"


@dataclass(frozen=True)
class FactView:
    id: int
    kind: str
    subject: str
    slot: str
    value: str
    text: str
    event_date: datetime | None
    session_id: int | None
    turn_id: int | None
    words: str
    source: str
    created_at: datetime
    confirmed_at: datetime
    followed_up_at: datetime | None
    replaced: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return None if value is None else value.isoformat()

        return {"id": self.id, "text": self.text, "kind": self.kind, "subject": self.subject,
                "value": self.value, "session_id": self.session_id, "turn_id": self.turn_id,
                "words": self.words, "source": self.source,
                "event_date": None if self.event_date is None else self.event_date.date().isoformat(),
                "created_at": iso(self.created_at), "confirmed_at": iso(self.confirmed_at),
                "replaced": list(self.replaced)}


def fact_view(row: LearnerFact) -> FactView:
    return FactView(row.id, row.kind, row.subject, row.slot, row.value, row.text, row.event_date,
                    row.session_id, row.turn_id, row.words, row.source, row.created_at,
                    row.confirmed_at, row.followed_up_at, list(row.replaced or []))


class MemoryQueries:
    """The host class (Store) provides ``home``, ``engine``, ``_reading`` and ``_writing``."""

    home: Path
    engine: Engine
    _reading: Callable[[], AbstractContextManager[Session]]
    _writing: Callable[[], AbstractContextManager[Session]]

    def forget_key(self) -> bytes:
        return forget_key(self.home)

    def facts(self) -> list[FactView]:
        """Everything remembered, oldest first."""
        with self._reading() as session:
            rows = session.scalars(select(LearnerFact).order_by(LearnerFact.id))
            return [fact_view(row) for row in rows]

    def fact(self, fact_id: int) -> FactView | None:
        with self._reading() as session:
            row = session.get(LearnerFact, fact_id)
            return None if row is None else fact_view(row)

    def remember(self, record: FactRecord) -> FactView | None:
        """Keep a fact; None when the learner forgot this very fact from this turn.

        The same key again confirms (same value) or replaces (new value) it.
        """
        # Read, not made: no key means nothing was forgotten here yet, and a
        # data folder without one takes on a restored backup's.
        # A restored backup's tombstones are hashed under its key (the ring).
        keys = all_keys(self.home)
        with self._writing() as session:
            if record.turn_id is not None and keys and session.scalar(
                select(ForgottenFact.id).where(
                    ForgottenFact.turn_id == record.turn_id, ForgottenFact.kind == record.kind,
                    ForgottenFact.key_hash.in_([fact_hash(key, record.kind, record.subject,
                                                          record.slot) for key in keys]))
            ) is not None:
                return None
            row = session.scalar(select(LearnerFact).where(
                LearnerFact.kind == record.kind, LearnerFact.subject == record.subject,
                LearnerFact.slot == record.slot))
            now = utc_now()
            if row is None:
                row = LearnerFact(kind=record.kind, subject=record.subject, slot=record.slot,
                                  created_at=now, replaced=[])
                session.add(row)
            elif row.turn_id == record.turn_id and record.turn_id is not None:
                return fact_view(row)  # the same turn read twice: nothing new
            elif (row.value, row.event_date) != (record.value, _aware(record.event_date)):
                row.replaced = [*(row.replaced or []), {
                    "text": row.text, "value": row.value, "session_id": row.session_id,
                    "turn_id": row.turn_id, "words": row.words,
                    "replaced_at": now.isoformat()}]
                row.followed_up_at = None  # a new plan is worth asking about again
            row.value, row.text, row.event_date = record.value, record.text, record.event_date
            row.session_id, row.turn_id = record.session_id, record.turn_id
            row.words, row.source, row.confirmed_at = record.words, record.source, now
            session.flush()
            return fact_view(row)

    def edit_fact(self, fact_id: int, text: str) -> FactView:
        """The learner's own wording replaces the fact's text. KeyError if unknown."""
        with self._writing() as session:
            row = session.get(LearnerFact, fact_id)
            if row is None:
                raise KeyError(fact_id)
            row.replaced = [*(row.replaced or []), {
                "text": row.text, "value": row.value, "session_id": row.session_id,
                "turn_id": row.turn_id, "words": row.words,
                "replaced_at": utc_now().isoformat()}]
            row.text = row.value = text
            row.source, row.confirmed_at = "learner", utc_now()
            return fact_view(row)

    def forget_fact(self, fact_id: int, sentences: bool = False) -> FactView:
        """Delete the fact, keeping a tombstone of keyed hashes. KeyError if unknown.

        ``sentences``: also delete the turns it came from (transcript, search
        index entries, corrections and their drills, recordings).
        """
        from app.store.forget_sources import checkpoint, forget_sentences  # lazy: loads SQLAlchemy and libsndfile

        key = self.forget_key()
        with self._writing() as session:
            row = session.get(LearnerFact, fact_id)
            if row is None:
                raise KeyError(fact_id)
            view = fact_view(row)
            sources = [(row.session_id, row.turn_id, row.words)] + [
                (old.get("session_id"), old.get("turn_id"), old.get("words", ""))
                for old in row.replaced or []]
            for session_id, turn_id, words in sources:
                session.add(ForgottenFact(kind=row.kind,
                                          key_hash=fact_hash(key, row.kind, row.subject, row.slot),
                                          session_id=session_id, turn_id=turn_id,
                                          words_hash=words_hash(key, words or "")))
            session.delete(row)
            if sentences:
                session.flush()
                forget_sentences(session, self.home,
                                 {turn for _s, turn, _w in sources if turn is not None})
        checkpoint(self.engine)
        return view

    def mark_followed_up(self, fact_id: int) -> None:
        with self._writing() as session:
            row = session.get(LearnerFact, fact_id)
            if row is not None:
                row.followed_up_at = utc_now()

    def forgotten(self) -> list[tuple[str, int | None, int | None]]:
        """Each tombstone's kind and source (session, turn): all it shows of the fact."""
        with self._reading() as session:
            return [(r.kind, r.session_id, r.turn_id)
                    for r in session.scalars(select(ForgottenFact).order_by(ForgottenFact.id))]

    def setting(self, key: str, default: Any = None) -> Any:
        with self._reading() as session:
            row = session.get(LearnerSetting, key)
            return default if row is None else row.value.get("value", default)

    def set_setting(self, key: str, value: Any) -> None:
        with self._writing() as session:
            row = session.get(LearnerSetting, key)
            if row is None:
                session.add(LearnerSetting(key=key, value={"value": value}))
            else:
                row.value = {"value": value}

    def memory_on(self) -> bool:
        return bool(self.setting(MEMORY_SETTING, True))


def _aware(value: datetime | None) -> datetime | None:
    # Stored datetimes come back aware (UTC); compare like with like.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)
