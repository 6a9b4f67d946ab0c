"""Examples of news and the follow-up question a person would ask, by the
kind of news, for SmolLM2's follow-up prompt (app/tutor/follow_up.py).

A 135M model copies the examples nearest to the news: after a plan it asked
"How did you travel to Spain?" from examples of things done. So the prompt
ends with the examples of the news's own kind (trouble, something done, a
plan, how things are now), the closest by words last, just before the news.

Each example: the news, what it is about (app.tutor.news_focus.focus, in
the second person) and a question about that which moves the talk on: what
they did then, how they are, why, what comes next, who was there. None asks
the kind or the name of a thing, none asks what the news said, and each
names the thing it asks about (a small model copies "it" into nonsense).
None is close to a line of the dialogue set (tests/data/dialogue).
"""

from __future__ import annotations

import re

TROUBLE, DONE, PLAN, NOW = "trouble", "done", "plan", "now"
BY_KIND = {
    TROUBLE: (
        ("my washing machine stopped working yesterday", "your washing machine stopped working",
         "Did you call someone to fix the washing machine?"),
        ("i fell off my bike this morning", "you fell off your bike",
         "Did you hurt yourself when you fell off the bike?"),
        ("my flight was cancelled", "your flight was cancelled",
         "How did you get home after the flight was cancelled?"),
        ("i had an argument with my best friend", "you had an argument with your best friend",
         "Did you talk to your best friend again after the argument?"),
        ("my old neighbour passed away in the spring", "your old neighbour passed away",
         "Were you close to your neighbour?"),
        ("someone stole my bag at the market", "someone stole your bag",
         "Did you tell the police about your bag?"),
        ("my knee hurts when i walk", "your knee hurts",
         "Have you seen a doctor about your knee?"),
        ("i failed my maths exam", "you failed your maths exam",
         "Are you going to take the maths exam again?"),
    ),
    DONE: (
        ("we got a puppy, he is three months old", "you got a puppy",
         "Who takes the puppy for walks?"),
        ("we tried a new restaurant on friday", "you tried a new restaurant",
         "Did you like the food at the new restaurant?"),
        ("my sister had a baby last week", "your sister had a baby",
         "Have you seen your sister's baby yet?"),
        ("i passed my english exam", "you passed your english exam",
         "How did you celebrate passing the exam?"),
        ("i painted my bedroom blue", "you painted your bedroom blue",
         "Who helped you paint the bedroom?"),
        ("we went to the zoo with the kids", "you went to the zoo",
         "Who liked the zoo more, you or the kids?"),
    ),
    PLAN: (
        ("next year i want to study in canada", "you want to study in Canada",
         "Why do you want to study in Canada?"),
        ("my uncle is going to retire next month", "your uncle is going to retire",
         "Is your uncle happy to stop working?"),
        ("i will take a cooking class next week", "you will take a cooking class",
         "What are you going to learn to cook?"),
        ("we are going to visit my aunt in the summer", "you are going to visit your aunt",
         "Will you stay with your aunt?"),
        ("next weekend i run my first half marathon", "you run your first half marathon",
         "Are you ready for your first half marathon?"),
        ("my brother will start a new job soon", "your brother will start a new job",
         "Is your brother excited about the new job?"),
    ),
    NOW: (
        ("my grandfather is ninety", "your grandfather is ninety",
         "Does your grandfather live near you?"),
        ("i work in a hotel", "you work in a hotel", "What do you do at the hotel?"),
        ("i love cooking thai food", "you love cooking thai food",
         "Who taught you to cook Thai food?"),
        ("my computer is very slow", "your computer is very slow",
         "Do you want to buy a new computer?"),
    ),
}
SHOWN = 3  # examples of the news's kind before it


def nearest(kind: str, news: str, shown: int = SHOWN) -> list[tuple[str, str, str]]:
    """The ``shown`` examples of ``kind`` that share the most words with the
    news, the closest last (nearest the news in the prompt)."""
    said = _stems(news)
    ranked = sorted(enumerate(BY_KIND[kind]), key=lambda e: (len(_stems(e[1][0]) & said), -e[0]))
    return [example for _, example in ranked[-shown:]]


def _stems(text: str) -> set[str]:
    return {w[:4] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}
