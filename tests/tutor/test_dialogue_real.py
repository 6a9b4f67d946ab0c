"""Each act through a Conversation on the real SmolLM2 and the real corrector.

The act is given (the classifier is app/tutor/acts.py's, tested there). What
is checked is what must hold whatever the model writes: answers come from
their sources, a wrong sentence is never called right, goodbyes ask nothing,
news is not said back whole, a question to the tutor gets no template. The
lines are written for these tests, not taken from tests/data/dialogue.
"""

import pytest

from app.tutor import dialogue
from app.tutor.acts import Act, ActResult, LanguageKind, TutorKind
from app.tutor.conversation import Conversation
from app.tutor.corrections import Corrector
from app.tutor.grammar import GrammarChecker
from app.tutor.recast import load

pytestmark = pytest.mark.model  # loads a real model


@pytest.fixture(scope="module")
def corrector(smollm2):
    load()
    return Corrector(GrammarChecker(), smollm2)


def _talk(smollm2, corrector, *history):
    talk = Conversation(smollm2, corrector=corrector)
    talk.history.extend(history)
    return talk


def _reply(talk, line, act):
    return "".join(talk.reply(line, act=act)).strip()


def test_is_it_correct_uses_the_corrector_and_never_calls_a_wrong_sentence_right(
        smollm2, corrector):
    talk = _talk(smollm2, corrector)
    wrong = _reply(talk, "can i say she don't know the answer?", ActResult(
        Act.LANGUAGE, LanguageKind.IS_CORRECT, "she don't know the answer"))
    assert "right" not in wrong.lower()
    assert "Not quite: say 'She doesn't know the answer" in wrong or "not sure" in wrong
    right = _reply(talk, "can i say she doesn't know the answer?", ActResult(
        Act.LANGUAGE, LanguageKind.IS_CORRECT, "she doesn't know the answer"))
    assert right.endswith("Yes, that's right.") or "not sure" in right.lower()


def test_word_form_meaning_and_pronunciation_come_from_their_sources(smollm2, corrector):
    talk = _talk(smollm2, corrector)
    past = _reply(talk, "what is the past of catch?",
                  ActResult(Act.LANGUAGE, LanguageKind.WORD_FORM, "catch", "past"))
    assert "'caught'" in past
    meant = _reply(talk, "what does exhausted mean?",
                   ActResult(Act.LANGUAGE, LanguageKind.MEANING, "exhausted"))
    assert talk.last_report.source == "answer:wordnet" and "exhausted" in meant
    said = _reply(talk, "how do you pronounce banana?",
                  ActResult(Act.LANGUAGE, LanguageKind.PRONUNCIATION, "banana"))
    assert "ba-NA-na: three syllables" in said and talk.last_report.say_slowly == "banana"


def test_how_to_say_gives_a_word_only_when_the_dictionary_backs_it(smollm2, corrector):
    talk = _talk(smollm2, corrector)
    said = _reply(talk, "what do you call a doctor for teeth?",
                  ActResult(Act.LANGUAGE, LanguageKind.HOW_TO_SAY, "a doctor for teeth"))
    # SmolLM2 may not know it; then it must say so, never an unchecked word.
    assert "dentist" in said or "not sure" in said


def test_a_question_to_the_tutor_gets_an_answer_with_the_thread_and_no_template(
        smollm2, corrector):
    talk = _talk(smollm2, corrector,
                 ("i am going to lisbon next month", "Oh, nice! Who are you going with?"))
    answer = _reply(talk, "what should i see there?",
                    ActResult(Act.TUTOR, TutorKind.RECOMMENDATION))
    assert answer and "tell me a bit more" not in answer.lower()
    assert talk.last_report.source == "answer:model"
    assert "lisbon" in dialogue.answer_messages(talk, "what should i see there?")[0][
        "content"].lower()


def test_news_gets_a_reaction_not_the_whole_line_back(smollm2, corrector):
    talk = _talk(smollm2, corrector)
    line = "thanks. my grandmother died last year, so i cannot ask her anymore"
    reply = _reply(talk, line, ActResult(Act.NEWS))
    assert "thanks your grandmother" not in reply.lower() and line not in reply.lower()
    assert reply.startswith(("Oh no.", "Oh dear.", "I see.", "Okay."))


@pytest.mark.parametrize("line, fixed", [
    ("I have went to the bank yesterday.", False),  # the rules fix "went" only
    ("My sister live in a small flat.", True),
])
def test_a_recast_never_says_an_error_back(smollm2, corrector, line, fixed):
    """The rules' fix of one word can leave the clause wrong ("you have gone to
    the bank yesterday"): such a recast is not said; a sound one is."""
    talk = _talk(smollm2, corrector)
    certain = corrector.grammar.check(line)[0]
    first = next(iter(talk.reply(line, corrected=certain, act=ActResult(Act.NEWS))))
    assert "have gone" not in first
    assert ("lives in a small flat" in first) is fixed


def test_a_goodbye_is_warm_and_asks_nothing(smollm2, corrector):
    talk = _talk(smollm2, corrector, ("i bought fresh fish at the market", "Oh, nice! How?"))
    talk.clean_lines.append("i bought fresh fish at the market")
    bye = _reply(talk, "okay, i have to go now, thank you for the talk", ActResult(Act.GOODBYE))
    assert "?" not in bye and "I bought fresh fish at the market" in bye
