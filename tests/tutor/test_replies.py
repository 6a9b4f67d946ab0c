"""The reply rules, the recast and follow-up, and the regenerate / repair /
fallback paths, on a scripted model.

Lines the tutor cannot say back ("fish and chips", a question) get our short
acknowledgement, then are answered by
the model alone; lines with news ("we eat fish") get a recast first.
"""

import pytest

from app.tutor import follow_up, replies
from app.tutor.conversation import Conversation
from app.tutor.scenarios import get_scenario
from app.voice.splitter import SentenceSplitter
from tests.tutor.fakes import Fake

pytestmark = pytest.mark.model  # loads a real model

GOOD = "That sounds lovely! What did you eat there?"
FRAGMENT = "fish and chips"  # no clause to say back: the model answers alone


@pytest.mark.parametrize("reply, problem", [
    ("", "empty"),
    ("Nice. I like it. I go there too. Do you?", "too long"),
    ("That sounds lovely, I love the beach.", "no question at the end"),
    ("As an AI, I don't go to beaches. Do you?", "off persona"),
    ("My name is Anna. What is yours?", "off persona"),
    ("I'm sorry for any confusion, but as a chat AI, I don't have the capability to "
     "provide personal advice.", "off persona"),
    ("Good question. I'm sorry for the confusion.", "off persona"),
    ("You should say 'I went', not 'I go'. Where did you go?", "lectures"),
    ("Great! What did you eat?\nLearner: fish", "writes another turn"),
])
def test_rule_breaking_replies_are_caught(reply, problem):
    assert problem in replies.problems(reply)


def test_repeats_are_caught():
    assert "repeats an earlier reply" in replies.problems(GOOD, earlier=[GOOD])
    assert "repeats an earlier reply" in replies.problems(
        "Cool! What did you eat there?", earlier=["Wow, nice. What did you eat there?"])
    assert replies.problems(GOOD, earlier=["Hello! How are you?"]) == []


def test_repair_keeps_up_to_the_question():
    assert replies.repair("Nice! What do you cook? I love pasta.") == "Nice! What do you cook?"


def test_a_good_first_reply_is_used_as_is():
    model = Fake(GOOD)
    talk = Conversation(model, scenario=get_scenario("describing-weekend"))
    # A reply with no recast opens with a short acknowledgement of ours.
    assert "".join(talk.reply(FRAGMENT)) == "I see. " + GOOD
    assert talk.last_report.source == "model" and len(model.calls) == 1
    assert talk.history == [(FRAGMENT, GOOD)]


def test_a_rule_breaking_reply_is_regenerated_with_new_sampling():
    model = Fake("As an AI language model, I cannot eat fish.", GOOD)
    talk = Conversation(model)
    assert "".join(talk.reply(FRAGMENT)) == "I see. " + GOOD
    first, second = model.calls
    assert second["temperature"] > first["temperature"] and second["seed"] != first["seed"]
    assert talk.last_report.attempts[0][1]  # the first reply's problems were recorded


def test_every_reply_bad_falls_back_to_a_safe_template():
    model = Fake("I am an AI.")
    talk = Conversation(model)
    reply = "".join(talk.reply("hello"))
    assert talk.last_report.source == "fallback" and len(model.calls) == 4
    # The rules judge the model's words (the history's); the acknowledgement is ours.
    assert reply == "I see. " + talk.history[-1][1]
    assert replies.problems(talk.history[-1][1]) == []
    # The next fallback is a different one: the talk does not repeat itself.
    assert "".join(talk.reply("ok")) != reply


def test_a_repeated_reply_is_not_spoken_twice():
    talk = Conversation(Fake(GOOD, GOOD, "Oh nice! Who did you go with?"))
    talk.history.append(("hi", GOOD))
    assert "".join(talk.reply(FRAGMENT)) == "Okay. Oh nice! Who did you go with?"


@pytest.mark.parametrize("style", ["off", "gentle", "explicit", "summary"])
def test_the_reply_recasts_the_right_form_then_asks_the_models_question(style):
    model = Fake("That sounds fun! What film did you see?")
    talk = Conversation(model, correction_style=style)
    reply = "".join(talk.reply("yesterday i go to the cinema",
                               corrected="Yesterday I went to the cinema."))
    # The model's own statement is left out: the recast has already reacted.
    assert reply == "Oh, yesterday you went to the cinema. What film did you see?"
    assert talk.last_report.recast == "Oh, yesterday you went to the cinema."
    assert talk.last_report.source == "model" and talk.last_report.dropped == 1


def test_a_fix_that_only_drops_a_filler_is_no_fix_to_say_back():
    # "and, uh, it rained" -> "and it rained" changes no word of the news:
    # the line's own error ("in tent") must not be said back as right.
    model = Fake("Where did you camp?")
    talk = Conversation(model)
    reply = "".join(talk.reply("we slept in tent near the river, and, uh, it rained all night",
                               corrected="we slept in tent near the river, and it rained all "
                                         "night"))
    assert "in tent" not in reply and talk.last_report.recast == ""


class _Rules:
    """The corrector's rules, scripted: Harper dropped a filler, nothing else."""

    class grammar:  # noqa: N801 - stands in for the corrector's attribute
        @staticmethod
        def check(text):
            from app.tutor.edits import Edit
            fixed = text.replace(", uh,", "")
            return fixed, [Edit("and, uh,", "and", "filler", "other")] if fixed != text else []


def test_the_reaction_path_takes_no_dropped_filler_for_a_fix():
    talk = Conversation(Fake("How is business?"), corrector=_Rules())
    reply = "".join(talk.reply("my husband and his brother owns a small garage, and, uh, "
                               "business is good this year"))
    assert "owns" not in reply and talk.last_report.recast == ""


def test_the_reaction_is_out_before_the_model_is_asked():
    model = Fake("What did you do about your wallet?")
    talk = Conversation(model)
    pieces = talk.reply("i lost my wallet on the bus this morning")
    first = next(pieces)
    assert model.calls == []
    # The voice's splitter lets the reaction out at once: it need not wait for
    # the question. News without a sure error is not said back.
    assert SentenceSplitter().feed(first) == ["Oh dear."]
    assert "".join(pieces) == "What did you do about your wallet?"


def test_bad_news_never_gets_a_cheerful_question():
    model = Fake("That's great! Was it fun?", "Wonderful! Are you happy?", "Cool! Nice?",
                 "Great. Glad?")
    talk = Conversation(model)
    reply = "".join(talk.reply("my dog died last week"))
    assert reply.startswith("Oh dear.") and "dog" in reply
    assert talk.last_report.source == "fallback" and len(model.calls) == len(follow_up.ATTEMPTS)
    assert all("cheerful" in " ".join(found) for _, found in talk.last_report.attempts)


def test_praise_of_a_person_in_bad_news_gets_no_cheer():
    # VADER scores the line +0.64 on "best"; the event, "my colleague quit", is not good news.
    model = Fake("That's great! Are you happy?", "Why did your colleague leave?")
    talk = Conversation(model)
    reply = "".join(talk.reply("my best colleague quit yesterday"))
    assert reply == "I see. Why did your colleague leave?"
    assert "cheerful after news that was not good" in talk.last_report.attempts[0][1]


@pytest.mark.parametrize("line, opener", [
    ("What is your favourite food?", "Good question."),
    ("do you like the rain", "Good question."),  # no question mark from Whisper
    ("fish and chips", "I see."),
    ("my dog died", None),  # said back: the recast's sympathy opens it
    ("so sad", "Oh dear."),
])
def test_a_reply_without_a_recast_opens_before_the_model_is_asked(line, opener):
    """Its first sound would otherwise wait for the model's first checked
    sentence (2.4 s in the window at 32 tokens/s)."""
    model = Fake("Good question! I like pasta. What do you like?")
    talk = Conversation(model)
    pieces = talk.reply(line)
    first = next(pieces)
    if opener is None:
        assert not first.startswith(("Good question", "I see", "Okay", "Hmm"))
        return
    assert first == opener + " " and model.calls == []
    rest = "".join(pieces)
    if opener == "Good question.":
        assert "Good question" not in rest  # the model's own is not said twice
    assert talk.history[-1] == (line, rest.strip())


def test_good_news_may_be_met_gladly():
    talk = Conversation(Fake("That's great! How did you celebrate?"))
    reply = "".join(talk.reply("i won a small prize in the lottery"))
    assert reply == "Oh, nice! How did you celebrate?"


@pytest.mark.parametrize("line", ["uh um", "thank you for watching", "[music]", "asdf qwerty",
                                  "the the the"])
def test_a_line_not_understood_gets_an_honest_clarification(line):
    model = Fake(GOOD)
    talk = Conversation(model)
    reply = "".join(talk.reply(line))
    assert "again" in reply or "another way" in reply
    assert talk.last_report.source == "clarify" and model.calls == []


def test_help_request_gives_two_hints():
    model = Fake('{"answers": ["I went to the park.", "I stayed at home."]}')
    talk = Conversation(model, scenario=get_scenario("describing-weekend"))
    reply = "".join(talk.reply("I don't know"))
    assert "I went to the park." in reply and "I stayed at home." in reply
    assert talk.last_report.source == "help" and model.calls[0]["json_schema"]


def test_bad_hints_fall_back_to_templates():
    talk = Conversation(Fake('{"answers": ["As an AI I cannot", "As an AI I cannot"]}'))
    assert talk.hints("What do you do?") == ["Could you say that again, please?",
                                             "I'm not sure. Can you give me an example?"]


def test_scenario_prompt_and_opening_reach_the_model():
    talk = Conversation(Fake(GOOD), level="A2", scenario=get_scenario("cafe-order"))
    messages = talk.messages("a coffee please")
    assert "café" in messages[0]["content"] and "A2" in messages[0]["content"]
    assert messages[-2] == {"role": "assistant",
                            "content": "Hi there! What can I get for you today?"}


def test_history_is_trimmed_to_fit_the_context():
    model = Fake(GOOD)
    model.n_ctx = 600
    talk = Conversation(model)
    talk.history = [(f"turn {i} " + "word " * 40, f"reply {i}?") for i in range(4)]
    messages = talk.messages("hi")
    kept = [m["content"] for m in messages if m["content"].startswith("turn")]
    assert kept and len(kept) < 4 and kept[-1].startswith("turn 3")


class FakeSlowModel(Fake):
    """Streams the first sentence, then notes when the rest is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.rest_requested = False

    def stream(self, messages, **options):
        self.calls.append(options)
        yield "Great news! "
        self.rest_requested = True
        yield "What will you do to celebrate?"


def test_first_sentence_is_let_out_before_the_rest_is_generated():
    model = FakeSlowModel()
    talk = Conversation(model)
    pieces = talk.reply("Do you like exams?")
    assert next(pieces) == "Good question. " and model.calls == []  # before the model
    assert next(pieces) == "Great news!"
    assert not model.rest_requested
    assert "".join(pieces) == " What will you do to celebrate?"
    assert talk.history == [("Do you like exams?", "Great news! What will you do to celebrate?")]


def test_a_middle_statement_is_skipped_for_the_models_own_question():
    talk = Conversation(Fake("Nice to hear! I love the sea too. Do you swim?"))
    assert "".join(talk.reply("the beach")) == "I see. Nice to hear! Do you swim?"
    assert talk.last_report.source == "model"


def test_a_reply_that_never_asks_gets_no_template_question():
    """No template glued on (issue 24): the tutor asks only a question that
    moves the talk on, about what was said."""
    talk = Conversation(Fake("Nice to hear! I love the sea too."))
    reply = "".join(talk.reply("the beach"))
    assert reply.startswith("I see.")
    assert "Can you tell me a bit more about that?" not in reply
    assert all("beach" in s.lower() for s in replies.sentences(reply) if s.endswith("?"))


def test_history_window_moves_in_steps_so_the_prompt_prefix_stays_cached():
    from app.tutor.conversation import history_window

    kept = [n - history_window(n) for n in range(1, 14)]
    assert min(kept[2:]) == 2 and max(kept) == 5
    talk = Conversation(Fake(GOOD))
    talk.history = [(f"learner {i}", f"tutor {i}?") for i in range(7)]
    before = talk.messages("next")[:-1]
    talk.history.append(("learner 7", "tutor 7?"))
    after = talk.messages("next again")
    # Only new messages were added at the end: the evaluated prefix is reused.
    assert after[:len(before)] == before


class FakeWithCaches(Fake):
    """Fake: a scripted model that, like LlamaChatModel, lends views with a
    prompt cache of their own; every call is recorded with the cache it used."""

    def __init__(self, *replies: str) -> None:
        super().__init__(*replies)
        self.caches: list[str] = []

    def with_own_cache(self, slot: str):
        owner = self

        class View(Fake):
            def stream(self, messages, **options):
                owner.caches.append(slot)
                return owner._stream(messages, options)

        return View()

    def stream(self, messages, **options):
        self.caches.append("main")
        return self._stream(messages, options)

    def _stream(self, messages, options):
        return Fake.stream(self, messages, **options)


def test_retries_without_the_history_keep_out_of_the_tutors_prompt_cache():
    model = FakeWithCaches("I am an AI.")
    talk = Conversation(model)
    talk.history.append(("hello", "Hi! How are you today?"))
    "".join(talk.reply(FRAGMENT))
    # Attempts 1-2 see the history (the tutor's cache), 3-4 do not (their own).
    assert model.caches == ["main", "main", "without-history", "without-history"]
    assert ["hello" in str(c["messages"]) for c in model.calls] == [True, True, False, False]


class _RulesOnly:
    """A corrector whose rules fix "go" after "yesterday", and whose scored
    pass (the language model judging candidates) must not run in the reply."""

    def __init__(self) -> None:
        from tests.fakes import FakeCorrector

        self.scored = FakeCorrector()
        self.grammar = self

    def check(self, sentence: str):
        from app.tutor.edits import Edit

        if "yesterday i go" not in sentence:
            return sentence, []
        return sentence.replace("i go", "i went"), [Edit("go", "went", "past", "verb tense")]

    def correct(self, text: str):
        return self.scored.correct(text)


def test_news_asks_its_question_without_waiting_for_the_scored_corrector():
    model = Fake("What did you see at the cinema?")
    corrector = _RulesOnly()
    talk = Conversation(model, corrector=corrector)
    reply = "".join(talk.reply("thanks. yesterday i go to the cinema with my sister"))
    # The rules' sure fix of the news part is said back; the scored pass is
    # left for after the reply (its fixes show in the learner's line).
    assert "you went to the cinema" in reply and reply.endswith("What did you see at the cinema?")
    assert corrector.scored.corrected == []


def test_news_the_rules_find_nothing_in_gets_no_recast():
    model = Fake("What did you do about your wallet?")
    corrector = _RulesOnly()
    talk = Conversation(model, corrector=corrector)
    reply = "".join(talk.reply("i lost my wallet on the bus this morning"))
    assert reply == "Oh dear. What did you do about your wallet?"
    assert corrector.scored.corrected == [] and talk.last_report.recast == ""


def test_news_with_no_clause_to_say_back_still_gets_the_follow_up_prompt():
    # A self-correction is not said back; the line is still news (test3, a
    # tuning split since its reading: the main prompt's free text answered
    # such lines with "I'm sorry to hear that. How about a glass of wine?").
    model = Fake("How long will your brother stay in Spain?")
    talk = Conversation(model)
    reply = "".join(talk.reply("my sister went, I mean, my brother went to Spain for work"))
    assert model.calls[0]["messages"][0]["content"] == follow_up.SYSTEM
    assert model.calls[0]["grammar"] == follow_up.GRAMMAR
    assert reply.endswith("How long will your brother stay in Spain?")
    assert talk.last_report.recast == ""  # nothing said back


@pytest.mark.parametrize("line, not_said", [
    # The learner's verdict is in the line, not in its news part (test3).
    ("amazing! i sold my first painting at the art market", ("I see.", "Oh dear.")),
    ("not good. my company is closing in march", ("I see.", "Oh, nice!")),
    ("yes, very nice. we stayed on a small island, there is no cars there", ("Oh dear.",)),
])
def test_the_reaction_hears_the_learners_own_verdict(line, not_said):
    talk = Conversation(Fake("What did you do then?"))
    first = next(talk.reply(line)).strip()
    assert first not in not_said
