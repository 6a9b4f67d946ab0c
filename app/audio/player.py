"""Non-blocking playback with a queue, for speaking sentence by sentence.

The tutor's reply is synthesised one sentence at a time; each is ``enqueue``d as
soon as it exists, so the learner hears the first sentence while the rest is
still being generated. ``stop()`` (barge-in: the learner starts talking) aborts
the stream, which drops what PortAudio buffered, and empties the queue.

Latency is measured to the first audible sample: :attr:`Player.first_sample_at`
is the ``time.monotonic()`` at which the first sample of the current utterance
reaches the DAC, estimated from PortAudio's stream clock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from typing import Any

import numpy as np

from app.audio.devices import DeviceSpec, close_stream, require_output, sounddevice_module
from app.audio.resample import resample
from app.errors import AudioDeviceError

log = logging.getLogger(__name__)


class Player:
    def __init__(self, device: DeviceSpec = None, latency: float | str = 0.1, linger_s: float = 0.5) -> None:
        self.device = device
        # PortAudio output latency: lower gives a faster start and barge-in, but the
        # Python callback then underruns (clicks) when the LLM keeps both cores busy.
        self.latency = latency
        self.linger_s = linger_s  # keep an idle stream open this long (next sentence)
        self.stream_rate: int | None = None
        self.underruns = 0
        self._lock = threading.Lock()
        self._queue: deque[np.ndarray] = deque()
        self._pos = 0  # samples of _queue[0] already written
        self._stream: Any = None
        self._sd: Any = None
        self._stream_done = False  # the callback ended the stream (idle)
        self._generation = 0  # bumped per stream and by stop(): stale callbacks go quiet
        # app.audio.echo.FarEnd: told what is played and when, the echo
        # canceller's reference (None: nobody listens for echo).
        self.far_end = None
        self._channels = 1
        self._idle = threading.Event()
        self._idle.set()
        self._started = threading.Event()
        self._first_at: float | None = None
        self._end_at = 0.0  # estimated monotonic time the last written sample is heard
        self._queued_s = 0.0

    # -- state ------------------------------------------------------------------
    @property
    def first_sample_at(self) -> float | None:
        """monotonic() when the current utterance's first sample reached the device."""
        return self._first_at

    @property
    def started(self) -> threading.Event:
        """Set when the first sample of the current utterance went to the device."""
        return self._started

    @property
    def is_playing(self) -> bool:
        with self._lock:
            return bool(self._queue) or time.monotonic() < self._end_at

    # -- control ----------------------------------------------------------------
    def play(self, pcm: np.ndarray, sample_rate: int) -> None:
        """Play pcm now, replacing whatever was playing or queued."""
        self.stop()
        self.enqueue(pcm, sample_rate)

    def enqueue(self, pcm: np.ndarray, sample_rate: int | None = None) -> None:
        """Append pcm after what is queued; starts the stream when needed."""
        pcm = np.asarray(pcm, dtype=np.float32)
        pcm = pcm.mean(axis=1) if pcm.ndim == 2 else pcm.reshape(-1)
        if pcm.size == 0:
            return
        sample_rate = int(sample_rate or self.stream_rate or 0)
        if sample_rate <= 0:
            raise ValueError("the first chunk needs its sample_rate")
        for _attempt in range(3):
            with self._lock:
                old_stream = None
                need_stream = self._stream is None or self._stream_done
                if need_stream:
                    old_stream, self._stream = self._stream, None
            if old_stream is not None:
                close_stream(old_stream)  # outside the lock: closing waits for the callback
            if need_stream:
                self._open(sample_rate)
            data = pcm if sample_rate == self.stream_rate else resample(pcm, sample_rate, self.stream_rate)
            with self._lock:
                if self._stream is None or self._stream_done:
                    continue  # stopped or ended while we resampled: open again
                if not self._queue and time.monotonic() >= self._end_at:
                    # Nothing audible: this chunk starts a new utterance.
                    self._first_at = None
                    self._started.clear()
                self._queue.append(data)
                self._queued_s += data.size / self.stream_rate
                self._idle.clear()
                return
        raise AudioDeviceError("the audio output keeps closing", "check the system sound settings")

    def _open(self, sample_rate: int) -> None:
        sd = self._sd = sounddevice_module()
        info = require_output(self.device)
        last_error: Exception | None = None
        rates = [sample_rate] + ([int(info.default_samplerate)] if int(info.default_samplerate) != sample_rate else [])
        for channels in [1] + ([2] if info.outputs > 1 else []):
            for rate in rates:
                with self._lock:
                    self._generation += 1
                    generation = self._generation

                def callback(outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
                    self._callback(generation, outdata, frames, time_info, status)

                try:
                    stream = sd.OutputStream(
                        device=info.index, samplerate=rate, channels=channels, dtype="float32",
                        latency=self.latency, callback=callback,
                    )
                except Exception as error:  # noqa: BLE001 - refused rate/channels: try the next
                    last_error = error
                    continue
                # State first, start second: the callback runs as soon as the stream
                # starts and must not see a stale idle time and end it at once.
                with self._lock:
                    self._stream, self._stream_done = stream, False
                    self.stream_rate, self._channels = rate, channels
                    self._end_at = max(self._end_at, time.monotonic())
                try:
                    stream.start()
                except Exception as error:  # noqa: BLE001
                    last_error = error
                    with self._lock:
                        self._stream = None
                    close_stream(stream)
                    continue
                return
        raise AudioDeviceError(
            f"cannot play sound on '{info.name}': {last_error}",
            "choose another speaker in the settings, or check the system sound settings",
        )

    def _callback(self, generation: int, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if status and getattr(status, "output_underflow", False):
            self.underruns += 1
        with self._lock:
            if generation != self._generation:
                # A stream that stop() replaced but PortAudio still runs: stay silent.
                outdata.fill(0.0)
                raise self._sd.CallbackAbort
            filled = 0
            while filled < frames and self._queue:
                head = self._queue[0]
                take = min(frames - filled, head.size - self._pos)
                outdata[filled : filled + take, :] = head[self._pos : self._pos + take, None]
                filled += take
                self._pos += take
                if self._pos >= head.size:
                    self._queue.popleft()
                    self._pos = 0
                    self._queued_s -= head.size / (self.stream_rate or 1)
            outdata[filled:, :] = 0.0
            now = time.monotonic()
            lead = _dac_lead(time_info, self.latency)
            if filled:
                if self._first_at is None:
                    self._first_at = now + lead
                    self._started.set()
                self._end_at = now + lead + filled / (self.stream_rate or 1)
            if self.far_end is not None:
                # Every block, the silent ones too: the echo canceller places
                # the stream's samples by their count (app.audio.echo.FarEnd).
                self.far_end.played(outdata[:, 0], self.stream_rate, now + lead, generation)
            if not self._queue:
                self._queued_s = 0.0
                self._idle.set()
                if now > self._end_at + self.linger_s:
                    # Idle long enough: end the stream instead of feeding zeros forever.
                    self._stream_done = True
                    raise self._sd.CallbackStop

    def stop(self) -> None:
        """Barge-in: silence now and drop everything queued."""
        with self._lock:
            self._queue.clear()
            self._pos = 0
            self._queued_s = 0.0
            self._end_at = 0.0
            self._generation += 1
            stream, self._stream = self._stream, None
            self._idle.set()
        if stream is not None:
            close_stream(stream)  # abort(): discards PortAudio's buffer, unlike stop()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until everything queued has been heard. True if it finished in time.

        timeout=None waits for the queued duration plus 5 s, never forever."""
        if timeout is None:
            timeout = self._queued_s + 5.0
        deadline = time.monotonic() + timeout
        if not self._idle.wait(timeout):
            return False
        remaining = min(self._end_at, deadline) - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)
        return time.monotonic() >= self._end_at

    def close(self) -> None:
        self.stop()

    def __enter__(self) -> "Player":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _dac_lead(time_info: Any, latency: float | str) -> float:
    """Seconds until the buffer being filled is heard, from PortAudio's clock."""
    try:
        lead = float(time_info.outputBufferDacTime) - float(time_info.currentTime)
        if 0.0 <= lead < 2.0 and time_info.outputBufferDacTime > 0:
            return lead
    except (AttributeError, TypeError, ValueError):
        pass
    return latency if isinstance(latency, float) else 0.1
