"""Review: drills (spaced repetition) and seconds spoken per turn.

Revision ID: 0002_review
Revises: 0001_initial
Create Date: 2026-11-30
"""

from __future__ import annotations

import wave
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import sqlalchemy as sa
from alembic import op

revision: str = "0002_review"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _wav_seconds(path: Path) -> float | None:
    # The stdlib reader, not app code: a migration must keep working when
    # the app's modules change.
    try:
        with wave.open(str(path), "rb") as handle:
            return handle.getnframes() / float(handle.getframerate())
    except (OSError, EOFError, wave.Error, ZeroDivisionError):
        return None


def _backfill_learner_seconds(connection: sa.Connection) -> None:
    database = connection.engine.url.database
    if not database or database == ":memory:":
        return
    home = Path(database).parent
    rows = connection.execute(
        sa.text("SELECT id, learner_audio FROM turns WHERE learner_audio IS NOT NULL")
    ).all()
    for turn_id, stored in rows:
        seconds = _wav_seconds(home.joinpath(*PurePosixPath(stored).parts))
        if seconds is not None:
            connection.execute(
                sa.text("UPDATE turns SET learner_seconds = :s WHERE id = :i"),
                {"s": seconds, "i": turn_id},
            )


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: batch would copy and drop ``turns``,
    # and the full-text triggers would go with it.
    op.add_column("turns", sa.Column("learner_seconds", sa.Float(), nullable=True))
    _backfill_learner_seconds(op.get_bind())

    op.create_table(
        "drills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("correction_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("card", sa.JSON(), nullable=False),
        sa.Column("last_review", sa.DateTime(), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("lapses", sa.Integer(), nullable=False),
        sa.Column("mastered_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["correction_id"],
            ["corrections.id"],
            name=op.f("fk_drills_correction_id_corrections"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drills")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_drills_due"), "drills", ["due"])
    op.create_index(op.f("ix_drills_correction_id"), "drills", ["correction_id"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_drills_correction_id"), table_name="drills")
    op.drop_index(op.f("ix_drills_due"), table_name="drills")
    op.drop_table("drills")
    # SQLite >= 3.35 drops a column in place (again: no table copy, triggers stay).
    op.execute("ALTER TABLE turns DROP COLUMN learner_seconds")
