#!/usr/bin/env bash
# Update the interface translations: collect every tr("...") of app/ui into
# assets/i18n/parley_<lang>.ts (translations already made are kept), then
# compile each .ts into the .qm that Parley loads (app/ui/i18n.py).
#   bash scripts/translations.sh            # update the .ts files and compile them
#   bash scripts/translations.sh --compile  # only compile (after editing a .ts, e.g. in pyside6-linguist)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
[ -x "$bin/pyside6-lupdate" ] || bin="$(dirname "$(command -v python3)")"
mapfile -t sources < <(find app/ui -name '*.py' | sort)
for ts in assets/i18n/parley_*.ts; do
    if [ "${1:-}" != "--compile" ]; then
        "$bin/pyside6-lupdate" -no-obsolete "${sources[@]}" -ts "$ts"
    fi
    "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
