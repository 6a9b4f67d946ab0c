"""The turn presenter (app/ui/presenter.py) fed fake events, offscreen: no
model, no worker, no audio device."""

from __future__ import annotations

import numpy as np
import pytest

from app import events as ev
from app.session import SessionOptions
from app.speech.types import Transcript
from app.tutor.corrections import CorrectionResult
from app.tutor.edits import Edit
from app.ui.conversation_view import ConversationView
from app.ui.presenter import TurnPresenter

FIXED = CorrectionResult("she go", "she went", [Edit("go", "went", "past", "verb tense")])


@pytest.fixture
def presenter(qtbot):
    view = ConversationView()
    qtbot.addWidget(view)
    shown = TurnPresenter(view)
    shown.sent: list = []
    shown.enqueue_audio.connect(lambda pcm, rate: shown.sent.append(rate))
    return shown


def _play_turn(presenter, text="she go", result=FIXED):
    presenter.turn_sent(None, "")
    for event in (ev.TurnStarted(), ev.TranscriptReady(Transcript(text, (), 1.0)),
                  ev.ReplyToken("Oh, she went. "), ev.ReplyAudio(np.zeros(160, np.float32),
                                                                 16000, True),
                  ev.ReplyToken("Where?"), ev.ReplyDone("Oh, she went. Where?"),
                  ev.CorrectionsReady(result), ev.TurnSaved(7, 3, {})):
        presenter.on_event(event)


def test_a_turn_fills_a_learner_and_a_tutor_bubble(presenter, qtbot):
    with qtbot.waitSignal(presenter.turn_saved) as saved:
        _play_turn(presenter)
    learner, tutor = presenter.view.bubbles
    assert learner.text.text() == "she go"
    assert tutor.text.text() == "Oh, she went. Where?"
    assert saved.args == [7, 3] and presenter.turns == 1
    assert presenter.sent == [16000]  # the reply's audio went to the player
    presenter.turn_ended(True)
    assert not presenter.pending


@pytest.mark.parametrize("style, inline", [
    ("explicit", True), ("gentle", False), ("summary", False), ("off", False)])
def test_corrections_show_inline_only_in_the_explicit_style(presenter, style, inline):
    presenter.reset(SessionOptions(correction_style=style))
    _play_turn(presenter)
    learner = presenter.view.bubbles[0]
    assert (not learner.correction.isHidden()) == inline


def test_muted_the_reply_audio_is_kept_but_not_played(presenter):
    presenter.muted = True
    _play_turn(presenter)
    assert presenter.sent == []
    assert presenter.view.bubbles[1].sample_rate == 16000


def test_an_interrupted_turn_drops_its_remaining_events(presenter):
    presenter.turn_sent(None, "")
    presenter.on_event(ev.ReplyToken("Oh, "))
    presenter.interrupted()
    presenter.on_event(ev.ReplyToken("she went."))
    presenter.on_event(ev.TurnSaved(1, 1, {}))
    assert presenter.view.bubbles[1].text.text() == "Oh, "
    assert presenter.turns == 0


def test_a_turn_with_nothing_recognised_leaves_the_view(presenter):
    presenter.turn_sent(None, "")
    presenter.turn_ended(False)
    assert presenter.view.bubbles == []


def test_a_retracted_turn_leaves_the_view(presenter):
    presenter.turn_sent(None, "")
    presenter.on_event(ev.ReplyToken("Oh"))
    presenter.retract()
    assert presenter.view.bubbles == []
    presenter.turn_ended(False)
    assert not presenter.pending


def test_the_opening_line_is_shown_and_replaced(presenter):
    presenter.reset(SessionOptions(opening="Hi! How was your weekend?"))
    assert [b.text.text() for b in presenter.view.tutor_bubbles()] == ["Hi! How was your weekend?"]
    presenter.show_opening("You went hiking, right?")
    assert [b.text.text() for b in presenter.view.tutor_bubbles()] == ["You went hiking, right?"]


def test_a_replay_without_audio_asks_for_synthesis(presenter, qtbot):
    presenter.reset(SessionOptions(opening="Hello there."))
    with qtbot.waitSignal(presenter.synthesize) as asked:
        presenter.speak_opening()
    key, text, rate = asked.args
    assert (text, rate) == ("Hello there.", 1.0)
    with qtbot.waitSignal(presenter.play_audio):
        presenter.on_synthesized(key, np.zeros(100, np.float32), 22050)
