"""Text from the learner's data made safe to print on a terminal.

A scenario pack, a transcript or a file name can hold control characters: an
escape sequence recolours or retitles the terminal, a carriage return or a
line break forges what looks like Parley's own output, and a bidirectional
override turns the text around. :func:`shown` writes each one as a visible
``\\uXXXX``, which reads the same in plain text and is a valid escape inside
a JSON string (the only place a control character can sit in JSON), so one
helper serves both outputs. ``\\xNN`` stays reserved for bytes that were not
UTF-8 (app/input_text.py).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

# C0, DEL and C1 (Unicode category Cc), and the bidirectional formatting marks;
# "\r\n" is matched whole so that a kept line break keeps its Windows ending.
_CONTROL = re.compile("\r\n|[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: object, keep: str = "") -> str:
    """``text`` with every control character escaped but those in ``keep``.

    One-line values (a title, a path) keep nothing. A document printed whole
    keeps ``"\\n\\t"``; with ``"\\n"`` kept, a ``"\\r\\n"`` line ending is kept too.
    """

    def escape(match: re.Match[str]) -> str:
        found = match.group()
        if found in keep or (found == "\r\n" and "\n" in keep):
            return found
        return "".join(f"\\u{ord(c):04x}" for c in found)

    return _CONTROL.sub(escape, str(text))


def shown_json(value: Any, **options: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)``, with nothing a terminal acts on.

    json.dumps already escapes C0; DEL, C1 and the bidirectional marks are
    left raw by ensure_ascii=False and are escaped here, so the text decodes
    to the very same value.
    """
    return shown(json.dumps(value, ensure_ascii=False, **options), keep="\n")


class _ShownWriter:
    """Standard output for code that prints the learner's data with plain print()."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(shown(text, keep="\n\t"))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def shown_stdout() -> Iterator[None]:
    """Everything printed in the block is :func:`shown`, line breaks and tabs kept
    (still valid JSON: a control character can only sit inside a JSON string)."""
    original = sys.stdout
    sys.stdout = _ShownWriter(original)
    try:
        yield
    finally:
        sys.stdout = original
