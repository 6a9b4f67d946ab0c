"""What the news is about (app/tutor/news_focus.py) and how the follow-up
prompt tells the model (app/tutor/follow_up.py).

The news lines here are not lines of the dialogue set (tests/data/dialogue).
The focus tests parse with spaCy (a `model` test in this project); the
prompt tests stand a fake focus in for it and stay in the fast tier.
"""

import pytest

from app.tutor import follow_up, news_focus
from app.tutor.follow_up_examples import BY_KIND, DONE, PLAN, TROUBLE, nearest
from app.tutor.news_focus import FUTURE, PAST, PRESENT, Focus

EVERY_EXAMPLE = [example for shown in BY_KIND.values() for example in shown]


@pytest.mark.model  # spaCy parses
@pytest.mark.parametrize("news, text, time", [
    # The event, in the second person, without when it happened or where.
    ("my bike got a flat tyre on the way to work", "your bike got a flat tyre", PAST),
    ("we are flying to rome next friday", "you are flying to Rome", FUTURE),
    ("my son is ill since sunday", "your son is ill", PRESENT),
    # The clause with the news, not "i think" nor the remark before it.
    ("i think i lost my keys at the gym", "you lost your keys", PAST),
    ("everything is ok, my brother is coming to stay with us in july",
     "your brother is coming to stay with you", FUTURE),
    ("two cats, they are very lazy", "they are very lazy", PRESENT),
    # A bare verb after a past time word is said in the past.
    ("last sunday we paint the kitchen", "you painted the kitchen", PAST),
    ("i missed the last bus home last night", "you missed the last bus home", PAST),
])
def test_the_focus_is_the_event_in_the_second_person(news, text, time):
    found = news_focus.focus(news)
    assert (found.text, found.time) == (text, time)


@pytest.mark.model  # spaCy parses
def test_a_line_without_a_clause_keeps_its_words():
    assert news_focus.focus("a film about the moon landing").text == \
        "a film about the moon landing"


@pytest.mark.model  # spaCy parses
def test_each_example_has_the_focus_the_code_finds_and_openers_that_fit():
    for kind, shown in BY_KIND.items():
        for news, about, question in shown:
            found = news_focus.focus(news)
            assert found.text == about, news
            assert (found.time == FUTURE) == (kind == PLAN), news
            assert question.startswith(tuple(
                o + " " for o in follow_up.TIMED_OPENERS[found.time])), question


def _fake_focus(monkeypatch, time=PAST, text="your bike got a flat tyre", kind=TROUBLE):
    """Stand-ins for the parse (spaCy) and the tone (VADER): the fast tier."""
    monkeypatch.setattr(news_focus, "focus", lambda news: Focus(text, time, ()))
    monkeypatch.setattr(follow_up, "kind", lambda news, found=None: kind)


def test_the_tutor_says_back_what_the_news_is_about_before_the_question(monkeypatch):
    _fake_focus(monkeypatch)
    prompt = follow_up.messages("hi! my bike got a flat tyre on the way to work",
                                "How was your day?")
    assert prompt[: len(follow_up.head())] == follow_up.head()  # the cached head comes first
    assert prompt[-3:] == [
        {"role": "assistant", "content": "How was your day?"},
        {"role": "user", "content": "my bike got a flat tyre on the way to work"},
        {"role": "assistant", "content": "Oh no, your bike got a flat tyre."}]
    # Between them, examples of trouble that are not in the head already.
    between = prompt[len(follow_up.head()):-3]
    assert between and all(m["content"] in [q for *_, q in BY_KIND[TROUBLE]]
                           for m in between[2::3])
    assert not [m for m in between if m in follow_up.head()]


def test_the_example_closest_by_words_comes_last():
    shown = nearest(DONE, "we went to a museum with the kids")
    assert len(shown) == 3 and shown[-1][0] == "we went to the zoo with the kids"


def test_every_example_has_the_same_shape_as_the_learners_turn(monkeypatch):
    _fake_focus(monkeypatch)
    prompt = follow_up.messages("my bike got a flat tyre")[1:]
    # news, what the tutor says back, the question; the news, what it says back.
    assert [m["role"] for m in prompt] == ["user", "assistant", "assistant"] * (
        len(prompt) // 3) + ["user", "assistant"]
    assert all(m["content"].endswith("?") for m in prompt[2::3])
    assert all(m["content"].startswith(("Oh", "I see")) for m in prompt[1::3])


def test_no_example_asks_the_kind_or_the_name_of_a_thing():
    for _, _, question in EVERY_EXAMPLE:
        assert not question.lower().startswith(("what kind", "what is", "what's", "which")), \
            question


def test_a_line_with_nothing_to_focus_on_is_the_turn_alone(monkeypatch):
    _fake_focus(monkeypatch, text="")
    assert follow_up.messages("okay")[-1] == {"role": "user", "content": "okay"}


@pytest.mark.parametrize("time, fits, not_fitting", [
    (FUTURE, '"What will you "', '"How did you "'),
    (PAST, '"How did you "', '"What will you "'),
    (PRESENT, '"How do you "', '"What will you "'),
])
def test_the_openers_fit_when_the_news_happens(monkeypatch, time, fits, not_fitting):
    _fake_focus(monkeypatch, time=time)
    chosen = follow_up.grammar("SmolLM2-135M-Instruct.Q4_1", "we are flying to rome")
    assert fits in chosen and not_fitting not in chosen
    assert '"What kind of "' not in chosen and '"What is "' not in chosen


def test_qwen_keeps_its_own_prompt_and_openers_whatever_the_news(monkeypatch):
    _fake_focus(monkeypatch, time=FUTURE)
    qwen = "qwen2.5-coder-0.5b-instruct-q4_k_m"
    assert follow_up.grammar(qwen, "we are flying to rome") == follow_up.QWEN_GRAMMAR
    assert follow_up.messages("we are flying to rome", "", qwen)[-1] == \
        {"role": "user", "content": "we are flying to rome"}


def test_smollm2_asks_about_the_event_of_an_unseen_line(smollm2):
    """With the focus in its prompt, SmolLM2's question after this line is
    about what happened. The targets (in the strict check's form,
    app/devtools/ask_check.py) were written before the test was first run."""
    from app.devtools.ask_check import strict_ok
    from app.tutor import replies
    from app.tutor.conversation import Conversation

    line = "i missed the last bus home last night"
    expect = {"ask_about": ["get home|got home|walk|taxi|lift|ride|call|wait|sleep|stay|friend|"
                            "what did you do|how did you get|late|cold|tired"],
              "not_this": [r"what kind of", r"which bus", r"\bwhen\b", r"what bus"]}
    talk = Conversation(smollm2)
    talk.warm_up()
    question = replies.sentences("".join(talk.reply(line)))[-1]
    assert talk.last_report.source == "model", talk.last_report
    assert strict_ok(question, expect, line), question
