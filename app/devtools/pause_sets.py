"""`python -m app.devtools.pause_sets OUT [--boundaries]`: the turn-taking test sets.

Two sets, kept apart: thresholds are chosen on ``tune`` and reported on
``eval``. Each has ``complete/`` (whole turns as spoken) and ``paused/`` (the
same turns with a 0.8 s thinking pause put in mid-sentence, at the word
boundary nearest the middle, found from Whisper's word timings):

- tune: the ten learner recordings of ``/work/shared/data/speech/learner``
  (ppg-gmm L2 speakers, the clips the project may use) and twelve sentences
  synthesised with Piper (joe, US English);
- eval: the five native recordings of ``.../native`` (LibriSpeech, JFK) and
  twelve other Piper sentences.

With ``--boundaries`` it builds the harder sets instead, in ``OUT/boundary``:
pauses of 0.8 s and 1.2 s put in at *every* word boundary where the words
before could be a whole sentence ("His enemy went down | on his knees"), the
place a text-only end-of-turn score cuts the learner off. A boundary counts
when spaCy parses the words before it as a clause with a subject and a
finite verb and they do not end on a word that cannot end a statement
(:func:`complete_prefix`). Each pause holds the recording's own room noise,
taken from its quiet stretches (:func:`room_noise`), not digital silence.
Dev and test are apart by speaker:

- dev: the five native recordings (JFK, LibriSpeech speaker 1089) and the
  24 Piper sentences (joe): the features and thresholds are chosen here;
- test: the ten learner recordings (the ppg-gmm non-native speaker), never
  tuned on.

Each set has ``complete/`` and ``paused/`` and a ``manifest.jsonl`` (one line
per paused file: source, the words before the pause, its length and place).

None of it is from the held-out sets (see /work/shared/notes/held-out.md).
"""

from __future__ import annotations

import argparse
import json
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


BOUNDARY_PAUSES_S = (0.8, 1.2)
# Words a complete statement does not end on (besides app.turntaking's TRAILING).
_OPEN_ENDS = frozenset("""that which who whom whose when where while if as than so such very
even more most too quite really rather just also not never always only how why what
i he she we they all those these this his my your our their its some any every each no both
next another other whole almost o""".split())
_OPENERS = frozenset("that which who whom whose when where while if as because why how what".split())
_SUBORDINATORS = frozenset("""when while if because although though as since after before until
unless whenever""".split())
_COMPLEMENTS = frozenset("""dobj ccomp xcomp attr acomp prep prt advmod npadvmod dative oprd
agent advcl auxpass""".split())


def complete_prefix(text: str, parse=None) -> bool:
    """Could ``text`` be a whole sentence? Strict, so that a pause there is a
    hard case and not a broken-off phrase: a main clause (spaCy) with a
    subject, a finite verb and something after the verb (or a passive); every
    "when", "if", "that" ... followed by a verb; not ending on a verb with
    nothing after it, a modifier waiting for its word ("a large", "even
    more"), a subject, or a word no statement ends on ("and", "the", "to")."""
    from app.turntaking.turn_end import TRAILING  # lazy: loads numpy
    from app.words import normalise

    words = normalise(text).split()
    if len(words) < 3 or words[-1] in TRAILING or words[-1] in _OPEN_ENDS:
        return False
    if parse is None:
        from app.tutor.parser import parse  # lazy: loads spaCy
    parsed = parse(text.strip().rstrip(",;:") + ".")
    doc = [t for t in parsed if not t.is_punct]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or any(c.dep_ == "mark" for c in root.children):
        return False
    finite = any(t.morph.get("VerbForm") == ["Fin"] or t.tag_ in ("MD", "VBD", "VBZ", "VBP")
                 for t in [root, *root.children] if t.pos_ in ("VERB", "AUX"))
    subject = any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in root.children)
    complement = any(c.dep_ in _COMPLEMENTS and (c.i > root.i or c.dep_ == "auxpass")
                     for c in root.children)
    if doc[0].lower_ in _SUBORDINATORS:  # "When I was a child" needs its main clause
        commas = [t.i for t in parsed if t.text == ","]
        if not commas or root.i < commas[0]:
            return False
    for i, t in enumerate(doc):
        if t.lower_ in _OPENERS and not any(u.pos_ in ("VERB", "AUX") for u in doc[i + 1:]):
            return False
    last = doc[-1]
    dangling = (last.pos_ in ("DET", "CCONJ", "SCONJ", "AUX", "PART")
                or (last.pos_ == "ADP" and last.dep_ != "prt")
                or last.dep_ in ("nsubj", "nsubjpass", "amod", "compound", "nummod", "poss", "det")
                or (last.pos_ == "ADJ" and last.dep_ not in ("acomp", "attr", "oprd"))
                or (last.pos_ == "VERB" and last is not root))
    return finite and subject and complement and not dangling


def boundaries(words, parse=None) -> list[int]:
    """Indexes i such that the words up to and including i could be a whole
    sentence and at least one word follows."""
    found = []
    for i in range(2, len(words) - 1):
        prefix = " ".join(w.text.strip() for w in words[: i + 1])
        if complete_prefix(prefix, parse):
            found.append(i)
    return found


def room_noise(pcm: np.ndarray, length: int, seed: int = 0) -> np.ndarray:
    """``length`` samples of the recording's own room noise: pieces of its
    quiet stretches (outside speech, 100 ms away from it), cross-faded, so a
    pause sounds like the room the learner spoke in, not digital silence."""
    from app.audio.vad import speech_segments  # lazy: loads faster-whisper

    pcm = np.asarray(pcm, np.float32)
    quiet = np.ones(pcm.size, bool)
    for start, end in speech_segments(pcm, pad_ms=0):
        quiet[max(0, int((start - 0.1) * RATE)): int((end + 0.1) * RATE)] = False
    frame = RATE // 50  # 20 ms: the quiet frames, then the quieter half of them
    usable = quiet[: pcm.size // frame * frame].reshape(-1, frame).all(axis=1)
    frames = pcm[: pcm.size // frame * frame].reshape(-1, frame)[usable]
    if frames.shape[0] < 5:  # almost no quiet: the quietest frames of the whole clip
        frames = pcm[: pcm.size // frame * frame].reshape(-1, frame)
    energy = (frames ** 2).mean(axis=1)
    frames = frames[energy <= np.percentile(energy, 50)]
    rng = np.random.default_rng(seed)
    piece, fade = 8 * frame, frame // 4  # 160 ms pieces of up to 8 frames, 5 ms fades
    out = np.zeros(length + piece, np.float32)
    ramp = np.linspace(0, 1, fade, dtype=np.float32)
    at = 0
    while at < length:
        start = int(rng.integers(0, max(1, frames.shape[0] - 8)))
        chunk = frames[start: start + 8].reshape(-1).copy()
        chunk[:fade] *= ramp
        chunk[-fade:] *= ramp[::-1]
        out[at: at + chunk.size] += chunk
        at += chunk.size - fade
    return out[:length]


def paused_at(pcm: np.ndarray, words, index: int, pause_s: float, seed: int = 0) -> np.ndarray:
    """``pcm`` with ``pause_s`` of its room noise after word ``index`` (in the
    middle of the gap between it and the next word)."""
    cut = int((words[index].end + words[index + 1].start) / 2 * RATE)
    fill = room_noise(pcm, int(pause_s * RATE), seed)
    return np.concatenate([pcm[:cut], fill, pcm[cut:]]).astype(np.float32)


def build_boundaries(out: Path) -> None:
    from app.audio.resample import resample  # lazy: loads numpy
    from app.audio.wavio import load_utterance, write_wav  # lazy: loads numpy
    from app.speech.factory import create_transcriber  # lazy: loads numpy
    from app.voice.piper_voice import PiperTTS  # lazy: loads numpy

    transcriber = create_transcriber("faster-whisper", None, threads=2)
    transcriber.load()
    voice = PiperTTS()
    voice.load()

    def synthesised(sentences, prefix):
        for number, sentence in enumerate(sentences, 1):
            pcm = resample(np.asarray(voice.synthesize_all(sentence), np.float32),
                           voice.sample_rate, RATE)
            # A quiet room, not zeros: a little noise at about -60 dBFS.
            noise = np.random.default_rng(number).normal(0, 0.001, RATE // 2).astype(np.float32)
            yield f"{prefix}_{number:02d}", np.concatenate([noise, pcm, noise[::-1]])

    def recorded(folder):
        for wav in sorted((SHARED / folder).glob("*.wav")):
            yield wav.stem, load_utterance(wav)

    sets = {"dev": (recorded("native"), synthesised(TUNE_SENTENCES, "piper_a"),
                    synthesised(EVAL_SENTENCES, "piper_b")),
            "test": (recorded("learner"),)}
    for name, sources in sets.items():
        root = out / "boundary" / name
        for kind in ("complete", "paused"):
            (root / kind).mkdir(parents=True, exist_ok=True)
        with open(root / "manifest.jsonl", "w", encoding="utf-8") as manifest:
            for source in sources:
                for stem, pcm in source:
                    words = transcriber.transcribe(pcm).words
                    write_wav(root / "complete" / f"{stem}.wav", pcm, RATE)
                    found = boundaries(words)
                    for index in found:
                        for number, pause_s in enumerate(BOUNDARY_PAUSES_S):
                            name_ = f"{stem}__w{index + 1:02d}_{int(pause_s * 1000)}ms"
                            paused = paused_at(pcm, words, index, pause_s, seed=index * 10 + number)
                            write_wav(root / "paused" / f"{name_}.wav", paused, RATE)
                            manifest.write(json.dumps({
                                "file": f"paused/{name_}.wav", "source": stem, "pause_s": pause_s,
                                "before": " ".join(w.text.strip() for w in words[: index + 1]),
                                "after": " ".join(w.text.strip() for w in words[index + 1:]),
                                "at_s": round((words[index].end + words[index + 1].start) / 2, 3),
                            }) + "\n")
                    print(f"{name} {stem}: {len(words)} words, {len(found)} boundaries: "
                          + " | ".join(" ".join(w.text.strip() for w in words[: i + 1])
                                       for i in found), flush=True)


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
    parser.add_argument("--boundaries", action="store_true",
                        help="the sets with pauses where the words before could be a sentence")
    args = parser.parse_args(argv)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"error: cannot write the sets to {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    (build_boundaries if args.boundaries else build)(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
