"""The voice's end before a silence (app/turntaking/prosody.py): pitch,
final lengthening, loudness and breath, on synthetic sound and real speech."""

from __future__ import annotations

import numpy as np
import pytest

from app.turntaking.prosody import breath, pitch_track, prosody

RATE = 16000


def voice(f_start, f_end, seconds=1.2, loudness=(0.3, 0.3)):
    """A glide with two harmonics, like a vowel whose pitch moves."""
    n = int(seconds * RATE)
    f = np.linspace(f_start, f_end, n)
    phase = 2 * np.pi * np.cumsum(f) / RATE
    level = np.linspace(*loudness, n)
    return (level * (np.sin(phase) + 0.4 * np.sin(2 * phase))).astype(np.float32)


def test_the_pitch_tracker_follows_a_glide_within_a_few_percent():
    f0, _ = pitch_track(voice(220, 110))
    voiced = f0[f0 > 0]
    assert voiced.size > 0.9 * f0.size
    assert abs(voiced[0] - 220) < 10 and abs(voiced[-1] - 110) < 6
    assert np.all(np.diff(voiced) < 2)  # it falls all the way, no octave slips


def test_noise_and_silence_are_unvoiced():
    noise = np.random.default_rng(0).normal(0, 0.05, RATE).astype(np.float32)
    f0, _ = pitch_track(np.concatenate([noise, np.zeros(RATE // 2, np.float32)]))
    assert (f0 > 0).mean() < 0.1


def test_a_falling_end_is_low_and_a_rising_one_high():
    flat = voice(150, 150, 1.5)
    falling = prosody(np.concatenate([flat, voice(150, 100, 0.5)]))
    rising = prosody(np.concatenate([flat, voice(150, 200, 0.5)]))
    assert falling.final_st < -3 and falling.slope_st_s < -5
    assert rising.final_st > 3 and rising.slope_st_s > 5
    assert falling.voiced_s > 0.8


def test_a_fading_voice_ends_quieter():
    steady = prosody(voice(150, 150, 2.0))
    fading = prosody(np.concatenate([voice(150, 150, 1.5), voice(150, 150, 0.5, (0.3, 0.03))]))
    assert abs(steady.energy_db) < 1 and fading.energy_db < -6


def test_too_little_voice_tells_nothing():
    assert prosody(np.zeros(RATE, np.float32)).final_st is None
    assert prosody(np.zeros(100, np.float32)).voiced_s == 0.0


def words(*spans):
    return [{"text": text, "start": start, "end": end} for text, start, end in spans]


def test_a_drawn_out_last_word_is_lengthened():
    pcm = voice(150, 150, 2.0)
    usual = words(("I", 0.0, 0.15), ("went", 0.2, 0.45), ("home", 0.5, 0.8), ("today", 0.85, 1.2))
    drawn = words(("I", 0.0, 0.15), ("went", 0.2, 0.45), ("home", 0.5, 0.8), ("today", 0.85, 1.7))
    normal = prosody(pcm, usual, silence_at_s=1.2).lengthening
    long = prosody(pcm, drawn, silence_at_s=1.7).lengthening
    assert 0.7 < normal < 1.3 and long > 1.6
    # Timings that do not reach the silence say nothing.
    assert prosody(pcm, usual, silence_at_s=2.0).lengthening is None


def test_a_breath_is_heard_in_a_pause_and_room_noise_is_not():
    rng = np.random.default_rng(1)
    floor = 0.002
    room = rng.normal(0, floor, RATE).astype(np.float32)
    hiss = np.diff(rng.normal(0, 0.03, int(0.35 * RATE) + 1)).astype(np.float32)  # high-passed
    inhaled = room.copy()
    inhaled[3000:3000 + hiss.size] += hiss
    hum = room + 0.05 * np.sin(2 * np.pi * 120 * np.arange(RATE) / RATE).astype(np.float32)
    assert breath(inhaled, floor) and not breath(room, floor) and not breath(hum, floor)


@pytest.mark.parametrize("index", [1, 4, 8])
def test_a_real_learners_sentence_ends_lower_and_quieter(learner_clips, index):
    """The ppg-gmm learner's read sentences end as statements do: the last
    voiced 150 ms under the median pitch, and quieter."""
    from app.audio.wavio import load_utterance

    pcm = load_utterance(learner_clips[index].wav)
    f0, _ = pitch_track(pcm)
    assert 120 < np.median(f0[f0 > 0]) < 260  # the learner's voice, no octave slips
    end = prosody(pcm)
    assert end.voiced_s > 0.2
    assert end.final_st < 0 and end.energy_db < 0, end
