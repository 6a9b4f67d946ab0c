"""Whisper's encoder on a window shorter than 30 s, for short learner turns.

Whisper was trained on 30 s windows, and faster-whisper pads every window to
30 s, so a 2 s turn costs as much as a 30 s one. CTranslate2's encoder
accepts fewer frames; it then reads only the first positions of its position
table, so nothing else changes. On the speech fixtures (tiny.en, int8,
greedy) the cut window is faster and its word error no worse
(docs/decisions/0006-whisper-window-cut-to-the-turn.md; figures in
docs/benchmarks.md).

- A window of 10 s makes tiny.en loop on some cuts ("the panel text and the
  panel text and ..."), and a transcript that looks like a loop is redone on
  the full window. The encoder is most of the time, so the shortest window is
  where the speed is: 12 s is the shortest window that does not loop on the
  partial transcripts of the turn-taking sets, and its word error is that of
  15 s. So the window is never shorter than 12 s. A short window's decode is
  also capped at a length no speech reaches (``token_cap``): a loop that
  still happens costs a short decode, not a decode to the model's limit.
- The whole turn fits in the window, so a second window is never read (see
  ``encode``): reading one makes beam 5 transcribe native speech far worse.

This module imports faster-whisper, so only the backend's ``_load`` imports it.
"""

from __future__ import annotations

import math
import threading
import zlib

import numpy as np
from faster_whisper import WhisperModel

from app.speech.types import stop_if

FRAMES_PER_SECOND = 100  # Whisper's mel hop: 10 ms
FULL_WINDOW_S = 30.0
MIN_WINDOW_S = 12.0  # see the module's doc: no loop seen at 12 s, one at 10 s
# Room after the speech: the model places its end timestamp in it.
MARGIN_S = 5.0
# faster-whisper's own limit for a repetitive decode (zlib ratio of the text).
MAX_COMPRESSION_RATIO = 2.4
# Far faster than anyone speaks: beyond it the words cannot all be in the audio.
MAX_WORDS_PER_SECOND = 6.0
# Whisper tokens per word, generously (punctuation, split words, timestamps).
TOKENS_PER_WORD = 2.0
# faster-whisper refuses a decode whose prompt and cap pass Whisper's 448
# tokens; it keeps at most 223 of a prompt, plus 4 of its own.
MAX_TOKEN_CAP = 448 - 223 - 4 - 1


def token_cap(duration_s: float) -> int:
    """The most tokens a short window's decode may write: more than any speech
    of this length needs, and enough that a loop cut there still reads as one
    (more words than MAX_WORDS_PER_SECOND)."""
    return min(math.ceil(MAX_WORDS_PER_SECOND * duration_s * TOKENS_PER_WORD) + 16,
               MAX_TOKEN_CAP)


def window_frames(duration_s: float) -> int | None:
    """Mel frames the encoder reads for audio this long; None for the full window."""
    window_s = max(MIN_WINDOW_S, duration_s + MARGIN_S)
    if window_s >= FULL_WINDOW_S:
        return None
    return math.ceil(window_s * FRAMES_PER_SECOND)


def looks_like_a_loop(text: str, duration_s: float) -> bool:
    """True for the repetitive output a decoder gives when it loops."""
    encoded = text.encode("utf-8")
    if len(encoded) > 20 and len(encoded) / len(zlib.compress(encoded)) > MAX_COMPRESSION_RATIO:
        return True
    return len(text.split()) > MAX_WORDS_PER_SECOND * duration_s + 4


class _WholeAudioRead(Exception):
    """The short window held all the audio; faster-whisper asked for another."""


class ShortWindowWhisper(WhisperModel):
    """A WhisperModel whose encoder reads only the first ``frames`` of the 30 s
    window faster-whisper pads each segment to, when a call asks for it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._call = threading.local()  # the window of the call on this thread

    def transcribe_within(self, audio: np.ndarray, frames: int | None, *,
                          should_stop=None, **options):
        """``transcribe`` with the encoder reading ``frames`` (None: all 3000).
        Returns the decoded segments as a list and the info.

        ``should_stop`` is asked before each stage faster-whisper runs lazily
        (encoder, decoder, word alignment) and before each segment; once True,
        TranscriptionStopped is raised there. A speculative turn thrown away
        because the learner went on talking so stops within one stage instead
        of holding the next turn up for a whole transcription."""
        self._call.frames = frames
        self._call.encoded = False
        self._call.should_stop = should_stop
        decoded = []
        try:
            stop_if(should_stop)
            segments, info = self.transcribe(audio, **options)
            try:
                # A generator: decoding, and so encoding, happens while iterating.
                for segment in segments:
                    decoded.append(segment)
                    stop_if(should_stop)
            except _WholeAudioRead:
                pass
        finally:
            self._call.frames = None
            self._call.should_stop = None
        return decoded, info

    def _stop_if_asked(self) -> None:
        stop_if(getattr(self._call, "should_stop", None))

    def generate_with_fallback(self, *args, **kwargs):
        self._stop_if_asked()
        return super().generate_with_fallback(*args, **kwargs)

    def add_word_timestamps(self, *args, **kwargs):
        self._stop_if_asked()
        return super().add_word_timestamps(*args, **kwargs)

    def encode(self, features: np.ndarray):
        self._stop_if_asked()
        frames = getattr(self._call, "frames", None)
        if frames is not None:
            # The short window held the whole turn and its decode is done. When
            # that decode ends just before the audio does, faster-whisper reads
            # the last fraction of a second again as a window of its own, where
            # tiny.en invents speech ("Thank you for joining us today").
            if self._call.encoded:
                raise _WholeAudioRead
            self._call.encoded = True
            features = features[..., :frames]
        return super().encode(features)
