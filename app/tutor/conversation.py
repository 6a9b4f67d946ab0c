"""The tutor's side of the conversation: persona, scenario, history, and a
reply that shows the tutor heard.

A reply is a recast, then one follow-up question. The recast
(app/tutor/recast.py) says the learner's news back in correct English in the
second person, in a tone that fits the news (app/tutor/tone.py); it needs no
model, so it is out within milliseconds and the voice starts on it. The
model meanwhile writes the question; only its question is kept (its own
statements are what went wrong most: "Oh no, great news!"), and it is
checked against the rules (app/tutor/replies.py) and the tone before it is
let out, or regenerated, or replaced by a template question. A line the
tutor did not understand gets an honest request to say it again; a question
or a fragment it cannot say back gets a short acknowledgement of ours
("Good question.", "I see."), out at once, then the model's answer, checked
sentence by sentence as before.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from app.resources import asset
from app.tutor import dialogue, follow_up, replies, tone
from app.tutor import recast as recasting
from app.tutor.acts import Act, ActResult
from app.tutor.act_replies import ActReplies
from app.tutor.chat import ChatModel, Message, count_pieces
from app.tutor.edits import words
from app.tutor.hints import HELP_REQUEST, hints_for
from app.tutor.scenarios import Scenario
from app.tutor.styles import DEFAULT_CORRECTION_STYLE

# What the tutor says first when there is no recast (a question to the tutor,
# or a fragment it cannot say back): otherwise the voice waits for the model's
# first checked sentence, which makes such a turn by far the slowest to be
# heard (docs/decisions/0005-recast-first.md). Content-free, as
# people say it while they think, and cheerful only for good news: the tone
# of bad news gets sympathy, good news warmth, a question an acknowledgement,
# anything else a neutral one.
ACKNOWLEDGEMENTS = {
    tone.SYMPATHY: ("Oh dear.", "Oh no."),
    tone.WARMTH: ("Oh, nice!", "Wow!"),
    "question": ("Good question.", "Let me see.", "Hmm."),
    "other": ("I see.", "Okay."),
}
_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+")
PROMPTS = asset("prompts", "tutor.toml")  # package data (app/resources.py)
# One line per reply: a newline starts an invented next turn, which small
# models like to write.
STOP = ("\n", "Learner:", "User:", "<|im_end|>", "[INST]", "[/INST]")
MAX_REPLY_TOKENS = 64
# News this long with no clause to say back still gets a reaction and the
# follow-up question; a fragment ("fish and chips") is the model's to answer.
NEWS_WORDS = 4
HISTORY_TURNS = 4  # about the last exchanges kept: a small context stays fast and on topic
QUESTION_WORDS = 8  # room a first statement leaves for the closing question
HISTORY_STEP = 4  # how far the kept window's start jumps when it moves


def acknowledgement(learner_text: str, mood: str, turn: int) -> str:
    """The short first sentence of a reply that has no recast; it changes
    from turn to turn, as the recast's opener does."""
    if mood in (tone.SYMPATHY, tone.WARMTH):
        options = ACKNOWLEDGEMENTS[mood]
    elif recasting.asks_the_tutor(learner_text):
        options = ACKNOWLEDGEMENTS["question"]
    else:
        options = ACKNOWLEDGEMENTS["other"]
    return options[turn % len(options)]


def first_pieces() -> tuple[str, ...]:
    """Every piece a reply can open with, as the voice is given it: a recast's
    opener ("So,") or an acknowledgement ("I see."). The voice keeps them
    rendered (app.voice.base.Voice.keep)."""
    return recasting.OPENERS + tuple(a for options in ACKNOWLEDGEMENTS.values() for a in options)


def history_window(exchanges: int) -> int:
    """Where the kept history starts: at least 2 and at most 5 exchanges are kept.

    The start moves in steps of 4 rather than one exchange a turn: a window that
    slides every turn changes the prompt right after the fixed examples, and
    llama.cpp then re-reads the whole history every turn instead of only the
    newest exchange (docs/benchmarks.md, "What got it there").
    """
    keep_at_least = HISTORY_TURNS - HISTORY_STEP + 2
    if exchanges <= keep_at_least + HISTORY_STEP - 1:
        return 0
    return (exchanges - keep_at_least) // HISTORY_STEP * HISTORY_STEP
# Sampling per attempt: (temperature, seed, with history). The first is
# fairly focused; retries sample wider with a new seed so they do not repeat
# the first reply's mistake, and the last ones leave the history out, since a
# small model mostly repeats itself by copying a reply it can see. Every retry
# costs the learner silence: on the 9 packs' scripts a first temperature of
# 0.5 keeps every rule as often as 0.3 and needs fewer retries
# (docs/benchmarks.md, "What got it there").
ATTEMPTS = ((0.5, 11, True), (0.7, 23, True), (0.7, 37, False), (0.9, 51, False))


@lru_cache(maxsize=1)
def _prompt_file() -> dict:
    return tomllib.loads(PROMPTS.read_text(encoding="utf-8"))


@dataclass
class ReplyReport:
    """How the last reply came about: for the quality check and the logs."""

    attempts: list[tuple[str, list[str]]] = field(default_factory=list)  # (text, problems)
    final: str = ""
    # Who wrote the model's part: "model", "repaired", "fallback" (a template),
    # "help" (hints), or "clarify" (the tutor did not understand the line).
    source: str = "model"
    recast: str = ""  # the recast said first ("" when the reply has none)
    tone: str = tone.NEUTRAL
    dropped: int = 0  # the model's statements left out before its question
    say_slowly: str = ""  # a word the voice says again slowly (a pronunciation answer)


@dataclass
class Conversation(ActReplies):
    """One practice session's dialogue with the tutor."""

    model: ChatModel
    level: str = "B1"
    scenario: str | Scenario = "free talk about the learner's day"
    history: list[tuple[str, str]] = field(default_factory=list)
    correction_style: str = DEFAULT_CORRECTION_STYLE
    last_report: ReplyReport = field(default_factory=ReplyReport)
    recasts: bool = True  # False: the model alone, no recast (to measure what the recast adds)
    # Set by the session (app/memory/recall.py): the opening line the learner
    # heard when it followed up on something remembered, and the remembered facts.
    opening: str = ""
    memory: str = ""
    # Set by the session for one reply (app/memory/weave.py): a question that
    # practises a recurring mistake, asked after the recast in place of the model's.
    practice_question: str = ""
    # Set by the session: the corrector whose sure edits the recast says back
    # and which answers "is it correct?"; and the learner's lines it had
    # nothing to fix (what the goodbye praises).
    corrector: object = None
    clean_lines: list[str] = field(default_factory=list)
    last_act: ActResult = field(default_factory=lambda: ActResult(Act.NEWS))
    _corrected: tuple[str, object] | None = field(default=None, init=False, repr=False)
    _fresh_model: ChatModel | None = field(default=None, init=False, repr=False)
    _question_model: ChatModel | None = field(default=None, init=False, repr=False)
    _answer_cache: ChatModel | None = field(default=None, init=False, repr=False)
    # What app/tutor/act_replies.py uses of this module, handed to it here so
    # that it never imports this module (no import cycle).
    _new_report = ReplyReport
    _acknowledge = staticmethod(acknowledgement)
    _attempts = ATTEMPTS
    _question_words = QUESTION_WORDS

    @property
    def scenario_prompt(self) -> str:
        return self.scenario.prompt if isinstance(self.scenario, Scenario) else self.scenario

    def system_prompt(self) -> str:
        prompts = _prompt_file()
        hint = prompts["levels"].get(self.level, prompts["levels"]["B1"])
        system = prompts["system"].format(level=self.level, scenario=self.scenario_prompt,
                                          level_hint=hint)
        return f"{system}\n\n{self.memory}" if self.memory else system

    def messages(self, learner_text: str, with_history: bool = True) -> list[Message]:
        messages: list[Message] = [{"role": "system", "content": self.system_prompt()}]
        # The examples come first and never change, so llama.cpp reuses their
        # evaluated prefix from one turn to the next.
        for example in _prompt_file()["examples"]:
            messages.append({"role": "user", "content": example["learner"]})
            messages.append({"role": "assistant", "content": example["tutor"]})
        if isinstance(self.scenario, Scenario) and self.scenario.example:
            learner, tutor = self.scenario.example
            messages.append({"role": "user", "content": learner})
            messages.append({"role": "assistant", "content": tutor})
        if isinstance(self.scenario, Scenario) and not (self.history and with_history):
            # The opening line the learner heard, so the first answer has its context.
            messages.append({"role": "assistant", "content": self.opening or self.scenario.opening})
        history = self._history_that_fits(messages, learner_text) if with_history else []
        for said, replied in history:
            messages.append({"role": "user", "content": said})
            messages.append({"role": "assistant", "content": replied})
        messages.append({"role": "user", "content": learner_text})
        return messages

    def _history_that_fits(self, head: list[Message], learner_text: str):
        """The latest exchanges that fit the context with room for the reply."""
        budget = getattr(self.model, "n_ctx", 2048) - MAX_REPLY_TOKENS - 64
        used = _tokens(" ".join(m["content"] for m in head) + learner_text)
        kept: list[tuple[str, str]] = []
        for said, replied in reversed(self.history[history_window(len(self.history)):]):
            used += _tokens(said + replied) + 8
            if used > budget:
                break
            kept.append((said, replied))
        return list(reversed(kept))

    def reply(self, learner_text: str, corrected: str | None = None,
              act: ActResult | None = None) -> Iterator[str]:
        """Stream the tutor's reply; the exchange joins the history when it ends.

        ``act`` is what the learner is doing (app/tutor/acts.py): a goodbye,
        a language question and a question to the tutor get their own
        replies (app/tutor/dialogue.py, app/tutor/answers.py). News gets a
        recast only where an error was surely fixed: ``corrected`` is the
        line with the rules' certain fixes, else the corrector is asked once
        the first piece is out. The first piece is ready before the model has
        read the prompt; the follow-up question comes after it, checked.
        """
        act = self.last_act = act or ActResult(Act.NEWS)
        said = recasting.Recast(recasting.NONE, "", tone.NEUTRAL, "", "")
        news = dialogue.news_part(learner_text)
        # A fix is sure only where it changes words, not where it only drops
        # a filler or a repeat ("and, uh, it rained": no error was fixed).
        sure = corrected is not None and recasting.fixes_words(learner_text, corrected)
        if self.recasts and not HELP_REQUEST.search(learner_text) and act.act == Act.NEWS:
            fixed = (dialogue.news_part(corrected) or corrected) if sure else None
            said = recasting.recast(news or learner_text, fixed, self.level,
                                    turn=len(self.history))
            if sure and said.kind == recasting.RECAST and not (self.sound(
                    said.clause, news or learner_text, fixed) and recasting.carries_the_fix(
                    said.clause, news or learner_text, fixed)):
                sure = False  # the fix is not whole, or not in what is said back: no recast
            if said.kind == recasting.RECAST and not news:  # greetings, thanks: nothing to say back
                said = replace(said, kind=recasting.NONE, text="")
        if HELP_REQUEST.search(learner_text):
            text = self.compose(learner_text)
            yield text
        elif act.act in (Act.GOODBYE, Act.LANGUAGE):
            text = yield from self._answer(learner_text, act)
        elif act.act == Act.TUTOR:
            text = yield from self._tutor_answer(learner_text, said.tone)
        elif act.act == Act.UNCLEAR or said.kind == recasting.CLARIFY:
            text = self._clarify()
            yield text
        elif said.kind == recasting.RECAST and sure:
            # The space ends the sentence for the voice's splitter, which would
            # otherwise wait for the next piece to know the sentence is over.
            yield said.text + " "
            question = "".join(self._follow_up(learner_text, said))
            yield question
            text = f"{said.text} {question}"
        elif said.kind == recasting.RECAST or (
                self.recasts and act.act == Act.NEWS and len(words(news)) >= NEWS_WORDS
                and not recasting.asks_the_tutor(news)):
            # News with no error the rules were sure of, or with no clause to
            # say back (a long line, a self-correction): a reaction and the
            # follow-up question, never the main prompt's free text ("I'm
            # sorry to hear that. Can you please tell me more about your day?"
            # after a stranger paid for a coffee: test3, SmolLM2).
            text = yield from self._react(learner_text, news, said.topic)
        else:
            opener = acknowledgement(learner_text, said.tone, len(self.history)) \
                if self.recasts else ""
            if opener:
                yield opener + " "  # the space ends it for the voice's splitter
            spoken: list[str] = []
            for sentence in self._checked_sentences(learner_text):
                if not spoken and opener and words(sentence) == words(opener):
                    continue  # the model's own "Good question!": said already
                yield sentence if not spoken else " " + sentence
                spoken.append(sentence)
            # The history keeps the model's words only: seeing "Good question."
            # before its every answer, a small model starts writing it too.
            text = " ".join(spoken)
            if opener:
                self.last_report.final = f"{opener} {self.last_report.final}"
        self.practice_question = ""  # for this reply only
        self.history.append((learner_text, text))

    def _clarify(self) -> str:
        """An honest "say it again": never a reply made up for a line not understood."""
        options = _prompt_file()["clarify"]
        text = options[len(self.history) % len(options)]
        self.last_report = ReplyReport(final=text, source="clarify")
        return text

    def _follow_up(self, learner_text: str, said: recasting.Recast) -> Iterator[str]:
        """The model's question about what the learner said, to follow the recast.

        The model sees its own short prompt (app/tutor/follow_up.py: the task,
        examples, the tutor's last question and the news) and writes one
        question under a grammar. A question that breaks a rule, or sounds
        pleased after news that was not good, means a new attempt; after the
        last one a question on the recast's topic, else a template, is used.
        """
        report = self.last_report = ReplyReport(source="model", recast=said.text, tone=said.tone)
        # No change of subject right after news that was not good.
        if self.practice_question and said.tone != tone.SYMPATHY:
            report.final, report.source = f"{said.text} {self.practice_question}", "practice"
            yield self.practice_question
            return
        earlier = [replied for _, replied in self.history[-HISTORY_TURNS * 2:]]
        spare = ""  # a question whose only fault is a topic shared by no word
        prompt = follow_up.messages(learner_text, follow_up.last_question(
            self.history, self.opening), self.model.name)
        for attempt, (temperature, seed) in enumerate(follow_up.ATTEMPTS):
            model = self._follow_up_model()
            stream = model.stream(prompt, max_tokens=follow_up.MAX_TOKENS,
                                  temperature=temperature, seed=seed + len(self.history),
                                  stop=STOP, repeat_penalty=1.15,
                                  grammar=follow_up.grammar(self.model.name))
            if model is not self.model:  # the turn's timings read the model's own totals
                stream = count_pieces(stream, self.model.stats)
            parts = replies.sentences("".join(stream))
            asks = [i for i, part in enumerate(parts) if part.endswith("?")]
            if not asks:
                continue
            # Statements before the question are left out (a model or server
            # without the grammar writes them): the reaction has been said.
            sentence, dropped = parts[asks[0]], asks[0]
            found = self._follow_up_problems(said, sentence, earlier, learner_text)
            report.attempts.append((sentence, found))
            if found == ["not about what was said"] and not spare:
                spare = sentence
            if found and spare and attempt == len(follow_up.ATTEMPTS) - 1:
                # "What film did you see?" after the cinema shares no word
                # and is fine: when no try did better, it is said.
                sentence, found = spare, []
            if not found:
                report.final, report.dropped = f"{said.text} {sentence}", dropped
                yield sentence
                return
        question = dialogue.topic_question(said.topic) or self._closing_question(
            [r for _, r in self.history])
        report.final, report.source = f"{said.text} {question}", "fallback"
        yield question

    def _follow_up_model(self) -> ChatModel:
        """The model with the follow-up prompt's cache of its own (app/tutor/follow_up.py)."""
        if self._question_model is None:
            self._question_model = self.model.with_own_cache(follow_up.SLOT)
        return self._question_model

    def _checked_sentences(self, learner_text: str) -> Iterator[str]:
        """The reply's sentences, each let out only once it keeps the rules.

        A first sentence that breaks one means a new attempt (nothing was
        said yet). After it, statements are skipped until the model asks its
        question; if it never does, the reply ends where it ends (no template
        question glued on, issue 24).
        """
        report = self.last_report = ReplyReport(source="model")
        earlier = [replied for _, replied in self.history[-HISTORY_TURNS * 2:]]
        for temperature, seed, with_history in ATTEMPTS:
            spoken = []
            stream = self._sentences(self.messages(learner_text, with_history),
                                     temperature, seed + len(self.history), with_history)
            for sentence in stream:
                found = self._sentence_problems(spoken, sentence, earlier, learner_text)
                if spoken and found == ["no question at the end"]:
                    continue  # a middle statement: wait for the model's own question
                if found == ["repeats an earlier reply"] and not sentence.endswith("?"):
                    continue  # a stock opener said before ("That's great!"): drop it, go on
                if found:
                    report.attempts.append((" ".join(spoken + [sentence]), found))
                    break
                spoken.append(sentence)
                yield sentence
                if sentence.endswith("?"):
                    break
            stream.close()  # stop generating: the rest would not be spoken
            if spoken:  # an answer ends where it ends: no template question added
                report.final = " ".join(spoken)
                report.attempts.append((report.final, []))
                return
        report.final, report.source = self._fallback(earlier), "fallback"
        yield report.final

    def _sentence_problems(self, spoken: list[str], sentence: str, earlier: list[str],
                           learner_text: str) -> list[str]:
        candidate = " ".join(spoken + [sentence])
        found = [p for p in replies.problems(candidate, earlier, learner_text, self.level)
                 if p != "no question at the end"]  # the question may still come
        if spoken and not sentence.endswith("?"):
            found.append("no question at the end")  # a second sentence must ask
        room = replies.MAX_WORDS.get(self.level, 26) - QUESTION_WORDS
        if not spoken and not sentence.endswith("?") and len(words(sentence)) > room:
            found.append("too long")  # no room left for the question that must follow
        if not spoken and any(replies.sentences(before) and replies._similar(
                sentence, replies.sentences(before)[0]) for before in earlier):
            found.append("repeats an earlier reply")
        return found

    def _answer_model(self) -> ChatModel:
        """The model with the answer prompt's cache of its own (questions to the
        tutor, app/tutor/dialogue.py): read in the main cache, it evicted the
        history, and it was read whole, cold, at every question."""
        if self._answer_cache is None:
            self._answer_cache = self.model.with_own_cache("answer")
        return self._answer_cache

    def _reply_pieces(self, messages: list[Message], temperature: float, seed: int,
                      with_history: bool, model: ChatModel | None = None) -> Iterator[str]:
        """The model's reply, streamed. A retry without the history gets a prompt
        cache of its own: run in the main one, it would evict the evaluated
        history, and the next turn would read it again (docs/benchmarks.md,
        "What got it there")."""
        model = model or self.model
        if not with_history:
            if self._fresh_model is None:
                self._fresh_model = self.model.with_own_cache("without-history")
            model = self._fresh_model
        stream = model.stream(messages, max_tokens=MAX_REPLY_TOKENS, temperature=temperature,
                              stop=STOP, repeat_penalty=1.15, seed=seed)
        if model is not self.model:  # the turn's timings read the model's own totals
            stream = count_pieces(stream, self.model.stats)
        return stream

    def _sentences(self, messages: list[Message], temperature: float,
                   seed: int, with_history: bool = True,
                   model: ChatModel | None = None) -> Iterator[str]:
        buffer = ""
        for piece in self._reply_pieces(messages, temperature, seed, with_history, model):
            buffer += piece
            while True:
                if buffer.rstrip().endswith("?"):  # a question ends the reply: no need to wait
                    end = len(buffer)
                else:
                    match = _SENTENCE_BREAK.search(buffer)
                    if match is None:
                        break
                    end = match.end()
                sentence, buffer = buffer[:end].strip(), buffer[end:]
                if words(sentence):
                    yield sentence
        if words(buffer):
            yield buffer.strip()

    def _closing_question(self, earlier: list[str]) -> str:
        """One of the template questions: never used yet, else the least recently used."""
        questions = [replies.sentences(option)[-1] for option in _prompt_file()["fallbacks"]]

        def last_used(question: str) -> int:
            used = [i for i, before in enumerate(earlier) if question in before]
            return used[-1] if used else -1

        return min(questions, key=last_used)

    def compose(self, learner_text: str) -> str:
        """The whole reply, checked; regenerated or replaced when it breaks a rule."""
        report = self.last_report = ReplyReport()
        if HELP_REQUEST.search(learner_text):
            first, second = self.hints()
            report.source, report.final = "help", _prompt_file()["help_reply"].format(
                first=first, second=second)
            return report.final
        earlier = [replied for _, replied in self.history[-HISTORY_TURNS * 2:]]
        for temperature, seed, with_history in ATTEMPTS:
            messages = self.messages(learner_text, with_history)
            raw = self._generate(messages, temperature, seed + len(self.history), with_history)
            repaired = replies.repair(raw, self.level)
            for candidate, source in ((raw, "model"), (repaired, "repaired")):
                found = replies.problems(candidate, earlier, learner_text, self.level)
                report.attempts.append((candidate, found))
                if not found:
                    report.final, report.source = candidate, source
                    return candidate
        report.final, report.source = self._fallback(earlier), "fallback"
        return report.final

    def _generate(self, messages: list[Message], temperature: float, seed: int,
                  with_history: bool = True) -> str:
        """One reply, cut at its first question: the rules want the reply to end
        with one, and stopping there saves the tokens a small model adds after."""
        text = ""
        for piece in self._reply_pieces(messages, temperature, seed, with_history):
            text += piece
            if "?" in piece:
                return text[: text.rindex("?") + 1].strip()
        return text.strip()

    def _fallback(self, earlier: list[str]) -> str:
        options = _prompt_file()["fallbacks"]
        for option in options:
            if not any(replies._similar(option, before) for before in earlier):
                return option
        return options[len(self.history) % len(options)]

    def hints(self, tutor_line: str | None = None) -> list[str]:
        """Two short example answers the learner could say next."""
        if tutor_line is None:
            tutor_line = self.history[-1][1] if self.history else (
                self.opening or (self.scenario.opening if isinstance(self.scenario, Scenario) else ""))
        return hints_for(self.model, tutor_line, self.level,
                         _prompt_file()["hint_fallbacks"])

    def warm_up(self) -> None:
        """Evaluate the prompt up to the learner's next line, so that only the line
        itself is left to read when it comes: at the start, and again after each
        turn (while the learner listens and answers), since each turn adds to
        the history and sometimes moves its window."""
        recasting.load()
        for _ in self.model.stream(self.messages(""), max_tokens=1, temperature=0.0):
            pass
        if self._fresh_model is None:
            # The retries without the history read a prompt that never changes
            # in a session: read once now, not in the learner's silence. Cold,
            # Qwen 1.5B took 38-52 s to such a retry's first sentence on the
            # busy 2 cores (docs/brain.md).
            self._fresh_model = self.model.with_own_cache("without-history")
            for _ in self._fresh_model.stream(self.messages("", with_history=False),
                                              max_tokens=1, temperature=0.0):
                pass
        # The answer prompt up to the learner's next question (its thread and
        # last exchanges change each turn): a question then reads only itself.
        for _ in self._answer_model().stream(
                dialogue.answer_messages(self, "")[:-1], max_tokens=1, temperature=0.0):
            pass
        if self._question_model is None and self.recasts:
            # The follow-up prompt's fixed head, read once a session.
            for _ in self._follow_up_model().stream(follow_up.head(self.model.name), max_tokens=1,
                                                    temperature=0.0):
                pass


def _tokens(text: str) -> int:
    return len(text) // 3 + 1  # English averages about four characters a token; err high
