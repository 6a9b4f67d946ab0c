"""The silence after a reply's first piece, read from the speaker tap
(app/devtools/ear.py): what the learner waits for the model's sentence."""

from __future__ import annotations

import numpy as np
import pytest

from app.devtools.ear import MonitorTap


def tap_with(pcm: np.ndarray, rate: int = 16000) -> MonitorTap:
    """A tap that heard ``pcm`` from monotonic time 100 s on (no parec)."""
    tap = object.__new__(MonitorTap)
    tap.rate, tap._t0, tap._chunks, tap._count = rate, 100.0, [pcm], pcm.size
    import threading

    tap._lock = threading.Lock()
    return tap


def tone(seconds: float, rate: int = 16000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def silence(seconds: float, rate: int = 16000) -> np.ndarray:
    return np.zeros(int(seconds * rate), np.float32)


def test_the_gap_after_the_first_piece_is_read_from_sound():
    # 0.5 s quiet, "Good question." (0.8 s), a comma-length pause, more of it,
    # then 0.9 s waiting for the model, then the model's sentence.
    pcm = np.concatenate([silence(0.5), tone(0.5), silence(0.1), tone(0.3), silence(0.9),
                          tone(1.0)])
    tap = tap_with(pcm)
    first = tap.first_sound(after=100.0)
    assert first == pytest.approx(100.5, abs=0.01)
    start, end = tap.first_silence(after=first)
    assert start == pytest.approx(101.4, abs=0.01) and end == pytest.approx(102.3, abs=0.01)


def test_a_reply_without_a_gap_has_none():
    tap = tap_with(np.concatenate([silence(0.2), tone(0.6), silence(0.1), tone(0.6)]))
    assert tap.first_silence(after=tap.first_sound(after=100.0)) is None
    assert tap_with(silence(1.0)).first_silence(after=100.0) is None
