#!/usr/bin/env bash
# Upgrades on purpose: resolves the newest versions pyproject.toml allows,
# installs them into a scratch environment (not .venv) and runs the tests
# there. Green: refresh the lock with `bash scripts/lock.sh` and commit it.
# Red: pin or bound what broke in pyproject.toml, with the reason beside it.
#   bash scripts/check-latest.sh [PYTEST ARGS...]   (default: the whole suite)
# PARLEY_LATEST_DIR holds the scratch lock and environment (default /tmp/parley-latest).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${PARLEY_LATEST_DIR:-/tmp/parley-latest}
mkdir -p "$scratch"
bash scripts/lock.sh --output "$scratch/requirements.txt"
versions() { grep -o '^[a-z0-9][^ ]*==[^ ]*' "$1" | sort; }
echo "== newer than the lock:"
comm -13 <(versions scripts/lock/requirements.txt) <(versions "$scratch/requirements.txt") || true
PARLEY_VENV="$scratch/venv" PARLEY_LOCK="$scratch/requirements.txt" bash scripts/setup.sh
PARLEY_VENV="$scratch/venv" bash scripts/test.sh "$@"
