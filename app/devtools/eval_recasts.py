"""``python -m app eval-recasts [FILE]``: what the tutor says back before its
question, on learner lines with errors and reference fixes (the fluent sets,
tests/data/fluent/, read as news).

Each line goes through the app's own turn start: the rules' certain fixes
(as app/practice.py takes them), the act classifier, then
``Conversation.reply`` up to the moment the model is first asked for the
follow-up question (the model is never run: the recast and the reaction are
what the learner hears first). The judges are not the recast's gate (the
rules' certain fixes):

- **flagged**: the full corrector (its language model scoring every
  candidate) finds an error in what was said back;
- **error said back**: what was said back holds the learner's wrong words of a
  reference edit (with a word of context), i.e. an error repeated as right;
- **fix said**: it holds a reference's right words (in context).

A recast is counted when what was said back carries a content word of the
learner's line (a reaction alone, "Oh no.", is not one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from app.devtools.eval_fluent import (DEFAULT_FILE, _contains, content, judged_words,
                                      load_lines, reference_edits)
from app.errors import ParleyError


class _ModelAsked(Exception):
    """Raised where the reply first asks the model: the recast is out by then."""


class _StopAtModel:
    """The chat model, stopped at its first generation (everything else passes)."""

    def __init__(self, model) -> None:
        self._model = model

    def stream(self, *args, **kwargs):
        raise _ModelAsked

    def complete(self, *args, **kwargs):
        raise _ModelAsked

    def with_own_cache(self, name: str):
        return self

    def __getattr__(self, name: str):
        return getattr(self._model, name)


def said_back(conversation, certain: str | None, line: str, act) -> str:
    """What the tutor says before the model's first word."""
    pieces: list[str] = []
    try:
        for piece in conversation.reply(line, corrected=certain, act=act):
            pieces.append(piece)
    except _ModelAsked:
        pass
    return " ".join(p.strip() for p in pieces if p.strip())


def judge(item: dict, spoken: str, flagged: bool) -> dict:
    got = judged_words(spoken)
    learner = set(content(item["said"]))
    made = bool(learner & set(content(spoken)))
    edits = [e for ref in item["refs"][:1] for e in reference_edits(item["said"], ref)]
    repeated = any(_contains(got, wrong) and not _contains(right, wrong) for wrong, right in edits)
    fixed = any(_contains(got, right) for ref in item["refs"]
                for _wrong, right in reference_edits(item["said"], ref))
    return {"said": item["said"], "spoken": spoken, "recast": made,
            "flagged": made and flagged, "error_said_back": made and repeated,
            "fix_said": made and fixed}


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval-recasts", help="what the tutor says back before its question, judged by the "
                             "corrector and the set's reference fixes")
    parser.add_argument("file", type=Path, nargs="?", default=DEFAULT_FILE,
                        help=f"said || fix lines (default {DEFAULT_FILE})")
    parser.add_argument("--level", default="B1")
    parser.add_argument("--show", action="store_true", help="print every line said back")
    parser.add_argument("--json", action="store_true")
    return parser


def run(args: argparse.Namespace) -> int:
    from app.config import Settings
    from app.engines import Engines
    from app.fluent_review import Unused
    from app.tutor import acts
    from app.tutor.conversation import Conversation

    if not args.file.is_file():
        raise ParleyError(f"no such file: {args.file}", "give a file of 'said || fix' lines")
    items = [i for i in load_lines(args.file) if i["error"]]
    engines = Engines(Settings.from_env(), transcriber=Unused(), voice=Unused())
    chat, corrector = engines.chat, engines.corrector
    rows = []
    for number, item in enumerate(items, 1):
        line = item["said"]
        certain = engines.grammar.check(line)[0]
        act = acts.classify(line, [], chat)
        conversation = Conversation(_StopAtModel(chat), level=args.level, corrector=corrector)
        spoken = said_back(conversation, certain, line, act)
        flagged = bool(spoken) and bool(corrector.correct(spoken).edits)
        row = judge(item, spoken, flagged) | {"act": act.act.value}
        rows.append(row)
        if args.show:
            marks = "".join(k[0].upper() for k in ("flagged", "error_said_back", "fix_said")
                            if row[k])
            print(f"{number}/{len(items)} [{row['act']}{' ' + marks if marks else ''}] "
                  f"{line} -> {spoken}", file=sys.stderr, flush=True)
    recasts = [r for r in rows if r["recast"]]
    summary = {"file": str(args.file), "model": chat.name, "lines_with_errors": len(rows),
               "news": sum(r["act"] == "news" for r in rows), "recasts": len(recasts),
               "recasts_flagged": sum(r["flagged"] for r in recasts),
               "errors_said_back": sum(r["error_said_back"] for r in recasts),
               "recasts_with_a_fix": sum(r["fix_said"] for r in recasts),
               "load_average": [round(v, 2) for v in os.getloadavg()]}
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        for key, value in summary.items():
            print(f"{key:22} {value}")
    return 0
