"""The engines one practice needs, created from Settings and loaded on demand.

Creating an :class:`Engines` is cheap; :meth:`Engines.load` loads every model
(seconds) and records how long each took, so the GUI can show progress and the
benchmark can report load times. ``Engines.from_settings(settings)`` builds the
real ones; ``Engines(transcriber=..., chat=..., voice=..., grammar=...,
corrector=..., scorer_model=...)`` takes any of them ready-made (a test's
fake, a model already loaded) and builds only the rest.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.config import Settings

if TYPE_CHECKING:
    from app.speech.types import Transcriber
    from app.tutor.chat import ChatModel
    from app.tutor.corrections import CorrectionResult
    from app.turntaking.smart_turn import SmartTurn
    from app.tutor.edits import Edit
    from app.voice.base import Voice


class GrammarRules(Protocol):
    """What a turn asks of the grammar rules (app.tutor.grammar.GrammarChecker)."""

    def load(self) -> None: ...

    def check(self, sentence: str) -> tuple[str, list[Edit]]:
        """The sentence with the rules' certain fixes, and the edits made."""
        ...


class SentenceCorrector(Protocol):
    """What a turn asks of the corrector (app.tutor.corrections.Corrector)."""

    def correct(self, text: str) -> CorrectionResult: ...


@dataclass
class Engines:
    settings: Settings = field(default_factory=Settings.from_env)
    transcriber: Transcriber = None  # type: ignore[assignment]  # built when not given
    chat: ChatModel = None  # type: ignore[assignment]
    voice: Voice = None  # type: ignore[assignment]
    load_ms: dict[str, float] = field(default_factory=dict)
    grammar: GrammarRules = None  # type: ignore[assignment]
    corrector: SentenceCorrector = None  # type: ignore[assignment]
    # Scores correction candidates and the end of a turn (see scoring_model).
    scorer_model: ChatModel = None  # type: ignore[assignment]
    # Hears whether the voice ended a turn (app.turntaking.smart_turn): made
    # here, loaded by the practice's warm-up; without its file it gives None.
    smart_turn: SmartTurn = None  # type: ignore[assignment]

    @classmethod
    def from_settings(cls, settings: Settings) -> Engines:
        """The engines the settings name, none of them loaded yet."""
        return cls(settings)

    def __post_init__(self) -> None:
        # OpenMP threads that spin while waiting collapse when anything else
        # wants the cores (docs/decisions/0008-thread-budgets.md): sleeping ones
        # leave them to whoever works. Set before any engine loads its OpenMP runtime
        # (CTranslate2, llama.cpp, torch).
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        from app.brain import review_model, with_measured_defaults

        # The review's writer when the measurement picked another model than
        # the tutor's (read before the tutor's pick fills the settings in).
        self.review_spec = review_model(self.settings)
        self._review_chat = None
        # The tutor and Whisper this machine's measurement picked, where the
        # learner chose none (app/brain.py).
        self.settings = s = with_measured_defaults(self.settings)
        if self.transcriber is None:
            from app.speech.factory import create_transcriber

            self.transcriber = create_transcriber(s.asr_backend, s.asr_model,
                                                  threads=asr_threads(s))
        if self.chat is None:
            from app.tutor.backends import create_chat_model

            self.chat = create_chat_model(s)
        if self.scorer_model is None:
            # SmolLM2, read as a language model: it scores correction candidates
            # and the end of a learner's turn, whose thresholds were tuned on it.
            self.scorer_model = scoring_model(self.chat, s)
        if self.grammar is None:
            from app.tutor.grammar import GrammarChecker

            self.grammar = GrammarChecker()
        if self.corrector is None:
            from app.tutor.corrections import Corrector

            self.corrector = Corrector(self.grammar, self.scorer_model)
        if self.smart_turn is None:
            from app.turntaking.smart_turn import SmartTurn  # cheap: loads nothing yet

            self.smart_turn = SmartTurn()
        if self.voice is None:
            from app.voice.factory import create_voice

            self.voice = create_voice(s.voice, threads=s.threads.tts, rate=s.speaking_rate)

    def stages(self) -> list[tuple[str, Callable[[], None]]]:
        """(name, load) for each model, in the order a turn needs them."""
        return [
            ("speech", self.transcriber.load),
            ("tutor", self.chat.load),
            ("corrections", self.scorer_model.load),
            ("grammar", self.grammar.load),
            ("voice", self.voice.load),
        ]

    def load(self, progress: Callable[[str, int, int], None] | None = None) -> None:
        stages = self.stages()
        for done, (name, load) in enumerate(stages):
            if progress:
                progress(name, done, len(stages))
            started = time.perf_counter()
            load()
            self.load_ms[name] = (time.perf_counter() - started) * 1000
        if progress:
            progress("ready", len(stages), len(stages))

    @property
    def review_chat(self):
        """The model that writes a session's fluent versions (app/fluent_review.py):
        the tutor's, unless this machine's measurement picked another for the
        review (app/brain.py). That one is made here, when first asked for, and
        loaded by the build (its load counts in the review's time); it shares
        weights with the tutor or the scorer when it is the same file."""
        if self.review_spec is None:
            return self.chat
        if self._review_chat is None:
            from app.models_catalog import resolve
            from app.tutor.backends import create_local_chat

            path = resolve(self.review_spec)
            for model in (self.chat, self.scorer_model):
                owner = getattr(model, "owner", model)
                known = getattr(owner, "path", None)
                if known is not None and _same_file(known, path):
                    self._review_chat = owner
                    break
            else:
                self._review_chat = create_local_chat(
                    self.settings.with_(llm_model=self.review_spec, llm_url=None))
        return self._review_chat

    @property
    def turn_end_model(self):
        """Whose P(end of message) the end of a turn reads (app.turntaking.turn_end):
        SmolLM2's, as the threshold was chosen on its scores. A chat server's
        view asks its local stand-in, and copes when that cannot load."""
        return self.chat if hasattr(self.chat, "fallback") else self.scorer_model

    def model_names(self) -> dict[str, str]:
        return {
            "asr": f"{self.transcriber.backend}:{self.transcriber.model_name}",
            "llm": self.chat.name,
            "voice": f"{self.voice.backend}:{_voice_name(self.voice)}",
        }


def scoring_model(chat, settings: Settings):
    """The model that scores correction candidates (and, beside a local
    tutor, the end of a turn): the embedded SmolLM2.

    The thresholds that decide an edit (app/tutor/gec/thresholds.py) are
    gains in SmolLM2's log-probability, tuned on JFLEG dev and checked on
    the do-no-harm corpus, and the end-of-turn threshold is a probability
    SmolLM2 gave; another model's scores are on another scale. So a learner
    who picks a larger tutor (or a chat server, whose API gives no
    log-probabilities) still has SmolLM2 score. When the tutor, or a
    server's local stand-in, is SmolLM2 itself, its weights are shared, with
    a prompt cache of its own so corrections never evict the tutor's
    evaluated prompt (see SharedWeightsChat for the numbers); otherwise
    SmolLM2 is loaded beside it (about 100 MB). A chat model that is neither
    (a test's fake) is used as it is.
    """
    from app.errors import ParleyError
    from app.models_catalog import resolve
    from app.tutor.backends import create_local_chat
    from app.tutor.chat import LlamaChatModel

    local = getattr(chat, "fallback", chat)  # a server's embedded stand-in
    owner = getattr(local, "owner", local)
    if not isinstance(owner, LlamaChatModel):
        return chat.with_own_cache("corrections")
    try:
        shared = owner.path.samefile(resolve(None))
    except (ParleyError, OSError):  # no SmolLM2 package: the tutor's own model scores
        shared = True
    if shared:
        return local.with_own_cache("corrections")
    # SmolLM2 as it would be the tutor: the same threads, GPU layers and context.
    return create_local_chat(settings.with_(llm_model=None)).with_own_cache("corrections")


def _same_file(one, other) -> bool:
    try:
        return Path(one).samefile(other)
    except OSError:
        return False


def _voice_name(voice) -> str:
    model = getattr(voice, "model_path", None)  # Piper: the .onnx file
    if model is not None:
        return Path(model).stem
    return getattr(voice, "voice_id", None) or "default"


def asr_threads(settings: Settings) -> int:
    """The recogniser's threads (a count the learner chose is used as given)."""
    if (settings.asr_backend == "openai-whisper" and settings.threads.asr <= 2
            and "asr" not in settings.threads.chosen):
        # PyTorch's second thread on 2 busy cores slows it down several times
        # over (docs/benchmarks.md); CTranslate2 does not.
        return 1
    return settings.threads.asr
