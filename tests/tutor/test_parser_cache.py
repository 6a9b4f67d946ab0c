"""The shared spaCy parse keeps the lines parsed lately: one reply parses the
learner's line for its act, tone and recast, on the path to its first sound."""

import pytest

from app.tutor import parser

pytestmark = pytest.mark.model  # loads spaCy's English pipeline


def test_a_line_parsed_again_is_not_parsed_twice(monkeypatch):
    calls = []
    real = parser.nlp()

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(parser, "nlp", lambda: counting)
    monkeypatch.setattr(parser, "_recent", type(parser._recent)())
    first = parser.parse("My car broke down on the highway.")
    again = parser.parse("My car broke down on the highway.")
    assert again is first and calls == ["My car broke down on the highway."]
    assert [t.pos_ for t in first][:3] == ["PRON", "NOUN", "VERB"]


def test_the_oldest_lines_are_let_go(monkeypatch):
    monkeypatch.setattr(parser, "RECENT", 2)
    monkeypatch.setattr(parser, "_recent", type(parser._recent)())
    first = parser.parse("I like tea.")
    parser.parse("I like coffee.")
    parser.parse("I like milk.")
    assert list(parser._recent) == ["I like coffee.", "I like milk."]
    assert parser.parse("I like tea.") is not first
