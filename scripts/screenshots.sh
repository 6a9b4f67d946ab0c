#!/usr/bin/env bash
# The README's screenshots, of the real thing: a short spoken session
# (app/devtools/scripted_session.py) in a fresh data folder, then every page
# rendered from it in both themes (python -m app screenshot), and in Chinese
# (light theme) into OUT/zh_CN, drawn in the bundled Noto Sans CJK.
#   bash scripts/screenshots.sh [OUT]   # default: docs/screenshots
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
# A fresh learner: their own data folder and their own (empty) settings.
export PARLEY_HOME="$home/data" XDG_CONFIG_HOME="$home/config" QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1
python="${PARLEY_VENV:-.venv}/bin/python"
"$python" -m app.devtools.scripted_session
"$python" -m app screenshot "$out"
"$python" -m app screenshot "$out/zh_CN" --theme light --language zh_CN
