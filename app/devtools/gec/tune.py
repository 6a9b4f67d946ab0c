"""Tuning the acceptance thresholds: ``python -m app.devtools.gec.tune collect|choose``.

``collect`` scores every candidate of every sentence of the tuning sets once
(JFLEG dev, the learner dev set, the "dev" half of the do-no-harm corpus)
and writes one JSON line per candidate: its family, its gain, and whether it
is one of a reference's edits. ``choose`` picks, per family, the lowest gain
threshold at which that family's edits are right often enough, and writes
the table for app/tutor/gec/thresholds.py. The test halves are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from app.embedded import smollm2_gguf
from app.models_catalog import resolve
from app.tutor.grammar import GrammarChecker
from app.tutor.metrics import extract_edits

FLOOR = 2.0  # nats
DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "corrections"
FAMILIES = ("verb-agreement", "verb-tense", "noun-number", "article", "article-delete", "article-insert",
            "preposition", "preposition-delete", "preposition-insert", "to-insert",
            "be-insert", "do-insert", "inversion", "adverb-move", "pronoun-delete", "degree",
            "harper", "spelling", "curated", "llm")


def jfleg(split: str = "dev") -> list[tuple[str, list[str]]]:
    if split != "dev":
        raise ValueError("only JFLEG dev is kept here: the test split is for judging")
    folder = DATA / "jfleg_dev"
    sources = (folder / "dev.src").read_text(encoding="utf-8").splitlines()
    refs = [(folder / f"dev.ref{i}").read_text(encoding="utf-8").splitlines() for i in range(4)]
    return [(s.strip(), [r[i].strip() for r in refs]) for i, s in enumerate(sources)]


def learner(split: str) -> list[tuple[str, list[str]]]:
    rows = [json.loads(line) for line in (DATA / f"learner_{split}.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    return [(r["source"], r["references"]) for r in rows]


def do_no_harm(split: str | None = None) -> list[str]:
    lines = (DATA / "do_no_harm.tsv").read_text(encoding="utf-8").splitlines()[1:]
    rows = [line.split("\t") for line in lines if line.strip()]
    return [sentence for part, _, sentence in rows if split is None or part == split]


def load_rewriter(spec: str | None, threads: int):
    """The chat model that writes the rewrite when it is not the scorer (a
    catalog id such as qwen2.5-coder-0.5b, or a GGUF path), loaded; None for none."""
    if spec is None:
        return None
    from app.tutor.chat import LlamaChatModel  # lazy: loads numpy

    writer = LlamaChatModel(resolve(spec), threads=threads)
    writer.load()
    return writer


def collect(out: Path, limit: int = 0, harm_limit: int = 0, jfleg_limit: int = 0,
            only: str = "", rewriter: str | None = None) -> None:
    from app.tutor.chat import LlamaChatModel  # lazy: loads numpy
    from app.tutor.corrections import Corrector  # lazy: loads numpy
    model = LlamaChatModel(smollm2_gguf().path, threads=2)
    model.load()
    writer = load_rewriter(rewriter, threads=2)  # its edits too (family "llm"), if given
    corrector = Corrector(GrammarChecker(), model, typed=True, rewrite=writer is not None,
                          thresholds={f: 0.0 for f in FAMILIES}, rewriter=writer)
    sets = [("learner", learner("dev")),
            ("harm", [(s, [s]) for s in do_no_harm("dev")][:harm_limit or None]),
            ("jfleg", jfleg()[:jfleg_limit or None])]
    sets = [(name, items) for name, items in sets if not only or name in only.split(",")]
    started = time.monotonic()
    with out.open("w", encoding="utf-8") as handle:
        for name, items in sets:
            for n, (source, refs) in enumerate(items[:limit] if limit else items):
                gold = [extract_edits(source, r) for r in refs]
                extra = corrector.harper_candidates(source)
                if writer is not None:
                    extra += corrector.rewrite_candidates(source)[0]
                for s in corrector.lm.score(source, extra):
                    after = s.candidate.apply(source)
                    edits = extract_edits(source, after)
                    good = any(edits and edits <= g for g in gold)
                    handle.write(json.dumps({"set": name, "n": n, "family": s.candidate.family,
                                             "gain": round(s.gain, 3), "good": good,
                                             "after": after}) + "\n")
                handle.flush()
                if n % 25 == 0:
                    print(name, n, round(time.monotonic() - started), "s",
                          round(corrector.scorer.stats.tokens_per_s), "tok/s",
                          file=sys.stderr, flush=True)


def choose(paths: list[Path], precision: float, harm_budget: int) -> dict[str, float]:
    rows = [json.loads(line) for path in paths
            for line in path.read_text(encoding="utf-8").splitlines()]
    thresholds = {}
    for family in FAMILIES:
        mine = sorted((r for r in rows if r["family"] == family), key=lambda r: -r["gain"])
        best, tp, fp, harm = 99.0, 0, 0, 0
        for r in mine:
            tp += r["good"] and r["set"] != "harm"
            fp += not r["good"]
            harm += r["set"] == "harm"
            if tp and tp / (tp + fp) >= precision and harm <= harm_budget:
                best = r["gain"] - 1e-3
        # A floor: a family never fires on a gain too small to tell from noise.
        thresholds[family] = round(max(best, FLOOR), 2)
    return thresholds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.devtools.gec.tune")
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect")
    c.add_argument("out", type=Path)
    c.add_argument("--limit", type=int, default=0)
    c.add_argument("--harm-limit", type=int, default=0)
    c.add_argument("--jfleg-limit", type=int, default=0)
    c.add_argument("--only", default="", help="comma-separated: learner,harm,jfleg")
    c.add_argument("--rewriter", metavar="GGUF",
                   help="also score the rewrite's edits, written by this model (catalog id or path)")
    h = sub.add_parser("choose")
    h.add_argument("rows", type=Path, nargs="+")
    h.add_argument("--precision", type=float, default=0.7)
    h.add_argument("--harm-budget", type=int, default=0)
    args = parser.parse_args(argv)
    if args.command == "collect":
        collect(args.out, args.limit, args.harm_limit, args.jfleg_limit, args.only,
                args.rewriter)
        return 0
    for family, value in choose(args.rows, args.precision, args.harm_budget).items():
        print(f'    "{family}": {value},')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
