"""The critic that "Yes, that's right" needs: a sentence is doubted when the
language model finds a one-word change of it much more likely
(app/tutor/gec/critic.py). The sentences are written for these tests, not
taken from the evaluation splits."""

import pytest

from app.tutor.gec import critic


def test_neighbours_undo_the_errors_learners_make():
    found = critic.neighbours("She can speaks English.")
    assert found["She can speak English."] == ("form", "speaks")
    assert "She speaks English." not in found  # a modal is not taken out
    assert critic.neighbours("We are agree.")["We agree."] == ("delete", "are")
    assert critic.neighbours("I am nurse.")["I am a nurse."] == ("insert", "nurse")
    assert critic.neighbours("We must to go.")["We must go."] == ("delete", "to")
    assert critic.neighbours("I am good in chess.")["I am good at chess."] == (
        "preposition", "in")
    assert critic.neighbours("She has a umbrella.")["She has an umbrella."] == (
        "article", "a")


def test_neighbours_keep_the_subject():
    found = critic.neighbours("I went home and she stayed.")
    assert "went home and she stayed." not in found  # "I" is never taken out
    assert all(kind != "insert" or word.lower() not in critic.PRONOUNS
               for kind, word in found.values())
    assert "I went home and it she stayed." not in found


class FakeScorer:
    """Gains from a table; the real scorer is SmolLM2 (the model tests below)."""

    def __init__(self, gains):
        self.table = gains

    def fits(self, text, margin=32):
        return True

    def gains(self, original, variants):
        return [self.table.get(v, -1.0) for v in variants]


def test_the_doubt_is_the_change_that_clears_its_threshold_by_most():
    scorer = FakeScorer({"We must go.": 3.0, "We must to go to.": 2.4,
                         "We must to going.": 4.5})
    found = critic.doubt(scorer, "we must to go")
    assert (found.variant, found.kind, found.word) == ("We must to going.", "form", "go")
    assert found.margin == pytest.approx(4.5 / critic.THRESHOLDS["form"])


def test_no_change_clearing_its_threshold_is_no_doubt():
    below = {v: critic.THRESHOLDS[k] - 0.01
             for v, (k, _) in critic.neighbours("We must go.").items()}
    assert critic.doubt(FakeScorer(below), "we must go") is None


@pytest.mark.model
@pytest.mark.parametrize("wrong,right", [
    ("my neighbour have three cats", "my neighbour has three cats"),
    ("she is nurse in a big hospital", "she is a nurse in a big hospital"),
    ("we must to leave before six", "we must leave before six"),
    ("the shoes was too small for him", "the shoes were too small for him"),
])
def test_smollm2_doubts_the_wrong_sentence_and_not_its_fix(smollm2, wrong, right):
    from app.tutor.gec.lm import LlamaScorer

    scorer = LlamaScorer(smollm2)
    assert critic.doubt(scorer, wrong) is not None
    assert critic.doubt(scorer, right) is None


def test_a_change_of_time_is_its_own_kind():
    assert critic.same_time("was", "were") and critic.same_time("has", "have")
    assert critic.same_time("works", "work") and critic.same_time("bigger", "big")
    assert not critic.same_time("were", "are") and not critic.same_time("went", "go")
    found = critic.neighbours("The shoes were too small.")
    assert found["The shoes are too small."] == ("tense", "were")
    assert found["The shoes was too small."] == ("form", "were")


def test_the_tutor_offers_a_doubted_change_only_where_it_keeps_time_and_content():
    from app.tutor.answers import _doubt

    class Corrector:
        def __init__(self, gains):
            self.scorer = FakeScorer(gains)

    assert _doubt(Corrector({"We must go.": 5.0}), "we must to go") == (
        "I'm not sure. I would say 'We must go'.")
    assert _doubt(Corrector({"We go home.": 9.0}), "we went home") == (
        "I'm not sure about 'went' there.")
    assert _doubt(Corrector({}), "we went home") == ""
