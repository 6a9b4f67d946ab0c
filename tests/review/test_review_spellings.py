"""The learner's spellings kept in the review's rewrite (fast tier: words only)."""

from __future__ import annotations

import pytest

from app.tutor.spellings import keep_spellings


@pytest.mark.parametrize("said, rewrite, kept", [
    ("Um, my mum cook a big lunch.", "Um, my mom cooks a big lunch.", "Um, my mum cooks a big lunch."),
    ("My neighbour said me that.", "My neighbor told me that.", "My neighbour told me that."),
    ("The more I practise, the easier it gets.", "The more I practice, the easier it gets.",
     "The more I practise, the easier it gets."),
    ("He apologised for being late.", "He apologized for being late.",
     "He apologised for being late."),
    ("Yeah, I'll sort it out.", "Yes, I'll sort it out.", "Yeah, I'll sort it out."),
    # British words a rewrite made American (test12)
    ("We ran out of petrol, haha.", "We ran out of gas, haha.", "We ran out of petrol, haha."),
    ("He fell asleep in front of the telly.", "He fell asleep in front of the TV.",
     "He fell asleep in front of the telly."),
    ("The programme starts at eight.", "The program starts at eight.",
     "The programme starts at eight."),
    # A family word with the learner's "'s" (test14)
    ("My grandad's seventy.", "My grandpa is seventy.", "My grandad is seventy."),
    # A fix stays: another word, or "advise" for "advice".
    ("I go to the park.", "I went to the park.", "I went to the park."),
    ("I need some advise.", "I need some advice.", "I need some advice."),
])
def test_the_learners_spelling_is_put_back(said, rewrite, kept):
    assert keep_spellings(said, rewrite) == kept
