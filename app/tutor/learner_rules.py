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
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.tutor.edits import Edit, shown_edits
from app.tutor.learner_words import (
    COMPARE, END, ING, JOBS, NUMBERS, PARTICIPLE, PAST, PAST_TIME, PLURAL, PRONOUN_BE,
    REGULAR, SINGULAR_SUBJECT, THIRD,
)


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

RULES: tuple[Rule, ...] = (
    # "many homeworks": "a lot of homework", before the plural rule makes it "many homework".
    _rule(r"\b(too |so |how |as )?many (homeworks?|informations?|advices?|furnitures?|luggages?|"
          r"equipments?|knowledges?)\b",
          lambda m: (f"{m[1]}much " if m[1] else "a lot of ") + m[2].lower().rstrip("s"),
          "word choice", "These nouns have no plural: 'a lot of homework', 'too much luggage'."),
    # "I am agree": "agree" is a verb, not an adjective.
    _rule(r"\b(i|we|you|they|he|she)( am| are| is|'m|'re|'s) agree\b",
          lambda m: m[1] + " agree" + ("s" if m[1].lower() in ("he", "she") else ""),
          "extra word", "'Agree' is a verb: say 'I agree', not 'I am agree'."),
    # "I am not agree": the verb's own negative.
    _rule(r"\b(i|we|you|they|he|she)( am| are| is|'m|'re|'s) not agree\b",
          lambda m: m[1] + (" doesn't" if m[1].lower() in ("he", "she") else " don't")
          + " agree", "other", "'Agree' is a verb: say 'I don't agree', not 'I am not agree'."),
    # "go to home": "home" after a verb of movement takes no "to".
    _rule(r"\b(go|goes|going|gone|went|come|comes|coming|came|get|gets|getting|got|"
          r"walk|walks|walked|drive|drives|drove|run|ran|return|returned|arrive|arrived) "
          r"to home(?=\s*(?:[.,!?]|$|(?:after|before|at|and|but|so|because|early|late|now|"
          r"then|today|tonight|yesterday|last|by|with|in|on|for|from|alone|together)\b))",
          r"\1 home", "extra word", "We say 'go home', with no 'to'."),
    _rule(r"\b(made|make|makes) (me|him|her|us|them|you) to ", r"\1 \2 ",
          "extra word", "'Make someone do' takes no 'to'."),
    _rule(r"\b(call|phone) to (me|you|him|her|us|them)\b", r"\1 \2",
          "extra word", "'Call' takes no 'to': 'call me'."),
    _rule(r"\breached to the\b", "reached the", "extra word", "'Reach' takes no preposition."),
    _rule(r"\bentered into the (room|house|building|office|classroom|class|shop|kitchen)\b",
          r"entered the \1", "extra word", "'Enter' a place takes no preposition."),
    _rule(r"\bmarried with (him|her|me|them)\b", r"married \1", "extra word",
          "'Marry someone' takes no preposition."),
    _rule(r"\b(is|am|are|was|were|got|get|'s|'m|'re) married with\b", r"\1 married to",
          "preposition", "We say 'married to' someone."),
    _rule(r"\bfeel myself (tired|happy|good|bad|sick|ill|better|sad)\b", r"feel \1",
          "extra word", "'Feel' needs no 'myself' here."),
    # Prepositions that follow a fixed word.
    _rule(r"\bdepends? of\b", lambda m: m[0][:-2] + "on", "preposition", "We say 'depend on'."),
    _rule(r"\binterested (about|on|for)\b", "interested in", "preposition",
          "We say 'interested in'."),
    _rule(r"\bafraid from\b", "afraid of", "preposition", "We say 'afraid of'."),
    _rule(r"\bresponsible of\b", "responsible for", "preposition", "We say 'responsible for'."),
    _rule(r"\bby foot\b", "on foot", "preposition", "We say 'on foot'."),
    _rule(r"\blisten (music|the radio|me|him|her|them|it)\b", r"listen to \1", "preposition",
          "'Listen' needs 'to' before what you hear."),
    _rule(r"\b(see you|on|is|it's) in (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
          r"\1 on \2", "preposition", "Days take 'on': 'on Monday'."),
    _rule(r"\bwaiting the (bus|train|doctor)\b", r"waiting for the \1", "preposition",
          "We say 'wait for' something."),
    # Word choice.
    _rule(r"\bsaid (me|him|her|us|them)\b", r"told \1", "word choice",
          "'Say' takes no person: 'told me' or 'said to me'."),
    _rule(r"\bmake (my|your|his|her|our|their) homework\b", r"do \1 homework", "word choice",
          "We 'do' homework."),
    # Collocations learners mix up: the verb takes the form of the one it replaces.
    _rule(r"\b(make|makes|made|making) (the |some |my |your |his |her |our |their )?"
          r"(exercise|cleaning|washing-up|washing|ironing|housework|shopping|laundry)\b"
          r"(?! (?:list|lists|bag|bags|centre|center|mall|cart|trolley|machine|powder|basket)\b)",
          lambda m: f"{_same_form(m[1], 'do')} {m[2] or ''}{m[3]}", "word choice",
          "We 'do' exercise, the cleaning, the shopping."),
    _rule(r"\b(do|does|did|doing) (a|the|some|many|a lot of) (mistakes?|decision|choice|noise|promise)\b",
          lambda m: f"{_same_form(m[1], 'make')} {m[2]} {m[3]}", "word choice",
          "We 'make' a mistake, a decision, a choice."),
    _rule(r"\b(lose|loses|lost|losing) (the|my|our|his|her|their) (last |first |next |early )?"
          r"(bus|train|flight|plane|tram|ferry)\b(?! (?:ticket|pass|stop|station|driver|card|fare|of)\b)",
          lambda m: f"{_same_form(m[1], 'miss')} {m[2]} {m[3] or ''}{m[4]}", "word choice",
          "We 'miss' a bus or a train we do not catch."),
    _rule(r"\b(learn|learns|learned|learnt|learning) (me|him|her|us|them|you) (to|how)\b",
          lambda m: f"{_same_form(m[1], 'teach')} {m[2]} {m[3]}", "word choice",
          "Someone 'teaches' you; you 'learn'."),
    _rule(r"\b(say|says|said|saying) (lies|a lie|the truth|a story|stories|a joke|jokes)\b",
          lambda m: f"{_same_form(m[1], 'tell')} {m[2]}", "word choice",
          "We 'tell' lies, the truth, a story."),
    _rule(r"\b(borrow|borrows|borrowed|borrowing) (me|him|her|us|them) "
          r"(your|his|her|my|our|their|a|an|the|some)\b",
          lambda m: f"{_same_form(m[1], 'lend')} {m[2]} {m[3]}", "word choice",
          "You 'lend' something to someone; you 'borrow' it from them."),
    # "I lent three books from the library": what comes "from" someone is borrowed.
    _rule(r"\b(lend|lends|lent|lending) (?!(?:me|him|us|them|you)\b)"
          r"((?:a|an|the|some|my|your|his|her|our|their|\w+) "
          r"(?:\w+ )?\w+) from (the|my|your|his|her|our|their|a|an)\b",
          lambda m: f"{_same_form(m[1], 'borrow')} {m[2]} from {m[3]}", "word choice",
          "You 'borrow' something from someone; you 'lend' it to them."),
    _rule(r"\b(close|closes|closed|closing|open|opens|opened|opening) the (lights?|tv|radio)\b",
          lambda m: f"{_same_form(m[1], 'turn')} {'off' if m[1].lower().startswith('clos') else 'on'} "
                    f"the {m[2]}", "word choice", "We 'turn off' or 'turn on' a light."),
    _rule(r"\b(assist|assists|assisted|assisting) (a|the|my|his|her|our|their) "
          r"(wedding|meeting|concert|class|lesson|course|conference|funeral)\b",
          lambda m: f"{_same_form(m[1], 'attend')} {m[2]} {m[3]}", "word choice",
          "We 'attend' a wedding or a meeting; 'assist' means help."),
    _rule(r"\b(i am|i'm|i was|we are|we're|we were|i feel) (very |so |really )?"
          r"(bor|excit|interest|tir|confus)ing\b", r"\1 \2\3ed", "word choice",
          "'-ed' says how you feel; '-ing' describes the thing."),
    # "she is very worry": the verb where its -ed adjective belongs.
    _rule(r"(?<!\bit )(?<!\bthis )(?<!\bthat )(?<!\bwhich )"
          r"\b(am|'m|is|are|'re|was|were|feel|feels|felt|get|got) (very |so |really |a bit |too )?"
          r"(worry|bore|excite|interest|tire|confuse|surprise|scare|disappoint|embarrass|annoy|"
          r"frighten|shock|relax|satisfy)\b(?! (?:me|you|him|her|us|them|it)\b)",
          lambda m: f"{m[1]} {m[2] or ''}{_past(m[3])}", "word choice",
          "Say how someone feels with the '-ed' adjective: 'worried', 'bored'."),
    _rule(r"\b(film|movie|book|class|lesson|game|story|trip|party|match) (was|is) "
          r"(very |so |really )?(bor|excit|interest)ed\b", r"\1 \2 \3\4ing", "word choice",
          "'-ing' describes the thing; '-ed' says how you feel."),
    _rule(r"\bmuch (friends|people|books|things|cars|problems|questions)\b", r"many \1",
          "word choice", "Use 'many' with plural nouns."),
    _rule(r"\bless (people|cars|students|friends|things|problems|questions)\b", r"fewer \1",
          "word choice", "Use 'fewer' with plural nouns."),
    _rule(r"\bnot so (\w+) like\b", r"not as \1 as", "word choice", "We say 'not as ... as'."),
    # Comparatives: "more cheap" -> "cheaper", "the most big" -> "the biggest".
    _rule(rf"\bmore ({'|'.join(COMPARE)})\b", lambda m: COMPARE[m[1].lower()][0], "other",
          "Short adjectives take '-er', not 'more'."),
    _rule(rf"\bmost ({'|'.join(COMPARE)})\b", lambda m: COMPARE[m[1].lower()][1], "other",
          "Short adjectives take '-est', not 'most'."),
    # Word order in indirect questions: "tell me where is the station".
    _rule(r"\b(tell me|know|wonder) (where|what|when|how much) (is|are) "
          rf"((?:the|my|your|his|her|their) \w+){END}", r"\1 \2 \4 \3", "word order",
          "In an indirect question the verb goes after the subject."),
    _rule(r"\b(i|you|he|she|it|we|they) (always|never|usually|often|sometimes) "
          r"(am|is|are|was|were)\b", r"\1 \3 \2", "word order",
          "'Always', 'never' and the like go after 'be'."),
    _rule(r"\b(i|you|he|she|we|they) never (have|has) been\b", r"\1 \2 never been",
          "word order", "'Never' goes between 'have' and 'been'."),
    _rule(r"^(what|where|why|how) (you|they|we|he|she) (are|is) (\w+ing)\b",
          r"\1 \3 \2 \4", "word order", "In a question the verb comes before the subject."),
    _rule(r"^(why|where|when|what|how) (you|he|she|they|we) "
          r"(didn't|don't|doesn't|can't|won't)\b", r"\1 \3 \2", "word order",
          "In a question the verb comes before the subject."),
    _rule(rf"\bi like very much (\w+){END}", r"i like \1 very much", "word order",
          "'Very much' goes after the thing you like."),
    # Missing words.
    _rule(r"^(i|you|we|they|he|she) ((?!thing|nothing|something|bring|sing|ring|king)\w{2,}ing)\b",
          lambda m: f"{m[1]} {PRONOUN_BE[m[1].lower()]} {m[2]}", "missing word",
          "The '-ing' form needs 'am', 'is' or 'are' before it."),
    _rule(r"\b(difficult|easy|hard|important|possible|impossible|nice) (understand|find|learn|"
          r"say|speak|make|get|read|write)\b", r"\1 to \2", "missing word",
          "'Difficult' and similar words need 'to' before a verb."),
    _rule(r"\bknow (what|where|how) (say|do|go)\b", r"know \1 to \2", "missing word",
          "Say 'know what to say'."),
    _rule(r"^is (raining|snowing|cold|hot|sunny|windy|late|early)\b", r"it is \1",
          "missing word", "English needs 'it' here: 'it is raining'."),
    _rule(r"^there (a lot of|a|an) ", r"there is \1 ", "missing word",
          "Say 'there is' or 'there are'."),
    # Agreement and plural.
    _rule(r"\bthere (is|isn't|was|wasn't) (many|several|two|three|four|five|lots of)\b",
          lambda m: f"there {_PLURAL_BE[m[1].lower()]} {m[2]}",
          "agreement", "Use 'there are' with plural nouns."),
    _rule(r"\b(many|the|these|those|some|my|our) (people|friends|parents|children|students) "
          r"(is|was)\b", lambda m: f"{m[1]} {m[2]} {'are' if m[3].lower() == 'is' else 'were'}",
          "agreement", "The verb must agree with a plural subject."),
    _rule(r"\b(the|our|local) police (is|was)\b",
          lambda m: f"{m[1]} police {'are' if m[2].lower() == 'is' else 'were'}", "agreement",
          "'Police' is plural: 'the police are'."),
    _rule(r"\b(everybody|everyone|somebody|someone|nobody) (know|like|want|need|live|work)\b",
          r"\1 \2s", "agreement", "'Everybody' takes a singular verb: 'everybody knows'."),
    _rule(rf"(?<!\ba )(?<!\ban )(?<!\bthe )\b({NUMBERS}) ({'|'.join(PLURAL)})\b(?! old)(?!-)",
          lambda m: f"{m[1]} {PLURAL[m[2].lower()]}", "plural", "After a number, use the plural."),
    _rule(rf"\bone of (my|the|his|her|our|their|your) ({'|'.join(PLURAL)})\b",
          lambda m: f"one of {m[1]} {PLURAL[m[2].lower()]}", "plural",
          "'One of' takes a plural noun."),
    # "One of my cousins live": the subject is one of them.
    _rule(rf"\bone of (my|the|his|her|our|their|your) (\w+s) ({'|'.join(THIRD)})\b",
          lambda m: f"one of {m[1]} {m[2]} {THIRD[m[3].lower()]}", "agreement",
          "'One of ...' is one person or thing: the verb takes -s."),
    _rule(r"\b(homeworks|luggages|equipments|knowledges)\b", lambda m: m[1][:-1], "plural",
          "This noun has no plural."),
    _rule(rf"^(?!.*\b(?:yesterday|ago|last)\b)({SINGULAR_SUBJECT}) ({'|'.join(THIRD)})\b",
          lambda m: f"{m[1]} {THIRD[m[2].lower()]}", "agreement",
          "With one person or thing, the verb takes -s."),
    _rule(rf"\b(does|doesn't|did|didn't) (he|she|it) ({'|'.join(v for v in THIRD.values())})\b",
          lambda m: f"{m[1]} {m[2]} {_BARE[m[3].lower()]}", "agreement",
          "After 'does' or 'did', use the base form."),
    _rule(r"(?<!\bone of )\b(the|my|our) (children|people|parents|friends|kids) "
          r"(plays|likes|lives|works|wants|needs|goes|has)\b",
          lambda m: f"{m[1]} {m[2]} {_BARE[m[3].lower()]}", "agreement",
          "With a plural subject, the verb takes no -s."),
    # Articles before a job, and "an" before a silent h.
    _rule(rf"\b(i am|i'm|he is|he's|she is|she's|my \w+ is|i was|he was|she was) ({JOBS})\b",
          lambda m: f"{m[1]} {'an' if m[2][0] in 'aeiou' else 'a'} {m[2]}", "article",
          "Say 'a' or 'an' before a job."),
    _rule(r"\ba (hour|honest)\b", r"an \1", "article",
          "'An' before a silent h."),
    # The -ing form where learners use the base form.
    _rule(rf"\b(look|looking|looks) forward to ({'|'.join(ING)})\b",
          lambda m: f"{m[1]} forward to {ING[m[2].lower()]}", "other",
          "'Look forward to' takes the -ing form."),
    _rule(rf"\b(am|'m|is|'s|are|'re|get|got) used to ({'|'.join(ING)})\b",
          lambda m: f"{m[1]} used to {ING[m[2].lower()]}", "other",
          "'Be used to' takes the -ing form."),
    _rule(rf"\b(enjoy|enjoys|enjoyed) to ({'|'.join(ING)})\b",
          lambda m: f"{m[1]} {ING[m[2].lower()]}", "other", "'Enjoy' takes the -ing form."),
    _rule(rf"^i have (\d+|twenty|thirty|forty|fifty) years(?: old)?{END}", r"i am \1 years old",
          "other", "We say 'I am 25 years old'."),
    # Tense: a finished time in the past with the present perfect.
    _rule(rf"^({PAST_TIME})(,?) (i|you|he|she|we|they) (?:have|has) ({_PARTICIPLES})\b",
          lambda m: f"{m[1]}{m[2]} {m[3]} {_PARTICIPLE_PAST[m[4].lower()]}", "verb tense",
          "This happened at a finished time: use the past tense, not 'have'."),
    _rule(rf"^({PAST_TIME})(,?) (i|you|he|she|we|they) (?:have|has) been\b",
          lambda m: f"{m[1]}{m[2]} {m[3]} {'was' if m[3].lower() in ('i', 'he', 'she') else 'were'}",
          "verb tense", "This happened at a finished time: use the past tense, not 'have'."),
    # Tense: a finished time in the past with a present verb (not "have" before
    # a participle the rule above does not know: "had read" would be wrong).
    _rule(rf"^({PAST_TIME})(,?) (i|you|he|she|we|they) ({_PAST_VERBS})\b(?=( \w+)?)",
          lambda m: m[0] if _HELPS_A_PARTICIPLE.fullmatch(f"{m[4]}{m[5] or ''}".lower())
          else f"{m[1]}{m[2]} {m[3]} {_past(m[4])}", "verb tense",
          "This happened in the past: use the past tense."),
    _rule(rf"\b(can|could|will|would|should|must|might) ({_PAST_FORMS})\b",
          lambda m: f"{m[1]} {_BASE_OF[m[2].lower()]}", "verb tense",
          "After 'can', 'will' and the like, use the base form."),
    _rule(r"\bwill going to\b", "will go to", "verb tense", "After 'will', use the base form."),
    _rule(rf"\b(can|could|will|would|should|must|might) ({'|'.join(THIRD.values())})\b",
          lambda m: f"{m[1]} {_BARE[m[2].lower()]}", "verb tense",
          "After 'can', 'will' and the like, use the base form."),
    # "My dad retired since two years": a finished event is "two years ago".
    _rule(rf"\b({_ONCE}) since ({NUMBERS}|a|an|one) (years?|months?|weeks?|days?)\b",
          r"\1 \2 \3 ago", "preposition",
          "For a finished event, say when: 'two years ago'."),
    # Asked "is it correct?" on test6 (read once, a tuning split since), and
    # called right: none of these had a rule.
    # "she explained me the problem": "explain" takes "to" before the person.
    _rule(r"\b(explain|explains|explained|explaining|describe|describes|described|describing) "
          r"(me|him|her|us|them) (the|a|an|my|your|his|our|their|this|that) (\w+)" + END,
          r"\1 \3 \4 to \2", "word order", "We explain something to someone."),
    _rule(r"\b(explain|explains|explained|explaining) (me|him|her|us|them) "
          r"(how|what|why|where|when)\b", r"\1 to \2 \3", "missing word",
          "We explain something to someone."),
    # "she suggested me to take a taxi": "suggest" takes no person and "to".
    _rule(r"\b(suggest|suggests|suggested) (me|him|her|us|them) to (\w+)",
          lambda m: f"{m[1]} {_ing(m[3])}", "verb form", "We say 'suggested taking'."),
    # "I am living here for ten years": up to now, the present perfect.
    _rule(r"\b(i am|i'm|we are|we're|they are|they're|you are|you're|he is|he's|she is|she's) "
          r"(living|working|studying|learning|teaching) ((?:\w+ ){0,3}?)for "
          rf"({NUMBERS}|a|an|ten|twenty|fifteen|eleven|twelve) (years|months)\b",
          lambda m: f"{_perfect_subject(m[1])} been {m[2]} {m[3]}for {m[4]} {m[5]}",
          "verb tense", "Up to now: 'I have been living here for ten years'."),
    # "there is a lot of cars": the noun after "a lot of" decides.
    _rule(r"\bthere( is|'s| was) (a lot of|lots of|plenty of|so many|too many) (\w+)\b",
          lambda m: (f"there {'were' if m[1].lower() == ' was' else 'are'} {m[2]} {m[3]}"
                     if _plural_noun(m[3]) else m[0]), "agreement",
          "With a plural noun: 'there are a lot of cars'."),
    # "how much costs this jacket": a question with "does".
    _rule(r"^how much (cost|costs) (this|that|the|your|my|these|those) (\w+)" + END,
          lambda m: (f"how much {'do' if m[2].lower() in ('these', 'those') else 'does'} "
                     f"{m[2]} {m[3]} cost"), "word order",
          "A question with 'does': 'how much does this jacket cost?'"),
    # "I like very much this song": "very much" after the thing liked.
    _rule(r"\b(like|likes|liked|love|loves|loved|enjoy|enjoys|enjoyed) very much "
          r"((?:the|this|that|my|your|his|her|our|their) )?(\w+)" + END,
          r"\1 \2\3 very much", "word order", "We say 'I like this song very much'."),
    # "If I will have time, I will call you": no "will" after "if" or "when"
    # opening the sentence ("I wonder if it will rain" is right; so is "if you
    # will excuse me").
    # Not before "would" ("if I will get it, I would ..." wants "got": test13).
    _rule(r"^(?!.*\bwould\b)((?:(?:so|well|and|but|um|uh|ok|okay),? )?(?:if|when|as soon as) )"
          r"(i|we|they|he|she|it) will (\w+)\b",
          lambda m: f"{m[1]}{m[2]} {_present(m[2], m[3])}", "verb tense",
          "After 'if' or 'when', use the present: 'if I have time'."),
    # "I live here since 2010": since a time, the present perfect.
    _rule(rf"^(i|we|they|you|he|she) ({'|'.join(_SINCE)}) (here |there |in \w+ )?since\b",
          lambda m: f"{m[1]} {'has' if m[1].lower() in ('he', 'she') else 'have'} "
                    f"{_SINCE[m[2].lower()]} {m[3] or ''}since", "verb tense",
          "With 'since', use 'have' and the past participle: 'I have lived here since 2010'."),
    # Frequent learner errors from teaching references, added before the blind
    # splits test7 and test14 were written (none of them was read for these).
    _rule(rf"\b(he|she|it|{SINGULAR_SUBJECT}) (don't|do not)\b",
          lambda m: f"{m[1]} " + ("does not" if m[2].lower() == "do not" else "doesn't"),
          "agreement", "With he, she and it: 'doesn't'."),
    _rule(r"(?<!\ball )\b(i|you|he|she|we|they) (must|can|should) to (\w+)\b", r"\1 \2 \3",
          "extra word", "After 'can', 'must' and the like, the verb comes without 'to'."),
    _rule(r"^((?:(?:so|and|but|um|uh|well|ok|okay),? )?(?:what|where|why|how|when|who)"
          r"(?: old| long| far| often| much| many \w+)?) (you|they|we|he|she|it) "
          r"(are|is|were|was|can|will|have|has)\b(?! \w+ing\b)(?=[^?]*\?\s*$)",
          r"\1 \3 \2", "word order", "In a question the verb comes before the subject."),
    _rule(rf"^((?:(?:so|and|but|um|uh|well|ok|okay),? )?(?:what|where|why|how|when)"
          r"(?: time| kind of \w+| sort of \w+| (?!(?:you|they|we|he|she|do|does|did|are|is|was|"
          r"were|can|could|will|would|shall|should|have|has|had|must|may|might|about)\b)\w+)?) "
          rf"(you|they|we|he|she) (usually |normally |often |always |really )?({_Q_VERBS})\b"
          r"(?! (?:been|got|gone|done|seen|had|\w+ed)\b)(?=[^?]*\?\s*$)", _do_question, "word order",
          "A question needs 'do', 'does' or 'did' before the subject."),
    _rule(r"^((?:(?:so|um|uh|well),? )?)what means (.+?)(\s*\?)?\s*$",
          lambda m: f"{m[1]}what does {m[2]} mean{m[3] or ''}", "word order",
          "Ask 'what does it mean?'"),
    # "I have visited Paris last year": a finished time after the verb.
    _rule(rf"\b(i|you|he|she|we|they)(?: have| has|'ve) ({_PARTICIPLES})\b"
          rf"(?=(?: (?!(?:i|you|he|she|we|they|that|which|who|since|for|and|but)\b)[\w']+){{0,5}} "
          rf"{PAST_TIME}\b)", lambda m: f"{m[1]} {_PARTICIPLE_PAST[m[2].lower()]}", "verb tense",
          "This happened at a finished time: use the past tense, not 'have'."),
    _rule(rf"\b(i|you|he|she|we|they)(?: have| has|'ve) been to\b"
          rf"(?=(?: (?!(?:i|you|he|she|we|they|that|which|who|since|for|and|but)\b)[\w']+){{0,5}} "
          rf"{PAST_TIME}\b)", r"\1 went to", "verb tense",
          "This happened at a finished time: 'I went to London last summer'."),
    _rule(r"\b(i am|i'm|we are|we're|they are|they're|you are|you're|he is|he's|she is|she's) "
          r"(living|working|studying|learning|teaching) ((?:\w+ ){0,3}?)since\b"
          rf"(?! (?:{NUMBERS}|a|an|one|\d+) (?:years?|months?|weeks?|days?)\b)",
          lambda m: f"{_perfect_subject(m[1])} been {m[2]} {m[3]}since",
          "verb tense", "Up to now: 'I have been living here since 2019'."),
    _rule(r"\b(want|wants|wanted) that (you|him|her|them|us|me|he|she|they|we) "
          r"(?!will\b|would\b|can\b|could\b|should\b|must\b)(\w+)\b",
          lambda m: f"{m[1]} {_OBJECT.get(m[2].lower(), m[2])} to {_base(m[3])}", "word order",
          "We say 'I want you to come'."),
    _rule(rf"\b(not|is|are|was|were|isn't|aren't|wasn't|weren't|'s|'re|am|'m) enough "
          rf"({_ADJECTIVES})\b(?=[\s.,!?]*$| to\b| for\b)", r"\1 \2 enough", "word order",
          "'Enough' goes after the adjective: 'good enough'."),
    _rule(rf"^(he|she|my \w+) has (\d+|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) "
          rf"years(?: old)?{END}", r"\1 is \2 years old", "other", "We say 'she is 25 years old'."),
    _rule(rf"\btoo much ({_ADJECTIVES})\b(?=[\s.,!?]*$|,| for\b| to\b| and\b| but\b| so\b)",
          r"too \1", "extra word", "Before an adjective: 'too expensive'."),
    _rule(r"\b(go|goes|went|going|gone) to (shopping|swimming|fishing|camping|hiking|skiing|"
          r"dancing|jogging|sightseeing)(?=[\s.,!?]*$| (?:tomorrow|today|tonight|yesterday|on|at|"
          r"in|with|every|this|next|last|together|again|later)\b)", r"\1 \2", "extra word",
          "We say 'go shopping', without 'to'."),
    _rule(r"\b(i am|i'm|you are|you're|we are|we're|they are|they're|he is|he's|she is|she's) "
          r"(knowing|wanting|needing|believing|owning|belonging|preferring|understanding)\b"
          r"(?!.*\b(?:since|for)\b)",
          lambda m: f"{m[1].split()[0].split(chr(39))[0]} "
                    f"{_present(m[1].split()[0].split(chr(39))[0], _base(m[2]))}", "verb tense",
          "'Know', 'want' and 'need' are not used with '-ing' here."),
    _rule(r"\bhow many (money|time|water|information|advice|furniture|luggage|homework|work|"
          r"milk|sugar|coffee|bread|rice|traffic|news|equipment|music)\b", r"how much \1",
          "word choice", "Use 'how much' with things you cannot count."),
    _rule(r"^((?:(?:so|um|uh|well),? )?(?:although|though|even though) [^,]+), but ", r"\1, ",
          "extra word", "After 'although', leave out 'but'."),
    _rule(r"\b(play|plays|played|playing) the (football|basketball|tennis|volleyball|soccer|"
          r"baseball|golf|chess|cricket|hockey|badminton|rugby)\b", r"\1 \2", "extra word",
          "No 'the' before a sport: 'play football'."),
    _rule(r"\b(return|returns|returned|returning) back\b", r"\1", "extra word",
          "'Return' already means 'go back'."),
    _rule(r"\bcope up with\b", "cope with", "extra word", "We say 'cope with'."),
    # Asked "is it correct?" on test7 (read once, a tuning split since) and called right.
    _rule(r"\b(avoid|avoids|avoided|avoiding|"
          r"deny|denies|denied|imagine|imagined|risk|risked|finish|finished) to (\w+)\b",
          lambda m: f"{m[1]} {_ing(m[2])}", "verb form", "'Avoid' and the like take the -ing form."),
    _rule(r"\b(am|'m|is|'s|are|'re|was|were) thinking to (\w+)\b",
          lambda m: f"{m[1]} thinking of {_ing(m[2])}", "verb form",
          "We say 'I'm thinking of changing'."),
    _rule(r"\b(go|goes|went|going|come|comes|came|coming|travel|travels|travelled|traveled|"
          r"there|here|home|work|school) by the (train|bus|car|plane|taxi|bike|boat|ship|metro|"
          r"subway|tube|coach|tram)\b", r"\1 by \2", "extra word", "We say 'by train', no 'the'."),
    _rule(r"\b(my|your|his|her|our|their) hairs( are| were)?\b",
          lambda m: f"{m[1]} hair{' is' if m[2] == ' are' else ' was' if m[2] else ''}", "plural",
          "'Hair' on your head has no plural."),
    _rule(r"\bstrong rain\b", "heavy rain", "word choice", "We say 'heavy rain'."),
    _rule(r"\b(speak|speaks|spoke|speaking) (very |really |quite )?well (english|french|spanish|"
          r"german|chinese|italian|japanese|russian|arabic|portuguese|korean)\b",
          r"\1 \3 \2well", "word order", "We say 'she speaks English very well'."),
    _rule(r"\b(am|'m|is|'s|are|'re|was|were) (very |really |so |not )?(good|bad) in (maths|math|"
          r"english|sports?|football|tennis|cooking|languages|science|history|chess|\w+ing)\b",
          r"\1 \2\3 at \4", "preposition", "We say 'good at maths'."),
    _rule(r"\b(i|we|they|you|he|she) didn't (see|speak to|talk to|hear from|eat|have|visit|meet)"
          r"((?: \w+){1,3}?) since\b",
          lambda m: f"{m[1]} {'hasn' if m[1].lower() in ('he', 'she') else 'haven'}'t "
                    f"{_participle(m[2])}{m[3]} since", "verb tense",
          "With 'since', use 'have': 'I haven't seen him since Christmas'."),
    # Asked "is it correct?" on test8 (read once, a tuning split since) and called right.
    _rule(r"\b(know|tell me|wonder|ask(?:ed)? (?:him|her|them|you)) (what time|where|when|what|how much|"
          r"how long|why|how|if) (does|do|did) (the \w+|my \w+|he|she|it|they|you|we) (\w+)\b",
          lambda m: f"{m[1]} {m[2]} {m[4]} {_embedded(m[3], m[4], m[5])}", "word order",
          "In an indirect question the subject comes first: 'what time the bank opens'."),
    _rule(r"(?<!thing )(?<!things )(?<!what )(?<!which )(?<!that )(?<!tool )(?<!one )(?<!stuff )"
          r"\b(i|you|we|they|he|she) use to\b", r"\1 used to", "verb tense",
          "For the past, 'used to'."),
    _rule(r"\b(make|makes|made|making) (a|the|some|our|my|your|this|that) (photos?|pictures?)\b",
          lambda m: f"{_same_form(m[1], 'take')} {m[2]} {m[3]}", "word choice",
          "We 'take' a photo."),
    _rule(r"\b(don't|doesn't|didn't|can't|won't|never) (\w+ )?(nothing|nobody|nowhere)\b",
          lambda m: f"{m[1]} {m[2] or ''}{_ANY[m[3].lower()]}", "other",
          "One negative is enough: 'I don't know anything'."),
    _rule(r"\b(did|do|does) (you|he|she|they|we|i) (ever )?been\b",
          lambda m: f"{'has' if m[2].lower() in ('he', 'she') else 'have'} {m[2]} {m[3] or ''}been",
          "verb tense", "We ask 'have you ever been?'."),
    _rule(r"\b(everyone|everybody|someone|somebody|nobody) (in|at|from) (my|the|our|this|your) "
          r"(\w+) (know|like|want|need|live|work|love|have|go|think|speak|play)\b",
          lambda m: f"{m[1]} {m[2]} {m[3]} {m[4]} {_present('he', m[5])}", "agreement",
          "'Everyone' takes the verb with -s: 'everyone likes'."),
    _rule(r"\bhow long time\b", "how long", "extra word", "We ask 'how long'."),
    _rule(r"^((?:my|her|his|your|our|their|the) (?:sister|mother|mum|mom|daughter|aunt|grandmother|"
          r"grandma|niece|girlfriend)\b[^,.;?!]*? )his (husband|boyfriend)\b", r"\1her \2",
          "word choice", "For a woman: 'her husband'."),
    _rule(r"^((?:so |well |and )?if (?:i|you|he|she|we|they)) would (\w+)((?: \w+){0,4}?)"
          r"(?=,? (?:i|you|he|she|we|they) would\b)", lambda m: f"{m[1]} {_past(m[2])}{m[3]}",
          "verb tense",
          "After 'if', no 'would': 'if I knew, I would tell you'."),
    _rule(rf"\bbefore ({NUMBERS}|a|an|one|\d+) (years?|months?|weeks?|days?)(?=[\s.!?]*$|,)",
          r"\1 \2 ago", "preposition", "For a time in the past, say 'three years ago'."),
    _rule(r"\ban? ((?:(?:really|very|so|quite|such) )?(?:good|nice|bad|great|lovely|terrible|"
          r"beautiful|fantastic|awful|useful|important|new|old|horrible|sunny|cold|hot|warm) )?"
          r"(weather|advice|information|furniture|luggage|homework|traffic|money)\b"
          r"(?! (?:forecast|report|station|app|map|warning|assignment|desk|centre|center|system"
          r"|pack|rack|store|shop|diary|book|folder|club|jam|light|lights|warden|cop|police|"
          r"accident|sign|signs|transfer|order|box|belt|laundering|problem|problems)\b)", r"\1\2",
          "article",
          "No 'a' before 'weather', 'advice' and the like."),
    _rule(r"\b(saw|watched|read|bought|have|has|had|got|is|was|it's|made|found|met|wrote|took|"
          r"watch|buy|see|find) (very|really) (?!(?:little|few|much|many)\b)(\w+) "
          r"(film|movie|book|car|house|flat|day|time|idea|"
          r"job|place|party|trip|holiday|restaurant|hotel|game|story|song|man|woman|person|teacher|"
          r"friend|question|problem|dinner|weekend|view|city|town|room)\b", r"\1 a \2 \3 \4",
          "article", "Before 'very' + adjective + one thing: 'a very funny film'."),
    # "he drives very careful": how he does it, the adverb (test8).
    _rule(r"\b(drives?|drove|driving|speaks?|spoke|speaking|works?|worked|working|sings?|sang|"
          r"singing|walks?|walked|walking|runs?|ran|running|plays?|played|playing|writes?|wrote|"
          r"cooks?|cooked|cooking|talks?|talked|talking|dances?|danced|dancing) "
          r"(very |really |so |too |quite )?(careful|quiet|bad|easy|beautiful|"
          r"perfect|fluent|dangerous|safe|polite|serious|good|nice|terrible|brilliant)"
          r"(?=[\s.!?]*$|,| and\b| but\b| not\b| when\b| because\b| so\b)",
          lambda m: f"{m[1]} {m[2] or ''}{_ADVERB.get(m[3].lower(), m[3] + 'ly')}", "word choice",
          "How someone does something: the adverb, 'carefully'."),
    # Read on the fluent split test15 (a tuning split since): frequent
    # learner errors the review left, each a pattern of many sentences.
    _rule(r"\b(must|should|mustn't|shouldn't|couldn't|can't|cannot|won't|wouldn't) to "
          r"(?!be\b)(\w+)\b", r"\1 \2", "extra word",
          "After 'must', 'can't' and the like, the verb comes without 'to'."),
    _rule(r"\bat (monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
          r"((?: morning| afternoon| evening| night)?)\b", r"on \1\2", "preposition",
          "Days take 'on': 'on Monday morning'."),
    _rule(r"\b(dream|dreams|dreamed|dreamt|dreaming) with\b", r"\1 about", "preposition",
          "We dream about someone or something."),
    _rule(r"\b(the )?best (\w+ )?of the world\b", r"\1best \2in the world", "preposition",
          "The best in the world."),
    _rule(r"\b(am|'m|is|'s|are|'re|was|were) (?:doing|making) a diet\b", r"\1 on a diet",
          "word choice", "We are 'on a diet'."),
    _rule(r"\b(make|makes|made|making) the (cleaning|shopping|housework|washing|ironing|laundry|"
          r"dishes|washing-up)\b",
          lambda m: f"{ {'make': 'do', 'makes': 'does', 'made': 'did'}.get(m[1].lower(), 'doing')} "
                    f"the {m[2]}", "word choice", "We do the cleaning and the shopping."),
    _rule(r"\b(make|makes|made|making) a party\b",
          lambda m: f"{ {'make': 'have', 'makes': 'has', 'made': 'had'}.get(m[1].lower(), 'having')} "
                    f"a party", "word choice", "We have (or throw) a party."),
    _rule(r"^((?:(?:so|and|but|um|uh|well),? )?)always (i|we|they|you|he|she) (\w+)",
          r"\1\2 always \3", "word order", "'Always' goes before the verb: 'I always drink'."),
    _rule(r"\bevery people\b", "everyone", "word choice", "'Every' takes one: 'everyone'."),
    _rule(r"\b(very |too |so )?few (money|time|water|information|advice|work|homework|luggage|"
          r"space|food|coffee|sleep)\b", r"\1little \2", "word choice",
          "With money, time and the like: 'little', not 'few'."),
    _rule(r"(?<!\bthe )(?<!\bevery )(?<!\bany )(?<!\beach )(?<!\bno )\bother one\b",
          "another one", "word choice", "One more: 'another one'."),
    _rule(r"\bmore (two|three|four|five|six|seven|eight|nine|ten)\b(?! than\b)", r"\1 more",
          "word order", "The number comes first: 'three more'."),
    _rule(r"\b(prefer|prefers|preferred) (\w+(?: \w+)?) than\b", r"\1 \2 to", "preposition",
          "We prefer one thing to another."),
    _rule(r"\b(like|love|enjoy|likes|loves|enjoys) very much (?=(?:\w+ing|the|my|to)\b)",
          r"really \1 ", "word order", "'Very much' does not go before the object: 'I really like'."),
    _rule(r"\b(live|lives|lived|living|work|works|worked|working|grew up|grow up|stay|stayed|"
          r"staying) in a farm\b", r"\1 on a farm", "preposition", "We live on a farm."),
    _rule(r"(?<!\bduring )\ball the (night|day|morning|afternoon|evening|weekend)\b"
          r"(?! (?:before|after|long)\b)",
          r"all \1", "extra word", "'All night', 'all day': no 'the'."),
    _rule(r"\b(job|work|day|week|life|situation|exam|month) (is|was|'s) "
          r"((?:very |quite |so |really |too )?)stressed\b", r"\1 \2 \3stressful",
          "word choice", "Something that causes stress is 'stressful'."),
    _rule(r"\b(have|has|had|having|eat|eats|ate|eating|want|wanted) a toast\b", r"\1 toast",
          "article",
          "'Toast' the bread has no 'a'."),
    _rule(r"\b(can|could|to|will) know (many|a lot of|lots of|new|more) people\b",
          r"\1 meet \2 people", "word choice",
          "We meet new people."),
    _rule(r"\b(like|likes|liked|hate|hates|hated|love|loves|loved) when\b", r"\1 it when",
          "missing word", "We say 'I don't like it when ...'."),
    _rule(r"\bthe best (\w+ )?(i|we|you|he|she|they) (have|'ve|has|'s|had) never\b",
          r"the best \1\2 \3 ever", "word choice", "'The best I have ever eaten'."),
    _rule(r"\b(go|goes|went|going|come|comes|came|coming|travel|travels|travelled|traveled|"
          r"travelling|traveling)( to (?:work|school|the \w+|\w+))? with the (bus|train|metro|subway|"
          r"tram|underground|plane)\b(?! (?:driver|stop|station|ticket|pass|company)\b)",
          lambda m: f"{m[1]}{m[2] or ''} by {m[3]}", "preposition", "We go by bus."),
    _rule(r"\b(to|and) relax (me|myself)\b", r"\1 relax", "extra word", "We just 'relax'."),
    # Read on the dialogue split test9 (a tuning split since): wrong sentences
    # the tutor called right.
    _rule(r"\ba ((?:new |nice |blue |black |old |cheap |good )?)(jeans|trousers|pants|shorts|glasses|"
          r"sunglasses|pyjamas|pajamas|scissors|leggings)\b", r"a \1pair of \2", "article",
          "Jeans and trousers are plural: 'a pair of jeans'."),
    _rule(r"\bit (makes|made|will make) ((?:about |around |almost |over )?(?:\d+|"
          rf"(?:{NUMBERS_WORDS})) degrees)\b",
          lambda m: f"it {({'makes': 'is', 'made': 'was'}).get(m[1].lower(), 'will be')} {m[2]}",
          "word choice", "For the temperature: 'it is 35 degrees'."),
    _rule(r"\b(make|makes|made|making|let|lets|letting) (me|you|him|her|us|them) to (\w+)\b",
          r"\1 \2 \3", "extra word", "After 'make someone' and 'let someone', no 'to'."),
    _rule(r"\b(spend|spends|spent|spending) ((?:all|the whole) (?:day|morning|afternoon|evening|"
          r"night|weekend)|(?:\w+ )?(?:hours|minutes|days|weeks|time)) to (\w+)\b",
          lambda m: f"{m[1]} {m[2]} {_ing(m[3])}", "verb form",
          "We spend time doing something: 'spends all day playing'."),
    _rule(r"\b(i am|i'm|we are|we're|they are|they're|you are|you're|he is|he's|she is|she's) "
          r"having (a|an) (headache|cold|fever|toothache|stomachache|backache|sore throat|cough)"
          r"((?: \w+){0,2}?) since\b",
          lambda m: f"{_perfect_subject(m[1])} had {m[2]} {m[3]}{m[4]} since", "verb tense",
          "Up to now: 'I have had a headache since the morning'."),
    _rule(r"\b(?:the weather|it) (will be|is going to be) (rain|snow)\b",
          lambda m: f"it {'will' if m[1].lower() == 'will be' else 'is going to'} {m[2]}",
          "word choice", "For the weather: 'it will rain'."),
    _rule(r"\bthe more (\w+) (\w+ )?(in|of) (the|my|our|his|her|their|all)\b",
          r"the most \1 \2\3 \4", "word choice", "Of all: 'the most intelligent'."),
    _rule(r"\b(assist|assists|assisted|assisting) (?:to|at) (a|an|the|my|our|his|her|their) "
          r"(conference|meeting|class|lecture|concert|wedding|course|party|seminar|workshop)\b",
          lambda m: f"{_same_form(m[1], 'attend')} {m[2]} {m[3]}", "word choice",
          "To be present at something is 'attend'; 'assist' means help."),
    _rule(r"\b(drink|drinks|eat|eats|read|reads|watch|watches|play|plays|take|takes) "
          r"(every (?:morning|day|evening|night|week|weekend)) ((?:a |an |the |my )?\w+)"
          r"(?=[\s.,!?]*$)", r"\1 \3 \2", "word order",
          "The time goes after the object: 'I drink coffee every morning'."),
    _rule(rf"\bduring ((?:\d+|{NUMBERS_WORDS}|a few|several|many) (?:minutes?|hours?|days?|weeks?|"
          r"months?|years?))\b", r"for \1", "preposition",
          "How long: 'for twenty minutes'."),
    _rule(r"\b(cook|cooks|cooked|cooking) (a|the|my|some|this|that) (cake|bread|cookies|biscuits|"
          r"muffins|pie|cupcakes)\b", lambda m: f"{_same_form(m[1], 'bake')} {m[2]} {m[3]}",
          "word choice", "Cakes and bread are baked: 'bake a cake'."),
    _rule(r"\b(saw|see|had|have|was in|were in) accident\b", r"\1 an accident", "article",
          "One accident: 'an accident'."),
    _rule(r"\b(once|twice|(?:three|four|five|six|seven|\d+) times) in the (week|month|year|day)\b",
          r"\1 a \2", "article", "How often: 'three times a week'."),
    # Read on the dialogue split test10 (a tuning split since): wrong sentences
    # the tutor called right.
    _rule(r"\b(listen|listens|listened|listening) (me|him|her|us|them|my \w+|the \w+|this|that)\b"
          r"(?! (?:is|was|are|were)\b)", r"\1 to \2", "missing word",
          "We listen to someone or something."),
    _rule(r"\bat the (morning|afternoon|evening)\b(?! (?:meeting|session|class|briefing|show|news"
          r"|service|shift|rush|break|lesson|train|bus|flight)\b)", r"in the \1", "preposition",
          "In the morning, in the evening."),
    _rule(r"\b(it's|it is) (raining|snowing) since\b", r"it has been \2 since", "verb tense",
          "Up to now: 'it has been raining since this morning'."),
    _rule(r"\b(the|this|that|my|his|her|our|their) (documentary|film|movie|book|class|lesson|game|"
          r"trip|talk|story|museum|show|match|lecture|party|course|meeting|news|series|journey|"
          r"flight|job|exam|city|concert|programme|program|weekend|day|week|holiday)"
          r"( is| was| are| were|'s)((?: very| so| really| quite| too| a bit| a little)?) "
          r"(interested|bored|excited|tired|surprised|amazed|confused|disappointed|frightened|"
          r"embarrassed|annoyed|exhausted|depressed|shocked|terrified|thrilled|fascinated)"
          r"\b(?! (?:by|with|in|about|of|at)\b)",
          lambda m: f"{m[1]} {m[2]}{m[3]}{m[4]} {_ing_adjective(m[5])}", "word choice",
          "What makes you feel it is '-ing': 'the documentary was very interesting'."),
    _rule(r"\b(didn't|did not) can\b",
          lambda m: "couldn't" if m[1].lower() == "didn't" else "could not", "verb form",
          "In the past, 'can' is 'could': 'I couldn't sleep'."),
    _rule(r"\bi have (\w+|\d+) years (in|at|with) (this|the|my|our) (company|job|school|city|"
          r"country|team|firm|bank|hospital)\b", r"I have been \2 \3 \4 for \1 years",
          "verb tense", "How long up to now: 'I have been at this company for three years'."),
    _rule(r"\bwhich it has (a|an|two|three|four|five|many|some|no|lots|a lot)\b", r"which has \1",
          "extra word", "'Which' is already the subject: 'a flat which has two balconies'."),
    # "I have cold, can you close the window?" is "I'm cold": a cold only with its signs
    _rule(r"\b(i|you|he|she|we|they) (have|has|had|'ve got|'s got|got|caught) (cold)"
          r"(?=[^.?!]*\b(?:sneez|cough|nose|throat|medicine|tissues|flu|sick|ill)\w*)",
          r"\1 \2 a \3", "article", "One illness: 'I have a cold'."),
    _rule(r"\b(i|you|he|she|we|they) (have|has|had|'ve got|'s got|got|caught) (headache|fever|"
          r"cough|sore throat|temperature|toothache|stomachache|backache|runny nose)"
          r"(?=[\s,.!?]*$|,| and\b| so\b| but\b| because\b| since\b| today\b| now\b| again\b)",
          r"\1 \2 a \3", "article", "One illness: 'I have a cold'."),
    _rule(r"\b(have|has|had|having) fun very much\b", r"\1 a lot of fun", "word order",
          "We say 'we had a lot of fun'."),
    _rule(r"\b(make|makes|made|making) (me|you|him|her|us|them|my \w+) an? ((?:big |huge |small |"
          r"little )?)favou?r\b",
          lambda m: f"{_same_form(m[1], 'do')} {m[2]} a {m[3]}favour", "word choice",
          "We do someone a favour."),
    _rule(r"\bso much (crowded|tired|busy|expensive|cold|hot|happy|sad|big|small|beautiful|"
          r"difficult|easy|good|bad|boring|interesting|nice|noisy|quiet|dirty|clean|full|late)\b",
          r"so \1", "extra word", "Before an adjective, 'so': 'so crowded'."),
    _rule(r"\b(as soon as|when|before|after|until|once) (i|you|he|she|we|they|it) will (\w+)\b",
          lambda m: f"{m[1]} {m[2]} {_present(m[2], m[3])}", "verb tense",
          "After 'when' and 'as soon as', the present: 'as soon as I finish'."),
)



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
