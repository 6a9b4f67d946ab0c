""""Is this right?" asked after the sentence it is about, in the same turn.

Learners say a sentence and then ask about it: "so my sister speaks very well
english, is it correct like this?", "long time. i didn't see him since
christmas, um, is this correct english?", "i have to make my homework
tonight. uh, is make ok there?". The sentence is the one before the check,
without the talk around it ("yes, uh, so", "not really,"); a check that
names a word of it ("is make ok there?", "can i say thinking to?") is about
that sentence too. When the words before the check hold a language question
of another kind ("what's the meaning of reliable? is it good?"), that one is
the question (app/tutor/act_language.find).

Lines are canonical (app/tutor/act_text.canonical): lower case, marks spaced.
"""

from __future__ import annotations

import re

_GOOD = (r"(?:correct|right|ok|okay|fine|good|grammatical|natural|proper|normal|possible"
         r"|acceptable)")
_HERE = r"(?: (?:here|there|like (?:this|that)|this way|that way|in english|in this sentence))?"
_FILL = r"(?:(?:um|uh|hmm|mm|so|and|but|wait|like|ok|okay|well|teacher|sorry) ,? )*"
# A remark after the check: "can i say needs charging? it sounds strange."
_REMARK = (r"(?: (?:it|this|that) (?:sounds|looks|seems|is) (?:so |very |a bit |really )?"
           r"(?:strange|weird|wrong|funny|odd|unusual)(?: to me)? ?[.!?]?)?")
# The check itself, at the end of the line.
_CHECK = re.compile(
    rf"(?:^|(?<=[,.?!] )){_FILL}(?:"
    rf"(?:is|was|are) (?:it|this|that)(?: sentence| phrase)? (?:{_GOOD}|good english|correct english"
    rf"|proper english|real english|ok english|english)(?: english)?(?: to say)?(?: to say it)?{_HERE}"
    rf"|(?:is|are) (?:the |my )?(?:grammar|order of (?:the )?words|word order|sentence|english"
    rf"|tense|preposition|article) (?:{_GOOD})"
    rf"|(?:can|could|may) (?:i|you|we|people|one) say (?:(?:it|that|this|so)(?: like (?:this|that)"
    rf"| this way| that way| in english)?|(?:it |that |this )?like (?:this|that))"
    rf"|(?:is|was) (?:this|that|it) how (?:you|we|people|one|they) say (?:it|this|that)"
    rf"|do (?:you|people|we) say (?:it|that|this) (?:like (?:this|that)|this way)"
    rf"|(?:it's|it is|this is|that's|that is) (?:{_GOOD}|good english|correct english)"
    rf"(?: to say(?: it| that| this)?)?{_HERE}"
    # "i'd like you to meet my cousin. this sentence is ok?"
    rf"|(?:this|that|my) (?:sentence|phrase) (?:is|sounds) (?:{_GOOD}|good english|correct english)"
    rf"|(?:is|was) (?:it|this|that) (?:the |a )?(?:right|correct|good) (?:word order|order|grammar"
    rf"|tense|word|preposition|article|question|sentence)"
    rf"|(?:is|was) (?:it|this|that) (?:correct|right|good) grammar"
    rf"|(?:{_GOOD}) or (?:not|wrong)(?: {_GOOD})?"
    # "cook a cake, is good english?", "i saw accident, is right?"
    rf"|is (?:{_GOOD}|good english|correct english|right english)"
    # "spend money on, the preposition is right?", "the order is correct?"
    rf"|(?:the |my )?(?:grammar|order|word order|order of (?:the )?words|tense|preposition|article"
    rf"|sentence) (?:is|are) (?:{_GOOD})"
    rf")(?: or not| or wrong| or no)?(?: , (?:yes|no|right))?\s*[?.]?{_REMARK}\s*$")
# A check that names a word of the sentence: "is make ok there?", "can i say
# thinking to?", "is it right, by train?", "are is right, yes? not is?".
_WORD_CHECK = re.compile(
    rf"(?:^|(?<=[,.?!] )){_FILL}(?:"
    rf"(?:is|are) (?P<a>[\w' ]{{1,30}}?) (?:{_GOOD}|english)(?: english)?{_HERE}"
    rf"|(?:can|could|may) (?:i|you|we) say (?P<b>[\w' ]{{1,30}}?){_HERE}"
    rf"|(?:is|was) (?:it|this|that) (?:{_GOOD})(?: english| grammar)? , (?P<c>[\w' ]{{1,30}}?)"
    rf"|(?:it's|it is) (?:{_GOOD}) , (?P<d>[\w' ]{{1,30}}?)"
    rf"|(?P<e>[\w' ]{{1,30}}?) , (?:can|could|may) (?:i|you|we) say (?:it|that|this)"
    rf")(?: , (?:yes|no|right))?(?: , (?:without|with|not) [\w' ]{{1,20}}?)?\s*[?.]?"
    rf"(?: (?:not|or) [\w']+ \?)?{_REMARK}\s*$")
_LEAD = re.compile(
    r"^(?:(?:yes|yeah|no|nope|not really|almost|oh|ok|okay|so|and|but|well|um|uh|hmm|mm|wait|excuse me"
    r"|you know|like|actually|also|then|now|i mean|right|sure|of course|haha|ah)\b ?,? ?)+")
_TOLD = re.compile(r"^(?:(?:yesterday|today|then|and|so) )?(?:i|he|she|they|we) (?:(?:told|said to"
                   r"|asked) (?:him|her|them|me|us|you|my \w+|the \w+|a \w+)|said) ,? ")
_TRAIL = re.compile(r"(?: ?,? (?:um|uh|hmm|mm|you know|i think|i mean|like|so|wait|haha|hehe|lol))+"
                    r"\s*$")
# "so i want to ask somebody, can you tell me ...": the words to be said.
_TO_SAY = re.compile(
    r"(?:^|\b(?:and|so|but) )(?:(?:how do|can|could|may|should) i |i (?:want to|wanna|would like to"
    r"|need to|have to|wanted to) )(?:ask|say to|tell|say)(?: (?:somebody|someone|people|him|her"
    r"|them|my \w+|the \w+(?: \w+)?|a \w+))?(?: ,)?(?: like ,?)? ")


def find_check(line: str) -> tuple[str, str] | None:
    """("is_correct", the sentence asked about, canonical) when ``line`` ends
    with a check on the sentence said before it; None otherwise."""
    match = _CHECK.search(line)
    word = None
    if match is None:
        match = _WORD_CHECK.search(line)
        if match is None:
            return None
        word = next(g for g in match.groups() if g)
    before = line[:match.start()].strip(" ,.?!")
    if not before:
        return None  # "is it correct?" alone: about the line before (app/tutor/acts.py)
    sentence = last_sentence(before)
    if sentence is None:
        return None
    if word is not None and not _names_a_word(word, sentence):
        return None
    return "is_correct", sentence


def last_sentence(before: str) -> str | None:
    """The sentence said last in ``before``, without the talk around it."""
    parts = [p.strip(" ,") for p in re.split(r"(?: [.!?])+ | \.\.\. ?", before) if p.strip(" ,")]
    while parts:
        text = _clean(parts[-1]).rstrip(" .")
        # "where i lived, not where do i live": the words asked about, not their contrast
        text = re.sub(r" , not .*$", "", text) if " , not " in text else text
        # "instead at the end": the word, not where it stands
        text = re.sub(r" (?:at the (?:end|beginning|start)|in the middle)$", "", text)
        head = text.split(" , ")[0]  # "have had, two times have": the words quoted
        if len(parts) > 1 and text and (f" {text} " in f" {_clean(parts[-2])} " or (
                len(head.split()) >= 2 and f" {head} " in f" {_clean(parts[-2])} ")):
            parts.pop()  # "he always makes me laugh. uh, makes me laugh, can i say that?"
            continue
        if len(text.split()) >= 3 or (len(parts) == 1 and len(text.split()) >= 2):
            return text
        parts.pop()  # "we went there by train ... uh" or a short reply
    return None


# "can i say this... my new flat is more cheap", "can i ask her like this, did
# you ever been to spain?": the check first, the sentence after it.
_LEAD_CHECK = re.compile(
    rf"^{_FILL}(?:can|could|may) (?:i|you|we) (?:say|ask (?:her|him|them|my \w+|the \w+)|write)"
    rf"(?: (?:it|this|that))?(?: (?:like (?:this|that)|this way|that way))?(?: [.,]+| \.\.\.)+ "
    rf"(?P<x>[^?]+?)\s*[?.]?\s*$")


# "this sentence is ok? you have to cook the rice ...", "is this correct? the
# manager made us ...": the check as a question of its own, the sentence after.
_ASKED_FIRST = re.compile(
    rf"(?:^|(?<=[.?!] )){_FILL}(?:(?:is|are) (?:this|that|the following|my) (?:sentence |phrase )?"
    rf"(?:{_GOOD}|good english|correct english)|(?:this|that|my) (?:sentence|phrase) (?:is|sounds) "
    rf"(?:{_GOOD}|good english|correct english)) \? (?P<x>[^?]+?)\s*[.!]?\s*$")


def find_lead_check(line: str) -> str | None:
    """The sentence after "can i say this..." or "this sentence is ok?",
    canonical, or None."""
    match = _LEAD_CHECK.search(line) or _ASKED_FIRST.search(line)
    if match is None:
        return None
    sentence = _clean(match["x"]).rstrip(" .")
    return sentence if len(sentence.split()) >= 3 else None


def _clean(text: str) -> str:
    for _ in range(3):
        text = _LEAD.sub("", text).strip(" ,")
        text = _TRAIL.sub("", text).strip(" ,")
        said = _TO_SAY.search(text)
        if said is not None and len(text[said.end():].split()) >= 2:
            text = text[said.end():].strip(" ,")
        text = _TOLD.sub("", text).strip(" ,")
    return text


_BE = {"is", "are", "was", "were", "am", "has", "have", "do", "does"}


def _names_a_word(word: str, sentence: str) -> bool:
    said = f" {sentence.replace(',', ' ')} "
    if word in _BE:  # "are is right? not is?": the verb of the sentence, whichever it is
        return any(f" {verb} " in said for verb in _BE)
    word = " ".join(w for w in word.split() if w not in ("the", "word", "it", "this", "that"))
    return bool(word) and all(f" {w} " in said for w in word.split())
