"""Spoken requests recognised by how the sentence is built (real spaCy
parse). The lines are written for these tests, apart from the evaluation
set (tests/data/requests/)."""

import pytest

from app.tutor.acts import RequestCall
from app.tutor.requests import recognise

pytestmark = pytest.mark.model  # spaCy's parser


@pytest.mark.parametrize("line, name, arguments", [
    ("Sorry, could you speak a little more slowly?", "speak_slower", {}),
    ("you talking too much fast for me", "speak_slower", {}),
    ("Speak quicker please.", "speak_faster", {}),
    ("Go back to normal speed.", "speak_normal", {}),
    ("Again please?", "repeat", {}),
    ("Could you repeat that slowly?", "repeat", {"slowly": True}),
    ("How do you spell Thursday?", "spell", {"word": "Thursday"}),
    ("Let's talk about cooking instead.", "change_topic", {"topic": "cooking"}),
    ("Can we talk about something else?", "change_topic", {}),
    ("let's start a new topic, maybe about travel", "change_topic", {}),  # test6
    ("Let's practise a job interview.", "start_scenario", {"scenario": "job-interview"}),
    ("Please don't correct me.", "corrections", {"mode": "off"}),
    ("Could you correct all my mistakes?", "corrections", {"mode": "more"}),
    ("What did I say wrong?", "explain_last_correction", {}),
    ("How could I say that better?", "say_it_better", {}),
    ("Please remember that I'm allergic to nuts.", "remember", {"fact": "I'm allergic to nuts"}),
    ("Forget what I said about my brother.", "forget", {"about": "my brother"}),
    ("Wait a moment, I'm thinking.", "pause", {}),
    ("Let's stop here for today.", "end_session", {}),
])
def test_requests_are_recognised_with_their_arguments(line, name, arguments):
    assert recognise(line) == RequestCall(name, arguments)


@pytest.mark.parametrize("line", [
    "My grandfather speaks very slowly.",
    "We changed the topic of the meeting.",
    "The train was too slow, so I took a taxi.",
    "I told him to repeat the exercise.",
    "She asked me to spell my surname.",
    "I always forget my umbrella.",
    "Stop! I shouted, but the car didn't stop.",
    'My teacher said "speak more slowly" to the class.',
    "Let me tell you about my holiday.",
    "I want to practise more at home.",
    "It was too fast for my grandmother, she didn't like the ride.",
])
def test_statements_that_mention_requests_are_not_requests(line):
    assert recognise(line) is None


def test_a_clause_addressed_to_the_tutor_that_the_rules_cannot_name_asks_the_model():
    from tests.fakes import FakeChat

    chat = FakeChat('{"name": "speak_slower", "arguments": {}}')
    assert recognise("could you go easier on me with the pace", model=chat) == RequestCall(
        "speak_slower")
    assert len(chat.calls) == 1
    # An ordinary line never asks it.
    assert recognise("my grandfather speaks very slowly", model=chat) is None
    assert len(chat.calls) == 1
