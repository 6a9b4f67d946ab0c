#!/usr/bin/env bash
# A new learner's path to their first spoken turn, timed: `bash
# scripts/bench-first-turn.sh [--shots DIR] [--no-measure]`. Starts the
# virtual microphone and speaker (PulseAudio, as the tests do) and walks the
# first start and one push-to-talk turn in the real window, offscreen, on a
# fresh data folder (app/devtools/first_turn.py). Prints seconds per step.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/audio-ci.sh
audio_start
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1
exec "${PARLEY_VENV:-.venv}/bin/python" -m app.devtools.first_turn "$@"
