"""Word-level text helpers: normalising, edit distance, diffs, corrected sentences."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from app.store.records import CorrectionView
from app.words import edit_distance
from app.words import words as normalise_words  # "Don't, I went." -> ["don't", "i", "went"]


def word_distance(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    """Levenshtein distance counted in words (substitutions, insertions, deletions)."""
    return edit_distance(list(reference), list(hypothesis))


@dataclass(frozen=True)
class DiffOp:
    """One step of a word diff: "equal", "replace", "delete" (missing) or "insert" (extra)."""

    op: str
    expected: tuple[str, ...]
    heard: tuple[str, ...]


def word_diff(expected: str, heard: str) -> list[DiffOp]:
    a, b = normalise_words(expected), normalise_words(heard)
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    return [
        DiffOp(tag, tuple(a[i1:i2]), tuple(b[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def render_diff(ops: Sequence[DiffOp], templates: Mapping[str, str],
                quote: Callable[[str], str] = lambda words: words) -> str:
    """The diff with each op written by its template (keys: equal, delete,
    insert, replace), where {expected} and {heard} are its words, quoted."""
    return " ".join(templates[op.op].format(expected=quote(" ".join(op.expected)),
                                            heard=quote(" ".join(op.heard)))
                    for op in ops)


PLAIN_DIFF = {"equal": "{expected}", "delete": "[-{expected}-]", "insert": "{{+{heard}+}}",
              "replace": "[{heard} -> {expected}]"}


def diff_markup(ops: Sequence[DiffOp]) -> str:
    """Plain-text diff: [-missing-] {+extra+} [-said->meant+]."""
    return render_diff(ops, PLAIN_DIFF)


def corrected_sentence(transcript: str, corrections: Sequence[CorrectionView]) -> str:
    """The transcript with its corrections applied.

    Offsets are used when they still point at the original words; otherwise the
    first occurrence of the original text is replaced. Applied right to left so
    earlier offsets stay valid; overlapping fixes after the first are skipped.
    """
    spans: list[tuple[int, int, str]] = []
    for fix in corrections:
        start, end = fix.start, fix.end
        if start is None or end is None or transcript[start:end] != fix.original:
            found = transcript.find(fix.original) if fix.original else -1
            if found < 0:
                continue
            start, end = found, found + len(fix.original)
        if any(start < e and s < end for s, e, _ in spans):
            continue
        spans.append((start, end, fix.corrected))
    text = transcript
    for start, end, replacement in sorted(spans, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text
