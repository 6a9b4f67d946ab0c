"""Scenario packs: what the learner and the tutor talk about.

Each pack is one user-editable TOML file in assets/scenarios/ with the keys
``id``, ``title``, ``description``, ``prompt`` (what the tutor is told about
the situation), ``opening`` (the tutor's first line) and, optionally,
``example`` (one [learner, tutor] exchange in the situation, which shows a
small model its role) and ``script`` (ten learner turns that
``eval-conversation`` replays). Files are
read in name order; free talk comes first.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

SCENARIOS = Path(__file__).resolve().parents[2] / "assets" / "scenarios"
FREE_TALK = "free-talk"
REQUIRED = ("id", "title", "description", "prompt", "opening")


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    description: str
    prompt: str
    opening: str
    script: tuple[str, ...] = ()  # scripted learner turns for the automatic check
    example: tuple[str, str] | None = None  # (learner, tutor): a few-shot turn in role


class ScenarioError(ValueError):
    """A pack is missing a required key or is not valid TOML."""


def load_scenarios(folder: Path | None = None) -> list[Scenario]:
    """Every pack in ``folder`` (default assets/scenarios), free talk first."""
    folder = Path(folder) if folder is not None else SCENARIOS
    # Read every time (a few small files): the learner may edit a pack while
    # the window is open.
    packs = [_read(path) for path in sorted(folder.glob("*.toml"))]
    # Free talk first whatever the file names, so a default pick is always at hand.
    packs.sort(key=lambda s: s.id != FREE_TALK)
    return packs


def _read(path: Path) -> Scenario:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"{path.name}: not valid TOML ({error})") from error
    missing = [key for key in REQUIRED if not str(data.get(key, "")).strip()]
    if missing:
        raise ScenarioError(f"{path.name}: missing {', '.join(missing)}")
    example = data.get("example")
    if example is not None and (len(example) != 2 or not all(str(e).strip() for e in example)):
        raise ScenarioError(f"{path.name}: example must be [learner line, tutor line]")
    return Scenario(
        **{key: " ".join(str(data[key]).split()) for key in REQUIRED},
        script=tuple(str(line).strip() for line in data.get("script", ())),
        example=(str(example[0]), str(example[1])) if example else None,
    )


def get_scenario(scenario_id: str, folder: Path | None = None) -> Scenario:
    """The pack with this id; KeyError naming the known ids otherwise."""
    packs = load_scenarios(folder)
    for scenario in packs:
        if scenario.id == scenario_id:
            return scenario
    raise KeyError(f"unknown scenario {scenario_id!r}; known: {', '.join(s.id for s in packs)}")
