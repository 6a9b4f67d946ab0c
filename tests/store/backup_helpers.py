"""Building real backup archives, sound or damaged, and what a data folder holds.

A plain module (not a conftest) so the restore tests and the fuzz tests share it.
"""

from __future__ import annotations

import io
import sqlite3
import tarfile
from collections.abc import Callable, Iterable
from pathlib import Path

from store_helpers import make_record

from app.store import open_store
from app.store.backup import backup

DATABASE = "parley.sqlite3"
MANIFEST = "parley-backup.json"
Member = tuple[tarfile.TarInfo, bytes | None]


def practice(home: Path, sessions: int = 1, turns: int = 2) -> None:
    with open_store(home) as store:
        for s in range(sessions):
            session_id = store.start_session(f"scenario {s}")
            for t in range(turns):
                store.save_turn(make_record(session_id, f"session {s} turn {t}"))


def sound_backup(tmp_path: Path, sessions: int = 1, turns: int = 2) -> Path:
    source, archive = tmp_path / "source", tmp_path / "sound.tar"
    practice(source, sessions, turns)
    backup(source, archive)
    return archive


def members(archive: Path) -> list[Member]:
    """Every member of ``archive`` with its data (None for non-files)."""
    with tarfile.open(archive) as tar:
        return [(m, tar.extractfile(m).read() if m.isreg() else None) for m in tar.getmembers()]


def write_archive(path: Path, entries: Iterable[Member]) -> Path:
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for info, data in entries:
            if data is not None and info.isreg():
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def rebuilt(archive: Path, out: Path, change: Callable[[tarfile.TarInfo, bytes | None],
                                                       list[Member]]) -> Path:
    """``archive`` written again with each member replaced by ``change(member, data)``."""
    return write_archive(out, [new for info, data in members(archive)
                               for new in change(info, data)])


def as_kind(info: tarfile.TarInfo, kind: bytes) -> Member:
    """``info``'s name as another member type (SYMTYPE, DIRTYPE, FIFOTYPE ...)."""
    other = tarfile.TarInfo(info.name)
    other.type = kind
    other.linkname = MANIFEST if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE) else ""
    return other, None


def database_with(archive: Path, out: Path, tmp_path: Path, sql: Iterable[str]) -> Path:
    """``archive`` with its database changed by ``sql`` (run on a copy)."""
    copy = tmp_path / "changed.sqlite3"
    copy.unlink(missing_ok=True)
    with tarfile.open(archive) as tar:
        copy.write_bytes(tar.extractfile(DATABASE).read())
    connection = sqlite3.connect(copy)
    try:
        for statement in sql:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()
    data = copy.read_bytes()
    return rebuilt(archive, out, lambda info, old: [(info, data if info.name == DATABASE
                                                     else old)])


def folder_state(home: Path) -> dict[str, object]:
    """What the data folder holds: every file's bytes (the database as its rows,
    since SQLite may rewrite its pages; its -wal/-shm companions left out)."""
    state: dict[str, object] = {}
    if not home.exists():
        return state
    for path in sorted(home.rglob("*")):
        name = path.relative_to(home).as_posix()
        if name.endswith(("-wal", "-shm")):
            continue
        if path.is_dir():
            state[name] = "folder"
        elif name == DATABASE:
            connection = sqlite3.connect(path)
            try:
                state[name] = list(connection.iterdump())
            finally:
                connection.close()
        else:
            state[name] = path.read_bytes()
    return state
