"""Scores of one correction system on one evaluation set, as a JSON line.

    python -m app.tutor.gec.report --system lm --set learner-test

Sets: ``learner-dev``/``learner-test`` (Parley's own learner sentences, spoken
style), ``jfleg-dev`` (JFLEG dev, typed essays: GLEU), ``harm-dev``/``harm-test``
(the do-no-harm corpus halves: share changed). Systems: ``source`` (leave
sentences alone), ``rules`` (the curated rules and Harper applied directly,
without a language model), ``lm`` (the corrector:
candidates checked by the language model), ``lm-rewrite`` (the same, with the
chat model's rewrite as a further source of candidates). Tuning used
learner-dev, jfleg-dev and harm-dev; learner-test and harm-test were not
looked at while tuning.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from app.tutor.gec.tune import do_no_harm, jfleg, learner

SETS = ("learner-dev", "learner-test", "jfleg-dev", "harm-dev", "harm-test")
SYSTEMS = ("source", "rules", "lm", "lm-rewrite")


def load_set(name: str) -> list[tuple[str, list[str]]]:
    if name.startswith("learner-"):
        return learner(name.split("-", 1)[1])
    if name == "jfleg-dev":
        return jfleg("dev")
    if name.startswith("harm-"):
        return [(s, [s]) for s in do_no_harm(name.split("-", 1)[1])]
    raise ValueError(f"unknown set {name!r}: one of {', '.join(SETS)}")


def make_system(name: str, typed: bool):
    """A function sentence -> corrected sentence, and the scorer (or None)."""
    from app.tutor.grammar import GrammarChecker

    grammar = GrammarChecker()
    if name == "source":
        return (lambda s: s), None
    if name == "rules":
        return (lambda s: grammar.check(s)[0]), None
    from app.embedded import smollm2_gguf
    from app.tutor.chat import LlamaChatModel
    from app.tutor.corrections import Corrector

    model = LlamaChatModel(smollm2_gguf().path, threads=2)
    model.load()
    corrector = Corrector(grammar, model, typed=typed, rewrite=name == "lm-rewrite")
    return (lambda s: corrector.correct(s).corrected), corrector.scorer


def evaluate(system: str, set_name: str, limit: int = 0) -> dict:
    items = load_set(set_name)[: limit or None]
    typed = set_name == "jfleg-dev"
    correct, scorer = make_system(system, typed)
    started = time.monotonic()
    hyps = [correct(source) for source, _ in items]
    seconds = (time.monotonic() - started) / max(1, len(items))
    row = {"system": system, "set": set_name, "sentences": len(items),
           "seconds_per_sentence": round(seconds, 3)}
    if scorer is not None:
        row["scoring_tokens_per_s"] = round(scorer.stats.tokens_per_s, 1)
    row.update(score_outputs(set_name, items, hyps))
    return row


def score_outputs(set_name: str, items: list[tuple[str, list[str]]], hyps: list[str]) -> dict:
    row: dict = {}
    sources = [s for s, _ in items]
    refs = [r for _, r in items]
    if set_name.startswith("harm-"):
        changed = [s for s, h in zip(sources, hyps) if h != s]
        row.update(changed=len(changed), changed_share=round(len(changed) / len(items), 4),
                   examples=[[s, h] for s, h in zip(sources, hyps) if h != s][:50])
        return row
    if set_name == "jfleg-dev":
        from app.tutor.gec.gleu import gleu

        row["gleu"] = round(100 * gleu(sources, hyps, refs), 2)
    from app.tutor.gec import errant_eval
    from app.tutor.metrics import Scores

    spoken = set_name.startswith("learner-")
    by_type = errant_eval.score(sources, hyps, refs, tokenise=spoken, spoken=spoken)
    tp, fp, fn = by_type.total()
    from app.tutor.metrics import f_beta

    row.update(errant={"tp": tp, "fp": fp, "fn": fn,
                       "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                       "recall": round(tp / (tp + fn), 3) if tp + fn else None,
                       "f0.5": round(f_beta(tp, fp, fn), 3)},
               errant_by_type=by_type.table())
    if spoken:
        scores = Scores()
        for (source, references), hyp in zip(items, hyps):
            kind = "correct" if references == [source] else "other"
            scores.add(source, hyp, references, kind)
        row["word_level"] = scores.row()
        wrong = [s for (s, r), h in zip(items, hyps) if r != [s]]
        fixed = sum(h.lower() in [x.lower() for x in r] for (s, r), h in zip(items, hyps)
                    if r != [s])
        row["sentences_fixed"] = f"{fixed}/{len(wrong)}"
    row["outputs"] = [[s, h] for s, h in zip(sources, hyps)]
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.tutor.gec.report")
    parser.add_argument("--system", choices=SYSTEMS, required=True)
    parser.add_argument("--set", dest="set_name", choices=SETS, required=True)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    json.dump(evaluate(args.system, args.set_name, args.limit), sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
