"""`python -m app.devtools.pause_sets OUT`: the turn-taking test sets.

Two sets, kept apart: thresholds are chosen on ``tune`` and reported on
``eval``. Each has ``complete/`` (whole turns as spoken) and ``paused/`` (the
same turns with a 0.8 s thinking pause put in mid-sentence, at the word
boundary nearest the middle, found from Whisper's word timings):

- tune: the ten learner recordings of ``/work/shared/data/speech/learner``
  (ppg-gmm L2 speakers, the clips the project may use) and twelve sentences
  synthesised with Piper (joe, US English);
- eval: the five native recordings of ``.../native`` (LibriSpeech, JFK) and
  twelve other Piper sentences.

None of it is from the held-out sets (see /work/shared/notes/held-out.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from app.audio.constants import ASR_RATE as RATE

PAUSE_S = 0.8
SHARED = Path("/work/shared/data/speech")

TUNE_SENTENCES = [
    "I usually take the bus to work because it is cheaper than driving.",
    "Last weekend my sister and I visited our grandmother in the countryside.",
    "I would like to order a large coffee with milk and no sugar.",
    "My favourite hobby is reading books about history and travel.",
    "When I was a child we lived in a small house near the river.",
    "I am learning English because I want to work in another country.",
    "The meeting was moved to Thursday afternoon at three o'clock.",
    "Could you tell me where the nearest train station is?",
    "Yesterday it rained all day so we stayed at home and watched films.",
    "I think the best way to learn a language is to speak every day.",
    "My brother works as a nurse in a big hospital in the city.",
    "We are planning a trip to the mountains next summer with our friends.",
]
EVAL_SENTENCES = [
    "I have been living in this city for almost five years now.",
    "On Sundays I like to cook a big breakfast for my whole family.",
    "The new restaurant on the corner serves very good noodles.",
    "I forgot my umbrella at the office and got completely wet.",
    "My daughter started school this year and she loves her teacher.",
    "Do you know if the library is open on public holidays?",
    "I prefer working from home because I can concentrate better.",
    "Our neighbours have a friendly dog that barks at the postman.",
    "Next month I will take an exam to get my driving licence.",
    "The doctor told me to drink more water and sleep earlier.",
    "We watched a documentary about whales on television last night.",
    "I bought a second hand bicycle to ride to the university.",
]


def insert_pause(pcm: np.ndarray, words, pause_s: float = PAUSE_S) -> np.ndarray | None:
    """``pcm`` with ``pause_s`` of near-silence at the word boundary nearest
    the middle of its words (not the first or last two). None: too few words."""
    if len(words) < 5:
        return None
    middle = len(words) // 2
    # Boundaries after words 2 .. n-2; nearest the middle first.
    candidates = sorted(range(1, len(words) - 2), key=lambda i: abs(i + 1 - middle))
    index = candidates[0]
    cut = int((words[index].end + words[index + 1].start) / 2 * RATE)
    # Room tone: the quietest 50 ms of the clip, repeated, as a microphone would hear.
    frame = RATE // 20
    usable = pcm[: pcm.size // frame * frame].reshape(-1, frame)
    quiet = usable[int(np.argmin((usable ** 2).mean(axis=1)))]
    fill = np.resize(quiet, int(pause_s * RATE))
    return np.concatenate([pcm[:cut], fill.astype(np.float32), pcm[cut:]])


def build(out: Path) -> None:
    from app.audio.resample import resample  # lazy: loads numpy
    from app.audio.wavio import load_utterance, write_wav  # lazy: loads numpy
    from app.speech.factory import create_transcriber  # lazy: loads numpy
    from app.voice.piper_voice import PiperTTS  # lazy: loads numpy

    transcriber = create_transcriber("faster-whisper", None, threads=2)
    transcriber.load()
    voice = PiperTTS()
    voice.load()

    def synthesised(sentences):
        for number, sentence in enumerate(sentences, 1):
            pcm = voice.synthesize_all(sentence)
            pcm = resample(np.asarray(pcm, np.float32), voice.sample_rate, RATE)
            # Half a second before and after, as a microphone records a turn.
            pad = np.zeros(RATE // 2, np.float32)
            yield f"piper_{number:02d}", np.concatenate([pad, pcm, pad])

    def recorded(folder):
        for wav in sorted((SHARED / folder).glob("*.wav")):
            yield wav.stem, load_utterance(wav)

    sets = {"tune": (recorded("learner"), synthesised(TUNE_SENTENCES)),
            "eval": (recorded("native"), synthesised(EVAL_SENTENCES))}
    for name, sources in sets.items():
        for kind in ("complete", "paused"):
            (out / name / kind).mkdir(parents=True, exist_ok=True)
        for source in sources:
            for stem, pcm in source:
                words = transcriber.transcribe(pcm).words
                paused = insert_pause(pcm, words)
                write_wav(out / name / "complete" / f"{stem}.wav", pcm, RATE)
                if paused is not None:
                    write_wav(out / name / "paused" / f"{stem}.wav", paused, RATE)
                print(f"{name} {stem}: {len(words)} words", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    build(parser.parse_args(argv).out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
