"""Carrying out a spoken request (app/tutor/requests.py) in a practice
session, Qt-free: the command line and the window share it.

The practice (app/practice.py) asks :meth:`Requests.take` about each line
before the tutor replies. For an ordinary line it gets None and the turn
goes on as before (the line cost one parse). For a request the change is
made at once (the voice's rate, the correction style, the scenario, the
memory) and an :class:`Action` comes back whose words the turn speaks in
place of a reply: a few words of confirmation first ("Sure, I'll slow
down."), then what was asked for (the last reply again, a spelling, a
better sentence). A request whose argument is missing or does not validate
gets a short question instead of a guess ("Which word should I spell?").
What a window must show or do (the new rate, style or scenario; a pause;
the session's end) is in ``changes``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from app.tutor import requests
from app.tutor.acts import RequestCall

log = logging.getLogger(__name__)

RATE_STEP = 0.25  # 1.0 -> 0.75 (the slow replay's rate): the same text lasts a third longer
MIN_RATE, MAX_RATE, NORMAL_RATE = 0.5, 2.0, 1.0
SLOW_REPEAT = 0.75  # "say that again slowly": the rate the window's slow replay uses
# corrections(mode) -> the correction style (app.tutor.styles.CorrectionStyle)
STYLES = {"more": "explicit", "less": "gentle", "off": "off", "explain": "explicit"}
CONFIRM = {
    "speak_slower": "Sure, I'll slow down.",
    "speak_faster": "Sure, I'll speak a bit faster.",
    "speak_normal": "Sure, back to my normal speed.",
    "repeat": "Sure.",
    "spell": "Sure.",
    "change_topic": "Sure, let's change the topic.",
    "start_scenario": "Sure, let's practise that.",
    "corrections:more": "Sure, I'll correct every mistake.",
    "corrections:less": "Okay, I'll only correct the big mistakes.",
    "corrections:off": "Okay, no more corrections.",
    "corrections:explain": "Sure, I'll explain each correction.",
    "explain_last_correction": "Sure.",
    "say_it_better": "Sure.",
    "remember": "Okay, I'll remember that.",
    "forget": "Okay, I've forgotten that.",
    "pause": "Sure, take your time.",
    "end_session": "Okay, let's stop here. Well done today!",
}
ASK = {
    "spell": "Which word should I spell?",
    "start_scenario": "Which situation would you like to practise? For example, ordering at "
                      "a café, or a job interview.",
    "corrections": "Should I correct more, less, or not at all?",
    "remember": "What should I remember?",
    "forget": "What should I forget?",
}
# Topics the tutor proposes when the learner asks for another one, with the
# question that opens each.
TOPICS = (("food", "What did you eat today?"),
          ("travel", "Where would you like to go on holiday?"),
          ("music", "What music do you like?"),
          ("films", "What was the last film you saw?"),
          ("sport", "Do you play any sport?"),
          ("your town", "What do you like about your town?"))


@dataclass
class Action:
    """A request, carried out (``done``) or asked about."""

    call: RequestCall
    first: str  # the confirmation, or the question: the turn's first audio
    rest: Iterator[str] | None = None  # what follows it, produced while it plays
    changes: dict = field(default_factory=dict)
    done: bool = True
    rate: float | None = None  # speak this turn at this rate (a slow repeat), then go back
    after: Callable[[], None] | None = None  # done once the turn has spoken (a new rate)

    def pieces(self) -> Iterator[str]:
        """The tutor's words, the confirmation first (its own piece, so the
        voice starts on it at once)."""
        yield self.first + " "
        for piece in self.rest or ():
            yield piece

    def as_json(self) -> dict:
        return self.call.as_json()


class Requests:
    """The requests of one practice: what the learner said and was told last,
    so "say that again" and "what did I say wrong?" know what they are about."""

    def __init__(self, practice, first_pieces: Callable[[], tuple[str, ...]] = tuple) -> None:
        self.practice = practice
        # What the voice keeps rendered (app.practice.reply_first_pieces), again at a new rate.
        self.first_pieces = first_pieces
        self.last_line = ""  # the learner's last ordinary line
        self.last_corrections = None  # its CorrectionResult
        self.last_tutor = ""  # what the tutor last said that was not a mere confirmation
        self._chooser = None
        self._topics_offered = 0

    # -- recognition ----------------------------------------------------------------
    def take(self, said: str, on_event=lambda event: None) -> Action | None:
        """The request in ``said``, carried out (``on_event`` gets its
        RequestDone); None for an ordinary line, which costs one parse at most."""
        from app import events as ev

        call = requests.recognise(said, self._context(), self._model())
        if call is None or call.name == "end_session" and _says_goodbye(said, self._context()):
            return None  # "that's enough for today, bye": a goodbye, with its praise
        try:
            action = self.carry_out(call)
        except Exception:  # noqa: BLE001 - a request that fails is answered as a line
            log.exception("carrying out %s failed", call.name)
            return None
        on_event(ev.RequestDone(call.name, dict(call.arguments), dict(action.changes),
                                action.done))
        return action

    def _context(self) -> list[str]:
        conversation = self.practice.conversation
        return [conversation.history[-1][1]] if conversation.history else []

    def _model(self):
        """The chat model, with a prompt cache of its own: the choice's fixed
        prompt stays evaluated and never evicts the tutor's."""
        if self._chooser is None:
            chat = self.practice.engines.chat
            self._chooser = chat.with_own_cache("requests") if chat is not None else None
        return self._chooser

    def answered(self, said: str, reply: str, action: Action) -> None:
        """The request's exchange joins the conversation (the tutor's next
        reply sees it), unless it started a new scenario, whose prompt starts
        from its opening."""
        from app.tutor.conversation import ReplyReport

        from app.tutor.act_types import Act, ActResult

        conversation = self.practice.conversation
        conversation.last_report = ReplyReport(final=reply, source="request")
        conversation.last_act = ActResult(Act.REQUEST, request=action.call)
        if action.rest is not None:  # it said something of its own: "again" repeats that
            self.last_tutor = action.changes.get("repeat", reply)
        if action.call.name != "start_scenario":
            conversation.history.append((said, action.changes.get("repeat", reply)))

    def heard(self, line: str, corrections) -> None:
        """An ordinary line of the learner's and its corrections."""
        self.last_line, self.last_corrections = line, corrections
        history = self.practice.conversation.history
        self.last_tutor = history[-1][1] if history else self.last_tutor

    # -- carrying out ---------------------------------------------------------------
    def carry_out(self, call: RequestCall) -> Action:
        problems = requests.problems(call)
        if problems:
            log.info("request %s not carried out: %s", call.name, "; ".join(problems))
            return Action(call, ASK.get(call.name, "Sorry, what should I do?"), done=False)
        handler = getattr(self, f"_{call.name}")
        return handler(call)

    def _rate(self, call: RequestCall, rate: float) -> Action:
        """The confirmation is said at the old rate (its first words are kept
        rendered at it, so it sounds at once); every reply after it at the new."""
        voice = self.practice.engines.voice
        rate = round(min(MAX_RATE, max(MIN_RATE, rate)), 2)

        def change() -> None:
            if voice is None:
                return
            voice.rate = rate
            voice.keep(self.first_pieces())  # while the confirmation plays
        return Action(call, CONFIRM[call.name], changes={"voice_rate": rate}, after=change)

    def _current_rate(self) -> float:
        voice = self.practice.engines.voice
        return voice.rate if voice is not None else NORMAL_RATE

    def _speak_slower(self, call):
        return self._rate(call, self._current_rate() - RATE_STEP)

    def _speak_faster(self, call):
        return self._rate(call, self._current_rate() + RATE_STEP)

    def _speak_normal(self, call):
        return self._rate(call, NORMAL_RATE)

    def last_reply(self) -> str:
        """What "say that again" repeats: the tutor's last reply, or the
        opening line; never a mere confirmation ("Sure, I'll slow down.")."""
        if self.last_tutor:
            return self.last_tutor
        conversation = self.practice.conversation
        scenario = conversation.scenario
        return conversation.opening or getattr(scenario, "opening", "") or ""

    def _repeat(self, call):
        last = self.last_reply()
        if not last:
            return Action(call, "I haven't said anything yet.", done=False)
        slowly = bool(call.arguments.get("slowly"))
        rate = round(self._current_rate() * SLOW_REPEAT, 2) if slowly else None
        return Action(call, CONFIRM["repeat"], iter([last]), rate=rate,
                      changes={"repeat": last})

    def _spell(self, call):
        word = call.arguments.get("word", "").strip(" .,!?\"'")
        if not word:
            return Action(call, ASK["spell"], done=False)
        letters = ", ".join(ch.upper() for ch in word if ch.isalpha())
        return Action(call, CONFIRM["spell"], iter([f"{word[0].upper() + word[1:]}: {letters}."]),
                      changes={"spelled": word})

    def _change_topic(self, call):
        topic = call.arguments.get("topic", "").strip()
        if topic:
            mine = re.sub(r"^my\b", "your", topic, flags=re.IGNORECASE)
            return Action(call, f"Sure, let's talk about {mine}.",
                          iter([f"What would you like to tell me about {mine}?"]),
                          changes={"topic": topic})
        used = " ".join(reply for _, reply in self.practice.conversation.history).lower()
        fresh = [t for t in TOPICS if t[0] not in used] or list(TOPICS)
        name, question = fresh[self._topics_offered % len(fresh)]
        self._topics_offered += 1
        return Action(call, CONFIRM["change_topic"], iter([f"How about {name}? {question}"]),
                      changes={"topic": name})

    def _start_scenario(self, call):
        from app.tutor.scenarios import get_scenario

        home = getattr(self.practice.engines.settings, "home", None)
        pack = get_scenario(call.arguments["scenario"], home)
        conversation = self.practice.conversation
        conversation.scenario, conversation.opening = pack, pack.opening
        conversation.history.clear()  # the new scenario's prompt starts from its opening
        title = pack.title[0].lower() + pack.title[1:] if pack.title else pack.id
        first = f"Sure, let's practise {title}."
        return Action(call, first, iter([pack.opening] if pack.opening else []),
                      changes={"scenario": pack.id, "scenario_title": pack.title})

    def _corrections(self, call):
        mode = call.arguments["mode"]
        style = STYLES[mode]
        self.practice.conversation.correction_style = style
        return Action(call, CONFIRM[f"corrections:{mode}"],
                      changes={"correction_style": style})

    def _explain_last_correction(self, call):
        result = self.last_corrections
        if result is None or not getattr(result, "edits", None):
            return Action(call, "Let me see.",
                          iter(["I didn't correct anything in your last sentence."]))
        parts = [f'You said "{e.original}"; say "{e.corrected}".'
                 + (f" {e.reason[0].upper()}{e.reason[1:].rstrip('.')}." if e.reason else "")
                 for e in result.edits[:2]]
        return Action(call, CONFIRM["explain_last_correction"], iter([" ".join(parts)]))

    def _say_it_better(self, call):
        line = self.last_line
        if not line:
            return Action(call, "Say something first, and I'll help you say it better.",
                          done=False)

        def better() -> Iterator[str]:
            # Produced while the confirmation plays: the corrector may ask the model.
            result = self.practice.engines.corrector.correct(line)
            fixed = result.corrected.strip()
            if not result.changed or fixed.lower() == line.strip().lower():
                yield f'That was fine. You said: "{line.strip()}".'
            else:
                yield f'You could say: "{fixed[0].upper() + fixed[1:]}"'

        return Action(call, CONFIRM["say_it_better"], better())

    def _remember(self, call):
        from app.memory.keeper import add_by_hand
        from app.store.memory_store import MemoryQueries

        store = self.practice.store
        if not isinstance(store, MemoryQueries):
            return Action(call, "I can't remember things in this session.", done=False)
        if not store.memory_on():
            return Action(call, "My memory is switched off, so I won't remember that.",
                          done=False)
        fact = add_by_hand(store, call.arguments["fact"])
        return Action(call, CONFIRM["remember"], changes={"remembered": fact.text})

    def _forget(self, call):
        from app.store.memory_store import MemoryQueries

        store = self.practice.store
        about = call.arguments["about"]
        if not isinstance(store, MemoryQueries):
            return Action(call, "I don't remember anything here.", done=False)
        words = {w for w in re.findall(r"[a-z']+", about.lower()) if w not in _PLAIN}
        facts = [f for f in store.facts()
                 if words & set(re.findall(r"[a-z']+", f"{f.text} {f.slot} {f.value}".lower()))]
        if not facts:
            mine = re.sub(r"^my\b", "your", about, flags=re.IGNORECASE)
            return Action(call, f"I don't remember anything about {mine}.",
                          changes={"forgotten": []})
        for fact in facts:
            store.forget_fact(fact.id)
        return Action(call, CONFIRM["forget"], changes={"forgotten": [f.text for f in facts]})

    def _pause(self, call):
        return Action(call, CONFIRM["pause"], changes={"pause": True})

    def _end_session(self, call):
        return Action(call, CONFIRM["end_session"], changes={"end_session": True})


_PLAIN = {"my", "the", "a", "an", "about", "what", "i", "said", "of", "that", "thing", "me"}


class speaking_rate:  # noqa: N801 - used as a context manager, like contextlib's
    """The voice at ``action.rate`` while a turn speaks (a slow repeat), then
    back at its own rate."""

    def __init__(self, voice, action: Action | None) -> None:
        self.voice, self.action = voice, action
        self.rate = action.rate if action is not None else None
        self.old = None

    def __enter__(self):
        if self.rate is not None and self.voice is not None:
            self.old, self.voice.rate = self.voice.rate, self.rate
        return self

    def __exit__(self, *exc) -> None:
        if self.old is not None:
            self.voice.rate = self.old
        if exc[0] is None and self.action is not None and self.action.after is not None:
            self.action.after()


def options_now(options, practice):
    """The session's options (app.session.SessionOptions) as spoken requests
    left them: the correction style and the scenario the learner asked for
    (the session's summary says what it ended as)."""
    from dataclasses import replace

    conversation = practice.conversation
    scenario = conversation.scenario
    changed = replace(options, correction_style=conversation.correction_style)
    if getattr(scenario, "id", options.scenario_id) != options.scenario_id:
        changed = replace(changed, scenario_id=scenario.id, scenario_title=scenario.title,
                          scenario_prompt=scenario.prompt, opening=scenario.opening)
    return changed


def _says_goodbye(said: str, context: list[str]) -> bool:
    """A request to stop that also takes leave ("...enough for today, bye"):
    the goodbye act answers it (its praise, then the session ends) rather
    than the bare confirmation. "Let's stop here" stays a request."""
    from app.tutor.act_text import canonical
    from app.tutor.acts import _CLOSING, Act, classify

    return bool(_CLOSING.search(canonical(said))) and classify(said, context).act == Act.GOODBYE
