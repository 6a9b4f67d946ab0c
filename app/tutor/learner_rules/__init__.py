"""A small, curated table of frequent learner errors that Harper misses.

Each rule is a regular expression over the (lower-cased) spoken sentence
with a fixed replacement, a stable kind and a short reason. A rule's fix is
only a candidate: like every other, it is kept only when the language model
finds the sentence more likely with it (app/tutor/gec).

A rule stays in this table only while it changes none of the 2,400 correct
sentences of tests/data/corrections/do_no_harm.tsv nor the damaged and
regression sentences its test adds (tests/tutor/test_corrections_do_no_harm.py).
That keeps out rules that look useful but change correct English: "modal +
to" ("the will to win"), "pronoun + adjective needs be" ("I sure do", "They
tired me out"), "verb + missing to" ("I have to go" -> "have to to go"),
"it + bare verb" ("It cost me ten dollars last week") and "if + will" ("If
you will excuse me").

The table is in three parts, joined here in the table's order: frequent
errors by kind (common.py), what the tutor called right when asked "is it
correct?" and teaching references (asked.py), and errors read on later
splits (splits.py). The word forms the rules use are in forms.py.
"""

from __future__ import annotations

import re

from app.tutor.edits import Edit, shown_edits
from app.tutor.learner_rules.asked import ASKED
from app.tutor.learner_rules.common import COMMON
from app.tutor.learner_rules.forms import Rule
from app.tutor.learner_rules.splits import SPLITS

__all__ = ["RULES", "Rule", "apply_rules", "rule_candidates"]

# In order: apply_rules runs each rule on the sentence the rules before it left.
RULES: tuple[Rule, ...] = (*COMMON, *ASKED, *SPLITS)


def rule_candidates(sentence: str) -> list[tuple[int, int, str, Rule]]:
    """Each rule's fix of each of its matches, as (start, end, replacement, rule)."""
    found = []
    for rule in RULES:
        for match in rule.pattern.finditer(sentence):
            found.append((match.start(), match.end(),
                          _keep_case(match[0], _replacement(rule, match)), rule))
    return found


def apply_rules(sentence: str) -> tuple[str, list[Edit]]:
    """The sentence with every matching rule applied, and one edit per change."""
    text, edits = sentence, []
    for rule in RULES:
        fixed = rule.pattern.sub(lambda m: _keep_case(m[0], _replacement(rule, m)), text)
        if fixed != text:
            for before, after in shown_edits(text, fixed, merge=True):
                edits.append(Edit(before, after, rule.reason, rule.kind, "rules"))
            text = fixed
    return text, edits


def _replacement(rule: Rule, match: re.Match) -> str:
    if callable(rule.replace):
        return rule.replace(match)
    return match.expand(rule.replace)


def _keep_case(original: str, replacement: str) -> str:
    """Whisper capitalises the first word; keep that, and nothing else of the case."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
