"""Edit-level P/R/F0.5 per error type with ERRANT (Bryant et al. 2017), the
field's tool for extracting and classifying edits.

Each hypothesis is compared with each of its references and the reference
giving the best running F0.5 is kept, as errant_compare does; counts are kept
per ERRANT error type (R:VERB:SVA, M:DET, ...). Case and punctuation edits
are left out for spoken input (Whisper decides those, not the learner).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.tutor.gec.candidates import parser
from app.tutor.metrics import f_beta

_ANNOTATOR = None


def annotator():
    global _ANNOTATOR
    if _ANNOTATOR is None:
        import errant  # lazy: loads errant

        _ANNOTATOR = errant.load("en", parser())
    return _ANNOTATOR


@dataclass
class TypeScores:
    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))

    def add(self, kind: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        row = self.counts[kind]
        row[0] += tp
        row[1] += fp
        row[2] += fn

    def total(self) -> tuple[int, int, int]:
        return tuple(sum(row[i] for row in self.counts.values()) for i in range(3))

    def table(self) -> list[dict]:
        rows = []
        for kind, (tp, fp, fn) in sorted(self.counts.items(), key=lambda kv: -sum(kv[1])):
            rows.append({"type": kind, "tp": tp, "fp": fp, "fn": fn,
                         "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                         "recall": round(tp / (tp + fn), 3) if tp + fn else None,
                         "f0.5": round(f_beta(tp, fp, fn), 3)})
        return rows


def _edits(source_doc, target: str, tokenise: bool, spoken: bool) -> set[tuple]:
    a = annotator()
    target_doc = a.parse(target, tokenise=tokenise)
    found = set()
    for e in a.annotate(source_doc, target_doc):
        if spoken and (e.type in ("R:ORTH", "R:PUNCT", "M:PUNCT", "U:PUNCT")):
            continue
        found.add((e.o_start, e.o_end, e.c_str.lower() if spoken else e.c_str, e.type))
    return found


def score(sources: Sequence[str], hypotheses: Sequence[str],
          references: Sequence[Sequence[str]], tokenise: bool = True,
          spoken: bool = False) -> TypeScores:
    a = annotator()
    scores = TypeScores()
    tp_all = fp_all = fn_all = 0
    for source, hypothesis, refs in zip(sources, hypotheses, references, strict=True):
        if spoken:  # case is Whisper's: compare lower-cased text
            source, hypothesis, refs = source.lower(), hypothesis.lower(), [r.lower() for r in refs]
        source_doc = a.parse(source, tokenise=tokenise)
        hyp = _edits(source_doc, hypothesis, tokenise, spoken)
        best = None
        for ref in refs:
            gold = _edits(source_doc, ref, tokenise, spoken)
            key_hyp = {e[:3] for e in hyp}
            key_gold = {e[:3] for e in gold}
            tp, fp, fn = (len(key_hyp & key_gold), len(key_hyp - key_gold),
                          len(key_gold - key_hyp))
            rank = (f_beta(tp_all + tp, fp_all + fp, fn_all + fn), tp, -fp - fn)
            if best is None or rank > best[0]:
                best = (rank, gold, (tp, fp, fn))
        _, gold, (tp, fp, fn) = best
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        gold_keys = {e[:3]: e[3] for e in gold}
        hyp_keys = {e[:3]: e[3] for e in hyp}
        for key, kind in hyp_keys.items():
            scores.add(kind, tp=int(key in gold_keys), fp=int(key not in gold_keys))
        for key, kind in gold_keys.items():
            if key not in hyp_keys:
                scores.add(kind, fn=1)
    return scores
