"""A practice session's policy, free of Qt: its options, which scenario it
plays, what the correction style asks for, and its summary.

The window renders these and the practice worker acts on them; neither
decides anything here.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.tutor.styles import DEFAULT_CORRECTION_STYLE, DEFAULT_LEVEL, CorrectionStyle

log = logging.getLogger(__name__)

FREE_TALK_ID = "free-talk"
FREE_TALK_PROMPT = "free talk about the learner's day"


@dataclass(frozen=True)
class SessionOptions:
    scenario_id: str = FREE_TALK_ID
    scenario_title: str = "Free talk"
    scenario_prompt: str = FREE_TALK_PROMPT
    opening: str = ""
    level: str = DEFAULT_LEVEL
    correction_style: str = DEFAULT_CORRECTION_STYLE  # a CorrectionStyle's value
    topic: str = ""  # the tutor's first line, when the learner took a suggested topic

    @property
    def corrections(self) -> CorrectionPolicy:
        """What this session's correction style asks for."""
        return CorrectionPolicy.of(self.correction_style)


@dataclass(frozen=True)
class _FreeTalk:
    """Free talk when no pack provides it (the packs are missing or broken)."""

    id: str = FREE_TALK_ID
    title: str = "Free talk"
    description: str = "Talk about anything: your day, your plans, your interests."
    prompt: str = FREE_TALK_PROMPT
    opening: str = ""


def scenarios(home: Path | None = None, problems: list | None = None) -> list:
    """The scenario packs (:mod:`app.tutor.scenarios`), built-in and the
    learner's own in ``home``/scenarios, free talk first; a built-in free talk
    when the packs are missing or broken. Packs that cannot be read are
    skipped, and go to ``problems``."""
    try:
        from app.tutor.scenarios import load_catalog

        catalog = load_catalog(home)
        packs = list(catalog.scenarios)
        for problem in catalog.problems:
            log.warning("scenario pack skipped: %s", problem)
            if problems is not None:
                problems.append(str(problem))
    except Exception as error:  # noqa: BLE001 - a broken pack must not stop the app
        log.warning("scenario packs not available: %s", error)
        packs = []
    if not any(p.id == FREE_TALK_ID for p in packs):
        packs.insert(0, _FreeTalk())
    return packs


def options_for(scenario_id: str, level: str, style: str,
                home: Path | None = None) -> SessionOptions:
    """Options for a session; an unknown scenario falls back to the first (free talk)."""
    packs = scenarios(home)
    pack = next((p for p in packs if p.id == scenario_id), packs[0])
    return SessionOptions(scenario_id=pack.id, scenario_title=pack.title,
                          scenario_prompt=pack.prompt, opening=pack.opening,
                          level=level, correction_style=style)


def scenario_for(options: SessionOptions, home: Path | None = None):
    """The pack itself, so the tutor also gets its example exchange and opening;
    the options' prompt when the pack cannot be read any more."""
    try:
        from app.tutor.scenarios import get_scenario

        return get_scenario(options.scenario_id, home)
    except (KeyError, ImportError, OSError, ValueError):
        return options.scenario_prompt


# -- the correction style ---------------------------------------------------------

@dataclass(frozen=True)
class CorrectionPolicy:
    """What a correction style asks of a turn (app.practice) and of the window
    (app.ui.presenter): the one place that decides it. Which edits are sure
    enough to make is the corrector's business (app/tutor/gec/thresholds.py),
    whatever the style."""

    style: CorrectionStyle = CorrectionStyle(DEFAULT_CORRECTION_STYLE)

    @classmethod
    def of(cls, style: str) -> CorrectionPolicy:
        """The policy for a stored style; an unknown one (a hand-edited
        setting) looks for corrections and shows none inline, as gentle does."""
        try:
            return cls(CorrectionStyle(style))
        except ValueError:
            return cls(CorrectionStyle.GENTLE)

    @property
    def runs_corrector(self) -> bool:
        """"off" shows no corrections, so none are looked for (no rules, no rewrite)."""
        return self.style is not CorrectionStyle.OFF

    @property
    def recasts(self) -> bool:
        """Every reply opens with a recast that repeats the rules' certain fixes,
        whatever the style: hearing the right form is how the tutor talks."""
        return True

    @property
    def weaves_practice(self) -> bool:
        """Practice questions on recurring mistakes come with the corrections."""
        return self.runs_corrector

    @property
    def shows_inline(self) -> bool:
        """"explicit": each correction is shown under the learner's words after the reply."""
        return self.style is CorrectionStyle.EXPLICIT


def runs_corrector(style: str) -> bool:
    """Whether ``style`` looks for corrections (CorrectionPolicy.runs_corrector)."""
    return CorrectionPolicy.of(style).runs_corrector


def shows_corrections_inline(style: str) -> bool:
    """Whether ``style`` shows corrections inline (CorrectionPolicy.shows_inline)."""
    return CorrectionPolicy.of(style).shows_inline


# -- the summary -----------------------------------------------------------------

def session_summary(turns: Sequence[Any], options: SessionOptions) -> dict:
    """The summary saved with a session and shown when it ends, from its saved
    turns (:class:`app.store.records.TurnView`: what the store kept is what counts)."""
    fixes = [(c.original, c.corrected) for turn in turns for c in turn.corrections]
    seconds = sum(turn.learner_seconds or 0.0 for turn in turns)
    return {
        "turns": len(turns),
        "minutes_spoken": round(seconds / 60, 2),
        "corrections": len(fixes),
        "correction_list": [f"{o} → {c}" for o, c in fixes],
        "scenario": options.scenario_id,
        "level": options.level,
        "correction_style": options.correction_style,
    }
