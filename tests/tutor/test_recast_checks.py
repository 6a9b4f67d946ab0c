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
])
def test_a_whole_fix_is_not(said, fixed, clause):
    assert risky(said, fixed, clause) == ""
