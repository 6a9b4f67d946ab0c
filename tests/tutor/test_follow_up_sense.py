"""The follow-up question's sense rules (app/tutor/follow_up.py): no question
the news answered already, no "What do you call ...?", and a grammar whose
openers ask about the learner, not the kind of the thing the news was about.
The news lines here are not lines of the dialogue set (tests/data/dialogue)."""

import pytest

from app.tutor import follow_up


@pytest.mark.parametrize("question, news", [
    ("How old is your dog?", "my dog is twelve now"),
    ("How old is your grandfather?", "my grandfather is very old"),
    ("How long have you been ill?", "i am ill since three days"),
    ("How long did you stay?", "we stayed in rome for a week"),
    ("When is the party?", "we have a party next saturday"),
    ("When did you buy it?", "i bought a boat last summer"),
    ("How many cats do you have?", "i have three cats"),
])
def test_a_question_the_news_answered_is_refused(question, news):
    assert follow_up.asked_again(question, news)
    assert "asks what was said" in follow_up.problems(question, news)


@pytest.mark.parametrize("question, news", [
    ("How old is your dog?", "my dog is very funny"),
    ("How long did you stay?", "we went to rome"),
    ("When is the party?", "we are planning a party"),
    ("Is your grandfather feeling better?", "my grandfather is ill since monday"),
])
def test_a_question_the_news_left_open_is_kept(question, news):
    assert not follow_up.asked_again(question, news)
    assert follow_up.problems(question, news) == []


def test_asking_what_a_thing_is_called_is_no_follow_up():
    assert follow_up.problems("What do you call your exams?") == ["asks what was meant"]


def test_the_grammar_has_no_opener_for_the_kind_or_name_of_a_thing():
    assert not [o for o in follow_up.OPENERS if o.startswith(("What kind", "What is", "What was"))]
    assert all(f'"{o} "' in follow_up.GRAMMAR for o in follow_up.OPENERS)


def test_no_example_of_the_prompt_asks_what_its_news_said():
    for news, question in follow_up.EXAMPLES:
        assert question.endswith("?") and not follow_up.problems(question, news), question


def test_every_example_question_keeps_the_grammars_openers():
    for _, question in follow_up.EXAMPLES:
        assert question.startswith(tuple(o + " " for o in follow_up.OPENERS)), question


# News lines of no split, each with what a person would ask next, in the
# dialogue set's form (tests/data/dialogue/ask_targets.py).
STRICT_NEWS = [
    ("i cut my finger while i was cooking", {
        "ask_about": ["hurt|bad|ok|okay|doctor|hospital|plaster|bandage|blood|deep|better|pain",
                      "what did you do|what were you cooking|finish"],
        "not_this": [r"what kind of", r"what were you doing"]}),
    ("my laptop stopped working last night", {
        "ask_about": ["fix|repair|new|buy|shop|work|still|data|file|lose|lost|back|turn on"],
        "not_this": [r"what kind of", r"\bwhen\b", r"what laptop", r"how old"]}),
    ("my grandfather fell in the garden", {
        "ask_about": ["hurt|ok|okay|alright|hospital|doctor|better|help|happen|now|pain"],
        "not_this": [r"\bwhere\b", r"what kind of", r"how old"]}),
    ("we are going to the seaside next weekend", {
        "ask_about": ["plan|what will you do|swim|beach|stay|hotel|excited|weather|where|which|"
                      "who|how long|drive|train"],
        "not_this": [r"\bwhen\b"]}),
    ("we went to a wedding on saturday", {
        "ask_about": ["whose|who|how + wedding|it|party|dance|food|music|bride|groom|enjoy|fun|"
                      "dress|wear|like"],
        "not_this": [r"\bwhen\b", r"what kind of wedding"]}),
]


@pytest.mark.model
def test_smollm2_asks_a_follow_up_that_passes_the_strict_check(smollm2):
    """The strict check (app/devtools/ask_check.py) is not the gate the
    question passed; at least one of these lines gets a question it passes.
    On unseen lines SmolLM2 asks a sensible question about one time in
    three to five (docs/follow-ups.md): one of five is the floor here."""
    from app.devtools.ask_check import strict_ok
    from app.tutor import replies
    from app.tutor.conversation import Conversation

    asked = []
    for line, expect in STRICT_NEWS:
        talk = Conversation(smollm2)
        talk.warm_up()
        question = replies.sentences("".join(talk.reply(line)))[-1]
        asked.append((question, talk.last_report.source, strict_ok(question, expect, line)))
    assert any(ok and source == "model" for _, source, ok in asked), asked


def test_qwen_keeps_the_wide_openers_and_smollm2_the_narrow_ones():
    assert follow_up.grammar("SmolLM2-135M-Instruct.Q4_1") == follow_up.GRAMMAR
    assert follow_up.grammar("fake") == follow_up.GRAMMAR  # a model not measured
    wide = follow_up.grammar("qwen2.5-coder-0.5b-instruct-q4_k_m")
    assert '"What kind of "' in wide and '"What kind of "' not in follow_up.GRAMMAR
    assert wide.split("opener ::=")[0] == follow_up.GRAMMAR.split("opener ::=")[0]


def test_qwen_keeps_the_prompt_it_asked_better_in():
    qwen = follow_up.messages("i lost my wallet", "", "qwen2.5-coder-0.5b-instruct-q4_k_m")
    assert qwen[0]["content"] == follow_up.QWEN_SYSTEM and qwen[-1]["content"] == "i lost my wallet"
    assert follow_up.messages("i lost my wallet")[0]["content"] == follow_up.SYSTEM
    assert follow_up.head("SmolLM2-135M-Instruct.Q4_1") == follow_up.head()
    # Qwen 1.5B asked better in SmolLM2's prompt and grammar (dev strict 18/33 to 11/33).
    big = "qwen2.5-coder-1.5b-instruct-q4_k_m"
    assert follow_up.head(big) == follow_up.head() and follow_up.grammar(big) == follow_up.GRAMMAR
