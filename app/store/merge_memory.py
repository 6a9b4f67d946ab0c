"""A restore's memory: what Parley remembers, merged like the sessions are
(never changing or deleting anything here).

- Tombstones come first: a fact forgotten here stays forgotten, and a fact
  forgotten before the backup was taken is not brought back by it. They hold
  keyed hashes (app/store/forget_key.py); the backup carries its data
  folder's key, which a data folder without a key of its own takes on.
- A fact is added when its key (kind, subject, slot) is not here and no
  tombstone covers its source turn (or, for a fact typed by hand, its words).
  A fact whose key is here keeps the wording here (the newer, usually).
- Source session and turn ids, in facts, their replaced wordings, tombstones
  and practice questions, are renumbered like the sessions they point to; a
  source the backup no longer had becomes None (the learner's words remain).
- Learner settings (memory on/off, daily goal, reminder) only where absent.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.forget_key import all_keys, fact_hash, words_hash
from app.store.models import ForgottenFact, LearnerFact, LearnerSetting, PracticeQuestion


def merge_memory(merge, old: Session) -> None:
    """``merge`` is the restore's ``_Merge`` (its open transaction and id maps)."""
    here, summary = merge.session, merge.summary

    def ids(session_id: int | None, turn_id: int | None) -> tuple[int | None, int | None]:
        return (merge.sessions.get(session_id) if session_id is not None else None,
                merge.turns.get(turn_id) if turn_id is not None else None)

    merge.store.forget_key()  # made here if absent (a restore writes the backup's first)
    hash_keys = all_keys(merge.store.home)  # with the backup's, kept in the ring
    tombstones = {(t.kind, t.key_hash, t.turn_id, t.words_hash)
                  for t in here.scalars(select(ForgottenFact))}
    for t in old.scalars(select(ForgottenFact).order_by(ForgottenFact.id)):
        session_id, turn_id = ids(t.session_id, t.turn_id)
        tombstone = (t.kind, t.key_hash, turn_id, t.words_hash)
        if tombstone not in tombstones:
            tombstones.add(tombstone)
            here.add(ForgottenFact(kind=t.kind, key_hash=t.key_hash, session_id=session_id,
                                   turn_id=turn_id, words_hash=t.words_hash,
                                   forgotten_at=t.forgotten_at))
            summary.forgotten_added += 1

    def forgotten(kind: str, subject: str, slot: str, turn_id: int | None, words: str) -> bool:
        """As Store.remember checks: the same key from the same turn (by hand: same words)."""
        for key in hash_keys:
            fact, said = fact_hash(key, kind, subject, slot), words_hash(key, words)
            if any((k, h) == (kind, fact)
                   and ((turn_id is not None and t == turn_id) or (t is None and w == said))
                   for k, h, t, w in tombstones):
                return True
        return False

    keys = {(f.kind, f.subject, f.slot) for f in here.scalars(select(LearnerFact))}
    for f in old.scalars(select(LearnerFact).order_by(LearnerFact.id)):
        session_id, turn_id = ids(f.session_id, f.turn_id)
        if (f.kind, f.subject, f.slot) in keys or forgotten(f.kind, f.subject, f.slot, turn_id,
                                                             f.words):
            continue
        keys.add((f.kind, f.subject, f.slot))
        here.add(LearnerFact(
            kind=f.kind, subject=f.subject, slot=f.slot, value=f.value, text=f.text,
            event_date=f.event_date, session_id=session_id, turn_id=turn_id, words=f.words,
            source=f.source, created_at=f.created_at, confirmed_at=f.confirmed_at,
            followed_up_at=f.followed_up_at,
            replaced=[_renumbered(entry, ids) for entry in f.replaced or []]))
        summary.facts_added += 1

    settings_here = set(here.scalars(select(LearnerSetting.key)))
    for s in old.scalars(select(LearnerSetting).order_by(LearnerSetting.key)):
        if s.key not in settings_here:
            here.add(LearnerSetting(key=s.key, value=dict(s.value or {})))
            summary.settings_added += 1

    asked = {(q.session_id, q.turn_id, q.kind) for q in here.scalars(select(PracticeQuestion))}
    for q in old.scalars(select(PracticeQuestion).order_by(PracticeQuestion.id)):
        session_id, turn_id = ids(q.session_id, q.turn_id)
        if session_id is None or turn_id is None or (session_id, turn_id, q.kind) in asked:
            continue  # its session is not here: nothing to point at
        asked.add((session_id, turn_id, q.kind))
        here.add(PracticeQuestion(
            session_id=session_id, turn_id=turn_id, kind=q.kind, question=q.question,
            asked_at=q.asked_at, answer_turn_id=ids(None, q.answer_turn_id)[1],
            form_used=q.form_used, correct=q.correct))
        summary.practice_questions_added += 1
    here.flush()


def _renumbered(entry: dict[str, Any], ids) -> dict[str, Any]:
    session_id, turn_id = ids(entry.get("session_id"), entry.get("turn_id"))
    return {**entry, "session_id": session_id, "turn_id": turn_id}
