"""What a learner describes before asking for its word: "we have a girl who
stays with our kids when we go out, what's the word for her?", "when you
have a cold and you do like, atchoo... how do you say it?". The question
asks for the English word for the description said before it
(app/tutor/act_language, app/tutor/act_echo); the names table answers it.

Lines are canonical (app/tutor/act_text.canonical).
"""

from __future__ import annotations

import re

from app.tutor.act_text import strip_openers

# "... how do you say it?", "how is it called, this paper?", "what is the
# English word?" at the end of a turn, after what the learner described.
_WORD_FOR_IT = re.compile(
    r"(?:^|[,.?!] |\.\.\. ?|(?<= like ))(?:(?:um|uh|so|and|but|ok) (?:, )?)*"
    r"(?:how (?:do|can|should|would) (?:you|i|we|people) (?:say|call) (?:it|this|that|them|these)"
    r"|how (?:you|we) (?:say|call) (?:it|this|that|them|these)"
    r"|how (?:is|are) (?:it |this |that |they |these )?called"
    r"|what(?:'s| is) (?:the )?(?:english |right |correct )?(?:word|name|verb|noun|expression)"
    r"(?: for (?:it|this|that)(?: \w+)?)?"
    r"|what(?:'s| is) (?:it|this|that) in english"
    r"|is there (?:a|an|one) (?:english |single )?(?:word|expression) for (?:it|this|that)(?: \w+)?"
    r"|is there (?:a|an) (?:english )?(?:word|expression))"
    r"(?:(?: ?,)? (?:this|that|these|those) [\w ]{1,25}?)?(?: in english)?(?: ?,? please)?\s*\??$")
# What a learner says before "how do you say it?" when they ask to hear it again.
_NOT_DESCRIBED = re.compile(r"\b(?:hear|heard|understand|understood|catch|repeat|again|slowly|"
                            r"spell|pronounce)\b")


def described_before_closer(line: str) -> str | None:
    """The description said before a closing "how do you say it?", or None."""
    match = _WORD_FOR_IT.search(line)
    if match is None or match.start() == 0:
        return None
    before = re.sub(r"(?: ,)? like$", "", line[:match.start()].rstrip(",.?! "))
    described = description_before(before + " .")
    if described is None or _NOT_DESCRIBED.search(described):
        return None
    return described


def description_before(before: str) -> str | None:
    """The last sentence before a "what's the word for it?", when it is a
    description (3 to 25 words)."""
    for part in reversed(re.split(r" [.?!]", before)):
        words = strip_openers(part.strip(" ,")).strip(" ,")
        if words:
            return words if 3 <= len(words.split()) <= 25 else None
    return None
