"""The rules a tutor reply must keep, and cheap repairs before regenerating.

A 135M model drifts: it writes a third sentence, forgets the question,
invents a next turn, says it is an AI, lectures about grammar or repeats an
earlier reply. Each rule here is a plain check, so the conversation can
regenerate or fall back instead of speaking such a reply.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from app.tutor.edits import normalised, words

MAX_SENTENCES = 2
# Words per reply by level: short enough to be heard and answered.
MAX_WORDS = {"A2": 22, "B1": 26, "B2": 30, "C1": 34}
PERSONA_NAME = "sam"
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_OFF_PERSONA = re.compile(
    r"\b(as an ai|an ai\b|a language model|language model|ai assistant|chatbot|"
    r"virtual assistant|i am an assistant|i'm an assistant|openai|smollm|hugging ?face|"
    # An assistant's refusal, not a tutor's answer (test4, SmolLM2: "as a chat
    # AI, I don't have the capability to provide personal advice").
    r"chat ?ai\b|\bas an? (?:\w+ )?ai\b|don't have the (?:capability|ability) to|"
    r"(?:not able|unable) to provide|sorry for (?:any|the) confusion)",
    re.IGNORECASE)
_NAME_CLAIM = re.compile(r"\b(?:my name is|my name's|call me)\s+([a-z]+)", re.IGNORECASE)
# A reply that explains grammar is a lecture; the gentle recast is allowed
# because it only uses the right form.
_LECTURE = re.compile(
    r"\b(grammar|grammatical|correct form|the correct (way|word|form)|you should say|"
    r"we say|instead of saying|past tense|present tense|the verb|the sentence|"
    r"your sentence|preposition|singular)\b", re.IGNORECASE)
_ROLE_LABEL = re.compile(r"(^|\n)\s*(learner|user|student|tutor|assistant|sam|you|me)\s*:",
                         re.IGNORECASE)


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text.strip()) if words(part)]


def problems(reply: str, earlier: Sequence[str] = (), learner_text: str = "",
             level: str = "B1") -> list[str]:
    """Every rule the reply breaks; an empty list means it may be spoken."""
    found = []
    text = reply.strip()
    if not words(text):
        return ["empty"]
    if len(sentences(text)) > MAX_SENTENCES or len(words(text)) > MAX_WORDS.get(level, 26):
        found.append("too long")
    if not text.endswith("?"):
        found.append("no question at the end")
    name = _NAME_CLAIM.search(text)
    if _OFF_PERSONA.search(text) or (name and name.group(1).lower() != PERSONA_NAME):
        found.append("off persona")
    if _ROLE_LABEL.search(text) or "<|" in text or "[INST]" in text or "[/INST]" in text:
        found.append("writes another turn")
    if _LECTURE.search(text):
        found.append("lectures")
    if any(_similar(text, before) or _same_question(text, before)
           for before in earlier if before):
        found.append("repeats an earlier reply")
    elif learner_text and _similar(text, learner_text):
        found.append("echoes the learner")
    return found


def repair(reply: str, level: str = "B1") -> str:
    """The cheapest fix: keep the sentences up to the first question, at most two.

    A reply like "Nice! What do you cook? I love pasta." becomes "Nice! What
    do you cook?", which keeps every rule without another generation.
    """
    text = reply.strip()
    cut = text.split("\n")[0].strip()  # a second line is an invented next turn
    parts = sentences(cut)
    limit = MAX_WORDS.get(level, 26)
    for i, part in enumerate(parts):
        if part.rstrip().endswith("?"):
            # The question, with the sentence before it when that still fits:
            # "It's far. You can't miss it! Do you have a map?" -> the last two.
            candidate = " ".join(parts[max(0, i - 1): i + 1])
            if len(words(candidate)) <= limit:
                return candidate
            return part.strip()  # the question alone still moves the talk on
    return cut


def _same_question(a: str, b: str) -> bool:
    """The same closing question as before: the talk is not moving on."""
    last = [s for s in sentences(a) if s.endswith("?")]
    before = [s for s in sentences(b) if s.endswith("?")]
    return bool(last and before) and normalised(last[-1]) == normalised(before[-1])


def _similar(a: str, b: str) -> bool:
    left, right = normalised(a), normalised(b)
    if not left or not right:
        return False
    return left == right or difflib.SequenceMatcher(a=left, b=right).ratio() > 0.8
