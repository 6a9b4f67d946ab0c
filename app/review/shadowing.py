"""Shadowing (Qt-free): the learner says a turn's fluent version; Parley
transcribes it and shows the words that differ, the speaking rate and the
pauses against their first attempt (the turn as they first said it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.review.fluency import fluency
from app.review.text import diff_markup, word_diff


def compare(fluent: str, heard: str, heard_words: list[dict], first_words: list[dict]
            ) -> dict[str, Any]:
    """Differing words (fluent -> heard) and fluency of this try against the first."""
    ops = word_diff(fluent, heard)
    differing = [{"op": op.op, "fluent": " ".join(op.expected), "said": " ".join(op.heard)}
                 for op in ops if op.op != "equal"]
    now, first = fluency(heard_words), fluency(first_words)
    return {
        "heard": heard,
        "differing": differing,
        "markup": diff_markup(ops),
        "matched": not differing,
        "wpm": now.wpm, "pauses": now.pauses, "fillers": now.fillers,
        "first_wpm": first.wpm if first_words else None,
        "first_pauses": first.pauses if first_words else None,
    }


def summary_line(result: dict[str, Any]) -> str:
    words = ("every word matched" if result["matched"] else
             f"{len(result['differing'])} difference{'s' if len(result['differing']) != 1 else ''}:"
             f" {result['markup']}")
    rate = f"{result['wpm']:.0f} words/min, {result['pauses']} pauses"
    if result["first_wpm"] is not None:
        rate += f" (first time: {result['first_wpm']:.0f} words/min, {result['first_pauses']} pauses)"
    return f"You said: “{result['heard']}”. {words}. {rate}."


def record_shadowing(store, transcriber, turn, fluent: str,
                     listen: Callable[[], Any]) -> dict[str, Any]:
    """Listen once (``listen()`` returns an utterance with ``pcm``), transcribe,
    save the recording with the session, and compare."""
    from app.audio.constants import ASR_RATE

    transcriber.load()
    utterance = listen()
    transcript = transcriber.transcribe(utterance.pcm)
    words = [w.to_dict() for w in transcript.words]
    store.save_shadowing(turn.id, utterance.pcm, ASR_RATE, transcript.text.strip(), words)
    return compare(fluent, transcript.text.strip(), words, turn.words)
