"""The "more"/"most" edits are proposed only for the adjective they modify
(model tier: spaCy's parse)."""

import pytest

from app.tutor.gec.candidates import candidates

pytestmark = pytest.mark.model


def proposed(sentence: str) -> list[str]:
    return [c.apply(sentence) for c in candidates(sentence) if c.family == "degree"]


@pytest.mark.parametrize("sentence", [
    "I want to travel more next year.",  # dev.txt: the corrector dropped "more"
    "I need more red apples.",
])
def test_more_of_a_verb_or_a_noun_gets_no_degree_edit(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence, fixed", [
    ("This exercise is more easy than the last one.", "This exercise is easier than the last one."),
    ("This is more better than that.", "This is better than that."),
    ("He is the most funny person I know.", "He is the funniest person I know."),
])
def test_more_of_an_adjective_keeps_its_degree_edit(sentence, fixed):
    assert fixed in proposed(sentence)
