"""Sentence splitting of streamed LLM text."""

from __future__ import annotations

import pytest

from app.voice.splitter import SentenceSplitter, split_sentences


def _stream(text: str, step: int = 3, **options) -> list[str]:
    """Feed text a few characters at a time, like LLM tokens."""
    splitter = SentenceSplitter(**options)
    pieces: list[str] = []
    for i in range(0, len(text), step):
        pieces += splitter.feed(text[i : i + step])
    return pieces + splitter.flush()


@pytest.mark.parametrize("step", [1, 3, 7, 1000])
def test_sentences_split_the_same_whatever_the_token_size(step):
    text = "Hello there! How are you today? I am fine. Thanks"
    assert _stream(text, step) == ["Hello there!", "How are you today?", "I am fine.", "Thanks"]


def test_sentence_is_released_as_soon_as_the_next_token_starts():
    splitter = SentenceSplitter()
    assert splitter.feed("Good job.") == []  # could still be "Good job.5" or "Mr."
    assert splitter.feed(" Now") == ["Good job."]
    assert splitter.flush() == ["Now"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ask Mr. Smith and Dr. Jones. They know.", ["Ask Mr. Smith and Dr. Jones.", "They know."]),
        ("Use fruit, e.g. apples or i.e. pears. Good.", ["Use fruit, e.g. apples or i.e. pears.", "Good."]),
        ("It costs 3.5 dollars. Cheap!", ["It costs 3.5 dollars.", "Cheap!"]),
        ("J. K. Rowling wrote it. Read it.", ["J. K. Rowling wrote it.", "Read it."]),
        ("Pick answer a. Then go on.", ["Pick answer a.", "Then go on."]),
        ("No. That is wrong.", ["No.", "That is wrong."]),
        ("We meet at 5 p.m. today. See you.", ["We meet at 5 p.m. today.", "See you."]),
        ("Bring pens, paper etc. Then start.", ["Bring pens, paper etc.", "Then start."]),
        ("Wait... what?", ["Wait...", "what?"]),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ("1. Say hello.\n2. Say goodbye.", ["1. Say hello.", "2. Say goodbye."]),
        ("Great work!\n\n- Next\n**", ["Great work!", "- Next"]),
    ],
)
def test_abbreviations_numbers_and_lists(text, expected):
    assert _stream(text) == expected


def test_long_sentences_are_cut_at_a_clause_after_six_words():
    text = "Well, I think that your answer was really very good, and you should keep practising it."
    assert _stream(text) == [
        "Well, I think that your answer was really very good,",  # "Well," alone is too short
        "and you should keep practising it.",
    ]


def test_numbers_with_commas_are_not_clauses():
    text = "The city has about 1,250,000 people living in it today, which is a lot."
    assert _stream(text)[0] == "The city has about 1,250,000 people living in it today,"


def test_run_on_text_is_cut_at_max_words():
    words = " ".join(f"w{i}" for i in range(50))
    pieces = _stream(words, max_words=20)
    assert [len(p.split()) for p in pieces] == [20, 20, 10]


def test_flush_and_reset():
    splitter = SentenceSplitter()
    assert splitter.flush() == []
    splitter.feed("half a sent")
    splitter.reset()
    assert splitter.flush() == []
    assert splitter.feed("   ") == [] and splitter.flush() == []


def test_split_sentences_for_whole_texts():
    text = "First, a fairly long clause that goes on and on, then more. Second one!"
    assert split_sentences(text) == ["First, a fairly long clause that goes on and on, then more.", "Second one!"]
    assert split_sentences(text, min_clause_words=6)[0] == "First, a fairly long clause that goes on and on,"


def test_the_first_piece_can_be_cut_at_its_first_comma():
    # A reply's opener is heard while the rest of its sentence is synthesized.
    splitter = SentenceSplitter(first_clause_words=1)
    pieces = splitter.feed("Oh no, you lost your wallet on the bus. What, exactly, ")
    assert pieces == ["Oh no,", "you lost your wallet on the bus."]
    # Later pieces keep the usual clause length: "What," is not cut off.
    assert splitter.feed("was in it? ") == ["What, exactly, was in it?"]
    assert splitter.flush() == []
    # After the reply ends, the next reply's opener is cut again.
    assert splitter.feed("Oh, nice. ") == ["Oh,", "nice."]


def test_without_first_clause_words_the_opener_stays_with_its_sentence():
    splitter = SentenceSplitter()
    assert splitter.feed("Oh no, you lost your wallet on the bus. ") == [
        "Oh no, you lost your wallet on the bus."]
