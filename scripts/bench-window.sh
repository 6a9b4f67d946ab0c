#!/usr/bin/env bash
# The latency benchmark through the real window: `bash scripts/bench-window.sh
# DIR [--runs N ...]`. Starts the virtual microphone and speaker (PulseAudio,
# as the tests do) and runs `python -m app bench DIR --window` offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/audio-ci.sh
audio_start
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1
exec .venv/bin/python -m app bench --window "$@"
