import json

import pytest

from app.embedded import smollm2_gguf
from app.errors import ModelCorruptError, ModelMissingError
from app.tutor.chat import LlamaChatModel
from app.tutor.conversation import Conversation

pytestmark = pytest.mark.model  # loads a real model


def test_streams_a_reply_in_pieces(smollm2):
    pieces = list(smollm2.stream([{"role": "user", "content": "Say hello."}], max_tokens=12))
    assert len(pieces) > 1
    assert "".join(pieces).strip()


def test_json_schema_constrains_output(smollm2):
    schema = {"type": "object", "properties": {"corrected": {"type": "string"}},
              "required": ["corrected"]}
    raw = smollm2.complete([{"role": "user", "content": "Fix: He go home."}],
                           json_schema=schema, max_tokens=40, temperature=0.0)
    assert isinstance(json.loads(raw)["corrected"], str)


def test_missing_model_file_names_the_fix(tmp_path):
    with pytest.raises(ModelMissingError) as caught:
        LlamaChatModel(tmp_path / "nothing.gguf").load()
    assert "nothing.gguf" in str(caught.value) and "--" in str(caught.value)


def test_not_a_gguf_file(tmp_path):
    bogus = tmp_path / "model.gguf"
    bogus.write_bytes(b"this is not a model" * 100)
    with pytest.raises(ModelCorruptError):
        LlamaChatModel(bogus).load()


def test_truncated_gguf_is_reported_not_crashing(tmp_path):
    truncated = tmp_path / "half.gguf"
    truncated.write_bytes(smollm2_gguf().path.read_bytes()[:3_000_000])
    with pytest.raises(ModelCorruptError):
        LlamaChatModel(truncated).load()


def test_conversation_keeps_history_and_persona(smollm2):
    talk = Conversation(smollm2, level="A2", scenario="ordering in a café")
    reply = "".join(talk.reply("I would like a coffee, please."))
    assert reply
    assert talk.history == [("I would like a coffee, please.", reply)]
    messages = talk.messages("And a croissant.")
    assert "A2" in messages[0]["content"] and "café" in messages[0]["content"]
    assert messages[-2] == {"role": "assistant", "content": reply}


def _prompt_tokens_read(model: LlamaChatModel) -> int:
    """llama.cpp's own count of prompt tokens evaluated so far in the context."""
    import llama_cpp

    return llama_cpp.llama_perf_context(model._llama._ctx.ctx).n_p_eval


def test_a_cache_of_its_own_keeps_both_prompts_evaluated_and_answers_unchanged():
    # Its own model: the session's shared one has other tests' prompts cached.
    model = LlamaChatModel(smollm2_gguf().path, threads=2)
    model.load()
    corrections = model.with_own_cache("corrections")
    tutor = [{"role": "system", "content": "You are Sam, a friendly English tutor. " * 12},
             {"role": "user", "content": "I went to the park yesterday with my sister."}]
    fix = [{"role": "system", "content": "Correct the learner's English. " * 12},
           {"role": "user", "content": "He go home yesterday."}]
    schema = {"type": "object", "properties": {"corrected": {"type": "string"}},
              "required": ["corrected"]}
    reply = model.complete(tutor, max_tokens=16, temperature=0.0, seed=3)
    fixed = corrections.complete(fix, json_schema=schema, max_tokens=30, temperature=0.0)
    read = _prompt_tokens_read(model)
    assert model.complete(tutor, max_tokens=16, temperature=0.0, seed=3) == reply
    # Back from the corrections' turn, the tutor's prompt was still evaluated:
    # only its last token was read again (not the 130 or so of the prompt).
    assert _prompt_tokens_read(model) - read <= 2
    read = _prompt_tokens_read(model)
    assert corrections.complete(fix, json_schema=schema, max_tokens=30, temperature=0.0) == fixed
    assert _prompt_tokens_read(model) - read <= 2
    assert corrections.stats.calls == 2 and model.stats.calls == 2


def test_stats_since_a_snapshot_have_only_the_new_calls_first_token_times():
    from dataclasses import replace

    from app.tutor.chat import GenerationStats

    stats = GenerationStats(calls=1, prompt_s=0.5, prompt_times=[0.5], answered=1)
    before = replace(stats)  # how a turn takes its snapshot: the list is shared
    stats.calls, stats.prompt_s, stats.answered = 3, 0.9, 3
    stats.prompt_times += [0.1, 0.3]
    new = stats.since(before)
    assert new.calls == 2 and new.prompt_times == [0.1, 0.3] and new.first_prompt_s == 0.1
    assert abs(new.prompt_s - 0.4) < 1e-9
    assert GenerationStats().first_prompt_s == 0.0
