"""What the learner is doing with a line: the one classifier that both the
conversing tutor (replies) and spoken requests (app actions) route by.

This module is the shared contract. ``classify`` is the only entry point;
callers never re-classify with their own keyword lists.

How a line is read, in order:

1. **Unclear**: empty, Whisper's noise tags and artefacts, fillers only, or
   words no dictionary knows (:func:`app.tutor.recast.understood`).
2. **Goodbye**: a closing formula ("bye", "see you", "i have to go now",
   "thanks for the talk") standing free: not the object of a verb of saying
   ("i said bye to my friend"), not a leaving with a destination ("i have
   to go to the dentist tomorrow").
3. **Request**: whatever :func:`app.tutor.requests.recognise` recognises.
4. **Language question**: a question frame about English
   (:mod:`app.tutor.act_language`), with its subject and word form; what no
   frame reads, a word said again or spelled out and asked about in words
   about language (:mod:`app.tutor.act_echo`).
5. **Question to the tutor**: the interrogative form (wh-word or auxiliary
   with its subject, "any tips", "and you?"), the learner's own and not
   reported (:func:`app.tutor.act_text.own_question`); its kind from what it
   asks for.
6. Otherwise **news**, or an answer to the tutor's question.

It needs no model: about a tenth of a millisecond a line once lemminflect's
tables are loaded (``python -m app eval-acts`` prints the time).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.tutor import act_echo, act_language
from app.tutor.act_text import (
    AUX,
    PRONOUNS,
    SUBJECT_PRONOUNS,
    canonical,
    own_question,
    strip_openers,
    verb_lemma,
)
from app.tutor.act_types import (
    WORD_FORMS,
    Act,
    ActResult,
    LanguageKind,
    RequestCall,
    TutorKind,
)

__all__ = ["Act", "ActResult", "LanguageKind", "RequestCall", "TutorKind", "WORD_FORMS",
           "classify"]

_AUXES = set(AUX.strip("(?:)").split("|"))
_MODALS = {"can", "could", "should", "would", "will", "must", "shall", "may", "might"}
_WH = {"what", "how", "which", "where", "when", "why", "who", "whom", "whose"}
_WH_IS = {"what's", "where's", "how's", "who's", "when's", "why's"}
_DETERMINERS = {"the", "your", "my", "this", "that", "these", "those", "his", "her", "our",
                "their", "there", "a", "an", "any", "some"}
_NOT_SUBJECTS = {"very", "so", "too", "not", "really", "always", "never", "also", "just", "quite",
                 "more", "much", "going", "been", "being"}
# Answers and backchannels a learner may say twice ("no no", "yes yes").
_ANSWER_WORDS = {"yes", "no", "yeah", "ok", "okay", "bye", "thanks", "sure", "right", "hello",
                 "hi", "nope", "yep", "good", "fine", "great"}

_CLOSING = re.compile(
    r"(?<![\w'])(?:bye(?: bye)*|bye-bye|goodbye|good bye|see ya|see you(?: later| soon| tomorrow"
    r"| next (?:time|week|lesson|class)| then| around| on \w+| again)?|talk (?:to you )?(?:later"
    r"|soon|tomorrow|next time|next week|on (?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday))|speak to you (?:later|soon|tomorrow)|catch you later|(?:until|till)"
    r" (?:next time|tomorrow|next week)|speak soon|take care|good night"
    r"|farewell|have a (?:nice|good|great|lovely|wonderful|beautiful) (?:day|evening|night"
    r"|weekend|week|afternoon|one))(?![\w'])")
_NOT_FREE_BEFORE = {"to", "will", "can", "could", "would", "shall", "might", "may", "i", "we",
                    "they", "he", "she", "a", "the", "every", "one", "last", "this", "always",
                    "didn't", "don't", "never"}
_LEAVING = re.compile(
    r"(?:\bi(?: think i)?|^(?:(?:ok|okay|alright|right|well|so|sorry) (?:, )?)*(?=have|must|need|got))"
    r"(?: ?have to| must| ?need to| ?got to| ?gotta|'ve got to| have got to| should"
    r"|'m going to| am going to| will|'ll| want to|'d better| better) (?P<verb>go|leave|stop|finish|hang up"
    r"|run|end)(?P<after>(?: [^.?!]*)?)")
_COMPLEMENT = {"to", "into", "out", "shopping", "back", "with", "on", "at", "in", "there",
               "home", "and", "for", "by", "through", "over", "up", "down", "early", "late",
               "tomorrow", "next", "later", "tonight", "the", "a", "my", "after", "before",
               "when", "if", "swimming", "running", "working"}
# What "leave", "run" or "finish" may take as an object: then it is no goodbye.
_OBJECTS = {"work", "school", "home", "office", "class", "university", "uni", "college",
            "his", "her", "our", "their", "this", "that", "it", "marathon", "race", "job",
            "project", "book", "course", "house", "country", "company", "team"}
_SUBORDINATORS = {"when", "if", "after", "before", "until", "till", "once", "because", "since",
                  "while", "whether", "unless"}
_FINISHING = re.compile(
    r"(?:that's|that is) (?:all|enough|it) for (?:today|now|this time|me)|i(?:'m| am) off(?: now)?\s*[.!]?$"
    r"|\bi (?:go|leave|must go) now\s*[.!]?$"
    r"|i(?:'m| am) (?:done|finished)"
    r" for (?:today|now)|(?:let's|lets|we can|we could|can we|could we|i (?:want|would like) to) "
    r"(?:stop|finish|end)(?: here| now| for today| here for today)"
    r"|(?:let's|lets|we can|can we) (?:continue|talk|practi[cs]e|do this) (?:another day|"
    r"another time|tomorrow|next time|later)(?=\s*(?:[,.!?]|$))"
    r"|thank(?:s| you)(?: (?:so|very) much| a lot)? for (?:the|this|our|"
    r"today's|a|your) (?:nice |great |lovely |good |interesting )?(?:talk|conversation|chat|lesson"
    r"|class|practice|session|time|talking|chatting)|(?:it was|it's been|was) (?:very |really |so )?"
    r"(?:nice|good|great|a pleasure|lovely|fun) (?:talking|to talk|chatting|speaking|to speak)"
    r"|^nice (?:talking|to talk|chatting|speaking) (?:to|with) you")


def classify(text: str, context: Sequence[str] = (), model=None) -> ActResult:
    """The act of ``text``; ``context`` is the session's earlier lines, oldest
    first (the tutor's and the learner's), ``model`` an optional ChatModel the
    classifier may consult when its own evidence is unsure.

    ``context`` is read as the session's (learner, tutor) pairs flattened, as
    app/practice.py passes them: its last line is the tutor's, the one before
    the learner's ("was that correct?" asks about it). The rules are sure
    enough that ``model`` goes unused here; app.tutor.requests may consult it."""
    text = _text(text)
    if text is None:
        return ActResult(Act.UNCLEAR)
    line = _bounded(canonical(_strip_noise(text)))
    if _goodbye(line, context):
        return ActResult(Act.GOODBYE)
    found = act_language.find(line) or act_echo.find(line)  # the echo: the frames' backstop
    if found is None and not _understood(text):
        return ActResult(Act.UNCLEAR)  # a language question may name words no dictionary knows
    if found is None and _cut_off(text):
        return ActResult(Act.UNCLEAR)  # "so yesterday i", "it's... the... how do you"
    # A check on a sentence, a description, a word form asked ("begin with
    # ing, how do you write it?"): about language, not a request to the app.
    checked = found is not None and (
        found.checked or found.described or found.kind == LanguageKind.WORD_FORM
        # "what is the meaning, call it a day?": asked what it means, not to end
        or (found.kind == LanguageKind.MEANING and re.search(r"\bmean(?:s|ing)?\b", line)))
    call = None if checked else _request(text, context, model)  # "can i say drives careful?"
    if call is not None:
        return ActResult(Act.REQUEST, request=call)
    if found is not None:
        subject = found.subject
        if subject is None and found.kind == LanguageKind.IS_CORRECT:
            # "i want to say i work here since two years. is it correct?": the
            # sentence before, in the same turn; else the line before.
            subject = _sentence_before(text) or _learners_last(context)
        detail = found.detail
        if found.kind == LanguageKind.MEANING and detail is None and subject:
            detail = _used_as(subject, text)  # "a fancy restaurant, what is fancy?": the adjective
        return ActResult(Act.LANGUAGE, LanguageKind(found.kind).value, subject, detail,
                         alternative=found.alternative)
    question = _tutor_question(line)
    if question is not None:
        asked = act_echo.asks_about(text)
        if asked is not None:
            # No frame found what it asks about: asking again beats the
            # model's guess at a question about English. (Checking the
            # sentence before it instead called two wrong ones right on
            # test11: "Where I can buy stamps? It's a correct question?")
            return ActResult(Act.LANGUAGE, asked.value, None)
        return ActResult(Act.TUTOR, question or None)
    return ActResult(Act.NEWS)


_ASKS_MEANING = re.compile(r"\b(?:mean|means|meaning|what|explain|definition)\b", re.IGNORECASE)
_PARTS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adjective", "ADV": "adverb"}


def _used_as(word: str, text: str) -> str | None:
    """The part of speech ``word`` had where the learner used it before
    asking what it means, from spaCy's parse of that sentence; None when it
    was not used before the question, or is more than one word."""
    if " " in word.strip() or not word.strip():
        return None
    pattern = re.compile(rf"\b{re.escape(word.strip())}\b", re.IGNORECASE)
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if pattern.search(s)]
    used = next((s for s in sentences if "?" not in s and len(s.split()) >= 3
                 and not _ASKS_MEANING.search(s)), None)
    if used is None:
        return None
    from app.tutor.parser import parse  # lazy: loads spaCy

    for token in parse(used):
        if token.text.lower() == word.strip().lower():
            return _PARTS.get(token.pos_)
    return None


# Words a sentence does not end on: a short line ending on one was cut off
# ("so yesterday i", "mmm... so... the", "bu- but my": test6).
_UNFINISHED = {"the", "a", "an", "my", "your", "his", "her", "our", "their", "i", "we", "they",
               "he", "she", "to", "and", "but", "of", "in", "on", "at", "for", "with",
               "because", "if", "when", "how", "what", "is", "are", "was", "were", "this",
               "these", "those", "very", "some", "any", "from", "about", "into", "or", "than"}


_QUESTION_OPENERS = {"where", "what", "who", "whom", "which", "how", "when", "why", "do", "does",
                     "did", "are", "is", "was", "were", "can", "could", "would", "will", "have",
                     "has", "should", "shall", "may"}


def _cut_off(text: str) -> bool:
    """A short line that stops mid-sentence: on a word no sentence ends with,
    or on a cut word ("bu-"), with no question mark."""
    if "?" in text:
        return False
    said = re.findall(r"[a-z']+-?", _strip_noise(text).lower())
    if not said or len(said) > 6:
        return False
    if " ".join(said[-3:]) == "how do you":
        return True
    if said[0] in _QUESTION_OPENERS:
        return False  # "where are you from": a question may end on a preposition
    last = said[-1]
    return last.endswith("-") or last in _UNFINISHED


_MAX_WORDS = 40  # of a line's start and of its end: a turn's question is in one of them
_MAX_WORD = 40  # characters: no word is longer, and a longer one slows the frames down


def _bounded(line: str) -> str:
    """The line cut to a size the frames read in a millisecond or so: its first
    and last 40 words, and no word over 40 characters. A turn of speech is
    rarely longer; a pasted page would take the regular expressions seconds."""
    words = [w[:_MAX_WORD] for w in line.split()]
    if len(words) > 2 * _MAX_WORDS:
        words = words[:_MAX_WORDS] + ["."] + words[-_MAX_WORDS:]
    return " ".join(words)


_WANT_TO_SAY = re.compile(r"^(?:(?:so|um|uh|ok|okay|well),? )*(?:i (?:want to|wanna|would like to|"
                          r"wanted to|will|tried to) (?:say|write)|i said|i wrote|i say|"
                          r"can i say|my sentence is|the sentence is),? ", re.IGNORECASE)


def _sentence_before(text: str) -> str | None:
    """The sentence said before the last one in ``text``, without "I want to
    say", when the last one asks about it ("... is it correct?")."""
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    sentence = _WANT_TO_SAY.sub("", parts[-2].rstrip(".!? ")).strip(" ,:")
    return sentence if len(sentence.split()) >= 2 else None


def _learners_last(context: Sequence[str]) -> str | None:
    """The learner's line before this one. ``context`` holds the session's
    lines as (learner, tutor) pairs, oldest first, so it is the second to
    last; None when there is none, or it is no sentence to check."""
    if len(context) < 2 or not isinstance(context[-2], str):
        return None
    line = _text(context[-2])
    if line is None or not _understood(line):
        return None
    line = " ".join(_strip_noise(line).split()).strip()
    return line if len(line.split()) >= 2 else None


def _request(text: str, context: Sequence[str], model) -> RequestCall | None:
    from app.tutor.requests import recognise  # lazy: requests imports acts' types

    return recognise(text, context, model)


def _text(text) -> str | None:
    """The line as a clean str, or None when there is none (not text, odd bytes only)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if not isinstance(text, str):
        return None
    text = text.encode("utf-8", "replace").decode("utf-8", "replace")
    text = "".join(ch if ch.isprintable() else " " for ch in text).replace("\ufffd", " ")
    return text if text.strip() else None


def _strip_noise(text: str) -> str:
    """The line without Whisper's noise tags, fillers and stutters ("you know"
    stays: "do you know a good book" is a question)."""
    from app.tutor.recast import _BRACKETED, _FILLERS, _REPEATS  # lazy: see _understood

    text = _FILLERS.sub("", _BRACKETED.sub(" ", text))
    return _REPEATS.sub(r"\1", text)


def _understood(text: str) -> bool:
    from app.tutor.recast import _BRACKETED, _FILLERS, understood  # lazy: see _strip_noise

    said = _FILLERS.sub("", _BRACKETED.sub(" ", text))
    # "that's right": a contraction is as known as its word
    said = re.sub(r"n't\b", " not", re.sub(r"'(?:s|re|m|ll|ve|d)\b", " ", said.lower()))
    words = re.sub(r"[^a-z' ]", " ", said).split()
    if words and set(words) <= _ANSWER_WORDS:
        return True  # "no no", "bye bye": said twice, still said
    return understood(said)


def _goodbye(line: str, context: Sequence[str]) -> bool:
    for match in _CLOSING.finditer(line):
        before = line[:match.start()].split()
        after = line[match.end():].split()
        prev = before[-1] if before else ""
        if prev in _NOT_FREE_BEFORE or prev.endswith("'ll"):
            continue
        if any(verb_lemma(w) in ("say", "tell", "wish", "wave", "write", "text")
               for w in before[-2:]):
            continue  # "i said bye", "i told him goodbye"
        if after and after[0] in ("to", "from", "in", "is", "was", "means") and \
                match.group(0) not in ("see you", "talk to you"):
            continue  # "bye to my friend", "goodbye to patients"
        return True
    for match in _LEAVING.finditer(line):
        clause = re.split(r"[,;]", line[:match.start()])[-1].split()
        if clause and clause[-1] in _SUBORDINATORS:
            continue  # "when i will finish, i will call you": a time, not leaving
        after = match.group("after").split()
        # "leave the office" has an object; "go, my boss is calling" a new clause
        verb = match.group("verb")
        objects = _COMPLEMENT - ({"the", "a", "my"} if verb == "go" else set())
        if verb in ("leave", "run", "finish", "stop", "end"):  # "leave work early", "run
            objects = objects | _OBJECTS  # the marathon in Berlin" (test13): not leaving
        if not after or after[0] not in objects or "now" in after[:4] and not (
                {"tomorrow", "later", "tonight", "next"} & set(after)):
            return True
    if _FINISHING.search(line):
        return True
    words = line.strip(" .!?").split()
    if context and len(words) <= 5 and re.fullmatch(
            r"(?:(?:thanks|thank you|ok|okay|and) )*(?:you too|same to you|thanks|thank you)",
            " ".join(words)):
        last = context[-1] if isinstance(context[-1], str) else ""
        return bool(_CLOSING.search(canonical(last)))
    return False


def _tutor_question(line: str) -> str | None:
    """The kind of the learner's question to the tutor ("" when it asks for
    none of the kinds: "where is the station"), or None when the line asks
    the tutor nothing."""
    words = line.split()
    starts = [i for i in range(len(words)) if _question_starts(words, i)]
    if re.search(r"(?:^|[\s,])(?:and|what about|how about) (?:you|yourself|u)\s*[?.!]?$", line) \
            or re.search(r"\btell me (?:something |a bit |more )?about (?:you|yourself)\b", line):
        starts.append(max(0, len(words) - 2))
    if not starts and re.search(r"\byou (?:can |could |would )?(?:recommend|suggest)\s*[?.!]?$",
                                line):
        starts.append(0)  # "any good books you can recommend"
    if re.match(r"^(?:(?:ok|so|and|please|well) )*(?:any|some) (?:tips|advice|ideas|suggestions|"
                r"recommendations)\b", line):
        starts.append(0)
    if line.endswith("?") and not starts:
        sentence = line[:-1]
        cut = max(sentence.rfind(mark) for mark in ".!?")
        first = len(line[:cut + 1].split()) if cut >= 0 else 0
        if not any((w in _WH or w in _AUXES) and not own_question(" ".join(words[first:i]), "wh")
                   for i, w in enumerate(words[first:], first)):
            starts.append(first)  # "you live in london?"; not "she asked me, what does it mean?"
    if not starts:
        return None
    start = max(starts)
    question = " ".join(words[start:])
    question = re.split(r" [.?!]", question + " ")[0]
    return _tutor_kind(question, line)


def _question_starts(words: list[str], i: int) -> bool:
    word = words[i]
    sentence = []
    for before in reversed(words[:i]):
        if before in (".", "?", "!"):
            break
        sentence.insert(0, before)
    prefix = " ".join(sentence)
    at_start = not strip_openers(prefix)
    nxt = words[i + 1] if i + 1 < len(words) else ""
    nxt2 = words[i + 2] if i + 2 < len(words) else ""
    if word in _WH or word in _WH_IS:
        if word in _WH_IS:
            inverted = True
        elif nxt in _AUXES:
            inverted = at_start or nxt2 in SUBJECT_PRONOUNS or nxt2 in _DETERMINERS
        elif nxt == "about" and word in ("what", "how"):
            inverted = nxt2 in ("you", "yourself", "u")  # not "what about my sister, she ..."
        elif nxt in ("i", "we") and nxt2 in _MODALS and word in ("how", "what", "where", "which"):
            inverted = True  # "how i can remember ...": the learner's question, unturned
        elif at_start and word in ("which", "what") and nxt2 in ("is", "are", "was", "were"):
            inverted = True  # "which app is good for ...", "what time is it"
        elif at_start and word in ("which", "what", "how") and nxt:
            rest = words[i + 2:i + 7]
            inverted = any(w in _AUXES and j + 1 < len(rest) and rest[j + 1] in SUBJECT_PRONOUNS
                           for j, w in enumerate(rest))  # "which museum do you recommend"
        else:
            inverted = False
        return inverted and (at_start or nxt2 in SUBJECT_PRONOUNS or word in _WH_IS
                             or nxt == "about") and own_question(prefix, "wh")
    if word in _AUXES and at_start and nxt:
        # "do you know what happened", "can i tell you something": a story's opening
        return _inverted(word, words[i + 1:]) and not _RHETORICAL.match(" ".join(words[i:]))
    return False


_RHETORICAL = re.compile(r"(?:do|did) you know what (?:happened|i did|i saw|i found)|(?:can|could|may) "
                         r"i tell you (?:something|a story|what)")
_DO_MODALS = _MODALS | {"do", "does", "did"}
_POSSESSIVES = {"the", "your", "my", "this", "that", "these", "those", "his", "her", "our", "their"}


def _inverted(aux: str, after: list[str]) -> bool:
    """Is "<aux> <after>" a yes/no question: the auxiliary before its subject
    ("do you like", "is your sister a doctor", "did the bus come")? Learners
    also drop the subject of a statement ("was a good day", "did my homework
    yesterday"): there the word after the auxiliary is no subject, or no verb
    follows a do/modal's subject."""
    nxt = after[0]
    if nxt in SUBJECT_PRONOUNS or nxt == "there":
        return True
    if nxt in _POSSESSIVES:
        if aux not in _DO_MODALS:
            return True
        return any(verb_lemma(w) == w for w in after[2:5] if w not in _POSSESSIVES)
    if nxt in _NOT_SUBJECTS or nxt in PRONOUNS or nxt in {"a", "an", "any", "some", "many",
                                                         "much", "lots", "no", "all"}:
        return False
    from lemminflect import getAllLemmas  # lazy: loads lemminflect's tables

    return not getAllLemmas(nxt)  # a name: "is english difficult", "does maria work"


_RECOMMEND = re.compile(
    r"\brecommend\w*\b|\bsuggest\w*\b(?!\s*$)|^(?:which|what) \w+ (?:is|are) (?:good|best|better"
    r"|nice)\b|\b(?:what|which|where)\b(?: \w+){0,2} (?:should|can|could|"
    r"would|shall|do|must) (?:i|we) (?:see|visit|watch|read|eat|go|try|buy|listen|stay|drink|cook|"
    r"order|play|get|stream)\b|\bdo you know (?:a|an|any|some) (?:good|nice|great|cheap|fun|"
    r"interesting)\b|^what(?:'s| is| are) (?:a |some )?(?:good|nice) \w+")
_OPINION = re.compile(
    r"\b(?:think|thoughts|opinion|favou?rite|prefer|feel about|believe)\b|\bwhich (?:one )?(?:is|are|do "
    r"you) (?:better|more|less|best|nicer|prettier|worse)\b|\b(?:better|nicer|best),? \w+ or \w+")
_ADVICE = re.compile(
    r"\b(?:should i|shall i|should we|must i|what can i do|what (?:do|would) you (?:do|suggest)|"
    r"how (?:can|do|should|could|to) (?:i|we)?|how i can|how can|how to|tips?|advice|ideas|help me"
    r"|(?:best|right|easiest|fastest|good) way"
    r"|is it a good idea|is it better)\b")
_LIKING = re.compile(r"\b(?:do|did) you (?:like|love|enjoy|hate)\b|\byou like\b")


def _tutor_kind(question: str, line: str) -> str:
    if _RECOMMEND.search(question):
        return TutorKind.RECOMMENDATION.value
    if _OPINION.search(question):
        return TutorKind.OPINION.value
    if _ADVICE.search(question):
        return TutorKind.ADVICE.value
    if _LIKING.search(question):
        return TutorKind.OPINION.value
    if re.search(r"\b(?:you|your|yours|yourself|u)\b", question):
        return TutorKind.ABOUT_TUTOR.value
    return ""
