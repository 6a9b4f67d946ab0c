"""The strict check of a follow-up question after news (app/devtools/ask_check.py),
and its targets for every news line of the dialogue set."""

import json
from pathlib import Path

import pytest

from app.devtools.ask_check import matches_entry, strict_ok
from app.devtools.eval_dialogue import score

DATA = Path(__file__).resolve().parents[1] / "data" / "dialogue"
CAR = {"content": ["car", "broke", "highway"],
       "ask_about": ["happen|get home|fix|repair|ok|hurt"],
       "not_this": [r"what kind of car", r"\bwhere\b"]}


@pytest.mark.parametrize("question, sensible", [
    ("How did you get home?", True),
    ("Did you find someone to repair it?", True),
    ("What happened then?", True),
    ("What kind of car?", False),  # the word check counts it: "car"
    ("Where did your car break down?", False),  # said already: on the highway
    ("What do you call your car?", False),  # never a follow-up
    ("How is your family?", False),  # about something else
])
def test_the_strict_check_asks_for_what_a_person_would_ask(question, sensible):
    assert strict_ok(question, CAR) is sensible


def test_an_entry_joins_parts_that_must_all_be_there():
    assert matches_entry("How is she today?", "how + she|her")
    assert not matches_entry("Is she better?", "how + she|her")
    assert matches_entry("What happened next?", "happen")  # a word's start
    assert not matches_entry("Who was unhappy?", "happen")


def test_a_bare_what_is_your_thing_never_passes():
    expect = {"ask_about": ["family|brother"], "not_this": []}
    assert strict_ok("What's your family?", expect) is False
    assert strict_ok("What does your brother do?", expect) is True


def test_a_line_without_targets_is_not_judged():
    assert strict_ok("How are you?", {"content": ["x"]}) is None


def test_every_news_line_of_both_splits_has_targets_that_compile():
    for split in ("dev", "test"):
        news = [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text().splitlines()
                if '"news"' in line]
        news = [n for n in news if n["act"] == "news"]
        assert len(news) >= 17
        for item in news:
            assert item["expect"]["ask_about"], item["id"]
            strict_ok("How are you?", item["expect"])  # every pattern compiles


def test_the_evaluation_scores_both_checks_and_never_a_template():
    item = {"id": 1, "act": "news", "learner": "my car broke down on the highway", "expect": CAR}
    record = {"reply": "Oh dear. What kind of car?", "act": "news", "recast": "",
              "source": "model"}
    scored = score(item, record)
    assert scored["follow_up_on_content"] is True and scored["follow_up_strict"] is False
    good = score(item, {**record, "reply": "Oh dear. How did you get home?"})
    assert good["follow_up_strict"] is True
    assert score(item, {**record, "reply": "Oh dear. How did you get home?",
                        "source": "fallback"})["follow_up_strict"] is False


@pytest.mark.parametrize("question, echo", [
    ("Did you plant tomatoes in your garden?", True),
    ("Did you go to the lake with your husband?", True),
    ("Did you enjoy the tomatoes?", False),  # a word the news did not say
    ("What did you plant in your garden?", False),  # asks something new
])
def test_a_yes_no_question_of_the_news_own_words_echoes_it(question, echo):
    from app.devtools.ask_check import echoes

    news = "i planted tomatoes in my garden" if "tomato" in question or "plant" in question \
        else "on sunday i went to the lake with my husband"
    assert echoes(question, news) is echo
    expect = {"ask_about": ["plant|tomato|garden|lake|husband|enjoy"], "not_this": []}
    assert strict_ok(question, expect, news) is not echo
