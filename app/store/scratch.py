"""Scratch folders for a backup or a restore, inside the data folder.

A scratch folder lives in the data folder (the same drive, so its files can
be renamed into place, and as private as the rest). Its name carries the id of
the process that owns it (``.restore-<pid>-<random>``), so a later run can
tell a folder left by a process that was killed from one still in use, and
removes the former: a killed restore leaves nothing behind for good.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

PREFIXES = (".backup-", ".restore-")
# Folders from before the name held a process id: stale once this old.
LEGACY_STALE_SECONDS = 3600
_OWNED = re.compile(r"^\.(?:backup|restore)-(\d+)-")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process: alive, not ours to judge
        return True
    return True


def is_stale(folder: Path, now: float | None = None) -> bool:
    """Whether ``folder`` was left by a process that is gone."""
    match = _OWNED.match(folder.name)
    # On Windows os.kill(pid, 0) would end that process: there, age decides.
    if match and os.name == "posix":
        return not _alive(int(match.group(1)))
    try:
        age = (time.time() if now is None else now) - folder.stat().st_mtime
    except OSError:
        return False
    return age > LEGACY_STALE_SECONDS


def remove_stale(home: Path) -> list[Path]:
    """Remove the scratch folders of backups and restores that were killed."""
    removed = []
    try:
        entries = list(home.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(PREFIXES) and entry.is_dir() and not entry.is_symlink()):
            continue
        if is_stale(entry):
            shutil.rmtree(entry, ignore_errors=True)
            if not entry.exists():
                removed.append(entry)
                log.info("removed %s, left by a backup or restore that was stopped", entry)
    return removed


@contextmanager
def scratch(home: Path, prefix: str) -> Iterator[Path]:
    """A private scratch folder inside ``home``, removed when the block ends."""
    remove_stale(home)
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=home))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
