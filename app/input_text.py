"""A line of the learner's text from outside Parley (standard input), made
into plain text for ``correct`` and ``converse``.

- Bytes that are not UTF-8 become a visible ``\\xNN`` (the byte's value in
  hex: ``caf\\xe9`` for a Latin-1 "café"), never a silent U+FFFD and never a
  crash, so the learner sees where the text was damaged and which byte it was.
- Control characters (NUL, the escape that starts a terminal sequence, a bare
  carriage return, the bidirectional marks) are not text: a terminal shows
  the line without them, and left in they mislead the corrector ("We have
  a meeting\\0 today" lost its "a"). They are dropped; a tab is a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

UNDECODABLE = "backslashreplace"  # the codec error handler that writes \xNN
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def decode_line(raw: bytes) -> str:
    return raw.decode("utf-8", errors=UNDECODABLE)


def plain_text(text: str) -> str:
    """``text`` without control characters, each tab a space."""
    return _CONTROL.sub("", text.replace("\t", " "))


def split_ending(raw: bytes) -> tuple[bytes, bytes]:
    """(the line's text, its ending): ``\\r\\n`` or ``\\n``, ``\\n`` when it has none."""
    for ending in (b"\r\n", b"\n"):
        if raw.endswith(ending):
            return raw[: -len(ending)], ending
    return raw, b"\n"


def learner_lines(lines: Iterable[bytes]) -> Iterator[tuple[int, str]]:
    """(line number, plain text) for each line that holds any text, whatever the bytes."""
    for number, raw in enumerate(lines, 1):
        text = plain_text(decode_line(split_ending(raw)[0])).strip()
        if text:
            yield number, text
