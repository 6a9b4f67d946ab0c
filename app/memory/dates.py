"""Relative dates ("next Friday", "tomorrow", "in two weeks") resolved against
the day they were said. Anything not understood is None: a plan without a
date we are sure of is not remembered.

"Friday" / "this Friday" / "on Friday" is the coming one; "next Friday" is the
Friday of next week (a week on from the coming one when that is in this week,
the usual British/American reading).
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple of": 2, "few": 3}
TODAY_VARIABLE = "PARLEY_TODAY"


def today() -> date:
    """The learner's today; PARLEY_TODAY=YYYY-MM-DD sets it (trying follow-ups
    without waiting a week, and the end-to-end tests)."""
    forced = os.environ.get(TODAY_VARIABLE, "").strip()
    if forced:
        try:
            return date.fromisoformat(forced)
        except ValueError:
            pass
    return date.today()


def _coming(weekday: int, said: date) -> date:
    return said + timedelta(days=(weekday - said.weekday()) % 7 or 7)


def resolve(phrase: str, said: date) -> date | None:
    """The day ``phrase`` means, said on ``said``; None when unsure."""
    text = re.sub(r"[^a-z0-9 ]", " ", phrase.lower())
    text = re.sub(r"\b(on|the|of|at|in the)\b(?= )", " ", f" {text} ").split()
    text = " ".join(text)
    if text in ("today", "tonight", "this evening", "this afternoon", "this morning"):
        return said
    if text in ("tomorrow", "tomorrow morning", "tomorrow evening", "tomorrow night",
                "tomorrow afternoon"):
        return said + timedelta(days=1)
    if text == "day after tomorrow":
        return said + timedelta(days=2)
    if text in ("this weekend", "weekend"):
        return _coming(5, said) if said.weekday() < 5 else said
    if text == "next weekend":
        return _coming(5, said) + timedelta(days=7 if said.weekday() >= 5 else 7)
    if text == "next week":
        return said + timedelta(days=7 - said.weekday())  # next Monday
    if text == "next month":
        return (said.replace(day=1) + timedelta(days=32)).replace(day=1)
    if text == "next year":
        return date(said.year + 1, 1, 1)
    match = re.fullmatch(r"(this |next |coming |this coming )?(\w+day)( morning| afternoon| evening| night)?", text)
    if match and match.group(2) in WEEKDAYS:
        day = _coming(WEEKDAYS.index(match.group(2)), said)
        if match.group(1) == "next " and (day - said).days < 7 - said.weekday():
            day += timedelta(days=7)  # "next Friday" said on a Monday: not this week's
        return day
    match = re.fullmatch(r"in (a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|"
                         r"couple of|few) (day|days|week|weeks|month|months)", text)
    if match:
        count = NUMBERS.get(match.group(1)) or int(match.group(1))
        unit = match.group(2).rstrip("s")
        return said + timedelta(days=count * {"day": 1, "week": 7, "month": 30}[unit])
    return _calendar(text, said)


def _calendar(text: str, said: date) -> date | None:
    """"December 12", "12th December", "May 3rd": the next such day from ``said``."""
    match = (re.fullmatch(r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)?", text)
             or re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)", text))
    if not match:
        return None
    first, second = match.groups()
    month_name, day_text = (first, second) if first.isalpha() else (second, first)
    if month_name not in MONTHS:
        return None
    try:
        day = date(said.year, MONTHS.index(month_name) + 1, int(day_text))
        if day < said:
            day = day.replace(year=said.year + 1)
    except ValueError:
        return None
    return day
