#!/usr/bin/env bash
# Run a command as if on a slower machine: in a CPU-quota cgroup.
#
#   bash scripts/slow-machine.sh [--cpu 0.7] COMMAND [ARGS...]
#   bash scripts/slow-machine.sh .venv/bin/python -m app bench EVAL/complete --runs 1
#
# The command and every thread it starts share --cpu CPUs' worth of time
# (0.7: 70 ms in every 100 ms, on whichever cores). On this project's 2-core
# machine 0.7 brings SmolLM2 from about 90 tokens/s on a quiet day to 30-40,
# the speed of the slow CI machine issue 15 describes (28 tokens/s).
# The benchmark prints its own tokens/s: give that with every figure.
# Needs root and a cgroup file system (v2, or v1's cpu controller).
set -euo pipefail

cpu=0.7
if [[ "${1:-}" == "--cpu" ]]; then
    cpu="$2"
    shift 2
fi
if [[ $# -eq 0 ]]; then
    echo "usage: bash scripts/slow-machine.sh [--cpu 0.7] COMMAND [ARGS...]" >&2
    exit 2
fi
period=100000
quota=$(awk -v c="$cpu" -v p="$period" 'BEGIN { printf "%d", c * p }')
name="parley-slow-$$"

if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then          # cgroup v2 only
    group="/sys/fs/cgroup/$name"
    mkdir "$group"
    echo "$quota $period" > "$group/cpu.max"
elif [[ -d /sys/fs/cgroup/cpu ]]; then                         # v1 cpu controller
    group="/sys/fs/cgroup/cpu/$name"
    mkdir "$group"
    echo "$period" > "$group/cpu.cfs_period_us"
    echo "$quota" > "$group/cpu.cfs_quota_us"
else
    echo "no cgroup cpu controller here: cannot throttle (try taskset -c 0 instead)" >&2
    exit 1
fi
trap 'rmdir "$group" 2>/dev/null || true' EXIT
echo "slow machine: ${cpu} CPU (quota ${quota} us per ${period} us) for: $*" >&2
# The child joins the group before it runs the command, so all its threads are in it.
bash -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' _ "$group" "$@"
