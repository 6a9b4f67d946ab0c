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
    ("end to first audible (speaker)", "end_to_first_audible", "ms"),  # --window only
    ("gap after the first piece", "gap_after_first_piece", "ms"),  # --window only
    ("end to the model's sentence", "end_to_model_sentence", "ms"),  # --window only
    ("GUI event loop longest pass", "gui_longest_pass", "ms"),  # --window only
)


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=float), q)) if values else float("nan")


def print_table(rows: list[dict[str, float]], cut_off: int = 0) -> None:
    """``cut_off``: recordings whose turn ended before the speech did (their
    turns are not in ``rows``)."""
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
    print(summary_line("end_to_first_audio", rows, cut_off))


def summary_line(key: str, rows: list[dict[str, float]], cut_off: int) -> str:
    """The benchmark's last line, e.g. ``end_to_first_audio_ms p50=.. p95=..
    n=.. cut_off=..``; p50/p95 read ``nan`` when every turn was cut off."""
    values = [row[key] for row in rows if key in row]

    def ms(q: float) -> str:
        return str(round(percentile(values, q))) if values else "nan"

    return f"{key}_ms p50={ms(50)} p95={ms(95)} n={len(values)} cut_off={cut_off}"
