"""Everyday phrasal verbs and idioms in words a learner knows.

WordNet's first sense of a phrasal verb is often not the everyday one
("break down": "make ineffective", "carry on": "direct the course of"), and
it lacks most spoken idioms ("over the moon", "sleep on it"): test6, test7
and test8 asked for them. ``assets/dictionary/phrases.tsv`` is a table
written by hand for Parley: each phrase as a dictionary lists it, a plain
meaning and an example. It is looked up before WordNet; it cannot invent.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, str]]:
    """phrase -> (meaning, example); empty when the file is missing."""
    from app.resources import asset

    try:
        text = asset("dictionary", "phrases.tsv").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return {}
    rows = {}
    for line in text.splitlines()[1:]:
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) == 3 and all(parts):
            rows[parts[0].lower()] = (parts[1], parts[2])
    return rows


_WORDS = re.compile(r"[a-z']+")
_PARTICLES = "with|on|up|out|in|off|to|for|at|over|by|about|into|through|away|back|down"
_POSSESSIVE = re.compile(r"\b(?:her|his|their|your|our)\b")
_LEADS = re.compile(r"^(?:it's|it is|that's|that is|to be|be|is|was|to)\s+")


def _base_forms(said: str) -> str:
    """``said`` with each verb as the table lists it ("it's raining cats and
    dogs": "rain cats and dogs", "came down": "come down")."""
    from lemminflect import getAllLemmas  # lazy: loads lemminflect

    out = []
    for word in said.split():
        lemmas = getAllLemmas(word, upos="VERB").get("VERB") if len(word) > 2 else None
        nouns = getAllLemmas(word, upos="NOUN").get("NOUN") or ()
        plural = any(n.lower() != word for n in nouns)  # "cats": a noun's plural, kept
        out.append(lemmas[0].lower() if lemmas and not plural else word)
    return " ".join(out)


def look_up(forms: list[str]) -> tuple[str, str, str] | None:
    """(phrase, meaning, example) for the first of ``forms`` (the phrase as
    asked, then as a dictionary lists it) the table has, also with a verb
    the idiom takes ("cold feet": "get cold feet") or without "it's"
    ("it's not my cup of tea"); else the longest phrase of the table said in
    the first form ("in my book it says break the ice")."""
    rows = table()
    if not rows:
        return None
    for form in forms:
        bare = _LEADS.sub("", form)
        for candidate in (form, bare, f"{bare} of", f"get {bare}", f"have {bare}", f"be {bare}",
                          f"the {bare}"):
            if candidate in rows:
                return (candidate, *rows[candidate])
    said = " ".join(_WORDS.findall(forms[0])) if forms else ""
    # "not her cup of tea": the table says it with "my"
    said = f" {said} | {_POSSESSIVE.sub('my', said)} | {_base_forms(said)} "
    # Not one that goes on with a particle: "came down with" is not "come down".
    inside = [p for p in rows if " " in p and f" {p} " in said
              and not re.search(rf" {re.escape(p)} (?:{_PARTICLES})\b", said)]
    if inside:
        phrase = max(inside, key=len)
        return (phrase, *rows[phrase])
    return None
