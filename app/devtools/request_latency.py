"""A request's first audio against an ordinary reply's, on the real engines:
``python -m app.devtools.request_latency [--rounds N]``.

Typed lines go through the whole turn (request recognition, the reply, the
Piper voice, the store) in one session, ordinary lines and requests taking
turns so both meet the same machine load. What is compared is each turn's
``end_to_first_audio``: from the line's end to the first audible sample of
the tutor's voice (speech recognition, the same for both, is left out).
The model's generation speed is printed beside them.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from dataclasses import replace
from pathlib import Path

ORDINARY = ("i went to the park with my dog yesterday",
            "my sister is a nurse in a big hospital",
            "we are going to visit my grandparents next weekend",
            "yesterday i cook pasta for my family",
            "i like to read books before i go to sleep",
            "my job is very busy this month",
            "last summer we travelled to the mountains",
            "i have two cats and they sleep all day")
REQUESTS = ("say that again",
            "how do you spell restaurant?",
            "please correct all my mistakes",
            "could you speak more slowly please",
            "let's talk about music",
            "what did I say wrong?",
            "speak normally please",
            "wait a moment, I'm thinking")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="passes over both lists")
    args = parser.parse_args(argv)
    from app.config import Settings
    from app.engines import Engines
    from app.practice import Practice
    from app.store import open_store

    home = Path(tempfile.mkdtemp(prefix="parley-request-latency-"))
    engines = Engines(Settings.from_env(home=home))
    engines.load()
    times: dict[str, list[float]] = {"ordinary": [], "request": []}
    with open_store(home) as store:
        practice = Practice(engines, store, speak=True)
        practice.warm_up()
        before = replace(engines.chat.stats)
        for _ in range(args.rounds):
            for ordinary, request in zip(ORDINARY, REQUESTS):
                for kind, line in (("ordinary", ordinary), ("request", request)):
                    outcome = practice.run_turn(None, text=line)
                    assert bool(outcome.actions) == (kind == "request"), (line, outcome.actions)
                    ms = outcome.timings_ms["end_to_first_audio"]
                    times[kind].append(ms)
                    print(f"{kind:<9}{ms:>7.0f} ms  {line!r} -> {outcome.reply[:60]!r}")
        practice.end()
        speed = engines.chat.stats.since(before).tokens_per_s
    for kind, values in times.items():
        print(f"{kind}: end_to_first_audio median {statistics.median(values):.0f} ms, "
              f"max {max(values):.0f} ms over {len(values)} turns")
    print(f"tutor model: {engines.chat.name}, {speed:.1f} tokens/s in this run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
