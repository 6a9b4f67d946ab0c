"""The small types of the request fast path (app/tutor/request_rules.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

TOPIC_NOUNS = {"topic", "subject", "theme"}
ELSE = {"something", "else", "different", "other", "another", "new", "thing", "things"}


@dataclass(frozen=True)
class Token:
    text: str  # as written
    lower: str
    lemma: str
    tag: str
    start: int  # character offsets in the line
    end: int
    dep: str = ""  # its dependency label in spaCy's parse


@dataclass
class Found:
    """A request the rules are sure of, with its arguments."""

    name: str
    arguments: dict = field(default_factory=dict)


@dataclass
class Maybe:
    """A clause addressed to the tutor as a request whose words name no
    function the rules know: the model may choose one."""

    frame: str
    clause: str
