"""Verbs, adjectives and adverbs of content that a rewrite brings in (Qt-free).

The review's content guard (app/tutor/fluent.py) refuses a rewrite with a
noun, name or number the learner did not say. A new verb says something new
as well: "I have been to three countries" -> "I have visited three
countries", "I always am late" -> "I always arrive late" (test.txt, Qwen
1.5B). So a rewrite's verb, adjective or adverb whose lemma the learner did
not say (nor the corrector's sure edits) is new content, unless it is:

- a light verb (:data:`LIGHT_VERBS`) in place of one of the learner's light
  verbs: "make a photo" -> "take a photo", "I was to the dentist" -> "I went
  to the dentist", "say me" -> "tell me"; or a verb learners confuse with
  the learner's (:data:`CONFUSED_VERBS`: "learned me" -> "taught me");

  Not a verb that only shares a WordNet sense with the learner's: on dev that
  let Qwen 1.5B's "He let me use his car" -> "He allowed me to use his car"
  through, over the corrector's fix. Nor any opposite: the pairs are a
  closed list, so "I lost my keys" -> "I found my keys" stays refused;
- an adjective or adverb in place of another form of it ("hardly" -> "hard",
  "lately" -> "late"), or of its synonym when one is said for the other
  ("speaks very good" -> "very well"), "fewer" for "less"; one that spaCy counts as a stop word
  ("then", "well", "ever", "always"), or one in a date or an age ("eight
  years old").

A preposition of place (:data:`PLACE_PREPOSITIONS`) that the learner did not
say is new content too ("on the corner" -> "near the corner").

The same swaps let the learner's word go (:func:`swaps`): the guard's check
that the rewrite keeps each verb and adjective the learner said allows them.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Light and collocation verbs: they carry the noun's meaning ("take a photo",
# "make a mistake", "have fun", "ask a question", "tell a story"), and
# learners swap them ("make a photo", "say me"). One replacing another adds
# no claim.
LIGHT_VERBS = {"be", "have", "do", "make", "take", "get", "give", "go", "come", "put",
               "keep", "let", "say", "tell", "speak", "talk", "ask"}
NEW_POS = {"VERB", "ADJ", "ADV"}
# "less friends" -> "fewer friends": the learner's word of degree, for a
# plural (test2.txt, Qwen 1.5B, refused as a new adjective before).
# "the better cook" of three -> "the best cook" (test8.txt, Qwen 1.5B).
DEGREE_SWAPS = {("less", "fewer"), ("least", "fewest"), ("better", "best"), ("best", "better"),
                ("worse", "worst"), ("worst", "worse")}
# Verbs that learners say for each other, whichever their first language:
# the pairs of learner grammars' "confusing words" lists ("my uncle learned
# me to ride" -> "taught me", "robbed my bag" -> "stole"). Unlike a
# shared WordNet sense ("let" -> "allow"), one said for the other is a known
# error, not a new claim. Only the learner's verb giving way to its pair.
# Not "miss" and "lose": "I lost my grandmother" -> "missed" changes what
# happened, and so does "I miss my mum" -> "lose".
CONFUSED_VERBS = {("learn", "teach"), ("borrow", "lend"),
                  ("lend", "borrow"), ("remember", "remind"), ("remind", "remember"),
                  ("rob", "steal"), ("steal", "rob"), ("win", "beat"), ("hear", "listen"),
                  ("listen", "hear"), ("look", "watch"), ("see", "watch"), ("watch", "see"),
                  ("bring", "take"), ("take", "bring"), ("raise", "rise"), ("rise", "raise"),
                  ("lie", "lay"), ("lay", "lie")}
HAVE_FORMS = {"have", "has", "had", "'ve", "'s", "'d"}
# Prepositions that say where (or with what): "on the corner" -> "near the
# corner" moves the café (test2.txt, Qwen 1.5B). The ones learners mix up
# (in, on, at, to, for, of, by, with, from, about) are not here.
PLACE_PREPOSITIONS = {"near", "under", "behind", "above", "below", "beneath", "beside",
                      "between", "among", "inside", "outside", "opposite", "across",
                      "along", "around", "through", "beyond", "against", "without",
                      "within", "underneath"}
VERB_POS = {"VERB", "AUX"}
TIME_ENTITIES = {"DATE", "TIME"}
# Another form of one word: a prefix this long or longer ("hard"/"hardly").
MIN_FORM_PREFIX = 4
_WORDNET_POS = {"VERB": "v", "ADJ": "a", "ADV": "r"}


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # the list only, no model

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=4096)
def related(a: str, b: str, pos: str) -> bool:
    """Whether WordNet has ``a`` and ``b`` (lemmas, ``pos`` "v", "a" or "r") in
    one sense. Without WordNet's data: False."""
    from app.tutor import dictionary

    return a == b or any(b in sense.words for sense in dictionary.senses(a, pos)) or any(
        a in sense.words for sense in dictionary.senses(b, pos))


def _lemma(token) -> str:
    return (token.lemma_ or token.text).lower()


def _is_form_of(word: str, other: str) -> bool:
    short, long = sorted((word, other), key=len)
    return len(short) >= MIN_FORM_PREFIX and long.startswith(short)


def _swap(old, new) -> bool:
    """Whether the learner's ``old`` token may give way to the rewrite's ``new``:
    verbs that are both light ("say" -> "tell"); an adjective or adverb and
    another form of it ("hardly" -> "hard") or, when one is said for the
    other, a word of one of its WordNet senses ("good" -> "well")."""
    a, b = _lemma(old), _lemma(new)
    if (old.text.lower(), new.text.lower()) in DEGREE_SWAPS:
        return True
    if old.pos_ in VERB_POS and new.pos_ == "VERB":
        return (a in LIGHT_VERBS and b in LIGHT_VERBS) or (a, b) in CONFUSED_VERBS
    if old.pos_ in NEW_POS - {"VERB"} and new.pos_ in NEW_POS - {"VERB"}:
        if _is_form_of(a, b) or _is_form_of(old.text.lower(), new.text.lower()):
            return True
        # An adjective said for an adverb, or back: "speaks very good" -> "well".
        return old.pos_ != new.pos_ and related(a, b, _WORDNET_POS[new.pos_])
    return False


def _have_got(tokens: list, index: int) -> bool:
    """Whether ``tokens[index]`` is the "got" of "have got" ("She's got a bike",
    "I've just got home"): at most one word after a form of "have"."""
    if tokens[index].text.lower() not in {"got", "gotten"}:
        return False
    before = [t.text.lower().replace("\u2019", "'") for t in tokens[max(0, index - 2):index]]
    return any(w in HAVE_FORMS or w.endswith(("'ve", "'s", "'d")) for w in before)


def swaps(before, after) -> tuple[set[str], set[str]]:
    """(the learner's words, the rewrite's words) that replace each other by
    :func:`_swap`: each of the learner's verbs, adjectives and adverbs that the
    rewrite no longer has, and each one it brings in. The "got" of "have got"
    gives way to nothing: "She's got a new bike" -> "She has a new bike" is
    another right line, not a fix (test2.txt, Qwen 1.5B and SmolLM2)."""
    said = {_lemma(t) for t in before} | {t.text.lower() for t in before}
    kept = {_lemma(t) for t in after} | {t.text.lower() for t in after}
    tokens = list(before)
    gone = [t for index, t in enumerate(tokens)
            if t.pos_ in VERB_POS | NEW_POS and _lemma(t) not in kept
            and not _have_got(tokens, index)]
    came = [t for t in after if t.pos_ in NEW_POS and _lemma(t) not in said]
    out, into = set(), set()
    for old in gone:
        for new in came:
            if _swap(old, new):
                out.add(old.text.lower())
                into.add(new.text.lower())
    return out, into


def new_words(before, after, had: set[str], stem, skip: set[str]) -> list[str]:
    """The words of ``after`` (spaCy's Doc of the rewrite) that are new content
    against ``before`` (the learner's line, parsed). ``had``: the stems the
    learner (and the corrector's sure edits) said; ``stem``: how a lemma is
    stemmed for ``had``; ``skip``: words that carry no content."""
    swapped_in = swaps(before, after)[1]
    out = []
    for token in after:
        text, lemma = token.text.lower(), _lemma(token)
        if token.pos_ not in NEW_POS or not re.search(r"[a-z]", text) or text in skip:
            continue
        if stem(lemma) in had or stem(text) in had or text in swapped_in:
            continue
        if token.pos_ != "VERB" and (text in _stop_words()
                                     or token.ent_type_ in TIME_ENTITIES):
            continue
        out.append(token.text)
    return out
