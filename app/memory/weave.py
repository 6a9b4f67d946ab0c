"""Recurring mistakes woven into the conversation: now and then, the tutor's
question is one whose natural answer practises the learner's most frequent
kind of mistake (the mistake notebook's top kind), e.g. past tense -> "What
did you do last weekend?". Each such question is recorded, and so is how the
next answer went: the form was used, and used with no correction of that kind.

Budgeted so the conversation stays the learner's: free talk only, not before
the learner's third line, at least EVERY turns apart, at most PER_SESSION a
session, never after news that was not good (a change of subject would be
unkind), and only when the corrector runs (else nobody could say it went right).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from app.memory.extract import parse

log = logging.getLogger(__name__)

MIN_MISTAKES = 3  # a kind is "recurring" from this many corrections
FIRST_TURN = 2  # learner lines before the first practice question
EVERY = 4  # learner lines between two practice questions
PER_SESSION = 2

# Each question's natural answer uses the form; a bridge says the subject changes.
QUESTIONS = {
    "verb tense": (  # the past simple
        "By the way, what did you do last weekend?",
        "Tell me, what did you have for dinner yesterday?",
        "And where did you go on your last holiday?",
        "By the way, how did you spend yesterday evening?",
    ),
    "agreement": (  # he/she + verb-s
        "By the way, what does your best friend do for work?",
        "Tell me about someone you know: what does she or he do every morning?",
        "And what does your family usually do at the weekend?",
    ),
    "article": (  # a / an / the
        "By the way, can you describe your room for me?",
        "Tell me, what is the best place to eat in your town?",
        "And what do you have in your bag right now?",
    ),
    "preposition": (  # in / on / at / to ...
        "By the way, where do you usually meet your friends, and when?",
        "Tell me, how do you get to work or school?",
        "And what do you like to do on a Sunday afternoon?",
    ),
    "plural": (
        "By the way, what are some things you always keep in your kitchen?",
        "Tell me, how many books do you have at home, and what kinds?",
        "And which animals do you like best?",
    ),
}
FORM_NAMES = {"verb tense": "past tense", "agreement": "he/she + verb-s", "article": "a/an/the",
              "preposition": "prepositions", "plural": "plurals"}


def weak_kind(store) -> str | None:
    """The learner's most frequent kind of correction that a question can practise."""
    counts = Counter(e.correction.kind for e in store.correction_entries())
    for kind, count in counts.most_common():
        if kind in QUESTIONS and count >= MIN_MISTAKES:
            return kind
    return None


def form_present(kind: str, doc) -> bool:
    """Whether the answer (a spaCy Doc) uses the form at all."""
    if kind == "verb tense":
        return any(t.tag_ == "VBD" for t in doc)
    if kind == "agreement":
        return any(t.tag_ == "VBZ" for t in doc)
    if kind == "article":
        return any(t.lower_ in ("a", "an", "the") for t in doc)
    if kind == "preposition":
        return any(t.pos_ == "ADP" for t in doc)
    if kind == "plural":
        return any(t.tag_ in ("NNS", "NNPS") for t in doc)
    return False


def judge(store, question_id: int, kind: str, answer_turn_id: int, text: str,
          corrected_kinds: list[str]) -> tuple[bool, bool]:
    """Record how the answer went: (form used, used with no correction of that kind)."""
    used = form_present(kind, parse(text))
    right = used and kind not in corrected_kinds
    store.judge_practice_question(question_id, answer_turn_id, used, right)
    return used, right


@dataclass
class Weaver:
    """One session's practice questions: which, when, and the one awaiting its answer."""

    store: object
    enabled: bool = True
    kind: str | None = None
    _looked: bool = False
    asked: int = 0
    last_asked_at: int = -EVERY
    pending: tuple[int, str] | None = None  # (question id, kind) awaiting the next line
    _done: int = 0  # questions of this kind asked in earlier sessions (to vary them)

    def look(self) -> None:
        """Read the notebook once a session (call it off the GUI thread)."""
        if not self._looked:
            self._looked = True
            try:
                self.kind = weak_kind(self.store) if self.enabled else None
                self._done = sum(1 for q in self.store.practice_questions() if q.kind == self.kind)
            except Exception:  # noqa: BLE001 - a missed practice question is no loss
                log.exception("weave: could not read the mistake notebook")
                self.kind = None

    def question(self, line: int, earlier: list[str]) -> str:
        """The practice question to ask after the learner's ``line`` (0-based), or ""."""
        if not self.enabled or line < FIRST_TURN or self.asked >= PER_SESSION:
            return ""
        if line - self.last_asked_at < EVERY:
            return ""
        self.look()
        if self.kind is None:
            return ""
        options = QUESTIONS[self.kind]
        for step in range(len(options)):
            option = options[(self._done + self.asked + step) % len(options)]
            if not any(option in before for before in earlier):
                return option
        return ""

    def after_turn(self, session_id: int, turn_id: int, line: int, asked: str) -> None:
        """The turn's reply is out and saved: remember the question it asked, if any."""
        if asked and self.kind is not None:
            self.pending = (self.store.record_practice_question(session_id, turn_id,
                                                                self.kind, asked), self.kind)
            self.asked += 1
            self.last_asked_at = line
        else:
            self.pending = None

    def take_pending(self) -> tuple[int, str] | None:
        pending, self.pending = self.pending, None
        return pending


def practice_lines(store) -> list[str]:
    """One line per kind: "past tense: asked 5 times; 3 of 4 answers used it right"."""
    lines = []
    for c in store.practice_counts():
        name = FORM_NAMES.get(c.kind, c.kind)
        times = "once" if c.asked == 1 else f"{c.asked} times"
        lines.append(f"{name}: asked {times}; {c.correct} of {c.answered} answers used it right")
    return lines
