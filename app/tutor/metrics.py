"""Edit-level scores for corrections, as in grammatical error correction (GEC).

An edit is a change of a span of the source's words, (start, end, new words),
extracted from (source, sentence) by a word diff that ignores case and
punctuation (Whisper decides those, so they are never the learner's error).
A hypothesis is scored against each acceptable reference of a sentence and
the reference that gives the best running F0.5 is kept, as ERRANT and the
M2 scorer do. F0.5 weighs precision twice as much as recall: a wrong
correction teaches a mistake, a missed one only costs a chance.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.tutor.edits import KINDS, words

SpanEdit = tuple[int, int, str]  # source word span [start, end) -> replacement words


@dataclass(frozen=True)
class EvalItem:
    id: str
    kind: str  # one of KINDS, or "correct" for a sentence that must stay unchanged
    source: str
    references: tuple[str, ...]

    @property
    def is_correct(self) -> bool:
        return self.kind == "correct"


def load_eval(path: Path) -> list[EvalItem]:
    """The JSON Lines evaluation set (format: tests/data/corrections/README.md)."""
    items = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        data = json.loads(line)
        item = EvalItem(str(data["id"]), data["kind"], data["source"],
                        tuple(data["references"]))
        if item.kind not in KINDS and item.kind != "correct":
            raise ValueError(f"line {number}: unknown kind {item.kind!r}")
        if not item.references:
            raise ValueError(f"line {number}: no reference")
        items.append(item)
    return items


def extract_edits(source: str, target: str) -> set[SpanEdit]:
    left, right = words(source), words(target)
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    return {(i1, i2, " ".join(right[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"}


def f_beta(tp: int, fp: int, fn: int, beta: float = 0.5) -> float:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    if precision + recall == 0:
        return 0.0
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall)


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct_total: int = 0
    correct_changed: int = 0
    per_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [fixed, total]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f05(self) -> float:
        return f_beta(self.tp, self.fp, self.fn)

    @property
    def false_change_rate(self) -> float:
        return self.correct_changed / self.correct_total if self.correct_total else 0.0

    def add(self, source: str, hypothesis: str, references: Sequence[str],
            kind: str = "") -> tuple[int, int, int]:
        """Score one sentence against its best-matching reference; returns (tp, fp, fn)."""
        hyp = extract_edits(source, hypothesis)
        best = None
        for reference in references:
            ref = extract_edits(source, reference)
            counts = (len(hyp & ref), len(hyp - ref), len(ref - hyp))
            key = (f_beta(self.tp + counts[0], self.fp + counts[1], self.fn + counts[2]),
                   counts[0], -counts[1] - counts[2])
            if best is None or key > best[0]:
                best = (key, counts)
        tp, fp, fn = best[1]
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn
        if kind == "correct":
            self.correct_total += 1
            self.correct_changed += bool(hyp)
        elif kind:
            fixed_total = self.per_kind.setdefault(kind, [0, 0])
            fixed_total[0] += fn == 0 and fp == 0
            fixed_total[1] += 1
        return tp, fp, fn

    def row(self) -> dict[str, float]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f0.5": round(self.f05, 3), "false_change_rate": round(self.false_change_rate, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "correct_changed": self.correct_changed, "correct_total": self.correct_total}


def score(items: Iterable[EvalItem], hypotheses: Iterable[str]) -> Scores:
    scores = Scores()
    for item, hypothesis in zip(items, hypotheses, strict=True):
        scores.add(item.source, hypothesis, item.references, item.kind)
    return scores
