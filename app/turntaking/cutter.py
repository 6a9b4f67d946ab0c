"""Utterances cut out of a live microphone stream.

:class:`UtteranceCutter` turns the endpointer's events into the learner's audio:
from a little before the detected start to a little after the end (or, at a
pause, to a little after the pause). :mod:`app.turntaking.driver` feeds it
for every live use (the window, the benchmark, ``listen()``), so all cut
exactly the same audio.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from app.audio.constants import ASR_RATE as RATE
from app.turntaking.endpointer import SPEECH_END, SPEECH_PAUSE, SPEECH_START, Endpointer

PRE_ROLL_S = 0.3  # audio kept from before the detected start, so no onset is clipped
TAIL_S = 0.1  # audio kept after the detected end


@dataclass(frozen=True)
class Utterance:
    pcm: np.ndarray  # float32 mono 16 kHz
    speech_ended_at: float  # time.monotonic() when the learner stopped talking
    endpoint_delay_ms: float  # how long the VAD waited to be sure
    # Stream position (samples) of the end: a pause and the end it turns out to
    # be carry the same position, which is how a speculative turn is matched.
    end_sample: int = -1


@dataclass(frozen=True)
class Cut:
    kind: str  # an app.turntaking.endpointer event kind
    utterance: Utterance | None = None  # the audio so far, for SPEECH_PAUSE and SPEECH_END
    sample: int = -1  # the event's stream position (where speech started again, for SPEECH_RESUME)


class UtteranceCutter:
    """Feed 16 kHz mono chunks as they arrive; get the endpointer's events, with
    the utterance attached to each pause and end."""

    def __init__(self, endpointer: Endpointer) -> None:
        self.endpointer = endpointer
        self.reset()

    def reset(self) -> None:
        self.endpointer.reset()
        self._audio: list[np.ndarray] = []
        self._fed = 0  # samples fed since the reset: event positions count from here
        self._speech_start: int | None = None

    @property
    def heard_speech(self) -> bool:
        """The learner started talking and the utterance has not ended yet."""
        return self._speech_start is not None

    def feed(self, chunk: np.ndarray, now: float | None = None) -> list[Cut]:
        """``now``: when the chunk's last sample arrived (default: the monotonic clock)."""
        now = time.monotonic() if now is None else now
        chunk = np.asarray(chunk, dtype=np.float32).reshape(-1)
        self._audio.append(chunk)
        self._fed += chunk.size
        cuts = []
        for event in self.endpointer.feed(chunk):
            if event.kind == SPEECH_START and self._speech_start is None:
                self._speech_start = event.sample
                cuts.append(Cut(SPEECH_START))
            elif self._speech_start is None:
                continue
            elif event.kind in (SPEECH_PAUSE, SPEECH_END):
                cuts.append(Cut(event.kind, self._utterance(event.sample, now)))
                if event.kind == SPEECH_END:
                    self._speech_start = None
            else:
                cuts.append(Cut(event.kind, sample=event.sample))
        if self._speech_start is None:
            self._drop_old_silence()
        return cuts

    def _utterance(self, end_sample: int, now: float) -> Utterance:
        audio = np.concatenate(self._audio)
        offset = self._fed - audio.size  # stream position of audio[0]
        begin = max(0, self._speech_start - int(PRE_ROLL_S * RATE) - offset)
        pcm = audio[begin:max(begin, end_sample + int(TAIL_S * RATE) - offset)]
        # The chunk's last sample arrived `now`: the learner's last word ended
        # as long before that as the audio fed since.
        delay_s = (self._fed - end_sample) / RATE
        return Utterance(pcm, now - delay_s, delay_s * 1000, end_sample)

    def _drop_old_silence(self) -> None:
        """Between utterances only the pre-roll is needed; keep memory flat."""
        keep = int((PRE_ROLL_S + 0.5) * RATE)
        while len(self._audio) > 1 and sum(a.size for a in self._audio[1:]) >= keep:
            self._audio.pop(0)

