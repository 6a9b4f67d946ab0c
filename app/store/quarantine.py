"""Recordings the database does not account for are moved aside, never deleted.

A database restored from an older copy, emptied, or moved away (the old advice
for a damaged one) no longer knows some of the recordings on disk. Deleting
them would be a guess; so :class:`Quarantine` moves them into
``quarantine/<UTC time>-<pid>/`` inside the data folder, keeping their paths
(``audio/<session>/<file>``) and writing a ``NOTE.txt`` that says what was
moved, when and why. :func:`reclaim` moves a quarantined recording back when
the database refers to it again (the old database was put back), and
``doctor --check-data`` lists what is there.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from app.store.private import private_dir

log = logging.getLogger(__name__)

QUARANTINE_DIR = "quarantine"
NOTE_NAME = "NOTE.txt"
_HEADER = """\
Parley moved the recordings below here instead of deleting them, because the
database ({database}) does not account for them. Nothing in this folder is
used by Parley; it is kept until you delete it.

If you put an older database back, Parley moves recordings it refers to back
into place by itself. To add a backup's sessions, use `python -m app restore FILE`.

When: {when} (process {pid})
What was moved, and why:
"""


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Quarantine:
    """One batch folder for one open of the store, created on first use."""

    def __init__(self, home: Path, database_name: str) -> None:
        self.home = home
        self.database_name = database_name
        self._folder: Path | None = None

    @property
    def folder(self) -> Path:
        if self._folder is None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            folder = self.home / QUARANTINE_DIR / f"{stamp}-{os.getpid()}"
            private_dir(folder)
            # The note is written before anything moves, so even a crash
            # half-way leaves a batch that explains itself.
            _append(folder / NOTE_NAME, _HEADER.format(
                database=self.database_name, when=_now(), pid=os.getpid()))
            self._folder = folder
        return self._folder

    def move(self, path: Path, why: str) -> Path | None:
        """Move ``path`` (a file or folder under the data folder) here; None if it vanished."""
        relative = path.relative_to(self.home)
        target = self.folder / relative
        private_dir(target.parent)
        n = 1
        while target.exists():  # never overwrite something already quarantined
            target = target.with_name(f"{path.name}.{n}")
            n += 1
        try:
            os.replace(path, target)
        except FileNotFoundError:
            return None  # another process finished or moved it meanwhile
        shown = relative.as_posix() + ("/" if target.is_dir() else "")
        _append(self.folder / NOTE_NAME, f"- {shown}: {why}\n")
        log.info("moved %s to %s: %s", path, target, why)
        return target


def _append(note: Path, text: str) -> None:
    with open(note, "a", encoding="utf-8") as handle:
        handle.write(text)


def batches(home: Path) -> list[Path]:
    root = home / QUARANTINE_DIR
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def quarantined_files(home: Path) -> Iterator[tuple[Path, Path]]:
    """(batch folder, file) for every quarantined recording (not the notes)."""
    for batch in batches(home):
        for path in sorted(batch.rglob("*")):
            if path.is_file() and path.name != NOTE_NAME:
                yield batch, path


def reclaim(
    home: Path,
    is_referenced: Callable[[str], bool],
    final_path: Callable[[Path], Path | None],
) -> int:
    """Move quarantined recordings the database refers to again back into place.

    Only when their place is free: nothing in ``audio/`` is ever replaced.
    Returns how many came back.
    """
    returned = 0
    for batch, path in list(quarantined_files(home)):
        relative_path = path.relative_to(batch)
        # A staged (".partial") file stands for the final name it was meant to get.
        final = final_path(relative_path) or relative_path
        destination = home / final
        stored = final.as_posix()
        try:
            if destination.exists() or not is_referenced(stored):
                continue
            private_dir(destination.parent)
            os.replace(path, destination)
        except OSError as error:
            log.warning("could not move %s back: %s", path, error)
            continue
        _append(batch / NOTE_NAME, f"- {stored}: moved back on {_now()}, "
                                   "the database refers to it again\n")
        returned += 1
    return returned


def highest_session_id(home: Path, audio_dir: str) -> int:
    """The highest session id any quarantined folder was saved under (0 if none)."""
    highest = 0
    for batch in batches(home):
        audio = batch / audio_dir
        if audio.is_dir():
            highest = max([highest, *(int(p.name) for p in audio.iterdir() if p.name.isdigit())])
    return highest
