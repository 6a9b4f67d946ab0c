"""The shape of the blind held-out dialogue splits written after test7
(tests/data/dialogue/test8.jsonl onwards), one row of SPLITS each: what a
learner says that is not news: ids, counts, what each act's rows carry, that
it reads like Whisper's transcripts (capitals and lower case, fillers, talk
before the question, threads before half of the lines), and that no line
repeats (or nearly repeats) one of the earlier splits, nor asks about the same
word or thing. Fast: reads files only.

The failure messages name the split's own rows only, never the other splits'
lines."""
import difflib
import re
from collections import Counter

import pytest

from tests.tutor.dialogue_splits import load, shape, shape_key, shapes, written

TUTOR_KINDS = {"advice", "opinion", "recommendation", "about_tutor"}
POSITIONS = {"first", "second", "third", "fourth", "fifth"}
# test6's word-form details; the splits below use only these
DETAILS = {"past", "past participle", "plural", "comparative", "superlative", "-ing"}
FILLERS = re.compile(r"\b(um|uh|so|like|you know|hmm|ehm)\b")
ORDER = ["dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9",
         "test10", "test11"]
# (split, its first id, the split whose row shapes it copies)
SPLITS = [("test8", 9001, "test6"), ("test9", 10001, "test8"), ("test10", 11001, "test9"),
          ("test11", 12001, "test10")]


class Split:
    def __init__(self, name: str, first_id: int, reference: str) -> None:
        self.name, self.first_id, self.reference = name, first_id, reference
        self.rows = load(f"{name}.jsonl")
        self.old = [r for earlier in ORDER[:ORDER.index(name)] for r in load(f"{earlier}.jsonl")]


_LOADED: dict[str, Split] = {}


@pytest.fixture(params=SPLITS, ids=[s[0] for s in SPLITS])
def split(request) -> Split:
    name = request.param[0]
    if name not in _LOADED:
        _LOADED[name] = Split(*request.param)
    return _LOADED[name]


def _all_rows():
    return [(name, row) for name, _, _ in SPLITS for row in load(f"{name}.jsonl")]


def test_file_is_what_the_script_writes(split):
    assert written(f"write_{split.name}.py") == split.rows


def test_ids_and_split(split):
    ROWS, OLD = split.rows, split.old
    assert [r["id"] for r in ROWS] == list(range(split.first_id, split.first_id + 100))
    assert {r["split"] for r in ROWS} == {split.name}
    assert not {r["id"] for r in ROWS} & {r["id"] for r in OLD}


def test_counts_by_act_and_kind(split):
    ROWS = split.rows
    acts = Counter(r["act"] for r in ROWS)
    assert acts == {"language_question": 80, "goodbye": 8, "tutor_question": 6, "unclear": 6}
    kinds = Counter(r["kind"] for r in ROWS if r["act"] == "language_question")
    assert kinds == {"is_correct": 34, "word_form": 12, "meaning": 12, "how_to_say": 10,
                     "pronunciation": 12}
    wrong = Counter(r["expect"]["wrong"] for r in ROWS if r.get("kind") == "is_correct")
    assert wrong == {True: 20, False: 14}
    details = Counter(r["detail"] for r in ROWS if r.get("kind") == "word_form")
    assert set(details) == DETAILS and set(details.values()) == {2}
    tutor = Counter(r["kind"] for r in ROWS if r["act"] == "tutor_question")
    assert set(tutor) == TUTOR_KINDS


def test_rows_have_the_shape_of_the_reference_split(split):
    """Same keys in the same order as the reference split's rows of the act
    (and kind; an "is it correct?" row by whether the sentence is wrong)."""
    reference = shapes(f"{split.reference}.jsonl")
    for row in split.rows:
        assert shape(row) == reference[shape_key(row)], row["id"]


@pytest.mark.parametrize("name,row", _all_rows(), ids=lambda v: str(v["id"]) if isinstance(v, dict) else v)
def test_each_row_has_what_its_act_needs(name, row):
    assert row["learner"].strip() and row["learner"] == row["learner"].strip()
    assert row["context"] and all(c.startswith(("Tutor: ", "Learner: ")) for c in row["context"])
    assert row["context"][0].startswith("Tutor: ")
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
        assert len(set(answers)) == len(answers)
        if row["kind"] == "is_correct":
            # every wording of the fix differs from the wrong sentence: none is in it
            assert not any(a in row["subject"].lower() for a in answers)
        if row["kind"] == "word_form":
            assert row["detail"] in DETAILS
            assert not any(a == row["subject"].lower() for a in answers)
        if row["kind"] == "pronunciation" and "stress" in row["learner"].lower():
            assert set(answers) <= POSITIONS
    elif row["act"] == "tutor_question":
        assert row["kind"] in TUTOR_KINDS
        assert expect["content"] and all(c == c.lower() for c in expect["content"])
    else:
        assert expect == {}


def test_pronunciation_asks_stress_silent_letters_and_syllables(split):
    ROWS = split.rows
    lines = [r["learner"].lower() for r in ROWS if r.get("kind") == "pronunciation"]
    assert sum("stress" in s or "strong part" in s for s in lines) >= 5
    assert sum("syllable" in s for s in lines) >= 3
    silent = [r for r in ROWS if r.get("kind") == "pronunciation" and "silent" in r["expect"]["answer_any"]]
    assert len(silent) >= 3


def test_reads_like_whisper(split):
    """Capitals as Whisper writes them and lower case both; fillers; often the
    question comes after talk in the same turn; threads before about half."""
    ROWS = split.rows
    lines = [r["learner"] for r in ROWS]
    capitals = sum(s != s.lower() for s in lines)
    assert 30 <= capitals <= 85
    assert sum(bool(FILLERS.search(s.lower())) for s in lines) >= 40
    questions = [r for r in ROWS if r["act"] == "language_question"]
    talk_first = [r for r in questions if re.search(r"[.!?,]", r["learner"][:-1])]
    assert len(talk_first) >= 50
    threads = [r for r in ROWS if len(r["context"]) > 1]
    assert 40 <= len(threads) <= 65
    assert all(2 <= len(r["context"]) <= 5 for r in threads)
    assert 35 <= sum(len(r["context"]) > 1 for r in questions) <= 45


def test_is_correct_sentences_before_and_after_the_question(split):
    ROWS = split.rows
    def where(r):
        return r["learner"].find(r["subject"]) / len(r["learner"])
    rows = [r for r in ROWS if r.get("kind") == "is_correct"]
    assert sum(where(r) < 0.2 for r in rows) >= 5
    assert sum(where(r) >= 0.2 for r in rows) >= 10


def test_tutor_questions_mostly_about_the_thread(split):
    ROWS = split.rows
    rows = [r for r in ROWS if r["act"] == "tutor_question"]
    threads = [r for r in rows if len(r["context"]) > 1]
    assert len(threads) == 5
    assert {r["kind"] for r in threads} == TUTOR_KINDS - {"about_tutor"}


def test_nothing_repeats_the_other_splits(split):
    ROWS, OLD = split.rows, split.old
    old_lines = {r["learner"].lower() for r in OLD}
    seen = set()
    for row in ROWS:
        line = row["learner"].lower()
        assert line not in seen, row["id"]
        seen.add(line)
        repeated = line in old_lines
        assert not repeated, row["id"]
    old_questions = {(r["kind"], r.get("subject", "").lower(), r.get("detail"))
                     for r in OLD if r["act"] == "language_question"}
    old_sentences = [r["subject"].lower() for r in OLD if r.get("kind") == "is_correct"]
    for row in ROWS:
        if row["act"] == "language_question":
            asked = (row["kind"], row["subject"].lower(), row.get("detail")) in old_questions
            assert not asked, row["id"]
            if row["kind"] == "is_correct":
                near = max(difflib.SequenceMatcher(None, row["subject"].lower(), s).ratio()
                           for s in old_sentences)
                assert near < 0.85, row["id"]
        near = max(difflib.SequenceMatcher(None, row["learner"].lower(), r["learner"].lower()).ratio()
                   for r in OLD)
        assert near < 0.8, row["id"]


@pytest.mark.parametrize("kind", ["word_form", "meaning", "pronunciation", "how_to_say"])
def test_new_words_and_things(split, kind):
    ROWS, OLD = split.rows, split.old
    """Other words than the earlier splits ask about (for how-to-say, other answers)."""
    def asked(rows):
        if kind == "how_to_say":
            return {a for r in rows if r.get("kind") == kind for a in r["expect"]["answer_any"]}
        return {r["subject"].lower() for r in rows if r.get("kind") == kind}
    old = asked(OLD)
    again = sorted(word for word in asked(ROWS) if word in old)
    assert not again, again
