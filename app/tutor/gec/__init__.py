"""Grammatical error correction by language-model scoring of candidate edits.

1. app/tutor/gec/candidates.py proposes small edits from general confusion
   sets over a spaCy parse; Harper's suggestions and the chat model's checked
   rewrite add theirs.
2. app/tutor/gec/lm.py scores each with the chat model: the gain in the
   sentence's log-probability when the edit is made.
3. An edit is kept only when its gain clears its family's threshold
   (app/tutor/gec/thresholds.py, tuned on JFLEG dev, the learner dev set and
   the tuning half of the do-no-harm corpus: see tests/data/corrections/README.md). Kept edits
   that do not overlap are applied together, best first, and the sentence is
   read again once, so that a second error next to the first can be fixed.

The evaluation and the threshold tuning are developer tools, in
app/devtools/gec.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.tutor.gec.candidates import Candidate, candidates, parser
from app.tutor.gec.thresholds import THRESHOLDS

ROUNDS = 2
RULE_FAMILIES = {"harper", "curated"}
CORROBORATED = 1.0  # nats: see LMCorrector.threshold


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    gain: float  # nats: log P(with the edit) - log P(without)


def as_written(text: str) -> str:
    """The text as the model read most text: a capital first and a full stop
    at the end. Scoring only; Whisper's or the learner's own text is kept.
    (On the learner dev set, the corrected sentence gained over the
    erroneous one in 56 of 56 cases this way, 54 of 56 read as spoken.)"""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


class LMCorrector:
    """Edits a sentence where the language model is sure; each kept edit with its gain."""

    def __init__(self, scorer, thresholds: dict[str, float] | None = None,
                 rounds: int = ROUNDS) -> None:
        self.scorer = scorer
        self.thresholds = dict(THRESHOLDS if thresholds is None else thresholds)
        self.rounds = rounds

    def score(self, sentence: str, extra: Sequence[Candidate] = ()) -> list[Scored]:
        """Every candidate with its gain (for tuning and for the checks)."""
        found = candidates(sentence) + [c for c in extra if c.apply(sentence) != sentence]
        found = [c for c in found if c.family in self.thresholds]
        gains = self.scorer.gains(as_written(sentence),
                                  [as_written(c.apply(sentence)) for c in found])
        return [Scored(c, g) for c, g in zip(found, gains)]

    def correct(self, sentence: str, extra: Sequence[Candidate] = ()) -> tuple[str, list[Scored]]:
        kept: list[Scored] = []
        text = sentence
        for round_ in range(self.rounds):
            scored = self.score(text, extra if round_ == 0 else ())
            chosen = self.choose(scored, text)
            if not chosen:
                break
            # Apply from the end, so that earlier spans stay valid.
            for s in sorted(chosen, key=lambda s: s.candidate.start, reverse=True):
                text = s.candidate.apply(text)
            kept += chosen
        return text, kept

    def threshold(self, s: Scored, sources: dict[str, set[str]], sentence: str) -> float:
        """The candidate family's threshold, or CORROBORATED when a rule (Harper
        or a curated one) and a confusion set propose the very same sentence:
        two independent sources agreeing is evidence the small model lacks
        ("she don't" -> "she doesn't" gains only 1.5 nats: it saw "she don't"
        often enough in web text)."""
        own = self.thresholds[s.candidate.family]
        families = sources.get(s.candidate.apply(sentence), set())
        if families & RULE_FAMILIES and families - RULE_FAMILIES:
            return min(own, CORROBORATED)
        return own

    def choose(self, scored: Sequence[Scored], sentence: str = "") -> list[Scored]:
        """The edits that clear their thresholds, best first, none overlapping."""
        sources: dict[str, set[str]] = {}
        for s in scored:
            sources.setdefault(s.candidate.apply(sentence), set()).add(s.candidate.family)
        limit = {id(s): self.threshold(s, sources, sentence) for s in scored}
        passing = sorted((s for s in scored if s.gain > limit[id(s)]),
                         key=lambda s: s.gain - limit[id(s)], reverse=True)
        chosen: list[Scored] = []
        for s in passing:
            c = s.candidate
            if all(c.end < o.candidate.start - 1 or c.start > o.candidate.end + 1
                   for o in chosen):
                chosen.append(s)
        return chosen


__all__ = ["Candidate", "LMCorrector", "Scored", "candidates", "parser"]
