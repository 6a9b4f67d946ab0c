"""Run the real command line in a subprocess, as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_app(*args: str, home: Path, env: dict | None = None, stdin: str | None = None,
            prefix: tuple[str, ...] = (), timeout: float = 300) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PARLEY_HOME": str(home), "HF_HUB_OFFLINE": "1",
                   **(env or {})}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "app", *args], cwd=ROOT, env=environment,
        input=stdin, capture_output=True, text=True, timeout=timeout,
    )


def run_json(*args: str, home: Path, **options) -> dict:
    done = run_app(*args, "--json", home=home, **options)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
