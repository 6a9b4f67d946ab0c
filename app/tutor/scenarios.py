"""Scenario packs: what the learner and the tutor talk about.

Each pack is one TOML file with the keys ``id``, ``title``, ``description``,
``prompt`` (what the tutor is told about the situation), ``opening`` (the
tutor's first line) and, optionally, ``example`` (one [learner, tutor]
exchange in the situation, which shows a small model its role) and ``script``
(learner turns that ``eval-conversation`` replays).

The built-in packs are package data (assets/scenarios, read through
app.resources). The learner's own packs live in ``<data folder>/scenarios``
(``PARLEY_HOME/scenarios``), so they survive upgrades and need no write access
to the install: they are listed after the built-in ones, and a pack with a
built-in pack's id takes its place. A broken pack is skipped with a message
naming its file; the others still load. Files are read in name order; free
talk comes first.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from app.config import data_home
from app.resources import asset

log = logging.getLogger(__name__)

FREE_TALK = "free-talk"
REQUIRED = ("id", "title", "description", "prompt", "opening")
BUILT_IN = "built-in"
LEARNER = "learner"
# A pack is a few lines of text; anything much larger is not one, and reading it
# whole would only cost memory.
MAX_PACK_BYTES = 256 * 1024


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    description: str
    prompt: str
    opening: str
    script: tuple[str, ...] = ()  # scripted learner turns for the automatic check
    example: tuple[str, str] | None = None  # (learner, tutor): a few-shot turn in role
    # Where the pack came from: not part of what it says, so not compared.
    source: str = field(default=BUILT_IN, compare=False)  # BUILT_IN or LEARNER
    path: str = field(default="", compare=False)  # the file it was read from


class ScenarioError(ValueError):
    """A pack is missing a required key, is not valid TOML or cannot be read."""


@dataclass
class Catalog:
    """Every pack that loaded, and one message per pack that did not."""

    scenarios: list[Scenario]
    problems: list[ScenarioError]
    learner_folder: Path


def learner_folder(home: Path | None = None) -> Path:
    """Where the learner's own packs go: ``<data folder>/scenarios``."""
    if home is None:
        home = data_home()
    return Path(home) / "scenarios"


def load_catalog(home: Path | None = None) -> Catalog:
    """Built-in packs, then the learner's (``home`` defaults to the data folder)."""
    # Read every time (a few small files): the learner may edit a pack while
    # the window is open.
    built_in, problems = _read_folder(asset("scenarios"), BUILT_IN)
    folder = learner_folder(home)
    own, own_problems = _read_folder(folder, LEARNER)
    problems += own_problems
    by_id = {pack.id: pack for pack in built_in}
    for pack in own:
        by_id[pack.id] = pack  # same id: the learner's pack replaces the built-in one
    packs = list(by_id.values())
    # Free talk first whatever the file names, so a default pick is always at hand.
    packs.sort(key=lambda s: s.id != FREE_TALK)
    return Catalog(packs, problems, folder)


def built_in_scenarios() -> list[Scenario]:
    """Only the packs that ship with Parley (what the quality checks measure, so
    that a learner's packs never change the numbers)."""
    packs, problems = _read_folder(asset("scenarios"), BUILT_IN)
    if problems:
        raise problems[0]
    return packs


def load_scenarios(home: Path | None = None) -> list[Scenario]:
    """Every pack that loads, free talk first; broken packs are logged and skipped."""
    catalog = load_catalog(home)
    for problem in catalog.problems:
        log.warning("scenario pack skipped: %s", problem)
    return catalog.scenarios


def get_scenario(scenario_id: str, home: Path | None = None) -> Scenario:
    """The pack with this id; KeyError naming the known ids otherwise."""
    packs = load_scenarios(home)
    for scenario in packs:
        if scenario.id == scenario_id:
            return scenario
    raise KeyError(f"unknown scenario {scenario_id!r}; known: {', '.join(s.id for s in packs)}")


def _read_folder(folder: Traversable, source: str) -> tuple[list[Scenario], list[ScenarioError]]:
    packs: list[Scenario] = []
    problems: list[ScenarioError] = []
    try:
        if not folder.is_dir():
            return packs, problems
        entries = sorted(folder.iterdir(), key=lambda e: e.name)
    except OSError as error:  # an unreadable folder: its packs are skipped, not the rest
        return packs, [ScenarioError(f"{folder}: cannot be read ({error})")]
    seen: dict[str, str] = {}
    for entry in entries:
        try:
            if not entry.name.endswith(".toml") or not entry.is_file():
                continue
            pack = read_pack(entry, source)
        except (ScenarioError, OSError) as problem:
            problems.append(problem if isinstance(problem, ScenarioError)
                            else ScenarioError(f"{entry}: cannot be read ({problem})"))
            continue
        if pack.id in seen:
            problems.append(ScenarioError(
                f"{entry}: id {pack.id!r} is already used by {seen[pack.id]}; rename one"))
            continue
        seen[pack.id] = entry.name
        packs.append(pack)
    return packs, problems


def read_pack(path: Traversable | Path, source: str = LEARNER) -> Scenario:
    """One pack file; ScenarioError naming the file if it cannot be used."""
    data = _parse(path)
    missing = [key for key in REQUIRED
               if isinstance(data.get(key, ""), str) and not data.get(key, "").strip()]
    if missing:
        raise ScenarioError(f"{path}: missing {', '.join(missing)}")
    not_text = [key for key in REQUIRED if not isinstance(data[key], str)]
    if not_text:
        raise ScenarioError(f"{path}: {', '.join(not_text)} must be text in quotes")
    example = data.get("example")
    if example is not None and not (isinstance(example, list) and len(example) == 2
                                    and all(_text(e) for e in example)):
        raise ScenarioError(f"{path}: example must be [learner line, tutor line]")
    script = data.get("script", [])
    if not isinstance(script, list) or not all(isinstance(line, str) for line in script):
        raise ScenarioError(f"{path}: script must be a list of learner lines")
    return Scenario(
        **{key: " ".join(data[key].split()) for key in REQUIRED},
        script=tuple(line.strip() for line in script),
        example=(example[0], example[1]) if example else None,
        source=source,
        path=str(path),
    )


def _parse(path: Traversable | Path) -> dict:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_PACK_BYTES + 1)
        if len(raw) > MAX_PACK_BYTES:
            raise ScenarioError(f"{path}: larger than {MAX_PACK_BYTES // 1024} KiB, "
                                "too large to be a scenario pack")
        return tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"{path}: not valid TOML ({error})") from error
    except RecursionError:
        # tomllib recurses once per level of nested arrays or tables.
        raise ScenarioError(f"{path}: nested too deep to be a scenario pack") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError(f"{path}: cannot be read ({error})") from error


def _text(value: object) -> bool:
    """A non-blank string: a list, a number or a table is no line of text."""
    return isinstance(value, str) and bool(value.strip())
