"""Which edits are proposed at all, from spaCy's parse (no language model)."""

import pytest

from app.tutor.gec.candidates import candidates


def proposed(sentence: str, family: str) -> list[str]:
    return [c.apply(sentence) for c in candidates(sentence) if c.family == family]


@pytest.mark.parametrize("sentence", [
    "How is your job search going?",  # the model alone preferred "How are your"
    "The children play outside.",
    "She wants to know more.",
    "Let us out of here.",  # an imperative: no subject to agree with
])
def test_a_verb_that_agrees_with_a_plain_subject_gets_no_agreement_edit(sentence):
    assert proposed(sentence, "verb-agreement") == []


@pytest.mark.parametrize("sentence, fixed", [
    ("my teacher always give us too much homework", "my teacher always gives us too much homework"),
    ("the children plays outside", "the children play outside"),
    ("we was late", "we were late"),
    ("my brother and sister lives in Paris", "my brother and sister live in Paris"),
    ("there is many people here", "there are many people here"),
])
def test_a_verb_that_does_not_agree_keeps_its_agreement_edit(sentence, fixed):
    assert fixed in proposed(sentence, "verb-agreement")


def test_a_noun_modifying_a_noun_is_not_made_plural():
    sentence = "The union bosses are fighting the freeze on wage hikes."
    assert "The unions bosses are fighting the freeze on wage hikes." not in proposed(
        sentence, "noun-number")
    # The head noun still has its other number to try.
    assert "The union boss are fighting the freeze on wage hikes." in proposed(
        sentence, "noun-number")
