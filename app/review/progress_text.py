"""What the progress charts need beyond the numbers (Qt-free): a day axis that
reads well from the first day, and one sentence per chart saying what changed.

With one day of data a date-time axis ticks in fractions of a second and a
single bar fills the chart; here x is whole days since the first practice day,
the range shows at least a week, and ticks are dates.
"""

from __future__ import annotations

from datetime import date, timedelta

MIN_DAYS_SHOWN = 7
UNITS = {"minutes": "min", "wpm": "words/min", "corrections_per_100_words": "per 100 words",
         "streak": "days", "drills_mastered": "mastered"}


def day_axis(days: list[date]) -> tuple[list[float], tuple[float, float], list[tuple[float, str]]]:
    """x for each day (days since the first), the x range, and (x, label) ticks."""
    if not days:
        return [], (-0.5, MIN_DAYS_SHOWN - 0.5), []
    first = days[0]
    xs = [float((day - first).days) for day in days]
    span = max(int(xs[-1]) + 1, MIN_DAYS_SHOWN)
    step = 1 if span <= 14 else 7 if span <= 120 else 30
    ticks = [(float(n), _label(first + timedelta(days=n))) for n in range(0, span, step)]
    return xs, (-0.6, span - 0.4), ticks


def _label(day: date) -> str:
    return f"{day.strftime('%b')} {day.day}"


def _fmt(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 10 or value == int(value) else f"{value:.1f}"


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + _fmt(value) if value else "no change"


def change_sentence(key: str, days: list[date], values: list[float]) -> str:
    """One sentence on what changed: the last 7 days against the 7 before, or
    against the first day while there is no earlier week."""
    if not days:
        return ""
    unit = UNITS.get(key, "")
    last_day = days[-1]
    if key == "streak":
        return f"Current streak: {_fmt(values[-1])} day{'s' if values[-1] != 1 else ''}"
    if key == "drills_mastered":
        week_ago = [v for d, v in zip(days, values) if d <= last_day - timedelta(days=7)]
        gained = values[-1] - (week_ago[-1] if week_ago else 0)
        return f"{_fmt(values[-1])} mastered in all, {_signed(gained)} this week"
    this_week = [v for d, v in zip(days, values) if d > last_day - timedelta(days=7)]
    before = [v for d, v in zip(days, values)
              if last_day - timedelta(days=14) < d <= last_day - timedelta(days=7)]
    combine = sum if key == "minutes" else (lambda vs: sum(vs) / len(vs))
    now = combine(this_week)
    better = " (fewer is better)" if key == "corrections_per_100_words" else ""
    if before:
        return f"{_signed(now - combine(before))} {unit} since last week{better}"
    if len(days) == 1:
        return f"Your first day: {_fmt(values[0])} {unit}"
    if key == "minutes":
        return f"{_fmt(now)} {unit} since your first day, {_label(days[0])}"
    return f"{_signed(values[-1] - values[0])} {unit} since your first day{better}"
