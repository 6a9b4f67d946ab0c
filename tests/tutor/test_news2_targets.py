"""The held-out news split test2.jsonl (tests/data/dialogue/write_test2.py): its
shape, and its strict targets read by app/devtools/ask_check.py against
questions written by hand (no model): a question a person would ask next
passes, one that asks back what was said, or the kind of the thing that
broke, fails."""

import re

import pytest

from app.devtools.ask_check import strict_ok
from tests.tutor.dialogue_splits import load, written

ROWS = {r["id"]: r for r in load("test2.jsonl")}


def test_the_file_is_what_write_test2_writes():
    assert {r["id"]: r for r in written("write_test2.py")} == ROWS


def test_shape():
    assert sorted(ROWS) == list(range(3001, 3041))
    rows = list(ROWS.values())
    assert {r["act"] for r in rows} == {"news"} and {r["split"] for r in rows} == {"test2"}
    assert sum(r["expect"]["error"] for r in rows) == 15
    for r in rows:
        assert r["learner"] == r["learner"].lower() and r["context"]
        assert all(line.split(": ", 1)[0] in ("Tutor", "Learner") for line in r["context"])
        assert r["context"][-1].startswith("Tutor: ")
        expect = r["expect"]
        assert expect["content"] and expect["ask_about"]
        for pattern in expect["not_this"]:
            re.compile(pattern)
        for entry in expect["ask_about"]:  # no empty alternative: it would match anything
            assert all(alt.strip() for part in entry.split(" + ") for alt in part.split("|")), entry
            # word starts, not regular expressions: "colou?r" matched only itself
            assert not re.search(r"[?()\[\]\\*]", entry), entry


def test_no_line_repeats_the_other_splits():
    old = {r["learner"] for name in ("dev.jsonl", "test.jsonl") for r in load(name)}
    assert not old & {r["learner"] for r in ROWS.values()}


@pytest.mark.parametrize("row, question, sensible", [
    # the phone in the washing machine: whether it works, not which phone it was
    (3001, "Oh no! Does it still work?", True),
    (3001, "Did you try putting it in rice?", True),
    (3001, "What kind of phone is it?", False),
    (3001, "Where did you leave your phone?", False),
    # the uncle who died: how they are, what he was like; never the present tense about him
    (3005, "I'm so sorry. How are you feeling?", True),
    (3005, "Were you close to him?", True),
    (3005, "Where does your uncle live?", False),
    (3005, "How is he now?", False),
    (3005, "When was the funeral?", False),
    # the exam on Tuesday: how they prepare, not when it is
    (3006, "How are you preparing for it?", True),
    (3006, "Which part is the hardest for you?", True),
    (3006, "When is your exam?", False),
    (3006, "Are you nervous?", False),
    # the missed bus: how it was, not how long the walk took
    (3003, "Were you very tired when you got home?", True),
    (3003, "Why were you out so late?", True),
    (3003, "How long did it take?", False),
    (3003, "How did you get home?", False),
    # the rabbit called Pepper: a detail not said yet
    (3010, "What does Pepper like to eat?", True),
    (3010, "Why did you choose a rabbit?", True),
    (3010, "What is his name?", False),
    (3010, "How long have you had him?", False),
    # two parts that must both be there ("how + he is|...")
    (3004, "How is he feeling today?", True),
    (3004, "How old is he?", True),
    (3004, "How long has he been sick?", False),
    (3004, "How about you?", False),
    # the sister's wedding: what it was like, not whose or when
    (3017, "What colour was your dress?", True),
    (3017, "Where was the wedding?", True),
    (3017, "Whose wedding was it?", False),
    (3017, "When was the wedding?", False),
    # the brother's car accident: how it happened, not which arm or car
    (3038, "How did it happen?", True),
    (3038, "How is his arm now?", True),
    (3038, "Which arm did he break?", False),
    (3038, "What kind of car was it?", False),
    # the marathon: how they feel, not the time they said
    (3022, "How do your legs feel today?", True),
    (3022, "How long did you train for it?", True),
    (3022, "How long did it take you?", False),
    (3022, "Did you finish the marathon?", False),
    # the drums: what they play, not when the gig is
    (3039, "What kind of music does your band play?", True),
    (3039, "Are you nervous about the gig?", True),
    (3039, "When do you play?", False),
    (3039, "What instrument do you play?", False),
    # an entry narrowed to what was not said: where she dances, not where she lives
    (3009, "Where does she go dancing?", True),
    (3009, "Where does she live?", False),
    (3026, "Where are you meeting them?", True),
    (3026, "How long has it been?", False),
    # a yes/no question that asks back is refused; a wh-question with the same words is not
    (3012, "What did she play?", True),
    (3012, "So, did she play the piano?", False),
    (3029, "How did you win them?", True),
    (3029, "Did you win tickets?", False),
    (3032, "Why do you want to study nursing?", True),
    (3032, "Do you want to study nursing?", False),
    # the evaluation's never-list and the echo of the news hold here too
    (3040, "What is your job?", False),
    (3040, "Are you nervous about it?", True),
    (3018, "Did you get the keys for your new house?", False),
    (3018, "What colour will you paint the walls?", True),
])
def test_hand_written_questions(row, question, sensible):
    item = ROWS[row]
    assert strict_ok(question, item["expect"], item["learner"]) is sensible
