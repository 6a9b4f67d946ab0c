"""The words of a spoken request that are not its verb: the learner's own
last line asked about, the word to spell, the topic, the fact to remember
or forget, the scenario. Part of the fast path (app/tutor/request_rules.py).
"""

from __future__ import annotations

import re

from app.tutor.request_types import ELSE, Found, Token

# -- corrections -----------------------------------------------------------------------

def correction_body(c, w, text) -> Found | None:
    """"correct all my mistakes", "correct me less", "explain my mistakes",
    "stop correcting me", "turn off the corrections", "fix my sentence"."""
    lemma = c[0].lemma
    rest = w[1:]
    if lemma in ("fix", "make") and any(x in ("sentence", "sentences") for x in rest):
        return Found("say_it_better")
    if lemma == "turn" and any(x.startswith("correction") for x in rest):
        return Found("corrections", {"mode": "off" if "off" in rest else "more"})
    if lemma == "stop" and any(x.startswith("correct") for x in rest):
        return Found("corrections", {"mode": "off"})
    if lemma == "tell" and "mistakes" in rest and "all" in rest:
        return Found("corrections", {"mode": "more"})
    if lemma == "correct":
        return corrections(w)
    if lemma == "explain":
        if "why" in rest or "rule" in rest or any(x in ("mistakes", "corrections", "errors")
                                                  for x in rest):
            return Found("corrections", {"mode": "explain"})
        if any(x in ("mistake", "correction", "error", "that") for x in rest):
            return Found("explain_last_correction")
    if lemma == "give" and "better" in rest and "sentence" in rest:
        return Found("say_it_better")
    return None


def corrections(w: list[str]) -> Found | None:
    """The correction mode a line about corrections asks for."""
    joined = " ".join(w)
    if re.search(r"\b(no|stop|off|don't|do n't|not)\b.*correct", joined) and not re.search(
            r"\b(so much|too much|every (small|little)|so often)\b", joined):
        return Found("corrections", {"mode": "off"})
    if re.search(r"\b(less|fewer|too much|so much|only|every small|every little|not so)\b", joined):
        return Found("corrections", {"mode": "less"})
    if re.search(r"\b(more|all|every|each|often|when i make)\b", joined) or joined in (
            "correct me", "correct my mistakes"):
        return Found("corrections", {"mode": "more"})
    if "explain" in joined:
        return Found("corrections", {"mode": "explain"})
    return None


# -- questions about the learner's own line, and spelling ----------------------------

_OWN_LINE = [
    (re.compile(r"^(what|which)( mistake)? (did|do) i (say|do|make)( wrong)?$|"
                r"^what (was|is) (my mistake|wrong( in| with)? (my|that|the) (sentence|line))$|"
                r"^which mistake (did )?i made?$|^what mistake did i make$|"
                r"^why (was|is) (that|it|this|my sentence) (wrong|incorrect|not correct)$|"
                r"^why did you correct (me|that|it)$|^what was my mistake$|"
                r"^what did i say wrong$|^where (is|was) my mistake$"),
     "explain_last_correction"),
    (re.compile(r"^how (could|can|should|would|do|might) (i|a native speaker|you|native speakers)"
                r" say (that|it|this|my sentence)( better| correctly| more natural(ly)?| "
                r"in a better way| properly)?$|"
                r"^(is there|what is|what's) a better way (to|of) say(ing)? (it|that|this)$|"
                r"^(can|could) you say (my sentence|it|that) better$|"
                r"^say (it|that) (better|in a better way|more naturally|correctly)$"),
     "say_it_better"),
]


def own_line(c: list[Token], w: list[str], text: str) -> Found | None:
    joined = " ".join(w).replace(" n't", "n't").replace(" 's", "'s")
    joined = re.sub(r"\b(please|for me)\b", "", joined).strip()
    joined = re.sub(r"\s+", " ", joined)
    for pattern, name in _OWN_LINE:
        if pattern.search(joined):
            return Found(name)
    return None


def spelling_question(c: list[Token], w: list[str], text: str) -> Found | None:
    """"how do you spell X", "how is X spelled", "how to spell X", "how do you write X"."""
    if w[:1] == ["how"] and ("spell" in w or "spelled" in w or "spelt" in w):
        if "spelled" in w or "spelt" in w:  # "how is receipt spelled"
            i = w.index("spelled" if "spelled" in w else "spelt")
            return spell_word(c[2:i], text)
        return spell_word(c[w.index("spell") + 1:], text)
    if w[:3] in (["how", "do", "you"], ["how", "do", "i"]) and w[3:4] == ["write"] and len(w) <= 6:
        return spell_word(c[4:], text)
    if "how" in w and ("spell" in w) and w[:1] in (["can"], ["could"], ["tell"]):
        return spell_word(c[w.index("spell") + 1:], text)
    return None


# -- arguments ------------------------------------------------------------------------

_VAGUE = {"that", "it", "this", "the", "word", "last", "that's", "them", "those", "these"}


def _span(c: list[Token], text: str) -> str:
    return text[c[0].start:c[-1].end] if c else ""


def _drop_tail(c: list[Token], words: set[str]) -> list[Token]:
    while c and c[-1].lower in words:
        c = c[:-1]
    return c


def spell_word(c: list[Token], text: str) -> Found:
    c = [t for t in _drop_tail(c, {"please", "for", "me", "again", "?"}) if t.lower not in (
        "the", "word", "a")]
    words = [t for t in c if t.lower not in _VAGUE and re.fullmatch(r"[A-Za-z'-]+", t.text)]
    if len(words) == 1 and len(c) <= 2:
        return Found("spell", {"word": words[0].text})
    return Found("spell")  # no word said: the tutor asks which


def topic(c: list[Token] | None, text: str) -> Found:
    c = _drop_tail(list(c or []), {"instead", "now", "please", "then", "today", "for", "a", "while"})
    w = [t.lower for t in c]
    if not w or set(w) <= ELSE | {"a", "an", "the", "topic", "subject", "this", "that", "it"}:
        return Found("change_topic")
    return Found("change_topic", {"topic": _span(c, text)})


def fact(c: list[Token], text: str) -> Found | None:
    c = _drop_tail(list(c), {"please"})
    if c and c[0].lower == "that":
        c = c[1:]
    if len(c) < 2:
        return None  # "remember that": nothing to keep
    return Found("remember", {"fact": _span(c, text)})


def forget_what(c: list[Token], text: str) -> Found | None:
    """"what I said about my job", "about my health problem", "my address",
    "everything about my ex-boyfriend", "the thing about my boss"."""
    c = _drop_tail(list(c), {"please"})
    w = [t.lower for t in c]
    if "about" in w:
        about = c[w.index("about") + 1:]
    elif w[:1] == ["my"]:
        about = c
    else:
        return None
    about = _drop_tail(about, {"problem", "problems"}) if len(about) > 2 else about
    if not about or [t.lower for t in about] in (["it"], ["that"], ["this"]):
        return Found("forget")  # about what: the tutor asks
    return Found("forget", {"about": _span(about, text)})


def scenario(c: list[Token], text: str) -> Found | None:
    from app.tutor.request_scenarios import scenario_named

    said = _span(c, text)
    scenario = scenario_named(said)
    if scenario is None:
        return None
    return Found("start_scenario", {"scenario": scenario})
