"""The strongest tutor and ears this machine affords, chosen by measurement.

Parley measures the machine once (at first start, in a background process,
and again with ``python -m app models list --measure``) and picks:

- the tutor: Qwen2.5-Coder-1.5B when its first sentence reaches the learner
  within the turn's budget (:data:`FIRST_SENTENCE_P95_MS` after the end of
  speech, for a question to the tutor), else Qwen2.5-Coder-0.5B when it does,
  else the embedded SmolLM2;
- the ears: Whisper base when it hears the learner better than tiny.en and
  still leaves the first sound (:data:`FIRST_AUDIBLE_P95_MS`) and the tutor's
  first sentence within their budgets, else tiny.en;
- the review's writer (the fluent versions of a session's turns, built in the
  background after it ends, app/fluent_review.py): the strongest tutor whose
  measured speeds build a :data:`REVIEW_TURNS`-turn review in
  :data:`REVIEW_BUDGET_S` with :data:`REVIEW_MARGIN` times its predicted time
  to spare (a slow day), else SmolLM2. It has no turn's first-sentence budget
  to keep, so it may be stronger than the tutor.

The first sound of a reply never waits for the model: a recast or a short
acknowledgement ("Good question.", kept rendered by the voice) comes first.
What the model must fit is its first sentence: from the end of speech, the
pause that starts the turn's work (PAUSE_MS), recognition, the model's first
sentence, and the voice's first audio of it (:data:`VOICE_FIRST_AUDIO_MS`);
never sooner than the turn's end is confirmed (:data:`ENDPOINT_MS`).

The pick is kept in the data folder (:data:`BRAIN_FILE`) with the figures it
was made from; a model the learner chose (Settings, PARLEY_LLM_MODEL) always
wins over it. This module measures and decides; it never loads Qt.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from app.config import PAUSE_MS, Settings, data_home

BRAIN_FILE = "brain.json"
# The budgets: the model's first sentence of an answer to a question
# within 2.5 s p95 after the end of speech; the first sound within 1.0 s p50
# and 1.5 s p95 (carried by the acknowledgement or the recast).
FIRST_SENTENCE_P95_MS = 2500.0
FIRST_AUDIBLE_P95_MS = 1500.0
# Measured on this project's 2-core machine through the real pipeline
# (docs/benchmarks.md, "the speech fixtures"): the turn's end p95 with the
# 500 ms hangover, and Piper's first audio of a sentence p95 on one thread.
ENDPOINT_MS = 540.0
VOICE_FIRST_AUDIO_MS = 150.0
# The first sound with tiny.en, p95, in the window at the ear (docs/benchmarks.md):
# recognition is the part of it that another Whisper changes.
FIRST_AUDIBLE_TINY_P95_MS = 707.0
# Strongest first. Catalog ids (app/models_catalog.py).
TUTORS = ("qwen2.5-coder-1.5b", "qwen2.5-coder-0.5b", "smollm2-135m")
EARS = ("whisper-base", "tiny.en")
# Questions to the tutor, for timing only (the quality of the answers is
# eval-dialogue's business): a question waits for the model's answer.
TIMING_QUESTIONS = (
    "What do you think is the best way to learn new words?",
    "Can you recommend a good book for a beginner?",
    "What should I cook for my friends this weekend?",
    "Do you like living in a big city or a small town?",
    "Which sport do you think is the most fun to watch?",
    "How can I stop being nervous when I speak English?",
    "What would you do on a rainy Sunday afternoon?",
    "Is it better to travel by train or by plane in Europe?",
    "What kind of music do you listen to when you work?",
    "Could you give me some advice for my job interview?",
)
# The review (issue 26): a 10-turn session's fluent versions are ready
# within 60 s of its end; the pick keeps twice its predicted time in hand.
REVIEW_TURNS = 10
REVIEW_BUDGET_S = 60.0
REVIEW_MARGIN = 2.0
# Per turn, counted with Qwen's tokenizer and bench_review (docs/review-fluent.md):
# the learner's line read into the prompt with the chat template's tokens
# (16-20), the JSON rewrite written (13-15), and the corrector's and the
# guard's work on a rewrite (SmolLM2 scoring, spaCy), which does not depend on
# the writer. The system prompt and its examples (330 tokens) are read once
# per build.
REVIEW_PROMPT_TOKENS = 20
REVIEW_OUTPUT_TOKENS = 15
REVIEW_OTHER_S = 0.5
REVIEW_PREFIX_TOKENS = 330
PROMPT_TEXT = ("The learner is practising everyday conversation at level B1. Keep replies "
               "short and simple, react to what was said and ask one question about it. ") * 3


@dataclass
class TutorSpeed:
    spec: str
    prompt_tokens_per_s: float
    generation_tokens_per_s: float
    first_sentence_ms: list[float]  # from the reply's start to the model's first sentence
    load_s: float
    threads: int
    batch_threads: int
    load_average: float  # the machine's 1-minute load while it was measured
    first_token_ms: float = 0.0  # median time to the first token (the prompt read)
    path: str = ""  # the GGUF measured

    @property
    def first_sentence_p50(self) -> float:
        return _percentile(self.first_sentence_ms, 50)

    @property
    def first_sentence_p95(self) -> float:
        return _percentile(self.first_sentence_ms, 95)


@dataclass
class EarSpeed:
    spec: str
    wer: float  # over the clips, 0..1
    asr_ms: list[float]
    clips: int
    load_average: float

    @property
    def asr_p95(self) -> float:
        return _percentile(self.asr_ms, 95)


@dataclass
class Pick:
    tutor: str
    ear: str
    reasons: list[str]
    tutors: dict[str, dict] = field(default_factory=dict)
    ears: dict[str, dict] = field(default_factory=dict)
    measured_at: str = ""
    cores: int = 0
    # The 1-minute load average was above 1.5 × the cores while it was
    # measured: the figures are a busy machine's, so the next start measures again.
    provisional: bool = False
    # The review's writer; "" in a pick saved before it was measured (the tutor writes).
    review: str = ""


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("inf")


def predicted_first_sentence_ms(tutor: TutorSpeed, ear_asr_p95: float) -> float:
    """The model's first sentence at the ear after the end of speech, p95.

    The turn's work starts speculatively after PAUSE_MS of silence
    (app/turntaking/speculation.py), so recognition and the model run while
    the end is being confirmed; nothing sounds before ENDPOINT_MS."""
    return max(ENDPOINT_MS, PAUSE_MS + ear_asr_p95 + tutor.first_sentence_p95
               + VOICE_FIRST_AUDIO_MS)


def predicted_first_audible_ms(ear_asr_p95: float, tiny_asr_p95: float) -> float:
    """The first sound (a recast or an acknowledgement), p95: as measured with
    tiny.en, with this Whisper's recognition in place of tiny.en's."""
    return FIRST_AUDIBLE_TINY_P95_MS - tiny_asr_p95 + ear_asr_p95


def predicted_review_s(tutor: TutorSpeed, turns: int = REVIEW_TURNS) -> float:
    """Seconds from a session's end to its review with this writer: loading
    it (it is not the tutor's model when it is stronger), the prompt's
    examples read once, then per turn the line read, the rewrite written and
    the corrector's checks."""
    prompt = max(tutor.prompt_tokens_per_s, 1e-3)
    generation = max(tutor.generation_tokens_per_s, 1e-3)
    per_turn = (REVIEW_PROMPT_TOKENS / prompt + REVIEW_OUTPUT_TOKENS / generation
                + REVIEW_OTHER_S)
    return tutor.load_s + REVIEW_PREFIX_TOKENS / prompt + turns * per_turn


def choose_review(tutors: dict[str, TutorSpeed]) -> tuple[str, list[str]]:
    """The strongest measured model that builds a review in the budget with
    the margin to spare, and why; SmolLM2 is the floor."""
    reasons = []
    for spec in TUTORS:
        speed = tutors.get(spec)
        if speed is None:
            continue
        predicted = predicted_review_s(speed)
        fits = predicted * REVIEW_MARGIN <= REVIEW_BUDGET_S
        if fits or spec == TUTORS[-1]:
            reasons.append(f"review by {spec}: a {REVIEW_TURNS}-turn review predicted in "
                           f"{predicted:.0f} s (budget {REVIEW_BUDGET_S:.0f} s with "
                           f"{REVIEW_MARGIN:g}x to spare)")
            return spec, reasons
        reasons.append(f"review not by {spec}: {predicted:.0f} s predicted, over "
                       f"{REVIEW_BUDGET_S / REVIEW_MARGIN:.0f} s")
    return TUTORS[-1], reasons


def choose(tutors: dict[str, TutorSpeed], ears: dict[str, EarSpeed]) -> Pick:
    """The strongest tutor and ears that fit the budgets, with the reasons.

    Tutors and ears that were not measured (not installed) are not picked;
    SmolLM2 and tiny.en are the floor, picked even when nothing fits."""
    reasons: list[str] = []
    tiny = ears.get("tiny.en")
    tiny_asr = tiny.asr_p95 if tiny else 0.0
    ear = "tiny.en"
    base = ears.get("whisper-base")
    if base is not None and tiny is not None:
        audible = predicted_first_audible_ms(base.asr_p95, tiny_asr)
        if base.wer >= tiny.wer:
            reasons.append(f"Whisper base hears no better than tiny.en "
                           f"(WER {base.wer:.1%} against {tiny.wer:.1%}): tiny.en")
        elif audible > FIRST_AUDIBLE_P95_MS:
            reasons.append(f"Whisper base would make the first sound {audible:.0f} ms p95 "
                           f"(budget {FIRST_AUDIBLE_P95_MS:.0f}): tiny.en")
        else:
            ear = "whisper-base"
            reasons.append(f"Whisper base: WER {base.wer:.1%} against tiny.en's {tiny.wer:.1%}, "
                           f"recognition {base.asr_p95:.0f} ms p95 against {tiny_asr:.0f}")
    ear_asr = ears[ear].asr_p95 if ear in ears else tiny_asr
    tutor = TUTORS[-1]
    for spec in TUTORS:
        speed = tutors.get(spec)
        if speed is None:
            continue
        predicted = predicted_first_sentence_ms(speed, ear_asr)
        if predicted <= FIRST_SENTENCE_P95_MS or spec == TUTORS[-1]:
            tutor = spec
            reasons.append(f"{spec}: first sentence {predicted:.0f} ms p95 after the end of "
                           f"speech (budget {FIRST_SENTENCE_P95_MS:.0f}); "
                           f"{speed.generation_tokens_per_s:.1f} tokens/s")
            break
        if ear != "tiny.en" and tiny is not None and predicted_first_sentence_ms(
                speed, tiny_asr) <= FIRST_SENTENCE_P95_MS:
            # The stronger tutor fits with the faster ears: the brain comes first.
            ear, ear_asr, tutor = "tiny.en", tiny_asr, spec
            reasons.append(f"{spec} fits only with tiny.en's quicker recognition: "
                           "the stronger tutor comes first")
            break
        reasons.append(f"{spec}: first sentence {predicted:.0f} ms p95 > "
                       f"{FIRST_SENTENCE_P95_MS:.0f} ms budget")
    review, review_reasons = choose_review(tutors)
    reasons += review_reasons
    cores = _cores()
    loads = [v.load_average for v in [*tutors.values(), *ears.values()]]
    # The measurement's own threads make a load of about the cores: above
    # half as much again, something else was taking the cores as well.
    busy = bool(loads) and max(loads) > 1.5 * max(1, cores)
    if busy:
        reasons.append(f"measured while the machine was busy (load {max(loads):.1f} on "
                       f"{cores} cores): measured again at the next start")
    return Pick(tutor, ear, reasons,
                tutors={k: asdict(v) for k, v in tutors.items()},
                ears={k: asdict(v) for k, v in ears.items()},
                measured_at=time.strftime("%Y-%m-%dT%H:%M:%S"), cores=cores, provisional=busy,
                review=review)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 0


def brain_path(home: Path | None = None) -> Path:
    return (home or data_home()) / BRAIN_FILE


def load_pick(home: Path | None = None) -> Pick | None:
    """The pick made on this machine, or None before the first measurement."""
    try:
        data = json.loads(brain_path(home).read_text())
        return Pick(**data)
    except (OSError, ValueError, TypeError):
        return None


def save_pick(pick: Pick, home: Path | None = None) -> Path:
    path = brain_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(asdict(pick), indent=1))
    os.replace(partial, path)
    return path


def default_tutor(home: Path | None = None) -> str | None:
    """The measured pick when it is still installed, else None (SmolLM2)."""
    from app.models_catalog import PIP_MODELS, SMOLLM2_ID

    pick = load_pick(home)
    if pick is None or pick.tutor == SMOLLM2_ID:
        return None
    model = PIP_MODELS.get(pick.tutor)
    return pick.tutor if model is not None and model.installed() else None


def review_model(settings: Settings) -> str | None:
    """The model that writes the review's fluent versions, when it is not the
    tutor's: the measured review pick, still installed; None where the tutor's
    model writes them: the learner chose a model (Settings, PARLEY_LLM_MODEL)
    or a chat server, nothing was measured yet, or the pick is the tutor."""
    from app.models_catalog import PIP_MODELS, SMOLLM2_ID

    if settings.llm_model is not None or settings.llm_url:
        return None
    pick = load_pick(settings.home)
    if pick is None or not pick.review or pick.review == pick.tutor:
        return None
    if pick.review == SMOLLM2_ID:
        return SMOLLM2_ID  # the floor: the measured tutor is too slow for the review
    model = PIP_MODELS.get(pick.review)
    return pick.review if model is not None and model.installed() else None


def default_ear(home: Path | None = None) -> str | None:
    """The measured Whisper when it is not tiny.en and still installed, else None."""
    from app.models_catalog import WHISPER_MODELS

    pick = load_pick(home)
    if pick is None or pick.ear not in WHISPER_MODELS:
        return None
    return pick.ear if WHISPER_MODELS[pick.ear].installed() else None


def with_measured_defaults(settings: Settings) -> Settings:
    """``settings`` with the measured tutor and ears where none was chosen.
    With a chat server the local model stays SmolLM2, as before: it stands
    in when the server fails and scores the end of the turn meanwhile."""
    changes = {}
    if settings.llm_model is None and not settings.llm_url:
        changes["llm_model"] = default_tutor(settings.home)
    if settings.asr_model is None and settings.asr_backend == "faster-whisper":
        changes["asr_model"] = default_ear(settings.home)
    changes = {k: v for k, v in changes.items() if v is not None}
    return settings.with_(**changes) if changes else settings


MEASURE_COMMAND = ("-m", "app", "models", "pick")


def start_first_measurement(home: Path | None = None, command: tuple[str, ...] = MEASURE_COMMAND):
    """At the window's first start: measure in a child process, at a low
    priority, unless a pick exists (one made on a busy machine does not
    count) or a measurement is under way. Returns the
    process (the caller may wait for it on a thread of its own), or None.
    The pick applies from the next time the engines are made."""
    import subprocess
    import sys

    home = home or data_home()
    pick = load_pick(home)
    if pick is not None and not pick.provisional:
        return None
    home.mkdir(parents=True, exist_ok=True)
    running = home / (BRAIN_FILE + ".running")
    try:
        pid = int(running.read_text())
        os.kill(pid, 0)
        return None  # another window's measurement is still at it
    except (OSError, ValueError):
        pass
    log = (home / "brain-measure.log").open("w")
    process = subprocess.Popen(
        [sys.executable, *command], stdout=log, stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL, env=os.environ | {"PARLEY_HOME": str(home)},
        preexec_fn=(lambda: os.nice(5)) if hasattr(os, "nice") else None)
    log.close()
    running.write_text(str(process.pid))
    return process
