"""Parley's own files (prompts, built-in scenario packs, icons), read as package data.

They live in the top-level ``assets/`` folder of the repository. pyproject.toml
installs that folder as the package ``app.assets`` (``package-dir``), so a wheel
or a bundle carries them inside ``app/`` and they are found through
``importlib.resources`` wherever Parley is installed. A source checkout that was
never installed has no ``app.assets`` package: there the folder beside ``app/``
is read instead.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "app.assets"
# assets/icons holds parley.svg and parley-<size>.png in these sizes (rendered
# from the SVG by scripts/render-icons.py), the sizes the hicolor theme uses.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def assets() -> Traversable:
    """The root of the assets: ``/ "prompts" / "tutor.toml"`` and so on."""
    # A source checkout reads its own folder first: an editable install (or a
    # second git worktree) may map ``app.assets`` to another checkout's.
    beside = Path(__file__).resolve().parent.parent / "assets"
    if (beside / "__init__.py").is_file():
        return beside
    try:
        return resources.files(PACKAGE)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "assets"


def asset(*parts: str) -> Traversable:
    """One file or folder of the assets, e.g. ``asset("icons", "parley.svg")``."""
    node = assets()
    for part in parts:
        node = node / part
    return node


def icon(size: int | None = None) -> Traversable:
    """Parley's icon: the SVG, or the PNG of one of ICON_SIZES."""
    return asset("icons", "parley.svg" if size is None else f"parley-{size}.png")
