"""The review's fluent version of each learner turn, and the learner's
shadowing recordings of it.

Revision ID: 0006_fluent_review
Revises: 0005_forget_hashes
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_fluent_review"
down_revision: str | Sequence[str] | None = "0005_forget_hashes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fluent_turns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("turn_id", sa.Integer(), nullable=False),
        sa.Column("fluent", sa.Text(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["turn_id"], ["turns.id"],
                                name=op.f("fk_fluent_turns_turn_id_turns"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fluent_turns")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_fluent_turns_turn_id"), "fluent_turns", ["turn_id"], unique=True)
    op.create_table(
        "shadowings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("turn_id", sa.Integer(), nullable=False),
        sa.Column("audio", sa.String(length=500), nullable=True),
        sa.Column("transcript", sa.Text(), nullable=False),
        sa.Column("words", sa.JSON(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["turn_id"], ["turns.id"],
                                name=op.f("fk_shadowings_turn_id_turns"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shadowings")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_shadowings_turn_id"), "shadowings", ["turn_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_shadowings_turn_id"), table_name="shadowings")
    op.drop_table("shadowings")
    op.drop_index(op.f("ix_fluent_turns_turn_id"), table_name="fluent_turns")
    op.drop_table("fluent_turns")
