"""Turn disk and database failures into a :class:`StorageError` the learner can act on.

Failures are recognised by errno and by SQLite's result code, never by the
message text, which differs between platforms, languages and versions.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from app.errors import StorageError

# SQLite primary result codes (https://sqlite.org/rescode.html). Python 3.11+
# exposes the extended code as ``sqlite_errorcode``; its low byte is the primary one.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

_DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


SAVE_TURN = "save this turn"


def _disk_full(home: Path, what: str = SAVE_TURN) -> StorageError:
    return StorageError(
        f"The disk is full, so Parley could not {what}",
        f"free some disk space on the drive that holds {home}",
    )


def _denied(home: Path) -> StorageError:
    return StorageError(
        f"Parley may not write to its data folder {home}",
        "make that folder writable, or set PARLEY_HOME to a folder you own",
    )


def damaged(database: Path, detail: str = "") -> StorageError:
    """The one line for a damaged database: both ways out keep every recording."""
    return StorageError(
        f"The practice database {database} is damaged{detail}",
        f"run `python -m app restore BACKUP` with your latest backup (the damaged file is "
        f"kept beside it), or rename the file (e.g. to {database.stem}-damaged{database.suffix}) "
        f"and start Parley again: your recordings in {database.parent / 'audio'} are kept",
    )


def database_integrity(database: Path, pragma: str = "integrity_check") -> str:
    """SQLite's verdict on ``database``, read-only: "ok" when healthy; what is
    wrong when the file is damaged; "busy: ..." or "unreadable: ..." when it
    cannot tell (another program holds it; no access).

    ``quick_check`` skips the index-versus-table comparison: O(N) instead of
    O(N log N), for the plain ``doctor``.
    """
    try:
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        code = sqlite_code(error)
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return f"damaged: {error}"
        return f"{'busy' if code in (SQLITE_BUSY, SQLITE_LOCKED) else 'unreadable'}: {error}"
    return "; ".join(str(r[0]) for r in rows) or "ok"


def is_damaged(verdict: str | None) -> bool:
    """Whether a :func:`database_integrity` verdict means the file itself is damaged."""
    return verdict not in (None, "ok") and not verdict.startswith(("busy:", "unreadable:"))


def sqlite_code(error: BaseException) -> int | None:
    """The primary SQLite result code behind ``error`` (raw or wrapped by SQLAlchemy)."""
    original = error.orig if isinstance(error, DBAPIError) else error
    code = getattr(original, "sqlite_errorcode", None)
    if not isinstance(original, sqlite3.Error) or code is None:
        return None
    return int(code) & 0xFF


def storage_error(error: BaseException, home: Path, what: str = SAVE_TURN) -> StorageError | None:
    """The StorageError for a disk or database failure, or None for anything else.

    ``what`` names the work that failed ("save this turn", "restore the backup")."""
    if isinstance(error, StorageError):
        return error
    if isinstance(error, OSError):
        if error.errno in _DISK_FULL_ERRNOS:
            return _disk_full(home, what)
        if error.errno in _DENIED_ERRNOS or isinstance(error, PermissionError):
            return _denied(home)
        return StorageError(
            f"Parley could not write to {error.filename or home} ({error.strerror or error})",
            f"check the drive that holds {home}",
        )
    code = sqlite_code(error)
    if code is None:
        return None
    database = home / "parley.sqlite3"
    if code == SQLITE_FULL:
        return _disk_full(home, what)
    if code in (SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN):
        return _denied(home)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageError(
            "The practice database is busy in another program",
            "close other Parley windows and try again",
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(database)
    if code == SQLITE_IOERR:
        return StorageError(
            f"The drive holding {database} failed to read or write",
            f"check the drive that holds {home}",
        )
    return None


@contextmanager
def storage_errors(home: Path, what: str = SAVE_TURN) -> Iterator[None]:
    """Re-raise disk and database failures in the block as StorageError; others as they are.

    A StorageError raised deeper down for another ``what`` (the store's own
    writes speak of saving a turn) is worded again for this one.
    """
    try:
        yield
    except StorageError as error:
        cause = error.__cause__
        again = None if what == SAVE_TURN or cause is None else storage_error(cause, home, what)
        if again is None:
            raise
        raise again from cause
    except Exception as error:
        translated = storage_error(error, home, what)
        if translated is None:
            raise
        raise translated from error
