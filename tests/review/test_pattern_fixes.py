"""The grammar fixes that the review's guard lets through (fast tier: words only)."""

from __future__ import annotations

import pytest

from app.tutor import pattern_fixes
from app.tutor.fluent import expanded


@pytest.mark.parametrize("said, rewrite, fix", [
    ("If you will need help, call me.", "If you need help, call me.", True),
    ("Text me when you will be at the station.", "Text me when you are at the station.", True),
    ("As soon as the bus will come, we go.", "As soon as the bus comes, we go.", True),
    ("I will need help.", "I need help.", False),
    ("If it rains, we will stay home.", "If it rains, we stay home.", False),
    ("When you will come, I can help.", "When you come, I could help.", False),
])
def test_will_after_if(said, rewrite, fix):
    assert pattern_fixes.drops_will_after_if(expanded(said), expanded(rewrite)) is fix


@pytest.mark.parametrize("said, rewrite, fix", [
    ("I don't know nothing about cars.", "I don't know anything about cars.", True),
    ("I didn't see nobody.", "I didn't see anyone.", True),
    ("We never go nowhere.", "We never go anywhere.", True),
    ("I don't know nothing.", "I know nothing.", False),
    ("I don't like it.", "I like it.", False),
])
def test_double_negation(said, rewrite, fix):
    assert pattern_fixes.resolves_double_negation(expanded(said), expanded(rewrite)) is fix


@pytest.mark.parametrize("said, rewrite, fix", [
    ("He promised calling me.", "He promised to call me.", True),
    ("We decided staying at home.", "We decided to stay at home.", True),
    ("Would you like coming with us?", "Would you like to come with us?", True),
    ("This coat is belonging to my brother.", "This coat belongs to my brother.", True),
    ("He is working now.", "He works now.", False),
    ("I like swimming.", "I like to swim.", False),
    ("She decided staying.", "She decided to go.", False),
])
def test_ing_form(said, rewrite, fix):
    assert pattern_fixes.fixes_ing_form(expanded(said), expanded(rewrite)) is fix


@pytest.mark.parametrize("said, rewrite, fix", [
    ("My sister goes everywhere with his husband.",
     "My sister goes everywhere with her husband.", True),
    ("My father lost her keys.", "My father lost his keys.", True),
    ("My mum, he works in a bank.", "My mum, she works in a bank.", True),
    # Nobody named, or both sexes named: who is meant is not known.
    ("I went with his husband.", "I went with her husband.", False),
    ("My brother and my sister came with his friend.",
     "My brother and my sister came with her friend.", False),
    ("My sister came with his friend.", "My sister came with their friend.", False),
    ("My sister met him.", "My sister met her.", False),
])
def test_pronoun_gender(said, rewrite, fix):
    assert pattern_fixes.fixes_pronoun_gender(expanded(said), expanded(rewrite)) is fix
