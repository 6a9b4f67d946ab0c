"""Language questions the frames miss, read from what learners do when they
ask about a word they just used: the backstop of :mod:`app.tutor.act_language`.

The frames (act_language, act_checks) are written one phrasing at a time, and
every new learner brings new phrasings: "Pharmacy, hmm, the stress is in the
beginning or middle?", "rusty, what is the meaning here?", "whose turn,
correct?". What these share is not their grammar but two signals:

- an **anchor**, the thing asked about: an *echo* (a word or phrase said
  earlier in the line and said again as the question's lead, "... on
  holiday. Holiday, which part ...", or its tail, "what is it, rocket
  science?"), a word *spelled out in syllables* ("a-part-ment", "po-lice"),
  or the *sentence before* a check on it ("I want to say this to my son. is
  it polite?");
- **language talk** in the question itself: stress, syllable, pronounce, the
  letter t (pronunciation); mean, meaning, "what is it exactly", "like chili?"
  (meaning); is there a word, how is called, I forget the word (how to say);
  correct, right, ok, polite, grammar, preposition (is it correct).

Neither alone is enough ("I love the stress of the city" talks, "Paris,
is it beautiful?" echoes), so :func:`find` asks for both, and it only runs
when no frame read the line. Lines are canonical (act_text.canonical).
:func:`asks_about` reads the talk alone, for a question to the tutor that
names nothing (app/tutor/acts.py then asks which word is meant).
"""

from __future__ import annotations

import re

from app.tutor.act_checks import last_sentence
from app.tutor.act_described import description_before
from app.tutor.act_language import FORM, Found, form_name
from app.tutor.act_text import is_word, verb_lemma
from app.tutor.act_types import LanguageKind

# The talk of each kind, looked for in the question without its anchor.
_PRONUNCIATION = re.compile(
    r"\b(?:syllables?|pronounc\w*|pronunc\w*|pronounciation|stressed|silent|emphasis"
    r"|where (?:is|goes|do you put) the (?:stress|accent|emphasis)|(?:which|what) (?:syllable|part)"
    r"|stress (?:is |goes |falls )?(?:on|in|at) (?:the )?(?:first|second|third|last|beginning|middle"
    r"|end|start|front|syllable|part))\b"
    r"|\b(?:with|without) (?:the )?(?:letter )?[b-hj-z]\b|\bthe (?:letter )?[b-hj-z] (?:at the (?:end|"
    r"beginning|start)|in the middle|is silent|or (?:no|not))\b|\bthe letter [a-z]\b"
    r"|\b(?:pronounce|say|hear) the [b-hj-z]\b")
# Said with a one-word lead and no echo ("holiday, which part is stressed?").
_PRONUNCIATION_ALONE = re.compile(r"\b(?:syllables?|pronounc\w*|stressed|silent|where is the stress"
                                  r"|the stress is (?:on|in|at))\b")
_MEANING = re.compile(r"\b(?:mean|means|meaning|definition)\b|^(?:so |and )?what(?:'s| is) "
                      r"(?:it|this|that)(?: exactly| here)?\s*\?*$")
_HOW_TO_SAY = re.compile(
    r"\bis there (?:a|an|one|any) (?:english |single |special )?(?:word|expression|name|term)\b"
    r"|\bhow (?:is|are) (?:it |this |that )?called\b|\bwhat(?:'s| is) the (?:english |right )?(?:word"
    r"|expression|term|verb)\s*\?*$")
# "dig, in the past, ...", "lend in the past, how is it?", "country, the plural, ..."
_FORM_ASKED = re.compile(rf"^(?P<x>[\w'-]+)(?: ,)? (?:in (?:the )?|with (?:the )?|the |its )?{FORM}"
                         rf"(?: form| tense)? , ")
# The question names what it asks about: "what is keep an eye on exactly?"
_NAMED = re.compile(r"^what(?:'s| is| does| do) (?:(?P<x>[\w' -]+?) (?:exactly|mean|means|meaning)"
                    r"|exactly (?P<y>[\w' -]+?))$")
# After the question: "... what is he for me? I forget the word."
_FORGOT_WORD = re.compile(r"^(?:(?:um|uh|hmm|sorry) ,? )*i (?:forget|forgot|don't know|do not know"
                          r"|can't remember|cannot remember) the (?:english )?(?:word|name|expression)")
_GOOD = (r"(?:correct|right|ok|okay|fine|polite|rude|impolite|natural|grammatical|proper"
         r"|good english|correct english|ok english|okay english)")
# A check that is a whole segment: "is it polite?", "correct?", "it's ok in english?",
# "is it correct or i need made?"; alone, only a strong word ("..., right?" and
# "..., ok?" are tag questions).
_CHECK = re.compile(
    rf"^(?:(?:(?:is|was) (?:it|this|that)(?: sentence)? |(?:it|this|that)(?:'s| is) |this sentence is "
    rf"|is |(?:the |my )?(?:grammar|preposition|tense|article|word order|order) (?:is|are) )"
    rf"(?:too |very |a bit |more )?{_GOOD}|(?:correct|grammatical|natural|proper|good english"
    rf"|correct english)|(?:is|was) (?:it|this|that) the (?:right|correct|good) (?:word order|order"
    rf"|word|tense|preposition|article|grammar))(?: english)?(?: to say)?(?: in english| here)?"
    rf"(?: or (?:not|no|wrong|i (?:need|should say|must say) [\w' ]+))?\s*\?*$")
# Register words ask about a sentence only when it is one to be said.
_REGISTER = re.compile(r"\b(?:polite|rude|impolite)\b")
_SAYING = re.compile(r"\bi (?:want to|wanna|would like to|'d like to|will|'ll|am going to|'m going to"
                     r"|need to) (?:say|write|ask|tell)\b|\b(?:say|write|ask) (?:this|it|that)\b")
_FILLER = re.compile(r"^(?:um|uh|hmm|mm|ehm|er|so|and|but|ok|okay|oh|well|yes|yeah|no|sorry|wait"
                     r"|teacher|like)$")
_REPORT = re.compile(r"^(?:(?:my|the|his|her|our) \w+|he|she|they|someone|people) (?:says|said"
                     r"|always says|told me|uses)(?: that)? ")
_FUNCTION = {"the", "a", "an", "is", "it", "this", "that", "i", "you", "he", "she", "we", "they",
             "my", "your", "to", "of", "in", "on", "at", "and", "or", "so", "do", "does", "be",
             "was", "are", "what", "how", "which", "for", "with", "no", "not", "yes"}
_SPELLED = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b")


def find(line: str) -> Found | None:
    """The language question in ``line`` that no frame read, as an
    act_language.Found, or None."""
    sentences = [s.strip() for s in re.split(r"(?<=[.?!]) ", line) if s.strip()]
    asks = [i for i, s in enumerate(sentences) if s.endswith("?")]
    for i in reversed(asks):
        found = _ask(sentences, i)
        if found is not None:
            kind, subject, detail = found
            return Found(kind, subject, detail, described=detail == "described")
    return None


def _ask(sentences: list[str], i: int):
    ask = sentences[i].rstrip(" ?").strip(" ,")
    before = " ".join(sentences[:i])
    after = " ".join(sentences[i + 1:])
    segments = [s.strip() for s in ask.split(" , ")
                if s.strip() and not all(_FILLER.match(w) for w in s.split())]
    if not segments:
        return None
    spelled = _spelled(" ".join([ask, after, sentences[i - 1] if i else ""]))
    for j in reversed(range(len(segments) - 1)):  # the anchor, then the question about it
        found = _anchored(_REPORT.sub("", _strip_fillers(segments[j])), " , ".join(segments[j + 1:]),
                          " ".join([before, *segments[:j]]), after, spelled)
        if found is not None:
            return found
    if spelled and _PRONUNCIATION.search(ask.replace(spelled, "")):
        return "pronunciation", spelled, None  # "the police, po-lice. uh, the stress is on ...?"
    named = _NAMED.match(segments[-1])
    if named and _echoes(named["x"] or named["y"], before, None):
        return "meaning", _phrase(named["x"] or named["y"]), None  # "my friend says ran into, what does run into mean?"
    tail = segments[-1]
    if len(segments) > 1 and _MEANING.search(" , ".join(segments[:-1])) and \
            len(tail.split()) <= 5 and _echoes(tail, before, None):
        return "meaning", _phrase(tail), None  # "what is it, rocket science?"
    # How to say: "the thing for open the tin. how is called?", "..., what is
    # he for me? i forget the word."
    lead = segments[0]
    if _HOW_TO_SAY.search(ask) or (_FORGOT_WORD.match(after) and re.match(
            r"(?:what|how)\b", " , ".join(segments[1:]) or ask)):
        described = lead if len(segments) > 1 and len(lead.split()) >= 2 else description_before(before)
        if described:
            return "how_to_say", described, "described"
    # A check on what was said before it: "..., is it correct or i need made?",
    # "could you turn the music down? i want to say this to my son. is it polite?"
    check = segments[-1]
    if _CHECK.match(check):
        said = " , ".join(segments[:-1]) if len(segments) > 1 else ""
        if len(said.split()) < 3 and i > 0:
            said, earlier = sentences[i - 1].rstrip(" .?!"), sentences[:i - 1]
            if _SAYING.search(said) and earlier and len(said.split()) <= 8:
                said = earlier[-1].rstrip(" .?!")  # "i want to say this to my son": the one before
            elif _REGISTER.search(check):
                return None  # "i invited my boss. is it polite?": manners, not English
        sentence = last_sentence(said) if said else None
        if sentence and (not _REGISTER.search(check) or _SAYING.search(
                " ".join(sentences[max(0, i - 1):i]))):
            return "is_correct", re.sub(r" ([,.!?])", r"\1", sentence), None
    return None


def _anchored(lead: str, rest: str, before: str, after: str, spelled: str | None):
    """The question ``rest`` asks about ``lead``, the words said just before
    it, when ``lead`` is an anchor and ``rest`` talks about language."""
    echoed = _echoes(lead, before + " " + after, spelled)
    form = _FORM_ASKED.match(lead + " , " + rest)
    if form and (echoed or is_word(form["x"])) and re.search(r"\b(?:how|what|is it|which)\b", rest):
        return "word_form", form["x"], form_name(form["form"])  # "dig, in the past, is it digged?"
    # Pronunciation: "pharmacy, hmm, the stress is in the beginning or middle?"
    if _PRONUNCIATION.search(rest) and len(lead.split()) <= 2 and (
            echoed or (len(lead.split()) == 1 and _PRONUNCIATION_ALONE.search(rest)
                       and (is_word(lead) or spelled))):
        return "pronunciation", _word(spelled or lead.replace("-", "")), None
    # Meaning: "rusty, what is the meaning here?", "chilly, like chili pepper?"
    if echoed and len(lead.split()) <= 5 and (_MEANING.search(rest) or _sounds_like(lead, rest)):
        return "meaning", _phrase(lead), None
    # Is it correct: "so much crowded, it's ok in english?", "whose turn, correct?"
    if echoed and _CHECK.match(rest) and not _REGISTER.search(rest):
        return "is_correct", _sentence_with(lead, before) or lead, None
    return None


def _strip_fillers(text: str) -> str:
    words = text.split()
    while words and _FILLER.match(words[0]):
        words.pop(0)
    return " ".join(words)


def _lemmas(text: str) -> list[str]:
    return [verb_lemma(w) or w for w in re.findall(r"[\w'-]+", text)]


def _echoes(phrase: str, said: str, spelled: str | None) -> bool:
    """Was ``phrase`` (a few words, not only function words) said in ``said``,
    as it is or with its verbs in another form ("ran into", "run into"), or
    spelled out as ``spelled``?"""
    words = phrase.split()
    if not words or len(words) > 6 or all(w in _FUNCTION for w in words):
        return False
    if spelled and phrase.replace("-", "") == spelled:
        return True
    if re.search(rf"(?<![\w'-]){re.escape(phrase)}(?![\w'-])", said):
        return True
    return _place(_lemmas(phrase), _lemmas(said)) is not None


def _place(mine: list[str], theirs: list[str]) -> int | None:
    """Where ``mine`` was said in ``theirs``, its words in order, a few words
    between them at most ("spend money on" in "i spend too much money on")."""
    for k, word in enumerate(theirs):
        if word != mine[0]:
            continue
        at, ok = k, True
        for want in mine[1:]:
            window = theirs[at + 1:at + 4]
            if want not in window:
                ok = False
                break
            at += 1 + window.index(want)
        if ok and at - k < len(mine) + 3:
            return k
    return None


def _spelled(text: str) -> str | None:
    """A word said in syllables or letters ("a-part-ment", "k-nee", "walk-ed"),
    joined, when the joined word is English and its parts are not all words
    ("mother-in-law", "twenty-one" are words with hyphens)."""
    for match in _SPELLED.finditer(text):
        parts = match.group(0).split("-")
        joined = "".join(parts)
        if all(len(p) == 1 for p in parts):
            continue  # "i-e-s", "t-i-e-i-n-g": spelled in letters, how it is written
        if all(len(p) <= 5 for p in parts) and is_word(joined) and not all(
                len(p) > 2 and is_word(p) for p in parts):
            return joined
    return None


def _word(text: str) -> str:
    words = [w for w in text.split() if w not in _FUNCTION]
    return (words[-1] if words else text).strip(" ,")


def _phrase(text: str) -> str:
    """The phrase asked about, its verb in the base form ("ran into" -> "run into")."""
    words = text.strip(" ,").split()
    if len(words) >= 2 and verb_lemma(words[0]) and verb_lemma(words[0]) != words[0] and \
            words[0].endswith(("ran", "ed", "ought", "ook", "ent")):
        words[0] = verb_lemma(words[0])
    return " ".join(words)


def _sounds_like(lead: str, rest: str) -> bool:
    """"chilly, like chili pepper?": a guess from a word that sounds the same."""
    match = re.match(r"^like (?:a |an |the )?([\w'-]+)", rest)
    if match is None or " " in lead:
        return False
    other = match.group(1)
    return other != lead and len(lead) >= 4 and other[:4] == lead[:4]


def _sentence_with(phrase: str, before: str) -> str | None:
    """The part of what was said before that holds ``phrase``: the sentence a
    check on an echo is about ("the bus was so much crowded")."""
    for sentence in reversed(re.split(r" [.?!] ?", before)):
        for part in reversed(sentence.split(" , ")):
            if _place(_lemmas(phrase), _lemmas(part)) is not None:
                part = re.sub(r"^(?:(?:um|uh|so|and|but|yes|no|ok|terrible|well) ,? )+", "", part)
                text = part if len(part.split()) >= 3 else sentence
                return re.sub(r" ([,.!?])", r"\1", text.strip(" ,"))
    return None


# A question whose last sentence talks about English, by the kind it asks.
_LANGUAGE_TALK = (
    (LanguageKind.PRONUNCIATION, re.compile(
        r"\b(?:pronounce|pronunciation|syllables?|stressed|(?:the )?stress (?:is )?"
        r"(?:on|in|at|where)|where is the stress)\b")),
    (LanguageKind.WORD_FORM, re.compile(
        r"\b(?:past of|plural of|comparative|superlative|the (?:correct |right )?form)\b")),
    (LanguageKind.MEANING, re.compile(r"\b(?:what (?:does |do )?(?:it|this|that|[\w'-]+) "
                                      r"means?|meaning|means\s*\?)")),
    (LanguageKind.HOW_TO_SAY, re.compile(
        r"\b(?:(?:there is|is there) (?:a|one) word|the verb for|the word for|"
        r"what(?:'s| is) the word)\b")),
    (LanguageKind.IS_CORRECT, re.compile(
        r"\b(?:(?:is|it's|it is|is it) correct(?= *(?:\?|$|,|or\b|english\b|here\b))"
        r"|a correct (?:question|sentence)\b|correct\s*\?|good english\b"
        r"|(?:grammar|grammatically) (?:is )?(?:correct|right|ok)\b"
        r"|sounds? (?:strange|wrong|ok)\b|is (?:it )?a (?:real )?word\b)")),
)


def asks_about(text: str) -> LanguageKind | None:
    """The kind of language question the last sentence of a question to the
    tutor asks, by its words ("ten minutes walk, how is correct?"); None when
    it talks about no such thing. The talk alone, with no anchor: classify
    asks it only of a question to the tutor, so that the tutor asks which
    word is meant instead of guessing."""
    last = re.split(r"(?<=[.!?])\s+", text.strip())[-1].lower()
    for kind, talk in _LANGUAGE_TALK:
        if talk.search(last):
            return kind
    return None
