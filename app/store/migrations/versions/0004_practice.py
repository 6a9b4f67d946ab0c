"""Practice questions: the tutor's questions that practise a recurring mistake,
and how the learner's next answer went.

Revision ID: 0004_practice
Revises: 0003_memory
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_practice"
down_revision: str | Sequence[str] | None = "0003_memory"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "practice_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("turn_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("answer_turn_id", sa.Integer(), nullable=True),
        sa.Column("form_used", sa.Boolean(), nullable=True),
        sa.Column("correct", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_questions")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_practice_questions_session_id"), "practice_questions",
                    ["session_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_practice_questions_session_id"), table_name="practice_questions")
    op.drop_table("practice_questions")
