import pytest

from app.tutor.edits import classify, diff_edits, normalised, word_distance


def test_normalised_ignores_case_and_punctuation():
    assert normalised("Hello, World!  It's me.") == "hello world it's me"


def test_word_distance():
    assert word_distance("I am agree with you", "I agree with you") == 1
    assert word_distance("a b c", "a b c") == 0


def test_diff_edits():
    assert diff_edits("It depends of the weather.", "It depends on the weather.") == [("of", "on")]


@pytest.mark.parametrize("before, after, word_before, kind", [
    ("a", "an", "buy", "article"),
    ("", "the", "to", "article"),
    ("of", "on", "depends", "preposition"),
    ("like", "likes", "she", "agreement"),
    ("book", "books", "two", "plural"),
    ("is", "was", "it", "verb tense"),
    ("go", "went", "i", "verb tense"),
    ("buy", "bought", "and", "verb tense"),
    ("", "to", "want", "preposition"),
    ("", "really", "i", "missing word"),
    ("very", "", "is", "extra word"),
    ("where is", "is where", "me", "word order"),
    ("interesting", "interested", "am", "word choice"),
])
def test_classify(before, after, word_before, kind):
    assert classify(before, after, word_before) == kind
