"""Build and save the fluent versions of a session's learner turns, and
``python -m app review last|ID [--json]`` (Qt-free).

A top-level module, as app/converse.py is: it joins the tutor's engines
(app/tutor/fluent.py), the session policy and the store, which app/review
(below the tutor) may not import. Everything heavy is imported when used, so
building the command line stays light.

The build runs after a session ends: by the window's review worker
(app/ui/review/fluent_worker.py) and by ``review`` for a session that has none
yet (one made with ``converse``). The tutor model writes, in a prompt cache of
its own so the tutor's evaluated prompt survives; the corrector's sure edits
come first (app/tutor/fluent.py). All turns are saved in one transaction at
the end: a failure leaves the session as it was.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass


REVIEW_SLOT = "review"


@dataclass(frozen=True)
class BuildResult:
    session_id: int
    turns: int
    rewritten: int  # lines whose fluent version differs from what was said
    seconds: float
    tokens: int
    tokens_per_s: float
    error: str | None = None  # one line: why nothing was saved
    model: str = ""  # the review's writer


def review_chat(engines):
    """The review's writer (the measured pick, app/brain.py; else the tutor's
    model) in a prompt cache of its own, loaded."""
    chat = getattr(engines, "review_chat", None) or engines.chat
    chat.load()
    return chat.with_own_cache(REVIEW_SLOT) if hasattr(chat, "with_own_cache") else chat


def rewriter_for(engines, level: str):
    from app.tutor.fluent import FluentRewriter  # lazy: loads the tutor's word lists

    return FluentRewriter(engines.corrector, review_chat(engines), level=level)


def build_fluent(store, engines, session_id: int,
                 progress: Callable[[int, int], None] | None = None,
                 should_stop: Callable[[], bool] | None = None) -> BuildResult:
    """Fluent versions of every turn of ``session_id``, saved together."""
    from app.review.text import corrected_sentence  # lazy: loads SQLAlchemy's records
    from app.session import runs_corrector

    started = time.perf_counter()
    session = store.get_session(session_id)
    if session is None:
        return BuildResult(session_id, 0, 0, 0.0, 0, 0.0, f"no session {session_id}")
    turns = store.turns(session_id)
    try:
        rewriter = rewriter_for(engines, session.level)
        stats = getattr(rewriter.chat, "stats", None)
        tokens_before = stats.tokens if stats else 0
        seconds_before = stats.generation_s if stats else 0.0
        calls_before = stats.calls if stats else 0
        lines = []
        for done, turn in enumerate(turns):
            if progress:
                progress(done, len(turns))
            if should_stop and should_stop():
                return BuildResult(session_id, len(turns), 0, time.perf_counter() - started, 0,
                                   0.0, "stopped before the fluent versions were finished")
            # The turn's saved corrections are the corrector's sure edits, unless
            # the session's style ("off") never looked for any.
            corrected = (corrected_sentence(turn.transcript, turn.corrections)
                         if runs_corrector(session.correction_style)
                         and _placed(turn.transcript, turn.corrections) else None)
            line = rewriter.line(turn.transcript, corrected)
            lines.append((turn.id, line.fluent,
                          [c.to_json() for c in line.changes if c.op != "equal"], line.source))
        store.save_fluent(session_id, lines, model=getattr(rewriter.chat, "name", ""))
    except Exception as error:  # one line; the session stays as it was
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return BuildResult(session_id, len(turns), 0, time.perf_counter() - started, 0, 0.0,
                           f"fluent versions not built: {reason}")
    if progress:
        progress(len(turns), len(turns))
    tokens = (stats.tokens - tokens_before) if stats else 0
    gen_s = (stats.generation_s - seconds_before) if stats else 0.0
    calls = (stats.calls - calls_before) if stats else 0
    rate = (tokens - calls) / gen_s if gen_s > 0 else 0.0
    rewritten = sum(1 for turn, (_id, fluent, _c, _s) in zip(turns, lines)
                    if fluent.strip() != turn.transcript.strip())
    return BuildResult(session_id, len(turns), rewritten, time.perf_counter() - started,
                       tokens, rate, model=getattr(rewriter.chat, "name", ""))


def _placed(transcript: str, corrections) -> bool:
    """Whether every saved fix can be put back where it was made (an edit saved
    without offsets whose words are not found as written is not: the corrector
    is asked again)."""
    return all((c.start is not None and c.end is not None
                and transcript[c.start:c.end] == c.original)
               or (c.original and c.original in transcript) for c in corrections)


class Unused:
    """Stands in for the recogniser and the voice where only the text models
    run (the command line's build, the evaluation): never loaded."""

    backend = model_name = "unused"

    def load(self) -> None:
        pass


# -- python -m app review -----------------------------------------------------

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
                      f"({build.model}, {build.tokens_per_s:.0f} tokens/s)", file=sys.stderr)
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
    engines = Engines(settings, transcriber=Unused(), voice=Unused())
    return build_fluent(store, engines, session_id)
