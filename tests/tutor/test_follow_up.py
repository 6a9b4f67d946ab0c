"""The follow-up question after news (app/tutor/follow_up.py): its prompt, on
a scripted model its tries, and with the real SmolLM2 what it asks.

The news lines here are not lines of the dialogue set (tests/data/dialogue).
"""

import pytest

from app.devtools.eval_dialogue import score
from app.tutor import dialogue, follow_up, replies
from app.tutor.conversation import Conversation
from tests.tutor.fakes import Fake


def test_the_prompt_names_the_tutors_question_and_the_news_without_greetings():
    prompt = follow_up.messages("hi, thank you. my brother bought a boat",
                                "What did your family do this week?")
    assert prompt[: len(follow_up.head())] == follow_up.head()  # the cached head comes first
    assert prompt[-2] == {"role": "assistant", "content": "What did your family do this week?"}
    assert prompt[-1] == {"role": "user", "content": "my brother bought a boat"}
    assert follow_up.messages("my brother bought a boat")[-2]["role"] == "assistant"
    assert follow_up.messages("my brother bought a boat")[-2] == follow_up.head()[-1]


def test_the_tutors_last_question_is_the_one_the_news_answers():
    history = [("hi", "Nice to meet you. Where do you live? I live in Leeds.")]
    assert follow_up.last_question(history) == "Where do you live?"
    assert follow_up.last_question([], "Hello! How was your weekend?") == "How was your weekend?"
    assert follow_up.last_question([("ok", "I see.")]) == ""


def test_a_template_follow_up_never_counts_as_on_the_content():
    item = {"id": 1, "act": "news", "learner": "i lost my wallet",
            "expect": {"content": ["wallet"]}}
    record = {"reply": "Oh dear. What else can you tell me about your wallet?", "act": "news",
              "recast": "", "source": "fallback"}
    assert score(item, record)["follow_up_on_content"] is False
    assert score(item, {**record, "source": "model"})["follow_up_on_content"] is True


@pytest.mark.model  # the recast parses with spaCy
def test_the_follow_up_uses_its_own_prompt_and_grammar_and_retries_off_topic_questions():
    model = Fake("Where do you live?", "That's sad. How old was your bike?")
    talk = Conversation(model)
    reply = "".join(talk.reply("someone stole my bike at the station"))
    assert reply.endswith(". How old was your bike?") and "Where" not in reply
    assert [call["grammar"] for call in model.calls] == [follow_up.GRAMMAR] * 2
    assert model.calls[0]["messages"][0]["content"] == follow_up.SYSTEM
    assert talk.last_report.attempts[0] == ("Where do you live?", ["not about what was said"])
    assert talk.last_report.dropped == 1 and talk.last_report.source == "model"


@pytest.mark.model
def test_an_off_topic_question_is_said_only_after_every_try():
    model = Fake("Where do you live?", "What is your name?", "Do you like tea?")
    talk = Conversation(model)
    reply = "".join(talk.reply("someone stole my bike at the station"))
    assert len(model.calls) == len(follow_up.ATTEMPTS)
    assert reply.endswith(". Where do you live?")  # no try did better: said


NEWS = ["my brother bought a small boat last summer",
        "i have a new neighbour, she plays the piano every evening",
        "we painted the kitchen yellow at the weekend",
        "my grandfather is in hospital since tuesday"]


def test_smollm2_asks_one_question_about_the_news(smollm2):
    """Most of SmolLM2's questions keep the grammar and the gate; when every
    try fails, the fallback is a question on the topic (at most one line of four)."""
    asked = []
    for line in NEWS:
        talk = Conversation(smollm2)
        talk.warm_up()
        reply = "".join(talk.reply(line))
        question = replies.sentences(reply)[-1]
        assert question.endswith("?") and reply.count("?") == 1, reply
        if talk.last_report.source == "model":
            assert question.startswith(follow_up.OPENERS), reply  # the grammar held
            assert not follow_up.problems(question), reply
            asked.append((question, line))
    assert len(asked) >= 3 and sum(dialogue.about(q, line) for q, line in asked) >= 3, asked


def test_asking_what_was_meant_is_no_follow_up():
    assert follow_up.problems("What do you mean by family?") == ["asks what was meant"]
    assert follow_up.problems("How is your daughter today?") == []


@pytest.mark.model  # spaCy tags the words after "What kind of"
@pytest.mark.parametrize("question, senseless", [
    ("What kind of old is your cat?", True), ("What kind of crazy are those dogs?", True),
    ("What kind of film?", False), ("What kind of Japanese food do you cook?", False)])
def test_what_kind_of_must_name_a_thing(question, senseless):
    assert bool(follow_up.problems(question)) == senseless


class _Slots(Fake):
    """A scripted model whose cache views tag each call with their slot."""

    def with_own_cache(self, slot):
        parent = self

        class View(Fake):
            def stream(self, messages, **options):
                return parent.stream(messages, slot=slot, **options)

        return View()

    def stream(self, messages, slot="main", **options):
        return super().stream(messages, slot=slot, **options)


def test_a_question_to_the_tutor_reads_its_warmed_prompt_in_its_own_cache():
    """The answer prompt has a cache of its own, read up to the question in
    warm_up: the question then reads only itself, and the main prompt's
    cache (the history) is not evicted by it."""
    from app.tutor.acts import Act, ActResult, TutorKind

    model = _Slots("I like the Alfama district a lot.")
    talk = Conversation(model)
    talk.history.append(("i am going to lisbon next week", "Oh, nice! How long?"))
    talk.warm_up()
    [warmed] = [c["messages"] for c in model.calls if c["slot"] == "answer"]
    before = len(model.calls)
    "".join(talk.reply("what should i see there?",
                       act=ActResult(Act.TUTOR, TutorKind.RECOMMENDATION)))
    [asked] = [c for c in model.calls[before:] if c.get("max_tokens", 0) > 1]
    assert asked["slot"] == "answer"
    assert asked["messages"][:len(warmed)] == warmed
    assert asked["messages"][len(warmed):] == [{"role": "user",
                                                "content": "what should i see there?"}]
