"""Settings and paths, in one place.

Engines take a :class:`Settings` value; nothing here imports Qt or loads a model.
Environment variables override the defaults so tests and power users can point
Parley at other models and another data folder:

- ``PARLEY_HOME``: data folder (sessions, audio, database). Default: the
  platform's user-data folder.
- ``PARLEY_ASR_MODEL``: a CTranslate2 Whisper folder (faster-whisper) or a
  ``.pt`` checkpoint (openai-whisper).
- ``PARLEY_ASR_BACKEND``: ``faster-whisper`` (default) or ``openai-whisper``.
- ``PARLEY_LLM_MODEL``: any GGUF chat model, or a catalog id such as
  ``qwen2.5-coder-0.5b`` (``python -m app models list``).
- ``PARLEY_LLM_URL``, ``PARLEY_LLM_SERVER_MODEL``, ``PARLEY_LLM_KEY``: an
  OpenAI-compatible server (Ollama, llama-server, LM Studio, vLLM) to use
  instead, e.g. ``http://127.0.0.1:11434/v1``; the local model stands in when
  it is down or slow. ``PARLEY_LLM_TIMEOUT``: seconds it may take (default 15).
- ``PARLEY_MODELS``: the folder of the learner's own models (default: the
  data folder's ``models``).
- ``PARLEY_VOICE``: ``piper`` (default), ``pyttsx3``, a Piper ``.onnx`` voice
  file, or ``pyttsx3:<voice id>``.
- ``PARLEY_THREADS``: the cores Parley may use in all (default: all of them).
- ``PARLEY_ASR_THREADS``, ``PARLEY_LLM_THREADS``, ``PARLEY_TTS_THREADS``: one
  engine's threads (default 0: its share of those cores, ThreadBudget.for_cores).
- ``PARLEY_GPU_LAYERS``: chat-model layers to offload to a GPU (default -1:
  all of them when llama.cpp was built with GPU support, else none; 0: CPU).
- ``PARLEY_VERBATIM=1``: keep fillers (um, uh) in transcripts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

ASR_BACKENDS = ("faster-whisper", "openai-whisper")
# Turn-taking. A turn ends after HANGOVER_MS of silence: a shorter silence
# cuts readers off mid-sentence on the test recordings. The turn's work starts
# speculatively after PAUSE_MS of silence (app/turntaking/): two quiet 32 ms
# VAD frames answer sooner than four, and one frame alone starts too many
# turns that are then thrown away (docs/benchmarks.md, the speech fixtures).
HANGOVER_MS = 500
PAUSE_MS = 64
VOICE_BACKENDS = ("piper", "pyttsx3")


def models_home() -> Path:
    """The learner's own models, and those Parley builds from pip parts."""
    explicit = os.environ.get("PARLEY_MODELS")
    return Path(explicit).expanduser() if explicit else data_home() / "models"


def data_home() -> Path:
    """The folder that holds the database and recordings (created on demand)."""
    explicit = os.environ.get("PARLEY_HOME")
    if explicit:
        return Path(explicit).expanduser()
    return Path(platformdirs.user_data_dir("Parley", appauthor=False))


@dataclass(frozen=True)
class ThreadBudget:
    """Threads per engine. Engines that overlap on few cores starve each other
    (llama.cpp all but stops when it shares its cores:
    docs/decisions/0008-thread-budgets.md), so the budgets add up to the cores
    available instead of each engine taking all."""

    asr: int
    llm: int
    tts: int
    # Engines whose count was chosen (a setting, PARLEY_*_THREADS, bench
    # --llm-threads) rather than derived from the cores: kept as given.
    chosen: frozenset[str] = frozenset()

    def choose(self, asr: int = 0, llm: int = 0, tts: int = 0) -> "ThreadBudget":
        """These engines' counts as given; 0 keeps the derived one."""
        given = {name: value for name, value in (("asr", asr), ("llm", llm), ("tts", tts))
                 if value > 0}
        return replace(self, **given, chosen=self.chosen | frozenset(given))

    @classmethod
    def for_cores(cls, cores: int) -> "ThreadBudget":
        cores = max(1, cores)
        if cores <= 2:
            # Recognition and generation run one after the other within a turn,
            # so each may use every core; synthesis overlaps generation and gets
            # one thread.
            return cls(asr=cores, llm=cores, tts=1)
        llm = max(2, cores // 2)
        return cls(asr=max(1, cores - llm), llm=llm, tts=max(1, cores // 4))


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip().lstrip("-").isdigit() else default


def _cores() -> int:
    explicit = _int_env("PARLEY_THREADS", 0)
    if explicit > 0:
        return explicit
    return affinity_cores()


def affinity_cores() -> int:
    """The cores this process may run on (taskset and CPU sets count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 2


def thread_budget(asr: int = 0, llm: int = 0, tts: int = 0,
                  cores: int | None = None) -> ThreadBudget:
    """Each engine's threads: PARLEY_<ENGINE>_THREADS, else the count given
    (a setting; 0: automatic), else its share of ``cores`` (default: the
    cores available, or PARLEY_THREADS)."""
    return ThreadBudget.for_cores(cores or _cores()).choose(
        asr=_int_env("PARLEY_ASR_THREADS", 0) or asr,
        llm=_int_env("PARLEY_LLM_THREADS", 0) or llm,
        tts=_int_env("PARLEY_TTS_THREADS", 0) or tts)


@dataclass(frozen=True)
class Settings:
    """What the engines need to know. ``None`` model paths mean the embedded default."""

    asr_backend: str = "faster-whisper"
    asr_model: str | None = None
    llm_model: str | None = None
    voice: str = "piper"
    speaking_rate: float = 1.0
    # Whisper drops "um" and "uh" unless its prompt contains them; verbatim
    # keeps them, so the review can count fillers.
    verbatim: bool = False
    n_gpu_layers: int = -1  # automatic: all layers if llama.cpp can offload, else 0
    llm_context: int = 2048
    # An OpenAI-compatible server instead of the in-process model (None: none).
    llm_url: str | None = None
    llm_server_model: str | None = None  # None: the first model the server lists
    llm_api_key: str | None = None
    llm_timeout_s: float = 15.0
    # Most silence a sentence that trails off ("and then I...", "um") waits
    # before the tutor answers (app/turntaking/turn_end.py).
    patience_ms: int = 2500
    threads: ThreadBudget = field(default_factory=lambda: ThreadBudget.for_cores(_cores()))
    home: Path = field(default_factory=data_home)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        env = os.environ
        values = dict(
            asr_backend=env.get("PARLEY_ASR_BACKEND") or "faster-whisper",
            asr_model=env.get("PARLEY_ASR_MODEL") or None,
            llm_model=env.get("PARLEY_LLM_MODEL") or None,
            voice=env.get("PARLEY_VOICE") or "piper",
            n_gpu_layers=_int_env("PARLEY_GPU_LAYERS", -1),
            llm_url=env.get("PARLEY_LLM_URL") or None,
            llm_server_model=env.get("PARLEY_LLM_SERVER_MODEL") or None,
            llm_api_key=env.get("PARLEY_LLM_KEY") or None,
            llm_timeout_s=float(_int_env("PARLEY_LLM_TIMEOUT", 15)),
            verbatim=env.get("PARLEY_VERBATIM", "") not in ("", "0"),
            patience_ms=_int_env("PARLEY_PATIENCE_MS", 2500),
            threads=thread_budget(),
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)
