"""Merge a backup's database and recordings into the current store; never delete.

The rules (what `python -m app restore` promises):

- A session is *the same* when its start time and scenario match one already
  here. Its turns that are here already (same start time and transcript) are
  skipped; only missing ones are added, numbered after the turns (and
  recordings) already in the session. A recording of a turn that is here but
  whose file has gone missing is put back.
- Any other session is added. It keeps its id when that id was never used
  here; otherwise it gets the next unused one (see ``renumbered``).
- Drills are added unless the same drill (prompt, target, creation time) is here.
- Memory (app/store/merge_memory.py): tombstones first, so a fact forgotten
  here or there stays forgotten; facts whose key is not here, with their
  source session/turn ids renumbered; learner settings only where absent.
- Nothing here is changed or deleted, and no file is overwritten. Restoring
  the same backup twice adds nothing the second time.

Each session goes in one write transaction, with recordings staged like a
saved turn's (under temporary names, renamed after the commit): a restore that
fails or is killed leaves every session either fully added or not at all, and
running it again completes it. The recordings are copied out of the archive
*before* (into the scratch folder, same drive) and only renamed inside the
transaction, and the write lock is taken per session, never for the whole
restore, so a turn being saved meanwhile by the app waits milliseconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.store import audio_files
from app.store.audio_files import StagedFile
from app.store.db import make_engine
from app.store.models import Correction, Drill, PracticeSession, Turn

log = logging.getLogger(__name__)

ROLES = ("learner", "reply")


def _columns(row: Any, skip: tuple[str, ...]) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in skip}


@dataclass
class RestoreSummary:
    sessions_added: int = 0
    sessions_merged: int = 0  # already here: only their missing turns were added
    turns_added: int = 0
    turns_already_here: int = 0
    recordings_restored: int = 0
    drills_added: int = 0
    facts_added: int = 0  # what Parley remembers (app/store/merge_memory.py)
    forgotten_added: int = 0  # tombstones: a fact forgotten in either stays forgotten
    settings_added: int = 0  # learner settings absent here (memory on/off, goal, reminder)
    practice_questions_added: int = 0
    renumbered: dict[int, int] | None = None  # backup session id -> id given here
    # Recordings the backup's database refers to that could not be restored
    # (stored path -> why); their turns keep the path, so a sound backup
    # restored later puts them back.
    recordings_not_restored: dict[str, str] = field(default_factory=dict)
    damaged_database_kept_as: str | None = None  # a damaged database set aside first

    def as_dict(self) -> dict:
        return asdict(self)


class _Merge:
    def __init__(self, store, recordings: dict[str, Path], absent: set[str],
                 refused: dict[str, str]) -> None:
        self.store, self.recordings = store, recordings
        self.absent, self.refused = absent, refused
        self.summary = RestoreSummary(renumbered={})
        self.corrections: dict[int, int] = {}  # backup correction id -> id here
        self.sessions: dict[int, int] = {}  # backup session id -> id here (memory's sources)
        self.turns: dict[int, int] = {}  # backup turn id -> id here
        self.session: Session  # the open write transaction (see in_transaction)
        self.staged: list[StagedFile] = []

    def in_transaction(self, work: Callable[[], None]) -> None:
        """Run ``work`` in one write transaction; publish its recordings after the commit."""
        self.staged = []
        try:
            with self.store._writing() as session:
                self.session = session
                work()
        except BaseException:
            audio_files.discard(self.staged)
            raise
        try:
            audio_files.publish(self.staged)
        except OSError as error:  # committed: the next open_store finishes the renames
            log.warning("restored; recordings are moved into place at the next start: %s",
                        error)

    def session_here(self, old: PracticeSession) -> PracticeSession:
        query = select(PracticeSession).where(PracticeSession.started_at == old.started_at,
                                              PracticeSession.scenario == old.scenario)
        here = self.session.scalars(query.order_by(PracticeSession.id).limit(1)).first()
        if here is not None:
            self.summary.sessions_merged += 1
            return here
        new_id = max(self.store._next_session_id(self.session), old.id)
        here = PracticeSession(id=new_id, **_columns(old, ("id",)))
        self.session.add(here)
        self.session.flush()
        self.summary.sessions_added += 1
        if new_id != old.id:
            self.summary.renumbered[old.id] = new_id
        return here

    def merge_session(self, old: PracticeSession) -> None:
        here = self.session_here(old)
        self.sessions[old.id] = here.id
        folder = audio_files.session_folder(self.store.home, here.id)
        turns_here = self.session.scalars(select(Turn).where(Turn.session_id == here.id)).all()
        known = {(t.started_at, t.transcript): t for t in turns_here}
        last = self.session.scalar(
            select(func.max(Turn.turn_index)).where(Turn.session_id == here.id))
        index = max(0 if last is None else last + 1, audio_files.next_turn_index(folder))
        for old_turn in old.turns:
            match = known.get((old_turn.started_at, old_turn.transcript))
            if match is not None:
                self.summary.turns_already_here += 1
                self.turns[old_turn.id] = match.id
                self.refill(old_turn, match)
                self.map_corrections(old_turn, match)
                continue
            self.add_turn(old_turn, here.id, index, folder)
            index += 1

    def add_turn(self, old: Turn, session_id: int, index: int, folder: Path) -> None:
        paths = {}
        for role in ROLES:
            stored = getattr(old, f"{role}_audio")
            final = folder / f"{index:04d}-{role}.wav"
            if stored and stored in self.recordings:
                paths[f"{role}_audio"] = self.stage(stored, final)
            elif stored and stored not in self.absent:
                self.lost(stored)
                paths[f"{role}_audio"] = audio_files.relative(self.store.home, final)
            else:
                paths[f"{role}_audio"] = None  # it was already missing when backed up
        skip = ("id", "session_id", "turn_index", "learner_audio", "reply_audio")
        turn = Turn(session_id=session_id, turn_index=index, **_columns(old, skip), **paths,
                    corrections=[Correction(**_columns(c, ("id", "turn_id")))
                                 for c in old.corrections])
        self.session.add(turn)
        self.session.flush()
        self.turns[old.id] = turn.id
        from app.store.merge_review import add_review_rows  # the review's rows (0006)

        add_review_rows(self, old, turn.id, index, folder)
        for old_fix, new_fix in zip(old.corrections, turn.corrections):
            self.corrections[old_fix.id] = new_fix.id
        self.summary.turns_added += 1

    def refill(self, old: Turn, here: Turn) -> None:
        """Put back a recording of a turn that is here but whose file has gone."""
        for role in ROLES:
            stored, backed_up = getattr(here, f"{role}_audio"), getattr(old, f"{role}_audio")
            final = audio_files.absolute(self.store.home, stored)
            if not backed_up or final is None or final.exists():
                continue
            if backed_up in self.recordings:
                self.stage(backed_up, final)
            elif backed_up not in self.absent:
                self.lost(backed_up)

    def lost(self, stored: str) -> None:
        """Name a recording the backup refers to but could not give back."""
        self.summary.recordings_not_restored[stored] = self.refused.get(
            stored, "missing from the backup (it is damaged or incomplete)")

    def map_corrections(self, old: Turn, here: Turn) -> None:
        key = lambda c: (c.original, c.corrected, c.kind, c.start_char)  # noqa: E731
        ids_here = {key(c): c.id for c in here.corrections}
        for fix in old.corrections:
            if key(fix) in ids_here:
                self.corrections[fix.id] = ids_here[key(fix)]

    def stage(self, stored: str, final: Path) -> str:
        audio_files.stage_file(final, self.recordings.pop(stored), self.staged)
        self.summary.recordings_restored += 1
        return audio_files.relative(self.store.home, final)

    def merge_drill(self, old: Drill) -> None:
        same = select(Drill.id).where(Drill.prompt == old.prompt, Drill.target == old.target,
                                      Drill.created_at == old.created_at)
        if self.session.scalar(same.limit(1)) is not None:
            return
        correction_id = self.corrections.get(old.correction_id) if old.correction_id else None
        if correction_id is not None and self.session.scalar(
                select(Drill.id).where(Drill.correction_id == correction_id)) is not None:
            return  # that correction has its own drill here already
        self.session.add(Drill(correction_id=correction_id,
                               **_columns(old, ("id", "correction_id"))))
        self.session.flush()
        self.summary.drills_added += 1


def merge_backup(store, copy: Path, recordings: dict[str, Path], absent: set[str] = frozenset(),
                 refused: dict[str, str] | None = None) -> RestoreSummary:
    """Merge the (migrated) backup database ``copy`` into ``store``.

    ``recordings`` maps the paths stored in ``copy`` to the extracted files
    (on the store's drive); the ones used are moved, not copied. ``absent``
    names recordings already gone when the backup was made, ``refused`` the
    archive's members the restore would not use, and why.
    """
    source = make_engine(copy)
    merge = _Merge(store, recordings, set(absent), dict(refused or {}))
    try:
        with Session(source) as old:
            sessions = old.scalars(
                select(PracticeSession).order_by(PracticeSession.id)
                .options(selectinload(PracticeSession.turns).selectinload(Turn.corrections)))
            for old_session in sessions:
                merge.in_transaction(lambda: merge.merge_session(old_session))
            drills = old.scalars(select(Drill).order_by(Drill.id)).all()
            merge.in_transaction(lambda: [merge.merge_drill(drill) for drill in drills])
            from app.store.merge_memory import merge_memory  # lazy: loads SQLAlchemy and libsndfile

            merge.in_transaction(lambda: merge_memory(merge, old))
    finally:
        source.dispose()
    return merge.summary
