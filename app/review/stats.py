"""Numbers for "today" and the progress charts, from the store's turn metrics."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from app.review.fluency import fluency
from app.store import DrillView, Store, TurnMetric


def _day(moment: datetime, tz: tzinfo | None) -> date:
    return moment.astimezone(tz).date()


def streak(days: Iterable[date], today: date) -> int:
    """Practice days in the current run, ending today, or yesterday when today has
    none yet (the streak is still alive until the day is over).

    One missed day a week is forgiven: a single day off between two practice
    days does not break the run (it is not counted either), if no other day
    was forgiven in the seven days after it. Two days off in a row end it.
    """
    practised = set(days)
    day = today if today in practised else today - timedelta(days=1)
    count = 0
    forgiven: date | None = None
    while True:
        if day in practised:
            count += 1
        elif (day - timedelta(days=1)) in practised and (
                forgiven is None or (forgiven - day).days >= 7):
            forgiven = day
        else:
            return count
        day -= timedelta(days=1)


def spoken_seconds(metric: TurnMetric) -> float:
    """Seconds of learner audio; typed turns and old rows fall back to word timings."""
    if metric.learner_seconds is not None:
        return metric.learner_seconds
    if metric.words:
        return max(0.0, float(metric.words[-1].get("end", 0)) - float(metric.words[0].get("start", 0)))
    return 0.0


@dataclass(frozen=True)
class Today:
    date: date
    drills_due: int
    streak: int
    minutes_spoken: float
    turns: int


def today_summary(store: Store, now: datetime | None = None, tz: tzinfo | None = None) -> Today:
    now = now or datetime.now(UTC)
    day = _day(now, tz)
    times = [(_day(at, tz), seconds or 0.0) for at, seconds in store.turn_times()]
    todays = [seconds for when, seconds in times if when == day]
    return Today(
        date=day,
        drills_due=store.count_due(now),
        streak=streak((when for when, _ in times), day),
        minutes_spoken=round(sum(todays) / 60.0, 2),
        turns=len(todays),
    )


@dataclass(frozen=True)
class Progress:
    """Per practice day, oldest first; every list has one value per entry of ``days``."""

    days: list[date]
    minutes: list[float]
    wpm: list[float]  # words per minute, weighted by speaking time
    corrections_per_100_words: list[float]
    streak: list[int]  # the streak as it stood on that day
    drills_mastered: list[int]  # cumulative


def progress(metrics: Sequence[TurnMetric], drills: Sequence[DrillView],
             tz: tzinfo | None = None) -> Progress:
    seconds: dict[date, float] = defaultdict(float)
    words: dict[date, int] = defaultdict(int)
    speaking: dict[date, float] = defaultdict(float)
    content_words: dict[date, float] = defaultdict(float)
    fixes: dict[date, int] = defaultdict(int)
    for metric in metrics:
        day = _day(metric.started_at, tz)
        seconds[day] += spoken_seconds(metric)
        fixes[day] += metric.correction_count
        if metric.words:
            measured = fluency(metric.words)
            words[day] += measured.words
            speaking[day] += measured.speaking_s
            content_words[day] += measured.wpm * measured.speaking_s / 60.0
        else:  # typed turns still count toward corrections per 100 words
            words[day] += len(metric.transcript.split())
    days = sorted(seconds)
    mastered = sorted(_day(d.mastered_at, tz) for d in drills if d.mastered_at is not None)
    practised: set[date] = set()
    result = Progress(days, [], [], [], [], [])
    for day in days:
        practised.add(day)
        result.minutes.append(round(seconds[day] / 60.0, 2))
        rate = content_words[day] / speaking[day] * 60.0 if speaking[day] > 0 else 0.0
        result.wpm.append(round(rate, 1))
        per_100 = fixes[day] / words[day] * 100.0 if words[day] else 0.0
        result.corrections_per_100_words.append(round(per_100, 2))
        result.streak.append(streak(practised, day))
        result.drills_mastered.append(sum(1 for m in mastered if m <= day))
    return result


def load_progress(store: Store, tz: tzinfo | None = None) -> Progress:
    return progress(store.turn_metrics(), store.drills(), tz)
