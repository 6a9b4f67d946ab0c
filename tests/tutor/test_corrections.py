"""Corrections on the real embedded model: precision first."""

import pytest

from app.tutor.corrections import Corrector, rewrite_candidates
from app.tutor.grammar import GrammarChecker

pytestmark = pytest.mark.model  # loads a real model

CORRECT = [
    "The weather is nice today.",
    "I went to the cinema last night.",
    "My sister works in a hospital.",
    "What time does the bus leave for the airport?",
    "I would like a cup of coffee, please.",
    "We have lived here for three years.",
    "Can you tell me where the station is?",
    "She doesn't like vegetables.",
]


@pytest.fixture(scope="module")
def corrector(smollm2):
    return Corrector(GrammarChecker(), smollm2)


@pytest.mark.parametrize("sentence", CORRECT)
def test_correct_sentences_are_left_alone(corrector, sentence):
    result = corrector.correct(sentence)
    assert not result.changed
    assert result.corrected == sentence


def test_agreement_error_is_corrected_with_reason(corrector):
    result = corrector.correct("She don't like vegetables.")
    assert result.corrected == "She doesn't like vegetables."
    edit = result.edits[0]
    assert (edit.original, edit.corrected, edit.kind) == ("don't", "doesn't", "agreement")
    assert edit.reason


def test_curated_rule_fix_passes_the_language_model(corrector):
    result = corrector.correct("It depends of the weather.")
    assert result.corrected == "It depends on the weather."
    assert [e.kind for e in result.edits] == ["preposition"]


def test_noun_number_from_the_confusion_sets(corrector):
    # No rule knows "many hobby"; the noun's other number is a candidate and
    # the language model prefers it.
    result = corrector.correct("She has many hobby.")
    assert result.corrected == "She has many hobbies."
    assert [(e.original, e.corrected, e.kind, e.source) for e in result.edits] == [
        ("hobby", "hobbies", "plural", "lm")]


def test_rewrite_becomes_one_candidate_per_change():
    sentence = "Yesterday I go to market and buy apples."
    found = rewrite_candidates(sentence, "Yesterday I went to the market and bought apples.")
    assert [c.apply(sentence) for c in found] == [
        "Yesterday I went to market and buy apples.",
        "Yesterday I go to the market and buy apples.",
        "Yesterday I go to market and bought apples.",
    ]
    assert {c.family for c in found} == {"llm"}


LONG = "Yesterday I go to the market with my friends and buy some apples."


@pytest.mark.parametrize("original, rewrite, reason", [
    ("Can you tell me where is the station?", "The station is next to the bank.",
     "changes too much"),
    ("I am agree with you.", "I am agree with you!", "identical"),
    (LONG, "Yesterday I went to the shop with my friends and bought some apples.",
     "drops content words: market"),
    (LONG, "Sure, yesterday I went to the market with my friends and bought apples.",
     "a reply, not a correction"),
    (LONG, "Yesterday I went to the market with my friends. I bought some apples.",
     "more than one sentence"),
    ("Can you help me?", "You can help me.",
     "changes a question into a statement (or back)"),
    ("I have an dog and a cat.", "I have an animal, a dog and a cat.",
     "adds content words: animal"),
    ("There are three bedroom in my flat.", "There are three bedrooms in your flat.",
     "changes who is meant"),
    ("Could I have the bill, please?", "Can I have the bill, please?", "changes a modal verb"),
    ("We have also a garden.", "We have a garden.", "drops also"),
    ("He working now.", "He works now.", "changes the -ing form into another tense"),
    ("Everybody knows him.", "Everyone knows him.", "replaces everybody with everyone"),
    ("The more you practise, the easier it gets.", "The more you practice, the easier it gets.",
     "changes only spelling (Whisper's choice, not the learner's)"),
])
def test_untrustworthy_rewrites_are_rejected(corrector, original, rewrite, reason):
    assert corrector.reject_reason(original, rewrite) == reason


def test_rules_only_mode_never_calls_the_model():
    result = Corrector(GrammarChecker(), model=None).correct("He go to school.")
    assert result.corrected == "He goes to school."


def test_a_separate_rewriter_writes_and_the_scorer_still_decides(smollm2):
    """The rewrite can come from another (larger) model; its edits still go
    through the scoring model's checks, so the scorer's own calls are
    unchanged and the writer is asked exactly once."""

    class Writer:
        def __init__(self, model):
            self.model, self.calls = model, []

        def complete(self, messages, **options):
            self.calls.append(messages[-1]["content"])
            return self.model.complete(messages, **options)

    writer = Writer(smollm2)
    corrector = Corrector(GrammarChecker(), smollm2, rewrite=True, rewriter=writer)
    sentence = "my teacher always give us too much homework"
    result = corrector.correct(sentence)
    assert writer.calls == [sentence]
    assert result.corrected == "my teacher always gives us too much homework"
