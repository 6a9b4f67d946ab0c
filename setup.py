"""What goes into the wheel besides pyproject.toml's metadata.

The repository keeps its assets at the top level (app/, assets/, models/,
tests/), but installed Parley reads them as package data of ``app.assets``
(app/resources.py). pyproject.toml can either list packages or find them, not
both, so this file finds every package under app/ and adds assets/ under its
installed name. Folders that hold only data (migrations, prompts, scenario
packs, icons) are listed too, as setuptools asks.
"""

from setuptools import find_namespace_packages, setup

SKIP = ["*__pycache__*"]
app = find_namespace_packages(include=["app", "app.*"], exclude=SKIP)
assets = [f"app.assets.{name}" for name in find_namespace_packages(where="assets", exclude=SKIP)]

setup(
    packages=[*app, "app.assets", *assets],
    package_dir={"app.assets": "assets"},
)
