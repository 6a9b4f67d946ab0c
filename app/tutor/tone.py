"""How the learner's news feels, so the tutor's reply fits it.

Decided by VADER (vaderSentiment), a rule-based sentiment model built for
short informal text, not by word lists of ours. Learner news is often told
without sentiment words ("someone stole my phone on the beach"): VADER then
says 0.0 and the tone is "neutral", which is never cheerful. Warmth needs
clear good news: a high score and not one word VADER counts as negative,
and no negation ("my best friend is moving to australia and i will miss
her" scores +0.78 on "best friend"; "miss" keeps it from sounding glad).

The news is the event, not the praise of the people and things in it: "my
best colleague quit" scores +0.64 on "best" alone (VADER does not know
"quit"). So the line is also scored as its event, without the adjectives
that modify a participant (:func:`event_text`, from spaCy's parse): warmth
needs that event to be good news by itself, and an event that is bad once
the praise is gone ("my lovely old cat is sick") gets sympathy. Adjectives
that are the predicate stay: "the trip was amazing", "it was a great day",
"we had a great time" (the object of a light verb "have"/"get" is what
happened).
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.tutor.parser import parse

SYMPATHY, NEUTRAL, WARMTH = "sympathy", "neutral", "warmth"
NEGATIVE_AT = -0.05  # VADER's own threshold for negative text
WARM_AT = 0.5  # higher than VADER's 0.05: a wrongly glad reply hurts more than a plain one
POSITIVE_AT = 0.05  # VADER's own threshold for positive text: the event must be at least that
# Verbs whose object is the event itself ("had a great time", "got a bad mark"):
# grammar (light verbs), not sentiment.
_LIGHT_VERBS = frozenset({"have", "get"})
# Words a reply must not use unless the news is good: the tutor sounding
# pleased about a lost wallet is what learners remember.
CHEERFUL = re.compile(
    r"\b(great|glad|nice|awesome|wonderful|fantastic|amazing|lovely|exciting|excited|fun|"
    r"cool|congratulations|congrats|happy|good for you|sounds good|perfect|brilliant|"
    r"terrific|yay|hooray|wow)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # lazy: loads VADER

    return SentimentIntensityAnalyzer()


def score(text: str) -> float:
    """VADER's compound score, -1 (very bad news) to +1 (very good)."""
    return float(_analyzer().polarity_scores(text)["compound"])


def tone_of(text: str, doc=None) -> str:
    """SYMPATHY, NEUTRAL or WARMTH for the learner's line; ``doc`` is its spaCy
    parse (made here when not given)."""
    compound = score(text)
    if doc is None:
        doc = parse(text)
    event = score(event_text(doc))
    if min(compound, event) <= NEGATIVE_AT:
        return SYMPATHY
    if compound >= WARM_AT and event >= POSITIVE_AT and not _has_negative_word(text):
        return WARMTH
    return NEUTRAL


def event_text(doc) -> str:
    """The line without the adjectives (and their adverbs) that describe a person
    or thing taking part: "my best colleague quit" -> "my colleague quit"."""
    dropped: set[int] = set()
    for token in doc:
        noun = token.head
        if token.dep_ == "amod" and noun.pos_ in ("NOUN", "PROPN") and not _is_predicate(noun):
            dropped.update(t.i for t in token.subtree)
    return "".join(t.text_with_ws for t in doc if t.i not in dropped).strip()


def _is_predicate(noun) -> bool:
    """"it was a great day", "we had a great time": the noun phrase is what happened."""
    return noun.dep_ == "attr" or (noun.dep_ == "dobj" and noun.head.lemma_ in _LIGHT_VERBS)


def cheerful(text: str) -> bool:
    """Does the text sound pleased? Only right after good news."""
    return bool(CHEERFUL.search(text))


def _has_negative_word(text: str) -> bool:
    """A word VADER's lexicon scores below zero, or a negation (VADER's own list)."""
    from vaderSentiment.vaderSentiment import negated  # lazy: loads VADER

    analyzer = _analyzer()
    tokens = _WORD.findall(text.lower().replace("’", "'"))
    return negated(tokens) or any(analyzer.lexicon.get(t, 0.0) < 0 for t in tokens)
