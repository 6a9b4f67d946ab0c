"""`bench-history`: time the review queries on generated data.

The data goes into a scratch folder (never the learner's): rows are inserted
in bulk, without WAVs, because the queries never open audio. The FTS triggers
still fire for every turn, as they would in real use.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

BUDGET_MS = 300.0
SCENARIOS = ("free talk", "job interview", "restaurant", "travel", "doctor", "small talk")
VOCAB = ("I go to school yesterday and we was very happy about the weather because my "
         "friend have two dog they likes to play in park after work she don't want coffee "
         "interview manager experience team project deadline restaurant menu order ticket "
         "airport hotel doctor appointment headache weekend holiday family cook dinner").split()


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(VOCAB) for _ in range(n)).capitalize() + "."


def generate(home: Path, sessions: int, turns: int, seed: int = 7) -> None:
    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile
    from app.store.db import writer  # lazy: loads SQLAlchemy and libsndfile
    from app.store.models import Correction, PracticeSession, Turn  # lazy: loads SQLAlchemy and libsndfile

    rng = random.Random(seed)
    start = datetime.now(UTC) - timedelta(days=sessions // 3 + 1)
    with open_store(home) as store, writer(store.engine).begin() as connection:
        session_rows = [
            {"id": i + 1, "started_at": (start + timedelta(hours=8 * i)).replace(tzinfo=None),
             "ended_at": None, "scenario": rng.choice(SCENARIOS), "level": rng.choice("AB") + "1",
             "correction_style": "explicit", "summary": None}
            for i in range(sessions)
        ]
        connection.execute(insert(PracticeSession), session_rows)
        turn_rows, fix_rows = [], []
        for t in range(turns):
            sid = t % sessions + 1
            began = session_rows[sid - 1]["started_at"] + timedelta(minutes=t // sessions)
            text = _sentence(rng, rng.randint(6, 18))
            words = [{"text": w, "start": i * 0.4, "end": i * 0.4 + 0.3,
                      "probability": round(rng.random(), 2)} for i, w in enumerate(text.split())]
            turn_rows.append({
                "id": t + 1, "session_id": sid, "turn_index": t // sessions, "started_at": began,
                "ended_at": began + timedelta(seconds=20), "learner_audio": None,
                "transcript": text, "words": words, "reply": _sentence(rng, 12),
                "reply_audio": None, "models": {}, "timings_ms": {}, "input_mode": "voice",
                "learner_seconds": len(words) * 0.4})
            if rng.random() < 0.5:
                fix_rows.append({"turn_id": t + 1, "original": "go", "corrected": "went",
                                 "reason": "past tense", "kind": rng.choice(("tense", "agreement",
                                 "article")), "source": "rules", "start_char": None,
                                 "end_char": None})
        connection.execute(insert(Turn), turn_rows)
        connection.execute(insert(Correction), fix_rows)


def _time(fn: Callable[[], object], repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - began) * 1000)
    return {"median_ms": round(statistics.median(runs), 1), "max_ms": round(max(runs), 1),
            "first_ms": round(runs[0], 1)}


def run(args: argparse.Namespace) -> int:
    from app.review.stats import load_progress, today_summary  # lazy: loads SQLAlchemy and libsndfile
    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile

    with tempfile.TemporaryDirectory(prefix="parley-bench-") as scratch:
        home = Path(scratch)
        began = time.perf_counter()
        generate(home, args.sessions, args.turns)
        generated_s = time.perf_counter() - began
        repeat = max(1, args.repeat)
        results: dict[str, dict[str, float]] = {}
        with open_store(home) as store:
            results["open store"] = _time(lambda: open_store(home).close(), repeat)
            results["history (all sessions)"] = _time(store.history, repeat)
            results["history (scenario filter)"] = _time(lambda: store.history("travel"), repeat)
            week = datetime.now(UTC) - timedelta(days=7)
            results["history (last 7 days)"] = _time(lambda: store.history(since=week), repeat)
            results["search 'school' (common)"] = _time(lambda: store.search("school"), repeat)
            results["search 'headache doc' (prefix)"] = _time(
                lambda: store.search("headache doc"), repeat)
            results['search \'"we was" AND -\' (escaped)'] = _time(
                lambda: store.search('"we was" AND -'), repeat)
            results["session detail (turns)"] = _time(lambda: store.turns(1), repeat)
            results["today"] = _time(lambda: today_summary(store), max(1, repeat // 3))
            results["progress series"] = _time(lambda: load_progress(store), max(1, repeat // 3))
    interactive = [k for k in results if k.startswith(("history", "search"))]
    worst = max(results[k]["max_ms"] for k in interactive)
    summary = {"sessions": args.sessions, "turns": args.turns,
               "generate_s": round(generated_s, 1), "budget_ms": BUDGET_MS,
               "history_and_search_worst_ms": worst, "within_budget": worst < BUDGET_MS,
               "results": results}
    if getattr(args, "json", False):
        print(json.dumps(summary, indent=2))
    else:
        print(f"{args.sessions} sessions, {args.turns} turns (generated in {generated_s:.1f} s)")
        for name, r in results.items():
            print(f"  {name:34s} median {r['median_ms']:7.1f} ms  max {r['max_ms']:7.1f} ms")
        verdict = "within" if worst < BUDGET_MS else "OVER"
        print(f"history/search worst case {worst:.1f} ms: {verdict} the {BUDGET_MS:.0f} ms budget")
    return 0
