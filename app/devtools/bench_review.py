"""``python -m app.devtools.bench_review [--turns 10]``: how long a session's
review takes to be ready after it ends, on this machine.

A session of learner lines (tests/data/fluent/dev.txt, the tuning split) is
saved in a scratch data folder as the practice saves it: each turn with the
corrector's sure edits. The models are loaded first, as they are in the
window when a session ends; then the fluent build (app/fluent_review.py)
and the review (app/review/session_review.py) are timed. Prints seconds,
the tutor model's tokens/s in the same run, and the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from app.devtools.eval_fluent import load_lines

LINES = Path("tests/data/fluent/dev.txt")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.devtools.bench_review")
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--file", type=Path, default=LINES)
    parser.add_argument("--llm", metavar="MODEL", default=None,
                        help="the review's writer, loaded when the build starts as the "
                             "window does (default: the measured pick)")
    args = parser.parse_args(argv)
    from app.config import Settings
    from app.engines import Engines
    from app.fluent_review import Unused, build_fluent
    from app.review.session_review import build_review
    from app.store import CorrectionRecord, TurnRecord, open_store

    items = load_lines(args.file)
    # A mixed session: mostly lines with errors, every third one correct.
    errors = [i["said"] for i in items if i["error"]]
    correct = [i["said"] for i in items if not i["error"]]
    said = [(correct if n % 3 == 2 else errors)[n] for n in range(args.turns)]
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings.from_env().with_(home=Path(folder))
        engines = Engines(settings, transcriber=Unused(), voice=Unused())
        if args.llm:  # as the measured pick would: the tutor's model stays
            engines.review_spec = args.llm
        started = time.perf_counter()
        for _name, load in engines.stages():
            load()
        load_s = time.perf_counter() - started
        with open_store(Path(folder)) as store:
            sid = store.start_session("free talk", "B1", "explicit")
            for text in said:  # as the practice saves each turn
                result = engines.corrector.correct(text)
                fixes = [CorrectionRecord(e.original, e.corrected, e.reason, e.kind, e.source)
                         for e in result.edits]
                store.save_turn(TurnRecord(session_id=sid, transcript=text, corrections=fixes,
                                           input_mode="text"))
            store.end_session(sid)
            started = time.perf_counter()
            build = build_fluent(store, engines, sid)
            review = build_review(store, sid)
            ready_s = time.perf_counter() - started
    report = {"turns": args.turns, "ready_s": round(ready_s, 1),
              "build_s": round(build.seconds, 1), "error": build.error,
              "rewritten": build.rewritten, "tokens": build.tokens,
              "tokens_per_s": round(build.tokens_per_s, 1), "model": build.model,
              "tutor": engines.chat.name,
              "models_load_s": round(load_s, 1), "load_average": os.getloadavg(),
              "cpus": os.cpu_count()}
    print(json.dumps(report, indent=2))
    print(json.dumps(review, indent=2, ensure_ascii=False), file=open(
        Path(tempfile.gettempdir()) / "parley-bench-review.json", "w"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
