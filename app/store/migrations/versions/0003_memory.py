"""Memory: what Parley remembers about the learner, tombstones of forgotten
facts, and learner settings (memory on/off).

Revision ID: 0003_memory
Revises: 0002_review
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_memory"
down_revision: str | Sequence[str] | None = "0002_review"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "learner_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("slot", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("event_date", sa.DateTime(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("turn_id", sa.Integer(), nullable=True),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.Column("followed_up_at", sa.DateTime(), nullable=True),
        sa.Column("replaced", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learner_facts")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_learner_facts_kind_subject_slot"), "learner_facts",
                    ["kind", "subject", "slot"], unique=True)
    op.create_table(
        "forgotten_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("slot", sa.String(length=80), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("turn_id", sa.Integer(), nullable=True),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("forgotten_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forgotten_facts")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_forgotten_facts_turn_id"), "forgotten_facts", ["turn_id"])
    op.create_table(
        "learner_settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_learner_settings")),
    )


def downgrade() -> None:
    op.drop_table("learner_settings")
    op.drop_index(op.f("ix_forgotten_facts_turn_id"), table_name="forgotten_facts")
    op.drop_table("forgotten_facts")
    op.drop_index(op.f("ix_learner_facts_kind_subject_slot"), table_name="learner_facts")
    op.drop_table("learner_facts")
