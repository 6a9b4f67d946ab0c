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
          "Ask one short, natural question that moves the talk on. After something that "
          "happened, ask what they did then, how they feel, or what comes next. After "
          "something they describe, ask about a detail they did not say. Never ask what "
          "they already told you. Write only the question.")
# News, then the question a person would ask next: what they did, how they
# are, what comes next, or a detail not said; never the kind or the name of
# what broke. Varied openers, so the model does not ask "What's your ...?"
# every time. None of these is close to a line of the dialogue set.
EXAMPLES = (
    ("my washing machine stopped working yesterday", "Did you call someone to fix the washing machine?"),
    ("we got a puppy, he is three months old", "Did you choose a name for your puppy?"),
    ("i fell off my bike this morning", "Did you hurt yourself when you fell?"),
    ("we tried a new restaurant on friday", "Did you like the food at the restaurant?"),
    ("my sister had a baby last week", "Is your sister's baby a boy or a girl?"),
    ("i passed my english exam", "How did you celebrate passing the exam?"),
    ("next year i want to study in canada", "What do you want to study in Canada?"),
    ("my flight was cancelled", "What did you do when the flight was cancelled?"),
    ("my grandfather is ninety", "Does your grandfather live near you?"),
)
# Qwen 0.5B, given the prompt above, asked back what was said ("Did you
# plant tomatoes in your garden?": about 6/33 sensible on the dev news lines,
# from about 12/33 in the prompt before it; the openers alone did not move
# it): it keeps that prompt, and the openers below. Qwen 1.5B does better
# with the prompt above and its grammar (strict check on the dev news lines:
# 18/33, against 11/33 in Qwen's prompt, whose examples ask the colour or
# the age of the very thing the news was about).
QWEN_SYSTEM = ("You are Sam, a friendly English tutor. The learner just told you something. "
               "Ask one short, simple question about what the learner said. Use the learner's "
               "own words. Write only the question.")
# News, then a question about it; varied openers, so the model does not ask
# "What's your ...?" every time. None of these is a line of the dialogue set.
QWEN_EXAMPLES = (
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
# The openers ask about the learner ("What did you", "Are you"), what
# happened ("Was it") or someone named ("How is your"): "What is", "What
# was" and "What kind of" led SmolLM2 to the name or kind of the very thing
# the news was about ("What kind of car?" after a breakdown); "How was it"
# and "How was the" to broken English ("How was it you were in Italy?") or
# the wrong time ("How was the wedding?" before it).
OPENERS = ("How did you", "How do you", "How are you", "How is your", "How are your",
           "What did you", "What do you", "What will you", "What are you", "Did you",
           "Do you", "Does your", "Are you", "Is your", "Is it", "Was it", "Were you",
           "Have you", "Will you", "Where did you",
           "Where do you", "Where will you", "Who", "Why", "When", "Which", "How long",
           "How many", "How old")
# Words of letters, an apostrophe only inside one ("didn't", not "'family'").
GRAMMAR = ('root ::= opener word (","? " " word)* "?"\n'
           "word ::= [a-zA-Z]+ (\"'\" [a-z]+)?\n"
           "opener ::= " + " | ".join(f'"{o} "' for o in OPENERS) + "\n")
# Qwen's openers, as before this grammar was narrowed for SmolLM2.
QWEN_OPENERS = ("How", "Is", "Was", "Were", "Did", "Do", "Does", "Where", "Who", "Why", "When",
                "What kind of", "Which", "Are", "Have", "Can", "Will", "What did", "What do",
                "What will", "What are", "What was", "What is")
QWEN_GRAMMAR = GRAMMAR.split("opener ::= ")[0] + "opener ::= " + " | ".join(
    f'"{o} "' for o in QWEN_OPENERS) + "\n"


def _qwen_small(model_name: str) -> bool:
    """Qwen 0.5B, which asks better in its own prompt (above)."""
    name = model_name.lower()
    return "qwen" in name and "0.5b" in name


def grammar(model_name: str = "") -> str:
    """The follow-up grammar: Qwen's wider openers for Qwen 0.5B."""
    return QWEN_GRAMMAR if _qwen_small(model_name) else GRAMMAR


# Sampling per attempt: (temperature, seed). Greedy first: on the dev lines it
# kept to the news more often than sampling did.
ATTEMPTS = ((0.0, 11), (0.7, 23), (0.9, 37))


def head(model_name: str = "") -> list[dict]:
    """The prompt's fixed part: the task and the examples (cached once a
    session); Qwen's own for Qwen 0.5B."""
    qwen = _qwen_small(model_name)
    messages = [{"role": "system", "content": QWEN_SYSTEM if qwen else SYSTEM}]
    for news, question in QWEN_EXAMPLES if qwen else EXAMPLES:
        messages.append({"role": "user", "content": news})
        messages.append({"role": "assistant", "content": question})
    return messages


def messages(learner_text: str, asked: str = "", model_name: str = "") -> list[dict]:
    """The prompt for a follow-up to ``learner_text``: the head, the tutor's
    question it answers (``asked``, when there was one), then the news."""
    out = head(model_name)
    if asked:
        out.append({"role": "assistant", "content": asked})
    out.append({"role": "user", "content": dialogue.news_part(learner_text) or learner_text})
    return out


def last_question(history, opening: str = "") -> str:
    """The tutor's latest question, which the learner's line may answer."""
    line = history[-1][1] if history else opening
    questions = [s for s in replies.sentences(line) if s.endswith("?")]
    return questions[-1] if questions else ""


_MEANS = re.compile(r"\bwhat do you (mean|call)\b", re.IGNORECASE)
# What the news may have told already, and the question that would ask it
# again: "How old is your cat?" after "she is fifteen".
_NUMBER = (r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"fifteen|twenty|thirty|forty|fifty|hundred|a few|several)\b")
_TIME = (r"\b(yesterday|today|tonight|tomorrow|ago|(last|next|this|on|every) "
         r"(week|weekend|month|year|morning|night|evening|summer|winter|monday|tuesday|"
         r"wednesday|thursday|friday|saturday|sunday)|(on|since|last|next) (monday|tuesday|"
         r"wednesday|thursday|friday|saturday|sunday)|in (january|february|march|april|may|june|"
         r"july|august|september|october|november|december))\b")
_DURATION = (r"\b(since|for (a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few) "
             r"(minute|hour|day|week|month|year)s?|all (day|night|week))\b")
ASKED_AGAIN = (  # (what the question asks, what in the news answered it)
    (r"^how old\b", r"\b(old|young|age)\b|" + _NUMBER),
    (r"^how many\b", _NUMBER),
    (r"^how long\b", _DURATION),
    (r"^when\b", _TIME),
)


def asked_again(question: str, news: str) -> bool:
    """Does the question ask what the news already said ("How long have you
    been sick?" after "since two days")?"""
    low, said = question.lower(), news.lower()
    return any(re.search(ask, low) and re.search(told, said) for ask, told in ASKED_AGAIN)


def problems(question: str, news: str = "") -> list[str]:
    """What makes a follow-up question asked in the grammar's shape senseless:
    "What do you mean?" or "What do you call ...?" after news the tutor
    understood, a question the news answered already, and "What kind of"
    before no noun ("What kind of old is your cat?")."""
    found = []
    if _MEANS.search(question):
        found.append("asks what was meant")
    if news and asked_again(question, news):
        found.append("asks what was said")
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
