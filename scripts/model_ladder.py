"""The model ladder: each tutor model on the same recordings (latency, memory)
and, when given an evaluation command, on the same learner lines (sense).

    .venv/bin/python scripts/model_ladder.py [--dir tests/data/speech] [--runs 1]
        [--models smollm2-135m qwen2.5-coder-0.5b server:smollm2-135m]
        [--sense "eval-conversation --json"]

Each option runs `python -m app bench` in its own process, so each peak RSS is
its own. `server:MODEL` starts llama-cpp-python's OpenAI-compatible server on
127.0.0.1 with that model and points the benchmark at it; its memory is the
benchmark's plus the server's peak (VmHWM). The machine's speed is printed
beside every figure (llama.cpp tokens/s): 2-core machines differ 2-3x.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ROW = re.compile(r"^(?P<label>[A-Za-z][^\d]*?)\s+(?P<p50>-?[\d.]+|nan)\s+(?P<p95>-?[\d.]+|nan)?\s+(?P<unit>\S*)$")
KEEP = {"LLM first token (warm cache)": "llm_first_token_ms",
        "LLM first sentence": "llm_first_sentence_ms", "LLM tokens/s": "tokens_per_s",
        "end to first audio": "end_to_first_audio_ms", "LLM generations per reply": "calls"}


def bench(options: list[str], wav_dir: str, runs: int) -> tuple[dict, str]:
    command = [sys.executable, "-m", "app", "bench", wav_dir, "--runs", str(runs), *options]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=3600,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    found: dict = {}
    for line in done.stdout.splitlines():
        if line.startswith("peak RSS"):
            found["peak_rss_mb"] = float(line.split()[2])
        match = ROW.match(line.strip())
        if match and match["label"].strip() in KEEP:
            key = KEEP[match["label"].strip()]
            found[key] = (float(match["p50"]), float(match["p95"] or "nan"))
        if line.startswith("end_to_first_audio_ms"):
            found["n"] = int(re.search(r"\bn=(\d+)", line)[1])
    return found, done.stdout


def sense(command: str, options: list[str]) -> str:
    done = subprocess.run([sys.executable, "-m", "app", *shlex.split(command), *options],
                          cwd=ROOT, capture_output=True, text=True, timeout=3600)
    return (done.stdout if done.returncode == 0 else done.stderr)[-4000:]


class Server:
    """python -m llama_cpp.server on a free port (the same one the tests use)."""

    def __init__(self, model: str) -> None:
        from app.models_catalog import resolve

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/v1"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(resolve(model)),
             "--model_alias", model, "--host", "127.0.0.1", "--port", str(port),
             "--n_ctx", "2048", "--n_threads", "2", "--n_threads_batch", "2"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"})
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/models", timeout=2).close()
                return
            except OSError:
                time.sleep(0.5)
        self.close()
        raise RuntimeError("the server did not start")

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", default="tests/data/speech")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--models", nargs="+",
                        default=["smollm2-135m", "qwen2.5-coder-0.5b", "server:smollm2-135m"])
    parser.add_argument("--sense", help="an app command that scores replies, e.g. "
                                        "'eval-conversation --json'")
    parser.add_argument("--no-bench", action="store_true", help="sense only")
    parser.add_argument("--out", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    rows = []
    for spec in args.models:
        server = Server(spec.split(":", 1)[1]) if spec.startswith("server:") else None
        options = (["--llm-url", server.url, "--llm-model", spec.split(":", 1)[1]] if server
                   else ["--llm", spec])
        try:
            found, raw = ({}, "") if args.no_bench else bench(options, args.dir, args.runs)
            if args.out:
                args.out.with_name(f"{args.out.stem}-{spec.replace(':', '_')}.txt").write_text(raw)
            if server and not args.no_bench:
                found["server_peak_rss_mb"] = round(server.peak_rss_mb())
            if args.sense:
                found["sense"] = sense(args.sense, options)
        finally:
            if server:
                server.close()
        rows.append({"model": spec, **found})
        print(f"== {spec}: {json.dumps(found)}", flush=True)
    print("\n| model | end to first audio p50 / p95 | LLM first token p50 / p95 | "
          "LLM first sentence p50 / p95 | tokens/s p50 | peak RSS | n |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        def pair(key: str) -> str:
            p50, p95 = row.get(key, (float("nan"),) * 2)
            return f"{p50:.0f} / {p95:.0f} ms"
        rss = f"{row.get('peak_rss_mb', float('nan')):.0f} MB"
        if "server_peak_rss_mb" in row:
            rss += f" + server {row['server_peak_rss_mb']} MB"
        print(f"| {row['model']} | {pair('end_to_first_audio_ms')} | {pair('llm_first_token_ms')} "
              f"| {pair('llm_first_sentence_ms')} | {row.get('tokens_per_s', (0,))[0]:.0f} "
              f"| {rss} | {row.get('n', 0)} |")
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
