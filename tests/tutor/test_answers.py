"""Answers to "is it correct?" from the corrector, what of a line is news, and
the goodbye: on fakes (no language model); the verdicts also read spaCy's
parse, so those are in the model tier.

The sentences here are written for these tests; the dialogue evaluation set
(tests/data/dialogue) is not used.
"""

import pytest

from app.tutor import answers, dialogue
from app.tutor.edits import Edit
from tests.fakes import FakeCorrector


@pytest.mark.model  # spaCy's parse (app/tutor/sentence_checks.py)
def test_a_wrong_sentence_is_corrected_never_called_right():
    fix = Edit("don't", "doesn't", "agreement", "agreement")
    corrector = FakeCorrector({"he don't like tea": [fix]})
    found = answers.is_correct("he don't like tea", corrector)
    assert found.text == "Not quite: say 'He doesn't like tea'."


@pytest.mark.model  # spaCy's parse (app/tutor/sentence_checks.py)
def test_without_a_language_model_a_sentence_is_not_called_right():
    # The rules alone miss most learner errors: the tutor says it is not sure.
    # ("afraid to the dark": no parse check nor curated rule knows this one.)
    found = answers.is_correct("she is afraid to the dark", FakeCorrector())
    assert not found.sure and "that's right" not in found.text.lower()


@pytest.mark.model  # spaCy's parse (app/tutor/sentence_checks.py)
def test_the_parse_checks_correct_without_a_language_model():
    found = answers.is_correct("he go to work", FakeCorrector())
    assert found.text == "Not quite: say 'He goes to work'."


@pytest.mark.parametrize("line, news", [
    ("hi, i am fine thank you. i just come back from my work", "i just come back from my work"),
    ("thanks. my grandmother died last year, so i cannot ask her anymore",
     "my grandmother died last year, so i cannot ask her anymore"),
    ("haha yes, okay", ""),
    ("we went to the beach (it was so hot) with the kids lol", "we went to the beach with the kids"),
    ("Thanks for asking, the weekend was good, we went to the lake.",
     "the weekend was good, we went to the lake."),
    ("He brought flowers, and I don't know why, haha.", "He brought flowers, and I don't know why."),
])
def test_greetings_thanks_laughter_and_asides_are_not_news(line, news):
    assert " ".join(dialogue.news_part(line).split()) == news


def test_a_goodbye_praises_a_clean_line_and_asks_nothing():
    text = dialogue.goodbye(["i went to the market", "i bought fresh fish for dinner"],
                            ["i bought fresh fish for dinner"], 0)
    assert "?" not in text and "I bought fresh fish for dinner" in text


@pytest.mark.model  # spaCy's parse (app/tutor/sentence_checks.py)
def test_a_choice_of_two_sentences_names_the_one_without_an_error():
    from app.tutor.acts import Act, ActResult, LanguageKind

    fix = Edit("go", "goes", "agreement", "agreement")
    corrector = FakeCorrector({"he go to work": [fix]})
    asked = ActResult(Act.LANGUAGE, LanguageKind.IS_CORRECT, "he go to work",
                      alternative="he goes to work")
    assert answers.answer(asked, corrector).text == "Say 'He goes to work'."


def test_a_fix_is_said_with_the_capitals_of_written_english():
    # The learner's line comes lower case from the classifier (test7).
    assert answers._sentence_shape("i'm bad at english on mondays", "x") == \
        "I'm bad at English on mondays"
    assert answers._sentence_shape("i saw him on monday.", "x.") == "I saw him on Monday."


def test_a_curated_rule_fixes_before_the_parse_checks():
    # test8: the parse check's "did you ever be" was said; the rule knows "have you ever been".
    found = answers.is_correct("did you ever been to spain", FakeCorrector({}))
    assert found.text == "Not quite: say 'Have you ever been to spain'."
