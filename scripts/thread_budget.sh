#!/usr/bin/env bash
# The latency benchmark over a grid of thread budgets, at 1 and 2 cores:
# `bash scripts/thread_budget.sh DIR [--runs N] [--cores 1,2] [--budget A,L,T ...]`.
# One line per configuration: p50/p95 end to first audio, cut_off and llama.cpp
# tokens/s (app/devtools/thread_budget.py). Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1
exec .venv/bin/python -m app.devtools.thread_budget "$@"
