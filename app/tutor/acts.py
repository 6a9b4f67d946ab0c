"""What the learner is doing with a line: the one classifier that both the
conversing tutor (replies) and spoken requests (app actions) route by.

This module is the shared contract. ``classify`` is the only entry point;
callers never re-classify with their own keyword lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Act(StrEnum):
    """The learner's act; the values are what ``converse --json`` prints as "act"."""

    NEWS = "news"  # news, or an answer to the tutor
    LANGUAGE = "language_question"  # a question about English itself
    TUTOR = "tutor_question"  # a question to the tutor: opinion, advice, about itself
    REQUEST = "request"  # a request to the app (app.tutor.requests)
    GOODBYE = "goodbye"
    UNCLEAR = "unclear"


class LanguageKind(StrEnum):
    MEANING = "meaning"  # a word's or an idiom's meaning
    HOW_TO_SAY = "how_to_say"  # "how do I say ...", "what do you call ..."
    IS_CORRECT = "is_correct"  # "can I say X?", "is X correct?"
    WORD_FORM = "word_form"  # past tense, plural, comparative ...
    PRONUNCIATION = "pronunciation"


class TutorKind(StrEnum):
    OPINION = "opinion"
    ADVICE = "advice"
    RECOMMENDATION = "recommendation"
    ABOUT_TUTOR = "about_tutor"


@dataclass(frozen=True)
class RequestCall:
    """A function the app carries out: a name of app.tutor.requests.FUNCTIONS
    and arguments valid against its JSON schema."""

    name: str
    arguments: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"name": self.name, "arguments": dict(self.arguments)}


@dataclass(frozen=True)
class ActResult:
    act: Act
    kind: str | None = None  # a LanguageKind or TutorKind value, where it applies
    subject: str | None = None  # the word, phrase or sentence asked about
    detail: str | None = None  # e.g. the word form asked for: "past", "plural"
    request: RequestCall | None = None  # set when act is REQUEST


def classify(text: str, context: Sequence[str] = (), model=None) -> ActResult:
    """The act of ``text``; ``context`` is the session's earlier lines, oldest
    first (the tutor's and the learner's), ``model`` an optional ChatModel the
    classifier may consult when its own evidence is unsure."""
    return ActResult(Act.NEWS)
