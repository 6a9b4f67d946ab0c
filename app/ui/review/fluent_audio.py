"""Blocking audio work of the review's fluent panel, run on the review's
"media" thread (never the GUI thread): speaking a fluent line in the tutor's
voice at a chosen rate, and recording a shadowing attempt."""

from __future__ import annotations

from typing import Any


def speak_text(services, text: str, rate_factor: float = 1.0) -> float:
    """Say ``text`` with the tutor's voice (``rate_factor`` 0.75: slowly);
    returns the seconds of speech started."""
    voice = services.voice
    voice.load()
    pcm = voice.replay(text, rate_factor)
    services.play_pcm(pcm, voice.sample_rate)
    return pcm.size / voice.sample_rate


def shadow_turn(services, turn_id: int, fluent: str) -> dict[str, Any]:
    """One utterance from the microphone, transcribed, saved with the session,
    and compared with the fluent line and the learner's first attempt."""
    from app.review.shadowing import record_shadowing
    from app.turntaking.driver import listen

    store = services.store
    turn = store.get_turn(turn_id)
    if turn is None:
        raise LookupError("this turn no longer exists")
    services._stop_listening.clear()
    return record_shadowing(
        store, services.transcriber, turn, fluent,
        lambda: listen(wait_s=15.0, should_stop=services._stop_listening.is_set))
