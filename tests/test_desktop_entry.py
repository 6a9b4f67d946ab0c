"""`install-desktop-entry`: a valid freedesktop entry and icon in XDG_DATA_HOME
whose command really starts Parley, from any folder."""

from __future__ import annotations

import configparser
import shlex
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app import desktop_entry
from app.resources import ICON_SIZES
from cli_helpers import run_app

# `model` tier: each test starts Parley (or pytest) in a child process, seconds each.
pytestmark = pytest.mark.model


def _entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.timeout(120)
def test_install_desktop_entry_writes_a_valid_entry_that_starts_parley(tmp_path, parley_home):
    xdg = tmp_path / "xdg"
    done = run_app("install-desktop-entry", home=parley_home, env={"XDG_DATA_HOME": str(xdg)})
    assert done.returncode == 0, done.stderr
    entry = xdg / "applications" / "parley.desktop"
    svg = xdg / "icons" / "hicolor" / "scalable" / "apps" / "parley.svg"
    assert f"wrote {entry}" in done.stdout.splitlines()
    assert svg.read_bytes() == (Path(desktop_entry.__file__).parents[1] / "assets" / "icons"
                                / "parley.svg").read_bytes()
    for size in ICON_SIZES:
        png = xdg / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "parley.png"
        assert _png_size(png) == (size, size)
    assert oct(entry.stat().st_mode & 0o777) == "0o644"

    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is missing (apt package desktop-file-utils)")
    checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout

    keys = _entry(entry)
    assert (keys["Name"], keys["Icon"], keys["Type"]) == ("Parley", "parley", "Application")
    # The menu runs Exec from wherever it likes: here, a folder that is not the checkout.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shots = tmp_path / "shots"
    argv = shlex.split(keys["Exec"])
    started = subprocess.run([*argv, "screenshot", str(shots), "--theme", "light"],
                             cwd=keys.get("Path", elsewhere), capture_output=True, text=True, timeout=90,
                             env={**_env(), "PARLEY_HOME": str(parley_home),
                                  "XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert started.returncode == 0, started.stderr
    assert _png_size(shots / "home-light.png")[0] >= 600

    removed = run_app("install-desktop-entry", "--remove", home=parley_home,
                      env={"XDG_DATA_HOME": str(xdg)})
    assert removed.returncode == 0, removed.stderr
    assert not entry.exists() and not svg.exists()


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def test_exec_quotes_what_the_spec_reserves():
    assert desktop_entry.exec_value(["/opt/parley/parley"]) == "/opt/parley/parley"
    assert desktop_entry.exec_value(["/home/a b/bin/python", "-m", "app"]) == \
        '"/home/a b/bin/python" -m app'
    # $ and " escaped for the Exec parser, then the backslashes once more for the string value.
    assert desktop_entry.exec_value(['/x/$HOME"q']) == '"/x/\\\\$HOME\\\\"q"'
    assert desktop_entry.exec_value(["/x/100%"]) == '"/x/100%%"'


def test_launch_command_for_each_kind_of_install(tmp_path, monkeypatch):
    bundle = tmp_path / "Parley" / "parley"
    monkeypatch.setattr(sys, "executable", str(bundle))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert desktop_entry.launch_command() == ([str(bundle.resolve())], None)

    monkeypatch.delattr(sys, "frozen")
    venv = tmp_path / "venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "parley").write_text("#!/bin/sh\n")
    (venv / "parley").chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(venv / "python"))
    assert desktop_entry.launch_command() == ([str(venv / "parley")], None)

    (venv / "parley").unlink()  # a checkout that was never installed
    argv, workdir = desktop_entry.launch_command()
    assert argv == [str(venv / "python"), "-m", "app"]
    assert (workdir / "app" / "__main__.py").is_file()


def test_xdg_data_home_ignores_a_relative_value(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")
    assert desktop_entry.xdg_data_home() == Path.home() / ".local" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert desktop_entry.xdg_data_home() == tmp_path
