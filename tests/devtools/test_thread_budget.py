"""The thread-budget grid (scripts/thread_budget.sh): which configurations it
runs, the bench command for each, and its one line per configuration."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from app.devtools.thread_budget import (bench_command, configurations, parse_budget,
                                        result_line)

BENCH_OUTPUT = """models: {...}  threads: asr 1, llm 2, tts 1  cores: 1
run 1 a.wav: 2.1 s, end_to_first_audio 812 ms | 'Hello there.'

stage                                p50       p95  unit
LLM tokens/s                       41.30     44.00
end to first audio                   812       990  ms
end_to_first_audio_ms p50=812 p95=990 n=2 cut_off=0
"""


def test_one_line_per_configuration_with_latency_cut_offs_and_tokens_per_s():
    assert result_line(1, (1, 2, 1), BENCH_OUTPUT, 0) == (
        "cores=1 asr=1 llm=2 tts=1 end_to_first_audio_ms p50=812 p95=990 n=2 cut_off=0 "
        "llm_tokens_per_s=41.30")
    # Every turn cut off: the bench's nan line, still one line.
    all_cut = "end_to_first_audio_ms p50=nan p95=nan n=0 cut_off=3\n"
    assert result_line(2, (2, 2, 1), all_cut, 0).endswith("cut_off=3 llm_tokens_per_s=nan")
    failed = result_line(2, (2, 2, 1), "error: no .wav files in x -- give a folder\n", 2)
    assert failed == "cores=2 asr=2 llm=2 tts=1 failed (exit 2): error: no .wav files in x -- give a folder"


def test_the_grid_and_each_bench_command():
    grid = list(configurations([1, 2], [(1, 1, 1), (2, 2, 1), (4, 1, 1)]))
    assert grid == [(1, (1, 1, 1)), (1, (2, 2, 1)), (2, (1, 1, 1)), (2, (2, 2, 1)),
                    (2, (4, 1, 1))]
    command = bench_command(Path("speech"), 1, (1, 2, 1), 3, ["--llm", "m.gguf"])
    assert command[1:] == ["-m", "app", "bench", "speech", "--runs", "3", "--cores", "1",
                           "--asr-threads", "1", "--llm-threads", "2", "--tts-threads", "1",
                           "--llm", "m.gguf"]
    assert parse_budget("2,1,1") == (2, 1, 1)
    with pytest.raises(argparse.ArgumentTypeError):
        parse_budget("2,0,1")
