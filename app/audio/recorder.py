"""Recording from a microphone as 16 kHz mono float32, chunk by chunk.

The PortAudio callback runs on the audio thread: it only copies, resamples (when
the device refused 16 kHz), stores and hands the chunk on. Consumers that do real
work (VAD, ASR) should read :attr:`Recorder.chunks` from their own thread rather
than use ``on_chunk``, which runs on the audio thread.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from app.audio.devices import DeviceSpec, close_stream, require_input, sounddevice_module
from app.audio.resample import StreamResampler
from app.audio.wavio import ASR_RATE, rms_dbfs
from app.errors import AudioDeviceError

log = logging.getLogger(__name__)

ChunkCallback = Callable[[np.ndarray], None]


class Recorder:
    """Records from one input device; ``start()`` then ``stop() -> all audio``."""

    def __init__(
        self,
        device: DeviceSpec = None,
        sample_rate: int = ASR_RATE,
        block_ms: int = 30,
        on_chunk: ChunkCallback | None = None,
        max_queued_chunks: int = 2000,
    ) -> None:
        self.device = device
        self.sample_rate = sample_rate
        self.block_ms = block_ms
        self.on_chunk = on_chunk
        # Applied to each chunk in the audio callback, before anything sees it,
        # with the time it arrived (app.audio.echo.EchoCancel.process): there
        # the time is exact, where a consumer thread may take it late.
        self.process = None
        # Bounded so an unread queue cannot grow without limit (oldest chunks drop).
        self.chunks: queue.Queue[np.ndarray] = queue.Queue(maxsize=max_queued_chunks)
        self.device_rate: int | None = None  # what the device really runs at
        self.overflows = 0  # PortAudio input overflows (audio lost under CPU load)
        self._stream: Any = None
        self._resampler: StreamResampler | None = None
        self._parts: list[np.ndarray] = []
        self._total = 0
        self._level = -120.0
        self._cond = threading.Condition()
        self._callback_error: BaseException | None = None

    # -- state ------------------------------------------------------------------
    @property
    def level_dbfs(self) -> float:
        """RMS level of the latest chunk, for an input meter."""
        return self._level

    @property
    def samples(self) -> int:
        return self._total

    @property
    def is_recording(self) -> bool:
        return self._stream is not None

    # -- control ----------------------------------------------------------------
    def start(self) -> None:
        if self._stream is not None:
            return
        sd = sounddevice_module()
        info = require_input(self.device)
        self._parts, self._total, self._level = [], 0, -120.0
        while not self.chunks.empty():  # nothing from a previous take
            self.chunks.get_nowait()
        self._stream = self._open(sd, info.index, info.inputs, info.default_samplerate)
        try:
            self._stream.start()
        except Exception as error:
            close_stream(self._stream)
            self._stream = None
            raise AudioDeviceError(
                f"cannot start recording from '{info.name}': {error}",
                "close other programs that use the microphone, or choose another one",
            ) from error

    def _open(self, sd: Any, index: int, max_channels: int, device_rate: float) -> Any:
        # 16 kHz mono first (no resampling); many devices only run at 44.1/48 kHz,
        # and some refuse mono, so fall back to what the device offers.
        rates = [self.sample_rate] + ([int(device_rate)] if int(device_rate) != self.sample_rate else [])
        channel_options = [1] + ([min(2, max_channels)] if max_channels > 1 else [])
        last_error: Exception | None = None
        for channels in channel_options:
            for rate in rates:
                try:
                    stream = sd.InputStream(
                        device=index,
                        samplerate=rate,
                        channels=channels,
                        dtype="float32",
                        blocksize=int(rate * self.block_ms / 1000),
                        callback=self._callback,
                    )
                except Exception as error:  # noqa: BLE001 - PortAudioError, ValueError
                    last_error = error
                    continue
                self.device_rate = rate
                self._resampler = StreamResampler(rate, self.sample_rate) if rate != self.sample_rate else None
                return stream
        raise AudioDeviceError(
            f"the microphone refused to open: {last_error}",
            "choose another microphone in the settings, or check the system sound settings",
        )

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        try:
            if status and getattr(status, "input_overflow", False):
                self.overflows += 1
            chunk = indata.mean(axis=1) if indata.shape[1] > 1 else indata[:, 0].copy()
            if self._resampler is not None:
                chunk = self._resampler.process(chunk)
            if chunk.size == 0:
                return
            if self.process is not None:
                chunk = self.process(chunk, time.monotonic())
            self._level = rms_dbfs(chunk)
            with self._cond:
                self._parts.append(chunk)
                self._total += chunk.size
                self._cond.notify_all()
            try:
                self.chunks.put_nowait(chunk)
            except queue.Full:
                # Drop the oldest: live consumers want recent audio.
                try:
                    self.chunks.get_nowait()
                except queue.Empty:
                    pass
                self.chunks.put_nowait(chunk)
            if self.on_chunk is not None:
                self.on_chunk(chunk)
        except BaseException as error:  # noqa: BLE001 - never raise into PortAudio's thread
            self._callback_error = error

    def wait_for_samples(self, count: int, timeout: float) -> bool:
        """Block until ``count`` samples arrived or ``timeout`` seconds passed."""
        with self._cond:
            return self._cond.wait_for(lambda: self._total >= count, timeout=max(0.0, timeout))

    def get_chunk(self, timeout: float | None = 0.1) -> np.ndarray | None:
        try:
            return self.chunks.get(timeout=timeout)
        except queue.Empty:
            return None

    def stop(self) -> np.ndarray:
        """Stop and return everything recorded since start() (float32 at sample_rate)."""
        stream, self._stream = self._stream, None
        if stream is not None:
            close_stream(stream)
        with self._cond:
            audio = np.concatenate(self._parts) if self._parts else np.zeros(0, np.float32)
        if self._callback_error is not None:
            log.warning("error in the recording callback: %r", self._callback_error)
        return audio.astype(np.float32, copy=False)

    def __enter__(self) -> "Recorder":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def record(
    seconds: float,
    device: DeviceSpec = None,
    timeout: float | None = None,
    sample_rate: int = ASR_RATE,
) -> np.ndarray:
    """Record ``seconds`` of audio and return it (float32 mono at sample_rate).

    Waits at most ``seconds + timeout`` (default timeout: 2 s + seconds/2) and raises
    AudioDeviceError when the device delivered less: a stalled source must not hang.
    """
    wanted = int(round(seconds * sample_rate))
    grace = 2.0 + seconds / 2 if timeout is None else timeout
    recorder = Recorder(device, sample_rate=sample_rate)
    started = time.monotonic()
    recorder.start()
    try:
        recorder.wait_for_samples(wanted, seconds + grace - (time.monotonic() - started))
    finally:
        audio = recorder.stop()
    if audio.size < wanted:
        raise AudioDeviceError(
            f"the microphone stopped sending audio ({audio.size / sample_rate:.1f} of {seconds:.1f} s)",
            "check that the microphone is still connected and not used by another program",
        )
    return audio[:wanted]
