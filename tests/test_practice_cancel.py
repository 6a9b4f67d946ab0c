"""Cancelling a turn tells the canceller what will happen (the cause of the
flaky tests/ui/test_ui_conversation.py::test_ui_hands_free_voice_barge_in).

A turn's last cancellation check comes before it saves; the save and the
warm-up for the next turn follow. A barge-in in that window used to cancel a
token nobody looked at any more: the turn ended saved, while the window (and
the test) waited for a cancellation that never came. Now the turn commits
before saving, and a cancel after that returns False."""

from __future__ import annotations

import pytest

from app import events as ev
from app.config import Settings
from app.engines import Engines
from app.practice import CancelToken, Practice, TurnCancelled
from app.store import open_store

pytestmark = [pytest.mark.model, pytest.mark.timeout(300)]


def test_token_cancel_before_and_after_commit():
    token = CancelToken()
    assert token.cancel() and token.cancelled
    with pytest.raises(TurnCancelled):
        token.commit()  # cancelled first: the turn must not save

    token = CancelToken()
    token.commit()
    assert token.cancel() is False  # too late: the turn is saved
    assert not token.cancelled and token.committed
    token.raise_if_cancelled()  # and nothing stops it now


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    loaded = Engines(Settings.from_env(home=tmp_path_factory.mktemp("cancel")))
    loaded.load()
    return loaded


@pytest.mark.parametrize("cancel_on, cancelled", [
    (ev.ReplyDone, True),  # still running: cancelled, nothing saved
    (ev.TurnSaved, False),  # saved, the warm-up still to come: it says so, and ends saved
])
def test_a_cancel_is_honoured_or_refused_never_lost(engines, parley_home, cancel_on, cancelled):
    store = open_store(parley_home)
    practice = Practice(engines, store, speak=False)
    token, answers = CancelToken(), []

    def on_event(event) -> None:
        if isinstance(event, cancel_on):
            answers.append(token.cancel())

    if cancelled:
        with pytest.raises(TurnCancelled):
            practice.run_turn(None, text="I goed to the park yesterday.", on_event=on_event,
                              cancel=token)
        assert store.list_sessions() == []
    else:
        outcome = practice.run_turn(None, text="I goed to the park yesterday.",
                                    on_event=on_event, cancel=token)
        assert [t.id for t in store.turns(outcome.session_id)] == [outcome.turn_id]
    assert answers == [cancelled]
    store.close()



class Stages:
    """faster-whisper's stages that ran to their end, in order (real tiny.en);
    ``after_each(name)`` runs as each one ends."""

    def __init__(self) -> None:
        self.ran: list[str] = []
        self.after_each = lambda name: None


@pytest.fixture
def stages(monkeypatch) -> Stages:
    from app.speech.short_window import ShortWindowWhisper

    seen = Stages()
    for name in ("encode", "generate_with_fallback", "add_word_timestamps"):
        original = getattr(ShortWindowWhisper, name)

        def counted(self, *args, _original=original, _name=name, **kwargs):
            result = _original(self, *args, **kwargs)
            seen.ran.append(_name)
            seen.after_each(_name)
            return result

        monkeypatch.setattr(ShortWindowWhisper, name, counted)
    return seen


@pytest.mark.parametrize("cancel_after", ["encode", "generate_with_fallback", "before"])
def test_a_speculative_turn_cancelled_while_recognising_stops_there(
        engines, parley_home, native_clips, stages, cancel_after):
    """The learner went on talking while the turn started at their pause was
    still recognising it: the recogniser stops at its next stage, and the chat
    model is asked nothing (neither the end-of-turn score nor the reply)."""
    from app.audio.wavio import load_utterance
    from app.turntaking.gate import Gate
    from app.turntaking.turn_end import TurnEndPolicy

    store = open_store(parley_home)
    practice = Practice(engines, store, speak=False)
    token, scored, seen = CancelToken(), [], []
    policy = TurnEndPolicy(lambda text: scored.append(text) or 0.9)
    peek = policy.peek(policy.begin())
    gate = Gate(open_now=False, peek=lambda event: (seen.append(event), peek(event)))
    if cancel_after == "before":  # cancelled while it waited behind another turn
        token.cancel()
    else:  # the learner resumes as soon as this stage is done
        stages.after_each = lambda name: name == cancel_after and token.cancel()
    calls = engines.chat.stats.calls
    with pytest.raises(TurnCancelled):
        practice.run_turn(load_utterance(native_clips[0].wav), on_event=lambda e: None,
                          cancel=token, gate=gate)
    expected = {"before": [], "encode": ["encode"],
                "generate_with_fallback": ["encode", "generate_with_fallback"]}[cancel_after]
    assert stages.ran == expected  # no stage ran after the cancel
    assert scored == [] and engines.chat.stats.calls == calls
    assert not any(isinstance(e, ev.TranscriptReady) for e in seen)
    assert gate.abandoned and store.list_sessions() == []
    store.close()
