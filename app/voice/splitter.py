"""Cut a stream of LLM tokens into pieces worth speaking, as early as possible.

The tutor's first audio can start once the first sentence is complete; long
sentences are cut at a clause boundary (comma, semicolon, colon) once the
clause holds ``min_clause_words`` words, so a rambling first sentence does not
delay the voice. The reply's first piece may be cut at its first clause
boundary sooner (``first_clause_words``): the voice renders a whole piece before
its first sample, so "Oh no," is heard while the rest of the sentence is still
being synthesized. A period only ends a sentence when whitespace follows (so
"3.5" and "e.g.x" never split) and the word before it is not an abbreviation
("Mr.", "e.g.", "a.m.") or an initial ("J. K. Rowling") or a list number ("1.").
"""

from __future__ import annotations

import re

# Never end a sentence: titles and Latin abbreviations that lowercase text follows.
_NEVER_END = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "e.g", "i.e", "eg", "ie",
    "cf", "approx", "fig", "vol", "pp", "ca",
}
# End a sentence only when the next word is capitalised ("... and so on, etc. Then").
_END_IF_CAPITAL = {"etc", "a.m", "p.m", "u.s", "u.k", "inc", "ltd", "co",
                   "jan", "feb", "aug", "sept", "oct", "nov", "dec"}

_SENTENCE_END = re.compile(r"(?:[.!?]+|…)[\"'”’)\]]*(?=\s)")
_CLAUSE_END = re.compile(r"[,;:](?=\s)")
_NEWLINE = re.compile(r"\n")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_HAS_TEXT = re.compile(r"[^\W_]")


class SentenceSplitter:
    def __init__(self, min_clause_words: int = 6, max_words: int = 40,
                 first_clause_words: int | None = None) -> None:
        self.min_clause_words = min_clause_words
        self.first_clause_words = first_clause_words or min_clause_words
        self.max_words = max_words  # a run-on with no punctuation is cut here
        self._buffer = ""
        self._pieces = 0  # given out since the last reset

    def feed(self, text: str) -> list[str]:
        """Add streamed text; return the sentences/clauses now complete."""
        self._buffer += text
        return self._drain(final=False)

    def flush(self) -> list[str]:
        """End of the reply: everything left, as the last pieces."""
        pieces = self._drain(final=True)
        rest, self._buffer = self._buffer.strip(), ""
        if _HAS_TEXT.search(rest):
            pieces.append(rest)
        self._pieces = 0  # the next text is a new reply
        return pieces

    def reset(self) -> None:
        self._buffer = ""
        self._pieces = 0

    def _drain(self, final: bool) -> list[str]:
        pieces: list[str] = []
        while True:
            cut = self._next_cut(self._buffer, final)
            if cut is None:
                return pieces
            piece, self._buffer = self._buffer[:cut].strip(), self._buffer[cut:].lstrip()
            if _HAS_TEXT.search(piece):  # drop lone markdown bullets, "**", "..."
                pieces.append(piece)
                self._pieces += 1

    def _next_cut(self, buf: str, final: bool) -> int | None:
        candidates: list[int] = []
        for match in _SENTENCE_END.finditer(buf):
            if self._ends_sentence(buf, match.start(), match.group(), final):
                candidates.append(match.end())
                break
        least = self.first_clause_words if self._pieces == 0 else self.min_clause_words
        for match in _CLAUSE_END.finditer(buf):
            if len(_WORD.findall(buf[: match.start()])) >= least:
                candidates.append(match.end())
                break
        for match in _NEWLINE.finditer(buf):
            if buf[: match.start()].strip():
                candidates.append(match.end())
                break
        if candidates:
            return min(candidates)
        words = list(_WORD.finditer(buf))
        if len(words) > self.max_words:
            return words[self.max_words - 1].end()
        return None

    @staticmethod
    def _ends_sentence(buf: str, at: int, punct: str, final: bool) -> bool:
        if not punct.startswith(".") or punct.startswith(".."):
            return True  # "!", "?", "...": never an abbreviation
        before = buf[:at].split()
        if not before:
            return False  # a lone "." at the start
        original = before[-1].lstrip("\"'“‘([")
        word = original.lower()
        if word in _NEVER_END:
            return False
        if len(original) == 1 and original.isupper():
            return False  # an initial: "J. K. Rowling" (but "answer a." ends)
        if word.isdigit() and len(before) == 1:
            return False  # a list number: "1. Say hello"
        if word in _END_IF_CAPITAL:
            following = buf[at + len(punct) :].lstrip()
            if not following:
                return final
            return following[0].isupper()
        return True


def split_sentences(text: str, min_clause_words: int | None = None) -> list[str]:
    """A whole text cut into sentences (for voices that render one piece at a time);
    clauses are cut too only when min_clause_words is given."""
    splitter = SentenceSplitter(min_clause_words=min_clause_words or 10**9)
    return splitter.feed(text) + splitter.flush()
