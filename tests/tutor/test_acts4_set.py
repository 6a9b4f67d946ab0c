"""The shape of tests/data/dialogue/test4.jsonl, the blind held-out split of
every act but news: ids, counts, what each act's rows carry, and that no line
repeats (or nearly repeats) one of dev, test or test2. Fast: reads files only."""
import difflib
from collections import Counter

import pytest

from tests.tutor.dialogue_splits import load, shape, shape_key, shapes, written

TUTOR_KINDS = {"advice", "opinion", "recommendation", "about_tutor"}
POSITIONS = {"first", "second", "third", "fourth", "fifth"}

ROWS = load("test4.jsonl")
OLD = load("dev.jsonl") + load("test.jsonl") + load("test2.jsonl")



def test_file_is_what_the_script_writes():
    assert written("write_test4.py") == ROWS


def test_ids_and_split():
    assert [r["id"] for r in ROWS] == list(range(5001, 5121))
    assert {r["split"] for r in ROWS} == {"test4"}
    assert not {r["id"] for r in ROWS} & {r["id"] for r in OLD}


def test_counts_by_act_and_kind():
    acts = Counter(r["act"] for r in ROWS)
    assert acts == {"language_question": 70, "tutor_question": 20, "goodbye": 15,
                    "unclear": 8, "request": 7}
    kinds = Counter(r["kind"] for r in ROWS if r["act"] == "language_question")
    assert kinds == {"is_correct": 30, "word_form": 12, "meaning": 12, "how_to_say": 8,
                     "pronunciation": 8}
    wrong = Counter(r["expect"]["wrong"] for r in ROWS if r.get("kind") == "is_correct")
    assert wrong == {True: 15, False: 15}
    tutor = Counter(r["kind"] for r in ROWS if r["act"] == "tutor_question")
    assert set(tutor) == TUTOR_KINDS and min(tutor.values()) >= 4


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
        assert row["subject"].strip()
        if row["kind"] != "how_to_say":
            assert row["subject"] in row["learner"]
        if row["kind"] == "is_correct" and not expect["wrong"]:
            assert expect == {"wrong": False}
            return
        answers = expect["answer_any"]
        assert answers and all(a and a == a.strip().lower() for a in answers)
        if row["kind"] == "is_correct":
            # a word of the fix, not something the wrong sentence already says
            assert not any(a in row["subject"] for a in answers)
        if row["kind"] == "word_form":
            assert row["detail"] in {r["detail"] for r in OLD if r.get("kind") == "word_form"}
        if row["kind"] == "pronunciation":
            assert set(answers) <= POSITIONS
    elif row["act"] == "tutor_question":
        assert row["kind"] in TUTOR_KINDS
        assert expect["content"] and all(c == c.lower() for c in expect["content"])
    else:
        assert expect == {}


def test_about_the_thread_some_of_the_time():
    threads = [r for r in ROWS if r["act"] == "tutor_question" and len(r["context"]) > 1]
    assert len(threads) >= 10
    assert any(len(r["context"]) > 2 for r in threads)


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
            near = max(difflib.SequenceMatcher(None, row["learner"], r["learner"]).ratio()
                       for r in OLD)
            assert near < 0.9, row["id"]
