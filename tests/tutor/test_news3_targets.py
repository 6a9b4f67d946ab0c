"""The held-out news split test3.jsonl (tests/data/dialogue/write_test3.py): its
shape, and its strict targets read by app/devtools/ask_check.py against
questions written by hand (no model): a question a person would ask next
passes, one that asks back what was said, the kind of the thing the news is
about, or the present tense about someone who died, fails."""

import re

import pytest

from app.devtools.ask_check import strict_ok
from tests.tutor.dialogue_splits import load, written

ROWS = {r["id"]: r for r in load("test3.jsonl")}


def test_the_file_is_what_write_test3_writes():
    assert {r["id"]: r for r in written("write_test3.py")} == ROWS


def test_shape():
    assert sorted(ROWS) == list(range(4001, 4051))
    rows = list(ROWS.values())
    assert {r["act"] for r in rows} == {"news"} and {r["split"] for r in rows} == {"test3"}
    assert sum(r["expect"]["error"] for r in rows) == 20
    assert sum(len(r["context"]) > 1 for r in rows) >= 3  # a learner line before, sometimes
    for r in rows:
        assert set(r) == {"act", "context", "learner", "expect", "id", "split"}
        assert set(r["expect"]) == {"content", "error", "ask_about", "not_this"}
        assert r["learner"] == r["learner"].lower() and r["context"]
        assert all(line.split(": ", 1)[0] in ("Tutor", "Learner") for line in r["context"])
        assert r["context"][-1].startswith("Tutor: ")
        expect = r["expect"]
        assert expect["content"] and expect["ask_about"] and expect["not_this"]
        assert isinstance(expect["error"], bool)
        for pattern in expect["not_this"]:
            re.compile(pattern)
        for entry in expect["ask_about"]:  # no empty alternative: it would match anything
            assert all(alt.strip() for part in entry.split(" + ") for alt in part.split("|")), entry
            # the targets are word starts, not regular expressions
            assert not re.search(r"[?()\[\]\\*]", entry), entry


def test_no_line_repeats_the_other_splits():
    names = ("dev.jsonl", "test.jsonl", "test2.jsonl", "test4.jsonl")
    old = {r["learner"] for name in names for r in load(name)}
    assert not old & {r["learner"] for r in ROWS.values()}
    assert len({r["learner"] for r in ROWS.values()}) == len(ROWS)


@pytest.mark.parametrize("row, question, sensible", [
    # the grandpa after a heart operation: how he is, not when or which operation
    (4001, "How is he feeling after the operation?", True),
    (4001, "Have you been to visit him?", True),
    (4001, "When was the operation?", False),
    (4001, "What kind of operation was it?", False),
    # the dog that died: how they are, what he was like; never his age or the present tense
    (4002, "I'm so sorry. How are you feeling?", True),
    (4002, "What was he like?", True),
    (4002, "How old was he?", False),
    (4002, "What breed is he?", False),
    (4002, "Is he in the garden?", False),
    # the sofa too big for the door: what now, not what kind of sofa
    (4003, "Oh no! What will you do now?", True),
    (4003, "Can you send it back?", True),
    (4003, "What kind of sofa is it?", False),
    (4003, "Where did you buy it?", False),
    # the leaking ceiling: who fixes it, how bad it is; not where the water comes from
    (4004, "Did you call a plumber?", True),
    (4004, "Is there a lot of damage?", True),
    (4004, "Which room is it?", False),
    (4004, "What kind of pipe is it?", False),
    # the first tooth: the tooth fairy, his age; not which tooth
    (4005, "Did the tooth fairy come?", True),
    (4005, "How old is he?", True),
    (4005, "Which tooth was it?", False),
    (4005, "Is he very proud?", False),
    # the storm: whether they are all right and the damage; not when it fell
    (4007, "Oh no, is everyone okay?", True),
    (4007, "Who will repair the fence?", True),
    (4007, "What time did it happen?", False),
    (4007, "Did a tree fall?", False),
    # the lost suitcase: what the airline says, what was in it; not its colour
    (4008, "Did the airline say when it will arrive?", True),
    (4008, "What was in it?", True),
    (4008, "What colour is your suitcase?", False),
    (4008, "Which airline was it?", False),
    # the parents' anniversary: where, who comes; not how long they are married
    (4013, "Where will the party be?", True),
    (4013, "How many people are coming?", True),
    (4013, "How long have they been married?", False),
    (4013, "When is the party?", False),
    # the teacher who died: past tense, how they feel; never the present tense about her
    (4019, "I'm sorry to hear that. Were you close to her?", True),
    (4019, "What was she like as a teacher?", True),
    (4019, "Where does she live?", False),
    (4019, "Is she your favourite teacher?", False),
    (4019, "What subject did she teach?", False),
    # the sold painting: who bought it and for how much; not what it showed
    (4021, "Who bought it?", True),
    (4021, "How long have you been painting?", True),
    (4021, "What did you paint?", False),
    (4021, "Did you sell your painting?", False),
    # the returned wallet: how she knew, a thank-you; not where it was lost
    (4026, "How did she know where you live?", True),
    (4026, "Did you give her a reward?", True),
    (4026, "Where did you lose it?", False),
    (4026, "What colour is your wallet?", False),
    # the son's basketball game: the result, not the points he scored
    (4028, "Did his team win?", True),
    (4028, "How long has he been playing?", True),
    (4028, "How many points did he score?", False),
    (4028, "Did he score?", False),
    # the heat: how they cope; a yes/no question about the office air conditioning asks back
    (4030, "How do you work in that heat?", True),
    (4030, "Do you have air conditioning at home?", True),
    (4030, "Do you have air conditioning in the office?", False),
    (4030, "How hot is it?", False),
    # the twins: names and the sister; not boy or girl
    (4032, "Congratulations! What are their names?", True),
    (4032, "How is your sister doing?", True),
    (4032, "Is it a boy or a girl?", False),
    (4032, "When were they born?", False),
    # the grandmother at a hundred: her secret; not her age
    (4034, "What is her secret?", True),
    (4034, "How many people came?", True),
    (4034, "How old is she?", False),
    (4034, "Who came?", False),
    # the company closing: what job next, how they feel; not when it closes
    (4037, "What kind of job are you looking for?", True),
    (4037, "Why is it closing?", True),
    (4037, "When does the company close?", False),
    (4037, "What does your company do?", False),
    # the last day before retirement: plans and feelings; not how long they worked
    (4038, "Congratulations! What will you do now?", True),
    (4038, "How do you feel?", True),
    (4038, "How long did you work there?", False),
    (4038, "Are you retired?", False),
    # the puppy that cries: where he sleeps, his age; not when they got him
    (4041, "Where does he sleep?", True),
    (4041, "How old is he?", True),
    (4041, "When did you get him?", False),
    (4041, "Does he cry at night?", False),
    # the Paris surprise: what they will see, how long; not where or how they go
    (4042, "What will you see there?", True),
    (4042, "How long will you stay?", True),
    (4042, "Where are you going?", False),
    (4042, "How will you travel?", False),
    # the school play: what the play is, the costume; not her part
    (4044, "What is the play about?", True),
    (4044, "When is the show?", True),
    (4044, "What part does she play?", False),
    (4044, "Is she the queen?", False),
    # stopping smoking: why and how they manage; not how long ago
    (4050, "Why did you decide to stop?", True),
    (4050, "How do you manage it?", True),
    (4050, "How long ago did you stop?", False),
    (4050, "Is it very hard?", False),
    # the evaluation's never-list and the echo of the news hold here too
    (4047, "What is your son?", False),
    (4047, "Did you beat your son?", False),
    (4047, "How did your son react?", True),
    (4046, "Did the neighbours invite you for dinner?", False),
    (4046, "How about a bottle of wine?", True),
])
def test_hand_written_questions(row, question, sensible):
    item = ROWS[row]
    assert strict_ok(question, item["expect"], item["learner"]) is sensible
