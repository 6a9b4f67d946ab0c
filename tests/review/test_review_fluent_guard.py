"""The content guard's tuned edges on spaCy's parse (model tier: spaCy)."""

from __future__ import annotations

import pytest

from app.tutor.fluent import content_guard
from app.tutor.parser import parse

pytestmark = pytest.mark.model


@pytest.mark.parametrize("said, rewrite", [
    ("I not understand this word.", "I don't understand this word."),  # one negation
    ("He explained me the problem.", "He explained the problem to me."),  # three words moved
    ("My daughter is seven years.", "My daughter is seven years old."),  # an age
])
def test_fixes_the_guard_lets_through(said, rewrite):
    assert content_guard(said, rewrite, parse) is None


@pytest.mark.parametrize("said, rewrite, why", [
    ("My daughter is seven years.", "My daughter is eight years old.", "adds"),
    ("I not understand this word.", "I understand this word.", "changes a negation"),
    ("I like tea.", "I really like green tea with milk.", "adds"),
    ("We met in the morning.", "We met on Monday morning.", "adds"),
    ("I go to work by bus.", "I often go to work by bus with my old friends.", "adds"),
])
def test_content_it_still_refuses(said, rewrite, why):
    assert (content_guard(said, rewrite, parse) or "").startswith(why)
