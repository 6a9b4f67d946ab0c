"""Nothing leaves the machine (issue 13: onnxruntime, loaded for the Piper
voice, wrote a device id under ~/.cache/Microsoft and started DNS lookups for
a Microsoft events host, 39 network calls in one `bench`).

A whole turn and a short benchmark run under strace, which logs every
network system call of the process and its threads and children; any
internet socket (AF_INET or AF_INET6: TCP, UDP, DNS) fails the test, while
local AF_UNIX sockets (PulseAudio) are allowed. The telemetry switches are
taken out of the test's environment, so what is tested is that Parley sets
them itself (app/offline.py). HOME is an empty folder, so any vendor cache or
config file the run writes there is seen too."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.offline import OFFLINE_DEFAULTS, TELEMETRY_OFF

pytestmark = [pytest.mark.model, pytest.mark.timeout(600), pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
LEARNER = ROOT / "tests" / "data" / "speech" / "learner"
# socket(AF_INET, ...), connect(3, {sa_family=AF_INET6, ...}), sendto(..., {sa_family=AF_INET...
INTERNET = re.compile(r"\bAF_INET6?\b")
# The one exception: a socket bound to the loopback address on port 0 and
# nothing else, which cannot carry a packet off the machine. urllib3 makes one
# when it is imported (its IPv6 check), and spaCy imports it (spacy.cli ->
# requests). A connect or send on any internet socket, loopback or not, still fails.
LOOPBACK_PROBE = re.compile(r"bind\((\d+), \{sa_family=AF_INET6?, sin6?_port=htons\(0\)"
                            r".*(\"::1\"|\"127\.0\.0\.1\")")
SOCKET = re.compile(r"socket\(AF_INET6?, .*\) = (\d+)$")


def internet_calls(log: list[str]) -> list[str]:
    """strace's lines that touch an internet socket, less loopback probes."""
    lines = [line.split(None, 1) for line in log if INTERNET.search(line)]
    probes = {(pid, m.group(1)) for pid, call in lines if (m := LOOPBACK_PROBE.match(call))}
    return [f"{pid} {call}" for pid, call in lines
            if not LOOPBACK_PROBE.match(call)
            and not ((m := SOCKET.match(call)) and (pid, m.group(1)) in probes)]


def traced(args: list[str], tmp_path: Path, timeout: float = 500):
    """Run ``args`` under strace in a clean environment with an empty HOME;
    return (the run, the network calls of internet families, HOME)."""
    strace = shutil.which("strace")
    assert strace, "strace is missing: scripts/setup.sh installs it (apt package strace)"
    home, log = tmp_path / "home", tmp_path / "network.strace"
    home.mkdir(exist_ok=True)
    # No telemetry switch and no XDG folder from outside: the app must do it all.
    env = {k: v for k, v in os.environ.items()
           if k not in (*TELEMETRY_OFF, *OFFLINE_DEFAULTS) and not k.startswith("XDG_")}
    env.update(HOME=str(home), PARLEY_HOME=str(tmp_path / "parley"))
    done = subprocess.run(
        [strace, "-f", "--seccomp-bpf", "-e", "trace=network", "-o", str(log), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    return done, internet_calls(log.read_text().splitlines()), home


def _files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_the_check_sees_an_internet_socket(tmp_path):
    """The check itself can fail: a connection to 127.0.0.1 is caught."""
    probe = ("import socket; s = socket.socket(); s.settimeout(1)\n"
             "try: s.connect(('127.0.0.1', 9))\nexcept OSError: pass")
    done, calls, _ = traced([sys.executable, "-c", probe], tmp_path)
    assert done.returncode == 0, done.stderr
    assert any(re.match(r"\d+ socket\(AF_INET,", c) for c in calls), calls
    assert any("connect(" in c and "127.0.0.1" in c for c in calls), calls


def test_only_a_loopback_probe_is_let_through():
    log = ["1938  socket(AF_INET6, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 8",
           '1938  bind(8, {sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), '
           'inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
           "1940  socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 9",
           '1940  connect(9, {sa_family=AF_INET, sin_port=htons(53), '
           'sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
           "1941  socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 5"]
    assert internet_calls(log) == [log[2].replace("  ", " ", 1), log[3].replace("  ", " ", 1)]
    bound_then_sent = log[:2] + ['1938  sendto(8, "x", 1, 0, {sa_family=AF_INET6, '
                                 'sin6_port=htons(53), inet_pton(AF_INET6, "::1", &sin6_addr)}, 28)']
    assert internet_calls(bound_then_sent) == [bound_then_sent[2].replace("  ", " ", 1)]


@pytest.fixture(scope="module")
def turn_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("traced-turn")
    wav = LEARNER / "learner_ppggmm_tgt_0002.wav"
    return traced([sys.executable, "-m", "app", "turn", str(wav), "--json"], tmp)


def test_a_whole_turn_opens_no_internet_socket(turn_run):
    done, calls, _ = turn_run
    assert done.returncode == 0, done.stderr[-3000:]
    assert '"reply_audio"' in done.stdout  # the turn ran to the end, voice included
    assert calls == [], "network calls to the internet:\n" + "\n".join(calls[:20])


def test_a_whole_turn_leaves_no_vendor_cache_in_home(turn_run):
    done, _, home = turn_run
    assert done.returncode == 0, done.stderr[-3000:]
    assert not (home / ".cache" / "Microsoft").exists()
    assert _files_under(home) == []  # nothing at all: models and data live elsewhere


def test_the_benchmark_opens_no_internet_socket(tmp_path):
    """Long enough for onnxruntime's telemetry to have started (about 8 s after
    it loads): models load, then two recordings are played in real time."""
    clips = tmp_path / "clips"
    clips.mkdir()
    for number in ("0002", "0005"):
        shutil.copy(LEARNER / f"learner_ppggmm_tgt_{number}.wav", clips)
    done, calls, home = traced(
        [sys.executable, "-m", "app", "bench", str(clips), "--runs", "1"], tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "end to first audio" in done.stdout
    assert calls == [], "network calls to the internet:\n" + "\n".join(calls[:20])
    assert _files_under(home) == []
