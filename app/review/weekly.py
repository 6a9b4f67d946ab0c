"""The weekly review (Qt-free): minutes spoken, mistakes per 100 words by kind,
and fluency, one value per week (weeks start on Monday), with an axis that
reads well from one day of data to a year.

Weeks without practice are kept (as zeros for minutes, gaps elsewhere), so a
year is 52 evenly spaced points and a break shows as a break.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo

from app.review.fluency import fluency
from app.review.stats import spoken_seconds

MIN_WEEKS_SHOWN = 4
MOST_KINDS = 4  # kinds drawn as their own line; the rest are "other"
# At most this many labelled ticks: a 520-pixel chart has room for about 10
# "Dec 29" labels (48 px each at the default font) with space between them.
MAX_TICKS = 9


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass
class Weekly:
    """Per week, oldest first; every list has one value per entry of ``weeks``.
    None where a week has no measurement (no practice, or no spoken turns)."""

    weeks: list[date]
    minutes: list[float]
    words: list[int]
    mistakes_per_100: dict[str, list[float | None]] = field(default_factory=dict)
    wpm: list[float | None] = field(default_factory=list)
    pauses_per_min: list[float | None] = field(default_factory=list)
    fillers_per_min: list[float | None] = field(default_factory=list)


def weekly(metrics: Sequence, corrections: Sequence, tz: tzinfo | None = None) -> Weekly:
    """``metrics``: the store's TurnMetric rows; ``corrections``: its
    CorrectionEntry rows (for their kind and time)."""
    if not metrics:
        return Weekly([], [], [])
    seconds: dict[date, float] = defaultdict(float)
    words: dict[date, int] = defaultdict(int)
    speaking: dict[date, float] = defaultdict(float)
    content: dict[date, float] = defaultdict(float)
    pauses: dict[date, int] = defaultdict(int)
    fillers: dict[date, int] = defaultdict(int)
    for m in metrics:
        week = week_start(m.started_at.astimezone(tz).date())
        seconds[week] += spoken_seconds(m)
        if m.words:
            f = fluency(m.words)
            words[week] += f.words
            speaking[week] += f.speaking_s
            content[week] += f.wpm * f.speaking_s / 60.0
            pauses[week] += f.pauses
            fillers[week] += f.fillers
        else:
            words[week] += len(m.transcript.split())
    kinds: dict[date, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    for entry in corrections:
        week = week_start(entry.at.astimezone(tz).date())
        kinds[week][entry.correction.kind] += 1
        totals[entry.correction.kind] += 1
    first, last = min(seconds), max(seconds)
    weeks = [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]
    top = [kind for kind, _n in totals.most_common(MOST_KINDS)]
    shown = top + (["other"] if len(totals) > len(top) else [])
    result = Weekly(weeks, [round(seconds[w] / 60.0, 2) for w in weeks],
                    [words[w] for w in weeks], {k: [] for k in shown})
    for w in weeks:
        for kind in shown:
            count = (sum(n for k, n in kinds[w].items() if k not in top) if kind == "other"
                     else kinds[w][kind])
            result.mistakes_per_100[kind].append(
                round(count / words[w] * 100.0, 2) if words[w] else None)
        minutes = speaking[w] / 60.0
        result.wpm.append(round(content[w] / minutes, 1) if minutes else None)
        result.pauses_per_min.append(round(pauses[w] / minutes, 2) if minutes else None)
        result.fillers_per_min.append(round(fillers[w] / minutes, 2) if minutes else None)
    return result


def week_axis(weeks: Sequence[date]) -> tuple[list[float], tuple[float, float],
                                              list[tuple[float, str]]]:
    """x per week (weeks since the first), the x range (at least four weeks),
    and at most :data:`MAX_TICKS` (x, label) ticks: "Dec 1" for week starts,
    with the year on the first tick and on the first of each new year."""
    if not weeks:
        return [], (-0.6, MIN_WEEKS_SHOWN - 0.4), []
    xs = [float(n) for n in range(len(weeks))]
    span = max(len(weeks), MIN_WEEKS_SHOWN)
    step = 1
    while -(-span // step) > MAX_TICKS:
        step = {1: 2, 2: 4, 4: 8, 8: 13, 13: 26}.get(step, step * 2)
    first = weeks[0]
    ticks = []
    year = None
    for n in range(0, span, step):
        day = first + timedelta(weeks=n)
        label = f"{day.strftime('%b')} {day.day}"
        if day.year != year:  # the first tick, and the first of each new year
            label += f" {day.year}"
            year = day.year
        ticks.append((float(n), label))
    # Room on the left for half the first label (its date and year), which
    # pyqtgraph would otherwise leave out as running past the axis.
    return xs, (-0.6 - 0.35 * step, span - 0.4), ticks


def load_weekly(store, tz: tzinfo | None = None) -> Weekly:
    return weekly(store.turn_metrics(), store.correction_entries(), tz)
