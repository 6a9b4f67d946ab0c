"""`python -m app.devtools.pause_eval`: the end-of-turn decisions alone, on
the boundary sets of :mod:`app.devtools.pause_sets` (``--boundaries``).

Two steps, so that a policy can be weighed on a set in a second:

- ``collect SET OUT.jsonl``: replays every recording of ``SET/complete`` and
  ``SET/paused`` through the live endpointer (the app's, never ending the
  turn) and, at each pause it reports, what the policy reads there: the
  transcript of the utterance so far (the app's Whisper), the chat model's
  P(end of message), the prosody of the last second (app.turntaking.prosody)
  and how long the silence then lasted, and Smart Turn's P(complete) of the
  voice (app.turntaking.smart_turn: the installed model, or ``--smart-turn
  ONNX``; left out when there is none).
- ``decide OUT.jsonl``: runs the app's :class:`TurnEndPolicy` on those
  pauses, as the app decides while the learner's rhythm is unknown: Smart
  Turn's P(complete) shortens the wait of words that sound unfinished
  (``--no-voice``: without it). A paused recording is *cut off* when the
  policy ends the turn, or lets its reply start early, within a silence the
  learner went on after; a complete one reports the silence its end waited
  (the reply's early start when it has one). Prints one line per set and
  kind; ``--policy main`` is the policy of main before the boundary sets.

The decisions come as if recognition and the score were instant; live, a
slow machine decides later and so cuts off less (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from app.audio.constants import ASR_RATE as RATE

TAIL_QUIET_S = 3.0  # room noise after the recording, so its end is heard as one


def collect(set_dir: Path, out: Path, smart_turn: Path | None = None) -> None:
    from app.audio.wavio import load_utterance  # lazy: loads numpy
    from app.config import Settings
    from app.devtools.pause_sets import room_noise
    from app.engines import Engines
    from app.turntaking.cutter import TAIL_S, UtteranceCutter
    from app.turntaking.endpointer import SPEECH_PAUSE, live_endpointer
    from app.turntaking.prosody import prosody
    from app.turntaking.turn_end import asks, falling_pitch, scored_words, trails_off

    from app.turntaking.smart_turn import SmartTurn

    engines = Engines(Settings.from_env())
    engines.transcriber.load()
    scorer = engines.turn_end_model
    scorer.load()
    voice = SmartTurn(smart_turn) if smart_turn else engines.smart_turn
    if not voice.load():
        print("no Smart Turn model: the records hold no smart_turn", file=sys.stderr)
    manifest = {}
    if (set_dir / "manifest.jsonl").exists():
        for line in open(set_dir / "manifest.jsonl", encoding="utf-8"):
            row = json.loads(line)
            manifest[row["file"]] = row
    with open(out, "w", encoding="utf-8") as sink:
        for kind in ("complete", "paused"):
            for wav in sorted((set_dir / kind).glob("*.wav")):
                pcm = load_utterance(wav)
                pcm = np.concatenate([pcm, room_noise(pcm, int(TAIL_QUIET_S * RATE))])
                cutter = UtteranceCutter(live_endpointer(turn_end=lambda: 1e9))
                pauses: list[dict] = []
                for start in range(0, pcm.size, 1600):  # 100 ms chunks, as a microphone
                    for cut in cutter.feed(pcm[start:start + 1600]):
                        if cut.kind == SPEECH_PAUSE:
                            utt = cut.utterance
                            transcript = engines.transcriber.transcribe(utt.pcm)
                            text = transcript.text
                            p_end = None
                            if not trails_off(text) and not asks(text):
                                p_end = scorer.end_of_message_probability(scored_words(text))
                            words = [w.to_dict() for w in transcript.words]
                            silence_at = utt.pcm.size / RATE - TAIL_S
                            row = {"sample": utt.end_sample, "text": text, "p_end": p_end,
                                   "trailing": trails_off(text), "asks": asks(text),
                                   "prosody": prosody(utt.pcm, words,
                                                      silence_at_s=silence_at).as_dict(),
                                   "silence_ms": None}
                            row["falling_old"] = falling_pitch(utt.pcm)
                            if voice.available:
                                row["smart_turn"] = voice.p_complete(utt.pcm)
                            pauses.append(row)
                # The silence each pause lasted: up to the next speech, or the end.
                speech_starts = _resumptions(pcm)
                for row in pauses:
                    later = [s for s in speech_starts if s > row["sample"]]
                    row["resumed"] = bool(later)
                    row["silence_ms"] = ((later[0] if later else pcm.size) - row["sample"]) / RATE * 1000
                info = manifest.get(f"{kind}/{wav.name}", {})
                record = {"set": set_dir.name, "kind": kind, "file": wav.name,
                          "source": info.get("source", wav.stem), "pause_s": info.get("pause_s"),
                          "at_s": info.get("at_s"), "pauses": pauses}
                sink.write(json.dumps(record) + "\n")
                sink.flush()
                print(f"{kind} {wav.name}: " + "; ".join(
                    f"{p['silence_ms']:.0f} ms p_end={p['p_end'] if p['p_end'] is None else round(p['p_end'], 2)}"
                    f" {p['text'][-30:]!r}" for p in pauses), flush=True)


def _resumptions(pcm: np.ndarray) -> list[int]:
    """Where speech starts again after each quiet stretch, as the live endpointer hears it."""
    from app.turntaking.endpointer import SPEECH_RESUME, SPEECH_START, Endpointer

    ep = Endpointer(pause_ms=64, turn_end=lambda: 1e9)
    starts = []
    for start in range(0, pcm.size, 1600):
        for event in ep.feed(pcm[start:start + 1600]):
            if event.kind in (SPEECH_RESUME, SPEECH_START):
                starts.append(event.sample)
    return starts


def decide(records: list[dict], policy_name: str = "new", lengthened: float | None = None,
           smart_turn: float | None = None, voice: bool = True, **options) -> dict:
    """Cut-offs of the paused recordings and the complete ones' end waits.
    ``policy_name`` "main": the policy before the boundary sets (an
    unfinished sentence waited 1.2 s, no could-end band, no Smart Turn).
    ``voice``: the app's rule, Smart Turn's P(complete) (the records'
    ``smart_turn``) shortens an unfinished sentence's wait. Measurements the
    app does not make: ``lengthened``, a could-end sentence whose last word
    is drawn out at least this much ends as a sure one; ``smart_turn``, it
    does so when Smart Turn's P(complete) is at least this."""
    from app.turntaking.turn_end import TurnEndPolicy

    if policy_name == "main":
        options = {"thinking_ms": 1200, "sure_end": 0.0} | options
    policy = TurnEndPolicy(lambda text: None, **options)
    result: dict = {"cut": [], "paused": 0, "waits": [], "complete": 0, "complete_cut": 0,
                    "by_pause": {}}
    for record in records:
        cut = False
        final_wait = None
        for pause in record["pauses"]:
            # As the app asks: Whisper's "?" is a finished question, not scored.
            p_end = 1.0 if pause["asks"] and not pause["trailing"] else pause["p_end"]
            p_complete = pause.get("smart_turn") if voice and policy_name != "main" else None
            silence, early = policy.decide(pause["text"], p_end, pause.get("falling_old"),
                                           p_complete)
            if silence == policy.hesitant_ms and early is None and p_end is not None and (
                    (lengthened is not None
                     and (pause["prosody"]["lengthening"] or 0) >= lengthened)
                    or (smart_turn is not None and pause.get("smart_turn", 0) >= smart_turn)):
                silence, early = policy.finished_ms, policy.finished_early_ms
            first = early if early is not None else silence
            if pause["resumed"]:
                if first <= pause["silence_ms"]:
                    cut = True
            else:
                final_wait = first
        if record["kind"] == "paused":
            result["paused"] += 1
            tally = result["by_pause"].setdefault(record["pause_s"], [0, 0])
            tally[0] += cut
            tally[1] += 1
            if cut:
                result["cut"].append(record["file"])
        else:
            result["complete"] += 1
            result["complete_cut"] += cut
            if final_wait is not None and not cut:
                result["waits"].append(final_wait)
    return result


def summary(name: str, result: dict) -> str:
    waits = np.asarray(result["waits"], float)
    p50, p95 = (np.percentile(waits, [50, 95]) if waits.size else (float("nan"),) * 2)
    return (f"{name}: paused cut off {len(result['cut'])}/{result['paused']}"
            f" ({100 * len(result['cut']) / max(1, result['paused']):.0f} %; "
            + ", ".join(f"{k} s: {c}/{n}" for k, (c, n) in sorted(result["by_pause"].items()))
            + ");"
            f" complete cut off {result['complete_cut']}/{result['complete']},"
            f" end wait p50 {p50:.0f} ms p95 {p95:.0f} ms, over 1 s {int((waits > 1000).sum())}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect")
    c.add_argument("set_dir", type=Path)
    c.add_argument("out", type=Path)
    c.add_argument("--smart-turn", type=Path)
    d = sub.add_parser("decide")
    d.add_argument("records", type=Path, nargs="+")
    d.add_argument("--policy", choices=("main", "new"), default="new")
    d.add_argument("--no-voice", action="store_true",
                   help="without Smart Turn's P(complete) (the app's rule before it)")
    d.add_argument("--cut-list", action="store_true")
    d.add_argument("--thinking-ms", type=int, help="an unfinished sentence's wait")
    d.add_argument("--hesitant-ms", type=int, help="a could-end sentence's wait")
    d.add_argument("--lengthened", type=float,
                   help="a could-end sentence with its last word drawn out this much ends fast")
    d.add_argument("--smart-turn", type=float,
                   help="a could-end sentence with Smart Turn's P(complete) this high ends fast")
    args = parser.parse_args(argv)
    if args.command == "collect":
        if not any((args.set_dir / kind).is_dir() for kind in ("complete", "paused")):
            print(f"error: {args.set_dir} has no complete/ or paused/ folder "
                  "(make one with python -m app.devtools.pause_sets OUT --boundaries)",
                  file=sys.stderr)
            return 2
        collect(args.set_dir, args.out, args.smart_turn)
        return 0
    missing = [str(path) for path in args.records if not path.is_file()]
    if missing:
        print(f"error: no such file: {', '.join(missing)} (write one with `collect`)",
              file=sys.stderr)
        return 2
    for path in args.records:
        records = [json.loads(line) for line in open(path, encoding="utf-8")]
        options = {k: v for k, v in (("thinking_ms", args.thinking_ms),
                                     ("hesitant_ms", args.hesitant_ms)) if v is not None}
        result = decide(records, args.policy, args.lengthened, args.smart_turn,
                        voice=not args.no_voice, **options)
        label = " ".join(f"{k}={v}" for k, v in options.items())
        if args.policy != "main":
            heard = sum("smart_turn" in p for r in records for p in r["pauses"])
            label = " ".join(filter(None, [label, "no-voice" if args.no_voice
                                           else f"voice ({heard} pauses scored)"]))
        for name, value in (("lengthened", args.lengthened), ("smart_turn", args.smart_turn)):
            if value is not None:
                label += f" {name}={value}"
        print(summary(f"{path.name} [{args.policy}{' ' + label if label else ''}]", result))
        if args.cut_list:
            print("  cut: " + ", ".join(result["cut"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
