"""How the voice ends before a silence: has the learner finished, or are they
holding the floor?

A listener hears more than the words. At the end of a statement the pitch
falls to the bottom of the speaker's range, the last syllable is drawn out
(final lengthening) and the voice fades. In the middle of a thought the pitch
stays up or rises, the last word is spoken at the usual pace, and a breath
often comes before the next words. The words before a thinking pause can be a
whole sentence ("His enemy went down | on his knees"): then only the voice
tells.

:func:`prosody` measures the last second before the silence from the audio
the speculative turn already has (and Whisper's word timings, when given):

- ``final_st``: the pitch of the last voiced 150 ms against the utterance's
  median, in semitones (negative: ended low);
- ``slope_st_s``: the slope of the pitch over the last voiced 400 ms,
  semitones per second (a fall is negative);
- ``lengthening``: the last word's duration against what its letters take at
  the learner's own pace in this utterance (1.0: as usual; a drawn-out
  final syllable is over 1.2);
- ``energy_db``: the loudness of the last voiced 150 ms against the
  utterance's median voiced loudness (a fade is negative).

:func:`breath` tells whether a stretch of silence holds an in-breath
(broadband, unvoiced, louder than the room).

Pitch is a normalised autocorrelation (YIN's cumulative mean normalised
difference) over 40 ms frames every 10 ms, 70-400 Hz, vectorised in numpy
through the FFT: about a millisecond for a turn's last 2.5 s on one core, run
on the speculative turn's thread, never the GUI's.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from app.audio.constants import ASR_RATE

FRAME_S, HOP_S = 0.04, 0.01
F0_MIN, F0_MAX = 70.0, 400.0
VOICED_DIP = 0.3  # YIN: a dip of the normalised difference under this is a period
WINDOW_S = 2.5  # the audio before the silence that is read (the last second, and a reference)
LAST_S = 1.0  # "the last second before the silence"


@dataclass(frozen=True)
class Prosody:
    final_st: float | None  # last voiced 150 ms against the utterance's median pitch
    slope_st_s: float | None  # pitch slope over the last voiced 400 ms
    lengthening: float | None  # last word's duration against the learner's pace
    energy_db: float | None  # last voiced 150 ms against the median voiced loudness
    voiced_s: float  # how much voice the measures rest on

    def as_dict(self) -> dict:
        return asdict(self)


def pitch_track(pcm: np.ndarray, rate: int = ASR_RATE) -> tuple[np.ndarray, np.ndarray]:
    """(f0 Hz, rms) per 10 ms hop; f0 is 0 where the frame is unvoiced."""
    pcm = np.asarray(pcm, dtype=np.float32).reshape(-1)
    frame, hop = int(FRAME_S * rate), int(HOP_S * rate)
    if pcm.size < frame:
        return np.zeros(0), np.zeros(0)
    starts = np.arange(0, pcm.size - frame + 1, hop)
    frames = pcm[starts[:, None] + np.arange(frame)].astype(np.float64)
    frames -= frames.mean(axis=1, keepdims=True)
    rms = np.sqrt((frames ** 2).mean(axis=1))
    lo, hi = int(rate / F0_MAX), int(rate / F0_MIN)
    # YIN's difference d(tau) = r(0) + r_tau(0) - 2 r(tau), with r through the FFT.
    spectrum = np.fft.rfft(frames, n=2 * frame, axis=1)
    ac = np.fft.irfft(np.abs(spectrum) ** 2, axis=1)[:, : hi + 2]
    sq = np.cumsum(frames ** 2, axis=1)
    energy0 = sq[:, -1]
    tail = energy0[:, None] - np.concatenate([np.zeros((len(frames), 1)), sq[:, : hi + 1]], axis=1)
    diff = energy0[:, None] + tail - 2 * ac
    diff[:, 0] = 0
    taus = np.arange(1, hi + 2)
    cmnd = np.ones_like(diff)
    cmnd[:, 1:] = diff[:, 1:] * taus / np.maximum(np.cumsum(diff[:, 1:], axis=1), 1e-12)
    search = cmnd[:, lo: hi + 1]
    below = search < VOICED_DIP
    # The first dip under the threshold (YIN's absolute threshold), else none.
    first = np.where(below.any(axis=1), below.argmax(axis=1), -1)
    f0 = np.zeros(len(frames))
    loud = rms > max(1e-4, 0.05 * float(np.percentile(rms, 95)))
    for i in np.flatnonzero((first >= 0) & loud):
        j = first[i]
        while j + 1 < search.shape[1] and search[i, j + 1] < search[i, j]:
            j += 1  # down to the bottom of that dip
        tau = lo + j
        # Parabolic interpolation of the dip for a finer period.
        if 0 < j < search.shape[1] - 1:
            a, b, c = search[i, j - 1], search[i, j], search[i, j + 1]
            denom = a - 2 * b + c
            tau = tau + (0.5 * (a - c) / denom if denom > 1e-12 else 0.0)
        f0[i] = rate / tau
    return _clean(f0), rms


def _clean(f0: np.ndarray) -> np.ndarray:
    """Drop octave jumps and isolated voiced frames (YIN's usual slips)."""
    f0 = f0.copy()
    voiced = np.flatnonzero(f0 > 0)
    if voiced.size == 0:
        return f0
    median = float(np.median(f0[voiced]))
    for i in voiced:
        ratio = f0[i] / median
        if ratio > 1.8 or ratio < 0.55:
            f0[i] = 0.0
    on = f0 > 0
    isolated = on & ~np.roll(on, 1) & ~np.roll(on, -1)
    f0[isolated] = 0.0
    return f0


def _semitones(f: np.ndarray, ref: float) -> np.ndarray:
    return 12 * np.log2(np.maximum(f, 1e-6) / ref)


def prosody(pcm: np.ndarray, words=None, rate: int = ASR_RATE,
            silence_at_s: float | None = None) -> Prosody:
    """The voice's end before the silence. ``pcm`` is the utterance up to
    (and a little past) the silence; ``silence_at_s`` where in it the
    silence begins (default: the end of the last loud frame). ``words``:
    Whisper's words with ``start``/``end`` in seconds from ``pcm``'s start
    (objects or dicts), for the final lengthening."""
    pcm = np.asarray(pcm, dtype=np.float32).reshape(-1)
    offset = max(0, pcm.size - int(WINDOW_S * rate))
    f0, rms = pitch_track(pcm[offset:], rate)
    if f0.size == 0:
        return Prosody(None, None, None, None, 0.0)
    times = offset / rate + np.arange(f0.size) * HOP_S + FRAME_S / 2
    if silence_at_s is None:
        loud = np.flatnonzero(rms > 0.1 * float(np.percentile(rms, 95)))
        silence_at_s = float(times[loud[-1]]) + FRAME_S / 2 if loud.size else float(times[-1])
    voiced = (f0 > 0) & (times <= silence_at_s)
    recent = voiced & (times >= silence_at_s - LAST_S)
    voiced_s = float(recent.sum() * HOP_S)
    length = _lengthening(words, silence_at_s)
    if recent.sum() < 5 or voiced.sum() < 10:
        return Prosody(None, None, length, None, voiced_s)
    reference = float(np.median(f0[voiced]))
    idx = np.flatnonzero(recent)
    last_t = times[idx[-1]]
    final = idx[times[idx] >= last_t - 0.15]
    final_st = float(np.median(_semitones(f0[final], reference)))
    sloped = idx[times[idx] >= last_t - 0.4]
    slope = None
    if sloped.size >= 5:
        slope = float(np.polyfit(times[sloped], _semitones(f0[sloped], reference), 1)[0])
    db = 20 * np.log10(np.maximum(rms, 1e-7))
    energy = float(np.median(db[final]) - np.median(db[voiced]))
    return Prosody(final_st, slope, length, energy, voiced_s)


def _field(word, name: str, default=0.0):
    return word.get(name, default) if isinstance(word, dict) else getattr(word, name, default)


def _lengthening(words, silence_at_s: float) -> float | None:
    """The last word's duration against the pace of the utterance's other
    words (seconds per letter), when Whisper's timings reach the silence."""
    if not words or len(words) < 3:
        return None
    spans = []
    for word in words:
        letters = sum(ch.isalpha() for ch in str(_field(word, "text", "")))
        start, end = float(_field(word, "start")), float(_field(word, "end"))
        if letters and end > start:
            spans.append((letters, end - start, end))
    if len(spans) < 3 or abs(spans[-1][2] - silence_at_s) > 0.6:
        return None
    pace = sum(d for _, d, _ in spans[:-1]) / sum(n for n, _, _ in spans[:-1])
    letters, duration, _ = spans[-1]
    # Short words take longer per letter than long ones: expected from a
    # syllable-ish floor as well as the letters.
    expected = pace * letters * 0.7 + 0.08
    return float(duration / max(expected, 1e-3))


def breath(silence: np.ndarray, floor_rms: float, rate: int = ASR_RATE) -> bool:
    """Does this stretch of silence hold an in-breath: at least 120 ms of
    unvoiced sound, 6 dB or more above the room's floor, most of it above
    1 kHz (a breath is a broadband hiss, a hum or a voice is not)?"""
    silence = np.asarray(silence, dtype=np.float32).reshape(-1)
    frame = int(0.02 * rate)
    if silence.size < 6 * frame:
        return False
    frames = silence[: silence.size // frame * frame].reshape(-1, frame).astype(np.float64)
    rms = np.sqrt((frames ** 2).mean(axis=1))
    spectrum = np.abs(np.fft.rfft(frames * np.hanning(frame), axis=1)) ** 2
    freqs = np.fft.rfftfreq(frame, 1 / rate)
    high = spectrum[:, freqs >= 1000].sum(axis=1) / np.maximum(spectrum.sum(axis=1), 1e-12)
    f0, _ = pitch_track(silence, rate)
    voiced_share = float((f0 > 0).mean()) if f0.size else 0.0
    hiss = (rms > 2.0 * max(floor_rms, 1e-5)) & (high > 0.5)
    longest = run = 0
    for h in hiss:
        run = run + 1 if h else 0
        longest = max(longest, run)
    return longest * frame >= 0.12 * rate and voiced_share < 0.3
