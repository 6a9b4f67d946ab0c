"""Corrections learners can trust.

Two sources, combined with precision first:

1. Harper's rules: precise, and each comes with its reason.
2. The chat model's fluent rewrite, generated under a JSON schema (so no free
   text is parsed), and accepted only when every check passes: it keeps the
   meaning (few word edits, the content words kept), it differs from what was
   said, it is not a reply or a comment instead of a correction, it is one
   sentence, and Harper finds nothing new wrong in it.

Measured on the embedded SmolLM2-135M: it fixes some errors ("It depends of"
-> "on") and copies correct sentences, but sometimes answers instead of
correcting ("Can you tell me where is the station?" -> "The station is at the
train station."). The checks reject those; when they fail only Harper's
certain fixes are shown.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from app.tutor.chat import ChatModel
from app.tutor.edits import (
    AUXILIARIES, Edit, classify, diff_edits, lemma, normalised, word_distance, words,
)
from app.tutor.grammar import GrammarChecker

REWRITE_SCHEMA = {
    "type": "object",
    "properties": {"corrected": {"type": "string", "maxLength": 300}},
    "required": ["corrected"],
}
REWRITE_SYSTEM = (
    "You correct English grammar. Rewrite the learner's sentence with its grammar errors "
    "fixed. Change as little as possible. If it is already correct, copy it unchanged."
)
# Few-shot pairs: one fix, and one correct sentence copied unchanged, which is
# what keeps a small model from rewriting sentences that are fine.
REWRITE_EXAMPLES = (
    ("He go to work by bus.", "He goes to work by bus."),
    ("I like reading books.", "I like reading books."),
)
FUNCTION_WORDS = {
    "a", "an", "the", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us",
    "them", "my", "your", "his", "its", "our", "their", "this", "that", "these", "those",
    "and", "or", "but", "so", "if", "to", "of", "in", "on", "at", "for", "with", "from",
    "by", "about", "since", "is", "am", "are", "was", "were", "be", "been", "do", "does",
    "did", "have", "has", "had", "will", "would", "can", "could", "not", "very", "more",
    "some", "any", "many", "much", "few", "lot", "lots", "all", "just", "really", "also",
}
REPLY_OPENERS = ("yes", "no", "sure", "sorry", "i'm sorry", "thank", "great", "that's",
                 "the sentence", "this sentence", "correct", "your sentence")
KIND_REASONS = {
    "agreement": "The verb must agree with its subject.",
    "verb tense": "This needs a different verb tense.",
    "article": "This needs a different article.",
    "preposition": "This is the usual preposition here.",
    "word choice": "This word sounds more natural here.",
    "word order": "The words go in a different order.",
    "plural": "Check singular and plural here.",
    "missing word": "A word is missing here.",
    "extra word": "This word is not needed.",
    "other": "This sounds more natural.",
}


@dataclass
class CorrectionResult:
    original: str
    corrected: str
    edits: list[Edit] = field(default_factory=list)
    rewrite_rejected: str | None = None  # why the model's rewrite was not used

    @property
    def changed(self) -> bool:
        return bool(self.edits)


class Corrector:
    """Corrects one spoken sentence: rules always, the chat model when it can be trusted."""

    def __init__(self, grammar: GrammarChecker, model: ChatModel | None = None,
                 use_model: bool = True) -> None:
        self.grammar = grammar
        self.model = model
        self.use_model = use_model and model is not None

    def correct(self, sentence: str) -> CorrectionResult:
        sentence = sentence.strip()
        if not words(sentence):
            return CorrectionResult(sentence, sentence)
        ruled, rule_edits = self.grammar.check(sentence)
        result = CorrectionResult(sentence, ruled, list(rule_edits))
        if not self.use_model:
            return result
        rewrite = self._rewrite(sentence)
        if normalised(rewrite) == normalised(ruled):
            return result  # the model agrees with the rules, or both find nothing
        problem = self.reject_reason(sentence, rewrite)
        if problem is None and rule_edits and not _contains_fixes(rewrite, rule_edits):
            problem = "disagrees with the grammar rules"
        if problem is not None:
            result.rewrite_rejected = problem
            return result
        result.corrected = rewrite
        result.edits = rule_edits + self._model_edits(sentence, ruled, rewrite)
        return result

    def _rewrite(self, sentence: str) -> str:
        messages = [{"role": "system", "content": REWRITE_SYSTEM}]
        for wrong, right in REWRITE_EXAMPLES:
            messages += [{"role": "user", "content": wrong},
                         {"role": "assistant", "content": json.dumps({"corrected": right})}]
        messages.append({"role": "user", "content": sentence})
        raw = self.model.complete(messages, max_tokens=96, temperature=0.0,
                                  json_schema=REWRITE_SCHEMA, repeat_penalty=1.0)
        try:
            return str(json.loads(raw)["corrected"]).strip()
        except (ValueError, KeyError, TypeError):
            return ""

    def reject_reason(self, original: str, rewrite: str) -> str | None:
        """Why a rewrite cannot be trusted, or None when every check passes."""
        if not words(rewrite):
            return "empty"
        if normalised(rewrite) == normalised(original):
            return "identical"
        n = len(words(original))
        if word_distance(original, rewrite) > max(2, round(0.3 * n)):
            return "changes too much"
        kept = {_root(lemma(w)) for w in words(rewrite)}
        lost = [w for w in _content_words(original) if _root(lemma(w)) not in kept]
        if lost:
            return f"drops content words: {', '.join(lost)}"
        lowered = rewrite.lower()
        if lowered.startswith(REPLY_OPENERS) and not original.lower().startswith(
                lowered.split()[0]):
            return "a reply, not a correction"
        if original.rstrip().endswith("?") != rewrite.rstrip().endswith("?"):
            return "changes a question into a statement (or back)"
        if len(re.findall(r"[.!?](?:\s|$)", rewrite.strip())) > 1:
            return "more than one sentence"
        _, new_findings = self.grammar.check(rewrite)
        if new_findings:
            return "the rules still find errors in it"
        return None

    def _model_edits(self, original: str, ruled: str, rewrite: str) -> list[Edit]:
        """The model's changes beyond the rules' ones, each with a kind and a short reason."""
        edits = []
        context = words(ruled)
        for before, after in diff_edits(ruled, rewrite):
            position = _find(context, before.split())
            word_before = context[position - 1] if position > 0 else ""
            kind = classify(before, after, word_before)
            edits.append(Edit(before, after, KIND_REASONS[kind], kind, "llm"))
        return edits


def _content_words(text: str) -> list[str]:
    return [w for w in words(text)
            if w not in FUNCTION_WORDS and w not in AUXILIARIES and len(w) > 2]


def _root(word: str) -> str:
    """A crude stem: enough to accept "go" -> "goes" and "interesting" -> "interested"."""
    return word[:4] if len(word) > 4 else word


def _contains_fixes(rewrite: str, edits: list[Edit]) -> bool:
    text = f" {normalised(rewrite)} "
    return all(f" {normalised(e.corrected)} " in text for e in edits if words(e.corrected))


def _find(haystack: list[str], needle: list[str]) -> int:
    for i in range(len(haystack) - len(needle) + 1):
        if haystack[i:i + len(needle)] == needle:
            return i
    return -1
