"""Progress charts read well from the first day: a day axis and a sentence on what changed."""

from __future__ import annotations

from datetime import date, timedelta

from app.review.progress_text import change_sentence, day_axis

DAY = date(2026, 12, 2)


def test_one_day_shows_a_week_of_day_ticks():
    xs, (low, high), ticks = day_axis([DAY])
    assert xs == [0.0]
    assert high - low >= 7  # a single bar is a seventh of the chart, not all of it
    assert ticks[0] == (0.0, "Dec 2") and ticks[1] == (1.0, "Dec 3")
    assert all(x == int(x) for x, _ in ticks)  # whole days, never fractions of a second


def test_long_histories_tick_weekly():
    days = [DAY + timedelta(days=n) for n in range(0, 40, 3)]
    xs, (low, high), ticks = day_axis(days)
    assert xs[-1] == 39 and high > 39 and low < 0
    assert [x for x, _ in ticks][:3] == [0.0, 7.0, 14.0]


def test_sentences_say_what_changed():
    assert change_sentence("wpm", [DAY], [95.0]) == "Your first day: 95 words/min"
    assert change_sentence("wpm", [DAY, DAY + timedelta(days=2)], [90.0, 96.0]) == (
        "+6 words/min since your first day")
    days = [DAY + timedelta(days=n) for n in (0, 1, 8, 9)]
    assert change_sentence("wpm", days, [80.0, 84.0, 94.0, 96.0]) == (
        "+13 words/min since last week")
    assert change_sentence("minutes", days, [5.0, 5.0, 10.0, 6.0]) == (
        "+6 min since last week")
    assert "fewer is better" in change_sentence("corrections_per_100_words", days,
                                                [4.0, 4.0, 2.0, 2.0])
    assert change_sentence("streak", days, [1, 2, 1, 2]) == "Current streak: 2 days"
    assert change_sentence("drills_mastered", days, [0, 1, 1, 3]) == (
        "3 mastered in all, +2 this week")
    assert change_sentence("wpm", [], []) == ""
