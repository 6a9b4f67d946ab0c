"""The tutor's replies by what the learner is doing (app/tutor/acts.py):
the goodbye, the answer to a question to the tutor, the thread those use,
and what of a learner's news is worth saying back.

- A goodbye gets a warm goodbye with one line on what the learner did well,
  taken from the session's own lines (a sentence the corrector had nothing
  to fix), and no question; the session then ends.
- A question to the tutor gets the model's answer, with the session's
  earlier lines and what the memory knows in its prompt, so "what should I
  see there?" after Lisbon is about Lisbon. The answer ends where it ends:
  no template question is added to it.
- News gets a corrective recast only where the corrector was sure of an
  error, and only of the sentence that had it: greetings, thanks, fillers,
  laughter and asides are never said back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from app.tutor import replies
from app.tutor.edits import words

MAX_ANSWER_TOKENS = 72
THREAD_LINES = 3  # the learner's latest lines named in a tutor question's prompt
ANSWER_SYSTEM = (
    "You are Sam, a friendly English conversation partner. The learner (level {level}) asked "
    "you a question. Answer it yourself, kindly and concretely, in one or two short sentences "
    "with everyday words. Give your own opinion or advice when asked. Do not ask a question "
    "back unless it is about what the learner said. Never say you are an AI.")
# Lines or sentences that are social moves, not news: never said back.
_PHATIC = re.compile(
    r"^\s*(hi+|hello|hey|good (morning|afternoon|evening)|"
    r"thanks?( you)?( (so|very) much)?( for (asking|the question))?|"
    r"thank you|ok(ay)?|yes|yeah|no|sure|well|so|ha(ha)+|he(he)+|lol|hmm+|um+|uh+|oh|wow|"
    r"i('m| am) (fine|good|ok(ay)?|great|well)( thanks?( you)?)?|(and )?how are you|"
    r"nice to (meet|see) you|you know|i mean|by the way|anyway)\b[\s,.!?]*", re.IGNORECASE)
_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\*[^*]*\*|\b(ha){2,}\b|\blol\b", re.IGNORECASE)
_SPLIT = re.compile(r"(?<=[.!?])\s+")
_STOP_WORDS = set(
    "about after again all also and any are because been before being both but can could did "
    "does doing don't down during each few for from further had has have having her here hers "
    "herself him himself his how i'm into it's its itself just me more most much must my myself "
    "nor not now off once only other our ours out over own same she should some such than that "
    "the their theirs them then there these they this those through too under until very was "
    "we were what when where which while who whom why will with would you your yours yourself "
    "yesterday today tomorrow last next week day morning night time lot thing things".split())
GOODBYES = (
    "Thank you for the talk, it was lovely! {praise} Goodbye, see you next time!",
    "It was great talking with you! {praise} Bye for now, and see you soon!",
)


def news_part(text: str) -> str:
    """The learner's line without its greetings, thanks, fillers, laughter and
    asides ("hi, i am fine thank you. i just came back from work" -> "i just
    came back from work"); "" when nothing is left."""
    kept = []
    for sentence in _SPLIT.split(_ASIDE.sub(" ", text)):
        rest = sentence
        while True:
            stripped = _PHATIC.sub("", rest, count=1)
            if stripped == rest:
                break
            rest = stripped
        if len(words(rest)) >= 3:
            # What an aside left: "why, haha." -> "why."; "an astronaut, haha, he's"
            # -> "an astronaut, he's" (one comma: the clauses stay apart).
            rest = re.sub(r"\s*,(\s*,)*\s*([.!?]|$)", r"\2", rest)
            rest = re.sub(r"\s*,(?:\s*,)+\s*", ", ", rest)
            kept.append(rest.strip(" ,"))
    return " ".join(kept)


def goodbye(learner_lines: Sequence[str], clean_lines: Sequence[str], turn: int) -> str:
    """A warm goodbye with one line on what the learner did well, no question."""
    return GOODBYES[turn % len(GOODBYES)].format(praise=praise(learner_lines, clean_lines))


def praise(learner_lines: Sequence[str], clean_lines: Sequence[str]) -> str:
    """One line on what went well, from the session's own evidence: the longest
    sentence the corrector had nothing to fix, else how much was said."""
    good = [news_part(line) for line in clean_lines]
    good = [g for g in good if 5 <= len(words(g)) <= 16]
    if good:
        best = max(good, key=lambda g: len(words(g)))
        best = best[:1].upper() + best[1:].rstrip(" .!?,")
        return f"You said some sentences just right, like \"{best}.\""
    said = [line for line in learner_lines if len(words(news_part(line))) >= 3]
    if len(said) >= 2:
        return f"You told me a lot in {len(said)} turns, in full sentences."
    if said:
        return "You kept the conversation going in English."
    return "Thanks for stopping by to practise."


def thread_note(history: Sequence[tuple[str, str]], opening: str = "") -> str:
    """The talk so far as the answer's prompt names it: the learner's latest lines."""
    lines = [said for said, _ in history if words(said)][-THREAD_LINES:]
    if not lines:
        return f"You opened with: \"{opening}\"" if opening else ""
    said = " / ".join(f"\"{line.strip()}\"" for line in lines)
    return f"Earlier in this talk the learner said: {said}. Use this: the question is about it."


def answer_messages(conversation, learner_text: str) -> list[dict]:
    """The prompt for a question to the tutor: its own instructions, the thread,
    the remembered facts, the last exchanges, and the question."""
    system = ANSWER_SYSTEM.format(level=conversation.level)
    note = thread_note(conversation.history, conversation.opening)
    parts = [system, f"Situation: {conversation.scenario_prompt}.", note, conversation.memory]
    messages = [{"role": "system", "content": "\n".join(p for p in parts if p)}]
    for said, replied in conversation.history[-2:]:
        messages.append({"role": "user", "content": said})
        messages.append({"role": "assistant", "content": replied})
    messages.append({"role": "user", "content": learner_text})
    return messages


def answer_sentences(conversation, learner_text: str, attempts) -> Iterator[str]:
    """The model's answer to a question to the tutor, sentence by sentence,
    each checked; a question it asks back is kept only when it is about what
    the learner said, and the answer ends after it."""
    earlier = [replied for _, replied in conversation.history[-8:]]
    thread = content_words(" ".join([learner_text, *(s for s, _ in conversation.history[-3:])]))
    for temperature, seed, _ in attempts:
        spoken: list[str] = []
        stream = conversation._sentences(answer_messages(conversation, learner_text),
                                         temperature, seed + len(conversation.history),
                                         model=conversation._answer_model())
        for sentence in stream:
            found = [p for p in replies.problems(" ".join(spoken + [sentence]), earlier,
                                                 learner_text, conversation.level)
                     if p not in ("no question at the end", "too long", "lectures")]
            if len(words(" ".join(spoken + [sentence]))) > replies.MAX_WORDS.get(
                    conversation.level, 26) + 10:
                break  # long enough: the answer ends here
            if sentence.endswith("?") and not content_words(sentence) & thread:
                break  # a question about something else does not move this talk on
            if found:
                break
            spoken.append(sentence)
            yield sentence
            if sentence.endswith("?"):
                break
        stream.close()
        if spoken:
            return
    yield "I'm not sure, to be honest."


def about(question: str, said: str) -> bool:
    """Does the question pick up a content word of what was said (any form)?
    True when the line has none to pick up."""
    wanted = content_words(said)
    if not wanted:
        return True
    asked = content_words(question)
    if asked & wanted:
        return True
    # The words of each word's first senses count too: "film" is about "cinema".
    from app.tutor import dictionary

    related = {part for word in wanted for sense in dictionary.senses(word)[:3]
               for synonym in sense.words for part in synonym.split()}
    return bool(asked & related)


def topic_question(topic: str) -> str:
    """A question on the recast's topic ("your wallet"), when the model's all
    broke a rule: about what was said, unlike a template."""
    if len(topic.split()) < 2 or not topic.startswith(("your ", "the ", "a ", "an ")):
        return ""
    return f"What else can you tell me about {topic}?"


def content_words(text: str) -> set[str]:
    """Lower-case content words and their lemmas (for "is it about what was said")."""
    from lemminflect import getAllLemmas  # lazy: loads lemminflect

    out = set()
    for token in re.findall(r"[a-z][a-z']+", text.lower()):
        token = re.sub(r"'s?$", "", token)  # "grandmother's" is about the grandmother
        if token in _STOP_WORDS or len(token) < 3:
            continue
        out.add(token)
        for lemmas in getAllLemmas(token).values():
            out.update(lemma.lower() for lemma in lemmas)
    return out - {"think", "like", "really", "tell", "know", "good", "great", "nice", "want"}
