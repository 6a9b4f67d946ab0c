"""The strict check of a follow-up question after news, for ``eval-dialogue``.

The word check (an expected word anywhere in the question) counts "What kind
of car?" after "my car broke down" as on the content. This one reads the
hand-written targets of each news line (tests/data/dialogue/ask_targets.py):
the question must match one of the line's ``ask_about`` entries (what a
person would ask next) and none of its ``not_this`` patterns (what was said
already, the kind or name of the thing that broke), nor one of the patterns
below that no line accepts, nor a yes/no question made of the news's own
words (it asks back what was said). It is not the gate the reply passed
(app.tutor.dialogue.about: a shared content word or synonym) and shares no
code with it.
"""

from __future__ import annotations

import re

# Never a sensible follow-up after news, whatever the line.
NEVER = (
    r"\bwhat do you call\b",
    r"\bwhat do you mean\b",
    r"^what('s| is) (your|the) [a-z']+\?$",  # "What's your family?", "What is the train?"
    r"^what('s| are) your [a-z']+ (doing|like)\?$",  # "What's your cat doing?"
)


_YES_NO = re.compile(r"^(did|do|does|are|is|was|were|have|has|will|can) ")
_LITTLE = set("you your the and with for but did does are was were have has will can that this "
              "they them their she her his him its our any some very".split())


def echoes(question: str, news: str) -> bool:
    """A yes/no question made of the news's own words asks back what was
    said ("Did you plant tomatoes in your garden?" after "i planted tomatoes
    in my garden"). Words compare by their first four letters."""
    low = question.lower()
    if not _YES_NO.match(low):
        return False
    said = {w[:4] for w in re.findall(r"[a-z]+", news.lower())}
    asked = {w[:4] for w in re.findall(r"[a-z]+", low) if len(w) > 2 and w not in _LITTLE}
    return asked <= said


def _word_start(stem: str) -> re.Pattern:
    return re.compile(r"\b" + re.escape(stem).replace(r"\ ", r"\s+"))


def matches_entry(question: str, entry: str) -> bool:
    """Every part of ``entry`` (joined by " + ") has an alternative (split by
    "|") that starts at a word of the question."""
    low = question.lower()
    return all(any(_word_start(alt.strip()).search(low) for alt in part.split("|"))
               for part in entry.split(" + "))


def strict_ok(question: str, expect: dict, news: str = "") -> bool | None:
    """Is ``question`` a follow-up a person would ask after this news? None
    when the line has no targets."""
    about, never = expect.get("ask_about"), expect.get("not_this", [])
    if not about:
        return None
    low = " ".join(question.lower().split())
    if any(re.search(p, low) for p in (*NEVER, *never)) or echoes(low, news):
        return False
    return any(matches_entry(low, entry) for entry in about)
