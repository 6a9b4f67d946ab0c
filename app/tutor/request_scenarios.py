"""Which scenario pack a learner names: "ordering food" -> cafe-order.

The built-in packs have the words learners use for them; a learner's own
pack is named by the words of its id and title. A phrase that names no pack
gets None, and the tutor asks which one (never a guess).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words that name a built-in pack, beyond its title.
_NAMES = {
    "cafe-order": {"cafe", "café", "coffee", "restaurant", "ordering", "order", "food", "menu",
                   "waiter", "drink"},
    "job-interview": {"interview", "interviews", "job"},
    "travel-planning": {"trip", "travel", "travelling", "traveling", "holiday", "holidays",
                        "vacation", "journey"},
    "doctor-visit": {"doctor", "doctors", "doctor's", "clinic", "medicine", "sick", "ill"},
    "neighbour-small-talk": {"neighbour", "neighbor", "neighbours", "small"},
    "returning-an-item": {"returning", "return", "refund", "exchange", "shop", "item"},
    "asking-directions": {"directions", "direction", "way", "lost"},
    "describing-weekend": {"weekend"},
    "free-talk": {"free", "conversation", "chat"},
}
_PLAIN = {"the", "a", "an", "to", "at", "in", "for", "with", "my", "some", "of", "and",
          "scenario", "situation", "practice", "practise", "role", "play", "together", "do",
          "please", "questions", "something", "asking", "talking", "going", "just", "have",
          "going", "again", "more", "about", "how", "ask", "plan", "planning", "describing",
          "talk", "us", "me", "one", "this", "that", "it", "go", "back"}
_STRONG = {"interview", "doctor", "restaurant", "cafe", "café", "coffee", "refund", "directions",
           "weekend", "neighbour", "neighbor", "trip", "holiday", "free", "ordering", "small",
           "returning", "travel", "way", "food", "doctors", "doctor's", "item", "vacation"}


@lru_cache(maxsize=1)
def _packs() -> tuple[tuple[str, frozenset[str]], ...]:
    try:
        from app.tutor.scenarios import load_catalog

        packs = load_catalog().scenarios
    except Exception:  # noqa: BLE001 - no packs: only the built-in names
        packs = []
    named = []
    for pack in packs:
        words = set(_NAMES.get(pack.id, ())) | set(_words(pack.id.replace("-", " ")))
        if pack.id not in _NAMES:
            words |= set(_words(pack.title))
        named.append((pack.id, frozenset(words - _PLAIN)))
    if not named:
        named = [(pid, frozenset(words)) for pid, words in _NAMES.items()]
    return tuple(named)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zé']+", text.lower())


def scenario_named(phrase: str) -> str | None:
    """The id of the pack ``phrase`` names, or None when it names none (or
    two equally): "ordering food" -> "cafe-order"."""
    said = [w for w in _words(phrase) if w not in _PLAIN]
    if not said:
        return None
    scores = []
    for pack_id, words in _packs():
        hits = [w for w in said if w in words or w.rstrip("s") in words]
        if hits:
            scores.append((len(hits) + sum(w in _STRONG for w in hits), pack_id))
    if not scores:
        return None
    scores.sort(reverse=True)
    if len(scores) > 1 and scores[0][0] == scores[1][0]:
        return None
    # A phrase mostly about something else ("more at home") names no pack.
    best = scores[0][0]
    return scores[0][1] if best >= 2 or len(said) <= 2 else None


def name_words() -> frozenset[str]:
    """The words that name a pack on their own ("interview", "weekend"; a
    learner's pack by its words), not the common ones ("way", "job", "lost")."""
    return frozenset(w for pack_id, words in _packs() for w in words
                     if pack_id not in _NAMES or w in _STRONG)


def scenario_choices() -> list[str]:
    return [pack_id for pack_id, _ in _packs()]
