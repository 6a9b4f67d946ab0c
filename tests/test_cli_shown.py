"""What the command line prints from the learner's data never drives the
terminal (issue 27, fault 9): escape sequences, bells, bidirectional marks
and line breaks inside a value come out as a visible \\uXXXX."""

from __future__ import annotations

import json

from cli_helpers import run_app

from app.store import TurnRecord, open_store

HOSTILE = "\x1b]0;pwned\x07\x1b[31mred\u202e\x9b2J"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def assert_nothing_raw(*outputs: str) -> None:
    for out in outputs:
        assert not any(c in out for c in RAW), repr(out)


def test_an_exported_session_on_the_terminal_shows_escapes(parley_home):
    with open_store(parley_home) as store:
        session = store.start_session(scenario=f"Café {HOSTILE}")
        store.save_turn(TurnRecord(session_id=session, transcript=f"I said {HOSTILE}",
                                   reply="Tell me more.", input_mode="text"))
    for fmt in ("md", "json"):
        done = run_app("export", "--session", "last", "--format", fmt, home=parley_home)
        assert done.returncode == 0, done.stderr
        assert_nothing_raw(done.stdout)
        assert "\\u202e" in done.stdout  # (Markdown already turned C0 into spaces)
    exported = json.loads(run_app("export", "--session", "last", "--format", "json",
                                  home=parley_home).stdout)
    assert exported["turns"][0]["transcript"] == f"I said {HOSTILE}"  # JSON keeps the value
    # A file gets the text as it was said: only the terminal is guarded.
    out = parley_home.parent / "session.md"
    assert run_app("export", "--session", "last", "-o", str(out), home=parley_home).returncode == 0
    assert "\u202e\x9b" in out.read_text(encoding="utf-8")


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
