"""Measure the tutors and the ears on this machine (app/brain.py decides).

Heavy: loads each model in turn (the 1.5B tutor is 1.1 GB), so the window
runs it in a child process (``python -m app models pick``), never on its own
threads. Each tutor runs with the threads the app gives it
(app/tutor/backends.py, the ThreadBudget): while the model reads the prompt
and writes its first sentence, recognition is done and the voice's first
piece is already rendered (Voice.keep), so the tutor has its budget's cores.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.brain import (EARS, PROMPT_TEXT, TIMING_QUESTIONS, TUTORS, EarSpeed, Pick,
                       TutorSpeed, choose, save_pick)
from app.config import Settings
from app.errors import ParleyError

REPO_SPEECH = Path(__file__).resolve().parent.parent / "tests" / "data" / "speech" / "learner"
# When the checkout's learner clips are not there (an installed app), the
# ears are timed on speech the voice renders, and their word error is the one
# measured on those clips (docs/brain.md): the voice's clean speech says
# nothing about hearing a learner.
KNOWN_WER = {"tiny.en": 0.170, "whisper-base": 0.150}


def _as_the_app() -> None:
    """The OpenMP policy the app sets before any engine loads (app/engines.py):
    spinning threads made the prompt read 3-8 times slower on the busy 2 cores."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def _load_average() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return -1.0


def measure_tutor(spec: str, settings: Settings, questions: int = 5,
                  log: Callable[[str], None] = print) -> TutorSpeed:
    """Load ``spec`` as the app would and time answers to questions."""
    _as_the_app()
    from app.tutor.backends import create_local_chat  # lazy: loads numpy
    from app.tutor.conversation import Conversation  # lazy: loads spaCy on use
    from app.tutor.scenarios import get_scenario

    model = create_local_chat(settings.with_(llm_model=spec, llm_url=None))
    started = time.monotonic()
    model.load()
    load_s = time.monotonic() - started
    llama = model._llama
    tokens = llama.tokenize(PROMPT_TEXT.encode(), add_bos=False)
    with model._lock:
        rates = []
        for _ in range(2):  # the first read also sets llama.cpp's buffers up
            llama.reset()
            started = time.monotonic()
            llama.eval(tokens)
            rates.append(len(tokens) / (time.monotonic() - started))
        llama.reset()
    prompt_tps = max(rates)
    talk = Conversation(model, scenario=get_scenario("free-talk"))
    talk.warm_up()
    before = replace(model.stats)
    firsts = []
    for question in TIMING_QUESTIONS[:questions]:
        started, tokens, first = time.monotonic(), model.stats.tokens, None
        for piece in talk.reply(question):
            # The acknowledgement is ours; the first piece out after the model
            # wrote something is its first (checked) sentence.
            if first is None and model.stats.tokens > tokens:
                first = piece
                firsts.append((time.monotonic() - started) * 1000)
        log(f"  {spec}: {firsts[-1] if firsts else float('nan'):.0f} ms to {first!r}")
        talk.warm_up()  # as the app does while the learner listens
    took = model.stats.since(before)
    first_token = sorted(took.prompt_times)[len(took.prompt_times) // 2] if took.prompt_times else 0
    speed = TutorSpeed(spec, round(prompt_tps, 1), round(took.tokens_per_s, 1),
                       [round(f) for f in firsts], round(load_s, 2), model.threads,
                       model.batch_threads, _load_average(), round(first_token * 1000, 1),
                       str(model.path))
    del talk, model
    return speed


def measure_ear(spec: str, settings: Settings, clips: list[tuple[object, str]],
                known_wer: bool = False) -> EarSpeed:
    """Recognise each clip (audio, reference) and time it."""
    _as_the_app()
    from app.speech.factory import create_transcriber  # lazy: loads numpy
    from app.speech.wer import corpus_wer

    transcriber = create_transcriber("faster-whisper", None if spec == "tiny.en" else spec,
                                     threads=settings.threads.asr)
    transcriber.load()
    transcriber.transcribe(clips[0][0])  # the first call sets up the encoder
    pairs, times = [], []
    for audio, reference in clips:
        started = time.monotonic()
        heard = transcriber.transcribe(audio).text
        times.append(round((time.monotonic() - started) * 1000, 1))
        pairs.append((reference, heard))
    wer = KNOWN_WER[spec] if known_wer else corpus_wer(pairs)
    return EarSpeed(spec, round(wer, 4), times, len(clips), _load_average())


def learner_clips(folder: Path = REPO_SPEECH) -> list[tuple[object, str]]:
    from app.audio.wavio import load_utterance  # lazy: loads numpy

    return [(load_utterance(wav), wav.with_suffix(".txt").read_text().strip())
            for wav in sorted(folder.glob("*.wav"))]


def voice_clips(settings: Settings) -> list[tuple[object, str]]:
    """Speech rendered by the voice, for timing only."""
    import numpy as np

    from app.audio.constants import ASR_RATE
    from app.voice.factory import create_voice

    voice = create_voice(settings.voice, threads=settings.threads.tts)
    voice.load()
    clips = []
    for line in TIMING_QUESTIONS[:5]:
        audio = voice.synthesize_all(line)
        # to 16 kHz by linear interpolation: enough to time recognition
        count = int(len(audio) * ASR_RATE / voice.sample_rate)
        resampled = np.interp(np.linspace(0, len(audio) - 1, count), np.arange(len(audio)),
                              audio).astype(np.float32)
        clips.append((resampled, line))
    return clips


def measure_and_pick(settings: Settings, questions: int = 5, tutors=TUTORS, ears=EARS,
                     log: Callable[[str], None] = print, save: bool = True) -> Pick:
    """Measure every installed tutor and Whisper, pick, and remember the pick."""
    from app.models_catalog import PIP_MODELS, WHISPER_MODELS

    _as_the_app()
    ear_speeds: dict[str, EarSpeed] = {}
    real = REPO_SPEECH.is_dir() and any(REPO_SPEECH.glob("*.wav"))
    clips = learner_clips() if real else voice_clips(settings)
    for spec in ears:
        if spec in WHISPER_MODELS and not WHISPER_MODELS[spec].installed():
            log(f"{spec}: not installed")
            continue
        try:
            ear_speeds[spec] = speed = measure_ear(spec, settings, clips, known_wer=not real)
        except ParleyError as error:
            log(f"{spec}: not measured: {error}")
            continue
        log(f"{spec}: WER {speed.wer:.1%} on {speed.clips} clips, recognition "
            f"{speed.asr_p95:.0f} ms p95, load {speed.load_average}")
    tutor_speeds: dict[str, TutorSpeed] = {}
    for spec in tutors:
        if spec in PIP_MODELS and not PIP_MODELS[spec].installed():
            log(f"{spec}: not installed")
            continue
        try:
            tutor_speeds[spec] = speed = measure_tutor(spec, settings, questions, log)
        except ParleyError as error:
            log(f"{spec}: not measured: {error}")
            continue
        log(f"{spec}: prompt {speed.prompt_tokens_per_s} tokens/s, generation "
            f"{speed.generation_tokens_per_s} tokens/s ({speed.threads} threads), first "
            f"sentence p50 {speed.first_sentence_p50:.0f} / p95 {speed.first_sentence_p95:.0f} "
            f"ms, load {speed.load_average}")
    pick = choose(tutor_speeds, ear_speeds)
    if save:
        save_pick(pick, settings.home)
    return pick
