"""Memory in the conversation: the opening line's follow-up and the facts
that go into the tutor's prompt.

The opening asks about a plan whose day has come or passed ("How did your
job interview go?"), else about an ongoing interest, each in one of several
wordings, never the same wording two sessions running. A plan is asked about
once; a plan more than three weeks old is left alone.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date

from app.store.memory_store import FactView

FREE_TALK = ("free-talk", "free talk")
STALE_DAYS = 21
PROMPT_TOKENS = 80  # the remembered facts' share of the tutor's prompt
LAST_WORDING = "memory.last_opening_wording"

PAST_NOUN = (  # "How did your job interview go?"
    "How did your {value} go?",
    "Last time you told me about your {value}. How did it go?",
    "I've been wondering: how did the {value} go?",
    "So, your {value} was {when}. How was it?",
)
PAST_DOING = (  # "You were flying to Rome"
    "Last time you said you were {value} {when}. How did it go?",
    "You were {value} {when}, weren't you? How was it?",
)
PAST_OTHER_NOUN = (  # "Your daughter has a piano concert"
    "How did your {subject}'s {value} go?",
    "Your {subject} had a {value} {when}, didn't they? How did it go?",
)
PAST_OTHER = (  # about someone else: "Your brother was getting married"
    "Last time you told me your {subject} was {value} {when}. How did it go?",
    "How did it go with your {subject}? You said they were {value} {when}.",
)
TODAY = (
    "Isn't your {value} today? How are you feeling about it?",
    "Today's the day of your {value}, isn't it? Are you ready?",
)
INTEREST = (
    "Last time you said {text_lower}. Have you done any of that this week?",
    "Have you had time for {value} lately?",
    "I remember {text_lower}. Anything new there?",
)


@dataclass(frozen=True)
class Opening:
    text: str
    fact_id: int | None = None


def opening_line(store, scenario_id: str, default: str, today: date,
                 rng: random.Random | None = None) -> Opening:
    """The session's first line: a follow-up on something remembered, or ``default``."""
    if not store.memory_on() or scenario_id not in FREE_TALK:
        return Opening(default)
    rng = rng or random.Random()
    facts = store.facts()
    last = store.setting(LAST_WORDING, "")
    name = next((f.value for f in facts if f.kind == "name" and f.subject == "learner"), "")
    for fact in _due_plans(facts, today):
        templates = _plan_templates(fact, today)
        wording = _pick(templates, last, rng)
        return _said(store, fact, wording, name, rng,
                     value=fact.value, subject=fact.subject, when=_when(fact, today))
    interests = sorted((f for f in facts if f.kind == "interest" and f.subject == "learner"),
                       key=lambda f: (f.followed_up_at is not None, f.followed_up_at or f.created_at))
    if interests:
        fact = interests[0]
        wording = _pick(INTEREST, last, rng)
        return _said(store, fact, wording, name, rng, value=fact.value,
                     text_lower=_lower_first(fact.text))
    if name:
        return Opening(f"Hi {name}! {default}")
    return Opening(default)


def _due_plans(facts: list[FactView], today: date) -> list[FactView]:
    """Plans whose day has passed (or, for "I have an interview", is today)."""
    def days_ago(f: FactView) -> int:
        return (today - f.event_date.date()).days

    due = [f for f in facts if f.kind == "plan" and f.event_date is not None
           and f.followed_up_at is None and days_ago(f) <= STALE_DAYS
           and (days_ago(f) > 0 or days_ago(f) == 0 and f.subject == "learner" and _is_noun(f))]
    return sorted(due, key=lambda f: f.event_date, reverse=True)  # the latest first


def _plan_templates(fact: FactView, today: date) -> tuple[str, ...]:
    if fact.event_date.date() == today and fact.subject == "learner" and _is_noun(fact):
        return TODAY
    if fact.subject != "learner":
        return PAST_OTHER_NOUN if _is_noun(fact) else PAST_OTHER
    return PAST_NOUN if _is_noun(fact) else PAST_DOING


def _is_noun(fact: FactView) -> bool:
    """"You have a job interview" (a thing had), not "You are flying to Rome" (a thing done)."""
    return re.match(r"(You|Your \w+) (have|has) ", fact.text) is not None


def _when(fact: FactView, today: date) -> str:
    day = fact.event_date.date()
    if (today - day).days == 1:
        return "yesterday"
    if (today - day).days < 7:
        return f"on {day.strftime('%A')}"
    return f"on {day.strftime('%A')} {day.day} {day.strftime('%B')}"


def _pick(templates: tuple[str, ...], last: str, rng: random.Random) -> str:
    fresh = [t for t in templates if t != last] or list(templates)
    return rng.choice(fresh)


def _said(store, fact: FactView, wording: str, name: str, rng: random.Random,
          **values: str) -> Opening:
    text = wording.format(**values)
    if name and rng.random() < 0.5:
        text = f"Hi {name}! {text}"
    store.mark_followed_up(fact.id)
    store.set_setting(LAST_WORDING, wording)
    return Opening(text, fact.id)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def prompt_facts(store, today: date, budget_tokens: int = PROMPT_TOKENS) -> str:
    """What the tutor may know, newest and most useful first, within the budget."""
    if not store.memory_on():
        return ""
    order = {"name": 0, "plan": 1, "job": 2, "study": 3, "family": 4, "place": 5,
             "interest": 6, "note": 7}
    facts = [f for f in store.facts() if not (
        f.kind == "plan" and f.event_date is not None
        and (today - f.event_date.date()).days > STALE_DAYS)]
    facts.sort(key=lambda f: (order.get(f.kind, 9), -f.confirmed_at.timestamp()))
    head = ("What the learner told you in earlier sessions (as you would say it to them). "
            "Use it only when it fits; never add to it:")
    lines: list[str] = []
    used = _tokens(head)
    for fact in facts:
        line = f"- {fact.text}."
        if used + _tokens(line) > budget_tokens:
            continue
        lines.append(line)
        used += _tokens(line)
    return "\n".join([head, *lines]) if lines else ""


def _tokens(text: str) -> int:
    return len(text) // 3 + 1  # as the tutor's own estimate: about four characters a token, err high
