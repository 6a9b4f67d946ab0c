"""Fuzz standard input for `converse` and `correct` (issue 27): any bytes give
one answer or one corrected line per line, or one clear line on stderr, never
a traceback, and the data folder's content stays as it was.

In process, to stay fast: the decoding layer both commands share, and
`correct` with its real corrector. The end-to-end runs through the real
command line are in tests/test_cli_converse.py and tests/test_cli_correct_input.py.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.config import Settings
from app.correct_stream import correct_lines
from app.engines import Engines
from app.input_text import learner_lines

pytestmark = [pytest.mark.model, pytest.mark.timeout(300)]
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
WORDS = st.sampled_from([b"I", b"have", b"a", b"meeting", b"today", b"she", b"go", b"."])
NOISE = st.sampled_from([b"\x00", b"\x01", b"\x1b[31m", b"\xe9", b"\xff\xfe", b"\r", b"\t",
                         b"\xe2\x80\xae", b"\xc2\x9b", b"\xed\xa0\x80", b" "])
LINES = st.lists(st.one_of(WORDS, NOISE), max_size=12).map(b" ".join)
INPUT = st.one_of(st.lists(LINES, max_size=3).map(lambda ls: b"\n".join(ls) + b"\n"),
                  st.binary(max_size=200))


def split(data: bytes) -> list[bytes]:
    return io.BytesIO(data).readlines()


@settings(max_examples=100, deadline=None)
@given(INPUT)
@example(b"caf\xe9\n\nI have a dog.\n")  # fault 7
@example(b"We have a meeting\x00 today.\r\n")  # fault 13
@example(b"\x00\x00\n\t \n")  # nothing but control characters: no turn
def test_any_bytes_decode_to_plain_learner_lines(data):
    lines = list(learner_lines(split(data)))
    numbers = [number for number, _text in lines]
    assert numbers == sorted(set(numbers)) and all(1 <= n <= len(split(data)) for n in numbers)
    for _number, text in lines:
        assert text and text == text.strip() and not CONTROL.search(text)
        text.encode("utf-8")  # never a lone surrogate: always printable and savable


@pytest.fixture(scope="module")
def corrector(tmp_path_factory):
    engines = Engines(Settings.from_env(home=tmp_path_factory.mktemp("fuzz-correct")))
    engines.grammar.load()
    engines.scorer_model.load()
    return engines.corrector


def folder_state(home) -> dict:
    return {p: p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()} \
        if home.exists() else {}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(INPUT)
@example(b"We have a meeting\x00 today.\nI\x00 have a cat.\n")  # fault 13
@example(b"Il \xe9tait\r\n" + b"x" * 2001 + b"\n")
def test_correct_writes_one_line_per_line_whatever_the_bytes(corrector, parley_home, data):
    before = folder_state(parley_home)
    out, err = io.BytesIO(), io.StringIO()
    status = correct_lines(corrector, split(data), out, err)
    written = out.getvalue().splitlines(keepends=True)
    assert len(written) == len(split(data)) and status in (0, 1)
    for line in written:
        body = line.decode("utf-8").rstrip("\r\n")
        assert not CONTROL.search(body), body  # nothing reaches the terminal raw
    assert all(line.startswith("parley: line ") for line in err.getvalue().splitlines())
    assert folder_state(parley_home) == before
