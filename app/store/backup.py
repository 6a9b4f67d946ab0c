"""`python -m app backup FILE` and `restore FILE`: one archive, merged back, nothing deleted.

A backup is one uncompressed tar file (recordings do not compress; tar keeps
it streamable and readable by any tool) holding:

- ``parley-backup.json``: format, time, schema revision and counts;
- ``parley.sqlite3``: a consistent snapshot taken with SQLite's online backup
  API, so Parley may keep saving turns meanwhile;
- ``audio/<session>/<file>``: every recording that snapshot refers to.

A restore *merges* the backup into the current data and never deletes or
overwrites anything (see :mod:`app.store.merge`).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from app.errors import ParleyError
from app.store.audio_files import copy_synced
from app.store.failures import database_integrity, is_damaged, storage_errors
from app.store.private import FILE_MODE, private_dir
from app.store.store import DATABASE_NAME, open_store

if TYPE_CHECKING:
    from app.store.merge import RestoreSummary

FORMAT = 1
MANIFEST = "parley-backup.json"


class BackupError(ParleyError):
    """The backup file is missing, not a Parley backup, or damaged."""


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
        counts = {table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                  for table in ("sessions", "turns")}
    finally:
        connection.close()
    return sorted({path for row in rows for path in row if path}), counts


@contextmanager
def _scratch(home: Path, prefix: str) -> Iterator[Path]:
    """A private scratch folder inside the data folder (same drive, never shared)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=home))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def backup(home: Path, target: Path) -> BackupSummary:
    """Write the database and its recordings to ``target`` (a new file)."""
    target = Path(target).expanduser().absolute()
    if target.exists():
        raise BackupError(f"{target} already exists", "choose a new file name for the backup")
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist",
                          "create it first, or choose another place for the backup")
    with open_store(home) as store:  # migrates, and finishes interrupted saves first
        with _scratch(store.home, ".backup-") as scratch:
            copy = scratch / DATABASE_NAME
            with storage_errors(store.home):
                _snapshot(store.database_path, copy)
            paths, counts = _contents(copy)
            manifest = {"format": FORMAT, "schema": _revision(copy), **counts,
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


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = FILE_MODE
    info.mtime = int(datetime.now(UTC).timestamp())
    tar.addfile(info, io.BytesIO(data))


def _revision(database: Path) -> str | None:
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()


def open_backup(source: Path) -> tarfile.TarFile:
    source = Path(source).expanduser()
    if not source.is_file():
        raise BackupError(f"there is no backup file {source}", "check the path")
    try:
        tar = tarfile.open(source, mode="r:*")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{source} is not a Parley backup ({error})",
                          "give a file made by `python -m app backup`") from error
    try:
        manifest = json.loads(tar.extractfile(MANIFEST).read())  # type: ignore[union-attr]
        if manifest.get("format") != FORMAT:
            raise ValueError(f"backup format {manifest.get('format')!r}")
        tar.getmember(DATABASE_NAME)
    except tarfile.TarError as error:
        tar.close()
        raise BackupError(f"{source} is damaged or incomplete ({error})",
                          "restore another backup") from error
    except (KeyError, ValueError, AttributeError) as error:
        tar.close()
        raise BackupError(f"{source} is not a Parley backup this version can read ({error})",
                          "give a file made by `python -m app backup`") from error
    return tar


def restore(home: Path, source: Path) -> RestoreSummary:
    """Merge the backup ``source`` into the data folder ``home``; never deletes.

    A damaged database here is first renamed aside (kept), so restoring is
    the way out that the damaged-database message offers.
    """
    with open_backup(source) as tar:
        damaged_kept_as = set_aside_if_damaged(Path(home).expanduser().absolute())
        summary = _restore(home, source, tar)
    summary.damaged_database_kept_as = damaged_kept_as
    return summary


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


def _restore(home: Path, source: Path, tar: tarfile.TarFile) -> RestoreSummary:
    from app.store.merge import merge_backup
    from app.store.migrate import head_revision, known_revisions, upgrade

    with open_store(home) as store:
        with _scratch(store.home, ".restore-") as scratch:
            copy = scratch / DATABASE_NAME
            with storage_errors(store.home):
                with open(copy, "wb") as handle:
                    shutil.copyfileobj(tar.extractfile(DATABASE_NAME), handle)  # type: ignore[arg-type]
            _check_copy(copy, Path(source))
            revision = _revision(copy)
            if revision is not None and revision not in known_revisions():
                raise BackupError(f"{source} was made by a newer Parley (schema {revision})",
                                  "update Parley, then restore it")
            if revision != head_revision():
                with storage_errors(store.home):
                    upgrade(f"sqlite:///{copy}")
            try:
                recordings = _extract_recordings(tar, scratch / "audio", store.home)
            except tarfile.TarError as error:
                raise BackupError(f"{source} is damaged or incomplete ({error})",
                                  "restore another backup") from error
            return merge_backup(store, copy, recordings)


def _extract_recordings(tar: tarfile.TarFile, folder: Path, home: Path) -> dict[str, Path]:
    """Copy every recording out of the archive into ``folder``, synced; by stored path.

    Files get numbered names of our own: the names in the archive are only
    ever used as keys, never as paths, so a crafted archive cannot write
    anywhere else.
    """
    private_dir(folder)
    extracted: dict[str, Path] = {}
    for member in tar.getmembers():
        if not (member.isfile() and member.name.startswith("audio/")):
            continue
        source = tar.extractfile(member)
        if source is None:
            continue
        target = folder / f"{len(extracted)}.wav"
        with storage_errors(home), source:
            copy_synced(source, target)
        extracted[member.name] = target
    return extracted


def _check_copy(copy: Path, source: Path) -> None:
    connection = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        verdict = [(f"unreadable: {error}",)]
    finally:
        connection.close()
    if verdict != [("ok",)]:
        raise BackupError(f"the database inside {source} is damaged",
                          "restore an older backup")

