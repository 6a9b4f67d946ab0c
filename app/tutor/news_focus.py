"""What a learner's news is about, for the follow-up question (issue 24).

SmolLM2 asked about the wrong thing half the time: "my car broke down on the
highway" -> "What kind of car?". Told what happened, in the second person
("your car broke down"), it has the event to ask about. The focus is one
clause of the news (the one with the most content words), without what the
news said of its time ("yesterday", "since two days", "in may") and, when
the verb has an object, without its places and company ("on the highway"):
the question is to move on from the event, not to ask for what was said.

The parse is spaCy's (app.tutor.parser), the second person the recast's
(app.tutor.recast), so "we visit my parents last weekend" gives "you visited
your parents". No language model is involved: it takes milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

PAST, FUTURE, PRESENT = "past", "future", "present"
_TIME_WORDS = {"yesterday", "today", "tonight", "tomorrow", "now", "ago", "again", "already",
               "anymore", "just", "still", "soon", "later", "recently", "lately"}
_FUTURE_CUES = {"next", "tomorrow", "soon", "later"}
_PAST_CUES = {"yesterday", "ago", "last"}
_MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december", "monday", "tuesday",
                    "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
                    "morning", "evening", "night", "afternoon", "week", "month", "year", "day",
                    "days", "weeks", "months", "years", "hours", "minutes", "summer", "winter"}
_OBJECTS = ("dobj", "attr", "acomp", "xcomp", "ccomp", "oprd")
_CONTENT = ("NOUN", "PROPN", "VERB")


@dataclass(frozen=True)
class Focus:
    text: str  # the event in the second person: "your car broke down"
    time: str  # PAST, FUTURE or PRESENT: when it happens
    words: tuple[str, ...]  # its content words' lemmas: ("car", "break")


def focus(news: str) -> Focus:
    """The event of ``news`` to ask about; an empty text when there is none
    (no clause with a subject: "a book about japan" keeps its words)."""
    from app.tutor import recast  # lazy: loads spaCy's tables
    from app.tutor.parser import parse

    doc = parse(news)
    verbs = [v for sent in doc.sents for v in _clause_verbs(sent.root)
             if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children)]
    if not verbs:
        kept = [t for t in doc if not t.is_punct and not _is_time(t)]
        return Focus(recast._second_person(kept) if kept else "", PRESENT,
                     _lemmas(kept))
    verb = max(verbs, key=lambda v: (len(_content(_tokens(v))), -v.i))
    tokens = _tokens(verb)
    return Focus(recast._second_person(tokens), _time_of(verb, doc), _lemmas(tokens))


def _clause_verbs(root) -> list:
    """The root and the clauses beside it: conjoined ("..., and i stay at
    home") and complement clauses ("my cat is old, she is fifteen" parses
    with "she is" as the root; "i think i lost my keys")."""
    found = [root]
    for child in root.children:
        if child.dep_ in ("conj", "ccomp"):
            found.append(child)
    return found


def _tokens(verb) -> list:
    """The clause of ``verb`` without other clauses, time phrases, and (when
    the verb has an object) its prepositional phrases."""
    drop = set()
    has_object = any(c.dep_ in (*_OBJECTS, "prt") for c in verb.children)
    kept_place = False
    for child in verb.children:
        purpose = child.dep_ == "advcl" and any(c.dep_ == "aux" and c.text.lower() == "to"
                                                 for c in child.children)
        if child.dep_ in ("conj", "cc", "parataxis", "punct", "mark", "intj", "ccomp") or (
                child.dep_ == "advcl" and not purpose) or (
                child.dep_ in ("npadvmod", "dep") and child.i < verb.i):
            drop.update(t.i for t in child.subtree)  # other clauses; "two dogs, they are"
        elif child.dep_ in ("prep", "agent", "dative") and child.i > verb.i:
            if has_object or kept_place:
                drop.update(t.i for t in child.subtree)
            kept_place = True
    for token in verb.subtree:  # "next month" also inside "going to retire next month"
        if token.i != verb.i and _is_time(token):
            drop.update(t.i for t in token.subtree)
    return [t for t in verb.subtree if t.i not in drop and not t.is_punct]


def _is_time(token) -> bool:
    """A phrase that says when or for how long: "yesterday", "last night",
    "since two days", "for ten days", "in june", "on saturday", "every night"."""
    words = [t for t in token.subtree]
    lower = {t.text.lower() for t in words}
    if token.dep_ in ("npadvmod", "advmod", "tmod") and (
            lower & (_TIME_WORDS | _MONTHS_AND_DAYS) or token.ent_type_ in ("DATE", "TIME")):
        return True
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if token.text.lower() in ("since", "until", "till"):
            return True
        if objects and (objects[0].text.lower() in _MONTHS_AND_DAYS
                        or objects[0].ent_type_ in ("DATE", "TIME")):
            return True
    return False


def _time_of(verb, doc) -> str:
    """When the event happens: FUTURE for "will go", "are moving next month",
    "is getting married in may"; PAST for "broke" or "last weekend we visit";
    else PRESENT."""
    lower = {t.text.lower() for t in doc}
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(h.lemma_ in ("will", "shall") or h.text.lower() in ("'ll", "gon") for h in helpers) or (
            verb.tag_ == "VBG" and lower & _FUTURE_CUES) or (
            any(t.tag_ == "VBG" for t in [verb, *helpers]) and _in_month(doc)):
        return FUTURE
    if lower & {"going"} and any(c.dep_ == "xcomp" for c in verb.children):
        return FUTURE
    if lower & _FUTURE_CUES and verb.tag_ not in ("VBD", "VBN"):
        return FUTURE  # "next weekend i run my first marathon"
    if verb.tag_ in ("VBD", "VBN") and not any(h.tag_ in ("VBZ", "VBP") for h in helpers) or any(
            h.tag_ == "VBD" for h in helpers) or lower & _PAST_CUES:
        return PAST
    return PRESENT


def _in_month(doc) -> bool:
    return any(t.dep_ == "pobj" and t.head.text.lower() == "in" and t.text.lower() in
               _MONTHS_AND_DAYS for t in doc)


def _content(tokens: list) -> list:
    return [t for t in tokens if t.pos_ in _CONTENT and not t.is_stop
            and t.text.lower() not in _TIME_WORDS | _MONTHS_AND_DAYS]


def _lemmas(tokens: list) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.lemma_.lower() for t in _content(tokens)))
