"""Word error rate, for tests and the ``bench`` command.

Normalisation is deliberately small and written down here, so numbers stay
comparable: lower case; hyphens and dashes split words; other punctuation goes,
except apostrophes inside words ("can't"); a few British spellings map to the
US ones Whisper's English models prefer, since either spelling is right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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

_SPLIT = re.compile(r"[-\u2010-\u2015/]")  # hyphens, dashes and slashes separate words
_DROP = re.compile(r"[^\w\s']")  # everything but letters, digits, '_' spaces and apostrophes


def normalize(text: str) -> list[str]:
    """The words of ``text`` as compared by WER."""
    text = text.lower().replace("\u2019", "'")
    text = _DROP.sub(" ", _SPLIT.sub(" ", text)).replace("_", " ")
    words = (w.strip("'") for w in text.split())
    return [SPELLING.get(w, w) for w in words if w]


def edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    """Substitutions + deletions + insertions turning reference into hypothesis."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref_word in enumerate(reference, start=1):
        current = [i]
        for j, hyp_word in enumerate(hypothesis, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_word != hyp_word))
            )
        previous = current
    return previous[-1]


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
