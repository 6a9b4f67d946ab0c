"""The act classifier's view of a line: Whisper's text made canonical, and the
one structural question every frame asks, whether a question found in the line
is the learner's own or a clause inside their news.

"what does awkward mean" asks; "my son asked me what this word means" tells.
The difference is the matrix clause before the question: nothing (or an
opener: "sorry", "one question"), an asking clause ("can you tell me",
"i don't know", "i wonder"), or a finished sentence make it the learner's
question; a verb of saying, asking or knowing with its own subject ("my son
asked me", "we learned") makes it reported speech. Whisper often leaves out
punctuation, so the clause is read from the words, not the commas.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Grammar slots the frames are written with.
WH = r"(?:what|how|which|where|when|why|who|whom|whose)"
AUX = (r"(?:do|does|did|can|could|should|would|will|may|might|must|shall|is|are|am|was|were"
       r"|have|has)")
SUBJ = r"(?:i|you|we|one|people|they|u|somebody|someone|he|she|it)"
SUBJECT_PRONOUNS = {"i", "you", "we", "they", "he", "she", "it", "u"}
PRONOUNS = SUBJECT_PRONOUNS | {"this", "that", "these", "those", "me", "him", "her", "us",
                               "them", "something", "one"}
# What a learner says before the question itself.
_OPENER = re.compile(
    r"^(?:(?:ok|okay|so|and|but|sorry|excuse me|please|hey|hi|hello|well|oh|also|then|yes|yeah"
    r"|no|actually|teacher|now|right|alright|hmm|wait|listen|by the way|in english|one more"
    r"|(?:one|another|a|quick|small|last) (?:more )?question|question"
    r"|(?:i have|i've got|i got) (?:a|one|another|some) (?:small |quick )?question"
    r"|(?:can|could|may) i ask (?:you )?(?:something|a question|one thing)"
    r"|let me ask (?:you )?(?:something)?|i (?:want|would like|wanted) to ask(?: you)?"
    r"|my question is)(?: ,| :)? )+")
# An asking clause before an embedded question: the question is still the learner's.
_ASKING = re.compile(
    r"(?:(?:can|could|would|will) you (?:please )?(?:tell|explain|show|teach|help)(?: to)?(?: me)?"
    r"|do you know|(?:please )?(?:tell|explain|show|say)(?: to)? me"
    r"|i (?:don't|do not|dont|didn't|did not|never|can't|cannot|still don't|really don't)"
    r" (?:really |exactly |quite )?(?:know|understand|remember|get|pronounce|say)"
    r"|i(?:'m| am) not sure|i wonder|i (?:want|would like|'d like|need) to know|(?:i have )?no idea"
    r"|i forgot|i can't|i cannot|i'm confused|i am confused"
    r"|(?:how|what|which)(?:'s)? (?:" + AUX + r" )?(?:" + SUBJ + r" )?(?:to )?(?:say|write|form|make|use)?"
    r")(?: if| whether)?$")
# A verb that reports speech or thought before an embedded question: "she asked me what ...".
REPORTING = {"ask", "tell", "say", "know", "wonder", "explain", "learn", "understand", "teach",
             "show", "forget", "remember", "think", "find", "check", "google", "discuss",
             "write", "study", "answer", "decide", "describe", "translate", "practise", "practice",
             "talk"}
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u00b4": "'", "`": "'"})


def canonical(text: str) -> str:
    """The line lower-cased, as space-separated words and ``, . ? !`` marks:
    "What does 'awkward' mean?" -> "what does awkward mean ?". Quotes go (the
    words they held stay); apostrophes inside words stay."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).lower()
    text = re.sub(r"(?<![a-z])'|'(?![a-z])|\"", " ", text)
    text = re.sub(r"([,.?!;:])", r" \1 ", text)
    text = re.sub(r"[;:]", ",", text)
    text = re.sub(r"[^\w' ,.?!-]", " ", text)
    text = re.sub(r"(?<!\w)-|-(?!\w)", " ", text)
    text = re.sub(r"\bwhats\b", "what's", text)
    text = re.sub(r"\bdont\b", "don't", text)
    text = re.sub(r"\bcant\b", "can't", text)
    text = re.sub(r"\bim\b", "i'm", text)
    text = re.sub(r"\b(does|is|did|are|was|were|could|should|would|have|has|had)nt\b", r"\1n't", text)
    text = re.sub(r"\b(you|they)re\b", r"\1're", text)  # not "were"
    text = re.sub(r"\b(that|there|who|how|where|it)s\b", r"\1's", text)
    text = re.sub(r"\bive\b", "i've", text)
    text = re.sub(r"([.?!])(?: [.?!,])+", r"\1", text)
    return " ".join(text.split())


def strip_openers(prefix: str) -> str:
    prefix = prefix.strip(" ,")
    match = _OPENER.match(prefix + " ")
    return prefix[match.end():].strip(" ,") if match else prefix


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str | None:
    """The verb a word is a form of ("asked" -> "ask"), or None."""
    from lemminflect import getAllLemmas  # lazy: loads lemminflect's tables

    lemmas = getAllLemmas(word).get("VERB")
    return lemmas[0] if lemmas else None


def is_word(word: str) -> bool:
    """A word lemminflect knows (an English word), "saudade" and "zapatos" not."""
    from lemminflect import getAllLemmas  # lazy: loads lemminflect's tables

    return bool(getAllLemmas(word.strip("'-")))


_CLAUSE_SUBJECTS = {"i", "i'm", "he's", "she's", "it's", "they're", "we're", "you're", "he", "she",
                    "they", "we"}


def _reported(rest: str) -> bool:
    """Does ``rest`` end with a verb of saying, asking or knowing, and at most
    its object and "if": "my son asked me", "the teacher asked us", "she
    wanted to know if"."""
    words = rest.split()
    for i, word in enumerate(reversed(words[-5:])):
        if word in (",", ".", "?", "!", "to") or word in _CLAUSE_SUBJECTS:
            # "my manager asked me to do overtime, what does it mean", "my
            # friend said i'm stubborn, what's the meaning": the verb has its object
            return False
        lemma = verb_lemma(word)
        if lemma in REPORTING:
            return i <= 3
    return False


_TRAILING_FILLER = re.compile(r"(?: ,)?(?: (?:you know|i mean|like|um|uh|hmm)(?: ,)?)+\s*$")


def own_question(prefix: str, question_form: str | bool) -> bool:
    """Is a question found after ``prefix`` (the line's words before it) the
    learner's own? ``question_form`` "wh": the question starts with a wh-word
    ("what does ..."), so it can follow a finished statement without
    punctuation; one that starts with an auxiliary ("is it ...") or a bare
    phrase ("plural of child", "the word for ...") only counts at the start
    of a sentence or after an asking clause."""
    rest = _TRAILING_FILLER.sub("", strip_openers(prefix))  # "..., you know, what does"
    if not rest or rest[-1] in ".?!":
        return True
    if _ASKING.search(rest.rstrip(" ,")):
        return True
    if question_form == "wh":
        return not _reported(rest.rstrip(" ,"))
    return False  # "my english is not so good": an auxiliary after its subject is no question


def sentence_start(line: str, start: int) -> str:
    """The words before ``start`` in ``line``, from the last sentence mark on."""
    before = line[:start]
    cut = max(before.rfind(mark) for mark in ".?!")
    return before[cut + 1:] if cut >= 0 else before
