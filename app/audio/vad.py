"""Voice activity detection with Silero VAD (the ONNX model faster-whisper ships)
on a finished recording: :func:`speech_segments` and :func:`trim_silence`.

The live endpointer, which decides while the learner talks that they have
stopped, is :class:`app.turntaking.endpointer.Endpointer`; it runs the same
model through :func:`vad_session`, so live and offline agree.

faster_whisper (and with it onnxruntime) is imported only when a model is needed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from app.audio.constants import ASR_RATE as RATE
from app.audio.resample import resample


def vad_session() -> Any:
    # lru_cached in faster_whisper: one ONNX session (1 thread) per process.
    from faster_whisper.vad import get_vad_model  # lazy: loads faster-whisper

    return get_vad_model().session


def _mono16k(pcm: np.ndarray, sample_rate: int) -> np.ndarray:
    pcm = np.asarray(pcm, dtype=np.float32).reshape(-1)
    return resample(pcm, sample_rate, RATE) if sample_rate != RATE else pcm


def speech_segments(
    pcm: np.ndarray,
    sample_rate: int = RATE,
    threshold: float = 0.5,
    min_speech_ms: int = 250,
    min_silence_ms: int = 300,
    pad_ms: int = 100,
) -> list[tuple[float, float]]:
    """(start_s, end_s) of each stretch of speech in a recording."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps  # lazy: loads faster-whisper

    audio = _mono16k(pcm, sample_rate)
    if audio.size == 0:
        return []
    options = VadOptions(
        threshold=threshold,
        min_speech_duration_ms=min_speech_ms,
        min_silence_duration_ms=min_silence_ms,
        speech_pad_ms=pad_ms,
    )
    stamps = get_speech_timestamps(audio, vad_options=options, sampling_rate=RATE)
    return [(s["start"] / RATE, s["end"] / RATE) for s in stamps]


def trim_silence(pcm: np.ndarray, sample_rate: int = RATE, pad_ms: int = 150) -> np.ndarray:
    """pcm from just before the first speech to just after the last; empty if no speech."""
    pcm = np.asarray(pcm, dtype=np.float32).reshape(-1)
    segments = speech_segments(pcm, sample_rate, pad_ms=0)
    if not segments:
        return pcm[:0]
    pad = pad_ms / 1000
    start = max(0, int((segments[0][0] - pad) * sample_rate))
    end = min(pcm.size, int(np.ceil((segments[-1][1] + pad) * sample_rate)))
    return pcm[start:end]
