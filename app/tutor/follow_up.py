"""The follow-up question after a learner's news: its own short prompt.

In the tutor's main prompt (persona, examples, history) SmolLM2 asked about
what was said in 9 of 18 dev lines: it wrote "How about tomorrow?" after a
rainy day, or "What is your cat?" after two dogs. Here the model sees only
the task, examples of news followed by a question about it, the tutor's
question the news answers, and the news itself (without greetings, thanks
or asides: app.tutor.dialogue.news_part). The prompt's fixed head lives in
a prompt cache of its own, read once per session (Conversation.warm_up), so
a turn reads only the news.

On llama.cpp the answer is grammar-constrained (GBNF): one question that
opens with a question word and ends with "?". Unconstrained, a 135M model
mostly wrote "What's your daughter?" or a statement first; forcing a
learner's word into the question made it chain clauses into nonsense
("That's a nice choice, my friend, but ... lasagna,?"), so only the shape
is constrained and the gate (app.tutor.dialogue.about) still checks the
content afterwards. docs/follow-ups.md has the figures.
"""

from __future__ import annotations

import re

from app.tutor import dialogue, replies

SLOT = "follow-up"  # the prompt cache of its own (LlamaChatModel.with_own_cache)
MAX_TOKENS = 32
SYSTEM = ("You are Sam, a friendly English tutor. The learner just told you something. "
          "Ask one short, simple question about what the learner said. Use the learner's "
          "own words. Write only the question.")
# News, then a question about it; varied openers, so the model does not ask
# "What's your ...?" every time. None of these is a line of the dialogue set.
EXAMPLES = (
    ("my son is sick since yesterday", "Is your son feeling better today?"),
    ("we bought a new car last week", "What colour is your new car?"),
    ("i play football every sunday", "Who do you play football with?"),
    ("i lost my keys this morning", "Where did you lose your keys?"),
    ("next month i will go to paris with my sister", "What will you and your sister do in Paris?"),
    ("i am very tired, i worked until ten", "Why did you work so late?"),
    ("my old dog died last month", "How old was your dog?"),
    ("yes, one brother, he is very funny", "What does your brother do that is so funny?"),
)
# One question, opening with a question word: no statement before it
# ("That's great!" after bad news), no "What's your X?" with nothing asked.
OPENERS = ("How", "Is", "Was", "Were", "Did", "Do", "Does", "Where", "Who", "Why", "When",
           "What kind of", "Which", "Are", "Have", "Can", "Will", "What did", "What do",
           "What will", "What are", "What was", "What is")
# Words of letters, an apostrophe only inside one ("didn't", not "'family'").
GRAMMAR = ('root ::= opener word (","? " " word)* "?"\n'
           "word ::= [a-zA-Z]+ (\"'\" [a-z]+)?\n"
           "opener ::= " + " | ".join(f'"{o} "' for o in OPENERS) + "\n")
# Sampling per attempt: (temperature, seed). Greedy first: on the dev lines it
# kept to the news more often than sampling did.
ATTEMPTS = ((0.0, 11), (0.7, 23), (0.9, 37))


def head() -> list[dict]:
    """The prompt's fixed part: the task and the examples (cached once a session)."""
    messages = [{"role": "system", "content": SYSTEM}]
    for news, question in EXAMPLES:
        messages.append({"role": "user", "content": news})
        messages.append({"role": "assistant", "content": question})
    return messages


def messages(learner_text: str, asked: str = "") -> list[dict]:
    """The prompt for a follow-up to ``learner_text``: the head, the tutor's
    question it answers (``asked``, when there was one), then the news."""
    out = head()
    if asked:
        out.append({"role": "assistant", "content": asked})
    out.append({"role": "user", "content": dialogue.news_part(learner_text) or learner_text})
    return out


def last_question(history, opening: str = "") -> str:
    """The tutor's latest question, which the learner's line may answer."""
    line = history[-1][1] if history else opening
    questions = [s for s in replies.sentences(line) if s.endswith("?")]
    return questions[-1] if questions else ""


_MEANS = re.compile(r"\bwhat do you mean\b", re.IGNORECASE)


def problems(question: str) -> list[str]:
    """What makes a follow-up question asked in the grammar's shape senseless:
    "What do you mean?" after news the tutor understood, and "What kind of"
    before no noun ("What kind of old is your cat?")."""
    found = []
    if _MEANS.search(question):
        found.append("asks what was meant")
    if question.lower().startswith("what kind of "):
        from app.tutor.parser import parse  # lazy: loads spaCy

        thing = []  # the words after "What kind of", up to the verb
        for token in parse(question)[3:]:
            if token.pos_ in ("VERB", "AUX") or token.is_punct:
                break
            thing.append(token.pos_)
        if not {"NOUN", "PROPN"} & set(thing):
            found.append("what kind of no thing")
    return found
