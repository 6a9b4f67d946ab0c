"""Recordings on disk: staged under temporary names, moved into place after commit.

A turn's WAVs are first written as ``.<final name>.<random>.partial`` in the
session's folder, synced, and only renamed to their final names once the
database rows that point at them are committed. If the process dies at any
point, :func:`recover` (run when the store opens) finishes the job: a partial
file whose row was committed is renamed into place, any other is deleted.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import numpy as np
import soundfile as sf

log = logging.getLogger(__name__)

AUDIO_DIR = "audio"
PARTIAL = ".partial"


@dataclass(frozen=True)
class StagedFile:
    temp: Path
    final: Path


def session_folder(home: Path, session_id: int) -> Path:
    return home / AUDIO_DIR / str(session_id)


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


def _write_synced(path: Path, data: bytes) -> None:
    # Encoded in memory and written with plain file I/O, so a full disk shows
    # up as OSError(ENOSPC) rather than as an opaque libsndfile error.
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def stage(final: Path, pcm: np.ndarray, sample_rate: int, staged: list[StagedFile]) -> Path:
    """Write ``pcm`` under a temporary name next to ``final``; record it in ``staged``.

    The entry is recorded before writing, so a failure half-way through still
    lets :func:`discard` remove the partial file.
    """
    data = wav_bytes(pcm, sample_rate)
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}{PARTIAL}")
    staged.append(StagedFile(temp, final))
    _write_synced(temp, data)
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
    """Rename staged files to their final names (after the rows are committed)."""
    folders = set()
    for item in staged:
        os.replace(item.temp, item.final)
        folders.add(item.final.parent)
    for folder in folders:
        _sync_folder(folder)


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
) -> None:
    """Finish or undo what a crash left in the audio folders.

    Must run while holding the database write lock: every save holds it from
    staging to commit, so no other process can be in the middle of one, and
    a partial file without a committed row is certainly abandoned.
    """
    root = home / AUDIO_DIR
    if not root.is_dir():
        return
    for folder in root.iterdir():
        if not (folder.is_dir() and folder.name.isdigit()):
            continue
        if not session_exists(int(folder.name)):
            # Session rows were deleted but the folder was not (a crash in
            # delete_session). Ids are never reused, so nothing else owns it.
            shutil.rmtree(folder, ignore_errors=True)
            continue
        for partial in folder.glob(f".*{PARTIAL}"):
            final = final_path(partial)
            try:
                # A final file that already exists was published by its own
                # save; only a crash between commit and rename leaves it missing.
                committed = final is not None and is_referenced(relative(home, final))
                if final is not None and committed and not final.exists():
                    os.replace(partial, final)
                else:
                    partial.unlink(missing_ok=True)
            except OSError as error:
                log.warning("could not tidy up %s: %s", partial, error)
