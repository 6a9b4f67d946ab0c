"""The review's fluent versions and shadowing recordings (mixed into :class:`Store`).

A session's fluent versions are saved in one transaction, all or none, so a
build that fails halfway leaves the session as it was. A shadowing recording
is saved like a turn's: staged, committed with its row, then moved into place
(app/store/audio_files.py), as ``<turn index>-shadow.wav`` in the session's folder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.store import audio_files
from app.store.audio_files import StagedFile
from app.store.models import FluentTurn, Shadowing, Turn


@dataclass(frozen=True)
class FluentView:
    turn_id: int
    fluent: str
    changes: list[dict[str, str]]
    source: str
    model: str
    built_at: datetime


@dataclass(frozen=True)
class ShadowingView:
    id: int
    turn_id: int
    audio: Path | None
    transcript: str
    words: list[dict[str, Any]]
    seconds: float | None
    recorded_at: datetime


class FluentQueries:
    """The host class (Store) provides ``home``, ``_reading`` and ``_writing``."""

    home: Path
    _reading: Callable[[], AbstractContextManager[Session]]
    _writing: Callable[[], AbstractContextManager[Session]]

    def save_fluent(self, session_id: int, lines: Sequence[tuple[int, str, list, str]],
                    model: str = "") -> int:
        """(turn id, fluent, changes, source) for turns of ``session_id``, replacing
        any earlier build, in one transaction. Returns how many were saved."""
        with self._writing() as session:
            turn_ids = set(session.scalars(select(Turn.id).where(Turn.session_id == session_id)))
            wanted = [line for line in lines if line[0] in turn_ids]
            session.execute(delete(FluentTurn).where(FluentTurn.turn_id.in_(turn_ids)))
            for turn_id, fluent, changes, source in wanted:
                session.add(FluentTurn(turn_id=turn_id, fluent=fluent, changes=list(changes),
                                       source=source, model=model))
            return len(wanted)

    def fluent_lines(self, session_id: int) -> dict[int, FluentView]:
        query = (select(FluentTurn).join(Turn, Turn.id == FluentTurn.turn_id)
                 .where(Turn.session_id == session_id))
        with self._reading() as session:
            return {r.turn_id: FluentView(r.turn_id, r.fluent, list(r.changes), r.source,
                                          r.model, r.built_at)
                    for r in session.scalars(query)}

    def save_shadowing(self, turn_id: int, pcm: np.ndarray | None, sample_rate: int,
                       transcript: str, words: list[dict[str, Any]]) -> ShadowingView:
        staged: list[StagedFile] = []
        try:
            with self._writing() as session:
                turn = session.get(Turn, turn_id)
                if turn is None:
                    raise KeyError(turn_id)
                stored = None
                if pcm is not None and np.size(pcm):
                    folder = audio_files.session_folder(self.home, turn.session_id)
                    count = len(list(session.scalars(
                        select(Shadowing.id).where(Shadowing.turn_id == turn_id))))
                    name = f"{turn.turn_index:04d}-shadow{_letters(count)}.wav"
                    final = audio_files.stage(folder / name, pcm, sample_rate, staged)
                    stored = audio_files.relative(self.home, final)
                seconds = None if pcm is None else round(np.size(pcm) / sample_rate, 3)
                row = Shadowing(turn_id=turn_id, audio=stored, transcript=transcript,
                                words=list(words), seconds=seconds)
                session.add(row)
                session.flush()
                view = self._shadowing_view(row)
        except BaseException:
            audio_files.discard(staged)
            raise
        audio_files.publish(staged)
        return view

    def shadowings(self, session_id: int) -> list[ShadowingView]:
        query = (select(Shadowing).join(Turn, Turn.id == Shadowing.turn_id)
                 .where(Turn.session_id == session_id).order_by(Shadowing.id))
        with self._reading() as session:
            return [self._shadowing_view(r) for r in session.scalars(query)]

    def _shadowing_view(self, row: Shadowing) -> ShadowingView:
        return ShadowingView(row.id, row.turn_id, audio_files.absolute(self.home, row.audio),
                             row.transcript, list(row.words), row.seconds, row.recorded_at)


def _letters(count: int) -> str:
    """"", "b", "c", ..., "ba", ...: the count's digits as letters, since recording
    names keep to [a-z] after the index (audio_files._FINAL_NAME)."""
    return "".join(chr(ord("a") + int(d)) for d in str(count)) if count else ""
