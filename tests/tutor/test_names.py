"""The word for a learner's description, from the hand-written names table
(assets/dictionary/names.tsv, app/tutor/names.py). The descriptions here are
written for these tests; the dialogue evaluation sets are not used."""

import pytest

from app.tutor import answers, names
from app.tutor.acts import Act, classify

pytestmark = pytest.mark.model  # loads lemminflect's tables


@pytest.mark.parametrize("description, word", [
    ("someone who fixes the electricity in my flat", "electrician"),
    ("the sister of my father", "aunt"),
    ("the man who owns the flat i rent", "landlord"),
    ("a thing for cutting paper", "scissors"),
    ("the shop where they sell bread and cakes", "bakery"),
    ("the tool you use to turn screws", "screwdriver"),
])
def test_a_description_finds_the_everyday_word(description, word):
    found = names.find(description)
    assert found is not None and word in found.words, found


@pytest.mark.parametrize("description", [
    "an animal with eight legs that makes webs",  # no such row: nothing is guessed
    "when you feel sick because of the boat moving",
])
def test_a_description_no_row_says_finds_nothing(description):
    assert names.find(description) is None


def test_a_persons_word_never_answers_for_a_thing():
    found = names.find("the shop where they sell bread and cakes")
    assert found is not None and not names.of_person(found.meaning)
    assert names.of_person("my mother's sister") and names.of_person("we have a man who cleans")
    assert not names.of_person("the machine that washes the dishes")


def test_the_answer_gives_the_word_its_meaning_and_an_example():
    found = answers.how_to_say("someone who fixes the electricity in my flat", model=None)
    assert found.sure and found.source == "names"
    assert found.text.startswith("You can say 'electrician'. It means ")
    assert "For example: 'The electrician" in found.text


def test_a_description_before_how_do_you_say_it_is_asked_of_the_table_alone():
    act = classify("when you are tired and you open your mouth wide, like aaah, "
                   "how do you say it?")
    assert (act.act, act.kind, act.detail) == (Act.LANGUAGE, "how_to_say", "described")
    assert "'yawn'" in answers.answer(act).text
    act = classify("my body was doing like this, brrr, moving, how do you call this?")
    assert act.detail == "described"
    # WordNet's definitions matched such talk by chance ("wave"); the table's
    # row stands out from every other row's, though short of a full match.
    found = answers.answer(act)
    assert "'shiver'" in found.text and found.source == "names"
    # Asking to hear it again is not a description.
    assert classify("sorry, i didn't hear you, how do you say it?").act != Act.LANGUAGE


def test_a_weaker_match_answers_only_when_it_stands_out():
    found = names.find("the thing in the street, a machine, you take money from it")
    assert found is not None and found.word == "cash machine / ATM"
    # No row says a baby's towel for eating (a bib), and none stands out.
    assert names.find("a little towel on the neck of a baby when he eats") is None
    # A word the learner said is not the answer: "swimming pool" is not the glasses.
    found = names.find("for the swimming pool i need, the glasses for the water, for the eyes")
    assert found is None or found.word != "swimming pool"
