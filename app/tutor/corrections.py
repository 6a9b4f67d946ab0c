"""Corrections learners can trust.

Every change is a candidate until the chat model, read as a language model,
finds the sentence clearly more likely with it (app/tutor/gec):

1. Candidates: general confusion sets over a spaCy parse (verb forms, noun
   number, articles, prepositions, a missing "be", "to" or "do", extra words,
   adverb places), Harper's suggestions, and, when enabled, the edits of the
   chat model's rewrite (generated under a JSON schema and passed through the
   old checks: few words changed, no reply, same meaning).
2. Each is scored by the log-probability gain of the sentence (Bryant &
   Briscoe 2018) and kept only above its family's threshold, tuned on JFLEG
   dev and the tuning half of the do-no-harm corpus.

Without a llama.cpp model to score with (another backend, or tests' fakes),
only Harper's rules run. Numbers: docs/quality.md.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field

from app.tutor.chat import ChatModel
from app.tutor.edits import Edit, classify, diff_edits, normalised, shown_edits, word_distance, words
from app.tutor.gec import LMCorrector
from app.tutor.gec.candidates import Candidate
from app.tutor.grammar import GrammarChecker
from app.tutor.learner_rules import rule_candidates
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
    """Corrects one sentence: candidate edits, kept only where the language model is sure.

    ``typed``: the text was typed, not transcribed, so spelling is the
    learner's and Harper's spelling suggestions become candidates too.
    ``rewrite``: also take candidates from the chat model's rewrite (one
    generation per sentence; each of its edits is scored like the others).
    ``rewriter``: the chat model that writes that rewrite, when it is not the
    scoring model (a larger one proposes, the same scorer and thresholds decide).
    """

    def __init__(self, grammar: GrammarChecker, model: ChatModel | None = None,
                 use_model: bool = True, *, typed: bool = False, rewrite: bool = False,
                 thresholds: dict[str, float] | None = None,
                 rewriter: ChatModel | None = None) -> None:
        from app.tutor.gec.lm import LlamaScorer  # lazy: loads numpy

        self.grammar = grammar
        self.model = model
        self.typed = typed
        self.use_model = use_model and model is not None and LlamaScorer.supports(model)
        self.use_rewrite = rewrite and self.use_model
        self.rewriter = rewriter or model
        self.scorer = LlamaScorer(model) if self.use_model else None
        self.lm = LMCorrector(self.scorer, thresholds) if self.use_model else None

    def correct(self, sentence: str) -> CorrectionResult:
        sentence = sentence.strip()
        if not words(sentence):
            return CorrectionResult(sentence, sentence)
        # A line longer than the scorer's context cannot be scored: the curated
        # rules alone answer it, as they do without a language model.
        if self.lm is None or not self.scorer.fits(sentence):
            ruled, rule_edits = self.grammar.check(sentence)
            return CorrectionResult(sentence, ruled, list(rule_edits))
        extra = self.harper_candidates(sentence)
        result = CorrectionResult(sentence, sentence)
        if self.use_rewrite:
            found, problem = self.rewrite_candidates(sentence)
            extra += found
            if problem not in (None, "identical"):
                result.rewrite_rejected = problem
        text, kept = self.lm.correct(sentence, extra)
        result.corrected = text
        result.edits = [self._edit(s.candidate, sentence) for s in kept]
        return result

    def harper_candidates(self, sentence: str) -> list[Candidate]:
        """Harper's suggestions and the curated rules' fixes, each with its reason."""
        out = []
        for start, end, replacement, rule, message in self.grammar.suggestions(
                sentence, typed=self.typed):
            family = "spelling" if rule == "SpellCheck" else "harper"
            out.append(_RuleCandidate(start, end, replacement, "", family, message))
        for start, end, replacement, rule in rule_candidates(sentence):
            out.append(_RuleCandidate(start, end, replacement, rule.kind, "curated", rule.reason))
        return out

    def rewrite_candidates(self, sentence: str) -> tuple[list[Candidate], str | None]:
        """The rewriter's edits as candidates (family "llm"), or why its
        rewrite was not trusted."""
        rewrite = self._rewrite(sentence)
        problem = None if normalised(rewrite) == normalised(sentence) else \
            self.reject_reason(sentence, rewrite, check_rules=False)
        return (rewrite_candidates(sentence, rewrite) if problem is None else []), problem

    def _edit(self, candidate: Candidate, sentence: str) -> Edit:
        after = candidate.apply(sentence)
        shown = shown_edits(sentence, after, merge=True)
        before_words, after_words = shown[0] if shown else ("", "")
        if isinstance(candidate, _RuleCandidate):
            minimal = diff_edits(sentence, after)
            kind = candidate.kind or (classify(*minimal[0]) if len(minimal) == 1 else "other")
            return Edit(before_words, after_words, candidate.reason, kind, "rules")
        kind = candidate.kind or "other"
        source = "llm" if candidate.family == "llm" else "lm"
        return Edit(before_words, after_words, KIND_REASONS[kind], kind, source)

    def _rewrite(self, sentence: str) -> str:
        messages = [{"role": "system", "content": REWRITE_SYSTEM}]
        for wrong, right in REWRITE_EXAMPLES:
            messages += [{"role": "user", "content": wrong},
                         {"role": "assistant", "content": json.dumps({"corrected": right})}]
        messages.append({"role": "user", "content": sentence})
        raw = self.rewriter.complete(messages, max_tokens=96, temperature=0.0,
                                  json_schema=REWRITE_SCHEMA, repeat_penalty=1.0)
        try:
            return str(json.loads(raw)["corrected"]).strip()
        except (ValueError, KeyError, TypeError):
            return ""

    def reject_reason(self, original: str, rewrite: str, ruled: str | None = None,
                      check_rules: bool = True) -> str | None:
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
        if check_rules:
            _, new_findings = self.grammar.check(rewrite)
            if new_findings:
                return "the rules still find errors in it"
        return None

@dataclass(frozen=True)
class _RuleCandidate(Candidate):
    reason: str = ""


_WORD_SPAN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


def rewrite_candidates(sentence: str, rewrite: str) -> list[Candidate]:
    """Each change of the rewrite, as its own candidate edit of ``sentence``."""
    left = list(_WORD_SPAN.finditer(sentence))
    right = [m.group() for m in _WORD_SPAN.finditer(rewrite)]
    matcher = difflib.SequenceMatcher(a=[m.group().lower() for m in left],
                                      b=[w.lower() for w in right], autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        new = " ".join(right[j1:j2])
        if i1 == i2:  # an insertion, before word i1 (or at the end)
            at = left[i1].start() if i1 < len(left) else left[-1].end()
            text = new + " " if i1 < len(left) else " " + new
            out.append(Candidate(at, at, text, "", "llm"))
            continue
        start, end = left[i1].start(), left[i2 - 1].end()
        if not new:  # a deletion takes the space after the words with it
            end = left[i2].start() if i2 < len(left) else end
        out.append(Candidate(start, end, new, "", "llm"))
    kinds = []
    for c in out:
        pairs = diff_edits(sentence, c.apply(sentence))
        kinds.append(Candidate(c.start, c.end, c.text,
                               classify(*pairs[0]) if len(pairs) == 1 else "other", c.family))
    return kinds
