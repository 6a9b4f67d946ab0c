"""Questions about English itself: the frames a learner asks them in, and what
each one asks about.

A frame is a question's grammar with its slots (wh-word, auxiliary, subject)
and the lexical head that makes it a language question: "mean", "say",
"call", "pronounce", "correct", "plural", "past". The slots are loose on
purpose, because learners drop and swap them: "what mean awkward", "how you
say ... in english", "is correct to say ...", "merenda how we say in
english". Whether the question is the learner's own or reported ("my son asked
me what this word means") is decided by :func:`app.tutor.act_text.own_question`.

Frames are tried in an order that settles overlaps: a word form before a
meaning ("what is the past of bring" is not "what is X"), pronunciation
before how-to-say ("how do you say schedule": an English word asked to be
said is a pronunciation question; "how do you say saudade" is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.tutor.act_checks import find_check, find_lead_check
from app.tutor.act_described import described_before_closer, description_before
from app.tutor.act_text import (
    AUX,
    PRONOUNS,
    SUBJ,
    WH,
    is_word,
    own_question,
    sentence_start,
    strip_openers,
)

X = r"(?P<x>[^.?!]+?)"
W = r"(?P<x>[\w'-]+)"  # one word
END = r"\s*(?=[.?!]|$)"
Q = rf"(?:{AUX} )?(?:{SUBJ} )?"  # "do you", "can i", "you" (no auxiliary), nothing
_FORMS = {
    "past_participle": r"past participles?|participles?|third form|3rd form|perfect form|v3",
    "past": r"past (?:tense|simple|form)|simple past|past|preterite|second form|2nd form|v2",
    "plural": r"plurals?|plural form",
    "comparative": r"comparatives?|comparative form",
    "superlative": r"superlatives?|superlative form",
    "third_person": r"third person(?: singular)?|3rd person(?: singular)?|he form|she form",
    "ing": r"ing(?: form)?|gerund|continuous form|progressive form|-ing(?: form)?|i-n-g",
}
DERIVED = "noun|adjective|adverb|verb"  # another word of the family, not an inflection
FORM = "(?P<form>" + "|".join(f"(?:{v})" for v in _FORMS.values()) + ")"
_CORRECT = r"(?:correct|right|ok|okay|fine|grammatical|proper|natural|good english|correct english)"
_LETTER = r"the (?:letter )?[a-z]"  # "the k in knife"
# A finite verb after "it", "this", "that": "can i say it don't work" asks
# about a sentence; "can you say that again" does not.
_FINITE = (r"(?:is|was|are|were|isn't|wasn't|don't|doesn't|didn't|do|does|did|has|have|had"
           r"|will|would|can|could)")
_KIND_WORDS = r"(?:the |this |that )?(?:english )?(?:word|expression|phrase|idiom|sentence|verb|noun)"


@dataclass(frozen=True)
class Found:
    kind: str
    subject: str | None
    detail: str | None = None
    alternative: str | None = None
    checked: bool = False  # "is it correct?" about a sentence in the same turn (act_checks)
    # "when you are tired and open your mouth, like aaah, how do you say it?":
    # the word for what was just described, not a request to say it again
    described: bool = False


@dataclass(frozen=True)
class _Frame:
    kind: str
    pattern: re.Pattern
    fragment: bool = False  # a bare phrase ("plural of child"): no wh-word or auxiliary
    whole: bool = False  # the subject is all of x: a sentence after "correct:" ends as it ends


def _f(kind: str, pattern: str, fragment: bool = False, whole: bool = False) -> _Frame:
    return _Frame(kind, re.compile(pattern), fragment, whole)


# Order matters: see the module's docstring.
_FRAMES = (
    # word forms; "the noun of decide", "what's the adjective from success?"
    _f("word_form", rf"(?:[\w'-]+ ?, )?(?:(?:{WH}(?:'s)? )?{Q}(?:is |was )?)?(?:the |an? )?"
                    rf"(?P<form>{DERIVED})"
                    rf"(?: form)? (?:of|for|from) (?:the (?:word|verb|noun|adjective) )?(?:to )?{W}",
       fragment=True),
    _f("word_form", rf"(?:(?:{WH}(?:'s)? )?{Q}(?:is |was )?)?(?:the )?{FORM} (?:form |tense |of it )?"
                    rf"(?:of|for|from) (?:the (?:word|verb|noun|adjective) )?(?:to )?{W}", fragment=True),
    _f("word_form", rf"(?:{WH} {Q}(?:say|write|make|put) )?{W} ?,? (?:in (?:the )?|is |on (?:the )?"
                    rf"|to (?:the )?|with (?:the )?)?{FORM}\b", fragment=True),
    _f("word_form", rf"^{W},? (?P<y>[\w'-]+),? and (?:what(?:'s| is) )?(?:the )?{FORM}",
       fragment=True),
    # "forget, what's the past participle?", "funny, the comparative is more funny?"
    _f("word_form", rf"^{W} ?,? (?:what(?:'s| is| are) )(?:the |its )?{FORM}\b", fragment=True),
    _f("word_form", rf"(?:^|(?<=[.?!] )){W} ?,? (?:the |its )?{FORM}(?: (?:is|it's)\b| ?,? ?(?:(?:how|what) is it"
                    rf"|please)? ?[?.]?$| , (?:how|what|is it)\b)", fragment=True),
    # "how is blow in the third form?"
    _f("word_form", rf"how (?:is|do you say|do you write) {W} in (?:the )?{FORM}\b", fragment=True),
    # "tie when i add ing, is it ...?"
    _f("word_form", rf"(?:^|(?<=[.?!,] )){W} ?,? when (?:i|you|we) (?:add|put|write) (?:the )?{FORM}\b",
       fragment=True),
    # "how do you write lie with ing?"
    _f("word_form", rf"how {Q}(?:write|say|make|spell|use) {W} (?:with|in|as) (?:an? |the )?{FORM}",
       fragment=True),
    # pronunciation
    _f("pronunciation", rf"(?:how {Q}(?:to )?|(?:what(?:'s| is) )?(?:the )?(?:right |correct )?)"
                        rf"(?:pronounce|pronunce|pronouce|pronunciation|pronounciation) "
                        rf"(?:of |for )?(?:correctly |properly |right |exactly )?(?:{_KIND_WORDS} )?{W}",
       fragment=True),
    _f("pronunciation", rf"(?:how )?(?:is|are|do you|do we) (?:the word )?{W} (?:pronounced|said)"),
    _f("pronunciation", rf"{W} ?,? (?:the )?(?:pronunciation|pronounciation)\b", fragment=True),
    _f("pronunciation", rf"where (?:is|are|do you put) the (?:stress|accent|emphasis) "
                        rf"(?:in|on|of|for) (?:the word )?{W}"),
    _f("pronunciation", rf"(?:which|what) syllable [^.?!]*?\b(?:in|of) (?:the word )?{W}"),
    _f("pronunciation", rf"how many syllables (?:has|have|in|does|are in|is in|are there in|there "
                        rf"are in) (?:the word )?{W}"),
    _f("pronunciation", rf"(?:is|are) {_LETTER} in {W} (?:silent|pronounced|said)"),
    _f("pronunciation", rf"(?:is|are) {_LETTER} (?:silent|pronounced|said) in {W}"),
    _f("pronunciation", rf"(?:^|(?<=[.?!,] )){W} ?,? how many syllables", fragment=True),
    _f("pronunciation", rf"(?:{AUX} )?(?:you|we|i|one) (?:pronounce|say|hear) {_LETTER} in {W}"),
    _f("pronunciation", rf"^{_LETTER} in {W},? (?:do|does|should|is|are|can)\b", fragment=True),
    _f("pronunciation", rf"how {Q}read (?:{_KIND_WORDS} )?{W}"),
    # "recipe, how do you pronounce it?", "opportunity is very long word, how do i pronounce it?"
    _f("pronunciation", rf"^{W}\b[^.?!]*?,? how {Q}(?:to )?(?:pronounce|pronunce|pronouce|say|read) "
                        rf"(?:it|this|that|this word|that word|the word)\b", fragment=True),
    # "let me see my calendar... um, calendar, how do you pronounce it correct?",
    # "wednesday, how do you pronounce?", "chemistry, where is the accent?"
    _f("pronunciation", rf"(?:^|(?<=[.?!] )){W} ?,? how {Q}(?:to )?(?:pronounce|pronunce|pronouce)"
                        rf"(?: (?:it|this|that|this word|that word|the word))?"
                        rf"(?: (?:correct|correctly|right|properly|well))?{END}", fragment=True),
    _f("pronunciation", rf"(?:^|(?<=[.?!,] )|(?<=\bbut )|(?<=\band )|(?<=\bso ))"
                        rf"{W}(?: , the (?:verb|noun|adjective|word))? ?,? "
                        rf"(?:where|on which syllable|which syllable) "
                        rf"(?:is|are|do (?:i|you|we) put|goes|go) (?:the )?(?:stress|accent|emphasis)",
       fragment=True),
    # "mu-se-um, which syllable has the stress?", "fruit, is it one syllable or two?"
    _f("pronunciation", r"(?:^|(?<=[.?!,] ))(?P<x>[a-z]+(?:-[a-z]+)+) ?,? (?:which|what|where is the)"
                        r" (?:syllable|stress|accent)", fragment=True),
    _f("pronunciation", rf"(?:^|(?<=[.?!,] )){W} ?,? (?:is it|it's|it is|has it) (?:one|two|three|"
                        rf"four|five) syllables? or (?:one|two|three|four|five)\b", fragment=True),
    # "knee, i say k-nee, with the k, is it right?", "climb, the b at the end, i pronounce it?"
    _f("pronunciation", rf"(?:^|(?<=[.?!,] )){W} ?,? (?:i (?:say|pronounce) [\w-]+ ?,? )?"
                        rf"(?:with|without) the (?:letter )?[a-z] ?,? (?:is it|is that|it's) "
                        rf"(?:right|correct|ok|okay)", fragment=True),
    _f("pronunciation", rf"(?:^|(?<=[.?!,] )){W} ?,? the (?:letter )?[a-z](?: at the (?:end|beginning|"
                        rf"start)| in the middle)? ?,? (?:do )?(?:i|we|you) (?:pronounce|say) it\b",
       fragment=True),
    # "pharmacy, the stress is in the beginning?", "category, which syllable is strong?",
    # "listen, i pronounce the t or no?", "a-part-ment, the stress is on the first part?"
    _f("pronunciation", r"(?:^|(?<=[.?!,] ))(?P<x>[a-z]+(?:-[a-z]+)*) ?,? (?:(?:hmm|uh|um) ,? )?"
                        r"(?:the stress is (?:on|in|at)\b|which (?:syllable|part) is (?:strong|stressed|the strong"
                        r" one)|(?:do )?(?:i|we|you) (?:pronounce|say) the [a-z]\b)", fragment=True),
    # "honest, with h or without h when i say it?"
    _f("pronunciation", rf"(?:^|(?<=[.?!,] )){W} ?,? (?:with|without) (?:the )?(?:letter )?"
                        rf"(?P<letter>[a-z]) or (?:with|without|no) (?:the )?(?:letter )?(?P=letter)\b",
       fragment=True),
    # is it correct
    _f("is_correct", r"^(?P<x>[^.?!]+?) or (?P<y>[^.?!]+?),? (?:which|what) (?:one )?"
                     r"(?:is|sounds|'s) (?:correct|right|better|ok|good)", fragment=True),
    _f("is_correct", rf"which (?:one )?(?:is|sounds) (?:correct|right)[ ,]+(?P<x>[^.?!]+?) or "
                     rf"(?P<y>[^.?!]+?){END}"),
    _f("is_correct", rf"^(?:is it|should i say|do (?:you|we|people) say|can i say) "
                     rf"(?P<x>[^.?!]+?) or (?P<y>[^.?!]+?){END}"),
    _f("is_correct", rf"(?:is|it's|its|it is) (?:it |this |that )?{_CORRECT} (?:english )?"
                     rf"(?:to say |if i say |saying |when i say |when you say |to write )?"
                     rf"(?:the sentence |that )?{X}{END}"),
    _f("is_correct", rf"(?:is|are) (?:this |that |the |my )?(?:sentence|phrase|expression|"
                     rf"grammar) (?:{_CORRECT}|right)(?: or (?:not|wrong))? ?[,:] ?{X}{END}",
       whole=True),
    _f("is_correct", rf"(?:is|are) {X} (?:(?:a )?(?:correct|right|proper|grammatical)(?: english)?"
                     rf"(?: word| sentence| english| grammar| expression)?|(?:a )?(?:real|good|ok"
                     rf"|okay) (?:english|word|sentence|expression)|ok|okay)(?: or not| or wrong)?"
                     rf"{END}"),
    _f("is_correct", rf"^{X},? (?:is (?:it|this|that)(?: sentence)? |is |it's |it is |this is "
                     rf"|that is )(?:{_CORRECT}|right)(?: or (?:not|wrong))?\s*\?"),
    _f("is_correct", rf"^{X},? (?:is (?:it|this|that)(?: sentence| correct english)? )"
                     rf"(?:{_CORRECT}|right)(?: or (?:not|wrong))?\s*$", fragment=True),
    _f("is_correct", rf"(?<!how )(?<!what )(?:can|could|may|should|do) (?:i|you|we|one|people) "
                     rf"(?:say|use|write) "
                     rf"(?!(?:it|that|this)\b(?!(?: one)? (?:{_FINITE}|\w+[^s\W]s)\b)|something"
                     rf"|again|more|slow"
                     rf"|fast|better){X}{END}"),
    # "she suggested me to take a taxi, can i say like this?"
    _f("is_correct", rf"^{X},? (?:can|could|may) (?:i|you|we) (?:say|write) (?:it |that )?"
                     rf"(?:like this|like that|this way|that way|so)\s*\??\s*$", fragment=True,
       whole=True),
    _f("is_correct", rf"(?:does|do|did) {X} sound (?:ok|okay|right|correct|natural|good|fine|"
                     rf"english)"),
    _f("is_correct", r"(?:did i say (?:it|that|this|everything|the sentence) (?:right|correctly|"
                     r"correct|well|ok|okay)|(?:was|is) (?:that|it|this|my (?:sentence|english|"
                     r"answer|grammar))(?: sentence)? (?:correct|right|ok|okay|good|grammatical)"
                     r"|did i make (?:a |any )?mistakes?|(?:was|were|is|are) there (?:a |any )?"
                     r"mistakes?)(?P<none>)"),
    # how to say
    _f("how_to_say", rf"how (?:is|are) (?:called|named|said) {X}{END}"),
    _f("how_to_say", rf"how (?:is |are )?{X} (?:is |are )?(?:called|named)(?: in english)?{END}"),
    _f("how_to_say", rf"how {Q}(?:to )?(?:say|call|express|translate|describe|name) {X}{END}"),
    _f("how_to_say", rf"how {Q}(?:to )?(?:tell|ask) (?:(?:somebody|someone|people|him|her|them"
                     rf"|a person) )?(?:for |that |to )?{X}{END}"),
    _f("how_to_say", rf"^{X},? how {Q}(?:to )?(?:say|call|write)(?: it| this| that)?"
                     rf"(?: in english)?{END}", fragment=True),
    # "my brother's daughter, what do you call her?"
    _f("how_to_say", rf"^{X},? what {Q}call (?:her|him|it|them|this|that|this one)\b", fragment=True,
       whole=True),
    _f("how_to_say", rf"what {Q}call(?:ed)? {X}{END}"),
    _f("how_to_say", rf"^{X},? (?:what|how) (?:is|are|'s) (?:it|this|that|they) called{END}",
       fragment=True),
    _f("how_to_say", rf"(?:is there (?:a|an|any|one) |what(?:'s| is| was) (?:the |a )?)(?:english |right "
                     rf"|correct |best |proper |good |single )?(?:word|name|term|expression|verb|noun)"
                     rf"(?: ,)? "
                     rf"(?:for |of |to describe |to say |that means |in english for |(?=when ))"
                     rf"{X}{END}"),
    _f("how_to_say", rf"(?:^|(?<= ))(?:the )?(?:english )?(?:word|name|term) for {X}{END}",
       fragment=True),
    _f("how_to_say", rf"what(?:'s| is) the english (?:for|of) {X}{END}"),
    # "the husband of my daughter, what is he for me?"
    _f("how_to_say", rf"^{X},? what (?:is|are) (?:he|she|they|him|her) (?:for|to) (?:me|us)\b",
       fragment=True, whole=True),
    _f("how_to_say", rf"what(?:'s| is| are) (?P<x>the opposite of [^.?!]+?){END}"),
    _f("how_to_say", rf"what(?:'s| is| are) {X} in english{END}"),
    # meaning
    _f("meaning", rf"what (?:do|did) you mean(?: by| with)?(?: {X})?{END}"),
    # "i don't know this word, picky", "what is the meaning, the last straw?"
    _f("meaning", rf"i (?:don't|do not|didn't|did not) (?:know|understand) (?:this|that|the) "
                  rf"(?:word|expression|phrase|idiom) ,? {X}{END}", fragment=True),
    _f("meaning", rf"what(?:'s| is) the meaning ,? {X}{END}"),
    _f("meaning", rf"what(?:'s| is) (?:it|this|that) , {X}{END}", whole=True),
    _f("meaning", rf"(?:^|(?<=[.?!,] ))what(?:'s| is) (?P<x>[\w'-]+(?: [\w'-]+){{1,4}}) exactly{END}",
       whole=True),
    _f("meaning", rf"(?:what(?:'s| is| was) )?(?:the )?meaning (?:of|for) {X}{END}", fragment=True),
    _f("meaning", rf"what(?:'s| is| does| do)? (?:means?) {X}{END}"),
    _f("meaning", rf"what (?:does|do|is) (?:it|this|that) means? (?!in english\b|exactly\b|when\b|if\b){X}{END}"),
    _f("meaning", rf"what (?:{AUX} )?{X} means?\b"),
    _f("meaning", rf"^{X},? means? what{END}", fragment=True),
    _f("meaning", rf"what(?:'s| is) (?:this|that|the) (?:word|expression|phrase|idiom),? {X}{END}"),
    _f("meaning", rf"(?:what(?:'s| is| are) )?the differences? between {X}{END}", fragment=True),
    _f("meaning", rf"what (?:{AUX} )?{X} stands? for\b"),
    _f("meaning", rf"(?:^|(?<=[.?!] )){X},?(?: \?)? (?:what(?:'s| is| does) (?:the |its )?meaning"
                  rf"|what (?:does|do|is) (?:it|this|that) means?|what (?:it|this|that) means?"
                  rf"|what(?:'s| is) (?:it|this|that))(?: exactly| here| in this sentence)?\s*\??$",
       fragment=True),
    _f("meaning", rf"i (?:don't|do not|dont|didn't|did not|can't) (?:understand|know|get) "
                  rf"(?:the (?:word|expression|phrase|idiom) |what )(?P<x>[^.?!]+?)(?: means?)?"
                  rf"{END}", fragment=True),
    _f("meaning", rf"(?:(?:can|could) you )?explain (?:me |to me )?(?:the (?:word|expression|phrase"
                  rf"|idiom) |what )(?P<x>[^.?!]+?)(?: means?)?{END}", fragment=True),
    _f("meaning", r"(?:^|(?<= ))what(?:'s| is| are) (?:a |an )?(?P<x>[\w'-]+(?: [\w'-]+)?)"
                  r"\s*(?:\?|$)"),
)


def form_name(found: str) -> str:
    """The WORD_FORMS name (or DERIVED word) of a form as the learner said it."""
    if re.fullmatch(DERIVED, found):
        return found
    for name, pattern in _FORMS.items():
        if re.fullmatch(pattern, found):
            return name
    return "past"


_LEAD = re.compile(r"^(?:(?:the|this|that|a) (?:english )?(?:word|expression|phrase|idiom|sentence|"
                   r"verb|noun)|word|expression|phrase|idiom|to say|saying|that|(?:question|sentence) ,"
                   r"|you (?:said|say|used|wrote)(?: the word)?|in english|exactly(?: ,)?|here ,)(?:\s+|$)")
_TRAIL = re.compile(r"\s+(?:in english(?: language)?|in one word|please|exactly(?: here)?|correctly|properly|"
                    r"in a (?:nice|polite|good|formal|friendly) way|politely|nicely|formally|"
                    r"in a restaurant|mean|means|in english please|correct|right|in the sentence)$"
                    # "teacher" said to the tutor, not "i am a teacher", "my teacher"
                    r"|(?<!\ba)(?<!\ban)(?<!\bam)(?<!\bis)(?<!\bthe)(?<!\bmy)(?<!\byour)"
                    r"(?<!\bare)(?<!\bwas)\s+teacher$")


def clean_subject(x: str | None) -> str | None:
    """The word, phrase or sentence asked about, without the frame's fillers."""
    if not x:
        return None
    x = x.strip(" ,")
    for _ in range(3):
        x = _LEAD.sub("", x).strip(" ,")
        x = _TRAIL.sub("", x).strip(" ,")
    if not x or x in PRONOUNS or x in ("it in english", "this one", "that one", "this word",
                                       "the meaning", "here"):
        return None
    return x


def _said_before(line: str, start: int) -> str | None:
    """"you said under the weather, what does that mean": the words quoted."""
    match = re.search(r"you (?:said|say|used|wrote)(?: the word)? ([^.?!]+?),?\s*$", line[:start])
    return match.group(1) if match else None


def find(line: str) -> Found | None:
    """The language question in ``line`` (canonical text), or None."""
    check = find_check(line)  # "so my sister speaks very well english, is it correct?"
    lead = find_lead_check(line) if check is None else None  # "can i say this: ..."
    if lead is not None:
        check = ("is_correct", lead)
    if check is not None and _SOUND.search(line):
        # "technology, where is the stress? i say tech-nology, is it right?"
        framed = _framed(line)
        if framed is not None and framed.kind == "pronunciation":
            return framed
    if check is not None:
        inner = _framed(check[1])
        if inner is None or inner.kind == "is_correct":
            return Found("is_correct", re.sub(r" ([,.!?])", r"\1", check[1]), checked=True)
        return inner  # "what's the meaning of reliable? is it good?": the meaning
    framed = _framed(line)
    # (not "driving with ing, is right?": a check on the word already formed)
    if framed is not None and ((framed.kind == "word_form" and not (
            framed.detail == "ing" and (framed.subject or "").endswith("ing")))
            or (framed.kind == "pronunciation" and _SOUND.search(line))):
        return framed  # "the comparative of quiet, how do you say it?"
    described = described_before_closer(line)
    if described is not None:
        return Found("how_to_say", described, "described", described=True)
    return framed


def _framed(line: str) -> Found | None:
    for frame in _FRAMES:
        for match in frame.pattern.finditer(line):
            found = _found(frame, match, line)
            if found is not None:
                return found
    return None


def _found(frame: _Frame, match: re.Match, line: str) -> Found | None:
    prefix = sentence_start(line, match.start())
    question_form = not frame.fragment or bool(re.match(rf"{WH}|{AUX}\b", match.group(0)))
    if not own_question(prefix, "wh" if re.match(rf"{WH}", match.group(0)) else question_form) \
            and not (frame.kind == "pronunciation"  # "..., uh, university, where is the stress?"
                     and re.search(r"\b(?:stress|accent|syllables?)\b", match.group(0))):
        return None
    after = line[match.end():]
    if frame.fragment and not question_form and _statement(after) and "?" not in line \
            and " or " not in line:
        return None  # "the plural of child is children": a statement
    groups = match.groupdict()
    kind, detail, alternative = frame.kind, None, groups.get("y")
    if "none" in groups:
        return Found(kind, None)
    raw = groups.get("x")
    if kind == "word_form":
        if raw in PRONOUNS or raw in _NOT_A_WORD:
            return None
        detail, alternative = form_name(groups["form"]), None
        if re.match(r"\s*(?:verbs|nouns|adjectives|words|forms|tenses)\b", after):
            return None  # "the past of irregular verbs": about a class of words, not one
    if alternative and frame.pattern.pattern.startswith("^(?:is it|should i say") and not (
            len(raw.split()) > 1 or not is_word(raw) or not is_word(alternative.split()[0])):
        return None  # "is it far or near": a question to the tutor, no choice of words
    if kind == "pronunciation" and raw and " " not in raw and (raw in PRONOUNS
                                                               or raw in _NOT_A_WORD):
        return None  # "the pronunciation in english ..."
    if kind == "meaning" and "(?:a |an )?(?P<x>" in frame.pattern.pattern and (
            raw.split()[0] in PRONOUNS | _NOT_A_WORD | {"up", "wrong", "happening", "going"}):
        return None  # "what is your name", "what's up": not a word's meaning
    if kind == "how_to_say" and raw and (raw.strip(" ,") in PRONOUNS | {"her", "his"}
                                         or _VAGUE.match(raw.strip(" ,"))):
        # "we have a girl who stays with our kids when we go out, what's the
        # word for her?", "... how is it called, this paper?": the
        # description said before the question.
        described = description_before(line[:match.start()])
        if described:
            return Found(kind, described, "described")  # the table answers it alone
        if raw.strip(" ,") in PRONOUNS | {"her", "his"}:
            return None
    if raw in _NOT_A_WORD or (kind == "meaning" and raw in _AUX_WORDS):
        return None
    if raw and match.start("x") == 0:
        raw = _before(raw) or raw  # "excuse me the word nosy, what is it"
    subject = raw.strip(" ,") if frame.whole and raw else clean_subject(raw)
    subject = None if subject == "the meaning" else subject  # "what is the meaning exactly?"
    if subject is None and raw is not None and kind == "meaning":
        # "what does it mean, fed up", "what does it mean when someone says break a leg"
        rest = re.sub(r"^,? ?(?:when|if) (?:someone|somebody|people|you|they|he|she) (?:says?|said)"
                      r" ", "", after.split("?")[0].split(".")[0].strip(" ,"))
        subject = (clean_subject(rest) if rest and len(rest.split()) <= 5
                   and rest not in _NOT_A_WORD else None)
    if subject is None and raw is not None:
        # "commute, what does it mean", "chave how you say in english": the
        # word was said before the question.
        subject = _said_before(line, match.start()) or clean_subject(_before(prefix))
        if subject is None and kind in ("meaning", "pronunciation") and not prefix.strip(" ,"):
            # "lazy? what it means?": the word alone, just before
            said = re.split(r" [.?!]", line[:match.start()].strip(" ,.?!"))[-1].strip(" ,")
            if len(said.split()) > 3:  # "... drop her off tomorrow, um, drop off, what it means?"
                said = strip_openers(said.split(" , ")[-1].strip(" ,"))
            subject = clean_subject(strip_openers(said)) if 1 <= len(said.split()) <= 3 else None
        if subject is None and kind == "meaning":
            # "my friend says it's not my cup of tea. what does it mean?": an
            # idiom of the phrases table said before the question
            from app.tutor import phrases  # lazy: reads the table

            found = phrases.look_up([line[:match.start()]])
            subject = found[0] if found else None
        if subject is None and kind != "meaning":
            return None  # "is it right" in "is it right to ...": let a later frame read it
    if kind in ("how_to_say", "pronunciation", "meaning") and subject and " , like " in subject:
        subject = subject.split(" , like ")[0]  # "photographer, like photo": an aside
    if kind == "how_to_say" and subject and _SOUND.search(line) and " , " in subject:
        subject = subject.split(" , ")[0]  # "how do you say medicine, where is the stress?"
    if (kind == "pronunciation" and subject and subject.count("-") >= 2
            and all(len(part) <= 4 for part in subject.split("-"))):
        subject = subject.replace("-", "")  # "mu-se-um": the word in syllables, not "mother-in-law"
    if kind == "how_to_say" and subject and (
            _english_word_said(match, subject)
            or (" " not in subject and _SOUND.search(line))):
        kind = "pronunciation"  # "how do i say european? is the stress like in europe?"
    if kind == "pronunciation" and subject and " " in subject:
        subject = subject.split()[0]
    if kind == "meaning" and raw and re.search(r"\b(?:a|an)\s*$", line[:match.start("x")]):
        detail = "noun"  # "what is a commute": the noun, not the verb
    return Found(kind, subject, detail, clean_subject(alternative))


_AUX_WORDS = set(AUX.strip("(?:)").split("|"))


def _statement(after: str) -> bool:
    """Does a bare phrase ("the past tense of english") go on as a sentence's
    subject ("... verbs is hard for me"), not as a question ("... what is it")?"""
    rest = re.split(r"[.?!]", after)[0]
    if re.search(rf"\b{WH}\b", rest):
        return False
    return bool(re.search(r"\b(?:is|are|was|were|has|have|had|makes?|made|seems?|looks?|sounds?"
                          r"|gets?|got)\b", rest))


_REPORTED = re.compile(r"^(?:(?:my|the|a|our|his|her) \w+|someone|somebody|people|he|she|they|"
                       r"i) (?:(?:always|often|sometimes|usually) )?(?:said|says|say|told me|"
                       r"tells me|heard|hear|wrote|uses|use),? ")
_NOT_A_WORD = {"the", "a", "an", "my", "your", "simple", "in", "what", "what's", "how", "which",
               "is", "of", "and", "or", "his", "her", "our", "their", "for", "on", "at", "to",
               "with", "exactly", "precisely", "here"}


def _before(prefix: str) -> str | None:
    """The words said before a question, when few enough to be what it asks about
    ("commute, what does it mean"), or the word named ("i heard the word
    awesome, what does it mean")."""
    named = re.search(r"\b(?:word|expression|phrase|idiom) ([^.?!,]+?)[ ,]*$", prefix)
    if named:
        return named.group(1)
    # "my boss said let's call it a day, what does it mean": what was said.
    prefix = _REPORTED.sub("", prefix)
    words = strip_openers(prefix).strip(" ,")
    return words if words and len(words.split()) <= 6 else None


_SOUND = re.compile(r"\b(?:stress|syllables?|pronounc\w*|accent|silent|(?:with|without) the "
                    r"(?:letter )?[a-z])\b")
# A subject that only points at what was said before: "this thing", "his job".
_VAGUE = re.compile(r"(?:this|that|these|those|his|her|its|their) (?:\w+ )?(?:thing|things|job|"
                    r"work|paper|one|ones|stuff|piece|pieces|name|word|noise|sound|place|machine|"
                    r"person|man|woman|sleep|tool)$|the (?:name|word)$")


def _english_word_said(match: re.Match, subject: str) -> bool:
    """"how do you say schedule": one English word asked to be said is asked
    for its pronunciation; "how do you say saudade (in english)" is not."""
    text = match.group(0)
    return (" say " in f" {text} " and " " not in subject and "in english" not in text
            and not re.search(r"\b(?:politely|nicely|formally|in a \w+ way)\b", text)
            and is_word(subject))
