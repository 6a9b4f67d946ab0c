"""Every prompt fits the context window: the learner's line, the tutor's
history and a correction's sentence can be any length (issue 13: a 20-minute
recording gave "Requested tokens (3238) exceed context window of 2048")."""

from __future__ import annotations

import pytest

from app.embedded import smollm2_gguf
from app.tutor.chat import LlamaChatModel
from app.tutor.conversation import Conversation
from app.tutor.corrections import Corrector
from app.tutor.grammar import GrammarChecker
from app.tutor.prompt_fit import CUT_MARK, fit_messages, prompt_tokens

pytestmark = [pytest.mark.model, pytest.mark.timeout(300)]


def count(text: str) -> int:  # a stand-in tokenizer: one token a word
    return len(text.split())


def _chat(history: int, newest_words: int) -> list[dict]:
    messages = [{"role": "system", "content": "be kind " * 10}]
    for i in range(history):
        messages.append({"role": "user", "content": f"said{i} " * 10})
        messages.append({"role": "assistant", "content": f"replied{i} " * 10})
    newest = " ".join(f"w{i}" for i in range(newest_words))
    return messages + [{"role": "user", "content": newest}]


def test_a_prompt_that_fits_is_untouched():
    messages = _chat(2, 10)
    assert fit_messages(messages, 1000, count) == messages


def test_a_long_newest_message_keeps_its_end():
    messages = _chat(2, 5000)
    fitted = fit_messages(messages, 300, count)
    assert prompt_tokens(fitted, count) <= 300
    assert fitted[:-1] == messages[:-1]  # the history still fits: kept
    newest = fitted[-1]["content"]
    assert newest.startswith(CUT_MARK) and newest.endswith("w4999")
    assert "w0 " not in newest


def test_the_oldest_history_goes_before_the_newest_line_is_cut_below_a_quarter():
    messages = _chat(20, 400)
    fitted = fit_messages(messages, 400, count)
    assert prompt_tokens(fitted, count) <= 400
    assert fitted[0] == messages[0]  # the system prompt stays
    assert len(fitted) < len(messages)
    assert fitted[-2] == messages[-2]  # the latest exchange stays ...
    assert "said0" not in " ".join(m["content"] for m in fitted)  # ... the oldest went
    assert count(fitted[-1]["content"]) >= 400 // 4 - 12  # the newest keeps its quarter
    assert fitted[-1]["content"].endswith("w399")


def test_even_a_too_long_system_prompt_is_cut_to_fit():
    messages = [{"role": "system", "content": "rule " * 1000},
                {"role": "user", "content": "word " * 1000}]
    fitted = fit_messages(messages, 200, count)
    assert prompt_tokens(fitted, count) <= 200
    assert fitted[0]["content"].startswith("rule")


@pytest.fixture(scope="module")
def small_context():
    """The real embedded model with a small context, so overflowing is cheap."""
    model = LlamaChatModel(smollm2_gguf().path, threads=2, n_ctx=512)
    model.load()
    return model


def test_the_real_model_answers_a_learner_line_longer_than_its_context(small_context):
    said = "I went to the market and I buyed some apples and we talked for a long time. " * 60
    assert small_context.count_tokens(said) > 512  # it would not fit
    talk = Conversation(small_context, level="B1")
    reply = "".join(talk.reply(said))
    assert reply.strip()


def test_the_real_corrector_survives_a_sentence_longer_than_the_context(small_context):
    corrector = Corrector(GrammarChecker(), small_context)
    long_line = "He go to work by bus every day and she like it very much. " * 80
    result = corrector.correct(long_line)
    assert result.original == long_line.strip()
    assert "goes" in result.corrected  # the rules still fix what they know
