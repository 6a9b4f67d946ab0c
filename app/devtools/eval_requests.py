"""``python -m app eval-requests [FILE]``: how well spoken requests are
recognised (app/tutor/requests.py) on an annotated set
(tests/data/requests/; see its README).

Per function: precision (of the lines given that function, how many asked
for it), recall (of the lines that asked for it, how many got it) and
argument accuracy (of those, how many got the right arguments). Over all:
the share of request lines given the right function, the share of those
with the right arguments, and the share of ordinary lines that triggered
any function. The chat model is the app's (embedded SmolLM2 unless --llm or
--llm-url say otherwise), asked only where the rules send a line to it;
``--no-model`` leaves it out.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from app.cli_support import add_server_options, settings_from
from app.errors import ParleyError

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "requests"


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval-requests", help="precision and recall of spoken requests on annotated lines")
    parser.add_argument("file", type=Path, nargs="?", default=DATA / "test.jsonl",
                        help="JSON Lines (default tests/data/requests/test.jsonl; "
                             "tune on tests/data/requests/dev.jsonl)")
    parser.add_argument("--llm", metavar="GGUF", help="a GGUF chat model (default: embedded)")
    add_server_options(parser)
    parser.add_argument("--no-model", action="store_true",
                        help="the rules alone: never ask the chat model")
    parser.add_argument("--show", action="store_true", help="print each wrong line")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def same_arguments(got: dict, expected: dict) -> bool:
    """Arguments match when each says the same words (case, punctuation and a
    leading "that" aside)."""
    def norm(value):
        if isinstance(value, str):
            text = re.sub(r"[^\w\s']", " ", value.lower())
            return " ".join(re.sub(r"^\s*that\s+", "", text).split())
        return value
    return {k: norm(v) for k, v in got.items()} == {k: norm(v) for k, v in expected.items()}


def score(rows: list[dict], recognise) -> dict:
    predicted, expected, right, args_right = Counter(), Counter(), Counter(), Counter()
    ordinary = triggered = 0
    wrong, times = [], []
    for row in rows:
        started = time.perf_counter()
        call = recognise(row["text"])
        times.append((time.perf_counter() - started) * 1000)
        gold = row.get("call")
        if call is not None:
            predicted[call.name] += 1
        if gold is None:
            ordinary += 1
            if call is not None:
                triggered += 1
                wrong.append((row["text"], None, call.as_json()))
            continue
        expected[gold["name"]] += 1
        if call is not None and call.name == gold["name"]:
            right[call.name] += 1
            if same_arguments(call.arguments, gold.get("arguments", {})):
                args_right[call.name] += 1
                continue
        wrong.append((row["text"], gold, call.as_json() if call else None))
    functions = {}
    for name in sorted(set(expected) | set(predicted)):
        functions[name] = {
            "lines": expected[name],
            "precision": round(right[name] / predicted[name], 3) if predicted[name] else None,
            "recall": round(right[name] / expected[name], 3) if expected[name] else None,
            "arguments": round(args_right[name] / right[name], 3) if right[name] else None}
    requests = sum(expected.values())
    return {
        "requests": requests, "ordinary": ordinary,
        "right_function": round(sum(right.values()) / requests, 3) if requests else None,
        "arguments_right": round(sum(args_right.values()) / max(1, sum(right.values())), 3),
        "ordinary_triggered": round(triggered / ordinary, 4) if ordinary else None,
        "ms_median": round(statistics.median(times), 2) if times else None,
        "ms_p95": round(sorted(times)[int(0.95 * (len(times) - 1))], 2) if times else None,
        "functions": functions, "wrong": wrong}


def run(args: argparse.Namespace) -> int:
    from app.tutor import requests

    try:
        rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    except (OSError, ValueError) as error:
        raise ParleyError(f"cannot read {args.file}: {error}",
                          "give the annotated lines, e.g. tests/data/requests/dev.jsonl") from None
    model, asked = None, Counter()
    if not args.no_model:
        from app.engines import Engines

        model = Engines(settings_from(args)).chat
        model.load()
        real = requests.ask_model

        def counted(text, context, chat):
            asked["lines"] += 1
            return real(text, context, chat)
        requests.ask_model = counted
    # The first parse loads spaCy: not part of any line's time.
    requests.recognise("hello there")
    result = score(rows, lambda text: requests._recognise(text, (), model))
    result["model"] = getattr(model, "name", "none")
    result["model_asked"] = asked["lines"]
    if model is not None:
        result["model_tokens_per_s"] = _speed(model)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "wrong" or args.show}))
        return 0
    _print(result, args)
    return 0


def _speed(model) -> float:
    """The model's generation speed now, on this machine (tokens/s), so the
    figures above can be read against it."""
    from dataclasses import replace

    before = replace(model.stats)
    model.complete([{"role": "user", "content": "Tell me about your favourite city."}],
                   max_tokens=48, temperature=0.0)
    return round(model.stats.since(before).tokens_per_s, 1)


def _print(result: dict, args) -> None:
    print(f"{args.file.name}: {result['requests']} requests, {result['ordinary']} ordinary lines;"
          f" model: {result['model']} (asked on {result['model_asked']} lines)")
    print(f"{'function':<26}{'lines':>6}{'precision':>11}{'recall':>8}{'arguments':>11}")
    for name, f in result["functions"].items():
        cells = [f"{f[k]:.2f}" if f[k] is not None else "-" for k in ("precision", "recall",
                                                                       "arguments")]
        print(f"{name:<26}{f['lines']:>6}{cells[0]:>11}{cells[1]:>8}{cells[2]:>11}")
    print(f"right function: {result['right_function']:.1%} of request lines; arguments right: "
          f"{result['arguments_right']:.1%} of those; ordinary lines that triggered a function: "
          f"{result['ordinary_triggered']:.2%}")
    print(f"time a line: median {result['ms_median']} ms, p95 {result['ms_p95']} ms"
          + (f"; model {result.get('model_tokens_per_s')} tokens/s"
             if result.get("model_tokens_per_s") else ""))
    if args.show:
        for text, gold, got in result["wrong"]:
            print(f"  {text!r}: expected {gold}, got {got}")
