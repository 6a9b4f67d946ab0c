"""Errors a learner can act on: each names the problem and the fix.

Every engine raises a subclass of :class:`ParleyError` for bad input, so the
command line and the GUI can show one clear line (``str(error)``) without
matching error text.
"""

from __future__ import annotations


class ParleyError(Exception):
    """A problem the user can fix. ``problem`` says what is wrong, ``fix`` what to do."""

    exit_code = 2

    def __init__(self, problem: str, fix: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.problem} -- {self.fix}" if self.fix else self.problem


class ModelMissingError(ParleyError):
    """A model file or folder does not exist."""


class ModelCorruptError(ParleyError):
    """A model file exists but cannot be loaded."""


class AudioFileError(ParleyError):
    """A WAV file is missing, unreadable, empty or silent."""


class AudioDeviceError(ParleyError):
    """No usable microphone or speaker."""


class StorageError(ParleyError):
    """The data folder or database cannot be written (full disk, permissions)."""


class BackupError(ParleyError):
    """The backup file is missing, not a Parley backup, or damaged."""
