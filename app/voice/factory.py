"""Build the voice a settings string names (``PARLEY_VOICE`` / Settings.voice).

Only the chosen backend's module is imported, and nothing is loaded: call
``voice.load()`` when the cost is acceptable.
"""

from __future__ import annotations

from app.errors import ModelMissingError
from app.voice.base import Voice

_SPECS = "'piper', 'pyttsx3', 'pyttsx3:<voice id>' or the path of a Piper .onnx voice"


def create_voice(spec: str = "piper", threads: int = 1, rate: float = 1.0) -> Voice:
    """spec: "piper" (embedded default), "pyttsx3", "pyttsx3:<voice id>", or a .onnx path."""
    spec = (spec or "piper").strip()
    lowered = spec.lower()
    if lowered == "piper":
        from app.voice.piper_voice import PiperTTS  # lazy: loads numpy

        return PiperTTS(threads=threads, rate=rate)
    if lowered == "pyttsx3" or lowered.startswith("pyttsx3:"):
        from app.voice.pyttsx3_voice import Pyttsx3Voice  # lazy: loads numpy

        voice_id = spec.split(":", 1)[1].strip() if ":" in spec else None
        return Pyttsx3Voice(voice_id=voice_id or None, rate=rate)
    if lowered.endswith(".onnx") or "/" in spec or "\\" in spec:
        from app.voice.piper_voice import PiperTTS  # lazy: loads numpy

        # A missing file is reported by load(), with its fix, like any model.
        return PiperTTS(model_path=spec, threads=threads, rate=rate)
    raise ModelMissingError(f"unknown voice '{spec}'", f"set PARLEY_VOICE to {_SPECS}")
