"""The learner's own rhythm (app/turntaking/rhythm.py): how long they pause in
mid-sentence sets how long the tutor waits, learned across sessions from
their saved turns and live within a session from the pauses they go on after."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from app.turntaking.rhythm import MIN_THINKING_MS, Rhythm, usual_pause_ms
from app.turntaking.turn_end import HESITANT_MS, THINKING_MS, TurnEndOptions, turn_end_options

PAUSED_AT_S = 3.94  # learner clip 0002, between "Florida" and "all" (Whisper tiny.en's word times)


def test_a_new_learner_gets_the_defaults():
    options = TurnEndOptions(rhythm=Rhythm())
    assert options.waits_ms() == (THINKING_MS, HESITANT_MS)
    assert usual_pause_ms([1000, 1200]) is None  # too few to learn from


def test_a_learner_who_pauses_long_is_waited_for_longer_up_to_their_patience():
    rhythm = Rhythm()
    options = TurnEndOptions(patience_ms=2500, rhythm=rhythm)
    for pause in (1200, 1300, 1400, 1500, 1600, 1700):
        rhythm.add(pause)
    thinking, hesitant = options.waits_ms()
    assert thinking == hesitant == int(np.percentile([1200, 1300, 1400, 1500, 1600, 1700], 90)
                                       * 1.25 + 100) > THINKING_MS
    assert options.policy().thinking_ms == thinking and options.policy().hesitant_ms == hesitant
    for pause in [3000] * 10:
        rhythm.add(pause)
    assert options.waits_ms() == (2500, 2500)  # the ceiling: the learner's own setting
    # A new patience keeps what was learned.
    assert replace(options, patience_ms=4000).waits_ms() == (3850, 3850)


def test_a_learner_who_hardly_pauses_is_answered_sooner_but_not_under_the_floor():
    rhythm = Rhythm([200, 220, 250, 300, 320, 350])
    thinking, hesitant = TurnEndOptions(rhythm=rhythm).waits_ms()
    assert thinking == hesitant == MIN_THINKING_MS < HESITANT_MS < THINKING_MS


def test_gaps_shorter_than_a_pause_are_not_learned():
    rhythm = Rhythm([50, 100, 120])
    rhythm.add(80)
    assert rhythm.pauses == [] and rhythm.heard_live == 0


def test_the_learners_pauses_carry_over_to_the_next_session(tmp_path):
    from app.store import open_store
    from app.store.records import TurnRecord

    def word(text, start, end):
        return {"text": text, "start": start, "end": end, "probability": 0.9}

    with open_store(tmp_path) as store:
        session = store.start_session(scenario="free-talk", level="B1")
        for gap in (1.5, 1.6, 1.7, 1.8, 1.9):  # "I went to | ... | the market."
            store.save_turn(TurnRecord(session_id=session, transcript="I went to the market.",
                                       words=[word("I", 0.0, 0.2), word("went", 0.2, 0.5),
                                              word("to", 0.5, 0.6), word("the", 0.6 + gap, 0.7 + gap),
                                              word("market.", 0.7 + gap, 1.2 + gap)]))
        options = turn_end_options(None, store, patience_ms=3000)
    assert sorted(options.rhythm.pauses) == pytest.approx([1500, 1600, 1700, 1800, 1900])
    assert options.waits_ms()[0] == int(np.percentile([1500, 1600, 1700, 1800, 1900], 90)
                                        * 1.25 + 100)


def test_the_driver_learns_a_pause_the_learner_went_on_after(learner_clips):
    """A real learner clip with 0.8 s of its own room noise put in mid-sentence:
    the driver hears the pause end in a resumption and tells the rhythm."""
    from app.audio.wavio import load_utterance
    from app.devtools.pause_sets import room_noise
    from app.turntaking.driver import TurnDriver

    pcm = load_utterance(learner_clips[1].wav)
    cut = int(PAUSED_AT_S * 16000)
    paused = np.concatenate([pcm[:cut], room_noise(pcm, int(0.8 * 16000)), pcm[cut:],
                             room_noise(pcm, int(3.5 * 16000), seed=1)])
    rhythm = Rhythm()
    # No transcript comes (nothing runs the turns): each pause waits the patience.
    options = TurnEndOptions(score=lambda text: 0.0, thinking_ms=2500, patience_ms=2500,
                             rhythm=rhythm)
    driver = TurnDriver(lambda utterance, gate, cancel: None, turn_end=options)
    ends = [e for start in range(0, paused.size, 1600)
            if (e := driver.feed(paused[start:start + 1600])) is not None]
    assert len(ends) == 1 and rhythm.heard_live >= 1
    assert any(750 <= p <= 1100 for p in rhythm.pauses), rhythm.pauses
