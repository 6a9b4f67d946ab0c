"""The model catalog: GGUFs joined from pip parts with a pinned hash, the model
list with sizes and measured speeds, and GPU offload in doctor."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import replace

import pytest

from app import models_catalog
from app.embedded import smollm2_gguf
from app.errors import ModelCorruptError, ModelMissingError
from app.models_catalog import QWEN_05B, PipPartsModel, build
from cli_helpers import run_app, run_json

pytestmark = pytest.mark.model  # loads a real model


@pytest.fixture
def parts(tmp_path, monkeypatch):
    """Three installed 'pip packages' holding slices of a small file."""
    site = tmp_path / "site"
    blob = os.urandom(3_000_000)
    slices = [blob[:1_000_000], blob[1_000_000:2_500_000], blob[2_500_000:]]
    for index, piece in enumerate(slices, start=1):
        package = site / f"fake_parts_{index}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{index:02d}.bin").write_bytes(piece)
    monkeypatch.syspath_prepend(str(site))
    return PipPartsModel(id="fake", title="Fake model", filename="fake.gguf",
                         modules=("fake_parts_1", "fake_parts_2", "fake_parts_3"),
                         size=len(blob), sha256=hashlib.sha256(blob).hexdigest(),
                         licence="test", extra="fake"), blob


def test_parts_are_joined_in_order_and_verified(parts, tmp_path):
    model, blob = parts
    built = build(model, tmp_path / "models")
    assert built.read_bytes() == blob
    assert not list((tmp_path / "models").glob("*.partial"))
    assert build(model, tmp_path / "models") == built  # the second time: nothing rebuilt


def test_a_wrong_hash_leaves_no_file_behind(parts, tmp_path):
    model, _ = parts
    with pytest.raises(ModelCorruptError) as caught:
        build(replace(model, sha256="0" * 64), tmp_path / "models")
    assert "pinned hash" in str(caught.value) and "--force-reinstall" in str(caught.value)
    assert not list((tmp_path / "models").iterdir())


def test_a_changed_file_is_hashed_again_and_rebuilt(parts, tmp_path):
    model, blob = parts
    built = build(model, tmp_path / "models")
    with built.open("r+b") as handle:
        handle.write(b"XXXX")  # damaged on disk after it was verified
    assert build(model, tmp_path / "models").read_bytes() == blob


def test_missing_parts_name_the_setup_option(tmp_path):
    model = replace(QWEN_05B, modules=("no_such_part_package_1",))
    with pytest.raises(ModelMissingError) as caught:
        build(model, tmp_path)
    assert "--with-qwen" in str(caught.value)


def test_resolve_takes_catalog_ids_and_paths(tmp_path):
    assert models_catalog.resolve(None) == smollm2_gguf().path
    assert models_catalog.resolve("smollm2-135m") == smollm2_gguf().path
    assert models_catalog.resolve(str(tmp_path / "x.gguf")) == tmp_path / "x.gguf"


@pytest.mark.slow
@pytest.mark.skipif(not QWEN_05B.installed(), reason="the qwen extra is not installed")
def test_the_real_qwen_parts_match_the_pinned_hash(tmp_path):
    built = build(QWEN_05B, tmp_path)
    assert built.stat().st_size == 491_400_064
    assert built.read_bytes()[:4] == b"GGUF"


def test_models_list_shows_sizes_and_measures_speed(parley_home, tmp_path):
    folder = tmp_path / "my-models"
    folder.mkdir()
    shutil.copy(smollm2_gguf().path, folder / "my-tutor.gguf")
    (folder / "broken.gguf").write_bytes(b"not a model at all" * 100)
    env = {"PARLEY_MODELS": str(folder), "PARLEY_THREADS": "2"}
    listed = run_json("models", "list", home=parley_home, env=env)
    by_spec = {row["spec"]: row for row in listed}
    assert by_spec["smollm2-135m"]["available"] and by_spec["smollm2-135m"]["size_mb"] > 50
    assert by_spec["qwen2.5-coder-0.5b"]["size_mb"] == pytest.approx(491.4, abs=0.1)
    mine = by_spec[str(folder / "my-tutor.gguf")]
    assert mine["available"] and mine["tokens_per_s"] is None
    # One timed question per tutor: the pick's own figures are tests/test_brain.py's.
    measured = run_json("models", "list", "--measure", "--questions", "1", home=parley_home,
                        env=env, timeout=600)
    speeds = {row["spec"]: row["tokens_per_s"] for row in measured if row["available"]}
    broken = next(row for row in measured if row["spec"].endswith("broken.gguf"))
    assert broken["tokens_per_s"] is None and "not measured" in broken["source"]
    assert speeds[str(folder / "my-tutor.gguf")] > 1
    again = {row["spec"]: row for row in run_json("models", "list", home=parley_home, env=env)}
    assert again[str(folder / "my-tutor.gguf")]["tokens_per_s"] == speeds[
        str(folder / "my-tutor.gguf")]  # remembered, with the file's size and mtime
    text = run_app("models", "list", home=parley_home, env=env)
    assert text.returncode == 0 and "tokens/s here" in text.stdout and "MB" in text.stdout


def test_doctor_shows_gpu_offload(parley_home):
    info = run_json("doctor", home=parley_home, env={"PARLEY_GPU_LAYERS": "-1"})
    tutor = info["tutor"]
    import llama_cpp

    supported = bool(llama_cpp.llama_supports_gpu_offload())
    assert tutor["gpu_offload_supported"] is supported
    assert tutor["n_gpu_layers"] == (-1 if supported else 0)
    text = run_app("doctor", home=parley_home,
                   env={"PARLEY_GPU_LAYERS": "0", "PARLEY_LLM_URL": "http://127.0.0.1:9/v1"})
    assert "GPU offload:" in text.stdout and "none (CPU)" in text.stdout
    assert "Tutor server: http://127.0.0.1:9/v1" in text.stdout


def test_install_refuses_an_unknown_id(parley_home):
    done = run_app("models", "install", "gpt-99", home=parley_home)
    assert done.returncode == 2 and "qwen2.5-coder-0.5b" in done.stderr


def test_server_options_reach_the_settings():
    from app.cli import build_parser
    from app.commands import settings_from

    args = build_parser().parse_args(["turn", "x.wav", "--llm-url", "http://h/v1",
                                      "--llm-model", "m"])
    settings = settings_from(args)
    assert (settings.llm_url, settings.llm_server_model) == ("http://h/v1", "m")
