"""The level from a minute of talk (app/review/level_talk.py): the table's
votes, the mean, too little speech, and the rarity list (no models)."""

from __future__ import annotations

import pytest

from app.review.level_talk import LEVELS, MIN_WORDS, estimate, is_rare, sentences, vote


@pytest.mark.parametrize(("measure", "value", "band"), [
    ("wpm", 60, "A2"), ("wpm", 80, "B1"), ("wpm", 129.9, "B2"), ("wpm", 150, "C1"),
    ("sentence_words", 5, "A2"), ("sentence_words", 12, "B2"), ("sentence_words", 20, "C1"),
    ("rare_pct", 3, "A2"), ("rare_pct", 12, "B2"),
    ("errors_per_100", 15, "A2"), ("errors_per_100", 6, "B1"), ("errors_per_100", 3, "B2"),
    ("errors_per_100", 1, "C1"),
])
def test_each_measure_votes_by_the_table(measure, value, band):
    assert LEVELS[vote(measure, value)] == band


def test_short_simple_talk_with_mistakes_is_a2():
    text = "I like dog. I have dog. Dog is nice. I go park. Park is big. I like park very much."
    found = estimate(text, seconds=20, corrections=4)
    assert found.words == 20 and found.wpm == 60
    assert found.sentence_words == pytest.approx(20 / 6)
    assert found.errors_per_100 == 20
    assert found.level == "A2" and set(found.votes.values()) == {"A2"}


def test_long_fluent_talk_is_above_b1():
    text = ("Honestly, the most fascinating aspect of contemporary architecture is how it "
            "negotiates sustainability with aesthetic ambition, particularly in dense "
            "metropolitan environments where space is scarce and land is expensive.")
    found = estimate(text, seconds=12, corrections=0)
    assert found.votes["sentence_words"] == "C1" and found.votes["errors_per_100"] == "C1"
    assert found.level in ("B2", "C1")


def test_too_little_speech_gives_no_level():
    found = estimate("Hello, my name is Anna.", seconds=3, corrections=0)
    assert found.words < MIN_WORDS and found.level == ""


def test_rare_words_and_sentences():
    assert not is_rare("friend") and not is_rare("went")  # "went" counts as "go"
    assert is_rare("perspicacious")
    assert sentences("One two. Three four!  Five?") == ["One two.", "Three four!", "Five?"]


def test_a_tie_between_two_bands_gives_the_lower(monkeypatch):
    import app.review.level_talk as level_talk

    monkeypatch.setattr(level_talk, "is_rare", lambda word: word == "zebra")
    # 20 words in 10 s: 120 a minute (B2); one sentence of 20 (C1); 1 rare word of
    # 7 content words, 14 % (B2); no corrections (C1): a mean of 2.5, B2 or C1.
    text = " ".join(["we"] * 13 + ["walked"] * 6 + ["zebra"]) + "."
    found = level_talk.estimate(text, seconds=10, corrections=0)
    assert [found.votes[k] for k in ("wpm", "sentence_words", "rare_pct", "errors_per_100")] == \
        ["B2", "C1", "B2", "C1"]
    assert found.level == "B2"
