"""The everyday word for what a learner describes, from a table written for it.

"What do you call a person who repairs water pipes?" WordNet's definitions
say what a word means in a lexicographer's words ("a craftsman who installs
and repairs pipes and fixtures"), not in a learner's, and its ranking finds
the word in fewer than half of the descriptions learners give
(app/tutor/describe.py). ``assets/dictionary/names.tsv`` is a table written
by hand for Parley: about 500 everyday words A2-B1 learners describe rather
than know, each with its part of speech, a plain meaning, several ways a
learner might describe it, and an example. It cannot invent: the answer is
always a row of the table.

A description is matched to a row by the content words they share, as
lemmas, each weighed by how rare it is in the table (``lunch`` tells more
than ``day``): the row's best description must share most of the weight of
both, the learner's words and its own.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

# The words of a description that say nothing of what is described.
_STOP = frozenset("""
a an the of to for and or in on at with is are was were be been being that which who whom what
it its it's you your yours i me my mine we our us they them their he him his she her hers
someone somebody something anyone anything thing things stuff person people one ones some any
when where how do does did doing call called say said word english this these those there very
by from as into about like kind type sort can could would will just really also usually often
always when""".split())
# Words that name whose relative it is: "my mother's sister" is not "my sister".
_OWN = re.compile(r"\b(\w+)'s\b")
MIN_SCORE = 0.55  # the share of both sides' weight the best match must have
MIN_ASKED = 0.7  # ... and the share of the learner's own words' weight
# A weaker match (both shares at least MIN_NEAR) answers when its score leads
# the next row's by NEAR_LEAD (set on the tuning splits' how-to-say rows).
MIN_NEAR = 0.45
NEAR_LEAD = 0.15
# A long description ("there are small pieces of the biscuit everywhere")
# says more than the row: then most of one of the row's own descriptions
# must be in it, three words or more.
MIN_ROW = 0.8
# Heads that make a description one of a person ("the man who", "my
# mother's sister"): a person's word is never the answer for a thing's.
PEOPLE = frozenset("""
person people man men woman women someone somebody guy girl boy lady worker child kid baby
mother father mum mom dad parent brother sister son daughter husband wife aunt uncle cousin
grandmother grandfather grandma grandpa friend neighbour neighbor doctor teacher student
""".split())
_RELATIVES = frozenset("who that which where when with for to".split())


@dataclass(frozen=True)
class Name:
    word: str  # as the table lists it; alternatives after " / "
    pos: str
    meaning: str
    example: str
    score: float  # 0-1: how much of the description and of the row's they share

    @property
    def words(self) -> list[str]:
        return [w.strip() for w in self.word.split("/") if w.strip()]


@lru_cache(maxsize=1)
def table() -> tuple[tuple[str, str, str, tuple[str, ...], str], ...]:
    """(word, pos, meaning, descriptions, example) rows; empty without the file."""
    from app.resources import asset

    try:
        text = asset("dictionary", "names.tsv").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return ()
    rows = []
    for line in text.splitlines()[1:]:
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) == 5 and all(parts):
            word, pos, meaning, descriptions, example = parts
            said = tuple(d.strip() for d in descriptions.split(";") if d.strip())
            rows.append((word, pos, meaning, said, example))
    return tuple(rows)


@lru_cache(maxsize=4096)
def lemmas(text: str) -> frozenset[str]:
    """The content words of ``text`` as lemmas (all lemminflect gives)."""
    from lemminflect import getAllLemmas  # lazy: loads lemminflect

    text = _OWN.sub(r"\1 own", text.lower().replace("’", "'"))
    # "when you can't sleep" is not "the room where you sleep"
    text = re.sub(r"\b(?:can't|cannot|won't)\b", "can not", text).replace("n't", " not")
    out = set()
    for token in re.findall(r"[a-z]+(?:-[a-z]+)*", text):
        if token in _STOP or len(token) < 2:
            continue
        forms = {token}
        for found in getAllLemmas(token).values():
            forms.update(f.lower() for f in found)
        out.add(min(forms, key=len) if len(forms) > 1 else token)
    return frozenset(out)


def of_person(text: str) -> bool:
    """Does ``text`` describe a person: is a person's word ("man", "my
    mother's sister") said before what is said of it ("who", "that", "with")
    and within its first six words?"""
    words = re.findall(r"[a-z]+", text.lower().replace("'s ", " "))[:6]
    for word in words:
        if word in PEOPLE:
            return True
        if word in _RELATIVES:
            return False
    return False


@lru_cache(maxsize=1)
def _index() -> tuple[list[tuple[int, frozenset[str], bool]], dict[str, float]]:
    """Every description of every row (and its meaning) as lemmas, and each
    lemma's weight: log(rows / rows that use it)."""
    entries: list[tuple[int, frozenset[str], bool]] = []
    used: dict[str, set[int]] = {}
    for i, (_word, _pos, meaning, descriptions, _example) in enumerate(table()):
        for said in (*descriptions, meaning):
            words = lemmas(said)
            if words:
                entries.append((i, words, of_person(said)))
                for w in words:
                    used.setdefault(w, set()).add(i)
    rows = max(1, len(table()))
    weights = {w: math.log(1 + rows / len(ids)) for w, ids in used.items()}
    return entries, weights


def find(description: str) -> Name | None:
    """The row whose descriptions say most nearly what ``description``
    says, or None when none shares enough of it."""
    asked = lemmas(description)
    if not asked or not table():
        return None
    entries, weights = _index()
    unknown = math.log(1 + len(table()))  # a word no row uses weighs as the rarest
    weight = lambda w: weights.get(w, unknown)  # noqa: E731
    asked_weight = sum(weight(w) for w in asked)
    person = of_person(description)
    # "the wood thing where you cut ...", "a man who ...": a noun is asked for
    thing = re.match(r"\s*(?:a|an|the|some|something|someone|somebody)\b", description.lower())
    dice: dict[int, float] = {}
    whole: set[int] = set()  # rows one of whose descriptions the learner said, nearly all
    covered: dict[int, set[str]] = {}
    said = f" {' '.join(re.findall(r'[a-z]+', description.lower()))} "
    for i, words, of_a_person in entries:
        shared = asked & words
        if not shared or of_a_person != person or (thing and table()[i][1] != "noun"):
            continue
        if any(f" {word.strip()} " in said for word in table()[i][0].lower().split("/")):
            continue  # the learner said it: "for the swimming pool i need the glasses for ..."
        common = sum(weight(w) for w in shared)
        row_weight = sum(weight(w) for w in words)
        covered.setdefault(i, set()).update(shared)
        if common >= MIN_ROW * row_weight and len(shared) >= 3:
            whole.add(i)  # "he makes this noise when he sleeps, like rrrr"
        dice[i] = max(dice.get(i, 0.0), 2 * common / (asked_weight + row_weight))
    scored, near = [], []
    for i, best in dice.items():
        # The learner's words the row's descriptions say, all of them together.
        share = sum(weight(w) for w in covered[i]) / asked_weight
        if (best >= MIN_SCORE and share >= MIN_ASKED) or i in whole:
            scored.append((max(best, MIN_SCORE) + share, i))
        near.append((best + share, min(best, share), i))
    if not scored:
        # Learners' words are often far from every row's ("the machine in
        # the street for take money"): a weaker match still answers when it
        # stands out from every other row's.
        near.sort(reverse=True)
        if not near or near[0][1] < MIN_NEAR or (
                len(near) > 1 and near[0][0] - near[1][0] < NEAR_LEAD):
            return None
        scored = [near[0][::2]]
    total, i = max(scored)
    word, pos, meaning, _descriptions, example = table()[i]
    return Name(word, pos, meaning, example, round(total / 2, 3))
