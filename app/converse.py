"""``python -m app converse``: a text conversation on the command line.

The same engines, store and rules as the window: each learner line read from
standard input is one typed turn of a :class:`~app.practice.Practice` (input
mode "text"), corrected, answered and saved. Without ``--fresh`` every line
belongs to one session, and the tutor's opening line comes first; with
``--fresh`` each line starts a conversation of its own (how the conversation
evaluation and the model measurements ask one-off questions).
"""

from __future__ import annotations

import argparse
import json
import sys

from app.errors import ParleyError


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "converse", help="a text conversation with the tutor: one learner line per stdin line")
    parser.add_argument("--scenario", default="free-talk", metavar="ID",
                        help="scenario pack id (default: free-talk)")
    parser.add_argument("--level", default="B1", help="A2, B1, B2 or C1 (default B1)")
    parser.add_argument("--style", default="explicit", dest="correction_style",
                        help="correction style: off, gentle, explicit or summary")
    parser.add_argument("--fresh", action="store_true",
                        help="each line is a new conversation (no history, own session)")
    parser.add_argument("--llm", metavar="GGUF", help="a GGUF chat model (default: embedded)")
    from app.commands import add_server_options

    add_server_options(parser)  # --llm-url URL, --llm-model NAME
    parser.add_argument("--json", action="store_true", help="print one JSON object per line")
    return parser


def run(args: argparse.Namespace) -> int:
    from app.engines import Engines
    from app.practice import Practice
    from app.store import open_store
    from app.tutor.styles import CORRECTION_STYLES, LEVELS

    # Every option is checked before a model loads.
    if args.level not in LEVELS:
        raise ParleyError(f"unknown level {args.level!r}", f"use one of {', '.join(LEVELS)}")
    if args.correction_style not in CORRECTION_STYLES:
        raise ParleyError(f"unknown correction style {args.correction_style!r}",
                          f"use one of {', '.join(CORRECTION_STYLES)}")
    scenario = _scenario(args.scenario)
    settings = _settings(args)
    engines = Engines(settings)
    for name, load in engines.stages():
        if name in ("tutor", "corrections", "grammar"):  # text in, text out: no ear, no voice
            load()
    store = open_store(settings.home)
    say = _printer(args.json)

    def new_practice() -> Practice:
        return Practice(engines, store, scenario=scenario, level=args.level,
                        correction_style=args.correction_style, speak=False)

    practice = None
    if not args.fresh:
        practice = new_practice()
        session_id = practice.begin()
        # A follow-up on something remembered when there is one (app/memory/recall.py).
        say({"opening": practice.opening(), "session_id": session_id})
    try:
        for line in sys.stdin:
            text = line.strip()
            if not text:
                continue  # a blank line is no turn
            talk = new_practice() if args.fresh else practice
            try:
                say(_turn(talk, text))
            finally:
                if args.fresh:
                    talk.end()
    finally:
        if practice is not None:
            practice.end()
    return 0


def _turn(practice, text: str) -> dict:
    outcome = practice.run_turn(None, text=text)
    report = practice.conversation.last_report
    return {
        "learner": text,
        "reply": outcome.reply,
        "recast": getattr(report, "recast", ""),
        "corrected": outcome.corrections.corrected,
        "corrections": [{k: getattr(e, k) for k in ("original", "corrected", "reason", "kind")}
                        for e in outcome.corrections.edits],
        "session_id": outcome.session_id,
        "source": report.source,
    }


def _printer(as_json: bool):
    def say(record: dict) -> None:
        if as_json:
            print(json.dumps(record, ensure_ascii=False), flush=True)
        elif "opening" in record:
            print(f"Tutor: {record['opening']}", flush=True)
        else:
            for c in record["corrections"]:
                print(f"  correction: {c['original']} -> {c['corrected']} ({c['reason']})")
            print(f"Tutor: {record['reply']}", flush=True)

    return say


def _scenario(scenario_id: str):
    from app.tutor.scenarios import ScenarioError, get_scenario

    try:
        return get_scenario(scenario_id)
    except KeyError as error:
        raise ParleyError(error.args[0], "pick one of the ids listed") from None
    except ScenarioError as error:
        raise ParleyError(str(error), "fix or remove that scenario file") from None


def _settings(args: argparse.Namespace):
    from app.commands import settings_from

    return settings_from(args)  # --llm GGUF, or --llm-url/--llm-model: a server
