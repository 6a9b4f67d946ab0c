"""Does a rewrite keep what the learner meant? Cheap word-level checks.

A small model's "correction" sometimes changes the message instead of the
grammar: "I have a dog" -> "I have an animal, a dog"; "my flat" -> "your
flat"; "could I" -> "can I"; "he working now" -> "he works now"; it drops
"also" or "not". Each check below names one such change, measured on
tests/data/corrections/eval.jsonl; any one of them rejects the rewrite.
"""

from __future__ import annotations

import difflib
from collections import Counter

from app.tutor.edits import AUXILIARIES, diff_edits, lemma, words

FUNCTION_WORDS = {
    "a", "an", "the", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us",
    "them", "my", "your", "his", "its", "our", "their", "this", "that", "these", "those",
    "and", "or", "but", "so", "if", "to", "of", "in", "on", "at", "for", "with", "from",
    "by", "about", "since", "is", "am", "are", "was", "were", "be", "been", "do", "does",
    "did", "have", "has", "had", "will", "would", "can", "could", "not", "very", "more",
    "some", "any", "many", "much", "few", "lot", "lots", "all", "just", "really", "also",
}
# Who is meant: a rewrite may not bring in a person the learner did not mention.
PERSONS = {
    "first": {"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"},
    "second": {"you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"},
    "we": {"we", "us", "our", "ours", "we're", "we've", "we'd", "we'll"},
    "he": {"he", "him", "his", "he's", "he'd", "he'll"},
    "she": {"she", "her", "hers", "she's", "she'd", "she'll"},
    "they": {"they", "them", "their", "theirs", "they're", "they've", "they'd"},
}
MODALS = {"can", "could", "will", "would", "shall", "should", "may", "might", "must",
          "can't", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't"}
NEGATIONS = {"not", "no", "never", "nothing", "nobody", "none"}
# Small words that carry meaning: dropping one changes what was said.
KEEP = {"also", "always", "never", "only", "just", "still", "already", "too", "again",
        "not", "no", "maybe", "every", "all"}


def root(word: str) -> str:
    """A crude stem: enough to accept "go" -> "goes" and "interesting" -> "interested"."""
    base = lemma(word)
    return base[:4] if len(base) > 4 else base


def content_words(text: str) -> list[str]:
    return [w for w in words(text)
            if w not in FUNCTION_WORDS and w not in AUXILIARIES and len(w) > 2]


def meaning_change(original: str, rewrite: str) -> str | None:
    """The first way the rewrite changes the meaning of ``original``, or None.

    ``original`` should be the sentence with the rules' certain fixes applied,
    so that their word changes ("said" -> "told") are not counted.
    """
    before, after = words(original), words(rewrite)
    kept = {root(w) for w in after}
    lost = [w for w in content_words(original) if root(w) not in kept]
    if lost:
        return f"drops content words: {', '.join(lost)}"
    had = {root(w) for w in before}
    added = [w for w in content_words(rewrite) if root(w) not in had]
    if added:
        return f"adds content words: {', '.join(added)}"
    content = set(content_words(original)) | set(content_words(rewrite))
    for old, new in diff_edits(original, rewrite):
        if old in content and new in content and not _same_family(old, new):
            return f"replaces {old} with {new}"
    if _persons(after) - _persons(before):
        return "changes who is meant"
    if {w for w in before if w in MODALS} != {w for w in after if w in MODALS}:
        return "changes a modal verb"
    if _negations(before) != _negations(after):
        return "changes a negation"
    dropped = (Counter(w for w in before if w in KEEP) - Counter(w for w in after if w in KEEP))
    if dropped:
        return f"drops {', '.join(dropped)}"
    if _loses_progressive(before, after):
        return "changes the -ing form into another tense"
    if any(_spelling_variant(a, b) for a, b in zip(before, after) if a != b):
        return "changes only spelling (Whisper's choice, not the learner's)"
    return None


# British and American spellings of one word: "practise"/"practice",
# "colour"/"color", "centre"/"center", "travelling"/"traveling".
_VARIANTS = (("s", "c"), ("s", "z"), ("our", "or"), ("re", "er"), ("ll", "l"), ("ise", "ize"))


def _spelling_variant(a: str, b: str) -> bool:
    return any(a.replace(x, y) == b or b.replace(x, y) == a for x, y in _VARIANTS)


def _same_family(a: str, b: str) -> bool:
    """"go"/"went", "cheaply"/"cheap", "boring"/"bored": one word's forms, not a synonym
    ("everybody" -> "everyone" is a change of words, and not the learner's error)."""
    if lemma(a) == lemma(b):
        return True
    strip = [w.removesuffix("ing").removesuffix("ed") for w in (a, b)]
    return strip[0] == strip[1] or difflib.SequenceMatcher(a=a, b=b).ratio() >= 0.75


def _persons(tokens: list[str]) -> set[str]:
    return {name for name, forms in PERSONS.items() if any(t in forms for t in tokens)}


def _negations(tokens: list[str]) -> int:
    return sum(t in NEGATIONS or t.endswith("n't") for t in tokens)


def _loses_progressive(before: list[str], after: list[str]) -> bool:
    """"he working" -> "he works": the learner said -ing, the rewrite dropped it.
    ("interesting" -> "interested" is a word-choice fix and is allowed.)"""
    for word in before:
        if word.endswith("ing") and len(word) > 5 and word not in after:
            stem = word[:-3]
            if any(w in (stem, stem + "s", stem + "es", stem + "e", stem + "es")
                   for w in after):
                return True
    return False
