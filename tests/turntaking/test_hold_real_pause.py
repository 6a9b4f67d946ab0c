"""The endpointer holds through a thinking pause in mid-sentence on a real
learner recording: "My grandfather has lived in Florida | (1.2 s of the
room) | all his life." The words before the pause are a whole sentence, but
the score of what Whisper heard there is low and the learner is given the
thinking wait (1.6 s for a learner whose pauses are not known yet)."""

from __future__ import annotations

import numpy as np
import pytest

from app import events
from app.audio.wavio import load_utterance
from app.config import Settings
from app.devtools.pause_sets import room_noise
from app.engines import Engines
from app.turntaking.driver import TurnDriver
from app.turntaking.turn_end import THINKING_MS, TurnEndOptions

pytestmark = pytest.mark.model  # real Whisper and SmolLM2

PAUSED_AT_S = 3.94  # learner clip 0002, between "Florida" and "all" (Whisper tiny.en's word times)


@pytest.fixture(scope="module")
def engines():
    engines = Engines(Settings.from_env())
    engines.transcriber.load()
    engines.turn_end_model.load()
    return engines


def hear(engines, pcm, options):
    """Feed ``pcm`` through the driver as the window does; each speculative turn
    only recognises what was said so far and tells the policy (as Practice
    does through the gate). Returns the utterances that ended."""

    def start(utterance, gate, cancel):
        transcript = engines.transcriber.transcribe(utterance.pcm)
        gate.wrap(lambda event: None)(events.TranscriptReady(transcript))

    driver = TurnDriver(start, turn_end=options)
    ends = []
    for offset in range(0, pcm.size, 1600):  # 100 ms chunks, as a microphone delivers
        ended = driver.feed(pcm[offset:offset + 1600])
        if ended is not None:
            ends.append(ended.utterance)
    return ends


def test_a_thinking_pause_after_a_could_be_sentence_stays_one_turn(engines, learner_clips):
    pcm = load_utterance(learner_clips[1].wav)
    cut = int(PAUSED_AT_S * 16000)
    paused = np.concatenate([pcm[:cut], room_noise(pcm, int(1.2 * 16000)), pcm[cut:],
                             room_noise(pcm, 3 * 16000, seed=1)])
    score = engines.turn_end_model.end_of_message_probability
    (end,) = hear(engines, paused, TurnEndOptions(score))
    assert end.end_sample > cut + 1.2 * 16000  # the end came after "all his life"
    # The same clip under the waits before (1.2 s for an unfinished sentence)
    # is cut off at the pause: the test can tell the two apart.
    before = hear(engines, paused, TurnEndOptions(score, thinking_ms=1200, patience_ms=2500))
    assert len(before) == 2 and before[0].end_sample < cut + 1.2 * 16000 and THINKING_MS > 1200
