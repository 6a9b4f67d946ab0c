"""``python -m app review last|ID [--json]``: one session's review, with each
learner turn as fluent English (built here, with the tutor model, when the
session has none yet: a session made with ``converse``)."""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "review", help="a session's review: your words as fluent English, what went well, "
                       "what to work on")
    parser.add_argument("session", metavar="last|ID", help="a session id, or 'last'")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--no-build", action="store_true",
                        help="do not build missing fluent versions (no model is loaded)")
    parser.add_argument("--rebuild", action="store_true", help="build the fluent versions again")
    return parser


def _fail(message: str) -> int:
    print(f"parley: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from app.config import Settings
    from app.review.session_review import build_review, render_text
    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile

    settings = Settings.from_env()
    wanted = str(args.session).strip().lower()
    with open_store(settings.home) as store:
        if wanted == "last":
            session_id = store.last_session_id()
            if session_id is None:
                return _fail("no sessions saved yet")
        elif wanted.isdigit():
            session_id = int(wanted)
        else:
            return _fail(f"review takes a session number or 'last', not {args.session!r}")
        if store.get_session(session_id) is not None:
            from app.review.drills import sync_drills  # lazy: loads FSRS

            sync_drills(store)  # what to work on links to the drills made from it
        review = build_review(store, session_id)
        if review is None:
            return _fail(f"no session {session_id}")
        if review["turns"] and (args.rebuild or not review["fluent_ready"]) and not args.no_build:
            build = _build(store, settings, session_id)
            if build.error:
                print(f"parley: {build.error}", file=sys.stderr)
            else:
                print(f"built {build.turns} fluent versions in {build.seconds:.1f} s "
                      f"({build.tokens_per_s:.0f} tokens/s)", file=sys.stderr)
            review = build_review(store, session_id)
    if args.json:
        print(json.dumps(review, indent=2, ensure_ascii=False))
    else:
        from app.shown import shown

        sys.stdout.write(shown(render_text(review), keep="\n") if sys.stdout.isatty()
                         else render_text(review))
    return 0


def _build(store, settings, session_id: int):
    from app.engines import Engines
    from app.review.fluent_build import Unused, build_fluent

    engines = Engines(settings, transcriber=Unused(), voice=Unused())
    return build_fluent(store, engines, session_id)
