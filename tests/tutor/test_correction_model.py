"""Corrections and the end of a turn are scored by the embedded SmolLM2,
whichever tutor the learner picks.

The thresholds that accept an edit are gains in SmolLM2's log-probability
(tuned on JFLEG dev, checked on the do-no-harm corpus); another model's gains
are on another scale. A larger tutor used to score corrections itself, with
SmolLM2's thresholds, and a chat server left only the curated rules.
"""

import shutil

import pytest

from app.config import Settings
from app.embedded import smollm2_gguf
from app.engines import Engines

pytestmark = pytest.mark.model  # loads a real model

WRONG = "She go to school every day."
RIGHT = "I have to go now, thank you."


@pytest.fixture(scope="module")
def default_engines(tmp_path_factory):
    engines = Engines(Settings.from_env(home=tmp_path_factory.mktemp("default")))
    engines.scorer_model.load()
    engines.grammar.load()
    return engines


def test_the_default_tutor_shares_its_weights_with_corrections(default_engines):
    assert default_engines.scorer_model.owner is default_engines.chat
    assert default_engines.corrector.use_model


def test_another_tutor_model_leaves_the_scoring_to_smollm2(default_engines, tmp_path):
    # A GGUF of its own stands for the larger model the learner picked (Qwen is
    # an optional download): any file that is not the embedded one.
    other = tmp_path / "my-larger-tutor.gguf"
    shutil.copyfile(smollm2_gguf().path, other)
    engines = Engines(Settings.from_env(home=tmp_path, llm_model=str(other)))

    scorer = engines.scorer_model.owner
    assert scorer is not engines.chat and scorer.path.samefile(smollm2_gguf().path)
    assert "corrections" in dict(engines.stages())
    engines.scorer_model.load()
    engines.grammar.load()
    assert not engines.chat.loaded  # scoring never needed the tutor's model
    for sentence in (WRONG, RIGHT):
        mine = engines.corrector.correct(sentence)
        default = default_engines.corrector.correct(sentence)
        assert mine.corrected == default.corrected
    assert engines.corrector.correct(WRONG).corrected == "She goes to school every day."
    assert engines.corrector.correct(RIGHT).corrected == RIGHT
    # The end of a turn reads SmolLM2's score too: its threshold was chosen on it.
    finished = "I lost my wallet on the bus this morning."
    assert engines.turn_end_model.end_of_message_probability(finished) == pytest.approx(
        default_engines.chat.end_of_message_probability(finished), abs=1e-6)
    assert not engines.chat.loaded


def test_a_chat_server_keeps_the_scored_corrections(default_engines, tmp_path):
    # Nothing listens on this port: corrections never ask the server.
    settings = Settings.from_env(home=tmp_path, llm_url="http://127.0.0.1:9/v1")
    engines = Engines(settings)

    assert engines.scorer_model.owner is engines.chat.fallback
    assert engines.corrector.use_model  # before: the curated rules alone
    engines.scorer_model.load()
    engines.grammar.load()
    result = engines.corrector.correct(WRONG)
    assert result.corrected == default_engines.corrector.correct(WRONG).corrected
    assert result.corrected == "She goes to school every day."
    assert engines.chat.server.stats.calls == 0
