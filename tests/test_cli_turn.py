"""`python -m app turn`: a whole practice turn on real models, saved to a real SQLite file."""

import shutil
import sqlite3

import numpy as np
import pytest
import soundfile as sf

from app.speech.wer import wer
from app.store import open_store
from cli_helpers import run_json

pytestmark = pytest.mark.model  # loads a real model

TIMINGS = {"asr", "correction", "llm_first_token", "llm_total", "tts_first_audio",
           "end_to_first_audio"}


def check_turn(result: dict, clip, home) -> None:
    assert set(result) >= {"session_id", "turn_id", "transcript", "words", "corrections",
                           "reply", "reply_audio", "timings_ms"}
    assert wer(clip.text_norm, result["transcript"]) <= 0.35, result["transcript"]
    assert result["words"] and all(w["start"] <= w["end"] for w in result["words"])
    assert result["reply"].strip()
    for c in result["corrections"]:
        assert set(c) == {"original", "corrected", "reason", "kind"}
    assert set(result["timings_ms"]) == TIMINGS
    assert all(isinstance(v, (int, float)) and v >= 0 for v in result["timings_ms"].values())

    reply, rate = sf.read(result["reply_audio"], dtype="float32")
    assert rate >= 16000 and len(reply) / rate > 0.5
    assert np.sqrt(np.mean(reply ** 2)) > 0.01  # audible, not silence

    # The turn is in a real SQLite file under PARLEY_HOME, with its audio.
    databases = list(home.glob("*.sqlite3"))
    assert databases
    with sqlite3.connect(databases[0]) as db:
        assert db.execute("select transcript from turns where id = ?",
                          (result["turn_id"],)).fetchone() == (result["transcript"],)
    with open_store(home) as store:
        turn = store.get_turn(result["turn_id"])
        assert turn.reply == result["reply"]
        assert turn.learner_audio.exists() and turn.reply_audio.exists()
        assert set(turn.timings_ms) >= TIMINGS


@pytest.mark.slow
def test_turn_on_real_speech(learner_clips, parley_home):
    clip = learner_clips[1]  # "My grandfather has lived in Florida all his life."
    result = run_json("turn", str(clip.wav), home=parley_home)
    check_turn(result, clip, parley_home)


@pytest.mark.slow
def test_turn_runs_with_the_network_unavailable(native_clips, parley_home):
    """Inside a new network namespace (only a downed loopback): proof nothing
    reaches out. -r maps the user to root so this works without sudo too."""
    assert shutil.which("unshare"), "unshare (util-linux) is needed for this test"
    clip = native_clips[0]
    result = run_json("turn", str(clip.wav), home=parley_home, prefix=("unshare", "-r", "-n"))
    check_turn(result, clip, parley_home)
