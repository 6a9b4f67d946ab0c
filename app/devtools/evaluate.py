"""The quality checks as commands: ``eval-corrections`` and ``eval-conversation``
(wired into the command line by :mod:`app.devtools.commands`).

Both load models themselves, so they also run as ``python -m app.devtools.evaluate``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from app.config import Settings
from app.embedded import smollm2_gguf
from app.errors import ParleyError
from app.tutor import replies
from app.tutor.grammar import GrammarChecker
from app.tutor.metrics import EvalItem, Scores, load_eval
from app.tutor.scenarios import built_in_scenarios, get_scenario

def add_eval_corrections_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval-corrections", help="precision, recall and F0.5 of the corrections on an eval set")
    # Required: the eval sets are test data in the repository, not part of an
    # installed Parley, so there is no default that works everywhere.
    parser.add_argument("file", type=Path,
                        help="JSON Lines eval set, e.g. the development set "
                             "tests/data/corrections/eval.jsonl (see its README.md)")
    parser.add_argument("--llm", action="append", default=[], metavar="GGUF",
                        help="also score this GGUF chat model (repeatable)")
    parser.add_argument("--no-default", action="store_true",
                        help="skip the embedded default model (rules-only row still shown)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def add_eval_conversation_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval-conversation", help="share of tutor replies that keep every rule, per scenario")
    parser.add_argument("--scenario", help="one scenario id (default: every built-in pack)")
    parser.add_argument("--turns", type=int, default=10, help="scripted learner turns per pack")
    parser.add_argument("--level", default="B1")
    parser.add_argument("--llm", metavar="GGUF", help="a GGUF chat model (default: embedded)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _models(paths: list[str], include_default: bool) -> list[tuple[str, object]]:
    from app.tutor.chat import LlamaChatModel  # lazy: loads numpy

    threads = Settings.from_env().threads.llm
    chosen = ([str(smollm2_gguf().path)] if include_default else []) + list(paths)
    return [(Path(p).stem, LlamaChatModel(p, threads=threads)) for p in chosen]


def score_corrector(corrector, items: list[EvalItem]) -> tuple[Scores, float]:
    """Scores of one corrector on the items, and the mean seconds per sentence."""
    scores, started = Scores(), time.monotonic()
    for item in items:
        scores.add(item.source, corrector.correct(item.source).corrected, item.references,
                   item.kind)
    return scores, (time.monotonic() - started) / max(1, len(items))


def run_eval_corrections(args) -> int:
    from app.tutor.corrections import Corrector  # lazy: loads numpy
    if not args.file.is_file():
        raise ParleyError(f"no eval set at {args.file}",
                          "give a JSON Lines file, e.g. tests/data/corrections/eval.jsonl")
    items = load_eval(args.file)
    if args.limit:
        items = items[: args.limit]
    grammar = GrammarChecker()
    rows = []
    systems = [("rules only", None)] + _models(args.llm, not args.no_default)
    for name, model in systems:
        if model is not None:
            model.load()
        scores, seconds = score_corrector(Corrector(grammar, model), items)
        rows.append({"system": name, **scores.row(), "seconds_per_sentence": round(seconds, 3),
                     "per_kind": {k: f"{v[0]}/{v[1]}" for k, v in sorted(scores.per_kind.items())}})
    if args.json:
        json.dump({"file": str(args.file), "sentences": len(items), "rows": rows}, sys.stdout,
                  indent=2)
        print()
        return 0
    print(f"{args.file}: {len(items)} sentences, "
          f"{sum(i.is_correct for i in items)} of them correct")
    print(f"{'system':32} {'P':>6} {'R':>6} {'F0.5':>6} {'changed':>8} {'s/sent':>7}")
    for row in rows:
        print(f"{row['system'][:32]:32} {row['precision']:6.3f} {row['recall']:6.3f} "
              f"{row['f0.5']:6.3f} {row['false_change_rate']:8.1%} "
              f"{row['seconds_per_sentence']:7.2f}")
    return 0


def replay(conversation, script: list[str]) -> list[dict]:
    """Play a scripted dialogue; one record per tutor reply, with its rule check."""
    records = []
    for line in script:
        earlier = [replied for _, replied in conversation.history]
        text = "".join(conversation.reply(line))
        report = conversation.last_report
        # The rules judge what the reply is made of, as the history keeps it:
        # without the fixed acknowledgement a reply with no recast opens with.
        judged = conversation.history[-1][1] if conversation.history else text
        found = [] if report.source == "help" else replies.problems(
            judged, earlier, line, conversation.level)
        records.append({"learner": line, "reply": text, "source": report.source,
                        "first_attempt_ok": bool(report.attempts) and not report.attempts[0][1],
                        "problems": found, "attempts": len(report.attempts),
                        "tries": [[text, problems] for text, problems in report.attempts]})
    return records


def run_eval_conversation(args) -> int:
    from app.tutor.conversation import Conversation  # lazy: loads numpy
    # By default the built-in packs only: the learner's own packs (which may lack
    # a script) must not change the measured numbers.
    packs = [get_scenario(args.scenario)] if args.scenario else built_in_scenarios()
    (name, model), = _models([args.llm] if args.llm else [], not args.llm)
    model.load()
    results, started = {}, time.monotonic()
    for scenario in packs:
        talk = Conversation(model, level=args.level, scenario=scenario)
        results[scenario.id] = replay(talk, list(scenario.script[: args.turns]))
    every = [r for records in results.values() for r in records]
    summary = summarise(every)
    summary.update(model=name, seconds=round(time.monotonic() - started, 1))
    if args.json:
        json.dump({"summary": summary, "scenarios": results}, sys.stdout, indent=2)
        print()
        return 0
    for scenario_id, records in results.items():
        _print_row(scenario_id, summarise(records))
    _print_row(f"all ({name}, {summary['seconds']} s)", summary)
    return 0


def _print_row(label: str, s: dict) -> None:
    print(f"{label:24} keeps rules {s['compliant']:6.1%}  model-written and keeping rules "
          f"{s['model_compliant']:6.1%}  first try {s['first_try']:6.1%}  "
          f"fallback {s['fallback']:6.1%}  ({s['replies']} replies)")


def summarise(records: list[dict]) -> dict:
    """Shares of replies: spoken keeping every rule; model-written and right first
    time; replaced by a templated fallback (rule-keeping but not the model's)."""
    n = max(1, len(records))
    return {
        "replies": len(records),
        "compliant": sum(not r["problems"] for r in records) / n,
        "model_compliant": sum(not r["problems"] and r["source"] in ("model", "repaired")
                               for r in records) / n,
        "first_try": sum(r["first_attempt_ok"] for r in records) / n,
        "fallback": sum(r["source"] == "fallback" for r in records) / n,
        "help": sum(r["source"] == "help" for r in records) / n,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.devtools.evaluate")
    sub = parser.add_subparsers(dest="command", required=True)
    add_eval_corrections_parser(sub)
    add_eval_conversation_parser(sub)
    args = parser.parse_args(argv)
    run = run_eval_corrections if args.command == "eval-corrections" else run_eval_conversation
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
