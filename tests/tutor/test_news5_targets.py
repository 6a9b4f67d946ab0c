"""The held-out news split test5.jsonl (tests/data/dialogue/write_test5.py): its
shape, and its strict targets read by app/devtools/ask_check.py against
questions written by hand (no model): a question a person would ask next
passes; one that asks back what was said, asks the kind or colour of the
thing the news is about, or asks the tutor's own question again, fails."""

import re

import pytest

from app.devtools.ask_check import strict_ok
from tests.tutor.dialogue_splits import load, written

ROWS = {r["id"]: r for r in load("test5.jsonl")}


def test_the_file_is_what_write_test5_writes():
    assert {r["id"]: r for r in written("write_test5.py")} == ROWS


def test_shape():
    assert sorted(ROWS) == list(range(6001, 6051))
    rows = list(ROWS.values())
    assert {r["act"] for r in rows} == {"news"} and {r["split"] for r in rows} == {"test5"}
    assert sum(r["expect"]["error"] for r in rows) == 20
    assert sum(len(r["context"]) > 1 for r in rows) >= 4  # a learner line before, sometimes
    assert len({r["context"][-1] for r in rows}) >= 40  # the tutor's question varies
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
    names = ("dev.jsonl", "test.jsonl", "test2.jsonl", "test3.jsonl", "test4.jsonl")
    old = {r["learner"] for name in names for r in load(name)}
    assert not old & {r["learner"] for r in ROWS.values()}
    assert len({r["learner"] for r in ROWS.values()}) == len(ROWS)


@pytest.mark.parametrize("row, question, sensible", [
    # the flat-hunt: where, the budget; not how many flats or whether they were too small
    (6001, "Which area are you looking in?", True),
    (6001, "How much can you pay each month?", True),
    (6001, "How many flats did you see?", False),
    (6001, "Were they all too expensive?", False),
    # the sushi disaster: what went wrong, what the friends said; not what they made
    (6002, "Oh no! What went wrong with the rice?", True),
    (6002, "Did your friends laugh about it?", True),
    (6002, "What did you try to make?", False),
    (6002, "What did you order?", False),
    # the cat that did not come home: searching, posters; not how long or its colour
    (6003, "Have you put up posters in the street?", True),
    (6003, "Does she often go out at night?", True),
    (6003, "How long has she been gone?", False),
    (6003, "What colour is your cat?", False),
    # the cancelled concert: a refund, what they did then; not why it was cancelled
    (6004, "Will you get your money back?", True),
    (6004, "What did you do instead?", True),
    (6004, "Why was it cancelled?", False),
    (6004, "How far did you drive?", False),
    # the visa interview: why they travel, how they prepare; not when or which embassy
    (6005, "Why are you going to America?", True),
    (6005, "How are you preparing for it?", True),
    (6005, "When is the interview?", False),
    (6005, "Are you nervous?", False),
    # the job offer in Munich: the decision and the family; not where the job is
    (6006, "Are you going to accept it?", True),
    (6006, "What does your family think?", True),
    (6006, "Which city is the job in?", False),
    (6006, "Is the salary better?", False),
    # learning to swim at forty-two: why now, is it hard; not their age
    (6007, "Why didn't you learn as a child?", True),
    (6007, "Is it hard to float?", True),
    (6007, "How old are you?", False),
    (6007, "Are you learning to swim?", False),
    # moving in together: excitement, how long together; not when or whose flat
    (6008, "How long have you been together?", True),
    (6008, "Are you excited?", True),
    (6008, "When are you moving?", False),
    (6008, "Where will you live?", False),
    # the refused promotion: the boss's reaction, regret; not why they said no
    (6009, "How did your boss react?", True),
    (6009, "Do you think you will regret it?", True),
    (6009, "Why did you say no?", False),
    (6009, "What did your boss offer you?", False),
    # the wedding in India: what to wear, what happens; not who marries or when
    (6010, "What will you wear?", True),
    (6010, "Which city is the wedding in?", True),
    (6010, "When is the wedding?", False),
    (6010, "Who are you going with?", False),
    # the swallowed coin: what the doctors did, how the parent is; not whether she is fine
    (6011, "What did the doctors say?", True),
    (6011, "That must have been so scary for you. Are you okay now?", True),
    (6011, "How is she now?", False),
    (6011, "What did she swallow?", False),
    # the scratched car: the police, the cost; not what kind of car
    (6012, "Did you call the police?", True),
    (6012, "How much will the repair cost?", True),
    (6012, "What kind of car is it?", False),
    (6012, "Did they leave a note?", False),
    # stuck in the lift with the boss: what they talked about, how they got out
    (6014, "What did you talk about for an hour?", True),
    (6014, "How did you get out?", True),
    (6014, "How long were you stuck?", False),
    (6014, "Who were you with?", False),
    # the bee sting: medicine, an allergy; not where it stung
    (6015, "Did you put ice on it?", True),
    (6015, "Are you allergic to bees?", True),
    (6015, "Where did the bee sting you?", False),
    (6015, "Which hand is it?", False),
    # asleep on the train: how they got home
    (6016, "How did you get home?", True),
    (6016, "Did you have to pay for a taxi?", True),
    (6016, "Where did you wake up?", False),
    (6016, "Did you fall asleep?", False),
    # the first car, good news: where they will drive, even what car; not whether it is old
    (6017, "Congratulations! Where will you go first?", True),
    (6017, "What car did you buy?", True),
    (6017, "Is it second-hand?", False),
    (6017, "Does it work?", False),
    # the forgotten birthday: calling, making it up; not whose birthday
    (6019, "Did you call her to say sorry?", True),
    (6019, "Maybe you can take her out to dinner?", True),
    (6019, "When was her birthday?", False),
    (6019, "Whose birthday did you forget?", False),
    # the first tattoo: did it hurt, the mum; not where it is or what it shows
    (6020, "Did it hurt?", True),
    (6020, "What will your mum say?", True),
    (6020, "What tattoo did you get?", False),
    (6020, "Does your mum know?", False),
    # the card at the checkout: what the bank said; not whether there was a queue
    (6022, "How did you pay in the end?", True),
    (6022, "Did you call the bank?", True),
    (6022, "Was there a long line?", False),
    (6022, "Which bank is it?", False),
    # lost in the forest: how they found the way; not how long
    (6023, "How did you find the way back?", True),
    (6023, "Were you scared?", True),
    (6023, "How long were you lost?", False),
    (6023, "Where did you get lost?", False),
    # the found money: what to spend it on; not how much
    (6024, "What will you spend it on?", True),
    (6024, "Do you remember putting it there?", True),
    (6024, "How much did you find?", False),
    (6024, "Where did you find it?", False),
    # the flight cancelled: why, the kids; not where they slept
    (6027, "Why was it cancelled?", True),
    (6027, "How did the kids cope?", True),
    (6027, "Where did you sleep?", False),
    (6027, "Which airline was it?", False),
    # the judo belt: his age, the next colour; not which belt
    (6028, "How old is he?", True),
    (6028, "What is the next colour?", True),
    (6028, "What belt did he get?", False),
    (6028, "Is he proud?", False),
    # vegetarian: why, what they miss; not how long
    (6032, "Why did you decide to stop eating meat?", True),
    (6032, "What do you miss the most?", True),
    (6032, "How long have you been vegetarian?", False),
    (6032, "Are you a vegetarian?", False),
    # the snoring husband: earplugs, the doctor; not where they sleep
    (6038, "Have you tried earplugs?", True),
    (6038, "Does your husband know he snores?", True),
    (6038, "Where do you sleep now?", False),
    (6038, "Is it very loud?", False),
    # the scam call: how they knew, the police; not what the man wanted
    (6041, "How did you know it was a scam?", True),
    (6041, "Did you report it to the police?", True),
    (6041, "What did he want?", False),
    (6041, "Which bank is it?", False),
    # the football trial: the club, nerves; not when
    (6044, "Which club is it?", True),
    (6044, "Is he nervous?", True),
    (6044, "When is the trial?", False),
    (6044, "What sport does he play?", False),
    # locked out on the balcony: how they got back in
    (6047, "How did you get back in?", True),
    (6047, "Did a neighbour help you?", True),
    (6047, "What happened?", False),
    (6047, "Where was your phone?", False),
    # the fishing grandpa: where, again; not whether they caught anything
    (6050, "Where did you go fishing?", True),
    (6050, "Will you go again?", True),
    (6050, "Did you catch anything?", False),
    (6050, "Who taught you?", False),
    # the evaluation's never-list and the echo of the news hold here too
    (6035, "What is your colleague?", False),
    (6035, "Is your favourite colleague leaving?", False),
    (6035, "Why is she leaving?", True),
    (6043, "Did you have your first online date?", False),
    (6043, "Will you see him again?", True),
])
def test_hand_written_questions(row, question, sensible):
    item = ROWS[row]
    assert strict_ok(question, item["expect"], item["learner"]) is sensible
