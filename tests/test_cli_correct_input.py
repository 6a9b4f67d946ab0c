"""`python -m app correct` on any bytes, through the real command line (issue 13:
a 100,000-character line gave a traceback, binary bytes a UnicodeEncodeError
with no line printed at all, and a non-UTF-8 byte came back as U+FFFD)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from cli_helpers import ROOT

from app.correct_stream import MAX_LINE_CHARS

pytestmark = [pytest.mark.model, pytest.mark.timeout(300)]


def correct(data: bytes, home, **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PARLEY_HOME": str(home), **env}
    return subprocess.run([sys.executable, "-m", "app", "correct"], cwd=ROOT, env=environment,
                          input=data, capture_output=True, timeout=240)


def test_any_bytes_one_line_out_per_line_in(parley_home):
    binary = bytes(range(256)).replace(b"\n", b"")  # every byte but the line break
    lines = [
        "She don't like vegetables.".encode(),
        "Il était une fois un café.".encode("latin-1"),  # not UTF-8: é is one byte, 0xe9
        binary,
        b"x" * 100_000,  # a 100,000-character line
        "The weather is nice today.".encode(),
        b"",
        "I have been here since three years.\r".encode(),  # a CRLF line
        b"\x00\x01 zero bytes \xff\xfe",
    ]
    done = correct(b"\n".join(lines) + b"\n", parley_home, LANG="C", LC_ALL="C")
    out = done.stdout.split(b"\n")
    assert out[-1] == b"" and len(out) - 1 == len(lines), done.stderr.decode()
    text = [line.decode("utf-8") for line in out[:-1]]  # always UTF-8 out, even in the C locale
    assert text[0] == "She doesn't like vegetables."
    # The undecodable byte is shown where it was, as \xe9, never as U+FFFD.
    assert "caf\\xe9" in text[1] and "\ufffd" not in "".join(text)
    assert "\\x80" in text[2] and "\\xff" in text[2]
    assert text[3] == "x" * 100_000  # written back unchanged
    assert text[4] == "The weather is nice today."
    assert text[5] == ""
    assert text[6] == "I have been here for three years.\r"  # its own CRLF ending kept
    assert "\\xff\\xfe" in text[7]
    errors = done.stderr.decode().splitlines()
    # One clear line for the over-long line, nothing else, no traceback.
    assert errors == [
        f"parley: line 4 has 100000 characters, more than the {MAX_LINE_CHARS} a sentence "
        "may have: written back unchanged -- put one sentence on each line"], errors
    assert done.returncode == 1  # some line was left as it was


def test_clean_input_exits_zero_and_stays_utf8(parley_home):
    done = correct("Ich heiße Anna, and I likes music.\n".encode(), parley_home)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode("utf-8") == "Ich heiße Anna, and I like music.\n"
    assert done.stderr == b""


def test_control_characters_never_change_the_correction(parley_home):
    # Issue 27, fault 13: NUL took the "a" out of "have a", and turned "I have" into "I has".
    lines = [b"We have a meeting\x00 today.", b"I\x00 have a cat.", b"\x01I have\ta dog.\x7f"]
    done = correct(b"\n".join(lines) + b"\n", parley_home)
    assert done.stdout.decode("utf-8").splitlines() == [
        "We have a meeting today.", "I have a cat.", "I have a dog."], done.stderr.decode()
    assert done.returncode == 0 and done.stderr == b""
