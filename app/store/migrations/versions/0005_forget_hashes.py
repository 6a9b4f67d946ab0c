"""Forgotten facts keep keyed hashes, not the learner's words.

Revision ID: 0005_forget_hashes
Revises: 0004_practice
Create Date: 2026-12-04

Each tombstone's key (kind, subject, slot) and source words are replaced by
HMAC-SHA256 hashes under the data folder's secret key (``forget.key``, made
here when missing). The table is rebuilt, and secure_delete (on for every
connection) zeroes the pages the old words were on.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0005_forget_hashes"
down_revision: str | Sequence[str] | None = "0004_practice"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As in app/store/forget_key.py: a migration must keep working when the
# app's modules change, so it does not import them.
KEY_NAME, KEY_BYTES = "forget.key", 32
# Batch mode rebuilds the table from reflection, which cannot see AUTOINCREMENT.
KEEP = {"sqlite_autoincrement": True}


def _key(connection: sa.Connection) -> bytes:
    database = connection.engine.url.database
    if not database or database == ":memory:":
        return secrets.token_bytes(KEY_BYTES)  # no folder to keep it in
    path = Path(database).parent / KEY_NAME
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_bytes()
        if len(key) != KEY_BYTES:
            raise RuntimeError(f"{path} is not a Parley key") from None
        return key
    key = secrets.token_bytes(KEY_BYTES)
    with open(fd, "wb") as handle:
        handle.write(key)
        handle.flush()
        os.fsync(handle.fileno())
    return key


def _hash(key: bytes, *parts: str) -> str:
    return hmac.new(key, "\x1f".join(parts).encode("utf-8"), hashlib.sha256).hexdigest()


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, kind, subject, slot, words FROM forgotten_facts")).all()
    with op.batch_alter_table("forgotten_facts", table_kwargs=KEEP) as batch:
        batch.add_column(sa.Column("key_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("words_hash", sa.String(length=64), nullable=True))
    key = _key(connection) if rows else b""
    for row_id, kind, subject, slot, words in rows:
        connection.execute(
            sa.text("UPDATE forgotten_facts SET key_hash = :k, words_hash = :w WHERE id = :i"),
            {"k": _hash(key, "fact", kind, subject, slot),
             "w": _hash(key, "words", words) if words else "", "i": row_id})
    with op.batch_alter_table("forgotten_facts", table_kwargs=KEEP) as batch:
        batch.alter_column("key_hash", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("words_hash", existing_type=sa.String(length=64), nullable=False)
        batch.drop_column("subject")
        batch.drop_column("slot")
        batch.drop_column("words")


def downgrade() -> None:
    # The words are gone for good: the tombstones come back without them.
    with op.batch_alter_table("forgotten_facts", table_kwargs=KEEP) as batch:
        batch.add_column(sa.Column("subject", sa.String(length=40), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("slot", sa.String(length=80), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("words", sa.Text(), nullable=False, server_default=""))
        batch.drop_column("words_hash")
        batch.drop_column("key_hash")
