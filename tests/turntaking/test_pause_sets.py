"""The boundary sets (app/devtools/pause_sets.py --boundaries) and the
decisions replayed on them (app/devtools/pause_eval.py)."""

from __future__ import annotations

import numpy as np
import pytest

from app.devtools.pause_eval import decide


def record(kind, pauses, pause_s=None):
    return {"kind": kind, "file": f"{kind}.wav", "pause_s": pause_s, "pauses": [
        {"text": text, "p_end": p_end, "asks": text.endswith("?"), "trailing": False,
         "falling_old": False, "silence_ms": silence, "resumed": resumed,
         "prosody": {"lengthening": None}}
        for text, p_end, silence, resumed in pauses]}


def test_the_replayed_decisions_tell_the_policies_apart():
    records = [
        # Unfinished words, a 1.2 s pause (1.3 s of silence as the VAD hears it).
        record("paused", [("My grandfather has lived in Florida.", 0.02, 1300, True),
                          ("My grandfather has lived in Florida all his life.", 0.6, 3000, False)],
               1.2),
        # Words that could end, but only just, and a 0.8 s pause.
        record("paused", [("I forgot my umbrella.", 0.39, 850, True),
                          ("I forgot my umbrella at the office.", 0.5, 3000, False)], 0.8),
        record("complete", [("I forgot my umbrella at the office.", 0.5, 3000, False)]),
        record("complete", [("I forgot my umbrella.", 0.39, 3000, False)]),
    ]
    main, new = decide(records, "main"), decide(records, "new")
    assert main["cut"] == ["paused.wav", "paused.wav"] and new["cut"] == []
    assert main["by_pause"] == {1.2: [1, 1], 0.8: [1, 1]}
    assert sorted(main["waits"]) == [300, 300]  # both replies could start early
    assert sorted(new["waits"]) == [300, 900]  # the could-end one waits 0.9 s


def test_room_noise_is_the_recordings_own_quiet_not_silence():
    from app.devtools.pause_sets import room_noise

    rng = np.random.default_rng(0)
    t = np.arange(16000) / 16000
    speech = (0.3 * np.sin(2 * np.pi * 150 * t) * (1 + np.sin(2 * np.pi * 3 * t))).astype(np.float32)
    room = rng.normal(0, 0.003, 16000).astype(np.float32)
    pcm = np.concatenate([room, speech + room, room])
    fill = room_noise(pcm, 12000)
    assert fill.size == 12000
    level = np.sqrt(np.mean(fill ** 2))
    assert 0.001 < level < 0.006  # the room's level, not zeros and not speech


@pytest.mark.model  # spaCy's parser
@pytest.mark.parametrize("prefix, complete", [
    ("My grandfather has lived in Florida", True),
    ("She was even more beautiful", True),
    ("I would like to order a large", False),
    ("He forgot why he", False),
    ("It would be very disappointing if I", False),
    ("I usually take the", False),
    ("When I was a child", False),
])
def test_a_boundary_counts_where_the_words_before_could_be_a_sentence(prefix, complete):
    from app.devtools.pause_sets import complete_prefix

    assert complete_prefix(prefix) is complete
