"""Fluency of one turn from Whisper's word timings.

Whisper normally drops disfluencies; a turn transcribed with
:data:`app.speech.verbatim.VERBATIM_PROMPT` keeps them, so fillers can be counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.review.text import normalise_words

PAUSE_S = 1.0
FILLERS = frozenset({"um", "umm", "uh", "uhm", "er", "erm", "ah", "hmm", "mm", "eh"})
# Two-word fillers; "like" alone counts only when set off by commas ("it was,
# like, big"), because "I like tea" is not a filler.
FILLER_PHRASES = (("you", "know"), ("i", "mean"))


@dataclass(frozen=True)
class Fluency:
    words: int
    speaking_s: float  # first word's start to last word's end
    wpm: float  # words per minute over speaking_s (fillers excluded)
    pauses: int  # gaps between words longer than PAUSE_S
    longest_pause_s: float
    fillers: int
    filler_words: tuple[str, ...]


def count_fillers(raw_words: Sequence[str]) -> list[str]:
    """The fillers in ``raw_words`` (words as Whisper wrote them, punctuation kept)."""
    found: list[str] = []
    plain = [(normalise_words(w) or [""])[0] for w in raw_words]
    i = 0
    while i < len(plain):
        word = plain[i]
        pair = tuple(plain[i : i + 2])
        if word in FILLERS:
            found.append(word)
        elif pair in FILLER_PHRASES:
            found.append(" ".join(pair))
            i += 1
        elif word == "like":
            before = raw_words[i - 1].rstrip() if i else ""
            if raw_words[i].rstrip().endswith(",") or before.endswith(","):
                found.append(word)
        i += 1
    return found


def fluency(words: Sequence[Mapping[str, Any]], pause_s: float = PAUSE_S) -> Fluency:
    """Fluency numbers for a turn's ``words`` (dicts with text, start, end)."""
    timed = [w for w in words if str(w.get("text", "")).strip()]
    if not timed:
        return Fluency(0, 0.0, 0.0, 0, 0.0, 0, ())
    raw = [str(w["text"]).strip() for w in timed]
    fillers = count_fillers(raw)
    filler_tokens = sum(len(f.split()) for f in fillers)
    gaps = [
        float(b["start"]) - float(a["end"]) for a, b in zip(timed, timed[1:], strict=False)
    ]
    long_gaps = [g for g in gaps if g > pause_s]
    span = max(0.0, float(timed[-1]["end"]) - float(timed[0]["start"]))
    content = max(0, len(timed) - filler_tokens)
    wpm = content / span * 60.0 if span > 0 else 0.0
    return Fluency(
        words=len(timed),
        speaking_s=round(span, 3),
        wpm=round(wpm, 1),
        pauses=len(long_gaps),
        longest_pause_s=round(max(gaps, default=0.0), 3),
        fillers=len(fillers),
        filler_words=tuple(fillers),
    )
