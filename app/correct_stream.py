"""`python -m app correct`: one corrected line out for every line in, whatever
the bytes.

- Standard input is read as bytes and made plain text (app/input_text.py):
  bytes that are not UTF-8 come out as a visible ``\\xNN``, and control
  characters such as NUL are dropped before correcting, since they misled
  the corrector into wrong corrections.
- A line longer than :data:`MAX_LINE_CHARS` is not a sentence: it is written
  back unchanged and named in one line on standard error, and the lines after
  it go on. So does a line the corrector fails on.
- Output is UTF-8 whatever the terminal's locale, and a line keeps its own
  ending (``\\n`` or ``\\r\\n``).

The exit status is 0 when every line was corrected (or was blank), 1 when
some were left as they were.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import BinaryIO, TextIO

from app.errors import ParleyError
from app.input_text import UNDECODABLE, decode_line, plain_text, split_ending

log = logging.getLogger(__name__)
# A spoken sentence is rarely over 300 characters; the corrector's rewrite is
# capped at 300 and its prompt at the model's context. 2000 leaves room for a
# paragraph of several sentences on one line.
MAX_LINE_CHARS = 2000


def correct_lines(corrector, lines: Iterable[bytes], out: BinaryIO, err: TextIO) -> int:
    """Correct each line of ``lines`` (bytes, as read from a binary file) to ``out``."""
    left = 0
    for number, raw in enumerate(lines, 1):
        body, ending = split_ending(raw)
        text = plain_text(decode_line(body))
        corrected = text
        if len(text) > MAX_LINE_CHARS:
            left += 1
            print(f"parley: line {number} has {len(text)} characters, more than the "
                  f"{MAX_LINE_CHARS} a sentence may have: written back unchanged -- "
                  "put one sentence on each line", file=err, flush=True)
        elif text.strip():
            try:
                corrected = corrector.correct(text).corrected
            except ParleyError:
                raise  # a missing or broken model: no line can be corrected
            except Exception as error:  # noqa: BLE001 - one odd line must not stop the rest
                log.debug("correcting line %d failed", number, exc_info=True)
                left += 1
                print(f"parley: line {number} could not be corrected "
                      f"({type(error).__name__}): written back unchanged", file=err, flush=True)
        out.write(corrected.encode("utf-8", errors=UNDECODABLE) + ending)
        out.flush()
    return 1 if left else 0
