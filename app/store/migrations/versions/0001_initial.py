"""Sessions, turns and corrections, with a full-text index over turns.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# An external-content FTS5 index: it stores only the index, reading the text
# from turns, and triggers keep it in step (FTS5 docs, "External Content
# Tables"). Porter stemming lets "went to school" find "go to school".
FTS_TABLE = """
CREATE VIRTUAL TABLE turns_fts USING fts5(
    transcript, reply,
    content='turns', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
)
"""
FTS_TRIGGERS = {
    "turns_fts_insert": """
CREATE TRIGGER turns_fts_insert AFTER INSERT ON turns BEGIN
    INSERT INTO turns_fts(rowid, transcript, reply) VALUES (new.id, new.transcript, new.reply);
END""",
    "turns_fts_delete": """
CREATE TRIGGER turns_fts_delete AFTER DELETE ON turns BEGIN
    INSERT INTO turns_fts(turns_fts, rowid, transcript, reply)
    VALUES ('delete', old.id, old.transcript, old.reply);
END""",
    "turns_fts_update": """
CREATE TRIGGER turns_fts_update AFTER UPDATE OF transcript, reply ON turns BEGIN
    INSERT INTO turns_fts(turns_fts, rowid, transcript, reply)
    VALUES ('delete', old.id, old.transcript, old.reply);
    INSERT INTO turns_fts(rowid, transcript, reply) VALUES (new.id, new.transcript, new.reply);
END""",
}


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("scenario", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("correction_style", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_sessions_started_at"), "sessions", ["started_at"])

    op.create_table(
        "turns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("turn_index", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=False),
        sa.Column("learner_audio", sa.String(length=500), nullable=True),
        sa.Column("transcript", sa.Text(), nullable=False),
        sa.Column("words", sa.JSON(), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("reply_audio", sa.String(length=500), nullable=True),
        sa.Column("models", sa.JSON(), nullable=False),
        sa.Column("timings_ms", sa.JSON(), nullable=False),
        sa.Column("input_mode", sa.String(length=8), nullable=False),
        sa.CheckConstraint("input_mode IN ('voice', 'text')", name=op.f("ck_turns_input_mode")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_turns_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_turns")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_turns_session_id_turn_index"), "turns", ["session_id", "turn_index"], unique=True
    )

    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("turn_id", sa.Integer(), nullable=False),
        sa.Column("original", sa.Text(), nullable=False),
        sa.Column("corrected", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=True),
        sa.Column("end_char", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["turn_id"], ["turns.id"], name=op.f("fk_corrections_turn_id_turns"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_corrections_turn_id"), "corrections", ["turn_id"])
    op.create_index(op.f("ix_corrections_kind"), "corrections", ["kind"])

    op.execute(FTS_TABLE)
    for sql in FTS_TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in FTS_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS turns_fts")
    op.drop_table("corrections")
    op.drop_table("turns")
    op.drop_table("sessions")
