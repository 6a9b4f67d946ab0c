"""A wheel built from the repository, installed outside it, run from another folder.

The wheel goes into a fresh virtual environment in a temporary folder; its
dependencies are borrowed from the test environment's site-packages through a
.pth file (no download, no compile), but Parley itself and its package data
come only from the wheel. Every command runs with its working folder outside
the repository and no PYTHONPATH, as after ``pipx install``.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = pytest.mark.model  # loads a real model

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("app", "assets", "pyproject.toml", "setup.py", "README.md")
OWN_PACK = ('id = "zoo-visit"\ntitle = "At the zoo"\ndescription = "Tickets and feeding times."\n'
            'prompt = "a ticket desk at a city zoo"\nopening = "Welcome! How many tickets?"\n')


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:  # a copy: building in place would leave build/ in the checkout
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, src / name)
    dist = tmp / "dist"
    _check([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
            "--no-index", "-w", str(dist), str(src)], cwd=tmp)
    (wheel,) = dist.glob("parley-*.whl")
    venv = tmp / "venv"
    _check([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp)
    python = venv / "bin" / "python"
    _check([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
            "--no-deps", "--no-index", str(wheel)], cwd=tmp)
    purelib = Path(subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        text=True).strip())
    # Paths in a .pth file are added to sys.path, but the .pth files inside them
    # are not run, so the test environment's editable install of the checkout
    # stays out.
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
            *site.getsitepackages()}
    (purelib / "zz_test_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n")
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    home = tmp / "home"
    (home / "scenarios").mkdir(parents=True)
    (home / "scenarios" / "zoo.toml").write_text(OWN_PACK, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PARLEY_HOME=str(home), HF_HUB_OFFLINE="1", QT_QPA_PLATFORM="offscreen",
               PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}")
    return {"wheel": wheel, "venv": venv, "python": python, "purelib": purelib,
            "cwd": elsewhere, "env": env, "home": home}


def _check(argv, **options) -> subprocess.CompletedProcess:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, **options)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done


def _parley(installed, *args, stdin=None, timeout=300) -> subprocess.CompletedProcess:
    done = subprocess.run([str(installed["venv"] / "bin" / "parley"), *args], input=stdin,
                          cwd=installed["cwd"], env=installed["env"], capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, f"parley {' '.join(args)}\n{done.stdout}\n{done.stderr}"
    return done


def test_the_wheel_carries_the_package_data(installed):
    import zipfile

    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    assert {"app/assets/prompts/tutor.toml", "app/assets/scenarios/10-cafe-order.toml",
            "app/assets/icons/parley.svg", "app/assets/icons/parley-48.png",
            "app/store/migrations/env.py", "app/__main__.py"} <= names
    assert not any(n.startswith(("tests/", "assets/", "models/")) for n in names)
    where = _check([str(installed["python"]), "-c", "import app; print(app.__file__)"],
                   cwd=installed["cwd"], env=installed["env"]).stdout.strip()
    assert Path(where).is_relative_to(installed["purelib"])


def test_parley_help(installed):
    done = _parley(installed, "--help")
    assert done.stdout.startswith("usage: parley")
    for command in ("correct", "converse", "scenarios", "screenshot", "install-desktop-entry"):
        assert command in done.stdout


def test_scenarios_lists_the_learners_pack_and_the_tutor_uses_it(installed):
    listed = json.loads(_parley(installed, "scenarios", "--json").stdout)
    by_id = {s["id"]: s for s in listed["scenarios"]}
    assert by_id["zoo-visit"]["source"] == "learner"
    assert Path(by_id["cafe-order"]["path"]).is_relative_to(installed["purelib"])
    prompt = _check([str(installed["python"]), "-c",
                     "from app.tutor.conversation import Conversation\n"
                     "from app.tutor.scenarios import get_scenario\n"
                     "print(Conversation(None, scenario=get_scenario('zoo-visit')).system_prompt())"],
                    cwd=installed["cwd"], env=installed["env"]).stdout
    assert "a ticket desk at a city zoo" in prompt


def test_the_store_opens_and_migrates(installed):
    # Alembic reads its env.py and versions as files: they must be in the wheel.
    _check([str(installed["python"]), "-c",
            "from app.store import open_store\n"
            "store = open_store()\n"
            "print(len(store.list_sessions()))\n"
            "store.close()"], cwd=installed["cwd"], env=installed["env"])
    assert (installed["home"] / "parley.sqlite3").is_file()


def test_correct_from_another_folder(installed):
    done = _parley(installed, "correct", stdin="She don't like vegetables.\n")
    assert done.stdout == "She doesn't like vegetables.\n"


def test_converse_from_another_folder_in_the_learners_scenario(installed):
    done = _parley(installed, "converse", "--scenario", "zoo-visit", "--json",
                   stdin="Two tickets for adults, please.\n")
    opening, turn = (json.loads(line) for line in done.stdout.splitlines())
    assert opening["opening"] == "Welcome! How many tickets?"  # the learner's own pack
    assert turn["learner"] == "Two tickets for adults, please." and turn["reply"].strip()


def test_screenshot_from_another_folder(installed):
    out = installed["cwd"] / "shots"
    _parley(installed, "screenshot", str(out), "--theme", "dark", timeout=120)
    home = out / "home-dark.png"  # a fresh data folder: home, settings and the first start
    assert home.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and home.stat().st_size > 10_000
    assert (out / "first-start-1-dark.png").is_file()
