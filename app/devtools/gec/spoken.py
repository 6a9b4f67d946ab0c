"""Do learner errors survive transcription?  ``python -m app.devtools.gec.spoken``

Each erroneous sentence of the learner sets is spoken by the embedded Piper
voice and transcribed by the embedded Whisper tiny.en, once as Parley
transcribes a turn and once primed with a prompt that itself contains
learner errors (Whisper copies its prompt's style, as it does for fillers in
app/review/fluency.py). Each transcript is then: ``kept`` (the learner's
words, error and all), ``repaired`` (Whisper wrote a reference correction),
or ``other`` (recognition errors). Corrections can only fix what is kept.
Synthetic speech is clean; real learners' accents make Whisper lean on its
language model more, so these survival rates are an upper bound.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from app.audio.constants import ASR_RATE
from app.devtools.gec.tune import learner
from app.tutor.edits import normalised

# Errors of the kinds the corrector fixes, none from the evaluation sets.
ERRORFUL_PROMPT = "So yesterday I go to shop and she don't like it. He have two sister."


def outcome(transcript: str, source: str, references: list[str]) -> str:
    said = normalised(transcript)
    if said == normalised(source):
        return "kept"
    if said in {normalised(r) for r in references}:
        return "repaired"
    return "other"


def measure(items: list[tuple[str, list[str]]], prompts: dict[str, str | None]) -> dict:
    from app.audio.resample import resample  # lazy: loads numpy
    from app.speech.factory import create_transcriber  # lazy: loads numpy
    from app.voice.factory import create_voice  # lazy: loads numpy

    voice = create_voice("piper", threads=1)
    asr = create_transcriber("faster-whisper", threads=2)
    asr.load()
    results = {name: {"kept": 0, "repaired": 0, "other": 0, "transcripts": []}
               for name in prompts}
    started = time.monotonic()
    for source, references in items:
        audio = voice.synthesize_all(source)
        audio = resample(audio, voice.sample_rate, ASR_RATE)
        for name, prompt in prompts.items():
            text = asr.transcribe(audio, initial_prompt=prompt).text
            kind = outcome(text, source, references)
            results[name][kind] += 1
            results[name]["transcripts"].append([source, text, kind])
    for row in results.values():
        row["sentences"] = len(items)
        row["kept_share"] = round(row["kept"] / max(1, len(items)), 3)
    return {"seconds": round(time.monotonic() - started, 1), "results": results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.devtools.gec.spoken")
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    args = parser.parse_args(argv)
    items = [(s, r) for s, r in learner(args.split) if r != [s]]
    report = measure(items, {"default": None, "errorful prompt": ERRORFUL_PROMPT})
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
