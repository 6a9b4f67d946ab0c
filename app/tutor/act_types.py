"""The act classifier's types, apart from :mod:`app.tutor.acts` so that
:mod:`app.tutor.requests` (which makes a :class:`RequestCall`) and the
classifier (which calls the requests' recogniser) need not import each other:
``app.tutor.requests`` imports ``RequestCall`` from here, never from
``app.tutor.acts`` (tests/test_import_cycles.py). Everyone else may import
these names from :mod:`app.tutor.acts`, which re-exports them.
"""

from __future__ import annotations

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


# The word forms a WORD_FORM question asks for (ActResult.detail).
WORD_FORMS = ("past", "past_participle", "plural", "comparative", "superlative",
              "third_person", "ing")


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
    # IS_CORRECT asked as a choice ("he go or he goes, which is right?"): the
    # other sentence; ``subject`` is the first.
    alternative: str | None = None
