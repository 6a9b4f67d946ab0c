"""What every speech recogniser gives and takes, independent of its library.

Nothing here imports a recognition library: the UI, the tutor and the store
depend on these types only, and a backend's heavy imports happen in its
``load()``.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.audio.constants import ASR_RATE as SAMPLE_RATE  # Whisper's only input rate

# Asked between the stages of a transcription: True stops it (the turn it was
# for was cancelled: the learner went on talking after a pause).
ShouldStop = Callable[[], bool]


class TranscriptionStopped(Exception):
    """``should_stop`` said so: the transcription ended unfinished."""


def stop_if(should_stop: ShouldStop | None) -> None:
    if should_stop is not None and should_stop():
        raise TranscriptionStopped()


@dataclass(frozen=True)
class Word:
    """One recognised word; times in seconds from the start of the audio."""

    text: str
    start: float
    end: float
    probability: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Word:
        return cls(
            str(data["text"]), float(data["start"]), float(data["end"]), float(data["probability"])
        )


@dataclass(frozen=True)
class Transcript:
    """The text of one utterance, with its words when the backend gives them."""

    text: str
    words: tuple[Word, ...]
    duration_s: float
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "words": [w.to_dict() for w in self.words],
            "duration_s": self.duration_s,
            "language": self.language,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transcript:
        return cls(
            text=str(data["text"]),
            words=tuple(Word.from_dict(w) for w in data.get("words", ())),
            duration_s=float(data["duration_s"]),
            language=str(data.get("language", "en")),
        )


def make_word(text: str, start: float, end: float, probability: float) -> Word:
    """A Word from a backend's raw values. Whisper's words carry their leading
    space; the clamps guard against rounding (end a hair before start)."""
    start, end = float(start), float(end)
    return Word(text.strip(), start, max(start, end), min(1.0, max(0.0, float(probability))))


def as_mono_float32(audio: np.ndarray) -> np.ndarray:
    """Check the audio contract: 1-D float32 at 16 kHz, samples in [-1, 1].

    Wrong shapes are a programming error (ValueError), not a user's: the audio
    package turns files and microphones into this form.
    """
    array = np.asarray(audio)
    if array.ndim != 1:
        raise ValueError(f"expected mono audio (1-D array), got shape {array.shape}")
    if array.dtype.kind != "f":
        raise ValueError(f"expected float samples in [-1, 1], got dtype {array.dtype}")
    return np.ascontiguousarray(array, dtype=np.float32)


class Transcriber(ABC):
    """A speech recogniser. Constructors only record settings; :meth:`load`
    reads the model (seconds, so the UI calls it from a worker and can show
    progress), and :meth:`transcribe` loads on first use if nobody did."""

    backend: str = ""

    def __init__(
        self,
        model_path: Path,
        *,
        threads: int,
        device: str = "cpu",
        beam_size: int = 1,
        name: str | None = None,
    ) -> None:
        if threads < 1:
            raise ValueError("threads must be at least 1")
        if beam_size < 1:
            raise ValueError("beam_size must be at least 1")
        self.model_path = Path(model_path)
        self.threads = threads
        self.device = device
        self.beam_size = beam_size
        self._name = name
        self._lock = threading.Lock()  # one load, even if two workers ask at once
        self._loaded = False

    @property
    def model_name(self) -> str:
        """A short name for display: the one given (e.g. "tiny.en"), else the
        file's stem or the folder's name."""
        if self._name:
            return self._name
        return self.model_path.stem if self.model_path.suffix == ".pt" else self.model_path.name

    @property
    def loaded(self) -> bool:
        return self._loaded

    def load(self) -> None:
        """Read the model into memory (idempotent). Raises ModelMissingError or
        ModelCorruptError with a fix line."""
        with self._lock:
            if not self._loaded:
                self._load()
                self._loaded = True

    def transcribe(self, audio: np.ndarray, initial_prompt: str | None = None, *,
                   should_stop: ShouldStop | None = None) -> Transcript:
        """Recognise English speech in ``audio`` (float32 mono 16 kHz in [-1, 1]).
        ``initial_prompt`` primes spelling and style (e.g. names in a scenario).
        ``should_stop`` is asked between stages (faster-whisper: before the
        encoder, the decoder, the word alignment and each segment); once it
        says True the work stops there with :class:`TranscriptionStopped`."""
        samples = as_mono_float32(audio)
        duration = len(samples) / SAMPLE_RATE
        if len(samples) == 0:
            return Transcript("", (), 0.0)
        stop_if(should_stop)
        self.load()
        transcript = self._transcribe(samples, initial_prompt or None, duration, should_stop)
        stop_if(should_stop)
        return transcript

    @abstractmethod
    def _load(self) -> None: ...

    @abstractmethod
    def _transcribe(
        self, audio: np.ndarray, initial_prompt: str | None, duration_s: float,
        should_stop: ShouldStop | None = None,
    ) -> Transcript: ...

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(model_path={str(self.model_path)!r}, threads={self.threads}, "
            f"device={self.device!r}, beam_size={self.beam_size})"
        )
