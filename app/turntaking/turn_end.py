"""When has the learner finished? From sense, sound and their own habits.

A fixed silence (500 ms) ends a learner's turn in the middle of a sentence
whenever they stop to find a word, and still makes a finished sentence wait
half a second. Here the silence needed to end the turn depends on what was
said and how:

- **sense**: the chat model already loaded scores the partial transcript: the
  probability that the learner's message ends here, read from its next-token
  distribution as the chance of the chat template's end-of-message token
  (LiveKit's turn detector asks a fine-tuned model of the same family the same
  question). One short evaluation in a prompt cache of its own.
- **sound**: a trailing filler or a word that cannot end a sentence ("um",
  "and", "because", "the") means the learner is thinking; a pitch that falls
  at the end of the phrase means a statement is complete.
- **voice**: where the words sound unfinished and the learner's rhythm is
  not yet known, Pipecat's Smart Turn (:mod:`app.turntaking.smart_turn`, an
  audio model) hears whether the voice ended a turn all the same: a
  P(complete) of at least ``SOUNDS_COMPLETE`` waits ``SOUNDS_COMPLETE_MS``
  instead of ``THINKING_MS``;
- **habits**: the learner's usual long mid-sentence pause
  (:mod:`app.turntaking.rhythm`), learned from the word timings of their
  saved turns and, live, from every pause they go on after, sets how long an
  unfinished-sounding sentence waits.

A finished sentence ends the turn after ``FINISHED_MS`` of silence; one whose
words could end but only just (a score under ``SURE_END``) after
``HESITANT_MS``, without an early start; an unfinished one after the
learner's usual pause (``THINKING_MS`` until it is known, or
``SOUNDS_COMPLETE_MS`` when the voice sounds complete; at least 0.8 s, at
most the patience), and one that trails off after ``patience_ms``, the
learner's setting. Until the transcript is known (the speculative turn
started at the first pause is still recognising it) the turn waits, at most
``patience_ms``.

A finished sentence's reply may start to sound before its end, after
``EARLY_MS`` of silence (:meth:`TurnEndPolicy.early_ms`): if the learner goes
on before the end, the reply is taken back and the two parts are one turn
(app.turntaking.speculation). A learner who usually breathes longer than that
between two sentences of one turn waits longer, from their saved turns
(:func:`learned_early_ms`).

The speculative turn reports its transcript through the gate it runs behind
(:meth:`TurnEndPolicy.peek`), on its own worker thread, so the model's
evaluation runs between recognition and the reply's generation and never
beside them on the same cores. Smart Turn runs there too, and only for words
that sound unfinished, after the wait they ask for is already set: a sentence
that sounds finished never waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from app.audio.constants import ASR_RATE
from app.events import TranscriptReady
from app.turntaking.rhythm import Rhythm
from app.words import normalise

# Silence that ends a sentence that sounds finished. A shorter one splits a
# learner's breath between two sentences into two turns, and the second then
# barges in on the first (tests/ui/test_ui_conversation.py, pause talked
# through; docs/decisions/0003-end-of-turn-waits.md).
FINISHED_MS = 500
# Silence after which a finished sentence's reply may start to sound, before
# that end (see the module's doc): a breath that long only costs a reply
# taken back, not a turn split in two. No complete turn of the tuning set was
# taken back at 300 ms (docs/benchmarks.md, "Turn-taking").
EARLY_MS = 300
# Silence an unfinished sentence waits for while the learner's pauses are
# unknown (app.turntaking.rhythm): 1.2 s cut off the 1.2 s pauses of the
# boundary sets' dev split (docs/benchmarks.md).
THINKING_MS = 1600
PATIENCE_MS = 2500  # default most a trailing-off sentence waits (a learner's setting)
MIN_PATIENCE_MS, MAX_PATIENCE_MS = 800, 8000
# P(end of message | text) at or above which the sentence sounds finished:
# with SmolLM2-135M it best separates the tuning set's finished sentences from
# those stopped at a thinking pause (docs/decisions/0003-end-of-turn-waits.md).
# Falling pitch lowers it.
END_THRESHOLD = 0.25
FALLING_PITCH_FACTOR = 0.7
NO_MODEL_FALLING_MS = 500  # without a model's score, a falling pitch ends the turn after this
# Words that could end, but only just (docs/decisions/0011-patient-at-
# could-be-sentences.md; chosen on the dev split of the boundary sets,
# app/devtools/pause_sets.py --boundaries): a score from END_THRESHOLD up to
# SURE_END ends the turn after HESITANT_MS, with no early start. The voice's
# end (app.turntaking.prosody: final pitch and slope, final lengthening,
# loudness) was measured there and did not separate these from ends.
SURE_END = 0.45
HESITANT_MS = 900
# Words that sound unfinished in a voice that sounds complete (Smart Turn
# v3.2's P(complete) at least SOUNDS_COMPLETE) wait SOUNDS_COMPLETE_MS instead
# of THINKING_MS, while the learner's rhythm is unknown. On the boundary sets'
# dev split this takes the complete turns' end wait from 1320 to 1140 ms p95
# and cuts off no more paused files (33/138); 0.5 and 0.7 cut off 3-7 more,
# 0.95 gained nothing, and a 1.2 s wait cut off two 1.2 s pauses (heard as
# 1248 ms of silence; docs/decisions/0012-smart-turn-for-unfinished-words.md).
# 1.3 s left that silence 50 ms: through the window a learner's 1.2 s
# thinking pause was cut in two in 1 of 3 runs (tests/ui/
# test_ui_paused_learner.py, and once in CI); 1.4 s passed 5 of 5.
SOUNDS_COMPLETE = 0.8
SOUNDS_COMPLETE_MS = 1400

# Words a statement almost never ends on: the learner is still building it.
# (Not "her", "is", "that", "so": "the last time I saw her", "where the
# station is", "I like that", "I think so" are finished.)
TRAILING = frozenset("""
um uh er erm hmm mm uhm ah eh
and but or because cause cuz if although
the a an my your our their
to of in at with from into than""".split())
FILLERS = frozenset("um uh er erm hmm mm uhm ah eh".split())
# The model reads at most the last words of what was said. Reading is on the
# path to the reply and its cost grows with every token, so a long turn would
# wait hundreds of ms for its score and a minute's talk seconds. No transcript
# at a pause of the tuning set is longer than this, so none of its decisions
# changes (docs/benchmarks.md, "Turn-taking").
SCORED_WORDS = 16

Score = Callable[[str], "float | None"]  # P(end of message | text), None if unknown
# P(the turn is complete | the voice so far), None if unknown (app.turntaking.smart_turn)
VoiceScore = Callable[[np.ndarray], "float | None"]


def trails_off(text: str) -> bool:
    """A filler, a word no statement ends on, or Whisper's ellipsis."""
    words = normalise(text).split()
    return text.rstrip().endswith(("...", "\u2026")) or (bool(words) and words[-1] in TRAILING)


def scored_words(text: str, limit: int = SCORED_WORDS) -> str:
    """The end of ``text`` the model reads: its last ``limit`` words."""
    words = text.split()
    return " ".join(words[-limit:])


def asks(text: str) -> bool:
    """Whisper heard a question: its question mark comes from the intonation
    as much as the words, and a question is a finished turn."""
    return text.rstrip().endswith("?")


@dataclass(frozen=True)
class Evidence:
    text: str
    p_end: float | None  # None: no model score
    falling_pitch: bool | None
    trailing: bool
    silence_ms: float  # the silence this evidence asks for
    early_ms: float | None = None  # the silence after which the reply may sound, if sooner
    p_complete: float | None = None  # Smart Turn's, where it was asked


class TurnEndPolicy:
    """The silence, in ms, that ends the learner's current utterance.

    The endpointer calls :meth:`required_ms` on every quiet frame (mic
    thread); the speculative turn calls :meth:`peek` with its events (worker
    thread). A pause begins a new question (:meth:`begin`); each answer is
    tagged with its pause so a late one from a cancelled turn is ignored.
    ``voice``: Smart Turn's P(complete), asked where the words sound
    unfinished (None: never asked; TurnEndOptions gives it only while the
    learner's rhythm is unknown).
    """

    def __init__(self, score: Score | None = None, *, patience_ms: int = PATIENCE_MS,
                 thinking_ms: int = THINKING_MS, finished_ms: int = FINISHED_MS,
                 threshold: float = END_THRESHOLD, early_ms: int | None = EARLY_MS,
                 sure_end: float = SURE_END, hesitant_ms: int | None = None,
                 rhythm: Rhythm | None = None, voice: VoiceScore | None = None) -> None:
        self.score = score
        self.voice = voice
        self.sure_end = sure_end
        self.rhythm = rhythm  # told of each pause the learner went on after
        self.patience_ms = int(min(max(patience_ms, MIN_PATIENCE_MS), MAX_PATIENCE_MS))
        self.thinking_ms = min(thinking_ms, self.patience_ms)
        self.hesitant_ms = min(hesitant_ms if hesitant_ms is not None else HESITANT_MS,
                               self.patience_ms)
        self.finished_ms = finished_ms
        # None, or not sooner than the finished end: the reply waits for the end.
        self.finished_early_ms = early_ms if early_ms is not None and early_ms < finished_ms else None
        self.threshold = threshold
        self._lock = threading.Lock()
        self._pause = 0
        self._pcm: np.ndarray | None = None
        self._evidence: Evidence | None = None
        self.history: list[Evidence] = []  # what decided each pause (benchmarks print it)

    def begin(self, pcm: np.ndarray | None = None) -> int:
        """A pause began; ``pcm`` is the utterance so far. Returns its tag."""
        with self._lock:
            self._pause += 1
            self._pcm, self._evidence = pcm, None
            return self._pause

    def required_ms(self) -> float:
        with self._lock:
            return self._evidence.silence_ms if self._evidence else self.patience_ms

    def early_ms(self) -> float | None:
        """The silence after which the reply may start to sound before the end
        (None: it waits for the end), read by the endpointer like required_ms."""
        with self._lock:
            return self._evidence.early_ms if self._evidence else None

    def peek(self, tag: int) -> Callable[[object], None]:
        """A callback for the speculative turn's events (see Gate's ``peek``)."""

        def on_event(event) -> None:
            if isinstance(event, TranscriptReady) and event.transcript is not None:
                self.heard(tag, event.transcript.text, getattr(event.transcript, "words", None))

        return on_event

    def heard(self, tag: int, text: str, words=None) -> None:
        """The transcript of the utterance up to pause ``tag``. Runs on the
        speculative turn's thread: the pitch is measured here, never on the
        mic's or GUI's. (``words``, Whisper's, are not read: the final
        lengthening they tell did not help on the dev split.)"""
        with self._lock:
            if tag != self._pause:
                return  # the learner already went on: no model evaluation for it
            pcm = self._pcm
        trailing = trails_off(text)
        p_end = None
        if not trailing and asks(text):
            p_end = 1.0  # a question is finished: the model is not asked
        elif not trailing and self.score is not None:
            p_end = self.score(scored_words(text))
        falling = falling_pitch(pcm) if pcm is not None else None
        with self._lock:
            if tag != self._pause:
                return  # the learner went on; a later pause asks again
            silence, early = self.decide(text, p_end, falling)
            evidence = Evidence(text, p_end, falling, trailing, silence, early)
            self._evidence = evidence
            self.history.append(evidence)
            index = len(self.history) - 1
        if self.voice is None or pcm is None or not self.unfinished(text, p_end, falling):
            return
        # The unfinished wait is already set; the voice may shorten it.
        p_complete = self.voice(pcm)
        if p_complete is None:
            return
        with self._lock:
            if tag != self._pause:
                return
            silence, early = self.decide(text, p_end, falling, p_complete)
            evidence = Evidence(text, p_end, falling, trailing, silence, early, p_complete)
            self._evidence = self.history[index] = evidence

    def decide(self, text: str, p_end: float | None, falling: bool | None = None,
               p_complete: float | None = None) -> tuple[float, float | None]:
        """(the silence that ends the turn, the silence after which its reply
        may start to sound or None), from the words, the model's score, the
        pitch and, for words that sound unfinished, the voice's P(complete)
        (Smart Turn's; None: not asked).

        Words that could end here but only just (a score from the threshold
        up to ``sure_end``) wait ``hesitant_ms``, and their reply does not
        start early: that is where a learner stops to think after "I forgot
        my umbrella" (SmolLM2: 0.39). With ``sure_end`` at the threshold this
        is the policy before it."""
        if trails_off(text):
            return self.patience_ms, None
        if self.unfinished(text, p_end, falling):
            return self.unfinished_ms(p_complete), None
        if p_end is None:  # no model to ask (a chat server): the pitch alone, falling
            return NO_MODEL_FALLING_MS, None
        if asks(text):
            return self.finished_ms, self.finished_early_ms
        threshold = self.threshold * (FALLING_PITCH_FACTOR if falling else 1.0)
        if p_end < max(self.sure_end, threshold):
            return max(self.hesitant_ms, self.finished_ms), None
        return self.finished_ms, self.finished_early_ms

    def unfinished(self, text: str, p_end: float | None, falling: bool | None = None) -> bool:
        """Do the words (or, with no model, the pitch) sound unfinished, so the
        turn waits the thinking wait? (Not a trailing-off one: that waits the
        patience.)"""
        if trails_off(text):
            return False
        if p_end is None:
            return not falling
        if asks(text):
            return False
        return p_end < self.threshold * (FALLING_PITCH_FACTOR if falling else 1.0)

    def unfinished_ms(self, p_complete: float | None = None) -> float:
        """The thinking wait, shorter where the voice sounds complete."""
        if p_complete is not None and p_complete >= SOUNDS_COMPLETE:
            return min(self.thinking_ms, SOUNDS_COMPLETE_MS)
        return self.thinking_ms

    def resumed(self, pause_ms: float) -> None:
        """The learner went on after ``pause_ms`` of silence: one more of
        their pauses for the rhythm (mic thread)."""
        if self.rhythm is not None:
            self.rhythm.add(pause_ms)


def learned_thinking_ms(pauses_ms: Iterable[float], patience_ms: int = PATIENCE_MS) -> int:
    """The silence an unfinished sentence waits for, from the learner's own
    mid-sentence pauses: a little longer than nine in ten of them (at least
    MIN_THINKING_MS, so a learner who hardly pauses is answered sooner), at
    most their patience; THINKING_MS while too few are known."""
    return Rhythm(pauses_ms).wait_ms(THINKING_MS, patience_ms)


def learned_early_ms(breaths_ms: Iterable[float], finished_ms: int = FINISHED_MS) -> int | None:
    """The silence after which a finished sentence's reply may start to sound,
    from the breaths the learner takes between two sentences of one turn: longer
    than three in four of them, at least EARLY_MS; None (wait for the end)
    when that is no sooner than ``finished_ms``."""
    breaths = np.asarray([b for b in breaths_ms if b > 0], dtype=float)
    early = EARLY_MS
    if breaths.size >= 5:
        early = int(max(EARLY_MS, float(np.percentile(breaths, 75)) + 100))
    return early if early < finished_ms else None


def mid_sentence_pauses_ms(words: list[dict], min_ms: float = 150) -> list[float]:
    """Gaps between words of one saved turn that did not follow the end of a
    sentence: where the learner stopped to think."""
    return [gap for gap, after_sentence in _gaps_ms(words, min_ms) if not after_sentence]


def between_sentence_pauses_ms(words: list[dict], min_ms: float = 150) -> list[float]:
    """Gaps between words of one saved turn that followed the end of a
    sentence: the learner's breath before going on."""
    return [gap for gap, after_sentence in _gaps_ms(words, min_ms) if after_sentence]


def _gaps_ms(words: list[dict], min_ms: float) -> list[tuple[float, bool]]:
    gaps = []
    for before, after in zip(words, words[1:]):
        gap = (float(after.get("start", 0)) - float(before.get("end", 0))) * 1000
        if gap >= min_ms:
            gaps.append((gap, str(before.get("text", "")).strip().endswith((".", "?", "!"))))
    return gaps


def falling_pitch(pcm: np.ndarray, rate: int = ASR_RATE) -> bool | None:
    """Did the pitch fall over the last voiced stretch? None if too little voice.

    Autocorrelation F0 on 40 ms frames (75-400 Hz); the last three voiced
    frames against the median of the utterance's voiced frames.
    """
    pcm = np.asarray(pcm, dtype=np.float32).reshape(-1)[-int(2.5 * rate):]
    frame, hop = int(0.04 * rate), int(0.02 * rate)
    lo, hi = rate // 400, rate // 75
    if pcm.size < frame + 8 * hop:
        return None
    starts = np.arange(0, pcm.size - frame, hop)
    frames = pcm[starts[:, None] + np.arange(frame)]
    frames = frames - frames.mean(axis=1, keepdims=True)
    # Autocorrelation of every frame at once, through the FFT (the mic thread calls this).
    spectrum = np.fft.rfft(frames, n=2 * frame, axis=1)
    ac = np.fft.irfft(np.abs(spectrum) ** 2, axis=1)[:, :hi]
    energy = ac[:, 0]
    lags = lo + np.argmax(ac[:, lo:hi], axis=1)
    peak = ac[np.arange(len(lags)), lags]
    voiced = (energy > frame * 1e-5) & (peak > 0.5 * np.maximum(energy, 1e-12))
    f0 = list(rate / lags[voiced])
    if len(f0) < 8:
        return None
    return float(np.median(f0[-3:])) < 0.9 * float(np.median(f0))


@dataclass(frozen=True)
class TurnEndOptions:
    """How one learner's turns end: made once the models and the store are
    ready, a fresh :class:`TurnEndPolicy` for each utterance. ``rhythm``,
    when given, is the learner's pauses, learned on as they talk: it sets
    the thinking waits of each new utterance (``thinking_ms`` is then only
    the wait until enough pauses are known). ``voice``, Smart Turn's
    P(complete) (:class:`app.turntaking.smart_turn.SmartTurn`), shortens the
    thinking wait of a voice that sounds complete until then."""

    score: Score | None = None
    patience_ms: int = PATIENCE_MS
    thinking_ms: int = THINKING_MS
    early_ms: int | None = EARLY_MS
    rhythm: Rhythm | None = field(default=None, compare=False)
    voice: VoiceScore | None = field(default=None, compare=False)

    def waits_ms(self) -> tuple[int, int]:
        """(an unfinished sentence's wait, a finished-sounding one in a voice
        that goes on) for the next utterance: the learner's current patience."""
        patience = int(min(max(self.patience_ms, MIN_PATIENCE_MS), MAX_PATIENCE_MS))
        if self.rhythm is None:
            return min(self.thinking_ms, patience), min(HESITANT_MS, patience)
        # Until enough pauses are known the defaults; then the learner's own.
        return (self.rhythm.wait_ms(THINKING_MS, patience),
                self.rhythm.wait_ms(HESITANT_MS, patience))

    def sounds_finished_ms(self) -> int | None:
        """The shorter wait after unfinished words whose voice sounds finished
        (Smart Turn, while the learner's pauses are not yet known), or None
        when there is no such wait."""
        if self.voice is None or (self.rhythm is not None and self.rhythm.known):
            return None
        thinking = self.waits_ms()[0]
        return SOUNDS_COMPLETE_MS if SOUNDS_COMPLETE_MS < thinking else None

    def policy(self) -> TurnEndPolicy:
        thinking, hesitant = self.waits_ms()
        # The learner's own pauses, once known, say more than the voice's end.
        voice = self.voice if self.rhythm is None or not self.rhythm.known else None
        return TurnEndPolicy(self.score, patience_ms=self.patience_ms, thinking_ms=thinking,
                             hesitant_ms=hesitant, early_ms=self.early_ms, rhythm=self.rhythm,
                             voice=voice)


def turn_end_options(chat=None, store=None, patience_ms: int = PATIENCE_MS,
                     recent_sessions: int = 20, voice: VoiceScore | None = None
                     ) -> TurnEndOptions:
    """The chat model's score, the learner's usual pauses (in and
    between sentences) from the word timings of their last
    ``recent_sessions`` sessions' turns, and ``voice`` (Smart Turn's
    P(complete), Engines.smart_turn) as it is."""
    pauses: list[float] = []
    breaths: list[float] = []
    if store is not None:
        for session in store.list_sessions()[:recent_sessions]:
            for turn in store.turns(session.id):
                if turn.input_mode == "voice":
                    pauses += mid_sentence_pauses_ms(turn.words or [])
                    breaths += between_sentence_pauses_ms(turn.words or [])
    score = getattr(chat, "end_of_message_probability", None)
    return TurnEndOptions(score, patience_ms, learned_thinking_ms(pauses, patience_ms),
                          learned_early_ms(breaths), rhythm=Rhythm(pauses), voice=voice)
