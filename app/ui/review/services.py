"""What the review pages need besides Qt: the store, playback, the tutor's voice
and the recogniser. The voice, the recogniser and the store are the practice's
own (:class:`app.engines.Engines` and :class:`app.store.shared.SharedStore`,
handed over by the application: app/ui/window_parts.py), so they are loaded
once and keep their thread budgets; the player, and a store or engines of its own when none
is handed over (the review alone, in tests), are the review's, opened on first
use and closed by :meth:`ReviewServices.close`.
Every method here blocks, so pages call them through
:class:`app.ui.review.tasks.Tasks`, never directly."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from app.config import Settings
from app.engines import Engines


class ReviewServices:
    def __init__(self, home: Path, settings: Settings | None = None,
                 engines: Callable[[], Any] | None = None,
                 store: Callable[[], Any] | None = None) -> None:
        """``engines`` returns the practice's Engines (the window's, which may
        be rebuilt when the settings change; None before they load) and
        ``store`` the app's one store (app/store/shared.py, opened on first
        use and closed by its owner); without them the review opens its own,
        on first use."""
        self.home = Path(home)
        self.settings = settings or Settings.from_env(home=self.home)
        self._engines = engines
        self._shared_store = store
        self._own_engines: Any = None
        self._lock = threading.Lock()
        self._store: Any = None
        self._player: Any = None
        self._stop_listening = threading.Event()

    # -- created on first use (on a worker thread) --------------------------

    @property
    def store(self) -> Any:
        if self._shared_store is not None:
            return self._shared_store()  # its owner closes it, after these tasks end
        with self._lock:
            if self._store is None:
                from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile

                self._store = open_store(self.home)
            return self._store

    @property
    def player(self) -> Any:
        with self._lock:
            if self._player is None:
                from app.audio.player import Player  # lazy: loads numpy

                self._player = Player()
            return self._player

    @property
    def engines(self) -> Any:
        engines = self._engines() if self._engines is not None else None
        if engines is not None:
            return engines
        with self._lock:
            if self._own_engines is None:
                self._own_engines = Engines.from_settings(self.settings)
            return self._own_engines

    @property
    def voice(self) -> Any:
        return self.engines.voice

    @property
    def transcriber(self) -> Any:
        return self.engines.transcriber

    # -- audio ------------------------------------------------------------------

    def play_file(self, path: Path) -> float:
        """Start playing a WAV; returns its length in seconds."""
        from app.audio.wavio import read_wav  # lazy: loads numpy

        pcm, rate = read_wav(path)
        self.player.play(pcm, rate)
        return pcm.size / rate

    def play_pcm(self, pcm: np.ndarray, rate: int) -> None:
        self.player.play(pcm, rate)

    def speak_word(self, word: str) -> tuple[str, tuple[str, ...]]:
        """Say ``word`` with the tutor's voice; returns it with its CMU pronunciations."""
        from app.review.pronunciation import pronunciations, speak_word  # lazy: loads SQLAlchemy and libsndfile

        pcm, rate = speak_word(word, self.voice)
        self.player.play(pcm, rate)
        return word, pronunciations(word)

    def listen_and_transcribe(self, wait_s: float = 15.0) -> str:
        """One utterance from the microphone, transcribed."""
        from app.turntaking.driver import listen  # lazy: loads numpy

        transcriber = self.transcriber
        transcriber.load()  # before listening, so the learner is not cut off by a load
        self._stop_listening.clear()
        utterance = listen(wait_s=wait_s, should_stop=self._stop_listening.is_set)
        return transcriber.transcribe(utterance.pcm).text

    def stop_audio(self) -> None:
        """Stop playback and any listening (closing the window must not wait 15 s)."""
        self._stop_listening.set()
        if self._player is not None:
            self._player.stop()

    def close(self) -> None:
        with self._lock:
            if self._player is not None:
                self._player.close()
            if self._store is not None:
                self._store.close()
            self._player = self._store = None
