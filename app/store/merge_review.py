"""Restore's merge of the review's rows (0006): a turn added from a backup
brings its fluent version and its shadowing recordings, renamed after the
turn's new index in its session's folder (app/store/merge.py calls this)."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from sqlalchemy import inspect, select

from app.store.models import FluentTurn, Shadowing, Turn

_SHADOW = re.compile(r"^\d+-(shadow[a-z]*)\.wav$")


def add_review_rows(merge, old: Turn, new_turn_id: int, index: int, folder: Path) -> None:
    """Copy ``old``'s fluent version and shadowings (from the backup's session)."""
    source = inspect(old).session
    if source is None:
        return
    fluent = source.scalars(select(FluentTurn).where(FluentTurn.turn_id == old.id)).first()
    if fluent is not None:
        merge.session.add(FluentTurn(turn_id=new_turn_id, fluent=fluent.fluent,
                                     changes=list(fluent.changes), source=fluent.source,
                                     model=fluent.model, built_at=fluent.built_at))
    for shadow in source.scalars(select(Shadowing).where(Shadowing.turn_id == old.id)
                                 .order_by(Shadowing.id)):
        audio = None
        if shadow.audio:
            match = _SHADOW.match(PurePosixPath(shadow.audio).name)
            final = folder / f"{index:04d}-{match.group(1) if match else 'shadow'}.wav"
            if shadow.audio in merge.recordings:
                audio = merge.stage(shadow.audio, final)
            elif shadow.audio not in merge.absent:
                merge.lost(shadow.audio)
        merge.session.add(Shadowing(turn_id=new_turn_id, audio=audio,
                                    transcript=shadow.transcript, words=list(shadow.words),
                                    seconds=shadow.seconds, recorded_at=shadow.recorded_at))
    merge.session.flush()
