"""The checks a backup's database passes before anything is merged from it.

Its copy (in the restore's scratch folder) must be a whole SQLite file, carry
a schema revision this Parley knows, migrate cleanly to the newest one, and
then have every table and column the models read. Any failure is one line
(a :class:`BackupError`) and nothing in the data folder has changed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.errors import BackupError, ParleyError
from app.store.failures import SQLITE_FULL, SQLITE_IOERR, sqlite_code, storage_error

RESTORING = "restore the backup"
_ANOTHER = "restore another backup, made by `python -m app backup`"


def _connect(copy: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)


def _error(problem: str, fix: str = _ANOTHER) -> ParleyError:
    return BackupError(problem, fix)


def revision_of(database: Path) -> str | None:
    """The schema revision recorded in ``database``; None when it records none."""
    connection = _connect(database)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()


def _check_whole(copy: Path, source: Path) -> None:
    connection = _connect(copy)
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        verdict = [(f"unreadable: {error}",)]
    finally:
        connection.close()
    if verdict != [("ok",)]:
        raise _error(f"the database inside {source} is damaged", "restore an older backup")


def _upgrade(copy: Path, source: Path, home: Path, revision: str) -> None:
    from app.store.migrate import upgrade  # lazy: loads SQLAlchemy and libsndfile

    try:
        upgrade(f"sqlite:///{copy}")
    except Exception as error:
        if isinstance(error, OSError) or sqlite_code(error) in (SQLITE_FULL, SQLITE_IOERR):
            raise (storage_error(error, home, RESTORING) or error) from error
        raise _error(f"the database inside {source} does not match its schema revision "
                     f"{revision}, so it cannot be brought up to date") from error


def missing_columns(copy: Path) -> list[str]:
    """The tables and columns (``table.column``) the models read that ``copy`` lacks."""
    from app.store.models import Base  # lazy: loads SQLAlchemy and libsndfile

    connection = _connect(copy)
    try:
        missing = []
        for table in Base.metadata.sorted_tables:
            have = {row[1] for row in connection.execute(f'PRAGMA table_info("{table.name}")')}
            if not have:
                missing.append(table.name)
                continue
            missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in have]
        return missing
    finally:
        connection.close()


def check_database(copy: Path, source: Path, home: Path) -> None:
    """Check the backup's database ``copy`` and migrate it to the newest schema."""
    from app.store.migrate import head_revision, known_revisions  # lazy: loads SQLAlchemy and libsndfile

    _check_whole(copy, source)
    revision = revision_of(copy)
    if revision is None:
        raise _error(f"the database inside {source} records no schema revision, "
                     "so it was not made by Parley")
    if revision not in known_revisions():
        raise _error(f"{source} was made by a newer Parley (schema {revision})",
                     "update Parley, then restore it")
    if revision != head_revision():
        _upgrade(copy, source, home, revision)
    missing = missing_columns(copy)
    if missing:
        raise _error(f"the database inside {source} lacks {', '.join(missing[:5])}"
                     f"{' and more' if len(missing) > 5 else ''}, which schema {revision} has")


def referenced_recordings(copy: Path) -> set[str]:
    """Every recording the (checked) database ``copy`` refers to, as stored paths."""
    connection = _connect(copy)
    try:
        rows = connection.execute("SELECT learner_audio, reply_audio FROM turns").fetchall()
        try:  # shadowing recordings (0006)
            rows += connection.execute("SELECT audio, NULL FROM shadowings").fetchall()
        except sqlite3.OperationalError:
            pass
    finally:
        connection.close()
    return {path for row in rows for path in row if path}
