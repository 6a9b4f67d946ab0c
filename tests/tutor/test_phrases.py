"""Phrasal verbs and idioms answered from the hand-written table (app/tutor/phrases.py)."""

import pytest

from app.tutor import answers, phrases


@pytest.mark.parametrize("asked, phrase, words", [
    ("break down", "break down", "stop working"),
    ("broke down", "break down", "stop working"),  # the verb's base form
    ("carry on", "carry on", "continue"),
    ("cold feet", "get cold feet", "nervous"),  # with the verb the idiom takes
    ("it's not my cup of tea", "not my cup of tea", "not something i like"),
    ("in my english book it say break the ice", "break the ice", "relax"),  # said inside
])
def test_a_phrase_gets_its_everyday_meaning(asked, phrase, words):
    found = answers.meaning(asked)
    assert found.sure and found.source == "phrases"
    assert found.text.startswith(f"'{phrase}' means") and words in found.text.lower()
    assert "For example: '" in found.text


def test_single_words_and_unknown_phrases_go_to_wordnet():
    assert answers.meaning("banana").source == "wordnet"
    assert phrases.look_up(["zorbly flimp"]) is None


def test_the_table_is_read_as_package_data():
    assert len(phrases.table()) > 350
