"""ORM rows -> detached dataclasses, and records -> new rows.

Kept apart from :mod:`app.store.store` so the transaction logic there stays short.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.store.audio_files import absolute
from app.store.models import Correction, PracticeSession, Turn
from app.store.records import (
    CorrectionRecord,
    CorrectionView,
    SessionView,
    TurnRecord,
    TurnView,
)


def session_view(row: PracticeSession, turn_count: int) -> SessionView:
    return SessionView(
        id=row.id,
        started_at=row.started_at,
        ended_at=row.ended_at,
        scenario=row.scenario,
        level=row.level,
        correction_style=row.correction_style,
        summary=row.summary,
        turn_count=turn_count,
    )


def correction_view(row: Correction) -> CorrectionView:
    return CorrectionView(
        id=row.id,
        original=row.original,
        corrected=row.corrected,
        reason=row.reason,
        kind=row.kind,
        source=row.source,
        start=row.start_char,
        end=row.end_char,
    )


def turn_view(home: Path, row: Turn) -> TurnView:
    return TurnView(
        id=row.id,
        session_id=row.session_id,
        index=row.turn_index,
        started_at=row.started_at,
        ended_at=row.ended_at,
        transcript=row.transcript,
        words=list(row.words),
        reply=row.reply,
        learner_audio=absolute(home, row.learner_audio),
        reply_audio=absolute(home, row.reply_audio),
        models=dict(row.models),
        timings_ms=dict(row.timings_ms),
        input_mode=row.input_mode,
        corrections=[correction_view(c) for c in row.corrections],
        learner_seconds=row.learner_seconds,
    )


def correction_row(record: CorrectionRecord) -> Correction:
    return Correction(
        original=record.original,
        corrected=record.corrected,
        reason=record.reason,
        kind=record.kind,
        source=record.source,
        start_char=record.start,
        end_char=record.end,
    )


def turn_row(
    record: TurnRecord, index: int, learner_audio: str | None, reply_audio: str | None
) -> Turn:
    return Turn(
        session_id=record.session_id,
        turn_index=index,
        started_at=record.started_at,
        ended_at=record.ended_at,
        learner_audio=learner_audio,
        transcript=record.transcript,
        words=list(record.words),
        reply=record.reply,
        reply_audio=reply_audio,
        models=dict(record.models),
        timings_ms=dict(record.timings_ms),
        input_mode=record.input_mode,
        corrections=[correction_row(c) for c in record.corrections],
        learner_seconds=_seconds(record.learner_pcm, record.learner_sample_rate),
    )


def _seconds(pcm: np.ndarray | None, sample_rate: int) -> float | None:
    return None if pcm is None or np.size(pcm) == 0 else float(np.size(pcm)) / sample_rate
