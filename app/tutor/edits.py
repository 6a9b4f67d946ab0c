"""Edits between what the learner said and a corrected sentence.

An edit is one contiguous change of words, named with a stable kind so that
the mistake notebook can group the learner's errors over time.
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass

from app.words import edit_distance, words

KINDS = (
    "agreement", "verb tense", "article", "preposition", "word choice",
    "word order", "plural", "missing word", "extra word", "other",
)

ARTICLES = {"a", "an", "the"}
PREPOSITIONS = {
    "about", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "since",
    "to", "with", "during", "until", "till", "towards", "toward", "over", "under",
}
AUXILIARIES = {
    "am", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did",
    "have", "has", "had", "will", "would", "don't", "doesn't", "didn't", "isn't",
    "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "won't",
}
# Common irregular verbs: base, past, past participle. Lets the checks see
# "buy" -> "bought" as the same verb, and call it a tense change.
_IRREGULAR = """be was were been; begin began begun; break broke broken; bring brought;
buy bought; catch caught; choose chose chosen; come came; do did done; drink drank drunk;
drive drove driven; eat ate eaten; fall fell fallen; feel felt; find found; fly flew flown;
forget forgot forgotten; get got gotten; give gave given; go went gone; grow grew grown;
have had; hear heard; keep kept; know knew known; leave left; lose lost; make made;
meet met; pay paid; put; read; ride rode ridden; run ran; say said; see saw seen; sell sold;
send sent; sing sang sung; sit sat; sleep slept; speak spoke spoken; spend spent;
stand stood; swim swam swum; take took taken; teach taught; tell told; think thought;
understand understood; wake woke woken; wear wore worn; win won; write wrote written"""
VERB_BASE = {
    form: group.split()[0]
    for group in _IRREGULAR.replace("\n", " ").split(";")
    for form in group.split()
}


@dataclass(frozen=True)
class Edit:
    original: str
    corrected: str
    reason: str
    kind: str
    source: str = "rules"  # "rules" (Harper, curated), "lm" (confusion sets) or "llm" (rewrite)

    def to_dict(self) -> dict:
        return asdict(self)


def normalised(text: str) -> str:
    return " ".join(words(text))


def word_distance(a: str, b: str) -> int:
    """Word-level Levenshtein distance, ignoring case and punctuation."""
    return edit_distance(words(a), words(b))


def diff_edits(original: str, corrected: str) -> list[tuple[str, str]]:
    """The changed word spans, as (original words, corrected words) pairs."""
    left, right = words(original), words(corrected)
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    return [
        (" ".join(left[i1:i2]), " ".join(right[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def shown_edits(original: str, corrected: str, merge: bool = False) -> list[tuple[str, str]]:
    """Like :func:`diff_edits`, but an inserted or deleted word is shown with its
    neighbour ("i going" -> "i am going"), since "" -> "am" means nothing to a learner.
    ``merge`` makes all the changes one edit (a word-order fix moves two words)."""
    left, right = words(original), words(corrected)
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    shown = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i1 == i2 or j1 == j2:  # a pure insertion or deletion: add the word before it
            if i1 > 0:
                i1, j1 = i1 - 1, j1 - 1
            elif i2 < len(left):
                i2, j2 = i2 + 1, j2 + 1
        shown.append((i1, i2, j1, j2))
    if merge and shown:
        shown = [(shown[0][0], shown[-1][1], shown[0][2], shown[-1][3])]
    return [(" ".join(left[i1:i2]), " ".join(right[j1:j2])) for i1, i2, j1, j2 in shown]


def lemma(word: str) -> str:
    """A crude base form: irregular verbs looked up, regular endings stripped."""
    return VERB_BASE.get(word) or _stem(word)


def _stem(word: str) -> str:
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


SUBJECTS = {"he", "she", "it", "this", "that", "who", "everyone", "everybody", "nobody",
            "someone", "somebody", "i", "you", "we", "they", "these", "those", "people"}


def classify(original: str, corrected: str, word_before: str = "") -> str:
    """A stable kind for one edit, from the words it changes and the word before it."""
    before, after = original.split(), corrected.split()
    if before and sorted(before) == sorted(after):
        return "word order"
    changed = set(before) ^ set(after)
    if changed and changed <= ARTICLES:
        return "article"
    if changed and changed <= PREPOSITIONS:
        return "preposition"
    if not before:
        return "missing word"
    if not after:
        return "extra word"
    if len(before) == len(after) == 1:
        old, new = before[0], after[0]
        if old in VERB_BASE and new in VERB_BASE and VERB_BASE[old] == VERB_BASE[new]:
            return "verb tense"
        if old.rstrip("s") == new.rstrip("s") or _stem(old) == _stem(new):
            if {old[-3:], new[-2:]} == {"ing", "ed"} or {old[-2:], new[-3:]} == {"ed", "ing"}:
                return "word choice"  # "interesting" -> "interested"
            if old.endswith("ed") or new.endswith("ed"):
                return "verb tense"
            if old.endswith("s") != new.endswith("s"):
                # "she like" -> "she likes" is agreement; "two book" -> "two books" is plural
                return "agreement" if word_before.lower() in SUBJECTS else "plural"
            return "word choice"
        if {old, new} <= AUXILIARIES:
            return "agreement" if _same_tense(old, new) else "verb tense"
    return "word choice"


def _same_tense(a: str, b: str) -> bool:
    past = {"was", "were", "did", "had", "didn't", "wasn't", "weren't", "hadn't"}
    return (a in past) == (b in past)
