"""The one word tokenizer (app/words.py) that WER, corrections and the review share."""

from app.review.text import normalise_words
from app.speech.wer import normalize
from app.tutor.edits import words as edit_words
from app.words import words


def test_words_lower_case_fold_apostrophes_and_split_on_punctuation():
    assert words("Don’t, I WENT -- well-known/far_away.") == [
        "don't", "i", "went", "well", "known", "far", "away"]
    assert words("'Tis the students' rock'n'roll café, 9:30.") == [
        "tis", "the", "students", "rock'n'roll", "café", "9", "30"]


def test_wer_corrections_and_review_count_the_same_words():
    text = "She said: “I can’t go—it’s 5 o’clock!”"
    assert edit_words(text) == normalise_words(text) == words(text)
    assert normalize(text) == words(text)  # no British spelling in it
    assert normalize("My favourite colour") == ["my", "favorite", "color"]
