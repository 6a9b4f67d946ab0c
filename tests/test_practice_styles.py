"""Correction styles through the real pipeline (typed turns), on the fakes
(tests/fakes.py): the policy needs no model, only the recast's parse does."""

import pytest

from app import events as ev
from app.practice import Practice
from app.store import open_store
from app.store.memory_store import MEMORY_SETTING
from app.tutor.edits import Edit
from app.tutor.scenarios import get_scenario
from tests.fakes import fake_engines, script_recast

LINE = "yesterday she go to the cinema with me"


@pytest.fixture
def engines(parley_home):
    return fake_engines(parley_home, replies=["What film did you see?"],
                        fixes={LINE: "yesterday she went to the cinema with me"},
                        edits={LINE: [Edit("go", "went", "past", "verb tense")]})


def _store(home):
    store = open_store(home)
    store.set_setting(MEMORY_SETTING, False)  # the memory's extraction parses (spaCy)
    return store


@pytest.mark.model  # the real recast parses the line with spaCy
def test_the_reply_recasts_the_right_form_before_the_correction(engines, parley_home):
    practice = Practice(engines, _store(parley_home), correction_style="gentle",
                        scenario=get_scenario("describing-weekend"), speak=False)
    seen = []
    outcome = practice.run_turn(None, text=LINE, on_event=seen.append)
    kinds = [type(e) for e in seen]
    # The recast needs only the rules' fixes: the reply comes first, and says the right form.
    assert kinds.index(ev.ReplyToken) < kinds.index(ev.CorrectionsReady)
    assert outcome.corrections.changed
    assert outcome.reply.startswith("Oh, yesterday she went to the cinema with you.")
    assert practice.store.get_session(outcome.session_id).scenario == "Describing your weekend"


def test_explicit_style_replies_before_correcting(engines, parley_home, monkeypatch):
    script_recast(monkeypatch, "Oh, yesterday she went to the cinema with you.")
    practice = Practice(engines, _store(parley_home), correction_style="explicit",
                        speak=False)
    seen = []
    practice.run_turn(None, text=LINE, on_event=seen.append)
    kinds = [type(e) for e in seen]
    assert kinds.index(ev.ReplyDone) < kinds.index(ev.CorrectionsReady)


def test_off_style_never_runs_the_corrector(engines, parley_home, monkeypatch):
    script_recast(monkeypatch, "Oh, yesterday she went to the cinema with you.")
    calls = []
    monkeypatch.setattr(engines.corrector, "correct", lambda text: calls.append(text))
    practice = Practice(engines, _store(parley_home), correction_style="off", speak=False)
    seen = []
    outcome = practice.run_turn(None, text=LINE, on_event=seen.append)
    assert calls == [] and not outcome.corrections.changed
    assert practice.store.turns(outcome.session_id)[0].corrections == []
    assert outcome.reply  # the conversation goes on as usual
