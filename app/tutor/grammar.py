"""Rule-based grammar checking with Harper (offline, a few ms a sentence).

Harper checks written text; Parley checks speech that Whisper wrote down. So
the lints about things Whisper decided (capitals, punctuation, spelling,
formatting, homophones it spelled) are dropped: they are not the learner's
errors. A lint without a suggested fix is dropped too, since a correction is
only shown when it is certain.
"""

from __future__ import annotations

import re
import threading

from app.tutor.edits import Edit, classify, diff_edits, shown_edits, words
from app.tutor.learner_rules import apply_rules

# Lint kinds (Harper's ``lint_kind``) that describe writing, not speaking.
TRANSCRIPTION_KINDS = {
    "Capitalization", "Punctuation", "Formatting", "Spelling", "Typo", "Readability",
    "Style", "Enhancement",
}
# Rules that fire on what Whisper chose to write, not on what the learner said:
# homophones ("their"/"they're", "could of"), repeated words (disfluencies).
TRANSCRIPTION_RULES = {
    "RepeatedWords", "TheirToTheyre", "ModalOf", "ItsContraction", "ThenThan",
    "YourYoure", "ToTooChunk", "SpellCheck", "SentenceCapitalization", "Spaces",
    "LongSentences", "CorrectNumberSuffix", "Dashes", "UnclosedQuotes",
    # Measured wrong on learner speech (tests/data/corrections/eval.jsonl):
    # "I will going to" -> "I will the park"; "call to you" -> "call to your".
    "WillGonna", "PossessiveYour",
    # Variant spellings, not errors, and spacing is Whisper's choice anyway:
    # "none the less", "gun shot"; and advice on style: "all of the
    # passengers" is correct English (do-no-harm corpus, Tatoeba). Not the
    # whole "Redundancy" kind: "the most funniest" is a learner's error there.
    "Nonetheless", "CompoundNouns", "CondenseAllThe",
    # Whisper spells "it's" and "its"; and a place's official new name is no
    # learner's error ("Turkey" -> "Türkiye"; the blind recast split test9).
    "ItsPossessive", "UpdatePlaceNames",
}
# With a finished past time ("yesterday she call me") the error is the tense,
# not the agreement Harper would fix ("she calls"): leave it alone.
PAST_TIME = re.compile(r"\b(yesterday|last (night|week|month|year)|ago)\b", re.IGNORECASE)
# Harper's rule name -> the stable kind the mistake notebook uses.
RULE_KINDS = {
    "PronounVerbAgreement": "agreement",
    "AnA": "article",
    "SinceDuration": "preposition",
    "Discuss": "extra word",
    "AdjectiveDoubleDegree": "extra word",
    "MassNouns": "plural",
    "DidPast": "verb tense",
}
LINT_KINDS = {"Agreement": "agreement", "Redundancy": "extra word", "WordChoice": "word choice",
              "Usage": "word choice", "Repetition": "extra word"}


class GrammarChecker:
    """Harper, built once (it loads a dictionary) and shared; thread-safe."""

    def __init__(self) -> None:
        self._linter = None
        self._lock = threading.Lock()

    def load(self) -> None:
        if self._linter is None:
            from harper import Linter  # lazy: loads Harper

            self._linter = Linter()

    def suggestions(self, sentence: str, typed: bool = False,
                    per_lint: int = 3) -> list[tuple[int, int, str, str, str]]:
        """Harper's suggested fixes as (start, end, replacement, rule, message)
        character spans of ``sentence``, for the language model to judge.
        ``typed``: the text was typed, so its spelling is the learner's too."""
        self.load()
        found = []
        with self._lock:
            organised = self._linter.organized_lints(sentence)
            for rule, lints in organised.items():
                for lint in lints:
                    spelling = typed and (lint.lint_kind in ("Spelling", "Typo")
                                          or rule == "SpellCheck")
                    if not (spelling or _is_learner_error(rule, lint, sentence)):
                        continue
                    # "runned": the past or the participle, as the clause wants; the
                    # language model preferred "I run all the way home" (test8).
                    offered = ([_suggestion(rule, lint, sentence)]
                               if rule == "RegularIrregulars"
                               else list(lint.suggestions)[:per_lint])
                    fixes = [self._linter.apply_suggestion(sentence, lint, fix)
                             for fix in offered]
                    if spelling and any(f.lower() == sentence.lower() for f in fixes):
                        continue  # a right word in the wrong case ("fridays"): not spelling
                    if spelling and _british(sentence, fixes):
                        continue  # "maths": British, not a misspelling (test7)
                    for fixed in fixes:
                        span = _changed_span(sentence, fixed)
                        if span is not None and words(fixed) != words(sentence):
                            found.append((*span, "SpellCheck" if spelling else rule,
                                          _short(lint.message)))
        return found

    def check(self, sentence: str) -> tuple[str, list[Edit]]:
        """The sentence with every rule's fix applied, and the edits made: the
        curated learner rules (app/tutor/learner_rules/), then Harper on
        their result. No language model checks these; the Corrector uses them
        only when it has no llama.cpp model to score with."""
        self.load()
        sentence, curated = apply_rules(sentence)
        with self._lock:
            organised = self._linter.organized_lints(sentence)
            findings = [
                (rule, lint)
                for rule, lints in organised.items()
                for lint in lints
                if _is_learner_error(rule, lint, sentence)
                and not (rule == "PronounVerbAgreement" and PAST_TIME.search(sentence))
            ]
            # Apply from the end so earlier spans stay valid.
            findings.sort(key=lambda item: item[1].span.start, reverse=True)
            corrected, edits = sentence, []
            for rule, lint in findings:
                fix = _suggestion(rule, lint, sentence)
                fixed = self._linter.apply_suggestion(corrected, lint, fix)
                if words(fixed) == words(corrected):
                    corrected = fixed
                    continue  # only case or punctuation changed: Whisper's business
                # The edit shown is the word diff of this one fix, not Harper's
                # span ("want" -> " to" would mean nothing to a learner).
                minimal = diff_edits(corrected, fixed)
                before_words = words(sentence[: lint.span.start])
                kind = RULE_KINDS.get(rule) or (
                    classify(*minimal[0], before_words[-1] if before_words else "")
                    if len(minimal) == 1 else LINT_KINDS.get(lint.lint_kind, "other"))
                if kind == "word choice" and LINT_KINDS.get(lint.lint_kind) == "extra word":
                    kind = "extra word"
                for before, after in shown_edits(corrected, fixed, merge=True):
                    edits.append(Edit(before, after, _short(lint.message), kind, "rules"))
                corrected = fixed
        edits.reverse()
        return corrected, curated + edits


# Words after which a verb takes its participle ("have eaten", "was broken").
_PARTICIPLE_AFTER = {"have", "has", "had", "'ve", "'d", "having", "be", "been", "being", "is",
                     "are", "was", "were", "am", "'s", "'re", "'m", "get", "got", "gets"}


def _suggestion(rule: str, lint, sentence: str):
    """Harper's suggestion to apply. For "eated" Harper offers "ate" and
    "eaten" in an order that changes from call to call; the past is right
    unless "have" or "be" comes before (adverbs between them aside)."""
    suggestions = list(lint.suggestions)
    if rule != "RegularIrregulars" or len(suggestions) < 2:
        return suggestions[0]
    from lemminflect import getAllInflections  # lazy: loads lemminflect's tables

    wanted = "VBN" if _after_helper(words(sentence[: lint.span.start])) else "VBD"

    def form_tags(suggestion) -> set[str]:
        text = str(suggestion.replacement_text).lower()
        return {tag for forms in [getAllInflections(lemma, upos="VERB")
                                  for lemma in _lemmas(text)]
                for tag, values in forms.items() if text in values}

    return next((s for s in suggestions if wanted in form_tags(s)), suggestions[0])


# Words that may stand between "have" or "be" and its participle.
_BETWEEN = {"not", "n't", "never", "already", "just", "also", "ever", "really", "recently",
            "all", "both", "always", "still", "finally", "i", "you", "he", "she", "it", "we",
            "they"}


def _british(sentence: str, fixes: list[str]) -> bool:
    """Is the word a spelling fix would change a British word Harper lacks?"""
    from app.tutor.sentence_checks import _BRITISH

    for fixed in fixes:
        span = _changed_span(sentence, fixed)
        if span is None:
            continue
        for match in re.finditer(r"[A-Za-z']+", sentence):
            if match.start() <= span[0] <= match.end() and match[0].lower() in _BRITISH:
                return True
    return False


def _after_helper(before: list[str]) -> bool:
    """Does the verb after ``before`` follow "have" or "be" in its own clause
    ("we have already eated", "have you eated")? Not "the weekend was good,
    we goed": "we" starts the verb's clause."""
    subjects = 0
    for word in reversed(before[-4:]):
        if word in _PARTICIPLE_AFTER:
            return True
        if word not in _BETWEEN:
            return False
        subjects += word in {"i", "you", "he", "she", "it", "we", "they"}
        if subjects and word not in {"i", "you", "he", "she", "it", "we", "they"}:
            return False  # "we never" then something else: no helper before the subject
    return False


def _lemmas(word: str) -> set[str]:
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word, upos="VERB").get("VERB", ()))


def _is_learner_error(rule: str, lint, sentence: str = "") -> bool:
    return (
        bool(lint.suggestions)
        and lint.lint_kind not in TRANSCRIPTION_KINDS
        and rule not in TRANSCRIPTION_RULES
        and not (rule == "MissingTo" and _object_follows(sentence, lint.span.end))
        # "call me as soon as the baby arrives" is no "call me as a friend" (test13)
        and not (rule == "CallThem" and re.match(r"\s*(?:soon|long|far|much|well|quickly)\b",
                                                 sentence[lint.span.end:]))
    )


# Harper's MissingTo reads "mine" as a verb: "I forgot mine" -> "forgot to mine".
_OBJECTS = {"mine", "yours", "his", "hers", "ours", "theirs", "me", "you", "him", "her", "us",
            "them", "it", "this", "that", "these", "those", "my", "your", "our", "their", "the",
            "a", "an", "some", "any"}


def _object_follows(sentence: str, end: int) -> bool:
    """Does an object (a pronoun or a determiner) follow the verb that Harper
    would give a "to"?"""
    following = words(sentence[end:])
    return bool(following) and following[0] in _OBJECTS


def _changed_span(before: str, after: str) -> tuple[int, int, str] | None:
    """(start, end, replacement): the one span of ``before`` that ``after`` replaces."""
    if before == after:
        return None
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b, end_a = end_b - 1, end_a - 1
    return start, end_b, after[start:end_a]


def _short(message: str) -> str:
    """Harper's message, as one plain line."""
    return message.replace("`", "'").strip().split("\n")[0]
