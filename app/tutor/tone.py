"""How the learner's news feels, so the tutor's reply fits it.

Decided by VADER (vaderSentiment), a rule-based sentiment model built for
short informal text, not by word lists of ours. Learner news is often told
without sentiment words ("someone stole my phone on the beach"): VADER then
says 0.0 and the tone is "neutral", which is never cheerful. Warmth needs
clear good news: a high score and not one word VADER counts as negative,
and no negation ("my best friend is moving to australia and i will miss
her" scores +0.78 on "best friend"; "miss" keeps it from sounding glad).
"""

from __future__ import annotations

import re
from functools import lru_cache

SYMPATHY, NEUTRAL, WARMTH = "sympathy", "neutral", "warmth"
NEGATIVE_AT = -0.05  # VADER's own threshold for negative text
WARM_AT = 0.5  # higher than VADER's 0.05: a wrongly glad reply hurts more than a plain one
# Words a reply must not use unless the news is good: the tutor sounding
# pleased about a lost wallet is what learners remember.
CHEERFUL = re.compile(
    r"\b(great|glad|nice|awesome|wonderful|fantastic|amazing|lovely|exciting|excited|fun|"
    r"cool|congratulations|congrats|happy|good for you|sounds good|perfect|brilliant|"
    r"terrific|yay|hooray|wow)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def score(text: str) -> float:
    """VADER's compound score, -1 (very bad news) to +1 (very good)."""
    return float(_analyzer().polarity_scores(text)["compound"])


def tone_of(text: str) -> str:
    """SYMPATHY, NEUTRAL or WARMTH for the learner's line."""
    compound = score(text)
    if compound <= NEGATIVE_AT:
        return SYMPATHY
    if compound >= WARM_AT and not _has_negative_word(text):
        return WARMTH
    return NEUTRAL


def cheerful(text: str) -> bool:
    """Does the text sound pleased? Only right after good news."""
    return bool(CHEERFUL.search(text))


def _has_negative_word(text: str) -> bool:
    """A word VADER's lexicon scores below zero, or a negation (VADER's own list)."""
    from vaderSentiment.vaderSentiment import negated

    analyzer = _analyzer()
    tokens = _WORD.findall(text.lower().replace("’", "'"))
    return negated(tokens) or any(analyzer.lexicon.get(t, 0.0) < 0 for t in tokens)
