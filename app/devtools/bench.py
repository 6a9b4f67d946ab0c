"""`python -m app bench DIR`: latency of the real pipeline, as if each WAV were spoken live.

Each recording is fed to the same VAD endpointer the app uses, in 30 ms chunks
at real-time pace, followed by silence. The learner "stops talking" at the end
of the last speech the offline VAD finds in the file; from that moment the
clock runs until the first audible sample of the tutor's reply is ready.
Turns are saved to a temporary data folder, never to the user's history.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from app.audio.constants import ASR_RATE
from app.cli_support import add_server_options, settings_from
from app.config import HANGOVER_MS, PAUSE_MS, thread_budget
from app.devtools.latency_table import print_table
from app.engines import Engines
from app.errors import AudioFileError, ParleyError
from app.tutor.scenarios import get_scenario

DEFAULT_SCENARIO = "free-talk"

CHUNK_S = 0.03
TAIL_SILENCE_S = 3.0


def add_parser(subparsers) -> None:
    bench = subparsers.add_parser("bench", help="measure turn latency on a folder of WAVs")
    bench.add_argument("dir", type=Path, help="folder of speech WAVs (searched recursively)")
    bench.add_argument("--runs", type=int, default=1, help="passes over the folder")
    bench.add_argument("--backend", choices=("faster-whisper", "openai-whisper"))
    bench.add_argument("--llm", help="a GGUF chat model")
    add_server_options(bench)
    bench.add_argument("--voice", help="piper, pyttsx3, or a Piper .onnx file")
    bench.add_argument("--hangover-ms", type=int, default=None,
                       help="end every turn after this fixed silence instead of from what "
                            "was said (the app's end-of-turn policy)")
    bench.add_argument("--cores", type=int, default=None,
                       help="run as a machine with this many cores: pin the benchmark to the "
                            "first N (like taskset -c 0..N-1) and give the engines their "
                            "thread budget for N")
    for engine, what in (("asr", "speech recognition"), ("llm", "the tutor model"),
                         ("tts", "the voice")):
        bench.add_argument(f"--{engine}-threads", type=int, default=0, metavar="N",
                           help=f"threads for {what} (default: its share of the cores, "
                                "as the app's Automatic)")
    bench.add_argument("--patience-ms", type=int, default=None,
                       help="most silence a trailing-off sentence waits (default: the app's)")
    bench.add_argument("--early-ms", type=int, default=None,
                       help="silence after which a finished sentence's reply may sound, "
                            "before its end (default: the app's; 0: wait for the end)")
    bench.add_argument("--pause-ms", type=int, default=PAUSE_MS,
                       help="silence after which the turn starts speculatively")
    bench.add_argument("--no-speculation", action="store_true",
                       help="start a turn's work only once its end is certain")
    bench.add_argument("--scenario", default=DEFAULT_SCENARIO,
                       help="scenario pack id (default: the window's first session, free talk)")
    bench.add_argument("--window", action="store_true",
                       help="through the real window, hands-free, each WAV played into the "
                            "virtual microphone (run it with scripts/bench-window.sh)")


def speak_live(live, pcm: np.ndarray, speech_end_s: float, timeout_s: float = 60.0):
    """Feed ``pcm`` then silence in real time, as a microphone would deliver it.

    Returns (the confirmed turn's Future, the monotonic time speech ended,
    whether the turn was ended before the speech was: a pause longer than the
    hangover, as in an orator's pauses).
    """
    rate = ASR_RATE
    stream = np.concatenate([pcm, np.zeros(int(TAIL_SILENCE_S * rate), np.float32)])
    step = int(CHUNK_S * rate)
    live.reset()
    started = time.monotonic()
    for offset in range(0, stream.size, step):
        # A microphone delivers a chunk only once it has been spoken.
        due = started + (offset + step) / rate
        time.sleep(max(0.0, due - time.monotonic()))
        confirmed = live.feed(stream[offset:offset + step])
        if confirmed is not None:
            return confirmed, started + speech_end_s, (offset + step) / rate < speech_end_s
    raise RuntimeError("the endpointer never ended the turn")


def run(args: argparse.Namespace) -> int:
    wavs, scenario = _inputs(args)
    settings = _bench_settings(args)
    if args.window:  # Qt is imported only here: the plain benchmark runs headless
        from app.devtools.window_bench import run_window  # lazy: loads numpy

        return run_window(wavs, settings, args.runs, args.scenario)
    from app.audio.wavio import load_utterance  # lazy: loads numpy

    clips = [(path, load_utterance(path)) for path in wavs]
    engines, practice = _warm_practice(settings, scenario)
    taps = _Taps()
    live = _live_turns(practice, engines, settings, args, taps)
    try:
        rows, cut_offs = _speak_clips(live, clips, args.runs, taps)
    finally:
        live.close()
    print(f"speculative starts: {live.speculations}, cancelled because the learner "
          f"went on: {live.wasted}; let through before the end: {live.released} (taken "
          f"back: {live.retracted}); turns cut off mid-utterance: {len(cut_offs)} {cut_offs}")
    print_table(rows, cut_off=len(cut_offs))
    return 0


def _inputs(args: argparse.Namespace):
    """The recordings to speak, and the scenario they are spoken in."""
    wavs = sorted(args.dir.rglob("*.wav"))
    if not wavs:
        raise AudioFileError(f"no .wav files in {args.dir}", "give a folder of speech recordings")
    try:
        scenario = get_scenario(args.scenario)
    except KeyError as error:
        raise ParleyError(error.args[0], "pass one of those ids to --scenario") from None
    return wavs, scenario


def _bench_settings(args: argparse.Namespace):
    """The settings asked for, in a fresh home, with the thread budget of the cores."""
    settings = settings_from(args).with_(home=Path(tempfile.mkdtemp(prefix="parley-bench-")))
    cores = _pin_to_cores(args.cores) if args.cores else None
    return settings.with_(threads=_thread_budget(settings, cores, args))


def _warm_practice(settings, scenario):
    """The engines loaded and warm, and a practice on them (as the window has them)."""
    from app.practice import Practice, freeze_loaded_heap  # lazy: loads SQLAlchemy and libsndfile
    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile

    engines = Engines(settings)
    engines.load()
    t = settings.threads
    print(f"models: {engines.model_names()}  threads: asr {t.asr}, llm {t.llm}, tts {t.tts}"
          f"  cores: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}")
    print("load ms: " + ", ".join(f"{k} {v:.0f}" for k, v in engines.load_ms.items()))
    practice = Practice(engines, open_store(settings.home), scenario=scenario)
    practice.warm_up()
    freeze_loaded_heap()  # as the window does once its models are loaded
    return engines, practice


class _Taps:
    """What one spoken clip's events tell: when the reply's first audible
    sample could play, and, for replies let through before the end and taken
    back because the learner went on, how many first audios had been heard."""

    def __init__(self) -> None:
        self.heard: list[float] = []
        self.taken_back: list[int] = []

    def on_event(self, event) -> None:
        from app.events import ReplyAudio  # lazy: loads numpy
        from app.practice import leading_silence_s  # lazy: loads SQLAlchemy and libsndfile

        if isinstance(event, ReplyAudio) and event.first:
            self.heard.append(time.monotonic() + leading_silence_s(event.pcm, event.sample_rate))

    def on_retract(self, _turn) -> None:
        self.taken_back.append(len(self.heard))

    def clear(self) -> None:
        self.heard.clear()
        self.taken_back.clear()


def _live_turns(practice, engines, settings, args: argparse.Namespace, taps: _Taps):
    """The live turn-taking the window runs, with the app's end-of-turn policy
    unless a fixed silence is asked for."""
    from app.turntaking.driver import LiveTurns  # lazy: loads numpy
    from app.turntaking.turn_end import turn_end_options  # lazy: loads numpy

    turn_end = None if args.hangover_ms else turn_end_options(
        engines.turn_end_model, None, args.patience_ms or settings.patience_ms,
        voice=engines.smart_turn)
    if turn_end is not None and args.early_ms is not None:
        turn_end = replace(turn_end, early_ms=args.early_ms or None)
    return LiveTurns(practice, on_event=taps.on_event,
                     hangover_ms=args.hangover_ms or HANGOVER_MS,
                     pause_ms=None if args.no_speculation else args.pause_ms,
                     turn_end=turn_end, on_retract=taps.on_retract)


def _speak_clips(live, clips, runs: int, taps: _Taps) -> tuple[list[dict[str, float]], list[str]]:
    """Speak every clip ``runs`` times; each turn's numbers, and the clips cut off."""
    from app.audio.vad import speech_segments  # lazy: loads numpy

    rows: list[dict[str, float]] = []
    cut_offs: list[str] = []
    for run_index in range(runs):
        for path, pcm in clips:
            # The learner stopped at the end of the last speech the offline VAD finds.
            segments = speech_segments(pcm, pad_ms=0)
            speech_end_s = segments[-1][1] if segments else pcm.size / ASR_RATE
            taps.clear()
            future, ended_at, cut_off = speak_live(live, pcm, speech_end_s)
            outcome = future.result()
            label = f"run {run_index + 1} {path.name}: {speech_end_s:.1f} s{_decided(live)}"
            # A reply taken back after its first audio: counted as the
            # window's benchmark counts it, the reply sounded before the
            # learner's speech had ended. (One taken back before it
            # sounded left nothing in `heard`.)
            if cut_off or any(taps.taken_back):
                cut_offs.append(path.name)
                how = "cut off mid-utterance" if cut_off else "reply started, then taken back"
                print(f"{label}: {how}, not counted "
                      f"| {outcome.transcript.text[:60]!r}", flush=True)
                continue
            rows.append(turn_numbers(outcome, live, (taps.heard[0] - ended_at) * 1000))
            print(f"{label}, end_to_first_audio {rows[-1]['end_to_first_audio']:.0f} ms "
                  f"| {outcome.transcript.text[:60]!r}", flush=True)
    return rows, cut_offs


def turn_numbers(outcome, live, end_to_first_audio_ms: float) -> dict[str, float]:
    t = outcome.timings_ms
    audio_s = max(1e-3, outcome.transcript.duration_s)
    return {
        "vad_endpoint": live.last_endpoint_delay_ms,
        **{k: t[k] for k in ("asr", "llm_first_token", "tts_first_audio", "correction")
           if k in t},
        "asr_rtf": t["asr"] / 1000 / audio_s,
        "llm_tokens_per_s": t.get("llm_tokens_per_s", 0.0),
        "llm_prompt": t.get("llm_prompt", 0.0),
        "llm_calls": t.get("llm_calls", 0),
        "end_to_first_audio": end_to_first_audio_ms,
    }


def _decided(live) -> str:
    """What ended the turn: the end-of-turn policy's last evidence."""
    policy = live.turn_end
    if policy is None or not policy.history:
        return ""
    last = policy.history[-1]
    p_end = "-" if last.p_end is None else f"{last.p_end:.2f}"
    return (f" [p_end {p_end}{' trailing' if last.trailing else ''}"
            f"{' falling' if last.falling_pitch else ''} -> {last.silence_ms:.0f} ms]")


def _pin_to_cores(cores: int) -> int:
    """A slower machine, for the benchmark: this process (and the threads the
    engines start later) on the first ``cores`` CPUs. Returns how many."""
    available = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, set(available[:max(1, cores)]))
    return min(cores, len(available))


def _thread_budget(settings, cores: int | None, args):
    """The engines' threads: each --ENGINE-threads as given, the rest their
    share of ``cores`` (--cores) or as the settings have them."""
    base = thread_budget(cores=cores) if cores else settings.threads
    return base.choose(asr=args.asr_threads, llm=args.llm_threads, tts=args.tts_threads)
