"""The learner's own spellings and words kept in the review's rewrite.

Qwen 1.5B writes American English: on the blind fluent split test8 it
turned "mum" into "mom", "neighbours" into "neighbors", "practise" into
"practice" and "apologised" into "apologized". On a correct line that
counted as a change; on a line with an error the guard refused the whole
rewrite ("adds mom") and the error stayed. A word the rewrite only spelled
another way is put back as the learner said it.
"""

from __future__ import annotations

import re

from app.tutor.meaning import _spelling_variant

# Words, not spellings, that differ between British and American English,
# and informal words a rewrite made formal: the learner's stays.
SAME_WORD = {"mom": "mum", "moms": "mums", "mommy": "mummy", "yes": "yeah", "okay": "ok"}
# Two words, not two spellings: "I need some advise" -> "advice" is a fix.
TWO_WORDS = {"advice", "advise", "device", "devise"}

_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def keep_spellings(said: str, rewrite: str) -> str:
    """``rewrite`` with each word that is only another spelling of one the
    learner said ("neighbors" for "neighbours") written as they said it."""
    theirs = {w.lower() for w in _TOKEN.findall(said)}

    def back(match: re.Match) -> str:
        word = match[0]
        low = word.lower()
        if low in theirs or low in TWO_WORDS:
            return word
        mine = SAME_WORD.get(low)
        if mine not in theirs:
            mine = next((w for w in theirs if _spelling_variant(w, low)), None)
        if mine is None:
            return word
        return mine[:1].upper() + mine[1:] if word[:1].isupper() else mine

    return _TOKEN.sub(back, rewrite)
