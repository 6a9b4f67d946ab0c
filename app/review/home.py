"""The daily-habit part of the Today page and the main window's home panel
(Qt-free): the learner's goal in minutes, where the last session left off
(with what it takes to reopen that scenario), and a topic drawn from memory or
from due drills. No dark patterns: a goal the learner sets, nothing more."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from app.memory.weave import practice_lines
from app.review.reminder import TIME_SETTING

GOAL_SETTING = "daily_goal_minutes"
DEFAULT_GOAL = 10


@dataclass(frozen=True)
class Home:
    goal_minutes: int
    left_off: str  # "" when there is no earlier session
    last_session_id: int | None
    topic: str  # "" when nothing is remembered and no drill is due
    # What "continue where we left off" reopens: the last session's settings.
    last_scenario: str = ""  # the scenario's title, as the session row keeps it
    last_level: str = ""
    last_style: str = ""
    topic_kind: str = ""  # "memory" (talk about it) | "drill" (practise it) | ""
    topic_question: str = ""  # the tutor's first line when the learner takes the topic
    reminder: str = ""  # "HH:MM" of the optional daily reminder, "" when off
    practice: tuple[str, ...] = ()  # practice questions per kind (app/memory/weave.py)
    # The topic's own words (the remembered fact, or the drill's sentence), so the
    # window can say the topic's line in its own language around them.
    topic_words: str = ""


def home(store, today: date) -> Home:
    goal = int(store.setting(GOAL_SETTING, DEFAULT_GOAL) or DEFAULT_GOAL)
    left_off, last = "", None
    for session in store.list_sessions():
        if session.turn_count:
            turn = store.turns(session.id)[-1]
            when = session.started_at.astimezone()
            left_off = (f"{when:%A %d %B}, {session.scenario}: "
                        f"you said \u201c{turn.transcript}\u201d"
                        f" and the tutor answered \u201c{turn.reply}\u201d")
            last = session
            break
    kind, topic, question, words = _topic(store, today)
    reminder = str(store.setting(TIME_SETTING, "") or "")
    practice = tuple(practice_lines(store)) if hasattr(store, "practice_counts") else ()
    if last is None:
        return Home(goal, "", None, topic, topic_kind=kind, topic_question=question,
                    reminder=reminder, practice=practice, topic_words=words)
    return Home(goal, left_off, last.id, topic, last.scenario, last.level,
                last.correction_style, kind, question, reminder, practice, words)


def _topic(store, today: date) -> tuple[str, str, str, str]:
    if store.memory_on():
        facts = store.facts()
        plans = [f for f in facts if f.kind == "plan" and f.event_date is not None
                 and abs((f.event_date.date() - today).days) <= 7]
        interests = [f for f in facts if f.kind == "interest"]
        for fact in plans + interests:
            words = f"{fact.text[:1].lower()}{fact.text[1:]}"
            return ("memory", f"Tell the tutor more: {words}.",
                    f"{fact.text}, right? Tell me more about it!", words)
    due = store.drills(due_before=datetime.now(UTC), limit=1)
    if due:
        return "drill", f"Practise saying: \u201c{due[0].target}\u201d", "", due[0].target
    return "", "", "", ""


def set_goal(store, minutes: int) -> None:
    store.set_setting(GOAL_SETTING, max(1, min(int(minutes), 240)))
