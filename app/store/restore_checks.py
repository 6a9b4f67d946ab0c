"""What a restore checks in a backup archive before it writes anything.

A backup may be damaged, or made by hand to do harm, so nothing in it is
trusted: the database must be a regular file; a recording must be a regular
file no larger than a recording can be, and a WAV; everything declared must
fit on the drive; and a read that stops early (a damaged header ends a tar
read without an error) is noticed, so each recording the backup's database
refers to is either restored or named.
"""

from __future__ import annotations

import shutil
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import BackupError, StorageError
from app.store.audio_files import AUDIO_DIR, copy_synced
from app.store.failures import storage_errors
from app.store.private import private_dir

DATABASE_NAME = "parley.sqlite3"
# The longest turn a learner could record or hear, as 16-bit mono at the
# highest rate Parley records or speaks; anything larger is not a recording.
MAX_RECORDING_SECONDS = 30 * 60
MAX_SAMPLE_RATE = 48_000
WAV_HEADER_BYTES = 44
MAX_RECORDING_BYTES = MAX_RECORDING_SECONDS * MAX_SAMPLE_RATE * 2 + WAV_HEADER_BYTES
# Room kept free beyond what the restore itself writes.
SPARE_BYTES = 16 * 1024 * 1024
_BLOCK = tarfile.BLOCKSIZE


@dataclass
class Members:
    """The archive's members a restore may use, and the recordings it refuses."""

    database: tarfile.TarInfo
    recordings: dict[str, tarfile.TarInfo] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # stored path -> why
    complete: bool = True  # the archive was read to its end-of-archive marker

    def declared_bytes(self) -> int:
        return self.database.size + sum(m.size for m in self.recordings.values())


def _kind(member: tarfile.TarInfo) -> str:
    if member.issym() or member.islnk():
        return "a link"
    if member.isdir():
        return "a folder"
    if member.isfifo():
        return "a FIFO"
    if member.isdev():
        return "a device"
    return "not a regular file"


def scan(tar: tarfile.TarFile, source: Path, database: tarfile.TarInfo) -> Members:
    """Sort the archive's members; refuse a database member that is not a file."""
    if not database.isreg():
        raise BackupError(f"the database in {source} is {_kind(database)}, not a file",
                          "restore a backup made by `python -m app backup`")
    found = Members(database, complete=_read_to_the_end(tar))
    for member in tar.getmembers():
        if not member.name.startswith(f"{AUDIO_DIR}/"):
            continue
        if not member.isreg():
            found.refused[member.name] = _kind(member)
        elif member.size > MAX_RECORDING_BYTES:
            found.refused[member.name] = (f"{member.size / 1e6:.0f} MB, more than a recording "
                                          f"can be ({MAX_RECORDING_BYTES / 1e6:.0f} MB)")
        else:
            found.recordings[member.name] = member
            found.refused.pop(member.name, None)
    return found


def _read_to_the_end(tar: tarfile.TarFile) -> bool:
    """Whether the member list ended at the end-of-archive marker (a zero block),
    not at a header tarfile could not read (which it takes silently for the end)."""
    tar.getmembers()
    try:
        tar.fileobj.seek(tar.offset)  # type: ignore[union-attr]
        block = tar.fileobj.read(_BLOCK)  # type: ignore[union-attr]
    except (OSError, EOFError, ValueError):
        return False
    return len(block) == _BLOCK and not any(block)


def _free_bytes(home: Path) -> int:
    folder = home
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return shutil.disk_usage(folder).free


def check_space(home: Path, members: Members) -> None:
    """Refuse, before writing anything, a restore the drive cannot hold.

    The database is counted twice: its copy, then the rows merged from it.
    """
    needed = members.declared_bytes() + members.database.size + SPARE_BYTES
    free = _free_bytes(home)
    if needed > free:
        raise StorageError(
            f"There is not enough disk space to restore this backup: it needs "
            f"{needed / 1e6:.0f} MB, and the drive holding {home} has {free / 1e6:.0f} MB free",
            "free some disk space on that drive, then restore again")


def is_wav(header: bytes) -> bool:
    return (len(header) >= 12 and header[:4] == b"RIFF" and header[8:12] == b"WAVE")


class _Prefixed:
    """A file-like reader that gives back ``head`` (already read) before the rest."""

    def __init__(self, head: bytes, rest) -> None:
        self.head, self.rest = head, rest

    def read(self, size: int = -1) -> bytes:
        if self.head:
            chunk = self.head if size < 0 else self.head[:size]
            self.head = self.head[len(chunk):]
            return chunk
        return self.rest.read(size)


def extract_recordings(tar: tarfile.TarFile, members: Members, folder: Path,
                       home: Path) -> dict[str, Path]:
    """Copy every accepted recording into ``folder``, synced; by stored path.

    Files get numbered names of our own: the names in the archive are only
    ever used as keys, never as paths, so a crafted archive cannot write
    anywhere else. A recording that is not a WAV joins ``members.refused``.
    """
    private_dir(folder)
    extracted: dict[str, Path] = {}
    for name, member in members.recordings.items():
        with tar.extractfile(member) as source:  # type: ignore[union-attr]
            head = source.read(12)
            if not is_wav(head):
                members.refused[name] = "not a WAV recording"
                continue
            target = folder / f"{len(extracted)}.wav"
            with storage_errors(home, "restore the backup"):
                copy_synced(_Prefixed(head, source), target)  # type: ignore[arg-type]
        extracted[name] = target
    return extracted
