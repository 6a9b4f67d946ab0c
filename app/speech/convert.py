"""Turn a CTranslate2 Whisper folder (faster-whisper's format) into an
openai-whisper checkpoint, so both backends run the very same weights.

The checkpoint is ``{"dims": {...}, "model_state_dict": {...}}`` as
``whisper.load_model`` expects, plus ``"alignment_heads"``: the (layer, head)
pairs from the folder's config.json, which word timestamps need and which
openai-whisper only knows for its own downloads.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import numpy as np

from app.errors import ModelCorruptError, ParleyError
from app.speech.ct2_format import Ct2Model, model_bin_of, read_model_bin

_LAYER = re.compile(r"^(encoder|decoder)/layer_(\d+)/")

# Per-layer sub-modules: CTranslate2 scope -> openai-whisper module (not fused ones).
_LAYER_PARTS = {
    "self_attention/linear_1": "attn.out",
    "self_attention/layer_norm": "attn_ln",
    "attention/linear_0": "cross_attn.query",
    "attention/linear_2": "cross_attn.out",
    "attention/layer_norm": "cross_attn_ln",
    "ffn/linear_0": "mlp.0",
    "ffn/linear_1": "mlp.2",
    "ffn/layer_norm": "mlp_ln",
}
_TOP_PARTS = {
    "encoder/conv1": "encoder.conv1",
    "encoder/conv2": "encoder.conv2",
    "encoder/layer_norm": "encoder.ln_post",
    "decoder/layer_norm": "decoder.ln",
}


def convert_ct2_to_openai(src: Path, dst: Path) -> Path:
    """Read ``src`` (a CTranslate2 Whisper folder or its model.bin) and write an
    openai-whisper checkpoint to ``dst`` (a .pt file), atomically. Returns ``dst``.

    Raises ModelMissingError when ``src`` has no model.bin, ModelCorruptError when
    it is unreadable or not a Whisper model.
    """
    src, dst = Path(src), Path(dst)
    model_bin = model_bin_of(src)
    if dst.is_dir():
        raise ParleyError(f"{dst} is a folder", "give the checkpoint's file name, ending in .pt")
    model = read_model_bin(model_bin)
    if model.spec_name != "WhisperSpec":
        raise ModelCorruptError(
            f"{model_bin} is a CTranslate2 {model.spec_name} model, not Whisper",
            "give a faster-whisper (CTranslate2 Whisper) model folder",
        )
    try:
        dims, state = _map_weights(model)
    except KeyError as missing:
        raise ModelCorruptError(
            f"{model_bin} lacks the Whisper weight {missing}", "re-download or re-convert the model"
        ) from None
    checkpoint = {
        "dims": dims,
        "model_state_dict": state,
        "alignment_heads": _alignment_heads(model_bin.parent / "config.json"),
    }
    _save_atomically(checkpoint, dst)
    return dst


def _map_weights(model: Ct2Model) -> tuple[dict[str, int], dict]:
    import torch  # lazy: loads torch

    v, stored = model.variables, model.stored
    state: dict[str, torch.Tensor] = {}

    def put(key: str, name: str, rows: slice | None = None) -> None:
        array = v[name] if rows is None else v[name][rows]
        tensor = torch.from_numpy(np.ascontiguousarray(array))
        # float16 stays float16 (lossless, half the size, like OpenAI's own
        # checkpoints); dequantized and float32 weights stay float32.
        state[key] = tensor.half() if stored[name] == "float16" else tensor.float()

    def linear_or_norm(scope: str, target: str) -> None:
        # Every Whisper linear layer, convolution and layer norm has both
        # parameters; a missing one raises KeyError (-> ModelCorruptError).
        weight, bias = ("weight", "bias") if f"{scope}/weight" in v else ("gamma", "beta")
        put(f"{target}.weight", f"{scope}/{weight}")
        put(f"{target}.bias", f"{scope}/{bias}")

    def fused(scope: str, targets: tuple[str, ...]) -> None:
        # q,k,v (or k,v) are stacked along the output dimension. The key bias is
        # dropped: Whisper's key projection has none, and a key bias adds the same
        # q.b to every score of a row, which softmax ignores, so nothing is lost.
        n = len(targets)
        width = v[f"{scope}/weight"].shape[0] // n
        for i, target in enumerate(targets):
            rows = slice(i * width, (i + 1) * width)
            put(f"{target}.weight", f"{scope}/weight", rows=rows)
            if not target.endswith(".key"):
                put(f"{target}.bias", f"{scope}/bias", rows=rows)

    for scope, target in _TOP_PARTS.items():
        linear_or_norm(scope, target)
    put("encoder.positional_embedding", "encoder/position_encodings/encodings")
    put("decoder.positional_embedding", "decoder/position_encodings/encodings")
    # The output projection is tied to this embedding in openai-whisper.
    put("decoder.token_embedding.weight", "decoder/embeddings/weight")

    layers = {"encoder": set(), "decoder": set()}
    for name in v:
        match = _LAYER.match(name)
        if match:
            layers[match[1]].add(int(match[2]))
    for side, indices in layers.items():
        for i in sorted(indices):
            scope, block = f"{side}/layer_{i}", f"{side}.blocks.{i}"
            fused(
                f"{scope}/self_attention/linear_0",
                (f"{block}.attn.query", f"{block}.attn.key", f"{block}.attn.value"),
            )
            if side == "decoder":
                fused(
                    f"{scope}/attention/linear_1",
                    (f"{block}.cross_attn.key", f"{block}.cross_attn.value"),
                )
            for part, module in _LAYER_PARTS.items():
                if side == "decoder" or not part.startswith("attention/"):  # cross-attention
                    linear_or_norm(f"{scope}/{part}", f"{block}.{module}")

    conv1 = v["encoder/conv1/weight"]
    embedding = v["decoder/embeddings/weight"]
    dims = {
        "n_mels": int(conv1.shape[1]),
        "n_audio_ctx": int(v["encoder/position_encodings/encodings"].shape[0]),
        "n_audio_state": int(conv1.shape[0]),
        "n_audio_head": _heads(v, "encoder", int(conv1.shape[0])),
        "n_audio_layer": len(layers["encoder"]),
        "n_vocab": int(embedding.shape[0]),
        "n_text_ctx": int(v["decoder/position_encodings/encodings"].shape[0]),
        "n_text_state": int(embedding.shape[1]),
        "n_text_head": _heads(v, "decoder", int(embedding.shape[1])),
        "n_text_layer": len(layers["decoder"]),
    }
    return dims, state


def _heads(v: dict[str, np.ndarray], side: str, width: int) -> int:
    # Current converters store it as a scalar; otherwise use Whisper's 64-wide heads.
    found = v.get(f"{side}/num_heads")
    return int(found) if found is not None else width // 64


def _alignment_heads(config: Path) -> list[list[int]] | None:
    """The [layer, head] pairs that follow the words best (None: openai-whisper's default)."""
    try:
        heads = json.loads(config.read_text(encoding="utf-8")).get("alignment_heads")
    except (OSError, ValueError, AttributeError):
        return None  # word timings fall back to the last half of the decoder layers
    try:
        return [[int(layer), int(head)] for layer, head in heads] or None
    except (TypeError, ValueError):
        return None


def _save_atomically(checkpoint: dict, dst: Path) -> None:
    """Write to a temporary file beside ``dst`` and rename it, so a crash or a
    second process never leaves (or reads) a half-written checkpoint."""
    import torch  # lazy: loads torch

    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=dst.name + ".", suffix=".tmp", dir=dst.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            torch.save(checkpoint, file)
        os.replace(tmp, dst)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
