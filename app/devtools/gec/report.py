"""Scores of one correction system on one evaluation set, as a JSON line.

    python -m app.devtools.gec.report --system lm --set learner-test

Sets: ``learner-dev``/``learner-test`` (Parley's own learner sentences, spoken
style), ``jfleg-dev`` (JFLEG dev, typed essays: GLEU), ``harm-dev``/``harm-test``
(the do-no-harm corpus halves: share changed). Systems: ``source`` (leave
sentences alone), ``rules`` (the curated rules and Harper applied directly,
without a language model), ``lm`` (the corrector:
candidates checked by the language model), ``lm-rewrite`` (the same, with the
chat model's rewrite as a further source of candidates). Tuning used
learner-dev, jfleg-dev and harm-dev; learner-test and harm-test were not
looked at while tuning.

Long runs (JFLEG dev: 754 essay sentences) write each output as it is made
with ``--outputs FILE`` and resume from it, so a stopped run loses nothing;
``--shard K/N`` takes every N-th sentence from the K-th (run N processes with
``--threads 1`` on N cores), and ``--score FILE...`` scores the merged outputs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from app.devtools.gec import errant_eval
from app.devtools.gec.gleu import gleu
from app.devtools.gec.tune import do_no_harm, jfleg, learner, load_rewriter
from app.embedded import smollm2_gguf
from app.tutor.gec.thresholds import THRESHOLDS
from app.tutor.grammar import GrammarChecker
from app.tutor.metrics import Scores, f_beta

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


def make_system(name: str, typed: bool, threads: int = 2, rewriter: str | None = None,
                thresholds: dict[str, float] | None = None):
    """A function sentence -> corrected sentence, and the scorer (or None)."""
    grammar = GrammarChecker()
    if name == "source":
        return (lambda s: (s, [])), None
    if name == "rules":
        return (lambda s: (grammar.check(s)[0], [])), None
    from app.tutor.chat import LlamaChatModel  # lazy: loads numpy
    from app.tutor.corrections import Corrector  # lazy: loads numpy

    model = LlamaChatModel(smollm2_gguf().path, threads=threads)
    model.load()
    writer = load_rewriter(rewriter, threads)  # a larger model writes; SmolLM2 still scores

    corrector = Corrector(grammar, model, typed=typed, rewrite=name == "lm-rewrite",
                          rewriter=writer, thresholds={**THRESHOLDS, **(thresholds or {})})

    def correct(sentence: str) -> tuple[str, list[str]]:
        result = corrector.correct(sentence)
        return result.corrected, [edit.source for edit in result.edits]

    return correct, corrector.scorer


def evaluate(system: str, set_name: str, limit: int = 0, threads: int = 2,
             outputs: Path | None = None, shard: tuple[int, int] = (0, 1),
             rewriter: str | None = None, thresholds: dict[str, float] | None = None) -> dict:
    items = load_set(set_name)[: limit or None]
    typed = set_name == "jfleg-dev"
    done = read_outputs([outputs]) if outputs is not None and outputs.exists() else {}
    todo = [i for i in range(len(items)) if i % shard[1] == shard[0] and i not in done]
    kept_by: dict[int, list[str]] = {}  # which part of the corrector made each kept edit
    correct, scorer = make_system(system, typed, threads, rewriter, thresholds) if todo else (None, None)
    started = time.monotonic()
    sink = outputs.open("a", encoding="utf-8") if outputs is not None else None
    last_note = started
    try:
        for n, i in enumerate(todo, 1):
            done[i], kept_by[i] = correct(items[i][0])
            if sink is not None:
                # One flushed line per sentence: a killed run resumes where it stopped.
                sink.write(json.dumps({"i": i, "source": items[i][0], "hyp": done[i],
                                       "edits_by": kept_by[i]}) + "\n")
                sink.flush()
            if time.monotonic() - last_note >= 60:  # a long run says how far it is
                last_note = time.monotonic()
                print(f"{n}/{len(todo)} sentences, "
                      f"{(time.monotonic() - started) / n:.2f} s each", file=sys.stderr)
    finally:
        if sink is not None:
            sink.close()
    mine = [i for i in range(len(items)) if i % shard[1] == shard[0]]
    row = {"system": system, "set": set_name, "sentences": len(mine)}
    if rewriter is not None:
        row["rewriter"] = rewriter
    if thresholds:
        row["thresholds"] = thresholds
    if todo:
        row["seconds_per_sentence"] = round((time.monotonic() - started) / len(todo), 3)
    if scorer is not None:
        row["scoring_tokens_per_s"] = round(scorer.stats.tokens_per_s, 1)
    if kept_by:  # "rules": Harper and the curated rules; "lm": generated; "llm": the rewrite
        row["kept_edits_by"] = dict(Counter(x for edits in kept_by.values() for x in edits))
    if shard[1] > 1:
        row["shard"] = f"{shard[0]}/{shard[1]}"
        return row  # scored once every shard is in: --score FILE...
    row.update(score_outputs(set_name, items, [done[i] for i in range(len(items))]))
    return row


def read_outputs(paths: list[Path]) -> dict[int, str]:
    """Index -> corrected sentence, from the ``--outputs`` files of a run."""
    done: dict[int, str] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                done[record["i"]] = record["hyp"]
    return done


def score_files(set_name: str, paths: list[Path], limit: int = 0) -> dict:
    items = load_set(set_name)[: limit or None]
    done = read_outputs(paths)
    missing = [i for i in range(len(items)) if i not in done]
    if missing:
        raise ValueError(f"{len(missing)} of {len(items)} sentences have no output yet "
                         f"(first: {missing[0]})")
    row = {"set": set_name, "sentences": len(items)}
    row.update(score_outputs(set_name, items, [done[i] for i in range(len(items))]))
    return row


def jfleg_tokens(text: str) -> str:
    """JFLEG's sources and references are tokenised ("do n't", "it 's"); the
    corrector writes the contractions of the words it rewrites whole
    ("don't"). Scored as written, each costs a match against every reference,
    so a changed sentence is put back into JFLEG's tokens first."""
    text = re.sub(r"\b(\w+)n't\b", r"\1 n't", text)
    return re.sub(r"(\w)'(s|re|ll|ve|m|d)\b", r"\1 '\2", text)


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
        hyps = [jfleg_tokens(h) if h != s else h for s, h in zip(sources, hyps)]
        row["gleu"] = round(100 * gleu(sources, hyps, refs), 2)
    spoken = set_name.startswith("learner-")
    by_type = errant_eval.score(sources, hyps, refs, tokenise=spoken, spoken=spoken)
    tp, fp, fn = by_type.total()
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


def parse_shard(text: str) -> tuple[int, int]:
    k, _, n = text.partition("/")
    try:
        shard = int(k), int(n)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected K/N, for example 0/2") from None
    if not 0 <= shard[0] < shard[1]:
        raise argparse.ArgumentTypeError(f"{text!r}: K must be in 0..N-1")
    return shard


def parse_thresholds(pairs: list[str]) -> dict[str, float]:
    out = {}
    for pair in pairs:
        family, _, value = pair.partition("=")
        if family not in THRESHOLDS:
            raise ValueError(f"unknown family {family!r}: one of {', '.join(THRESHOLDS)}")
        out[family] = float(value)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.devtools.gec.report")
    parser.add_argument("--system", choices=SYSTEMS)
    parser.add_argument("--set", dest="set_name", choices=SETS, required=True)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2, help="llama.cpp threads")
    parser.add_argument("--outputs", type=Path, help="write each output here; resume from it")
    parser.add_argument("--shard", type=parse_shard, default=(0, 1), metavar="K/N")
    parser.add_argument("--rewriter", metavar="GGUF",
                        help="lm-rewrite: the model that writes the rewrite (a catalog id "
                             "such as qwen2.5-coder-0.5b, or a path); SmolLM2 still scores")
    parser.add_argument("--threshold", action="append", default=[], metavar="FAMILY=NATS",
                        help="override one family's threshold (app/tutor/gec/thresholds.py)")
    parser.add_argument("--score", type=Path, nargs="+", metavar="FILE",
                        help="score the outputs in these files instead of correcting")
    args = parser.parse_args(argv)
    try:
        thresholds = parse_thresholds(args.threshold)
        if args.score:
            row = score_files(args.set_name, args.score, args.limit)
        elif args.system is None:
            parser.error("--system is required unless --score is given")
        else:
            row = evaluate(args.system, args.set_name, args.limit, args.threads,
                           args.outputs, args.shard, args.rewriter, thresholds)
    except (ValueError, OSError, json.JSONDecodeError, KeyError) as error:
        print(f"report: {error}", file=sys.stderr)
        return 2
    json.dump(row, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
