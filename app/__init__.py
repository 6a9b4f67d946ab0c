"""Parley: offline spoken-English practice."""

# First of all, before any dependency is imported: telemetry off, no downloads.
from app import offline as _offline

_offline.apply()

__version__ = "0.1.0"
