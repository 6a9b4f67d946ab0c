"""CTranslate2 model.bin reading and conversion to openai-whisper checkpoints.

Quantized inputs are made by CTranslate2's own writer (its WhisperSpec,
optimize() and save()), so the reader is checked against the real format, not
against a writer of ours.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from app.embedded import whisper_tiny_en
from app.errors import ModelCorruptError, ModelMissingError, ParleyError
from app.speech.convert import convert_ct2_to_openai
from app.speech.ct2_format import read_model_bin
from app.speech.faster_backend import FasterWhisperTranscriber
from app.speech.wer import normalize

pytestmark = pytest.mark.model  # loads a real model

TINY = whisper_tiny_en().path


def quantize_with_ctranslate2(src: Path, dst: Path, quantization: str) -> Path:
    """Re-save a CTranslate2 Whisper folder with another weight type, as
    ct2-transformers-converter --quantization would."""
    from ctranslate2.specs import whisper_spec

    values = read_model_bin(src / "model.bin").variables

    def count(side: str) -> int:
        return sum(1 for n in values if re.fullmatch(rf"{side}/layer_\d+/ffn/linear_0/weight", n))

    spec = whisper_spec.WhisperSpec(
        count("encoder"),
        int(values["encoder/num_heads"]),
        count("decoder"),
        int(values["decoder/num_heads"]),
    )
    for name, array in values.items():
        if array.ndim == 0:
            continue  # scalars (heads, activation, ...) are set by the constructor
        node, (*scopes, leaf) = spec, name.split("/")
        for scope in scopes:  # "layer_3" -> .layer[3], "linear_0" -> .linear[0] or .linear_0
            if hasattr(node, scope):
                node = getattr(node, scope)
            else:
                base, index = scope.rsplit("_", 1)
                node = getattr(node, base)[int(index)]
        setattr(node, leaf, array)
    config = json.loads((src / "config.json").read_text())
    for key in ("alignment_heads", "suppress_ids", "suppress_ids_begin", "lang_ids"):
        setattr(spec.config, key, config.get(key))
    vocabulary = (src / "vocabulary.txt").read_text(encoding="utf-8").split("\n")
    spec.register_vocabulary(vocabulary[: values["decoder/embeddings/weight"].shape[0]])
    spec.validate()
    spec.optimize(quantization=quantization)
    dst.mkdir(parents=True)
    spec.save(str(dst))
    shutil.copy(src / "tokenizer.json", dst / "tokenizer.json")
    return dst


@pytest.fixture(scope="module")
def tiny_variables() -> dict[str, np.ndarray]:
    return read_model_bin(TINY / "model.bin").variables


@pytest.fixture(scope="module")
def tiny_int8(tmp_path_factory) -> Path:
    import ctranslate2  # noqa: F401  (installed with faster-whisper)
    return quantize_with_ctranslate2(TINY, tmp_path_factory.mktemp("ct2") / "tiny-int8", "int8")


def test_reads_the_embedded_float16_model(tiny_variables):
    model = read_model_bin(TINY / "model.bin")
    assert (model.spec_name, model.spec_revision) == ("WhisperSpec", 3)
    assert model.stored["decoder/embeddings/weight"] == "float16"
    # The alias shares its target's array.
    assert (
        tiny_variables["decoder/projection/weight"] is tiny_variables["decoder/embeddings/weight"]
    )
    assert tiny_variables["encoder/conv1/weight"].shape == (384, 80, 3)
    assert int(tiny_variables["decoder/num_heads"]) == 6


# Worst error relative to the tensor's largest weight: int8 keeps 1/254 of each
# row's range, int16 1/2048 of the tensor's, bfloat16 8 significant bits.
@pytest.mark.parametrize(
    "quantization, tolerance", [("int8", 0.005), ("int16", 0.001), ("bfloat16", 0.005)]
)
def test_dequantizes_what_ctranslate2_writes(tmp_path, tiny_variables, quantization, tolerance):
    import ctranslate2  # noqa: F401  (installed with faster-whisper)
    folder = quantize_with_ctranslate2(TINY, tmp_path / quantization, quantization)
    model = read_model_bin(folder / "model.bin")
    for name in (
        "encoder/conv2/weight",
        "decoder/layer_1/self_attention/linear_0/weight",
        "decoder/embeddings/weight",
    ):
        assert model.stored[name] == quantization, name
        original, restored = tiny_variables[name], model.variables[name]
        assert restored.dtype == np.float32 and restored.shape == original.shape
        assert np.abs(restored - original).max() <= tolerance * np.abs(original).max(), name


def test_converts_embedded_model(tmp_path):
    import torch
    dst = convert_ct2_to_openai(TINY, tmp_path / "sub" / "tiny.pt")
    assert dst == tmp_path / "sub" / "tiny.pt" and [p.name for p in dst.parent.iterdir()] == [
        "tiny.pt"
    ]
    checkpoint = torch.load(dst, weights_only=True)
    audio = {"n_mels": 80, "n_audio_ctx": 1500, "n_audio_state": 384, "n_audio_head": 6}
    text = {"n_vocab": 51864, "n_text_ctx": 448, "n_text_state": 384, "n_text_head": 6}
    assert checkpoint["dims"] == {**audio, "n_audio_layer": 4, **text, "n_text_layer": 4}
    assert checkpoint["alignment_heads"][0] == [1, 0] and len(checkpoint["alignment_heads"]) == 8
    state = checkpoint["model_state_dict"]
    assert (
        state["encoder.blocks.0.attn.query.weight"].dtype == torch.float16
    )  # lossless: stays half
    assert "encoder.blocks.0.attn.key.bias" not in state
    import whisper
    model = whisper.model.Whisper(whisper.model.ModelDimensions(**checkpoint["dims"]))
    assert set(state) == set(model.state_dict())  # nothing missing, nothing extra


def test_missing_or_non_ct2_source_is_a_clear_error(tmp_path):
    with pytest.raises(ModelMissingError, match="no CTranslate2 model"):
        convert_ct2_to_openai(tmp_path / "absent", tmp_path / "x.pt")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "README.md").write_text("not a model")
    with pytest.raises(ModelMissingError, match="no model.bin") as error:
        convert_ct2_to_openai(tmp_path / "notes", tmp_path / "x.pt")
    assert "model.bin" in error.value.fix
    with pytest.raises(ParleyError, match="is a folder"):
        convert_ct2_to_openai(TINY, tmp_path)
    assert not (tmp_path / "x.pt").exists()


def _header(spec_name: str, n_variables: int = 0) -> bytes:
    name = spec_name.encode() + b"\0"
    return (
        struct.pack("<I", 6)
        + struct.pack("<H", len(name))
        + name
        + struct.pack("<II", 1, n_variables)
    )


@pytest.mark.parametrize(
    "content, why",
    [
        (b"", "ends early"),
        (b"\x00" * 3, "ends early"),
        (bytes(range(256)) * 20, "format version"),
        (b"version https://git-lfs.github.com/spec/v1\n", "format version"),
        (_header("WhisperSpec", n_variables=5), "ends early"),
        ("half", "ends early"),
        (_header("TransformerSpec") + struct.pack("<I", 0), "not Whisper"),
        (_header("WhisperSpec") + struct.pack("<I", 0), "lacks the Whisper weight"),
    ],
)
def test_corrupt_model_bin_is_a_clear_error(tmp_path, content, why):
    folder = tmp_path / "model"
    folder.mkdir()
    if content == "half":  # a download cut in the middle of a weight
        data = (TINY / "model.bin").read_bytes()
        content = data[: len(data) // 2]
    (folder / "model.bin").write_bytes(content)
    with pytest.raises(ModelCorruptError, match=why) as error:
        convert_ct2_to_openai(folder, tmp_path / "out.pt")
    assert error.value.fix
    assert not (tmp_path / "out.pt").exists()


def test_int8_conversion_matches_faster_whisper_on_the_same_weights(
    tiny_int8, tmp_path, native_clips
):
    """int8 weights dequantized by us give the text CTranslate2 gives when it
    dequantizes them itself (compute_type float32)."""
    import whisper  # noqa: F401
    from app.speech.openai_backend import OpenAIWhisperTranscriber

    openai = OpenAIWhisperTranscriber(
        convert_ct2_to_openai(tiny_int8, tmp_path / "int8.pt"), threads=1
    )
    faster = FasterWhisperTranscriber(
        tiny_int8, threads=2, compute_type="float32", short_window=False
    )
    for clip in native_clips[:2]:
        audio, _ = sf.read(clip.wav, dtype="float32")
        assert normalize(openai.transcribe(audio).text) == normalize(
            faster.transcribe(audio).text
        ), clip.id
