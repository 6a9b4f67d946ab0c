"""`python -m app backup FILE` and `restore FILE`: one archive, merged back, nothing deleted.

A backup is one uncompressed tar file (recordings do not compress; tar keeps
it streamable and readable by any tool) holding:

- ``parley-backup.json``: format, time, schema revision and counts;
- ``parley.sqlite3``: a consistent snapshot taken with SQLite's online backup
  API, so Parley may keep saving turns meanwhile;
- ``forget.key``: the key of the forgotten facts' hashes, when there is one,
  and ``forget.keys/N.key``, the keys of tombstones an earlier restore brought;
- ``audio/<session>/<file>``: every recording that snapshot refers to.

A restore *merges* the backup into the current data and never deletes or
overwrites anything (see :mod:`app.store.merge`).
"""

from __future__ import annotations

import io
import json
import os
import secrets
import shutil
import sqlite3
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from app.errors import BackupError
from app.store.forget_key import (KEY_BYTES, KEY_NAME, RING_NAME, keep_in_ring, read_key, ring,
                                  write_key)
from app.store.failures import database_integrity, is_damaged, storage_errors
from app.store.private import FILE_MODE
from app.store.restore_db import RESTORING, revision_of
from app.store.scratch import scratch
from app.store.store import DATABASE_NAME, open_store

if TYPE_CHECKING:
    from app.store.merge import RestoreSummary

FORMAT = 1
MANIFEST = "parley-backup.json"
MAX_MANIFEST_BYTES = 64 * 1024


@dataclass(frozen=True)
class BackupSummary:
    path: str
    sessions: int
    turns: int
    recordings: int
    missing_recordings: int  # turns whose recording was already gone when backed up
    size_bytes: int


def _snapshot(database: Path, copy: Path) -> None:
    """Copy ``database`` page by page with the online backup API (a consistent
    snapshot even while another process writes), as a standalone file."""
    source = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        target.close()
        source.close()


def _contents(database: Path) -> tuple[list[str], dict]:
    """The recordings ``database`` refers to (relative POSIX paths), and its counts."""
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT learner_audio, reply_audio FROM turns").fetchall()
        rows += connection.execute("SELECT audio, NULL FROM shadowings").fetchall()
        counts = {table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                  for table in ("sessions", "turns")}
    finally:
        connection.close()
    return sorted({path for row in rows for path in row if path}), counts


def backup(home: Path, target: Path) -> BackupSummary:
    """Write the database and its recordings to ``target`` (a new file)."""
    target = Path(target).expanduser().absolute()
    if target.exists():
        raise BackupError(f"{target} already exists", "choose a new file name for the backup")
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist",
                          "create it first, or choose another place for the backup")
    with open_store(home) as store:  # migrates, and finishes interrupted saves first
        with scratch(store.home, ".backup-") as folder:
            copy = folder / DATABASE_NAME
            with storage_errors(store.home):
                _snapshot(store.database_path, copy)
            paths, counts = _contents(copy)
            # Named in the manifest, so a restore can tell a recording that was
            # gone before the backup from one the archive lost.
            absent = [p for p in paths if not store.home.joinpath(*PurePosixPath(p).parts).exists()]
            manifest = {"format": FORMAT, "schema": revision_of(copy), **counts, "absent": absent,
                        "created": datetime.now(UTC).isoformat(timespec="seconds")}
            try:
                present = _write_archive(target, manifest, copy, store.home, paths)
            except OSError as error:
                raise BackupError(f"could not write the backup {target} ({error.strerror or error})",
                                  "check that its drive has space and is writable") from error
    return BackupSummary(str(target), counts["sessions"], counts["turns"], len(present),
                         len(paths) - len(present), target.stat().st_size)


def _write_archive(target: Path, manifest: dict, database: Path, home: Path,
                   paths: list[str]) -> list[str]:
    """Write the tar under a temporary name, sync it, rename it; the recordings added."""
    partial = target.with_name(f".{target.name}.partial")
    present: list[str] = []
    try:
        with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE), "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
                _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1).encode())
                tar.add(database, arcname=DATABASE_NAME)
                key = read_key(home)
                if key is not None:  # the forgotten facts' hashes mean nothing without it
                    _add_bytes(tar, KEY_NAME, key)
                for number, other in enumerate(ring(home)):  # keys of restored tombstones
                    _add_bytes(tar, f"{RING_NAME}/{number}.key", other)
                for stored in paths:
                    try:
                        # Opened before its header is written: a recording
                        # deleted meanwhile is skipped, never half-added.
                        tar.add(home.joinpath(*PurePosixPath(stored).parts), arcname=stored)
                        present.append(stored)
                    except FileNotFoundError:
                        pass
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return present


def _one_line(error: BaseException) -> str:
    """``error``'s text on one line (tarfile lists each method it tried on its own)."""
    return " ".join(str(error).split())


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = FILE_MODE
    info.mtime = int(datetime.now(UTC).timestamp())
    tar.addfile(info, io.BytesIO(data))


def open_backup(source: Path) -> tuple[tarfile.TarFile, dict]:
    """The archive, open, and its manifest; BackupError when it is not a Parley backup."""
    source = Path(source).expanduser()
    if not source.is_file():
        raise BackupError(f"there is no backup file {source}", "check the path")
    try:
        tar = tarfile.open(source, mode="r:*")
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise BackupError(f"{source} is not a Parley backup ({_one_line(error)})",
                          "give a file made by `python -m app backup`") from error
    try:
        return tar, _manifest(tar)
    except BaseException:
        tar.close()
        raise


def _manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.getmember(MANIFEST)
        if not member.isreg() or member.size > MAX_MANIFEST_BYTES:
            raise ValueError("its manifest is not a small file")
        manifest = json.loads(tar.extractfile(member).read())  # type: ignore[union-attr]
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError("backup format "
                             f"{manifest.get('format') if isinstance(manifest, dict) else None!r}")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"{tar.name} is damaged or incomplete ({_one_line(error)})",
                          "restore another backup") from error
    except (KeyError, ValueError) as error:
        raise BackupError(f"{tar.name} is not a Parley backup this version can read ({_one_line(error)})",
                          "give a file made by `python -m app backup`") from error
    try:
        return manifest | {"database": tar.getmember(DATABASE_NAME)}
    except KeyError as error:
        raise BackupError(f"{tar.name} holds no database",
                          "give a file made by `python -m app backup`") from error


def restore(home: Path, source: Path) -> RestoreSummary:
    """Merge the backup ``source`` into the data folder ``home``; never deletes.

    Every member is checked (type, size, free space) before anything is
    written. A damaged database here is first renamed aside (kept), so
    restoring is the way out that the damaged-database message offers.
    """
    from app.store.restore_checks import check_space, scan  # lazy: loads SQLAlchemy and libsndfile

    home = Path(home).expanduser().absolute()
    tar, manifest = open_backup(source)
    with tar, storage_errors(home, RESTORING):
        members = scan(tar, Path(source), manifest["database"])
        check_space(home, members)
        damaged_kept_as = set_aside_if_damaged(home)
        summary = _restore(home, Path(source), tar, members, _absent(manifest))
    summary.damaged_database_kept_as = damaged_kept_as
    return summary


def _absent(manifest: dict) -> set[str]:
    absent = manifest.get("absent")
    return {p for p in absent if isinstance(p, str)} if isinstance(absent, list) else set()


def set_aside_if_damaged(home: Path) -> str | None:
    """Rename a damaged database (and its WAL files) to ``parley-damaged-<UTC>``,
    so a restore can start from a new one; nothing is deleted. Returns the new name."""
    database = home / DATABASE_NAME
    if not database.is_file() or not is_damaged(database_integrity(database, "quick_check")):
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = database.with_name(f"{database.stem}-damaged-{stamp}{database.suffix}")
    with storage_errors(home):
        for suffix in ("", "-wal", "-shm"):
            old = database.with_name(database.name + suffix)
            if old.exists():
                os.replace(old, kept.with_name(kept.name + suffix))
    return str(kept)


def _restore(home: Path, source: Path, tar: tarfile.TarFile, members,
             absent: set[str]) -> RestoreSummary:
    from app.store.merge import merge_backup  # lazy: loads SQLAlchemy and libsndfile
    from app.store.restore_checks import extract_recordings  # lazy: loads SQLAlchemy and libsndfile
    from app.store.restore_db import check_database  # lazy: loads SQLAlchemy and libsndfile

    with open_store(home) as store, scratch(store.home, ".restore-") as folder:
        copy = folder / DATABASE_NAME
        with open(copy, "wb") as handle:
            shutil.copyfileobj(tar.extractfile(members.database), handle)  # type: ignore[arg-type]
        # The key the migration of an older backup hashes its forgotten facts with.
        key = read_key(store.home) or _archive_key(tar) or secrets.token_bytes(KEY_BYTES)
        write_key(folder, key)
        check_database(copy, source, store.home)
        try:
            recordings = extract_recordings(tar, members, folder / "audio", store.home)
        except (tarfile.TarError, EOFError) as error:
            raise BackupError(f"{source} is damaged or incomplete ({_one_line(error)})",
                              "restore another backup") from error
        own = write_key(store.home, key)  # a data folder without a key takes on the backup's
        for other in _archive_keys(tar):  # tombstones hashed elsewhere stay checkable
            if other != own:
                keep_in_ring(store.home, other)
        return merge_backup(store, copy, recordings, absent, members.refused)


def _archive_key(tar: tarfile.TarFile, name: str = KEY_NAME) -> bytes | None:
    try:
        member = tar.getmember(name)
    except KeyError:
        return None
    if not member.isreg() or member.size != KEY_BYTES:
        return None
    with tar.extractfile(member) as handle:  # type: ignore[union-attr]
        return handle.read()


def _archive_keys(tar: tarfile.TarFile) -> list[bytes]:
    """The backup's own key and the ones in its ring (a member that is not one is skipped)."""
    names = [KEY_NAME] + sorted(m.name for m in tar.getmembers()
                                if m.name.startswith(f"{RING_NAME}/"))
    keys = [_archive_key(tar, name) for name in names]
    return [key for key in keys if key is not None]
