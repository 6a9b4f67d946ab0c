"""The fast path of spoken requests: how the sentence is built decides.

A line is a request only when one of its clauses is addressed to the tutor
as a request: an imperative ("say that again"), a question about what the
tutor can do ("could you speak more slowly"), a proposal ("let's stop
here"), a wish about the tutor ("I want you to speak faster"), a complaint
about the tutor ("you speak too much fast"), a verbless fragment ("again
please?", "slower please"), or a question about the learner's own last line
("what did I say wrong?"). Statements about others or the past ("my
grandfather speaks very slowly", "we changed the topic of the meeting") have
a subject and a tense that no frame takes, so they are never looked at.

Within a frame the head verb and its words pick the function. A frame whose
words name no function is a ``Maybe``: only then may the chat model be
asked (app.tutor.requests), so an ordinary turn never waits on it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from app.tutor.request_args import correction_body as _correction_body
from app.tutor.request_args import corrections as _corrections
from app.tutor.request_args import fact as _fact
from app.tutor.request_args import forget_what as _forget_what
from app.tutor.request_args import own_line as _own_line
from app.tutor.request_args import scenario as _scenario
from app.tutor.request_args import spell_word as _spell_word
from app.tutor.request_args import spelling_question as _spelling_question
from app.tutor.request_args import topic as _topic
from app.tutor.request_types import TOPIC_NOUNS as _TOPIC_NOUNS
from app.tutor.request_types import Found, Maybe, Token

# Words a learner opens or closes a request with, that carry nothing.
_FILLERS = {"um", "uh", "erm", "hmm", "ok", "okay", "so", "hey", "well", "oh", "please",
            "teacher", "sorry", "just", "and", "but", "now", "thanks", "maybe", "ah", "yes",
            "actually"}
_SLOW = {"slow", "slowly", "slower", "slowlier"}
_FAST = {"fast", "faster", "quick", "quickly", "quicker", "rapid", "rapidly"}
_NORMAL = {"normal", "normally", "usual", "regular"}
_SPEAK = {"speak", "talk", "say", "go", "read", "be"}
_DEGREE = {"too", "so", "very", "really", "much", "a", "bit", "little", "more", "quite",
           "extremely", "super", "the", "way", "not"}
_REPEAT_MARKS = {"again", "repeat"}
_END_VERBS = {"stop", "finish", "end", "quit"}
_END_OBJECTS = {"session", "lesson", "practice", "conversation", "class", "talk", "today",
                "here", "now", "it", "for", "this", "the", "practise"}
_PAUSE_NOUNS = {"second", "moment", "minute", "sec", "time", "while"}
_LEARNER_SELF = {"i", "me", "my"}
_PAUSE_WORDS = _PAUSE_NOUNS | {"on", "a", "one", "just", "little", "bit", "please", "me", "some",
                               "to", "think", "for", "wait", "let", "more", "up", "minutes",
                               "seconds", "moments", "few", "couple", "of", "the"}


def tokens(text: str) -> list[Token]:
    from app.tutor.parser import parse  # lazy: loads spaCy

    return [Token(t.text, t.lower_, t.lemma_.lower(), t.tag_, t.idx, t.idx + len(t.text), t.dep_)
            for t in parse(text)]


def clauses(toks: list[Token]) -> list[list[Token]]:
    """The line cut at its punctuation; each clause without leading and
    trailing fillers."""
    out, current = [], []
    for t in toks:
        if t.tag in (".", ",", ":", "``", "''", "-LRB-", "-RRB-", "NFP", "HYPH") or t.text in "…":
            out.append(current)
            current = []
        else:
            current.append(t)
    out.append(current)
    return [c for c in (_trim(c) for c in out) if c]


def _trim(clause: list[Token]) -> list[Token]:
    words = [t.lower for t in clause]
    start, end = 0, len(clause)
    while start < end and (words[start] in _FILLERS or words[start:start + 2] == ["excuse", "me"]):
        start += 2 if words[start:start + 2] == ["excuse", "me"] else 1
    while end > start and (words[end - 1] in _FILLERS or words[end - 2:end] in (
            ["thank", "you"], ["for", "me"])):
        end -= 2 if words[end - 2:end] in (["thank", "you"], ["for", "me"]) else 1
    return clause[start:end]


def match(text: str) -> Found | Maybe | None:
    """The request in ``text`` as far as its structure tells, or None."""
    if not re.search(r"[A-Za-z]", text or ""):
        return None
    if _ASKS_AGAIN.match(text):
        return Found("repeat")
    if not might_ask(text):
        return None  # none of the words a request is made of: not worth a parse  # "sorry?", "pardon?", "excuse me?"
        return Found("repeat")
    # Quoted words are reported speech ('I said "speak slowly" to them'), never a request.
    text = _QUOTED.sub(lambda m: "x" * len(m.group()), text)
    toks = tokens(text)
    parts = clauses(toks)
    maybe = None
    for index, clause in enumerate(parts):
        rest = parts[index + 1:]
        found = _clause(clause, text, index == len(parts) - 1, rest)
        if isinstance(found, Found):
            if found.name == "repeat" and any(t.lower in _SLOW for c in rest for t in c):
                found.arguments["slowly"] = True  # "repeat please, but slowly"
            if found.name in ("pause", "end_session") and not _only_asides(rest):
                return None  # "stop! I shouted at the dog": the line goes on about something
            return found
        maybe = maybe or found
    return maybe


# Every rule below needs one of these words (or a scenario's name): a line
# without any is no request the rules could find, and is not parsed. This
# is not the classifier (the structure decides); it keeps the parse, and any
# model call, off most ordinary turns.
_CUE_STEMS = (r"speak|talk|slow|fast|quick|speed|pace|normal|repeat|spell|topic|discuss|practi[cs]|"
              r"correct|mistake|explain|remember|forget|wait|pause|think|stop|finish|scenario|"
              r"situation|error|pardon|session|lesson")
_CUE_WORDS = (r"usual|again|say|said|sorry|write|subject|theme|chat|else|different|wrong|"
              r"better|natural|fix|mind|moment|minute|second|sec|hold|hang|time|end|enough|"
              r"day|quit|once|more|change|new|another|instead")


def might_ask(text: str) -> bool:
    """Whether ``text`` has a word some request is made of (cheap: no parse)."""
    from app.tutor.request_scenarios import name_words

    return bool(_cue_pattern(name_words()).search(text))


@lru_cache(maxsize=4)
def _cue_pattern(names: frozenset[str]):
    words = "|".join(sorted(re.escape(n) for n in names))
    return re.compile(rf"\b(({_CUE_STEMS})\w*|({_CUE_WORDS}|{words})s?\b)", re.IGNORECASE)


_ASKS_AGAIN = re.compile(r"^\W*((um|uh|sorry|excuse me|pardon)[\s,]*)*(sorry|pardon|excuse me|"
                         r"pardon me|what)\s*\?+\W*$", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]+"|“[^”]+”')


def _only_asides(rest: list[list[Token]]) -> bool:
    """What may follow a pause or an ending: more of the same ("wait, wait,
    I need to think"), thanks, "for today"; not news of its own."""
    for clause in rest:
        w = [t.lower for t in clause]
        if len(w) <= 2 or (("think" in w or "thinking" in w) and len(w) <= 5) or w[:1] in (
                ["wait"], ["thank"], ["bye"], ["goodbye"], ["see"]):
            continue
        return False
    return True


# -- frames ------------------------------------------------------------------------

def _clause(c: list[Token], text: str, last: bool, rest) -> Found | Maybe | None:
    w = [t.lower for t in c]
    # Questions about the learner's own last line, the tutor's words or a spelling.
    found = _own_line(c, w, text) or _spelling_question(c, w, text)
    if found:
        return found
    if w[:3] == ["what", "did", "you"] and "say" in w[3:5] and len(w) <= 5:
        return Found("repeat", _slowly(w))
    # "let's ...", "let us ..."
    if w[:2] in (["let", "'s"], ["let", "us"]) or w[:1] in (["lets"], ["let's"]):
        skip = 1 if w[0] in ("lets", "let's") else 2
        return _body(c[skip:], text, "proposal", last, rest)
    if w[:2] == ["let", "me"] and "think" in w[2:4]:
        return Found("pause") if last and not rest else None
    # "can you ...", "could you please ...", "would you mind ...", "can we ..."
    if len(w) > 2 and w[0] in ("can", "could", "would", "will", "shall") and w[1] in ("you", "we", "u"):
        body = c[2:]
        bw = [t.lower for t in body]
        if bw[:1] == ["please"]:
            body, bw = body[1:], bw[1:]
        if bw[:1] == ["mind"]:
            body = body[1:]
        return _body(body, text, "question-" + w[1], last, rest)
    # "I want you to ...", "I need you to ...", "I would like you to ..."
    head = _wish(w)
    if head is not None:
        skip, whom = head
        if whom == "you":
            return _body(c[skip:], text, "wish-you", last, rest)
        return _wish_self(c[skip:], text, last, rest)
    # "we can stop here"
    if w[:2] == ["we", "can"]:
        return _body(c[2:], text, "proposal", last, rest)
    # "you speak too fast", "you're too slow", "you correct me too much"
    if w[:1] == ["you"] or w[:1] == ["u"]:
        return _about_tutor(c[1:], w[1:])
    if w[:2] in (["it", "'s"], ["it", "is"]) or w[:1] == ["its"]:
        # "it's too fast" is about the tutor; "now it is fast again" is not.
        skip = 1 if w[0] == "its" else 2
        if any(x in ("too", "so", "very", "really") for x in w[skip:skip + 2]):
            return _speed_only(w[skip:], complaint=True)
        return None
    # "don't correct me", "don't forget that ...", "don't remember what I said about ..."
    if w[:2] in (["do", "n't"], ["do", "not"], ["dont"]):
        skip = 1 if w[0] == "dont" else 2
        return _negative_imperative(c[skip:], text)
    found = _statement(c, w, text, last, rest)
    if found:
        return found
    if _imperative(c):
        return _body(c, text, "imperative", last, rest)
    if not any(t.tag.startswith("VB") or t.tag == "MD" for t in c) or _fragment_verb(c):
        return _fragment(c, w, text)
    return None


def _imperative(c: list[Token]) -> bool:
    """A clause that opens with a verb in its base form and has no subject."""
    first = c[0]
    if first.lower == "only" and c[1:] and c[1].lemma == "correct":
        return True
    if first.dep in ("nsubj", "nsubjpass", "compound", "amod", "det", "poss", "aux"):
        return False  # "repeat customers are important": a noun phrase, not an order
    if first.lemma in ("hold", "hang", "give", "slow", "speed", "spell", "repeat", "say",
                       "remember", "forget", "wait", "stop", "finish", "end", "change",
                       "correct", "explain", "speak", "talk", "go", "reset", "turn", "keep",
                       "choose", "fix", "make", "tell", "practise", "practice", "discuss",
                       "use", "do", "let", "pause"):
        return first.tag in ("VB", "VBP", "NN", "NNP", "UH", "JJ", "RB", "VBN") or first.tag == ""
    return first.tag == "VB"


def _fragment_verb(c: list[Token]) -> bool:
    """A verbless fragment that spaCy tagged with a verb: "slower please"."""
    return len(c) <= 3 and c[0].lower in _SLOW | _FAST | {"again", "pardon", "more"}


def _wish(w: list[str]) -> tuple[int, str] | None:
    """"I want you to" -> (4, "you"); "I'd like to" -> (4, "self")."""
    for lead in (["i", "want"], ["i", "need"], ["i", "'d", "like"], ["i", "would", "like"],
                 ["i", "wanna"], ["i", "'d", "love"], ["i", "'d", "rather"],
                 ["i", "would", "rather"], ["i", "'d", "prefer"], ["i", "would", "prefer"]):
        n = len(lead)
        if w[:n] == lead:
            if w[n:n + 2] == ["you", "to"]:
                return n + 2, "you"
            if w[n:n + 1] == ["to"]:
                return n + 1, "self"
            return n, "self"
    return None


def _wish_self(c: list[Token], text: str, last: bool, rest) -> Found | Maybe | None:
    """"I want to change the subject", "I'd like to practise a job interview",
    "I want more corrections": only what the learner wants of the session."""
    w = [t.lower for t in c]
    if not w:
        return None
    if w[0] in ("to",):
        c, w = c[1:], w[1:]
    if not w:
        return None
    if w[0] in ("change",) and _mentions(w, _TOPIC_NOUNS):
        return Found("change_topic")
    if w[0] in ("talk", "speak") and w[1:2] == ["about"]:
        return _topic(c[2:], text)
    if w[0] in ("practise", "practice", "do", "try", "have"):
        return _scenario(c[1:], text)
    if w[0] in _END_VERBS and (len(w) == 1 or set(w[1:]) <= _END_OBJECTS):
        return Found("end_session")
    if w[:2] in (["more", "corrections"], ["more", "correction"]):
        return Found("corrections", {"mode": "more"})
    if w[:1] == ["explanations"] or w[:2] == ["an", "explanation"]:
        return Found("corrections", {"mode": "explain"})
    return None


def _statement(c, w, text, last, rest) -> Found | None:
    """Statements a learner asks with: "I don't want corrections now",
    "that's enough for today", "I'm thinking", "I didn't catch that"."""
    if w[:4] in (["i", "do", "n't", "want"], ["i", "do", "not", "want"]) and any(
            x.startswith("correction") for x in w[4:6]):
        return Found("corrections", {"mode": "off"})
    if w[:4] in (["i", "do", "n't", "want"], ["i", "do", "not", "want"]) and w[4:6] == [
            "to", "talk"] and w[6:7] == ["about"] and w[7:8] in (["this"], ["that"], ["it"]):
        return Found("change_topic")
    if w[:4] in (["i", "do", "n't", "understand"],) and any(x.startswith("correction") for x in w):
        return Found("explain_last_correction")
    if w[:2] in (["i", "think"], ["i", "guess"]) and len(w) > 2:
        c, w = c[2:], w[2:]  # "I think that's enough for today"
    if w[:2] in (["that", "'s"], ["that", "is"]) and "enough" in w and "today" in w:
        return Found("end_session")
    if w[:3] in (["i", "'m", "thinking"], ["i", "am", "thinking"]) and len(w) == 3:
        return Found("pause")
    if w[:3] in (["i", "'m", "bored"], ["i", "am", "bored"]) and _mentions(w, _TOPIC_NOUNS):
        return Found("change_topic")
    if w[:3] in (["i", "have", "to"], ["i", "need", "to"]) and w[3:4] == ["go"] and rest:
        return None  # "I have to go now, let's stop": the next clause asks
    if w[:2] in (["keep", "in"],) or w[:4] == ["please", "keep", "in", "mind"]:
        at = w.index("mind") + 1 if "mind" in w else len(w)
        return _fact(c[at:], text)
    return None


def _negative_imperative(c: list[Token], text: str) -> Found | None:
    w = [t.lower for t in c]
    if not w:
        return None
    if w[0] == "correct":
        if len(w) > 1 and any(x in ("every", "small", "little", "all") for x in w[1:4]):
            return Found("corrections", {"mode": "less"})
        return Found("corrections", {"mode": "off"})
    if w[0] == "forget":
        return _fact(c[1:], text)
    if w[0] == "remember" and ("about" in w or "said" in w):
        return _forget_what(c[1:], text)
    if w[0] in _SPEAK and _speed(w[1:]) == "fast":
        return Found("speak_slower")
    return None


def _about_tutor(c: list[Token], w: list[str]) -> Found | None:
    """What the learner says about the tutor's way of talking or correcting."""
    if not w:
        return None
    if w[0] in ("can", "could") and w[1:2] and w[1] in ("correct",):
        return _corrections(w[1:])
    if w[0] in ("can", "could"):
        w = w[1:]
        found = _speed_only(w[1:] if w and w[0] in _SPEAK else w, complaint=False)
        return found
    if w[0] in ("correct", "corrected"):
        return _corrections(w)
    if w[0] in ("'re", "are", "r", "is"):
        w = w[1:]
        if w and w[0] in ("speaking", "talking", "going"):
            w = w[1:]
        return _speed_only(w, complaint=True)
    if w[0] in ("speak", "talk", "go", "say", "speaking", "talking", "going"):
        return _speed_only(w[1:], complaint=True)
    return None


def _speed_only(w: list[str], complaint: bool) -> Found | None:
    """"too fast", "too much fast", "very slow", "faster": the tutor's pace.
    A complaint ("too fast") asks for the other way; a wish ("faster") for itself."""
    w = [x for x in w if x not in ("for", "me", "please", "now", "again")]
    if not w or any(x not in _DEGREE | _SLOW | _FAST | _NORMAL | {"bit", "like", "speed"}
                    for x in w):
        return None
    speed = _speed(w)
    if speed is None:
        return None
    told_off = complaint and any(x in ("too", "so", "very", "really", "much") for x in w)
    if "not" in w:  # "not so fast": the other way
        return Found("speak_slower" if speed == "fast" else "speak_faster")
    if speed == "normal":
        return Found("speak_normal")
    if told_off:
        return Found("speak_slower" if speed == "fast" else "speak_faster")
    return Found("speak_slower" if speed == "slow" else "speak_faster")


def _speed(w: list[str]) -> str | None:
    if any(x in _NORMAL for x in w):
        return "normal"
    if any(x in _SLOW for x in w):
        return "slow"
    if any(x in _FAST for x in w):
        return "fast"
    return None


def _slowly(w: list[str]) -> dict:
    return {"slowly": True} if any(x in _SLOW for x in w) else {}


def _mentions(w: list[str], words: set[str]) -> bool:
    return any(x in words or x.rstrip("s") in words for x in w)


# -- the verb phrase of a request ---------------------------------------------------

def _body(c: list[Token], text: str, frame: str, last: bool, rest) -> Found | Maybe | None:
    """The request's verb phrase: "speak more slowly", "say that again",
    "talk about football", "stop here"."""
    w = [t.lower for t in c]
    if not w:
        return None
    while w[0] in ("please", "just", "maybe", "only"):
        if w[0] == "only" and c[1:] and c[1].lemma == "correct":
            return Found("corrections", {"mode": "less"})
        c, w = c[1:], w[1:]
        if not w:
            return None
    negated = w[0] in ("not", "n't")
    if negated:
        c, w = c[1:], w[1:]
        if not w:
            return None
    verb, lemma = w[0], c[0].lemma
    rest_w = w[1:]
    if lemma in ("speak", "talk", "go", "say", "read") and _speed(rest_w) and not (
            lemma == "say" and _REPEAT_MARKS & set(rest_w)):
        speed = _speed(rest_w)
        if speed == "normal":
            return Found("speak_normal")
        if negated:  # "can you not speak so fast"
            return Found("speak_slower" if speed == "fast" else "speak_faster")
        return Found("speak_slower" if speed == "slow" else "speak_faster")
    if verb in ("slow", "speed") and rest_w[:1] == ["down" if verb == "slow" else "up"]:
        return Found("speak_slower" if verb == "slow" else "speak_faster")
    if verb == "go" and rest_w[:1] == ["back"] and _speed(rest_w) == "normal":
        return Found("speak_normal")
    if verb in ("reset", "use") and "speed" in rest_w:
        return Found("speak_normal")
    if lemma == "repeat" or (lemma == "say" and (set(rest_w) & {"again"} or _once_more(rest_w))):
        return Found("repeat", _slowly(rest_w))
    if lemma == "spell" or (lemma == "write" and frame == "how"):
        return _spell_word(c[1:], text)
    if lemma in ("talk", "speak", "discuss", "chat") and (rest_w[:1] == ["about"] or lemma == "discuss"):
        return _topic(c[2:] if rest_w[:1] == ["about"] else c[1:], text)
    if lemma == "change" and rest_w[:1] == ["to"]:
        return _topic(c[2:], text)
    if lemma in ("change", "choose", "give", "pick", "find", "try", "start", "begin") and (
            _mentions(rest_w, _TOPIC_NOUNS) or (lemma == "change" and not rest_w)):
        if lemma == "change" and rest_w[:1] == ["to"]:
            return _topic(c[2:], text)
        # "let's start a new topic, maybe about travel" (test6)
        topic_to = _after(c, "to") if lemma == "change" else _after(c, "about")
        return _topic(topic_to, text) if topic_to else Found("change_topic")
    if lemma in ("practise", "practice", "do", "have", "plan", "try", "start", "play"):
        found = _scenario(c if lemma in ("plan",) else c[1:], text)
        if found or lemma in ("practise", "practice"):
            return found
    if lemma == "go" and rest_w[:1] == ["back"] and "free" in rest_w:
        return Found("start_scenario", {"scenario": "free-talk"})
    if lemma in ("correct", "explain", "fix", "make", "tell", "turn", "stop", "give") and (
            found := _correction_body(c, w, text)):
        return found
    if lemma == "remember":
        if "what" in rest_w[:1]:
            return None
        return _fact(c[1:], text)
    if lemma == "forget":
        return _forget_what(c[1:], text)
    if lemma in ("wait", "hold", "hang", "pause") or (
            lemma == "give" and _mentions(rest_w, _PAUSE_NOUNS)):
        # Only the pause itself: "hold on what means bittersweet" goes on to ask.
        return Found("pause") if set(rest_w) <= _PAUSE_WORDS else None
    if lemma in _END_VERBS or (lemma == "call" and rest_w[:2] == ["it", "a"]):
        if lemma == "stop" and rest_w[:1] and rest_w[0].startswith("correct"):
            return Found("corrections", {"mode": "off"})
        if len(rest_w) == 0 or set(rest_w) <= _END_OBJECTS | {"day", "a", "the"}:
            return Found("end_session")
        return None
    if frame == "imperative":
        return None  # an instruction the rules do not know: not addressed to the app
    return Maybe(frame, " ".join(t.text for t in c))


def _once_more(w: list[str]) -> bool:
    return " ".join(w).find("one more time") >= 0 or "once" in w


def _after(c: list[Token], word: str) -> list[Token] | None:
    for i, t in enumerate(c):
        if t.lower == word:
            return c[i + 1:]
    return None


def _fragment(c: list[Token], w: list[str], text: str) -> Found | None:
    """Verbless requests: "again please?", "slower please", "new topic please"."""
    if len(w) > 6:
        return None
    if w in (["pardon"], ["sorry"], ["what"], ["again"], ["come", "again"]) or (
            w[:1] == ["again"] and len(w) <= 3) or _once_more(w) and len(w) <= 5:
        return Found("repeat", _slowly(w))
    if set(w) <= _DEGREE | _SLOW | _FAST | _NORMAL | {"speed", "please", "back", "to", "bit"}:
        found = _speed_only([x for x in w if x not in ("speed", "back", "to")], complaint=True)
        if found:
            return found
    if _mentions(w, _TOPIC_NOUNS) and set(w) & {"new", "another", "different", "other"}:
        return Found("change_topic")
    if any(x.startswith("correction") for x in w):
        mode = _corrections(w)
        return mode
    if w[:1] in (["one"], ["just"], ["a"]) and _mentions(w, _PAUSE_NOUNS) and len(w) <= 3:
        return Found("pause")
    if w in (["finish"], ["stop"], ["the", "end"]):
        return Found("end_session")
    return None
