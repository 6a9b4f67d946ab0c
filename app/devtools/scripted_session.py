"""``python -m app.devtools.scripted_session``: one short spoken session in
the data folder ($PARLEY_HOME), for the README's screenshots
(scripts/screenshots.sh). The learner's lines, mistakes included, are
spoken by the tutor's own voice (Piper) and heard by Whisper like a
microphone's; the tutor model answers and corrects as in the window, and
every turn is saved with both recordings; then the default tutor model's
speed is measured, as the first start's Measure button does. Real engines,
nothing invented but the learner's lines."""

from __future__ import annotations

import sys

LINES = (
    "Yesterday I go to the cinema with my friend.",
    "We watched a film about the space travel.",
    "My friend say the ending was too long, but I loved it.",
)
ASR_RATE = 16000


def main(lines=LINES) -> int:
    from app.audio.resample import resample  # lazy: loads numpy
    from app.config import Settings
    from app.engines import Engines
    from app.practice import Practice
    from app.store import open_store
    from app.tutor.scenarios import load_catalog

    settings = Settings.from_env()
    engines = Engines(settings)
    engines.load()
    free_talk = next(s for s in load_catalog().scenarios if s.id == "free-talk")
    with open_store(settings.home) as store:
        practice = Practice(engines, store, scenario=free_talk, level="B1",
                            correction_style="explicit", speak=True)
        print(f"Tutor: {practice.opening()}")
        voice = engines.voice
        for line in lines:
            pcm = resample(voice.synthesize_all(line), voice.sample_rate, ASR_RATE)
            outcome = practice.run_turn(pcm)
            print(f"You:   {outcome.transcript.text}")
            for edit in outcome.corrections.edits:
                print(f"       {edit.original} -> {edit.corrected} ({edit.reason})")
            print(f"Tutor: {outcome.reply}")
        practice.end()
    # The first start shows each model's speed measured here: measure the default one.
    from app.models_list import list_models, measure

    entry = measure(list_models(settings.home)[0], settings, settings.home)
    print(f"{entry.title}: {entry.tokens_per_s} tokens/s, first token {entry.first_token_ms} ms, "
          f"{entry.measured_threads} threads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
