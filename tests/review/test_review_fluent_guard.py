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
    # A light verb for a light verb, another form of an adverb or adjective.
    ("I make a lot of photos on holiday.", "I take a lot of photos on holiday."),
    ("Can I make a question?", "Can I ask a question?"),
    ("He said me that he was busy.", "He told me that he was busy."),
    ("I was to the dentist yesterday.", "I went to the dentist yesterday."),
    ("He works very hardly.", "He works very hard."),
    ("She speaks English very good.", "She speaks English very well."),
])
def test_fixes_the_guard_lets_through(said, rewrite):
    assert content_guard(said, rewrite, parse) is None


@pytest.mark.parametrize("said, rewrite, why", [
    ("My daughter is seven years.", "My daughter is eight years old.", "adds"),
    ("I not understand this word.", "I understand this word.", "changes a negation"),
    ("I like tea.", "I really like green tea with milk.", "adds"),
    ("We met in the morning.", "We met on Monday morning.", "adds"),
    ("I go to work by bus.", "I often go to work by bus with my old friends.", "adds"),
    # New verbs (Qwen 1.5B on test.txt, and on dev).
    ("I have been to three countries in Europe.", "I have visited three countries in Europe.",
     "adds visited"),
    ("I always am late for the bus.", "I always arrive late for the bus.", "adds arrive"),
    ("I never am sad on Fridays.", "I never feel sad on Fridays.", "adds feel"),
    ("He let me use his car.", "He allowed me to use his car.", "adds allowed"),
])
def test_content_it_still_refuses(said, rewrite, why):
    assert (content_guard(said, rewrite, parse) or "").startswith(why)


@pytest.mark.parametrize("said, rewrite", [
    # The fix changes a modal, a negation or an -ing form (test3, a tuning split).
    ("If you will need help, call me.", "If you need help, call me."),
    ("I don't know nothing about cars.", "I don't know anything about cars."),
    ("He promised calling me.", "He promised to call me."),
    ("Would you like coming with us?", "Would you like to come with us?"),
    ("This coat is belonging to my brother.", "This coat belongs to my brother."),
    ("It's the baddest film I've ever seen.", "It's the worst film I've ever seen."),
    # A verb learners say for another, a gerund of the learner's verb, the
    # superlative of three or more, "his" for a woman (test8, a tuning split).
    ("When I was little, my uncle learned me to ride a horse.",
     "When I was little, my uncle taught me to ride a horse."),
    ("I was hearing music when you called.", "I was listening to music when you called."),
    ("My husband avoids to drive in the city centre.",
     "My husband avoids driving in the city centre."),
    ("Of all my friends, Maria is the better cook.", "Of all my friends, Maria is the best cook."),
    ("My sister goes everywhere with his husband.",
     "My sister goes everywhere with her husband."),
    # A misplaced word of degree put right: not a degree added.
    ("I very like it.", "I really like it."),
    ("I like very much football.", "I really like football."),
])
def test_pattern_fixes_the_guard_lets_through(said, rewrite):
    assert content_guard(said, rewrite, parse) is None


@pytest.mark.parametrize("said, rewrite, why", [
    ("I will call you tomorrow.", "I call you tomorrow.", "changes a modal"),
    ("I don't know nothing.", "I know nothing.", "changes a negation"),
    ("He is working now.", "He works now.", "changes the -ing"),
    ("It is the baddest film.", "It is the best film.", "adds best"),
    # "'s" before a participle is a perfect, which spaCy reads as "is" or a possessive.
    ("My neighbour's just had a baby girl.", "My neighbour just had a baby girl.",
     "takes a perfect away"),
    ("She's just gone out.", "She just went out.", "takes a perfect away"),
    ("Can you make me a favour?", "Can you please do me a favour?", "adds please"),
    # The pairs are a closed list: no opposite, no "miss" for "lose".
    ("I lost my keys.", "I found my keys.", "adds found"),
    ("I lost my grandmother last year.", "I missed my grandmother last year.", "adds missed"),
    ("I miss my mum a lot.", "I lose my mum a lot.", "adds lose"),
    ("I like cooking.", "I like driving.", "adds driving"),
    ("I went with his husband.", "I went with her husband.", "changes who is meant"),
    # Right lines made other right lines (test10, Qwen 1.5B): a degree, a link,
    # a particle turned round, British "'s got" made past.
    ("The hotel staff were really friendly.", "The hotel staff were very friendly.",
     "adds very"),
    ("I didn't enjoy the film much.", "I didn't enjoy the film very much.", "adds very"),
    ("I can't make it to the meeting, something's come up.",
     "I can't make it to the meeting because something's come up.", "adds because"),
    ("Money's a bit tight this month, so we're eating in.",
     "Money's a bit tight this month, so we're eating out.", "changes in to out"),
    ("My brother's just got a puppy.", "My brother just got a puppy.", "takes a perfect away"),
    ("My nephew's just qualified as a plumber.", "My nephew just qualified as a plumber.",
     "takes a perfect away"),  # spaCy reads "qualified" as an adjective
])
def test_pattern_changes_it_still_refuses(said, rewrite, why):
    assert (content_guard(said, rewrite, parse) or "").startswith(why)


@pytest.mark.parametrize("said, rewrite", [
    # Fixes the guard refused on test10 (Qwen 1.5B), a tuning split since.
    ("Listen, the baby cries, can you check on him?",
     "Listen, the baby is crying. Can you check on him?"),  # split at the learner's comma
    ("He said he will call me, but he didn't.", "He said he would call me, but he didn't."),
    ("You know, she no have a car, so she cycles everywhere.",
     "You know, she doesn't have a car, so she cycles everywhere."),
    ("When have you moved to this town?", "When did you move to this town?"),
    ("The station is more far than I thought.", "The station is farther than I thought."),
    ("Um, I need to buy a new shoes for the wedding.",
     "Um, I need to buy a new pair of shoes for the wedding."),
    ("Oh, we don't have no milk left.", "Oh, we don't have any milk left."),
    ("We couldn't see the bus stop nowhere.", "We couldn't see the bus stop anywhere."),
    ("The guests helped theirselves to the food.", "The guests helped themselves to the food."),
    ("Well, if I was you, I will call her.", "Well, if I were you, I would call her."),
    ("If I had a bigger kitchen, I will cook more often.",
     "If I had a bigger kitchen, I would cook more often."),
    # test12 (read once, a tuning split since)
    ("Uh, last summer we flied to Antalya with a cheap airline.",
     "Uh, last summer we flew to Antalya with a cheap airline."),  # the learner's own verb
    ("Um, we swimmed in the lake every day on holiday.",
     "Um, we swam in the lake every day on holiday."),
    ("Our cat has five kittens last week.", "Our cat had five kittens last week."),  # no perfect
    ("Um, I didn't eat meat since last year.", "Um, I haven't eaten meat since last year."),
    ("Um, I have cold, can you close the window?", "Um, I have a cold, can you close the window?"),
])
def test_fixes_that_look_like_changes(said, rewrite):
    assert content_guard(said, rewrite, parse) is None


@pytest.mark.parametrize("said, rewrite, why", [
    ("I will go there, I promise.", "I will go there. I promise you.", "changes who"),
    ("I went there, I was tired and I slept.", "I went there. I was tired. I slept.",
     "more sentences"),
    ("He will call me tomorrow.", "He would call me tomorrow.", "changes a modal"),
    ("I have no money.", "I do not have money.", "drops no"),
    ("I need a new car.", "I need a new pair of cars.", "adds pair"),
    ("The station is far.", "The station is farther than the bank.", "adds bank"),
    ("If it rains, I will stay home.", "If it rains, I would stay home.", "changes a modal"),
    ("I went there yesterday.", "I have gone there yesterday.", "puts a perfect"),
    ("We have no milk left.", "We have any milk left.", "changes a negation"),
    # In speech the learner said neither spelling.
    ("Whose turn is it to take the bins out?", "Who's turn is it to take the bins out?",
     "writes whose as who's"),
])
def test_the_same_changes_where_they_are_no_fix(said, rewrite, why):
    assert (content_guard(said, rewrite, parse) or "").startswith(why)
