"""Forgetting that forgets: the sentences a fact came from, and the WAL.

A learner who forgets a fact may also want the sentences it came from gone:
their turns (transcript, reply, corrections and the drills made from them),
their entries in the full-text index, and their recordings. The index keeps
a deleted row's words in its older segments until they are merged, so it is
optimized (merged into one segment) in the same transaction.

Once the deletion is committed, the write-ahead log still holds the pages
from before it; a TRUNCATE checkpoint copies the log into the database
(whose freed pages secure_delete has zeroed) and empties it.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, delete, select, text
from sqlalchemy.orm import Session

from app.store import audio_files
from app.store.models import Correction, Drill, LearnerFact, Turn

log = logging.getLogger(__name__)


def forget_sentences(session: Session, home, turn_ids: set[int]) -> int:
    """Delete the turns ``turn_ids`` and all made of their words; returns how many.

    Runs inside the forgetting's write transaction. The recordings are
    removed before the commit: should the commit then fail, the learner's
    wish to lose them is already met and the turn remains without them.
    """
    if not turn_ids:
        return 0
    turns = session.scalars(select(Turn).where(Turn.id.in_(turn_ids))).all()
    found = {turn.id for turn in turns}
    recordings = [audio_files.absolute(home, stored) for turn in turns
                  for stored in (turn.learner_audio, turn.reply_audio) if stored]
    fixes = select(Correction.id).where(Correction.turn_id.in_(found))
    session.execute(delete(Drill).where(Drill.correction_id.in_(fixes)))
    # Corrections go by cascade; the full-text index by its delete trigger.
    session.execute(delete(Turn).where(Turn.id.in_(found)), execution_options={
        "synchronize_session": False})
    _unquote(session, found)
    session.execute(text("INSERT INTO turns_fts(turns_fts) VALUES ('optimize')"))
    session.flush()
    for path in recordings:
        path.unlink(missing_ok=True)
    return len(found)


def _unquote(session: Session, turn_ids: set[int]) -> None:
    """Other facts from the same sentences keep their own text, not the sentence."""
    for fact in session.scalars(select(LearnerFact)):
        if fact.turn_id in turn_ids:
            fact.words = ""
        if any(old.get("turn_id") in turn_ids for old in fact.replaced or []):
            fact.replaced = [{**old, "words": ""} if old.get("turn_id") in turn_ids else old
                             for old in fact.replaced]


def checkpoint(engine: Engine) -> bool:
    """Move the write-ahead log into the database and empty it; False when
    another program's open read kept part of it (the next checkpoint takes it)."""
    raw = engine.raw_connection()
    try:
        busy, _frames, _moved = raw.driver_connection.execute(
            "PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        raw.close()
    if busy:
        log.warning("the write-ahead log is in use by another program; forgotten words leave "
                    "it at the next checkpoint")
    return not busy
