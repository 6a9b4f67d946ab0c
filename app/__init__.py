"""Parley: offline spoken-English practice."""

__version__ = "0.1.0"
