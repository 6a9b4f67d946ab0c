"""Speech recognition: Transcriber interface, Transcript/Word types, the
faster-whisper and openai-whisper backends, and weight conversion.

Importing this package loads no recognition library (torch, ctranslate2,
faster_whisper): each backend imports its own in ``load()``.
"""

from app.speech.factory import backend_versions, create_transcriber
from app.speech.types import SAMPLE_RATE, Transcriber, Transcript, Word

__all__ = [
    "SAMPLE_RATE",
    "Transcriber",
    "Transcript",
    "Word",
    "backend_versions",
    "create_transcriber",
]
