"""The echo backstop (app/tutor/act_echo.py): a question about a word the
learner just said again, or spelled out, asked in words about language.

The lines are learners' (held-out splits test8-test10, now tuning data, and
new ones in their shapes); the lookalikes echo without talking about language,
or talk about stress and names without asking about a word, and stay what
they are."""

import pytest

from app.tutor import act_echo
from app.tutor.act_text import canonical
from app.tutor.acts import Act, classify


@pytest.mark.parametrize("line, kind, subject", [
    # an echo, then stress, syllables or a letter
    ("We're looking for a new apartment. A-part-ment, the stress is on the first part?",
     "pronunciation", "apartment"),
    ("I went to the pharmacy. Pharmacy, hmm, the stress is in the beginning or middle?",
     "pronunciation", "pharmacy"),
    ("So, um, next week I'm on holiday. Holiday, which part is stressed, the day?",
     "pronunciation", "holiday"),
    ("the next category is sport. Category, which syllable is strong? I say ca-te-go-ry.",
     "pronunciation", "category"),
    ("yes, she always says listen, listen. Uh, listen, I pronounce the t or no?",
     "pronunciation", "listen"),
    ("Someone stole my bike so I called the police, po-lice. Uh, the stress is on the first part?",
     "pronunciation", "police"),
    ("my daughter studies chemistry. chemistry, which part is stressed?", "pronunciation",
     "chemistry"),
    ("yesterday i felt very exhausted. exhausted, the stress is on the second part?",
     "pronunciation", "exhausted"),
    ("we bought a new cupboard. cupboard, the p, I pronounce it or no?", "pronunciation",
     "cupboard"),
    # an echo, then its meaning
    ("my teacher says my English is rusty. Uh, rusty, what is the meaning here?", "meaning",
     "rusty"),
    ("the radio said it will be chilly tonight. um, chilly, like chili pepper?", "meaning",
     "chilly"),
    ("the company said they will sort out it this week. sort out, what is it exactly?", "meaning",
     "sort out"),
    ("my husband said, come on, it's not rocket science. um, what is it, rocket science?",
     "meaning", "rocket science"),
    ("no, but I ran into my old teacher there. my friend says ran into, what does run into mean?",
     "meaning", "run into"),
    ("my boss wants to touch base tomorrow. what is exactly touch base?", "meaning",
     "touch base"),
    # an echo, then a check
    ("uh, he always asks, whose turn is it to wash the dishes? whose turn, correct?",
     "is_correct", "whose turn is it to wash the dishes"),
    ("we arrived to the airport very late. arrived to, the preposition is ok?", "is_correct",
     "we arrived to the airport very late"),
    ("I'm married with a dentist. married with, correct?", "is_correct",
     "i'm married with a dentist"),
    ("I've just finished my lunch. um, just finished, is it the right word order?",
     "is_correct", "i've just finished my lunch"),
    # a check on the sentence before it
    ("she did me a huge favour yesterday, is it correct or I need made?", "is_correct",
     "she did me a huge favour yesterday"),
    ("could you turn the music down a bit? I want to say this to my son. is it polite?",
     "is_correct", "could you turn the music down a bit"),
    # a word form, after the word said again
    ("my friend lend me his car yesterday, uh no, lend in the past, how is it?", "word_form",
     "lend"),
])
def test_an_echo_with_language_talk_is_a_language_question(line, kind, subject):
    result = classify(line)
    assert (result.act, result.kind, result.subject) == ("language_question", kind, subject)


@pytest.mark.parametrize("line", [
    "I love the stress of the city",
    "what does your son do?",
    "my brother is called Tom",
    "work is a lot of stress. stress, do you have it too?",
    "my job is hard. job, the stress is too much?",
    "I went to Paris. Paris, is it beautiful?",
    "my son plays football. football, you like it?",
    "my mum was sick. my mum, is she ok now?",
    "I'm going to Paris next week, right?",
    "let's meet at five, ok?",
    "I invited my boss for dinner. is it polite?",
    "my new boss is polite. is he polite?",
    "we visited London. London, is the accent different there?",
    "my car is broken. my car, what is the problem?",
    "I bought a t-shirt and a twenty-one piece puzzle. do you like puzzles?",
    "my mother-in-law is coming. is she nice, your mother-in-law?",
])
def test_an_echo_or_language_words_alone_ask_nothing_about_english(line):
    assert classify(line).act != "language_question"


def test_a_word_spelled_in_letters_is_no_word_in_syllables():
    # "t-i-e-i-n-g": how it is written, not where its stress is
    assert act_echo._spelled("is it t-i-e-i-n-g or with y") is None
    assert act_echo._spelled("i say a-part-ment") == "apartment"
    assert act_echo._spelled("my mother-in-law") is None


def test_the_backstop_reads_only_what_the_frames_left():
    # a line the frames read is never the backstop's
    assert act_echo.find(canonical("what does it mean?")) is None


@pytest.mark.parametrize("line,kind", [
    ("it's a ten minutes walk to the station. ehm, ten minutes walk, how is correct?",
     "is_correct"),
    ("yes, the menu is more simple. um, comparative of simple, is it simpler?", "word_form"),
    ("my flat is far from work, i feel tired on the bus. there is a word for this?",
     "how_to_say"),
    ("we went to the museum. hmm, museum, the stress is where?", "pronunciation"),
])
def test_a_question_about_english_no_frame_reads_asks_again(line, kind):
    """Not the model's guess: the tutor asks which word or sentence is meant."""
    from app.tutor.answers import answer

    act = classify(line)
    assert (act.act, act.kind, act.subject) == (Act.LANGUAGE, kind, None)
    assert answer(act).text.startswith("Sorry, ")


@pytest.mark.parametrize("line", [
    "does that mean you bought it?",
    "which grammar book do you recommend?",
    "what do you think, is it a correct decision to move to berlin?",
])
def test_a_question_to_the_tutor_about_other_things_stays_one(line):
    assert classify(line).act != Act.LANGUAGE
