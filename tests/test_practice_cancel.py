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

pytestmark = pytest.mark.timeout(300)


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
