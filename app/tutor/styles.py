"""Learner levels and correction styles: the settings a practice session is made of.

Kept in their own tiny module so the window can import them without loading
any model code.
"""

from __future__ import annotations

LEVELS = ("A2", "B1", "B2", "C1")
# Every reply opens with a recast that says the right form back
# (app/tutor/recast.py). off: no corrections shown; gentle: the recast is the
# only correction; explicit: each correction is shown after the reply;
# summary: the corrections are collected and shown when the session ends.
CORRECTION_STYLES = ("off", "gentle", "explicit", "summary")
DEFAULT_LEVEL = "B1"
DEFAULT_CORRECTION_STYLE = "explicit"
