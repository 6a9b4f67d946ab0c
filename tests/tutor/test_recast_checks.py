"""Where the rules' fix of a line may leave its recast wrong
(app/tutor/recast_checks.py); spaCy and lemminflect: the model tier."""

import pytest

from app.tutor.recast_checks import risky

pytestmark = pytest.mark.model  # loads spaCy


@pytest.mark.parametrize("said, fixed, clause, why", [
    ("I need an advice.", "I need an tip.", "you need an tip", "a noun replaced"),
    ("He gave me many informations.", "He gave me many information.",
     "he gave you many information", "after a quantifier"),
    ("I bought a new furnitures.", "I bought a new furniture.",
     "you bought a new furniture", "after a quantifier"),
    ("I arrived to London.", "I arrived at London.", "you arrived at London", "before a name"),
    ("He has a own car.", "He has an own car.", "he has an own car", "'own'"),
    ("I am living here since five years.", "I am living here for five years.",
     "you are living here for five years", "a duration"),
    ("She works here since May.", "She works here since May.", "she works here since May",
     "'since'"),
    ("The informations were wrong.", "The information were wrong.",
     "the information were wrong", "a singular subject with a plural verb"),
    ("My wife and I are married since twenty years.", "My wife and I are married for twenty "
     "years.", "your wife and you are married for twenty years", "a duration"),
    ("I'm going to Tokyo next week my company send me there.", "I'm going to Tokyo next week "
     "my company sends me there.", "you're going to Tokyo next week your company sends you "
     "there", "two clauses run together"),
    ("I met Kenji we didn't saw each other.", "I met Kenji we didn't see each other.",
     "you met Kenji you didn't see each other", "two clauses run together"),
    ("I am used to go jogging, but now I don't.", "I am used to going jogging, but now I don't.",
     "you are used to going jogging", "'used to'"),
    ("My husband, he's from Naples, so he say.", "My husband, he's from Naples, so he says.",
     "your husband, he's from Naples, so he says", "cut before its end"),
])
def test_a_fix_that_leaves_the_clause_wrong_is_risky(said, fixed, clause, why):
    assert why in risky(said, fixed, clause)


@pytest.mark.parametrize("said, fixed, clause", [
    ("I have a lot of homeworks.", "I have a lot of homework.", "you have a lot of homework"),
    ("We arrived to the airport.", "We arrived at the airport.", "you arrived at the airport"),
    ("There are many child here.", "There are many children here.",
     "there are many children here"),
    ("He said me that he was busy.", "He told me that he was busy.",
     "he told you that he was busy"),
    ("He lives in Paris since 2010.", "He has lived in Paris since 2010.",
     "he has lived in Paris since 2010"),
    ("I am staying with them.", "I am staying with them.", "you are staying with them"),
    ("The equipments are old.", "The equipment is old.", "the equipment is old"),
    ("My parents was there.", "My parents were there.", "your parents were there"),
    ("I think you is kind.", "I think you are kind.", "you think I am kind"),
    ("The match was exciting, we win.", "The match was exciting, we won.",
     "the match was exciting, you won"),
    ("I was hungry so I eated two pizzas.", "I was hungry so I ate two pizzas.",
     "you were hungry so you ate two pizzas"),
    # A clause that opens with a question word ends in its verb and is whole.
    ("Nobody know where he is.", "Nobody knows where he is.", "nobody knows where he is"),
])
def test_a_whole_fix_is_not(said, fixed, clause):
    assert risky(said, fixed, clause) == ""
