"""Correction styles through the real pipeline (typed turns, real models)."""

import pytest

from app import events as ev
from app.config import Settings
from app.engines import Engines
from app.practice import Practice
from app.store import open_store
from app.tutor.scenarios import get_scenario


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    loaded = Engines(Settings.from_env(home=tmp_path_factory.mktemp("styles")))
    loaded.load()
    return loaded


@pytest.mark.slow
def test_the_reply_recasts_the_right_form_before_the_correction(engines, parley_home):
    practice = Practice(engines, open_store(parley_home), correction_style="gentle",
                        scenario=get_scenario("describing-weekend"), speak=False)
    seen = []
    outcome = practice.run_turn(None, text="yesterday she go to the cinema with me",
                                on_event=seen.append)
    kinds = [type(e) for e in seen]
    # The recast needs only the rules' fixes: the reply comes first, and says the right form.
    assert kinds.index(ev.ReplyToken) < kinds.index(ev.CorrectionsReady)
    assert outcome.corrections.changed
    assert outcome.reply.startswith("Oh, yesterday she went to the cinema with you.")
    assert practice.store.get_session(outcome.session_id).scenario == "Describing your weekend"


@pytest.mark.slow
def test_explicit_style_replies_before_correcting(engines, parley_home):
    practice = Practice(engines, open_store(parley_home), correction_style="explicit",
                        speak=False)
    seen = []
    practice.run_turn(None, text="yesterday she go to the cinema with me", on_event=seen.append)
    kinds = [type(e) for e in seen]
    assert kinds.index(ev.ReplyDone) < kinds.index(ev.CorrectionsReady)


@pytest.mark.slow
def test_off_style_never_runs_the_corrector(engines, parley_home, monkeypatch):
    calls = []
    monkeypatch.setattr(engines.corrector, "correct", lambda text: calls.append(text))
    practice = Practice(engines, open_store(parley_home), correction_style="off", speak=False)
    seen = []
    outcome = practice.run_turn(None, text="yesterday she go to the cinema with me",
                                on_event=seen.append)
    assert calls == [] and not outcome.corrections.changed
    assert practice.store.turns(outcome.session_id)[0].corrections == []
    assert outcome.reply  # the conversation goes on as usual
