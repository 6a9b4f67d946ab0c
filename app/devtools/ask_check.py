"""The strict check of a follow-up question after news, for ``eval-dialogue``.

The word check (an expected word anywhere in the question) counts "What kind
of car?" after "my car broke down" as on the content. This one reads the
hand-written targets of each news line (tests/data/dialogue/ask_targets.py):
the question must match one of the line's ``ask_about`` entries (what a
person would ask next) and none of its ``not_this`` patterns (what was said
already, the kind or name of the thing that broke), nor one of the patterns
below that no line accepts. It is not the gate the reply passed
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


def _word_start(stem: str) -> re.Pattern:
    return re.compile(r"\b" + re.escape(stem).replace(r"\ ", r"\s+"))


def matches_entry(question: str, entry: str) -> bool:
    """Every part of ``entry`` (joined by " + ") has an alternative (split by
    "|") that starts at a word of the question."""
    low = question.lower()
    return all(any(_word_start(alt.strip()).search(low) for alt in part.split("|"))
               for part in entry.split(" + "))


def strict_ok(question: str, expect: dict) -> bool | None:
    """Is ``question`` a follow-up a person would ask after this news? None
    when the line has no targets."""
    about, never = expect.get("ask_about"), expect.get("not_this", [])
    if not about:
        return None
    low = " ".join(question.lower().split())
    if any(re.search(p, low) for p in (*NEVER, *never)):
        return False
    return any(matches_entry(low, entry) for entry in about)
