"""The curated learner rules: each fixes its error and leaves correct speech alone."""

import pytest

from app.tutor.grammar import GrammarChecker
from app.tutor.learner_rules import apply_rules


@pytest.mark.parametrize("sentence, fixed, kind", [
    ("I am agree with you.", "I agree with you.", "extra word"),
    ("Can you tell me where is the station?", "Can you tell me where the station is?",
     "word order"),
    ("yesterday i go to the cinema", "yesterday i went to the cinema", "verb tense"),
    ("i have two brother", "i have two brothers", "plural"),
    ("i going to the shop now", "i am going to the shop now", "missing word"),
    ("you must to go", "you must go", "extra word"),
    ("my brother live in london", "my brother lives in london", "agreement"),
    ("she is doctor", "she is a doctor", "article"),
    ("i look forward to meet you", "i look forward to meeting you", "other"),
])
def test_rule_fixes(sentence, fixed, kind):
    corrected, edits = apply_rules(sentence)
    assert corrected == fixed
    assert [e.kind for e in edits] == [kind] and edits[0].reason


def test_inserted_word_is_shown_with_its_neighbour():
    _, edits = apply_rules("i going to the shop now")
    assert (edits[0].original, edits[0].corrected) == ("i", "i am")


@pytest.mark.parametrize("sentence", [
    "what time does the bus leave",
    "one of my friends lives in rome",
    "a two year old boy",
    "I need help with my bag",
    "I used to play tennis",
    "yesterday we went to a concert",
    "When I was a child, I played football.",
])
def test_correct_speech_is_left_alone(sentence):
    assert apply_rules(sentence) == (sentence, [])


def test_harper_and_curated_rules_together():
    corrected, edits = GrammarChecker().check("yesterday she call me and i am agree")
    # The past time makes it a tense error: no invented "she calls".
    assert corrected == "yesterday she called me and i agree"
    assert [e.kind for e in edits] == ["extra word", "verb tense"]
