"""pyttsx3 (espeak-ng on Linux, SAPI5 on Windows, NSSpeech on macOS): the
fallback voice, robotic but small and always available.

pyttsx3 2.99 quirks this works around:
- ``runAndWait()`` can return before espeak has finished (synthesis runs on
  espeak's thread), so completion is taken from the ``finished-utterance``
  callback, with a deadline.
- pyttsx3 caches its engine only weakly and espeak can be initialised once per
  process, so this module holds the one engine for good; a module-wide lock
  serialises every use, and each call sets voice and rate again.
- If espeak is still busy when ``runAndWait`` starts, pyttsx3 cancels the new
  utterance and reports ``finished-utterance`` with ``completed=False`` (and an
  empty or missing file): the call waits for espeak to go idle first, and a
  render that did not complete is retried.
- After ``save_to_file`` the engine's ``say()`` would write that file again:
  Parley never calls ``say()`` on it and plays audio through its own Player.
- espeak applies a rate or voice change asynchronously, and the ``Cancel`` that
  ``runAndWait`` issues can drop it (the rate stays at its previous value),
  so each change is read back and set again until it holds.
- The espeak driver prints "Audio saved to ..." on stdout; that line is dropped.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from app.audio.resample import resample
from app.errors import ModelMissingError, ParleyError
from app.voice.base import Voice
from app.voice.splitter import split_sentences

log = logging.getLogger(__name__)

BASE_WPM = 175  # espeak's own default pace; pyttsx3 would set 200, too fast for learners
_ENGINE_LOCK = threading.Lock()  # one espeak per process, whatever the Voice instance


class Pyttsx3Voice(Voice):
    backend = "pyttsx3"

    def __init__(self, voice_id: str | None = None, rate: float = 1.0, timeout_s: float = 30.0) -> None:
        super().__init__(rate)
        self.voice_id = voice_id or None
        self.timeout_s = timeout_s
        self._engine: Any = None
        self._rate_hz = 22050  # espeak-ng's output rate; confirmed from the first file

    @property
    def sample_rate(self) -> int:
        return self._rate_hz

    @property
    def words_per_minute(self) -> int:
        return int(round(BASE_WPM * self.rate))

    def _load(self) -> None:
        with _ENGINE_LOCK:
            engine = _shared_engine()
            if self.voice_id is not None:
                known = {v.id for v in engine.getProperty("voices")}
                if self.voice_id not in known:
                    raise ModelMissingError(
                        f"pyttsx3 voice '{self.voice_id}' not found",
                        f"use one of: {', '.join(sorted(known)[:12])}{', ...' if len(known) > 12 else ''}",
                    )
        self._engine = engine

    def _synthesize(self, text: str) -> Iterator[np.ndarray]:
        # espeak renders a whole text at once; splitting first gives the same
        # one-chunk-per-sentence stream as Piper, so playback can start early.
        for sentence in split_sentences(text):
            audio = self._render(sentence)
            if audio.size:
                yield audio

    def _render(self, text: str, attempts: int = 3) -> np.ndarray:
        for _attempt in range(attempts):
            pcm = self._render_once(text)
            if pcm is not None:
                return pcm
            log.info("pyttsx3 utterance was cancelled or empty; retrying")
        raise ParleyError(
            "the system speech engine did not finish speaking",
            "try again, or switch to the Piper voice (PARLEY_VOICE=piper)",
        )

    def _render_once(self, text: str) -> np.ndarray | None:
        """The utterance as float32, or None when pyttsx3 did not complete it."""
        from app.audio.wavio import read_wav  # lazy: loads numpy

        fd, name = tempfile.mkstemp(prefix="parley-tts-", suffix=".wav")
        os.close(fd)
        os.unlink(name)  # the file appearing is part of the completion check
        path = Path(name)
        done = threading.Event()
        completed: list[bool] = []

        def on_finished(completed_flag: bool = True, **_: Any) -> None:
            completed.append(bool(completed_flag))
            done.set()

        try:
            with _ENGINE_LOCK:
                engine = self._engine
                _wait_until_idle()
                if self.voice_id is not None:
                    _set_verified(engine, "voice", self.voice_id)
                _set_verified(engine, "rate", self.words_per_minute)
                _wait_until_idle()  # the property change itself keeps espeak busy briefly
                token = engine.connect("finished-utterance", lambda **kw: on_finished(kw.get("completed", True)))
                try:
                    with _QuietSavedLine():
                        engine.save_to_file(text, str(path))
                        engine.runAndWait()
                        finished = done.wait(self._deadline(text))
                finally:
                    engine.disconnect(token)
            if not (finished and all(completed) and path.is_file()):
                return None
            pcm, rate = read_wav(path)
        finally:
            path.unlink(missing_ok=True)
        if pcm.size == 0:
            return None
        return resample(pcm, rate, self._rate_hz) if rate != self._rate_hz else pcm

    def _deadline(self, text: str) -> float:
        # espeak runs ~20x real time; allow far more, but never wait forever.
        return self.timeout_s + len(text) / 20

    def close(self) -> None:
        super().close()
        self._engine = None  # the engine itself stays, shared (one per process)


_ENGINE: Any = None  # the process's one pyttsx3 engine; guarded by _ENGINE_LOCK


def _shared_engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        try:
            import pyttsx3  # lazy: loads pyttsx3
        except ImportError as error:
            raise ModelMissingError("pyttsx3 is not installed", "run: pip install pyttsx3") from error
        try:
            engine = pyttsx3.init()
        except Exception as error:  # noqa: BLE001 - missing libespeak: OSError/RuntimeError
            raise ModelMissingError(
                f"the system speech engine is not available ({error})",
                "install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng) or use the Piper voice",
            ) from error
        # A fresh engine stays "busy" (property changes only queue) until its first
        # loop. Run an empty one now, while it has no text: later, runAndWait
        # without a new save_to_file would speak the last text into the last file.
        engine.runAndWait()
        _ENGINE = engine
    return _ENGINE


def _wait_until_idle(timeout: float = 1.0) -> None:
    """Wait (bounded) until espeak has no command running (espeak driver only)."""
    espeak = sys.modules.get("pyttsx3.drivers._espeak")
    if espeak is None:
        return
    deadline = time.monotonic() + timeout
    while espeak.IsPlaying() and time.monotonic() < deadline:
        time.sleep(0.005)


def _set_verified(engine: Any, name: str, value: Any, timeout: float = 1.0) -> None:
    """setProperty, then poll until espeak reports the value (re-set if it was dropped)."""
    deadline = time.monotonic() + timeout
    wanted = value.lower() if isinstance(value, str) else value
    while True:
        engine.setProperty(name, value)
        poll_until = min(deadline, time.monotonic() + 0.1)
        while time.monotonic() < poll_until:
            current = engine.getProperty(name)
            if (current.lower() if isinstance(current, str) else current) == wanted:
                return
            time.sleep(0.002)
        if time.monotonic() >= deadline:
            log.warning("pyttsx3 did not take %s=%r; synthesising anyway", name, value)
            return


class _QuietSavedLine:
    """Swallow the espeak driver's ``print("Audio saved to ...")`` while passing
    every other write through, since other threads may print meanwhile."""

    def __enter__(self) -> None:
        self._real = sys.stdout
        sys.stdout = _Filter(self._real)

    def __exit__(self, *exc: object) -> None:
        if isinstance(sys.stdout, _Filter):
            sys.stdout = self._real


class _Filter:
    def __init__(self, real: Any) -> None:
        self._real = real
        self._drop_newline = False

    def write(self, text: str) -> int:
        if text.startswith("Audio saved to "):
            self._drop_newline = True  # print() writes the line, then "\n"
            return len(text)
        if self._drop_newline and text == "\n":
            self._drop_newline = False
            return len(text)
        self._drop_newline = False
        return self._real.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)
