"""The daily-habit part of the Today page (Qt-free): the learner's goal in
minutes, where the last session left off, and a topic drawn from memory or
from due drills. No dark patterns: a goal the learner sets, nothing more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

GOAL_SETTING = "daily_goal_minutes"
DEFAULT_GOAL = 10


@dataclass(frozen=True)
class Home:
    goal_minutes: int
    left_off: str  # "" when there is no earlier session
    last_session_id: int | None
    topic: str  # "" when nothing is remembered and no drill is due


def home(store, today: date) -> Home:
    goal = int(store.setting(GOAL_SETTING, DEFAULT_GOAL) or DEFAULT_GOAL)
    left_off, last_id = "", None
    for session in store.list_sessions():
        if session.turn_count:
            turns = store.turns(session.id)
            last = turns[-1]
            when = session.started_at.astimezone()
            left_off = (f"{when:%A %d %B}, {session.scenario}: you said \u201c{last.transcript}\u201d"
                        f" and the tutor answered \u201c{last.reply}\u201d")
            last_id = session.id
            break
    return Home(goal, left_off, last_id, _topic(store, today))


def _topic(store, today: date) -> str:
    if store.memory_on():
        facts = store.facts()
        plans = [f for f in facts if f.kind == "plan" and f.event_date is not None
                 and abs((f.event_date.date() - today).days) <= 7]
        interests = [f for f in facts if f.kind == "interest"]
        for fact in plans + interests:
            return f"Tell the tutor more: {fact.text[:1].lower()}{fact.text[1:]}."
    due = store.drills(due_before=datetime.now(UTC), limit=1)
    if due:
        return f"Practise saying: \u201c{due[0].target}\u201d"
    return ""


def set_goal(store, minutes: int) -> None:
    store.set_setting(GOAL_SETTING, max(1, min(int(minutes), 240)))
