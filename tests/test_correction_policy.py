"""The correction style's policy (app.session.CorrectionPolicy): one place
decides what each style asks of a turn and of the window."""

from __future__ import annotations

import pytest

from app.session import (
    CorrectionPolicy,
    SessionOptions,
    runs_corrector,
    shows_corrections_inline,
)
from app.tutor.styles import CORRECTION_STYLES, DEFAULT_CORRECTION_STYLE, CorrectionStyle


def test_the_stored_values_are_the_enum_values():
    assert CORRECTION_STYLES == ("off", "gentle", "explicit", "summary")
    assert CorrectionStyle("gentle") is CorrectionStyle.GENTLE
    assert CorrectionStyle.EXPLICIT == "explicit" and f"{CorrectionStyle.OFF}" == "off"
    assert DEFAULT_CORRECTION_STYLE == CorrectionStyle.EXPLICIT


@pytest.mark.parametrize("style, runs, inline", [
    ("off", False, False),
    ("gentle", True, False),
    ("explicit", True, True),
    ("summary", True, False),
])
def test_each_style_asks_for(style, runs, inline):
    policy = CorrectionPolicy.of(style)
    assert (policy.runs_corrector, policy.shows_inline) == (runs, inline)
    assert policy.weaves_practice == runs and policy.recasts
    # The older names still answer the same.
    assert (runs_corrector(style), shows_corrections_inline(style)) == (runs, inline)
    assert SessionOptions(correction_style=style).corrections == policy


def test_an_unknown_style_corrects_without_showing_inline():
    policy = CorrectionPolicy.of("shouting")
    assert policy.runs_corrector and not policy.shows_inline


def test_the_default_options_show_corrections_inline():
    assert SessionOptions().corrections.shows_inline
