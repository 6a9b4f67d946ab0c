"""What the command line prints from the learner's data never drives the
terminal (issue 27, fault 9): escape sequences, bells, bidirectional marks
and line breaks inside a value come out as a visible \\uXXXX."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from cli_helpers import ROOT, run_app

from app.store import TurnRecord, open_store

pytestmark = pytest.mark.model  # loads a real model

HOSTILE = "\x1b]0;pwned\x07\x1b[31mred\u202e\x9b2J"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def assert_nothing_raw(*outputs: str) -> None:
    for out in outputs:
        assert not any(c in out for c in RAW), repr(out)


def on_terminal(*args: str, home) -> str:
    """What the command prints on a real terminal (a pseudo-terminal here)."""
    main, child = pty.openpty()
    environment = {**os.environ, "PARLEY_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    with subprocess.Popen([sys.executable, "-m", "app", *args], cwd=ROOT, env=environment,
                          stdout=child, stderr=subprocess.DEVNULL) as process:
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the command closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=120) == 0
    os.close(main)
    return b"".join(chunks).decode("utf-8")


def test_an_exported_session_on_the_terminal_shows_escapes(parley_home):
    with open_store(parley_home) as store:
        session = store.start_session(scenario=f"Café {HOSTILE}")
        store.save_turn(TurnRecord(session_id=session, transcript=f"I said {HOSTILE}",
                                   reply="Tell me more.", input_mode="text"))
    markdown = on_terminal("export", "--session", "last", home=parley_home)
    assert_nothing_raw(markdown)
    assert "\\u202e" in markdown and "I said" in markdown
    exported = run_app("export", "--session", "last", "--format", "json", home=parley_home)
    assert_nothing_raw(exported.stdout)  # JSON's escapes keep the value: even in a pipe
    assert json.loads(exported.stdout)["turns"][0]["transcript"] == f"I said {HOSTILE}"
    # Redirected to a file, or written with -o, the document keeps its text as it is.
    piped = run_app("export", "--session", "last", home=parley_home).stdout
    out = parley_home.parent / "session.md"
    assert run_app("export", "--session", "last", "-o", str(out), home=parley_home).returncode == 0
    assert "\u202e\x9b" in piped and out.read_text(encoding="utf-8") == piped


def test_memory_list_and_an_error_line_show_escapes(parley_home):
    added = run_app("memory", "add", f"I live in {HOSTILE}", home=parley_home)
    listed = run_app("memory", "list", home=parley_home)
    as_json = run_app("memory", "list", "--json", home=parley_home)
    assert_nothing_raw(added.stdout, listed.stdout, as_json.stdout)
    assert "\\u001b[31mred" in listed.stdout
    assert json.loads(as_json.stdout)[0]["text"].endswith(HOSTILE)
    failed = run_app("export", "--session", f"x{HOSTILE}", home=parley_home)
    assert failed.returncode == 2
    assert_nothing_raw(failed.stderr)


def test_check_data_names_an_odd_file_without_sending_it(parley_home):
    with open_store(parley_home):
        pass
    odd = parley_home / "audio" / "1" / f"x{HOSTILE}\nall good.wav"
    odd.parent.mkdir(parents=True)
    odd.write_bytes(b"RIFF")
    done = run_app("doctor", "--check-data", home=parley_home)
    assert done.returncode == 1
    assert_nothing_raw(done.stdout)
    assert "\\u000aall good.wav" in done.stdout  # its line break cannot forge a line
