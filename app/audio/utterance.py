"""Listen on the microphone for one utterance: from the first speech to the end
the VAD detects, as the app and `turn --mic` both need it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from app.audio.recorder import Recorder
from app.audio.vad import SPEECH_END, SPEECH_START, Endpointer
from app.errors import AudioDeviceError, AudioFileError

PRE_ROLL_S = 0.3  # audio kept from before the detected start, so no onset is clipped
TAIL_S = 0.1  # audio kept after the detected end


@dataclass(frozen=True)
class Utterance:
    pcm: np.ndarray  # float32 mono 16 kHz
    speech_ended_at: float  # time.monotonic() when the learner stopped talking
    endpoint_delay_ms: float  # how long the VAD waited to be sure


def listen(device=None, *, endpointer: Endpointer | None = None, wait_s: float = 15.0,
           max_speech_s: float = 30.0, on_chunk: Callable[[np.ndarray], None] | None = None,
           should_stop: Callable[[], bool] = lambda: False) -> Utterance:
    """Record until the learner has spoken and stopped.

    Raises AudioDeviceError for no microphone or a stalled one, and
    AudioFileError when nobody spoke within ``wait_s``.
    """
    endpointer = endpointer or Endpointer(max_speech_s=max_speech_s)
    endpointer.reset()
    recorder = Recorder(device)
    parts: list[np.ndarray] = []
    fed = 0
    start_sample = None
    recorder.start()
    deadline = time.monotonic() + wait_s
    try:
        while not should_stop():
            chunk = recorder.get_chunk(timeout=1.0)
            if chunk is None:
                if time.monotonic() > deadline + 2:
                    raise AudioDeviceError("the microphone stopped sending audio",
                                           "check that it is connected and not in use")
                continue
            parts.append(chunk)
            if on_chunk:
                on_chunk(chunk)
            fed += chunk.size
            for event in endpointer.feed(chunk):
                if event.kind == SPEECH_START and start_sample is None:
                    start_sample = event.sample
                elif event.kind == SPEECH_END and start_sample is not None:
                    # The end was detected `delay` ago in audio time; the
                    # learner's last word ended that long before now.
                    delay_s = event.delay_s + (fed - event.at_sample) / 16000
                    audio = np.concatenate(parts)
                    begin = max(0, start_sample - int(PRE_ROLL_S * 16000))
                    return Utterance(audio[begin:event.sample + int(TAIL_S * 16000)],
                                     time.monotonic() - delay_s, delay_s * 1000)
            if start_sample is None and time.monotonic() > deadline:
                raise AudioFileError(f"no speech heard in {wait_s:.0f} s",
                                     "speak closer to the microphone or check the input device")
        raise AudioFileError("listening was stopped before any speech ended", "try again")
    finally:
        recorder.stop()
