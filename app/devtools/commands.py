"""The developer commands on the command line: ``bench``, ``bench-history``,
``eval-corrections``, ``eval-conversation``, ``eval-memory``, ``eval-acts``,
``eval-fluent``, ``eval-recasts``, ``eval-dialogue`` and ``eval-requests``.

Building the parser imports no model library and no SQLAlchemy: each tool is
imported only when its command runs.
"""

from __future__ import annotations

import argparse

from app.devtools import (eval_acts, eval_dialogue, eval_fluent, eval_memory, eval_recasts,
                          eval_requests, evaluate, sense)

COMMANDS = ("bench", "bench-history", "eval-corrections", "eval-conversation", "eval-sense",
            "eval-memory", "eval-acts", "eval-fluent", "eval-recasts", "eval-dialogue",
            "eval-requests")


def add_parsers(subparsers) -> None:
    from app.devtools import bench, evaluate  # lazy: loads numpy

    bench.add_parser(subparsers)
    add_bench_history_parser(subparsers)
    evaluate.add_eval_corrections_parser(subparsers)
    evaluate.add_eval_conversation_parser(subparsers)
    sense.add_parser(subparsers)
    eval_memory.add_parser(subparsers)
    eval_acts.add_parser(subparsers)
    eval_fluent.add_parser(subparsers)
    eval_recasts.add_parser(subparsers)
    eval_dialogue.add_parser(subparsers)
    eval_requests.add_parser(subparsers)


def add_bench_history_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "bench-history", help="time history and search on generated data (scratch folder)")
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--turns", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=7, help="runs per query (median shown)")
    parser.add_argument("--json", action="store_true")
    return parser


def run(args: argparse.Namespace) -> int:
    if args.command == "bench":
        from app.devtools import bench  # lazy: loads numpy

        return bench.run(args)
    if args.command == "bench-history":
        from app.devtools import bench_history  # lazy: loads SQLAlchemy

        return bench_history.run(args)
    if args.command == "eval-sense":
        return sense.run(args)
    if args.command == "eval-requests":
        return eval_requests.run(args)
    if args.command == "eval-memory":
        return eval_memory.run(args)
    if args.command == "eval-acts":
        return eval_acts.run(args)
    if args.command == "eval-fluent":
        return eval_fluent.run(args)
    if args.command == "eval-recasts":
        return eval_recasts.run(args)
    if args.command == "eval-dialogue":
        return eval_dialogue.run(args)
    if args.command == "eval-corrections":
        return evaluate.run_eval_corrections(args)
    return evaluate.run_eval_conversation(args)
