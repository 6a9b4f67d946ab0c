"""Recordings on disk: staged under temporary names, moved into place after commit.

A turn's WAVs are first written as ``.<final name>.<random>.partial`` in the
session's folder, synced, and only renamed to their final names once the
database rows that point at them are committed. If the process dies at any
point, :func:`recover` (run when the store opens) finishes the job: a partial
file whose row was committed is renamed into place. Nothing is deleted on a
guess: a partial file without a row, and a session folder the database does
not know, go to the quarantine (:mod:`app.store.quarantine`).

Deleting a session renames its folder to ``.deleting-<id>`` inside the
transaction that deletes its rows, so the name says which way it went: after
the commit the folder is removed (by the deleter, or by :func:`recover` after
a crash); if the commit never happened, :func:`recover` renames it back.
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

import numpy as np
import soundfile as sf

from app.store.private import FILE_MODE, private_dir
from app.store.quarantine import Quarantine, highest_session_id, reclaim

log = logging.getLogger(__name__)

AUDIO_DIR = "audio"
PARTIAL = ".partial"
DELETING = ".deleting-"
# Final recording names: "0003-learner.wav" (turn index, role).
_FINAL_NAME = re.compile(r"^(\d+)-[a-z]+\.wav$")


@dataclass(frozen=True)
class StagedFile:
    temp: Path
    final: Path


def session_folder(home: Path, session_id: int) -> Path:
    return home / AUDIO_DIR / str(session_id)


def deleting_folder(home: Path, session_id: int) -> Path:
    return home / AUDIO_DIR / f"{DELETING}{session_id}"


def relative(home: Path, path: Path) -> str:
    """The POSIX path stored in the database, relative to the data folder."""
    return path.relative_to(home).as_posix()


def absolute(home: Path, stored: str | None) -> Path | None:
    return None if stored is None else home.joinpath(*PurePosixPath(stored).parts)


def wav_bytes(pcm: np.ndarray, sample_rate: int) -> bytes:
    """16-bit PCM WAV bytes for float mono samples in [-1, 1]."""
    samples = np.asarray(pcm, dtype=np.float32)
    if samples.ndim == 2 and samples.shape[1] == 1:
        samples = samples[:, 0]
    if samples.ndim != 1:
        raise ValueError(f"audio must be mono (one channel), got shape {samples.shape}")
    # libsndfile wraps out-of-range floats around instead of clipping them,
    # which turns a loud peak into a crack; NaN would become noise.
    samples = np.clip(np.nan_to_num(samples), -1.0, 1.0)
    buffer = io.BytesIO()
    sf.write(buffer, samples, int(sample_rate), subtype="PCM_16", format="WAV")
    return buffer.getvalue()


def _new_private_file(path: Path) -> BinaryIO:
    """Open a new file for writing as 0600; FileExistsError if it exists."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return open(os.open(path, flags, FILE_MODE), "wb")


def _write_synced(path: Path, data: bytes) -> None:
    # Encoded in memory and written with plain file I/O, so a full disk shows
    # up as OSError(ENOSPC) rather than as an opaque libsndfile error.
    with _new_private_file(path) as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def copy_synced(source: BinaryIO, path: Path) -> None:
    """Copy ``source`` into the new private file ``path`` and sync it to disk."""
    with _new_private_file(path) as handle:
        shutil.copyfileobj(source, handle)
        handle.flush()
        os.fsync(handle.fileno())


def stage(final: Path, pcm: np.ndarray, sample_rate: int, staged: list[StagedFile]) -> Path:
    """Write ``pcm`` under a temporary name next to ``final``; record it in ``staged``.

    The entry is recorded before writing, so a failure half-way through still
    lets :func:`discard` remove the partial file.
    """
    data = wav_bytes(pcm, sample_rate)
    _write_synced(_staging_name(final, staged), data)
    return final


def _staging_name(final: Path, staged: list[StagedFile]) -> Path:
    """The temporary name for ``final``, recorded in ``staged`` before anything is written."""
    private_dir(final.parent)
    temp = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}{PARTIAL}")
    staged.append(StagedFile(temp, final))
    return temp


def stage_file(final: Path, source: Path, staged: list[StagedFile]) -> Path:
    """Like :func:`stage`, for a synced file already on this drive: moved, not copied."""
    os.replace(source, _staging_name(final, staged))
    return final


def discard(staged: Iterable[StagedFile]) -> None:
    for item in staged:
        try:
            item.temp.unlink(missing_ok=True)
        except OSError as error:  # recover() retries at the next start
            log.warning("could not remove %s: %s", item.temp, error)


def _sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (POSIX only; Windows cannot open folders)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(staged: Iterable[StagedFile]) -> None:
    """Rename staged files to their final names (after the rows are committed).

    A staged file that is gone while its final file exists was moved into
    place by another process's :func:`recover` (it opened the store between
    our commit and these renames): that is success, not a failure.
    """
    folders = set()
    for item in staged:
        try:
            os.replace(item.temp, item.final)
        except FileNotFoundError:
            if not item.final.exists():
                raise
        folders.add(item.final.parent)
    for folder in folders:
        _sync_folder(folder)


def next_turn_index(folder: Path) -> int:
    """One past the highest turn index of any recording in ``folder`` (0 if none).

    A database restored from an older copy may not know the newest turns; their
    recordings must never be overwritten by new turns with the same index.
    """
    if not folder.is_dir():
        return 0
    indexes = [int(m.group(1)) for p in folder.iterdir() if (m := _FINAL_NAME.match(p.name))]
    return max(indexes, default=-1) + 1


def highest_session_folder(home: Path) -> int:
    """The highest session id that has (or had, in the quarantine) a folder; 0 if none."""
    highest = highest_session_id(home, AUDIO_DIR)
    root = home / AUDIO_DIR
    if root.is_dir():
        for folder in root.iterdir():
            name = folder.name.removeprefix(DELETING)
            if name.isdigit():
                highest = max(highest, int(name))
    return highest


def final_path(partial: Path) -> Path | None:
    """``.0003-learner.wav.1a2b3c4d.partial`` -> ``0003-learner.wav`` (None if not ours)."""
    name = partial.name
    if not (name.startswith(".") and name.endswith(PARTIAL)):
        return None
    stem = name[1 : -len(PARTIAL)]
    final, dot, _token = stem.rpartition(".")
    return partial.with_name(final) if dot and final else None


def recover(
    home: Path,
    session_exists: Callable[[int], bool],
    is_referenced: Callable[[str], bool],
    database_name: str,
) -> None:
    """Finish what a crash left in the audio folders; move the unexplained aside.

    Must run while holding the database write lock: every save holds it from
    staging to commit, so no other process can be in the middle of one.
    """
    reclaim(home, is_referenced, final_path)
    root = home / AUDIO_DIR
    if not root.is_dir():
        return
    quarantine = Quarantine(home, database_name)
    for folder in sorted(root.iterdir()):
        try:
            if folder.is_dir() and folder.name.startswith(DELETING):
                _finish_delete(home, folder, session_exists, quarantine)
            elif folder.is_dir() and folder.name.isdigit():
                if session_exists(int(folder.name)):
                    _finish_saves(home, folder, is_referenced, quarantine)
                else:
                    quarantine.move(folder, f"session {folder.name} is not in the database")
        except OSError as error:
            log.warning("could not tidy up %s: %s", folder, error)


def _finish_delete(
    home: Path, folder: Path, session_exists: Callable[[int], bool], quarantine: Quarantine
) -> None:
    """A ``.deleting-<id>`` folder: its session's deletion was committed or not."""
    name = folder.name.removeprefix(DELETING)
    if not name.isdigit():
        return
    if not session_exists(int(name)):
        shutil.rmtree(folder)  # the deletion was committed: the learner asked for it
        return
    original = session_folder(home, int(name))
    if original.exists():
        quarantine.move(folder, f"left by an interrupted deletion of session {name}")
    else:
        os.replace(folder, original)  # the deletion never committed: put it back


def _finish_saves(
    home: Path, folder: Path, is_referenced: Callable[[str], bool], quarantine: Quarantine
) -> None:
    for partial in sorted(folder.glob(f".*{PARTIAL}")):
        final = final_path(partial)
        try:
            committed = final is not None and is_referenced(relative(home, final))
            if final is not None and committed and not final.exists():
                # Committed, then the process died before the rename.
                os.replace(partial, final)
            elif committed:  # (or the saver renamed it a moment ago: then it is gone)
                quarantine.move(partial, "a second copy of a recording that is in place")
            else:
                quarantine.move(partial, "staged by a save that was never committed")
        except FileNotFoundError:
            pass  # the saving process moved it into place itself meanwhile
        except OSError as error:
            log.warning("could not tidy up %s: %s", partial, error)
