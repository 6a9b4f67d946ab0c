"""Learner levels and correction styles: the settings a practice session is made of.

Kept in their own tiny module so the window can import them without loading
any model code.
"""

from __future__ import annotations

from enum import StrEnum

LEVELS = ("A2", "B1", "B2", "C1")


class CorrectionStyle(StrEnum):
    """How corrections reach the learner; what each asks of a turn and of the
    window is app.session.CorrectionPolicy. Every reply opens with a recast
    that says the right form back (app/tutor/recast.py). The values are
    what the settings and the database store."""

    OFF = "off"  # no corrections shown, none looked for
    GENTLE = "gentle"  # the recast is the only correction
    EXPLICIT = "explicit"  # each correction is shown after the reply
    SUMMARY = "summary"  # the corrections are collected and shown when the session ends


CORRECTION_STYLES = tuple(style.value for style in CorrectionStyle)
DEFAULT_LEVEL = "B1"
DEFAULT_CORRECTION_STYLE = CorrectionStyle.EXPLICIT.value
