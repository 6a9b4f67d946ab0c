#!/usr/bin/env bash
# Runs the test suite with a real (virtual) microphone and speaker: PulseAudio
# null sinks, started here because PortAudio looks for the server only when
# the Python process starts.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/audio-ci.sh
audio_start
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1
exec "${PARLEY_VENV:-.venv}/bin/python" -m pytest "$@"
