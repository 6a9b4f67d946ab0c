"""The parse's grammar checks behind "is it correct?" (app/tutor/sentence_checks.py).

Sentences from tests/data/sentence_checks/checks.tsv, written for these tests
(none is in the dialogue set). spaCy's parse: the model tier, except the pure
span logic at the end.
"""

from pathlib import Path

import pytest

from app.tutor import sentence_checks
from app.tutor.sentence_checks import Finding

DATA = Path(__file__).resolve().parents[1] / "data" / "sentence_checks" / "checks.tsv"
ROWS = [tuple(line.split("\t")) for line in DATA.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")]
DO_NO_HARM = Path(__file__).resolve().parents[1] / "data" / "corrections" / "do_no_harm.tsv"


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", ROWS)
def test_a_sure_error_is_fixed_and_a_right_sentence_left_alone(sentence, expected):
    fixed, found = sentence_checks.check(sentence)
    assert fixed == expected
    assert bool(found) == (sentence != expected)


@pytest.mark.model
def test_no_check_changes_correct_english():
    # The 2,400 correct sentences of the do-no-harm corpus (Tatoeba): none
    # may be changed; measured 0 of 2,400 (issue 24).
    rows = [line.split("\t") for line in DO_NO_HARM.read_text(encoding="utf-8").splitlines()[1:]]
    changed = [s for *_, s in rows[::4] if sentence_checks.findings(s)]
    assert changed == []


@pytest.mark.model
def test_a_word_no_dictionary_knows_and_a_fragment_are_no_evidence():
    assert sentence_checks.unknown_words("i like the blorft very much") == ["blorft"]
    assert sentence_checks.unknown_words("i like the weather in Lisbon") == []
    assert not sentence_checks.has_clause("the shop open at nine")
    assert sentence_checks.has_clause("open the window")
    # spaCy's small model reads "needs" as a noun here
    assert sentence_checks.has_clause("my phone needs charging")
    assert not sentence_checks.has_clause("my old friends")


@pytest.mark.model
def test_a_suspect_is_only_a_suspect():
    # "informations": lemminflect lists both plurals; the language model decides.
    assert sentence_checks.findings("i need some informations") == []
    assert [f.apply("i need some informations") for f in
            sentence_checks.suspects("i need some informations")] == ["i need some information"]
    # British "maths" is no plural of "math" (called wrong on test7).
    assert sentence_checks.suspects("i'm good at maths but bad at english") == []


def test_overlapping_findings_keep_the_first():
    a, b = Finding(0, 5, "x", "other", ""), Finding(3, 8, "y", "other", "")
    assert sentence_checks._non_overlapping([b, a]) == [a]
    assert Finding(2, 2, "an ", "article", "").apply("a engineer") == "a an engineer"
