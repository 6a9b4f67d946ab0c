"""Qt-free review logic: fluency, pronunciation hints, text helpers, notebook, stats."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
from review_data import NOW, fill

from app.review.fluency import count_fillers, fluency
from app.speech.verbatim import VERBATIM_PROMPT
from app.review.notebook import build_notebook
from app.review.pronunciation import low_probability_words, pronunciations, speak_word
from app.review.stats import load_progress, streak, today_summary
from app.review.text import corrected_sentence, diff_markup, normalise_words, word_diff
from app.store import CorrectionView, open_store

pytestmark = pytest.mark.timeout(60)


def w(text, start, end, p=0.9):
    return {"text": text, "start": start, "end": end, "probability": p}


def test_fluency_counts_words_per_minute_pauses_and_fillers():
    words = [w(" Um,", 0.0, 0.3), w(" I", 0.4, 0.5), w(" went", 0.5, 0.8), w(" to", 2.0, 2.1),
             w(" the", 2.1, 2.2), w(" uh", 2.3, 2.5), w(" you", 3.8, 3.9), w(" know", 3.9, 4.0),
             w(" park.", 4.0, 6.0)]
    f = fluency(words)
    assert f.words == 9 and f.speaking_s == 6.0
    # 9 words minus 4 filler tokens (um, uh, you know) over 6 s = 50 wpm
    assert f.wpm == 50.0
    assert f.pauses == 2 and f.longest_pause_s == pytest.approx(1.3)
    assert f.filler_words == ("um", "uh", "you know") and f.fillers == 3


def test_like_is_a_filler_only_between_commas():
    assert count_fillers(["I", "like", "tea"]) == []
    assert count_fillers(["it", "was,", "like,", "big"]) == ["like"]
    assert fluency([]).wpm == 0.0


def test_verbatim_prompt_is_full_of_fillers():
    assert len(count_fillers(VERBATIM_PROMPT.split())) >= 4


def test_low_probability_words_come_with_cmu_pronunciation():
    words = [w(" water", 0, 0.5, 0.3), w(" is", 0.5, 0.7, 0.99), w(" zxqv", 0.7, 1, 0.1)]
    hints = low_probability_words(words, threshold=0.5)
    assert [h.word for h in hints] == ["water", "zxqv"]
    assert "W AO1 T ER0" in hints[0].arpabet and hints[1].arpabet == ()
    assert pronunciations("Water,") == hints[0].arpabet


def test_speak_word_uses_the_voice():
    class FakeVoice:
        sample_rate = 22050

        def synthesize_all(self, text):
            import numpy as np

            return np.ones(len(text), np.float32)

    pcm, rate = speak_word("water", FakeVoice())
    assert rate == 22050 and pcm.size == 5


def test_corrected_sentence_uses_offsets_or_finds_the_words():
    fix = CorrectionView(1, "go", "went", "past", "tense", "harper", 2, 4)
    moved = CorrectionView(2, "school", "the school", "", "article", "llm", None, None)
    assert corrected_sentence("I go to school yesterday", [fix, moved]) == \
        "I went to the school yesterday"
    assert corrected_sentence("I go", [CorrectionView(3, "xyz", "a", "", "k", "s", 0, 1)]) == "I go"


def test_word_diff_marks_missing_and_wrong_words():
    ops = word_diff("I went to the park", "I go to park")
    assert diff_markup(ops) == "i [go -> went] to [-the-] park"
    assert normalise_words("Don’t, I WENT.") == ["don't", "i", "went"]


def test_notebook_groups_by_kind_with_counts_and_examples(tmp_path):
    with open_store(tmp_path / "h") as store:
        fill(store)
        fill(store, NOW - timedelta(days=5))
        notebook = build_notebook(store.correction_entries(), tz=UTC)
    assert [(s.kind, s.count) for s in notebook] == [("tense", 2), ("agreement", 2)] or \
        [(s.kind, s.count) for s in notebook] == [("agreement", 2), ("tense", 2)]
    tense = next(s for s in notebook if s.kind == "tense")
    assert sum(tense.by_day.values()) == 2 and len(tense.by_day) == 2
    assert tense.examples[0].at > tense.examples[1].at  # newest first
    assert tense.examples[0].correction.corrected == "lost"


def test_streak_forgives_one_missed_day_a_week_and_survives_until_the_day_ends():
    today = date(2026, 11, 30)
    days = [today - timedelta(days=n) for n in (1, 2, 3, 5)]
    assert streak(days, today) == 4  # not practised yet today: still alive; day 4 forgiven
    assert streak([*days, today], today) == 5
    assert streak([today - timedelta(days=3)], today) == 0
    # One missed day a week is forgiven; a second within the week, or two in a row, end it.
    assert streak([today - timedelta(days=2)], today) == 1
    assert streak([today - timedelta(days=n) for n in (0, 2, 3)], today) == 3
    assert streak([today - timedelta(days=n) for n in (0, 2, 4)], today) == 2
    assert streak([today - timedelta(days=n) for n in (0, 2, 3, 4, 5, 6, 8)], today) == 6
    assert streak([today - timedelta(days=n) for n in (0, 2, 3, 4, 5, 6, 7, 8, 10)], today) == 9
    assert streak([today - timedelta(days=n) for n in (0, 3)], today) == 1


def test_today_and_progress_from_saved_turns(tmp_path):
    with open_store(tmp_path / "h") as store:
        fill(store)
        today = today_summary(store, now=NOW, tz=UTC)
        progress = load_progress(store, tz=UTC)
    # Today: clips 0002 (5.387 s), 0003 (5.294 s), 0007.
    assert today.turns == 3 and today.streak == 3 and today.drills_due == 0  # day 2 forgiven
    assert 0.25 < today.minutes_spoken < 0.35
    assert progress.days == [NOW.date() - timedelta(days=d) for d in (3, 1, 0)]
    assert progress.streak == [1, 2, 3]
    assert all(100 < wpm < 200 for wpm in progress.wpm)  # 0.4 s per word = 150 wpm
    # today: 2 corrections in 9 + 10 + 9 words
    assert progress.corrections_per_100_words[-1] == pytest.approx(200 / 28, abs=0.01)
    assert len(progress.minutes) == len(progress.days) == len(progress.drills_mastered)
