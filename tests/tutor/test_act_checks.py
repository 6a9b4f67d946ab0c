"""A sentence and then "is it right?" about it, in one turn (app/tutor/act_checks.py)."""

import pytest

from app.tutor import acts


@pytest.mark.parametrize("line, subject", [
    ("so my brother work in a bank, is it correct like this?", "my brother work in a bank"),
    ("nice. i was born in nineteen ninety, um, is this correct english?",
     "i was born in nineteen ninety"),
    ("yeah we go there every year, can i say like that?", "we go there every year"),
    ("i must to leave early. uh, is must ok there?", "i must to leave early"),
    ("she is married with a doctor, is the grammar ok?", "she is married with a doctor"),
    ("i always am hungry after school, is the order of the words right?",
     "i always am hungry after school"),
    ("we have been there last year. is that how you say it?", "we have been there last year"),
    ("so i want to ask my boss, can i leave early today? is that correct?",
     "can i leave early today"),
    ("my parents is at home, are is right, yes? not is?", "my parents is at home"),
    # test8 (a tuning split since its reading)
    ("we had a great time. um... a great time, is it right or no?", "we had a great time"),
    ("she sings very good. can i say sings good?", "she sings very good"),
    ("i said, if i would have money, i would buy it. is it correct english?",
     "if i would have money, i would buy it"),
    ("i want to ask the bus driver, where is the stop for the museum. is it ok?",
     "where is the stop for the museum"),
    ("can i say this... my car is more old than yours", "my car is more old than yours"),
    ("can i ask him like this, did you ever went to london?", "did you ever went to london"),
    ("we were tired. is it the right word order?", "we were tired"),
    # test9 (a tuning split since its reading); lines written for this test
    ("I'm writing an email. This sentence is ok? Please send me the report until Friday.",
     "please send me the report until friday"),
    ("we're going to cook a bread, is good english?", "we're going to cook a bread"),
    ("yesterday i see a film, is right?", "yesterday i see a film"),
    ("i go to the gym two times in the week. correct or not correct?",
     "i go to the gym two times in the week"),
    ("i'm afraid from spiders. afraid from, the preposition is right?",
     "i'm afraid from spiders"),
    ("my teacher let us leave early. is it right, let us leave, without to?",
     "my teacher let us leave early"),
    ("our printer needs fixing. can i say needs fixing? it sounds strange.",
     "our printer needs fixing"),
    ("i have been there twice. have been, is correct?", "i have been there twice"),
    ("either you or your sister has to come. is that correct grammar, either or?",
     "either you or your sister has to come"),
    ("he told me what he wanted. what he wanted, not what did he want, it's right?",
     "he told me what he wanted"),
    # test10 (a tuning split since its reading); lines written for this test
    ("the room was so much cold. So much cold, it's ok in English?", "the room was so much cold"),
    ("I'll tell her, I'd like you to come with us. this sentence is ok?",
     "i'll tell her, i'd like you to come with us"),
    ("We stayed at home instead. hmm, instead at the end, is it correct?",
     "we stayed at home instead"),
])
def test_a_check_after_a_sentence_asks_about_it(line, subject):
    result = acts.classify(line)
    assert (result.act.value, result.kind, result.subject) == (
        "language_question", "is_correct", subject)


@pytest.mark.parametrize("line, kind, subject", [
    # A question before the check is the question.
    ("my friend said i'm stubborn, what's the meaning of stubborn? is it bad?", "meaning",
     "stubborn"),
    ("my boss asked me to work a double shift, what does it mean double shift?", "meaning",
     "double shift"),
    ("people say she takes after her mother, you know, what does take after mean?", "meaning",
     "take after"),
    ("um, vegetable, where is the stress?", "pronunciation", "vegetable"),
    ("ok. um, comfortable, how do you pronounce it correctly?", "pronunciation", "comfortable"),
    ("could you say me how to pronounce island?", "pronunciation", "island"),
    ("my daughter is at university now, uh, university, where is the stress?", "pronunciation",
     "university"),
    ("we bought the cheapest one. Chocolate, how many syllables?", "pronunciation", "chocolate"),
    ("Lazy? what it means?", "meaning", "lazy"),
    ("it was a cozy room. cozy, what is the meaning?", "meaning", "cozy"),
    ("swim, in the past, is it swimmed?", "word_form", "swim"),
    ("we have a man who fixes the pipes in our building, what's the word for him?", "how_to_say",
     "we have a man who fixes the pipes in our building"),
])
def test_the_question_in_a_longer_turn_is_found(line, kind, subject):
    result = acts.classify(line)
    assert (result.act.value, result.kind, result.subject) == ("language_question", kind, subject)


@pytest.mark.parametrize("line", [
    "i think the food was ok, is it ok for you?",
    "the hotel was fine. is it far from the beach?",
    "my boss asked me what it means",
])
def test_other_questions_are_not_checks(line):
    result = acts.classify(line)
    assert result.kind != "is_correct"
