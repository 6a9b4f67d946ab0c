"""Verbatim transcription: Whisper normally drops disfluencies;
:data:`VERBATIM_PROMPT`, passed as ``initial_prompt``, primes it to write them
out (the prompt's style is copied), so the review can count fillers."""

from __future__ import annotations

from typing import Any

VERBATIM_PROMPT = "Um, well, I mean, uh, you know, like, I was, er, hmm, thinking about it."


def transcribe_verbatim(transcriber: Any, audio: Any) -> Any:
    """Transcribe keeping the fillers (an app.speech Transcriber; returns its Transcript)."""
    return transcriber.transcribe(audio, initial_prompt=VERBATIM_PROMPT)
