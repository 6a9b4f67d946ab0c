"""`bash scripts/thread_budget.sh DIR`: the benchmark over a grid of thread budgets.

Engines that overlap on few cores starve each other, and the best split
depends on the machine. For each number of cores (``--cores 1,2``: the
benchmark pins itself to that many, like ``taskset``) and each budget
(``asr,llm,tts`` threads), this runs ``python -m app bench DIR --cores C
--asr-threads A --llm-threads L --tts-threads T`` in a fresh process (models
loaded with those threads) and prints one line per configuration::

    cores=2 asr=2 llm=2 tts=1 end_to_first_audio_ms p50=.. p95=.. n=.. cut_off=.. llm_tokens_per_s=..

``llm_tokens_per_s`` (p50 of the replies) is the machine's speed beside each
latency: machines, and one machine from minute to minute, differ 2-3x.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# (asr, llm, tts): each engine one thread; all on every core (the default on 2
# cores, voice on one); the model alone on two; recognition alone on two;
# everything on two, the voice too.
DEFAULT_BUDGETS = ((1, 1, 1), (2, 2, 1), (1, 2, 1), (2, 1, 1), (2, 2, 2))
SUMMARY = re.compile(r"^end_to_first_audio_ms .*$", re.MULTILINE)
TOKENS = re.compile(r"^LLM tokens/s\s+([\d.]+)", re.MULTILINE)


def parse_budget(text: str) -> tuple[int, int, int]:
    parts = [int(x) for x in text.split(",")]
    if len(parts) != 3 or min(parts) < 1:
        raise argparse.ArgumentTypeError(f"a budget is asr,llm,tts threads (e.g. 2,2,1): {text!r}")
    return parts[0], parts[1], parts[2]


def configurations(cores: Iterable[int], budgets: Iterable[tuple[int, int, int]]):
    """Every budget on every core count, except budgets of more threads per
    engine than twice the cores (they only show oversubscription again)."""
    for count in cores:
        for budget in budgets:
            if max(budget) <= 2 * count:
                yield count, budget


def bench_command(folder: Path, cores: int, budget: tuple[int, int, int], runs: int,
                  extra: list[str]) -> list[str]:
    asr, llm, tts = budget
    return [sys.executable, "-m", "app", "bench", str(folder), "--runs", str(runs),
            "--cores", str(cores), "--asr-threads", str(asr), "--llm-threads", str(llm),
            "--tts-threads", str(tts), *extra]


def result_line(cores: int, budget: tuple[int, int, int], output: str, returncode: int) -> str:
    """The configuration, then the benchmark's own last line and the model's tokens/s."""
    asr, llm, tts = budget
    head = f"cores={cores} asr={asr} llm={llm} tts={tts}"
    summary = SUMMARY.findall(output)
    if returncode != 0 or not summary:
        last = output.strip().splitlines()[-1] if output.strip() else "no output"
        return f"{head} failed (exit {returncode}): {last}"
    tokens = TOKENS.search(output)
    return f"{head} {summary[-1]} llm_tokens_per_s={tokens.group(1) if tokens else 'nan'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/thread_budget.sh", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", type=Path, help="folder of speech WAVs (as for bench)")
    parser.add_argument("--runs", type=int, default=1, help="passes over the folder per configuration")
    parser.add_argument("--cores", default="1,2", help="core counts to pin to (default 1,2)")
    parser.add_argument("--budget", type=parse_budget, action="append", dest="budgets",
                        metavar="ASR,LLM,TTS", help="a budget to measure (repeatable; default: "
                        + " ".join(",".join(map(str, b)) for b in DEFAULT_BUDGETS) + ")")
    parser.add_argument("--timeout", type=float, default=3600,
                        help="seconds one configuration may take")
    args, extra = parser.parse_known_args(argv)  # the rest goes to bench (--llm, --voice ...)
    cores = [int(c) for c in args.cores.split(",") if c.strip()]
    for count, budget in configurations(cores, args.budgets or DEFAULT_BUDGETS):
        command = bench_command(args.dir, count, budget, args.runs, extra)
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
            output, code = done.stdout + done.stderr, done.returncode
        except subprocess.TimeoutExpired:
            output, code = f"took more than {args.timeout:.0f} s", 124
        print(result_line(count, budget, output, code), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
