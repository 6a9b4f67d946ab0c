"""The table's entry, ``Rule``, and the word forms its replacements use.

The patterns and replacements of app/tutor/learner_rules/ build on these:
a verb in the form of the one it replaces (``_same_form``), its past,
-ing and present forms, and the alternations of verbs and adjectives the
patterns match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.tutor.learner_words import COMPARE, PARTICIPLE, PAST, REGULAR, THIRD


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    replace: str | Callable[[re.Match], str]
    kind: str
    reason: str


def _rule(pattern: str, replace, kind: str, reason: str) -> Rule:
    return Rule(re.compile(pattern, re.IGNORECASE), replace, kind, reason)


def _same_form(said: str, verb: str) -> str:
    """``verb`` in the form of the learner's ``said`` ("made" -> "did")."""
    from lemminflect import getInflection, getLemma  # lazy: reads its tables

    low = said.lower()
    base = (getLemma(low, upos="VERB") or (low,))[0]
    if low == base:
        return verb
    for tag in ("VBZ", "VBG", "VBD", "VBN"):
        if low in getInflection(base, tag=tag):
            return (getInflection(verb, tag=tag) or (verb,))[0]
    return verb


def _past(verb: str) -> str:
    verb = verb.lower()
    if verb in PAST:
        return PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _ing(verb: str) -> str:
    from lemminflect import getInflection  # lazy: reads its tables

    return (getInflection(verb.lower(), tag="VBG") or (verb + "ing",))[0]


_ING_ADJECTIVES = {"bored": "boring", "tired": "tiring", "surprised": "surprising",
                   "confused": "confusing", "relaxed": "relaxing", "amazed": "amazing",
                   "terrified": "terrifying", "frightened": "frightening",
                   "embarrassed": "embarrassing", "annoyed": "annoying", "exhausted": "exhausting",
                   "depressed": "depressing", "shocked": "shocking", "thrilled": "thrilling",
                   "disappointed": "disappointing", "excited": "exciting",
                   "fascinated": "fascinating", "interested": "interesting"}


def _ing_adjective(word: str) -> str:
    return _ING_ADJECTIVES.get(word.lower(), word)


def _present(subject: str, verb: str) -> str:
    """``verb`` in the present after ``subject`` ("it", "rain" -> "rains")."""
    from lemminflect import getInflection  # lazy: reads its tables

    if verb.lower() == "be":
        return {"i": "am", "he": "is", "she": "is", "it": "is"}.get(subject.lower(), "are")
    if subject.lower() not in ("he", "she", "it"):
        return verb
    return (getInflection(verb.lower(), tag="VBZ") or (verb + "s",))[0]


def _perfect_subject(subject: str) -> str:
    """"I am" -> "I have", "she's" -> "she has"."""
    pronoun = re.split(r"[ ']", subject)[0]
    return f"{pronoun} {'has' if pronoun.lower() in ('he', 'she') else 'have'}"


def _plural_noun(word: str) -> bool:
    from app.tutor.sentence_checks import _plural_form  # lazy: reads lemminflect's tables

    low = word.lower()
    return low == "people" or _plural_form(low)  # lemminflect's lemma of "people" is itself


_PAST_VERBS = "|".join(sorted([*PAST, *REGULAR], key=len, reverse=True))
_PAST_FORMS = "|".join(v for k, v in PAST.items() if v != k)
_BASE_OF = {v: k for k, v in PAST.items()}
# Participle -> past: "met" -> "met", "gone" -> "went", "visited" -> "visited".
_PARTICIPLE_PAST = {**{v: PAST[k] for k, v in PAST.items()},
                    **{v: PAST[k] for k, v in PARTICIPLE.items()},
                    **{_past(v): _past(v) for v in REGULAR}}
_PARTICIPLES = "|".join(sorted(_PARTICIPLE_PAST, key=len, reverse=True))
_BARE = {**{v: k for k, v in THIRD.items()}, "plays": "play", "works": "work"}
_HELPS_A_PARTICIPLE = re.compile(r"have (?:\w+(?:ed|en|wn)|read|been|done|had|put|cut|hurt)")
_PLURAL_BE = {"is": "are", "isn't": "aren't", "was": "were", "wasn't": "weren't"}
# Past forms of events that happen once ("retired", "left"), not states.
_ONCE = ("retired|left|moved|died|started|finished|arrived|came|went|graduated|quit|stopped|"
         "bought|sold|married|divorced|broke up|opened|closed|lost|found|met|began")
_SINCE = {"live": "lived", "lives": "lived", "work": "worked", "works": "worked",
          "know": "known", "knows": "known", "study": "studied", "studies": "studied",
          "am": "been", "is": "been", "are": "been"}

_PARTICIPLE_OF = {"have": "had", "meet": "met", "hear": "heard"}
_OBJECT = {"he": "him", "she": "her", "they": "them", "we": "us", "i": "me"}
_ADJECTIVES = "|".join([*COMPARE, "expensive", "difficult", "dangerous", "crowded", "tired",
                        "boring", "complicated", "beautiful", "important", "interesting",
                        "fluent", "clear", "serious", "comfortable", "careful", "ready",
                        "experienced", "confident", "polite", "salty", "sweet", "spicy"])
# Verbs of "where you live?" (a question without "do"): base forms, then pasts.
_Q_VERBS = "|".join(sorted({*THIRD, *THIRD.values(), *REGULAR, *PAST, *PAST.values(),
                            *(_past(v) for v in REGULAR), "think", "mean", "say", "call",
                            "prefer", "recommend", "learn", "spend", "pay", "feel"},
                           key=len, reverse=True))


def _participle(verbs: str) -> str:
    """"see" -> "seen", "speak to" -> "spoken to"."""
    verb, _, rest = verbs.partition(" ")
    form = PARTICIPLE.get(verb.lower()) or _PARTICIPLE_OF.get(verb.lower()) or _past(verb)
    return f"{form} {rest}".strip()


_ADVERB = {"good": "well", "easy": "easily", "terrible": "terribly", "quiet": "quietly",
           "bad": "badly", "nice": "nicely", "dangerous": "dangerously", "serious": "seriously",
           "polite": "politely", "fluent": "fluently", "beautiful": "beautifully",
           "brilliant": "brilliantly", "careful": "carefully", "loud": "loudly"}
_ANY = {"nothing": "anything", "nobody": "anybody", "nowhere": "anywhere"}


def _embedded(helper: str, subject: str, verb: str) -> str:
    """The verb of "what time does the bank open" inside another sentence:
    "opens", "open", "opened"."""
    helper = helper.lower()
    if helper == "did":
        return _past(verb)
    return _present("he" if helper == "does" else "they", verb)


def _base(verb: str) -> str:
    from lemminflect import getLemma  # lazy: reads its tables

    low = verb.lower()
    return _BASE_OF.get(low) or (getLemma(low, upos="VERB") or (low,))[0]


def _do_question(match: re.Match) -> str:
    """"where you live?" -> "where do you live?", "why he went?" -> "why did he go?"."""
    subject, adverb, verb = match[2], match[3] or "", match[4].lower()
    base = _base(verb)
    if verb in _BASE_OF or (verb != base and verb == _past(base)):
        helper = "did"
    elif subject.lower() in ("he", "she"):
        helper = "does"
    else:
        helper = "do"
    return f"{match[1]} {helper} {subject} {adverb}{base}"


NUMBERS_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
                 "minus \\w+")
