"""A goodbye ends the session in the window, as "End session" does, once the
tutor's goodbye has been heard: real models, the virtual speaker, a real store."""

from __future__ import annotations

import pytest

from app.store import open_store
from app.tutor import acts
from app.tutor.acts import Act, ActResult

pytestmark = pytest.mark.model  # loads a real model

GOODBYE = "okay, i have to go now, thank you for the talk"


@pytest.mark.timeout(180)
def test_ui_a_goodbye_is_said_then_the_session_ends(make_window, speaker, qtbot, parley_home,
                                                     monkeypatch):
    classify = acts.classify
    # The classifier is another part's (app/tutor/acts.py); here the goodbye is given.
    monkeypatch.setattr(acts, "classify", lambda text, context=(), model=None: ActResult(
        Act.GOODBYE) if text == GOODBYE else classify(text, context, model))
    window = make_window(hands_free=False)
    saved = []
    window.presenter.turn_saved.connect(lambda s, t: saved.append(s))
    window.talk.submit_text("I bought fresh fish at the market this morning.")
    qtbot.waitUntil(lambda: bool(saved), timeout=90000)
    qtbot.waitUntil(lambda: not window.talk.busy, timeout=60000)
    assert window.summary_box is None  # news does not end anything
    start = speaker.samples
    window.talk.submit_text(GOODBYE)
    qtbot.waitUntil(lambda: window.summary_box is not None, timeout=90000)
    # As after "End session": the summary, then an empty window for the next session.
    assert speaker.loud_seconds(start) > 1.0  # the goodbye was heard before the end
    with open_store(parley_home) as store:
        session = store.get_session(saved[0])
        turns = store.turns(saved[0])
    assert session.ended_at is not None and len(turns) == 2
    assert "?" not in turns[-1].reply  # the goodbye asks nothing
