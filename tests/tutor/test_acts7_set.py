"""The shape of tests/data/dialogue/test7.jsonl, the blind held-out split of
learner lines that are not news (most of them questions about English): ids,
counts, what each act's rows carry, and that no line repeats (or nearly
repeats) one of dev, test, test2 ... test6, nor asks about the same word or
thing. Fast: reads files only."""
import difflib
from collections import Counter

import pytest

from tests.tutor.dialogue_splits import load, shape, shape_key, shapes, written

TUTOR_KINDS = {"advice", "opinion", "recommendation", "about_tutor"}
POSITIONS = {"first", "second", "third", "fourth", "fifth"}
OPENING = "Tutor: Hi! How was your day?"

ROWS = load("test7.jsonl")
OLD = [r for name in ("dev", "test", "test2", "test3", "test4", "test5", "test6")
       for r in load(f"{name}.jsonl")]
# the word-form details of the earlier splits, and the noun and adjective forms, new here
OLD_DETAILS = {r["detail"] for r in OLD if r.get("kind") == "word_form"}
DETAILS = OLD_DETAILS | {"noun", "adjective"}



def test_file_is_what_the_script_writes():
    assert written("write_test7.py") == ROWS


def test_ids_and_split():
    assert [r["id"] for r in ROWS] == list(range(8001, 8101))
    assert {r["split"] for r in ROWS} == {"test7"}
    assert not {r["id"] for r in ROWS} & {r["id"] for r in OLD}


def test_counts_by_act_and_kind():
    acts = Counter(r["act"] for r in ROWS)
    assert acts == {"language_question": 70, "goodbye": 10, "request": 8,
                    "tutor_question": 6, "unclear": 6}
    kinds = Counter(r["kind"] for r in ROWS if r["act"] == "language_question")
    assert kinds == {"is_correct": 30, "meaning": 12, "how_to_say": 10, "word_form": 10,
                     "pronunciation": 8}
    wrong = Counter(r["expect"]["wrong"] for r in ROWS if r.get("kind") == "is_correct")
    assert wrong == {True: 18, False: 12}
    details = Counter(r["detail"] for r in ROWS if r.get("kind") == "word_form")
    assert {"past", "past participle", "plural", "comparative", "superlative", "noun",
            "adjective"} <= set(details) <= DETAILS
    tutor = Counter(r["kind"] for r in ROWS if r["act"] == "tutor_question")
    assert set(tutor) == TUTOR_KINDS


def test_rows_have_the_shape_of_test_jsonl():
    """Same keys in the same order as test.jsonl's rows of the act (and kind;
    an "is it correct?" row by whether the sentence is wrong)."""
    reference = shapes("test.jsonl")
    for row in ROWS:
        assert shape(row) == reference[shape_key(row)], row["id"]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: str(r["id"]))
def test_each_row_has_what_its_act_needs(row):
    assert row["learner"].strip() and row["learner"] == row["learner"].strip()
    assert row["context"] and all(c.startswith(("Tutor: ", "Learner: ")) for c in row["context"])
    expect = row["expect"]
    if row["act"] == "language_question":
        assert row["subject"].strip() and row["subject"] == row["subject"].lower()
        if row["kind"] != "how_to_say":
            assert row["subject"] in row["learner"].lower()
        if row["kind"] == "is_correct" and not expect["wrong"]:
            assert expect == {"wrong": False}
            return
        answers = expect["answer_any"]
        assert answers and all(a and a == a.strip().lower() for a in answers)
        assert len(set(answers)) == len(answers)
        if row["kind"] == "is_correct":
            # a word of the fix, each one a reference that differs from the wrong sentence
            assert not any(a in row["subject"] for a in answers)
        if row["kind"] == "word_form":
            assert row["detail"] in DETAILS
            assert not any(a == row["subject"] for a in answers)
        if row["kind"] == "pronunciation":
            assert set(answers) <= POSITIONS
    elif row["act"] == "tutor_question":
        assert row["kind"] in TUTOR_KINDS
        assert expect["content"] and all(c == c.lower() for c in expect["content"])
    else:
        assert expect == {}


def test_mostly_lower_case_with_a_thread():
    """As Whisper gives it: most lines in lower case, a few with its capitals;
    most language questions come after a thread, not only the opening."""
    lower = [r for r in ROWS if r["learner"] == r["learner"].lower()]
    assert 80 <= len(lower) < len(ROWS)
    questions = [r for r in ROWS if r["act"] == "language_question"]
    threads = [r for r in questions if r["context"] != [OPENING]]
    assert len(threads) >= len(questions) // 2
    assert all(len(r["context"]) <= 4 for r in questions)


def test_questions_to_the_tutor_follow_a_thread():
    rows = [r for r in ROWS if r["act"] == "tutor_question"]
    threads = [r for r in rows if len(r["context"]) > 1]
    assert len(threads) == 5
    assert {r["kind"] for r in threads} == TUTOR_KINDS - {"about_tutor"}


def test_nothing_repeats_the_other_splits():
    old_lines = {r["learner"].lower() for r in OLD}
    seen = set()
    for row in ROWS:
        line = row["learner"].lower()
        assert line not in old_lines and line not in seen, row["id"]
        seen.add(line)
    old_questions = {(r["kind"], r.get("subject"), r.get("detail"))
                     for r in OLD if r["act"] == "language_question"}
    old_sentences = [r["subject"] for r in OLD if r.get("kind") == "is_correct"]
    for row in ROWS:
        if row["act"] == "language_question":
            assert (row["kind"], row["subject"], row.get("detail")) not in old_questions, row["id"]
            if row["kind"] == "is_correct":
                near = max(difflib.SequenceMatcher(None, row["subject"], s).ratio()
                           for s in old_sentences)
                assert near < 0.85, row["id"]
        else:
            line = row["learner"].lower()
            near = max(difflib.SequenceMatcher(None, line, r["learner"].lower()).ratio()
                       for r in OLD)
            assert near < 0.9, row["id"]


@pytest.mark.parametrize("kind", ["word_form", "meaning", "pronunciation", "how_to_say"])
def test_new_words_and_things(kind):
    """Other words than the earlier splits ask about (for how-to-say, other answers)."""
    def asked(rows):
        if kind == "how_to_say":
            return {a for r in rows if r.get("kind") == kind for a in r["expect"]["answer_any"]}
        return {r["subject"] for r in rows if r.get("kind") == kind}
    assert not asked(ROWS) & asked(OLD)
