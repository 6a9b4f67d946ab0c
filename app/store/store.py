"""The practice store: sessions, turns and their recordings, saved crash-safely.

Every public method opens its own short database session and returns plain
dataclasses, so a :class:`Store` can live on the GUI's single database worker
thread (it need not be the thread that opened it) and callers never hold rows.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine, delete, exists, func, or_, select, text
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.config import data_home
from app.store import audio_files, private
from app.store.audio_files import StagedFile
from app.store.db import make_engine, writer
from app.store.drill_store import DrillQueries
from app.store.failures import storage_errors
from app.store.fluent_store import FluentQueries
from app.store.history import HistoryQueries
from app.store.memory_store import MemoryQueries
from app.store.migrate import upgrade
from app.store.practice_store import PracticeQueries
from app.store.models import PracticeSession, Shadowing, Turn, utc_now
from app.store.quarantine import QUARANTINE_DIR
from app.store.records import SavedTurn, SessionView, TurnRecord, TurnView
from app.store.views import session_view, turn_row, turn_view

DATABASE_NAME = "parley.sqlite3"
log = logging.getLogger(__name__)


class Store(HistoryQueries, DrillQueries, MemoryQueries, PracticeQueries, FluentQueries):
    """Use :func:`open_store` to get one; it migrates and tidies up first.

    Review queries (history, search, drills, notebook) and memory come from the mixins.
    """

    def __init__(self, home: Path, engine: Engine) -> None:
        self.home = home
        self.engine = engine
        self._reader = sessionmaker(engine, expire_on_commit=False)
        # Writes begin IMMEDIATE: see app.store.db._on_begin.
        self._writer = sessionmaker(writer(engine), expire_on_commit=False)

    @property
    def database_path(self) -> Path:
        return self.home / DATABASE_NAME

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One write transaction, committed when the block ends without error."""
        with storage_errors(self.home), self._writer() as session, session.begin():
            yield session

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with storage_errors(self.home), self._reader() as session:
            yield session

    # -- sessions ---------------------------------------------------------

    def start_session(
        self, scenario: str = "free talk", level: str = "B1", correction_style: str = "explicit"
    ) -> int:
        with self._writing() as session:
            return self._add_session(session, {
                "scenario": scenario, "level": level, "correction_style": correction_style})

    def _add_session(self, session: Session, options: dict[str, str]) -> int:
        row = PracticeSession(**options)
        row.id = self._next_session_id(session)
        session.add(row)
        session.flush()
        return row.id

    def end_session(self, session_id: int, summary: dict[str, Any] | None = None) -> None:
        """Mark the session finished. Raises KeyError for an unknown id."""
        with self._writing() as session:
            row = session.get(PracticeSession, session_id)
            if row is None:
                raise KeyError(session_id)
            row.ended_at = utc_now()
            row.summary = summary

    def get_session(self, session_id: int) -> SessionView | None:
        with self._reading() as session:
            row = session.get(PracticeSession, session_id)
            return None if row is None else session_view(row, self._turn_count(session, row.id))

    def list_sessions(self) -> list[SessionView]:
        """All sessions, newest first, with their turn counts."""
        counts = (
            select(Turn.session_id, func.count().label("n")).group_by(Turn.session_id).subquery()
        )
        query = (
            select(PracticeSession, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.session_id == PracticeSession.id)
            .order_by(PracticeSession.started_at.desc(), PracticeSession.id.desc())
        )
        with self._reading() as session:
            return [session_view(row, count) for row, count in session.execute(query)]

    def _next_session_id(self, session: Session) -> int:
        """A session id never used before: not by a row (AUTOINCREMENT's own
        record), and not by a recordings folder, even one the database does not
        know (restored from an older copy, or started afresh) or one in the
        quarantine. Must run in a write transaction."""
        used = session.scalar(text("SELECT seq FROM sqlite_sequence WHERE name = 'sessions'"))
        highest = max(int(used or 0), audio_files.highest_session_folder(self.home))
        return highest + 1

    def last_session_id(self) -> int | None:
        """The newest session with at least one turn (an empty one is a turn
        that never got saved, not something to export or review)."""
        has_turn = exists().where(Turn.session_id == PracticeSession.id)
        query = select(PracticeSession.id).where(has_turn).order_by(
            PracticeSession.started_at.desc(), PracticeSession.id.desc()
        )
        with self._reading() as session:
            return session.scalar(query.limit(1))

    def delete_session(self, session_id: int) -> bool:
        """Delete the session, its turns and recordings. False if there was none."""
        folder = audio_files.session_folder(self.home, session_id)
        doomed = audio_files.deleting_folder(self.home, session_id)
        renamed = False
        try:
            with self._writing() as session:
                # The database cascades to turns and corrections (foreign_keys=ON).
                result = session.execute(
                    delete(PracticeSession).where(PracticeSession.id == session_id))
                found = bool(result.rowcount)
                # Renamed inside the transaction, so a crash leaves a folder
                # whose name and the database agree on what to do (recover).
                if found and folder.is_dir():
                    os.replace(folder, doomed)
                    renamed = True
        except BaseException:
            if renamed:  # rolled back: the recordings belong to the session again
                os.replace(doomed, folder)
            raise
        try:
            shutil.rmtree(doomed)
        except FileNotFoundError:
            pass
        except OSError as error:  # the next open_store removes it
            log.warning("session %s deleted; could not remove %s yet: %s", session_id, doomed,
                        error)
        return found

    @staticmethod
    def _turn_count(session: Session, session_id: int) -> int:
        query = select(func.count()).where(Turn.session_id == session_id)
        return int(session.scalar(query) or 0)

    # -- turns ------------------------------------------------------------

    def save_turn(self, record: TurnRecord,
                  new_session: dict[str, str] | None = None) -> SavedTurn:
        """Save the turn's rows and WAVs together, or nothing at all.

        ``new_session`` (start_session's options) starts a session in the same
        transaction: a save that fails (a full disk) leaves no empty session.

        Raises StorageError for a full disk or an unwritable folder, KeyError
        for an unknown session, ValueError for malformed audio or input mode.
        """
        record.check()
        staged: list[StagedFile] = []
        try:
            with self._writing() as session:
                if new_session is not None:
                    record = replace(record, session_id=self._add_session(session, new_session))
                elif session.get(PracticeSession, record.session_id) is None:
                    raise KeyError(record.session_id)
                # Safe read-then-write: this transaction already holds the write lock.
                last = session.scalar(
                    select(func.max(Turn.turn_index)).where(Turn.session_id == record.session_id)
                )
                folder = audio_files.session_folder(self.home, record.session_id)
                index = max(0 if last is None else last + 1, audio_files.next_turn_index(folder))
                learner = self._stage(record, index, "learner", staged)
                reply = self._stage(record, index, "reply", staged)
                turn_id = self._insert_turn(session, record, index, learner, reply)
        except BaseException:
            # Rolled back (or never written): the staged files must go too.
            audio_files.discard(staged)
            raise
        # Committed: the turn is saved whatever happens to the renames now. A
        # rename that fails is finished by the next open_store (recover).
        try:
            audio_files.publish(staged)
        except OSError as error:
            log.warning("turn %s saved; its recordings are moved into place when Parley "
                        "next starts: %s", turn_id, error)
        return SavedTurn(
            session_id=record.session_id,
            turn_id=turn_id,
            index=index,
            learner_audio=audio_files.absolute(self.home, learner),
            reply_audio=audio_files.absolute(self.home, reply),
        )

    def _stage(
        self, record: TurnRecord, index: int, role: str, staged: list[StagedFile]
    ) -> str | None:
        """Write the ``role`` ("learner"/"reply") WAV under a temporary name.

        Returns the final path relative to the data folder, or None without audio.
        """
        pcm = getattr(record, f"{role}_pcm")
        sample_rate = getattr(record, f"{role}_sample_rate")
        if pcm is None or np.size(pcm) == 0:
            return None
        folder = audio_files.session_folder(self.home, record.session_id)
        final = audio_files.stage(folder / f"{index:04d}-{role}.wav", pcm, sample_rate, staged)
        return audio_files.relative(self.home, final)

    def _insert_turn(
        self,
        session: Session,
        record: TurnRecord,
        index: int,
        learner_audio: str | None,
        reply_audio: str | None,
    ) -> int:
        row = turn_row(record, index, learner_audio, reply_audio)
        session.add(row)
        session.flush()
        return row.id

    def turns(self, session_id: int) -> list[TurnView]:
        """The session's turns in order, each with its corrections."""
        query = (
            select(Turn)
            .where(Turn.session_id == session_id)
            .order_by(Turn.turn_index)
            .options(selectinload(Turn.corrections))
        )
        with self._reading() as session:
            return [turn_view(self.home, row) for row in session.scalars(query)]

    def get_turn(self, turn_id: int) -> TurnView | None:
        with self._reading() as session:
            row = session.get(Turn, turn_id, options=[selectinload(Turn.corrections)])
            return None if row is None else turn_view(self.home, row)

    # -- housekeeping -----------------------------------------------------

    def _recover(self) -> None:
        """Finish or undo audio writes a crash interrupted (under the write lock)."""
        with self._writing() as session:

            def session_exists(session_id: int) -> bool:
                return session.get(PracticeSession, session_id) is not None

            def is_referenced(relative: str) -> bool:
                hit = or_(Turn.learner_audio == relative, Turn.reply_audio == relative)
                if session.scalar(select(Turn.id).where(hit).limit(1)) is not None:
                    return True
                shadow = select(Shadowing.id).where(Shadowing.audio == relative).limit(1)
                return session.scalar(shadow) is not None

            audio_files.recover(self.home, session_exists, is_referenced, DATABASE_NAME)


def open_store(home: Path | None = None) -> Store:
    """Open (creating and migrating as needed) the store in ``home``.

    ``home`` defaults to the data folder (``PARLEY_HOME`` or the platform's
    user-data folder). Raises StorageError when it cannot be created or written.
    """
    home = (Path(home) if home is not None else data_home()).expanduser().absolute()
    database = home / DATABASE_NAME
    with storage_errors(home):
        private.private_dir(home)
        # SQLite gives its -wal and -shm files the database file's mode.
        private.create_private_file(database)
        private.repair(home, [database, *database_files(database)],
                       [home / audio_files.AUDIO_DIR, home / QUARANTINE_DIR])
    engine = make_engine(database)
    try:
        with storage_errors(home):
            upgrade(engine)
        store = Store(home, engine)
        store._recover()
    except BaseException:
        engine.dispose()
        raise
    return store


def database_files(database: Path) -> list[Path]:
    """SQLite's companions of ``database``: the write-ahead log and its index."""
    return [database.with_name(database.name + suffix) for suffix in ("-wal", "-shm")]
