"""The one word tokenizer, and the word-level edit distance, that recognition
scores (speech/wer.py), corrections (tutor/edits.py) and the review
(review/text.py) all count with; and :func:`normalise`, the plain text the
chat model reads when it judges whether the learner has finished
(turntaking/turn_end.py, tutor/chat.py).

A word is a run of letters or digits (any script), with apostrophes inside it
kept ("don't", "rock'n'roll"); everything else separates words, so hyphens,
dashes, slashes and underscores split them and other punctuation goes. Words
are lower-cased and curly apostrophes folded to straight ones, since Whisper
writes both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_PLAIN = re.compile(r"[a-z0-9']+")


def words(text: str) -> list[str]:
    """'Don’t, I WENT -- well-known.' -> ["don't", "i", "went", "well", "known"]."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def edit_distance(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
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


def normalise(text: str) -> str:
    """Lowercase words without punctuation, as the model should read them:
    Whisper ends even a half sentence with a full stop or an ellipsis."""
    return " ".join(_PLAIN.findall(text.lower().replace("\u2019", "'")))
