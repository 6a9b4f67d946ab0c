"""One practice turn, Qt-free: utterance -> transcript -> streamed reply spoken
sentence by sentence -> corrections -> saved.

This is the only module that knows the order of the stages. The reply comes
before the corrections on purpose: the learner hears the tutor as soon as
possible, and the correction (which may ask the chat model for a rewrite)
follows while the reply plays, so it never holds up the conversation.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

import numpy as np

from app import events as ev
from app.actions import CONFIRM, Requests, speaking_rate
from app.engines import Engines
from app.errors import AudioFileError
from app.memory import dates
from app.memory import weave
from app.memory.keeper import MemoryKeeper
from app.memory.recall import FREE_TALK
from app.memory.weave import Weaver
from app.prefetch import ahead
from app.session import CorrectionPolicy
from app.speech.types import TranscriptionStopped
from app.speech.verbatim import VERBATIM_PROMPT
from app.store.memory_store import MemoryQueries
from app.store.practice_store import PracticeQueries
from app.store.records import CorrectionRecord, TurnRecord
from app.turn_types import CancelToken, TurnCancelled
from app.turntaking.gate import Gate
from app.tutor.acts import Act
from app.tutor.chat import GenerationStats
from app.tutor.conversation import Conversation, first_pieces
from app.tutor.scenarios import Scenario
from app.voice.splitter import SentenceSplitter


LEAD_IN_KEPT_S = 0.01
# The reply's first piece is cut at its first comma ("Oh no, | you lost your
# wallet?"): see Practice._reply_and_speak.
FIRST_CLAUSE_WORDS = 1
# What the tutor answers and corrects of one turn: about the last 45 s of
# speech. A longer recording (a learner who talked for 20 minutes, or pasted a
# page) is kept whole, audio and transcript, and its end is answered: the
# whole of it overflowed the model's context and the turn was lost.
ANSWERED_WORDS = 120
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")


@dataclass
class TurnOutcome:
    session_id: int
    turn_id: int
    transcript: object
    corrections: object
    reply: str
    reply_audio: str | None
    learner_audio: str | None
    timings_ms: dict[str, float] = field(default_factory=dict)
    act: str = "news"  # what the tutor understood the learner to be doing (app.tutor.acts)
    ends_session: bool = False  # a goodbye: the session ends as when the learner stops it
    actions: list[dict] = field(default_factory=list)  # spoken requests done (app/actions.py)


def _ms_since(mark: float) -> float:
    return round((time.monotonic() - mark) * 1000, 1)


@dataclass
class TurnTimings:
    """A turn's timings: ``ms`` is what the store keeps (timings_ms) and the
    benchmark reads; the rest is what ``end_to_first_audio`` is made of."""

    t0: float  # when the learner stopped talking (monotonic seconds)
    ms: dict[str, float] = field(default_factory=dict)
    tts_s: float = 0.0  # synthesis time inside the reply's generation loop
    first_audio_at: float | None = None  # when the reply's first audio was ready
    lead_in_s: float = 0.0  # the voice's silence before its first audible sample

    def took(self, name: str, mark: float) -> None:
        self.ms[name] = _ms_since(mark)

    def first_audio(self, synth_started: float, chunk: np.ndarray, rate: int) -> None:
        self.took("tts_first_audio", synth_started)
        # Latency counts to the first audible sample, so the voice's leading
        # silence is part of it.
        self.first_audio_at = time.monotonic()
        self.lead_in_s = float(leading_silence_s(chunk, rate))

    def reply_done(self, llm: GenerationStats) -> None:
        self.ms["tts_total"] = round(self.tts_s * 1000, 1)
        self.ms.update(llm_calls=llm.calls, llm_tokens=llm.tokens,
                       # Time to first token of the reply's first generation (the
                       # prompt cache is warm); retries are in llm_prompt_total.
                       llm_prompt=round(llm.first_prompt_s * 1000, 1),
                       llm_prompt_total=round(llm.prompt_s * 1000, 1),
                       llm_tokens_per_s=round(llm.tokens_per_s, 1))

    def heard(self, gate_opened_at: float | None) -> None:
        """The reply's first sound reached the learner once it was ready and
        its gate open (a turn started on a pause waits for the gate)."""
        if self.first_audio_at is not None:
            heard_at = max(self.first_audio_at, gate_opened_at or 0.0) + self.lead_in_s
            self.ms["end_to_first_audio"] = round((heard_at - self.t0) * 1000, 1)

    def as_dict(self) -> dict[str, float]:
        return dict(self.ms)


@dataclass
class _Run:
    """One turn on its way through the stages."""

    pcm: np.ndarray | None
    on_event: Callable[[ev.Event], None]
    cancel: CancelToken
    gate: Gate
    timings: TurnTimings
    started_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    speaker: _Speaker | None = None


# A piece that is a sentence of its own ("I'd recommend the Belem tower."):
# three words or more, ending in a full stop, question or exclamation mark.
_WHOLE_SENTENCE = re.compile(r"^\s*\S+\s+\S+\s+.*\w[.!?]$")

class _Speaker:
    """Says a streamed reply sentence by sentence, as the splitter lets them
    out, keeping its audio for the store and its timings for the turn."""

    def __init__(self, voice, speak: bool, run: _Run) -> None:
        self.voice = voice
        self.speak = speak
        self.run = run
        self.audio: list[np.ndarray] = []

    def say(self, sentences: list[str]) -> None:
        for sentence in sentences:
            self.run.on_event(ev.ReplySentence(sentence))
            if self.speak:
                self._synthesize(sentence)

    def say_slowly(self, word: str) -> None:
        """``word`` once more at a slow rate (a pronunciation answer)."""
        voice, rate = self.voice, self.voice.rate
        try:
            voice.rate = max(0.5, rate * 0.6)
            self._synthesize(word)
        finally:
            voice.rate = rate

    def _synthesize(self, sentence: str) -> None:
        started = time.monotonic()
        rate = self.voice.sample_rate
        for chunk in self.voice.synthesize(sentence):
            self.run.cancel.raise_if_cancelled()
            first = not self.audio
            if first:
                # Piper starts each sentence with a short silence: dead air
                # before the tutor's first word is pure latency.
                chunk = chunk[max(0, int((leading_silence_s(chunk, rate)
                                          - LEAD_IN_KEPT_S) * rate)):]
            self.audio.append(chunk)
            if first:
                self.run.timings.first_audio(started, chunk, rate)
            self.run.on_event(ev.ReplyAudio(chunk, rate, first))
        self.run.timings.tts_s += time.monotonic() - started


class Practice:
    """A practice session: the engines, the conversation so far, and the store."""

    def __init__(self, engines: Engines, store, *, scenario: str | Scenario = "free talk",
                 level: str = "B1", correction_style: str = "explicit",
                 speak: bool = True) -> None:
        self.engines = engines
        self.store = store
        self.speak = speak
        self.conversation = Conversation(engines.chat, level=level, scenario=scenario,
                                         correction_style=correction_style)
        if self.policy.runs_corrector:
            self.conversation.corrector = engines.corrector
        # A spoken request to the app (Act.REQUEST): the handler carries it out
        # and returns what the tutor says, or None to answer the line as news.
        self.handle_request: Callable[[object], str | None] | None = None
        title = scenario.title if isinstance(scenario, Scenario) else scenario
        self._session_options = dict(scenario=title, level=level,
                                     correction_style=correction_style)
        # The session row is written with its first turn, so a turn that fails
        # (a silent recording, a broken model) leaves nothing in the store.
        self.session_id: int | None = None
        # Facts are read from each saved turn on a thread of their own.
        self.memory = MemoryKeeper(store)
        self.requests = Requests(self, reply_first_pieces)  # "speak more slowly?"
        # Now and then a question that practises a recurring mistake (free talk only).
        scenario_id = scenario.id if isinstance(scenario, Scenario) else str(scenario)
        self.weave = Weaver(store, enabled=self.policy.weaves_practice
                            and scenario_id in FREE_TALK and isinstance(store, PracticeQueries))

    @property
    def policy(self) -> CorrectionPolicy:
        """What the session's correction style asks of a turn."""
        return CorrectionPolicy.of(self.conversation.correction_style)

    def begin(self) -> int:
        """Start the session row now (the command line shows its id with the
        tutor's opening line); otherwise it is written with the first turn."""
        if self.session_id is None:
            self.session_id = self.store.start_session(**self._session_options)
        return self.session_id

    def run_turn(self, pcm: np.ndarray | None, *, text: str | None = None,
                 on_event: Callable[[ev.Event], None] = lambda e: None,
                 cancel: CancelToken | None = None,
                 speech_ended_at: float | None = None,
                 gate: Gate | None = None) -> TurnOutcome:
        """Run one turn from the learner's audio (or typed ``text``).

        ``speech_ended_at`` is the monotonic time the learner stopped talking;
        it defaults to now, as for a WAV file handed over whole. A closed
        ``gate`` holds every event, and the saving, until it opens: the turn
        was started on a pause and the learner may still go on talking.
        """
        history = len(self.conversation.history)
        gate = gate or Gate()
        try:
            return self._run_turn(pcm, text, on_event, cancel or CancelToken(),
                                  speech_ended_at, gate)
        except BaseException:
            # A cancelled or failed turn leaves no trace in the conversation
            # either; one still unheard never will be (its gate stays shut).
            del self.conversation.history[history:]
            gate.abandon()
            raise

    def _run_turn(self, pcm, text, on_event, cancel: CancelToken,
                  speech_ended_at: float | None, gate: Gate) -> TurnOutcome:
        run = _Run(pcm, gate.wrap(on_event), cancel, gate, TurnTimings(
            speech_ended_at if speech_ended_at is not None else time.monotonic()))
        # A turn cancelled while it waited (a speculative turn queued behind
        # another, the learner went on talking) costs nothing.
        cancel.raise_if_cancelled()
        run.on_event(ev.TurnStarted())
        transcript = self._transcribe(run, text)
        said = answered_part(transcript.text)
        action = self.requests.take(said, run.on_event)  # "let's stop here": done, confirmed
        with speaking_rate(self.engines.voice, action):
            reply, line, practice = self._reply_and_speak(run, said, action)
        corrections = self._corrections(run, said, asked=action is not None)
        if not gate.wait(lambda: cancel.cancelled):
            raise TurnCancelled()
        cancel.commit()  # from here the turn is saved, whatever comes
        run.timings.heard(gate.opened_at)
        saved = self._save(run, transcript, said, corrections, reply)
        run.on_event(ev.TurnSaved(self.session_id, saved.turn_id, run.timings.as_dict()))
        if action is None:  # a request is no news to remember
            self._remember(saved.turn_id, transcript.text, corrections, line, practice)
        # Off the critical path: the reply is out and the turn saved.
        self.conversation.warm_up()
        act = self.conversation.last_act.act
        return TurnOutcome(
            session_id=self.session_id, turn_id=saved.turn_id, transcript=transcript,
            corrections=corrections, reply=reply,
            reply_audio=str(saved.reply_audio) if saved.reply_audio else None,
            learner_audio=str(saved.learner_audio) if saved.learner_audio else None,
            timings_ms=run.timings.ms, act=str(act), ends_session=act == Act.GOODBYE,
            actions=[action.as_json()] if action is not None and action.done else [],
        )

    # -- the stages of a turn ---------------------------------------------------------
    def _transcribe(self, run: _Run, text: str | None):
        """The learner's words: recognised from the audio, or as typed."""
        if run.pcm is not None:
            mark = time.monotonic()
            prompt = VERBATIM_PROMPT if self.engines.settings.verbatim else None
            try:
                # Cancelled mid-way, the recogniser stops at its next stage.
                transcript = self.engines.transcriber.transcribe(
                    run.pcm, initial_prompt=prompt, should_stop=lambda: run.cancel.cancelled)
            except TranscriptionStopped:
                raise TurnCancelled() from None
            run.timings.took("asr", mark)
        else:
            transcript = _typed_transcript(text or "")
        # Before the transcript is out: the end-of-turn policy would score it
        # with the chat model (Gate peek) for a turn nobody will hear.
        run.cancel.raise_if_cancelled()
        if not transcript.text.strip():
            raise AudioFileError("no speech was recognised in the recording",
                                 "speak closer to the microphone, or check the input device")
        run.on_event(ev.TranscriptReady(transcript))
        run.cancel.raise_if_cancelled()
        return transcript

    def _reply_and_speak(self, run: _Run, said: str, action=None) -> tuple[str, int, str]:
        """The reply, streamed and spoken sentence by sentence; with the line of
        the conversation it answers and the practice question woven into it."""
        # The first piece is cut at its first comma ("Oh no, | you lost your
        # wallet?"): the voice is heard once that short clause is rendered,
        # not the whole recast (docs/benchmarks.md).
        splitter = SentenceSplitter(first_clause_words=FIRST_CLAUSE_WORDS)
        speaker = run.speaker = _Speaker(self.engines.voice, self.speak, run)
        # The reply opens with a recast of the learner's line that repeats the
        # rules' certain fixes (milliseconds; the model's rewrite comes later).
        certain = self.engines.grammar.check(said)[0] \
            if self.policy.recasts and action is None else None
        llm_before = replace(self.engines.chat.stats)
        # The reply runs ahead on its own thread: the voice speaks the recast
        # while the model writes the follow-up question. The model waits for
        # the recast's first audio: on two cores it would slow the voice down,
        # and it has the recast's playing time to write.
        voice_started = threading.Event()
        if not self.speak:
            voice_started.set()
        line = len(self.conversation.history)
        practice = self.conversation.practice_question = self.weave.question(
            line, [replied for _, replied in self.conversation.history])
        pieces: list[str] = []
        reply_started = time.monotonic()
        source = action.pieces() if action is not None else self._reply(said, certain)
        # A question to the tutor: the model's first sentence is rendered with
        # the cores to itself too, then the model writes on while it plays.
        answering = (lambda: self.conversation.last_act.act == Act.TUTOR) \
            if action is None and self.speak else (lambda: False)
        for piece in ahead(source, name="tutor-reply", hold=voice_started,
                           hold_again=answering):
            if not pieces:
                run.timings.took("llm_first_token", reply_started)
            pieces.append(piece)
            run.on_event(ev.ReplyToken(piece))
            run.cancel.raise_if_cancelled()
            # A whole sentence (the model's are checked whole) is said now, not
            # when the next one is written: the splitter waits for the space after it.
            speaker.say(splitter.feed(piece + " " if _WHOLE_SENTENCE.search(piece) else piece))
            voice_started.set()  # the first piece is out (spoken, or held by the splitter)
        speaker.say(splitter.flush())
        slowly = self.conversation.last_report.say_slowly
        if slowly and self.speak:  # a pronunciation answer: the word again, slowly
            speaker.say_slowly(slowly)
        run.timings.took("llm_total", reply_started)
        run.timings.reply_done(self.engines.chat.stats.since(llm_before))
        reply = "".join(pieces).strip()
        if action is not None:
            self.requests.answered(said, reply, action)
        run.on_event(ev.ReplyDone(reply))
        run.cancel.raise_if_cancelled()  # the corrections can take seconds on 2 busy cores
        return reply, line, practice

    def _reply(self, said: str, certain: str | None):
        """The tutor's reply by what the learner is doing: one classification
        a turn, with the session's earlier lines as its context."""
        from app.tutor import acts  # lazy: the classifier may load a parser

        context = [line for pair in self.conversation.history for line in pair]
        act = acts.classify(said, context, self.engines.chat)
        if act.act == Act.REQUEST and self.handle_request is not None:
            text = self.handle_request(act)
            if text is not None:
                self.conversation.last_act = act
                self.conversation.history.append((said, text))
                yield text
                return
        yield from self.conversation.reply(said, corrected=certain, act=act)

    def _corrections(self, run: _Run, said: str, asked: bool = False):
        corrections, run.timings.ms["correction"] = self._correct(said, skip=asked)
        if not asked and not corrections.edits and self.conversation.last_act.act == Act.NEWS:
            self.conversation.clean_lines.append(said)  # what the goodbye can praise
        run.on_event(ev.CorrectionsReady(corrections))
        if not asked:
            self.requests.heard(said, corrections)
        return corrections

    def _save(self, run: _Run, transcript, said: str, corrections, reply: str):
        """Save the turn. A first turn writes its session row in its own
        transaction: one that fails to save (a full disk) leaves no empty
        session behind."""
        said_at = len(transcript.text) - len(said)  # where the answered part starts
        audio = run.speaker.audio if run.speaker else []
        first = None if self.session_id is not None else self._session_options
        saved = self.store.save_turn(TurnRecord(
            session_id=self.session_id or 0,
            transcript=transcript.text,
            words=[w.to_dict() for w in transcript.words],
            corrections=[CorrectionRecord(e.original, e.corrected, e.reason, e.kind, e.source,
                                          *_span_after(transcript.text, said_at, e.original))
                         for e in corrections.edits],
            reply=reply,
            learner_pcm=run.pcm,
            reply_pcm=np.concatenate(audio) if audio else None,
            reply_sample_rate=self.engines.voice.sample_rate,
            models=self.engines.model_names(),
            timings_ms=run.timings.ms,
            started_at=run.started_at,
            ended_at=datetime.now(timezone.utc),
            input_mode="voice" if run.pcm is not None else "text",
        ), new_session=first)
        self.session_id = saved.session_id
        return saved

    def _remember(self, turn_id: int, text: str, corrections, line: int,
                  practice: str) -> None:
        """Facts from the saved turn, and the practice question's follow-up."""
        self.memory.after_turn(self.session_id, turn_id, text, dates.today())
        asked = practice if self.conversation.last_report.source == "practice" else ""
        self._weave_after(turn_id, text, corrections, line, asked)

    def _weave_after(self, turn_id: int, text: str, corrections, line: int, asked: str) -> None:
        """This line answered the last turn's practice question: judged on the
        memory thread (a parse); this turn's own practice question is recorded."""
        pending = self.weave.take_pending()
        if pending is not None:
            question_id, kind = pending
            kinds = [e.kind for e in corrections.edits]
            self.memory.later(
                lambda: weave.judge(self.store, question_id, kind, turn_id, text, kinds))
        self.weave.after_turn(self.session_id, turn_id, line, asked)

    def _correct(self, text: str, skip: bool = False):
        """The corrections and how long they took; with the "off" style none are
        looked for (CorrectionPolicy.runs_corrector), so the turn pays nothing."""
        if skip or not self.policy.runs_corrector:
            from app.tutor.corrections import CorrectionResult

            return CorrectionResult(text, text), 0.0
        started = time.monotonic()
        # The reply may have asked the corrector about this very line already.
        result = self.conversation.correction_of(text) or self.engines.corrector.correct(text)
        return result, round((time.monotonic() - started) * 1000, 1)

    def warm_up(self) -> None:
        """Run each engine once so the first real turn is as fast as the rest:
        the tutor's fixed prompt is evaluated (and its KV state kept), the voice
        and the recogniser have run their first, slow inference, and the
        parsers are loaded."""
        from app.speech.types import SAMPLE_RATE

        self.conversation.warm_up()
        for _ in self.engines.voice.synthesize("Hello."):
            pass
        # A reply's first piece then sounds without waiting for the voice.
        self.engines.voice.keep(reply_first_pieces())
        noise = np.random.default_rng(0).normal(0, 0.01, SAMPLE_RATE).astype(np.float32)
        self.engines.transcriber.transcribe(noise)
        smart_turn = getattr(self.engines, "smart_turn", None)
        if smart_turn is not None:
            smart_turn.warm_up()  # the end-of-turn's ear for the voice (or a line: not installed)
        if isinstance(self.store, MemoryQueries):
            from app.memory import extract

            # The memory thread's own parser, loaded now: loading it on the
            # first saved turn holds Python's lock while the reply plays, long
            # enough to freeze the window (docs/benchmarks.md; the event loop
            # test, tests/ui/test_ui_conversation.py).
            extract.load()

    def opening(self, topic: str = "") -> str:
        """The session's first line: ``topic`` when the learner chose one on the
        home screen, else a follow-up on something remembered
        (app/memory/recall.py), else the scenario's own; the tutor's prompt
        gets the remembered facts. Reads the store: call it off the GUI thread."""
        from app.memory import recall

        scenario = self.conversation.scenario
        default = scenario.opening if isinstance(scenario, Scenario) else ""
        if not isinstance(self.store, MemoryQueries):
            return default
        scenario_id = scenario.id if isinstance(scenario, Scenario) else str(scenario)
        today = dates.today()
        said = topic or recall.opening_line(self.store, scenario_id, default, today).text
        self.weave.look()  # the mistake notebook, read here rather than during a turn
        self.conversation.opening = said
        self.conversation.memory = recall.prompt_facts(self.store, today)
        return said

    def end(self, summary: dict | None = None) -> None:
        self.memory.close()
        if self.session_id is not None:
            self.store.end_session(self.session_id, summary)


def freeze_loaded_heap() -> None:
    """Move everything loaded so far out of the garbage collector's sight: a full
    collection over the models' Python objects can take a few hundred ms, and
    whichever thread triggers it holds the GIL, stalling the window or a turn.
    Call it once the engines are loaded and warm (the window, the benchmark)."""
    import gc

    gc.collect()
    gc.freeze()


def reply_first_pieces() -> tuple[str, ...]:
    """What the voice is given first in a reply that opens with a recast or
    an acknowledgement (a recast opener as the splitter cuts it: "So,"), or
    with a request's confirmation ("Sure,")."""
    firsts = []
    for phrase in first_pieces() + tuple(CONFIRM.values()):
        splitter = SentenceSplitter(first_clause_words=FIRST_CLAUSE_WORDS)
        firsts.append((splitter.feed(phrase) + splitter.flush())[0])
    return tuple(dict.fromkeys(firsts))


def leading_silence_s(pcm: np.ndarray, sample_rate: int, threshold: float = 0.01) -> float:
    """Seconds before the first sample louder than ``threshold`` (about -40 dBFS)."""
    loud = np.flatnonzero(np.abs(pcm) > threshold)
    return (loud[0] if loud.size else len(pcm)) / sample_rate


def answered_part(text: str, limit: int = ANSWERED_WORDS) -> str:
    """The end of ``text`` that a turn answers: its last whole sentences within
    ``limit`` words, or the last ``limit`` words of a longer last sentence.
    Always a suffix of ``text``; all of it when it is short enough."""
    if len(text.split()) <= limit:
        return text
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    for start in starts:
        if len(text[start:].split()) <= limit:
            return text[start:]
    words = list(re.finditer(r"\S+", text))
    return text[words[-limit].start():]


def _span_after(text: str, start: int, original: str) -> tuple[int | None, int | None]:
    """Where a correction of the answered part sits in a longer transcript (its
    first occurrence in that part); none for a whole transcript, as before."""
    found = text.find(original, start) if start and original else -1
    return (found, found + len(original)) if found >= 0 else (None, None)


def _typed_transcript(text: str):
    from app.speech.types import Transcript

    return Transcript(text=text.strip(), words=(), duration_s=0.0)
