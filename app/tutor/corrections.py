"""Corrections learners can trust.

Two sources, combined with precision first:

1. Rules: the curated learner-error table (app/tutor/learner_rules.py), then
   Harper's rules; precise, and each comes with its reason.
2. The chat model's fluent rewrite of the rules' result, generated under a
   JSON schema (so no free text is parsed), and accepted only when every
   check passes: it differs from what was said, changes few words, is not a
   reply or a comment, is one sentence, keeps the meaning (app/tutor/meaning.py:
   no content word dropped, added or swapped for a synonym, same persons,
   modals and negation, no spelling-only change) and Harper finds nothing new.

Measured on tests/data/corrections/eval.jsonl (numbers in assets/QUALITY.md):
the rules alone reach precision 0.985 at recall 0.77; the embedded
SmolLM2-135M adds a few fixes no rule knows ("all the student" -> "students",
"my sister she is" -> "my sister is") without changing any correct sentence.
Its rejected rewrites are mostly answers or meaning changes ("my flat" ->
"your flat", "could I" -> "can I").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from app.tutor.chat import ChatModel
from app.tutor.edits import Edit, classify, diff_edits, normalised, word_distance, words
from app.tutor.grammar import GrammarChecker
from app.tutor.meaning import meaning_change

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
    ("Could you open the window?", "Could you open the window?"),
)
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
        # The model rewrites what the rules left, so it only has to find the
        # errors they missed; its rewrite is still checked against what was said.
        rewrite = self._rewrite(ruled)
        if normalised(rewrite) == normalised(ruled):
            return result  # the model agrees with the rules, or both find nothing
        problem = self.reject_reason(sentence, rewrite, ruled)
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

    def reject_reason(self, original: str, rewrite: str, ruled: str | None = None) -> str | None:
        """Why a rewrite cannot be trusted, or None when every check passes.

        ``ruled`` is ``original`` with the rules' fixes: those changes are
        trusted, so size and meaning are measured from it.
        """
        ruled = ruled or original
        if not words(rewrite):
            return "empty"
        if normalised(rewrite) in (normalised(original), normalised(ruled)):
            return "identical"
        n = len(words(original))
        if word_distance(ruled, rewrite) > max(2, round(0.3 * n)):
            return "changes too much"
        lowered = rewrite.lower()
        if lowered.startswith(REPLY_OPENERS) and not original.lower().startswith(
                lowered.split()[0]):
            return "a reply, not a correction"
        # Only when Whisper punctuated the original: unpunctuated speech may be a question.
        if original.rstrip()[-1:] in ".!?" and (
                original.rstrip().endswith("?") != rewrite.rstrip().endswith("?")):
            return "changes a question into a statement (or back)"
        if len(re.findall(r"[.!?](?:\s|$)", rewrite.strip())) > 1:
            return "more than one sentence"
        changed = meaning_change(ruled, rewrite)
        if changed:
            return changed
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


def _contains_fixes(rewrite: str, edits: list[Edit]) -> bool:
    text = f" {normalised(rewrite)} "
    return all(f" {normalised(e.corrected)} " in text for e in edits if words(e.corrected))


def _find(haystack: list[str], needle: list[str]) -> int:
    for i in range(len(haystack) - len(needle) + 1):
        if haystack[i:i + len(needle)] == needle:
            return i
    return -1
