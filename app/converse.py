"""``python -m app converse``: a text conversation on the command line.

The same engines, store and rules as the window: each learner line read from
standard input is one typed turn of a :class:`~app.practice.Practice` (input
mode "text"), corrected, answered and saved. Without ``--fresh`` every line
belongs to one session, and the tutor's opening line comes first; with
``--fresh`` each line starts a conversation of its own (how the conversation
evaluation and the model measurements ask one-off questions).

Standard input is read as bytes and made plain text (app/input_text.py), so
a line that is not UTF-8 is answered like any other. A line whose turn fails
is named in one line on standard error and the lines after it go on; a
ParleyError (no model, a full disk) still stops the conversation. A goodbye
(app/tutor/acts.py) ends the session after the tutor's own goodbye, and the
lines after it are not read.
"""

from __future__ import annotations

import argparse
import logging
import sys

from app.cli_support import add_server_options, settings_from
from app.engines import Engines
from app.errors import ParleyError
from app.input_text import learner_lines
from app.shown import shown, shown_json
from app.tutor.scenarios import load_catalog
from app.tutor.styles import CORRECTION_STYLES, LEVELS

log = logging.getLogger(__name__)


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
    add_server_options(parser)  # --llm-url URL, --llm-model NAME
    parser.add_argument("--json", action="store_true", help="print one JSON object per line")
    return parser


def run(args: argparse.Namespace) -> int:
    from app.practice import Practice  # lazy: loads SQLAlchemy and libsndfile
    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile
    # Every option is checked before a model loads.
    if args.level not in LEVELS:
        raise ParleyError(f"unknown level {args.level!r}", f"use one of {', '.join(LEVELS)}")
    if args.correction_style not in CORRECTION_STYLES:
        raise ParleyError(f"unknown correction style {args.correction_style!r}",
                          f"use one of {', '.join(CORRECTION_STYLES)}")
    scenario = _scenario(args.scenario)
    settings = settings_from(args)  # --llm GGUF, or --llm-url/--llm-model: a server
    engines = Engines(settings)
    for name, load in engines.stages():
        if name in ("tutor", "corrections", "grammar"):  # text in, text out: no ear, no voice
            load()
    store = open_store(settings.home)
    say = _printer(args.json)

    def new_practice() -> Practice:
        return Practice(engines, store, scenario=scenario, level=args.level,
                        correction_style=args.correction_style, speak=False)

    session = {"practice": None}  # the running session; "let's stop here" starts the next
    if not args.fresh:
        session["practice"] = _begin(new_practice, say)
    try:
        left = _answer_lines(session, new_practice, say)
    finally:
        if session["practice"] is not None:
            session["practice"].end()
    return 1 if left else 0


def _begin(new_practice, say):
    practice = new_practice()
    session_id = practice.begin()
    # A follow-up on something remembered when there is one (app/memory/recall.py).
    say({"opening": practice.opening(), "session_id": session_id})
    return practice


def _answer_lines(session: dict, new_practice, say) -> int:
    """Answer each line of standard input; how many could not be answered."""
    left = 0
    for number, text in learner_lines(sys.stdin.buffer):
        practice = session["practice"]
        talk = practice or new_practice()  # --fresh: a conversation of its own
        try:
            record = _turn(talk, text)
            say(record)
            if record["ends_session"] and talk is practice:
                break  # a goodbye ends the session, as Stop does in the window
            if talk is practice and any(a["name"] == "end_session" for a in record["actions"]):
                # "let's stop here": the session ends with its summary, and the
                # next line starts a new one.
                session["practice"] = None
                _end_with_summary(practice, say)
                session["practice"] = _begin(new_practice, say)
        except ParleyError:
            raise  # a missing model or a full disk: no line can be answered
        except Exception as error:  # noqa: BLE001 - one odd line must not stop the rest
            log.debug("answering line %d failed", number, exc_info=True)
            left += 1
            print(f"parley: line {number} could not be answered ({type(error).__name__}): "
                  "skipped", file=sys.stderr, flush=True)
        finally:
            if talk is not practice:
                talk.end()
    return left


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
        "act": outcome.act,
        "ends_session": outcome.ends_session,
        # Spoken requests carried out on this line (app/actions.py): [] for none.
        "actions": list(outcome.actions),
    }


def _end_with_summary(practice, say) -> None:
    from app.session import SessionOptions, session_summary

    conversation = practice.conversation
    scenario = getattr(conversation.scenario, "id", "free-talk")
    summary = session_summary(practice.store.turns(practice.session_id), SessionOptions(
        scenario_id=scenario, level=conversation.level,
        correction_style=conversation.correction_style))
    practice.end(summary)
    say({"ended": practice.session_id, "summary": summary})


def _printer(as_json: bool):
    def say(record: dict) -> None:
        if as_json:
            print(shown_json(record), flush=True)
        elif "ended" in record:
            print(f"(session {record['ended']} ended: {record['summary']['turns']} turns)",
                  flush=True)
        elif "opening" in record:
            print(f"Tutor: {shown(record['opening'])}", flush=True)
        else:
            for c in record["corrections"]:
                print(f"  correction: {shown(c['original'])} -> {shown(c['corrected'])} "
                      f"({shown(c['reason'])})")
            print(f"Tutor: {shown(record['reply'])}", flush=True)

    return say


def _scenario(scenario_id: str):
    """The pack to talk in; each broken pack of the learner's is one line on stderr."""
    catalog = load_catalog()
    for problem in catalog.problems:
        print(f"parley: skipped a scenario pack: {shown(problem)}", file=sys.stderr)
    for scenario in catalog.scenarios:
        if scenario.id == scenario_id:
            return scenario
    known = ", ".join(s.id for s in catalog.scenarios)
    raise ParleyError(f"unknown scenario {scenario_id!r}; known: {known}",
                      "pick one of the ids listed")
