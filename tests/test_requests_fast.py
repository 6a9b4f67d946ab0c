"""Spoken requests on the fakes (tests/fakes.py): validation against the
schemas, the model's constrained choice, and each request carried out in a
practice with a real store. Recognition itself parses with spaCy (a model):
tests/tutor/test_request_rules.py."""

from __future__ import annotations

import json

import pytest

from app import events as ev
from app.actions import Requests
from app.practice import Practice
from app.store import open_store
from app.store.memory_store import MEMORY_SETTING
from app.tutor import request_rules, requests
from app.tutor.acts import RequestCall
from app.tutor.edits import Edit
from tests.fakes import FakeChat, fake_engines, script_recast


# -- validation ---------------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    RequestCall("speak_slower"), RequestCall("repeat", {"slowly": True}),
    RequestCall("spell", {"word": "queue"}), RequestCall("change_topic"),
    RequestCall("start_scenario", {"scenario": "cafe-order"}),
    RequestCall("corrections", {"mode": "off"}), RequestCall("remember", {"fact": "I'm vegetarian"}),
    RequestCall("forget", {"about": "my job"}), RequestCall("end_session"),
])
def test_valid_calls_have_no_problems(call):
    assert requests.problems(call) == []


@pytest.mark.parametrize("call, problem", [
    (RequestCall("start_scenario"), "missing scenario"),
    (RequestCall("start_scenario", {"scenario": "moon-landing"}), "no scenario 'moon-landing'"),
    (RequestCall("corrections", {"mode": "sometimes"}), "mode must be one of more, less, off, explain"),
    (RequestCall("repeat", {"slowly": "yes"}), "slowly must be true or false"),
    (RequestCall("remember", {"fact": "  "}), "fact must be a word or phrase"),
    (RequestCall("speak_slower", {"how": "much"}), "unexpected argument how"),
    (RequestCall("fly"), "unknown function 'fly'"),
])
def test_bad_arguments_are_named(call, problem):
    assert requests.problems(call) == [problem]


def test_every_function_is_a_tool_and_a_choice_of_the_schema():
    names = [tool["function"]["name"] for tool in requests.tools()]
    assert names == list(requests.FUNCTIONS)
    options = requests.choice_schema()["anyOf"]
    assert [o["properties"]["name"]["const"] for o in options] == names + ["none"]


# -- the model's choice -------------------------------------------------------------------

def test_the_model_chooses_under_the_schema():
    chat = FakeChat(json.dumps({"name": "speak_slower", "arguments": {}}))
    assert requests.ask_model("go easy on me", [], chat) == RequestCall("speak_slower")
    assert chat.calls[0]["json_schema"] == requests.choice_schema()
    assert chat.calls[0]["temperature"] == 0.0


@pytest.mark.parametrize("answer", ['{"name": "none"}', "not json", '{"name": "dance"}'])
def test_none_or_a_broken_answer_is_no_request(answer):
    assert requests.ask_model("let me tell you", [], FakeChat(answer)) is None


def test_a_server_chooses_through_the_tools_parameter():
    class Server(FakeChat):
        def choose_function(self, messages, tools):
            self.tools = tools
            return "change_topic", {"topic": "music"}

    server = Server()
    assert requests.ask_model("anything", [], server) == RequestCall("change_topic",
                                                                     {"topic": "music"})
    assert server.tools == requests.tools() and server.calls == []


def test_a_line_without_a_request_word_is_not_parsed(monkeypatch):
    def no_parse(text):
        raise AssertionError(f"parsed {text!r}")

    monkeypatch.setattr(request_rules, "tokens", no_parse)
    for line in ("i lost my wallet on the bus this morning", "we went to the beach",
                 "my sister is a nurse in Lisbon"):
        assert requests._recognise(line, (), None) is None
    assert requests._recognise("pardon?", (), None) == RequestCall("repeat")


# -- carrying requests out ------------------------------------------------------------------

LINE = "yesterday she go to the cinema with me"
REPLY = "What film did you see?"


@pytest.fixture
def store(parley_home):
    opened = open_store(parley_home)
    yield opened
    opened.close()


@pytest.fixture
def practice(parley_home, store, monkeypatch):
    script_recast(monkeypatch, "Oh, yesterday she went to the cinema with you.")
    store.set_setting(MEMORY_SETTING, False)
    engines = fake_engines(parley_home, replies=[REPLY],
                           edits={LINE: [Edit("go", "went", "past tense", "verb tense")]})
    return Practice(engines, store, speak=True)


@pytest.fixture
def asked(monkeypatch):
    """asked(line, call): recognition (spaCy) scripted for ``line``."""
    calls: dict[str, RequestCall] = {}
    monkeypatch.setattr(requests, "recognise", lambda text, context=(), model=None:
                        calls.get(text))
    return calls.__setitem__


def test_speak_slower_confirms_first_then_every_reply_is_slower(practice, asked):
    asked("could you speak more slowly", RequestCall("speak_slower"))
    practice.run_turn(None, text=LINE)
    asked_before = len([c for c in practice.engines.chat.calls if c["max_tokens"] > 1])
    events = []
    outcome = practice.run_turn(None, text="could you speak more slowly", on_event=events.append)
    assert outcome.actions == [{"name": "speak_slower", "arguments": {}}]
    assert outcome.reply == "Sure, I'll slow down."
    kinds = [type(e) for e in events]
    assert kinds.index(ev.RequestDone) < kinds.index(ev.ReplyToken)  # the window knows first
    done = next(e for e in events if isinstance(e, ev.RequestDone))
    assert done.changes == {"voice_rate": 0.75} and done.done
    assert practice.engines.voice.rate == pytest.approx(0.75)
    # The request is no news: not corrected, not answered by the model.
    assert "could you speak more slowly" not in practice.engines.corrector.corrected
    replies = [c for c in practice.engines.chat.calls if c["max_tokens"] > 1]  # not warm-ups
    assert len(replies) == asked_before


def test_say_that_again_repeats_the_last_reply_not_a_confirmation(practice, asked):
    asked("slower", RequestCall("speak_slower"))
    asked("again", RequestCall("repeat"))
    asked("again slowly", RequestCall("repeat", {"slowly": True}))
    first = practice.run_turn(None, text=LINE)
    practice.run_turn(None, text="slower")
    again = practice.run_turn(None, text="again")
    assert again.reply == f"Sure. {first.reply}"
    voice = practice.engines.voice
    rates = []
    voice.synthesize = (lambda real: lambda text: (rates.append(voice.rate), real(text))[1])(
        voice.synthesize)
    slowly = practice.run_turn(None, text="again slowly")
    assert slowly.reply == f"Sure. {first.reply}"
    assert set(rates) == {0.56} and voice.rate == pytest.approx(0.75)  # 0.75 of 0.75, then back


def test_a_missing_argument_gets_a_question_and_nothing_is_done(practice, asked):
    asked("spell it", RequestCall("spell"))
    asked("let's practise something", RequestCall("start_scenario", {"scenario": "zoo"}))
    spell = practice.run_turn(None, text="spell it")
    assert spell.reply == "Which word should I spell?" and spell.actions == []
    scenario = practice.run_turn(None, text="let's practise something")
    assert scenario.reply.startswith("Which situation") and scenario.actions == []


def test_corrections_scenario_and_topic_change_the_session(practice, asked):
    requests_ = Requests(practice)
    off = requests_.carry_out(RequestCall("corrections", {"mode": "off"}))
    assert practice.conversation.correction_style == "off" and off.changes == {
        "correction_style": "off"}
    cafe = requests_.carry_out(RequestCall("start_scenario", {"scenario": "cafe-order"}))
    assert practice.conversation.scenario.id == "cafe-order"
    assert cafe.first == "Sure, let's practise ordering at a café."
    assert list(cafe.rest) == [practice.conversation.scenario.opening]
    topic = requests_.carry_out(RequestCall("change_topic", {"topic": "my family"}))
    assert topic.first == "Sure, let's talk about your family."
    spelled = requests_.carry_out(RequestCall("spell", {"word": "queue"}))
    assert list(spelled.rest) == ["Queue: Q, U, E, U, E."]


def test_what_did_i_say_wrong_explains_the_last_correction(practice, asked):
    asked("what did I say wrong?", RequestCall("explain_last_correction"))
    practice.run_turn(None, text=LINE)
    outcome = practice.run_turn(None, text="what did I say wrong?")
    assert outcome.reply == 'Sure. You said "go"; say "went". Past tense.'


def test_remember_and_forget_go_through_the_memory(practice, store, asked):
    store.set_setting(MEMORY_SETTING, True)
    requests_ = Requests(practice)
    kept = requests_.carry_out(RequestCall("remember", {"fact": "my dog is called Max"}))
    assert kept.done and [f.text for f in store.facts()] == [kept.changes["remembered"]]
    gone = requests_.carry_out(RequestCall("forget", {"about": "my dog"}))
    assert gone.first == "Okay, I've forgotten that." and store.facts() == []
    nothing = requests_.carry_out(RequestCall("forget", {"about": "my job"}))
    assert nothing.first == "I don't remember anything about your job."


def test_end_session_and_pause_say_what_the_window_must_do(practice):
    requests_ = Requests(practice)
    assert requests_.carry_out(RequestCall("end_session")).changes == {"end_session": True}
    assert requests_.carry_out(RequestCall("pause")).changes == {"pause": True}


def test_a_request_to_stop_that_says_goodbye_is_left_to_the_goodbye(practice, asked):
    # The goodbye act answers it with its praise and ends the session; the
    # bare confirmation would say nothing of what the learner did well.
    asked("i think that's enough for today, bye", RequestCall("end_session"))
    asked("let's stop here for today", RequestCall("end_session"))
    requests_ = Requests(practice)
    assert requests_.take("i think that's enough for today, bye") is None
    stop = requests_.take("let's stop here for today")
    assert stop is not None and stop.changes == {"end_session": True}
