"""The SQLite engine: connection settings and transaction control.

Settings are applied per connection (in the ``connect`` event) because SQLite
keeps them per connection and the pool opens new ones at any time.

Python's sqlite3 module (before 3.12's ``autocommit``) starts transactions
only before INSERT/UPDATE/DELETE, so DDL and SELECTs would run outside any
transaction. We take over BEGIN ourselves (the recipe in SQLAlchemy's SQLite
docs): migrations become one atomic transaction, reads see one snapshot, and
writers can ask for ``BEGIN IMMEDIATE`` to take the write lock up front.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url

BUSY_TIMEOUT_MS = 10_000
# Execution option a connection carries when it should begin with the write lock.
IMMEDIATE = "parley_begin_immediate"


def _json_default(value: Any) -> Any:
    """Let numpy scalars and arrays (word probabilities, timings) into JSON columns."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, Path):
        return value.as_posix()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _dumps(value: Any) -> str:
    return json.dumps(value, default=_json_default, ensure_ascii=False)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Hand BEGIN over to us (see _on_begin); sqlite3 still sends COMMIT/ROLLBACK.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # WAL: readers (the review pages) never block the writer and vice versa.
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL syncs the WAL on every commit: a saved turn survives a power
        # cut, at one fsync per turn, which costs nothing next to the models.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # Deleted rows are overwritten with zeros, not left in free pages: a
        # forgotten fact or a removed sentence leaves no words in the file.
        cursor.execute("PRAGMA secure_delete=ON")
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    if connection.get_execution_options().get(IMMEDIATE):
        # Take the write lock before reading, so a read-then-write (next turn
        # index) cannot race another writer, and so the lock marks that a save
        # is in flight (see audio_files.recover).
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def database_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url_or_path: str | Path) -> Engine:
    """An engine for a SQLite file, usable from any single thread at a time."""
    url = make_url(database_url(url_or_path) if isinstance(url_or_path, Path) else url_or_path)
    if url.get_backend_name() != "sqlite":
        raise ValueError(f"Parley's store needs SQLite, not {url.get_backend_name()}")
    engine = create_engine(
        url,
        # The GUI writes from one worker thread that is not the one that opened
        # the store; pooled connections must be usable there.
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        json_serializer=_dumps,
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (and pool), but every transaction begins IMMEDIATE."""
    return engine.execution_options(**{IMMEDIATE: True})
