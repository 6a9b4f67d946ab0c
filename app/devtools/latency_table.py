"""The latency table both benchmarks print: p50 and p95 per stage of a turn."""

from __future__ import annotations

import resource
import sys

import numpy as np

STAGES = (  # (label, key in the per-turn numbers, unit)
    ("VAD endpoint delay", "vad_endpoint", "ms"),
    ("ASR", "asr", "ms"),
    ("ASR real-time factor", "asr_rtf", ""),
    ("LLM first token (warm cache)", "llm_prompt", "ms"),
    ("LLM generations per reply", "llm_calls", ""),
    ("LLM first sentence", "llm_first_token", "ms"),
    ("LLM tokens/s", "llm_tokens_per_s", ""),
    ("TTS first audio", "tts_first_audio", "ms"),
    ("correction (after the reply)", "correction", "ms"),
    ("end to first audio", "end_to_first_audio", "ms"),
    ("GUI event loop longest pass", "gui_longest_pass", "ms"),  # --window only
)


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=float), q)) if values else float("nan")


def print_table(rows: list[dict[str, float]]) -> None:
    print(f"\n{'stage':<30}{'p50':>10}{'p95':>10}  unit")
    for label, key, unit in STAGES:
        values = [row[key] for row in rows if key in row]
        if not values:
            continue
        digits = 2 if not unit else 0
        print(f"{label:<30}{percentile(values, 50):>10.{digits}f}"
              f"{percentile(values, 95):>10.{digits}f}  {unit}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux
    print(f"{'peak RSS':<30}{peak_mb:>10.0f}{'':>10}  MB")
    e2e = [row["end_to_first_audio"] for row in rows if "end_to_first_audio" in row]
    print(f"end_to_first_audio_ms p50={round(percentile(e2e, 50))} "
          f"p95={round(percentile(e2e, 95))} n={len(e2e)}")
