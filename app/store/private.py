"""Private by default: the data folder is 0700 and everything in it 0600.

Recordings are a learner's voice, which is personal (biometric) data, so no
other user of the machine may read them. Three layers:

- :func:`private_umask` (set by the command line before anything is written)
  makes every file Parley creates 0600 and every folder 0700;
- the store creates its folders and files with those modes explicitly, so it
  is private even when embedded in a program with another umask;
- :func:`repair` tightens a data folder that an older Parley (or a copy)
  left readable. A 0700 folder already keeps others out of everything below
  it, so the full walk runs only when the folder itself was open.

POSIX only: on Windows the user's profile folder is already private and
``chmod`` cannot express this.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

DIR_MODE = 0o700
FILE_MODE = 0o600
UMASK = 0o077
POSIX = os.name == "posix"


def private_umask() -> int:
    """Make files this process creates private from now on; returns the old umask."""
    return os.umask(UMASK) if POSIX else 0


def private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents as 0700 (``mkdir(parents=True)``
    would give the parents the umask's mode)."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise


def _tighten(path: Path, mode: int) -> None:
    try:
        current = stat.S_IMODE(path.lstat().st_mode)
        if not stat.S_ISLNK(path.lstat().st_mode) and current & 0o077:
            path.chmod(current & ~0o077 | (mode & 0o700))
    except FileNotFoundError:
        pass
    except OSError as error:  # not ours to change (another owner): say so, go on
        log.warning("could not make %s private: %s", path, error)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty as 0600 if it does not exist (SQLite's WAL and
    shared-memory files copy the database file's permissions)."""
    if not POSIX:
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


def is_private(folder: Path) -> bool:
    return not POSIX or not stat.S_IMODE(folder.stat().st_mode) & 0o077


def repair(home: Path, database_files: list[Path], folders: list[Path]) -> None:
    """Make ``home`` 0700 and its database files 0600; if ``home`` was open to
    others, also every folder (0700) and file (0600) in Parley's own
    ``folders`` (recordings, quarantine). Other files a learner keeps in the
    data folder are left as they are: the 0700 folder already covers them."""
    if not POSIX:
        return
    was_open = not is_private(home)
    _tighten(home, DIR_MODE)
    for path in database_files:
        _tighten(path, FILE_MODE)
    if not was_open:
        return
    for top in folders:
        if not top.is_dir():
            continue
        _tighten(top, DIR_MODE)
        for root, subfolders, files in os.walk(top):
            for name in subfolders:
                _tighten(Path(root, name), DIR_MODE)
            for name in files:
                _tighten(Path(root, name), FILE_MODE)
