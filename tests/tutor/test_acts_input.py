"""The act classifier on lines with nothing to classify, and eval-acts'
scoring and file errors: no dictionary or model is loaded (fast tier)."""

from __future__ import annotations

import json

import pytest

from app.devtools import eval_acts
from app.errors import ParleyError
from app.tutor.acts import Act, ActResult, classify


@pytest.mark.parametrize("text", [
    "", "   ", "\n\t", "[music]", "(noise)", "*coughs*", "[BLANK_AUDIO] (wind)", "...", "?!",
    "uh um hmm", "\x00\x01\x02", "\ufffd\ufffd", "\udcff\udcfe", "你好", "\u200b\u200b",
    b"\xff\xfe\xfd", None, 42,
])
def test_nothing_said_is_unclear_without_an_error(text):
    assert classify(text, ["How was your day?"]) == ActResult(Act.UNCLEAR)


def test_context_may_be_empty_or_odd():
    assert classify("", ()).act is Act.UNCLEAR
    assert classify("[music]", ["", "\x00"]).act is Act.UNCLEAR
    assert classify("", [None, 3]).act is Act.UNCLEAR


def _stub(results: dict[str, ActResult]):
    return lambda text, context=(): results[text]


def test_eval_acts_scores_per_act_and_per_kind():
    items = [{"text": "a", "act": "news"},
             {"text": "b", "act": "language_question", "kind": "meaning", "subject": "awkward"},
             {"text": "c", "act": "language_question", "kind": "word_form", "subject": "bring",
              "detail": "past"},
             {"text": "d", "act": "request"}]
    scores = eval_acts.score(items, _stub({
        "a": ActResult(Act.NEWS),
        "b": ActResult(Act.LANGUAGE, "meaning", "'Awkward'"),
        "c": ActResult(Act.LANGUAGE, "word_form", "bring", "plural"),
        "d": ActResult(Act.NEWS)}))
    result = scores.as_dict()
    assert result["acts"]["news"] == {"labelled": 1, "found": 2, "precision": 0.5, "recall": 1.0,
                                      "f1": 0.667}
    assert result["acts"]["request"]["recall"] == 0.0
    assert result["acts"]["language_question"]["f1"] == 1.0
    assert result["kinds"]["meaning"]["accuracy"] == 1.0
    assert result["language_subject"] == {"right": 2, "labelled": 2, "accuracy": 1.0}
    assert result["word_form_detail"]["right"] == 0
    assert result["confusions"]["request->news"] == 1
    assert any("detail plural" in line for line in scores.wrong)


@pytest.mark.parametrize("content, message", [
    ("not json\n", "not a JSON object"),
    (json.dumps({"text": "hi", "act": "chat"}) + "\n", "needs \"text\" and an \"act\""),
    ("\n\n", "no labelled lines"),
])
def test_eval_acts_refuses_a_bad_file_in_one_line(tmp_path, content, message):
    path = tmp_path / "lines.jsonl"
    path.write_text(content)
    with pytest.raises(ParleyError, match=message):
        eval_acts.load(path)


def test_eval_acts_refuses_a_missing_or_binary_file(tmp_path):
    with pytest.raises(ParleyError, match="cannot read"):
        eval_acts.load(tmp_path / "none.jsonl")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(ParleyError, match="not UTF-8"):
        eval_acts.load(binary)
