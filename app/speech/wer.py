"""Word error rate, for tests and the ``bench`` command.

Normalisation is deliberately small and written down, so numbers stay
comparable: the words of :func:`app.words.words` (lower case; hyphens, dashes
and slashes split words; other punctuation goes, except apostrophes inside
words, "can't"); then a few British spellings map to the US ones Whisper's
English models prefer, since either spelling is right.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.words import edit_distance, words

# British -> US. Only spellings where both are correct English; extend with care,
# each entry hides a difference from the score.
SPELLING = {
    "counselled": "counseled",
    "travelled": "traveled",
    "cancelled": "canceled",
    "labelled": "labeled",
    "modelled": "modeled",
    "colour": "color",
    "favourite": "favorite",
    "honour": "honor",
    "neighbour": "neighbor",
    "centre": "center",
    "theatre": "theater",
    "realise": "realize",
    "organise": "organize",
    "grey": "gray",
}

__all__ = ["SPELLING", "corpus_wer", "edit_distance", "normalize", "wer"]


def normalize(text: str) -> list[str]:
    """The words of ``text`` as compared by WER."""
    return [SPELLING.get(w, w) for w in words(text)]


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate of one utterance (0.0 is perfect; can exceed 1.0)."""
    return corpus_wer([(reference, hypothesis)])


def corpus_wer(pairs: Iterable[tuple[str, str]]) -> float:
    """Errors over all reference words: long utterances weigh more, as is usual."""
    errors = words = 0
    for reference, hypothesis in pairs:
        ref = normalize(reference)
        errors += edit_distance(ref, normalize(hypothesis))
        words += len(ref)
    if words == 0:
        raise ValueError("the references contain no words")
    return errors / words
