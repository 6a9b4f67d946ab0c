"""A practice turn end to end on the fakes (tests/fakes.py): transcript ->
reply -> corrections -> saved in a real store, in milliseconds."""

from __future__ import annotations

import numpy as np
import pytest

from app import events as ev
from app.errors import AudioFileError
from app.practice import CancelToken, Practice, TurnCancelled
from app.store import open_store
from app.store.memory_store import MEMORY_SETTING
from app.tutor.edits import Edit
from tests.fakes import fake_engines, script_recast

LINE = "yesterday she go to the cinema with me"
FIXED = "yesterday she went to the cinema with me"
RECAST = "Oh, yesterday she went to the cinema with you."
QUESTION = "What film did you see?"


@pytest.fixture
def store(parley_home):
    opened = open_store(parley_home)
    opened.set_setting(MEMORY_SETTING, False)  # the memory's extraction parses (spaCy)
    yield opened
    opened.close()


@pytest.fixture
def recasts(monkeypatch) -> list:
    calls: list = []
    script_recast(monkeypatch, RECAST, calls)
    return calls


@pytest.fixture
def engines(parley_home):
    return fake_engines(parley_home, replies=[QUESTION], transcripts=[LINE],
                        fixes={LINE: FIXED},
                        edits={LINE: [Edit("go", "went", "past", "verb tense")]})


def _turn(practice, pcm=None, text=LINE, **kwargs):
    seen: list = []
    outcome = practice.run_turn(pcm, text=text, on_event=seen.append, **kwargs)
    return outcome, seen


def test_a_spoken_turn_goes_from_transcript_to_saved(engines, store, recasts):
    practice = Practice(engines, store, correction_style="explicit")
    pcm = np.zeros(16000, np.float32)
    outcome, seen = _turn(practice, pcm)
    assert [type(e) for e in seen][:2] == [ev.TurnStarted, ev.TranscriptReady]
    assert [type(e) for e in seen][-3:] == [ev.ReplyDone, ev.CorrectionsReady, ev.TurnSaved]
    assert engines.transcriber.calls == [{"samples": 16000, "initial_prompt": None}]
    assert outcome.reply == f"{RECAST} {QUESTION}"
    assert recasts == [(LINE, FIXED)]  # the recast says the rules' fixes back
    assert engines.corrector.corrected == [LINE]
    turn, = store.turns(outcome.session_id)
    assert (turn.transcript, turn.reply, turn.input_mode) == (LINE, outcome.reply, "voice")
    assert [(c.original, c.corrected) for c in turn.corrections] == [("go", "went")]
    assert turn.models == {"asr": "fake:fake", "llm": "fake", "voice": "fake:default"}
    assert outcome.reply_audio and outcome.learner_audio
    practice.end()


def test_the_voice_speaks_each_sentence_and_the_first_audio_is_timed(engines, store, recasts):
    practice = Practice(engines, store)
    outcome, seen = _turn(practice)
    assert engines.voice.said == ["Oh,", "yesterday she went to the cinema with you.", QUESTION]
    firsts = [e.first for e in seen if isinstance(e, ev.ReplyAudio)]
    assert firsts == [True, False, False]
    timings = outcome.timings_ms
    for name in ("llm_first_token", "tts_first_audio", "llm_total", "tts_total",
                 "correction", "end_to_first_audio"):
        assert timings[name] >= 0, name
    assert "asr" not in timings  # typed
    assert timings["llm_calls"] == 1 and timings["llm_tokens"] == 5
    saved = next(e for e in seen if isinstance(e, ev.TurnSaved))
    assert saved.timings_ms == timings and saved.timings_ms is not timings


def test_the_first_audio_starts_close_to_the_first_word(engines, store, recasts):
    practice = Practice(engines, store)
    _, seen = _turn(practice)
    first = next(e for e in seen if isinstance(e, ev.ReplyAudio))
    lead_in = np.flatnonzero(np.abs(first.pcm) > 0.01)[0] / first.sample_rate
    assert lead_in == pytest.approx(0.01, abs=1e-3)  # the voice's 50 ms cut to 10


def test_without_the_voice_nothing_is_synthesised(engines, store, recasts):
    practice = Practice(engines, store, speak=False)
    outcome, seen = _turn(practice)
    assert engines.voice.said == [] and outcome.reply_audio is None
    assert "end_to_first_audio" not in outcome.timings_ms
    assert [e.text for e in seen if isinstance(e, ev.ReplySentence)][-1] == QUESTION


def test_turns_share_one_session_and_the_history_grows(engines, store, recasts):
    practice = Practice(engines, store, speak=False)
    first, _ = _turn(practice)
    second, _ = _turn(practice, text="I like it")
    assert first.session_id == second.session_id == practice.session_id
    assert [t.transcript for t in store.turns(first.session_id)] == [LINE, "I like it"]
    assert len(practice.conversation.history) == 2
    assert len(engines.chat.calls) >= 2
    practice.end({"turns": 2})
    assert store.get_session(first.session_id).summary == {"turns": 2}


def test_off_style_runs_no_corrector_and_saves_none(engines, store, recasts):
    practice = Practice(engines, store, correction_style="off", speak=False)
    outcome, _ = _turn(practice)
    assert engines.corrector.corrected == [] and not outcome.corrections.changed
    assert store.turns(outcome.session_id)[0].corrections == []
    assert outcome.timings_ms["correction"] == 0.0


def test_an_empty_transcript_saves_nothing(engines, store, recasts):
    practice = Practice(engines, store, speak=False)
    with pytest.raises(AudioFileError):
        _turn(practice, text="   ")
    assert store.list_sessions() == [] and practice.session_id is None


def test_a_turn_cancelled_before_it_starts_leaves_no_trace(engines, store, recasts):
    practice = Practice(engines, store, speak=False)
    token = CancelToken()
    token.cancel()
    with pytest.raises(TurnCancelled):
        _turn(practice, cancel=token)
    assert engines.chat.calls == [] and practice.conversation.history == []
    assert store.list_sessions() == []


def test_a_turn_cancelled_during_the_reply_is_not_saved(engines, store, recasts):
    practice = Practice(engines, store, speak=False)
    token = CancelToken()

    def on_event(event):
        if isinstance(event, ev.ReplyToken):
            token.cancel()

    with pytest.raises(TurnCancelled):
        practice.run_turn(None, text=LINE, on_event=on_event, cancel=token)
    assert practice.conversation.history == [] and store.list_sessions() == []
    assert not token.committed


def test_a_cancel_after_the_commit_is_refused_and_the_turn_saved(engines, store, recasts):
    practice = Practice(engines, store, speak=False)
    token, answers = CancelToken(), []

    def on_event(event):
        if isinstance(event, ev.TurnSaved):
            answers.append(token.cancel())

    outcome = practice.run_turn(None, text=LINE, on_event=on_event, cancel=token)
    assert answers == [False] and token.committed
    assert [t.id for t in store.turns(outcome.session_id)] == [outcome.turn_id]


def test_the_memory_reads_each_saved_turn_on_its_thread(engines, store, recasts, monkeypatch):
    from app.memory import keeper

    read: list = []
    monkeypatch.setattr(keeper, "extract", lambda text, said_on: read.append(text) or [])
    store.set_setting(MEMORY_SETTING, True)
    practice = Practice(engines, store, speak=False)
    _turn(practice)
    practice.end()  # drains the memory thread
    assert read == [LINE]


def test_a_long_recording_is_answered_from_its_end(engines, store, recasts):
    practice = Practice(engines, store, speak=False)
    long = " ".join(["I walked to the shop and bought some bread."] * 20) + " " + LINE + "."
    outcome, _ = _turn(practice, text=long)
    said = practice.conversation.history[-1][0]  # what the tutor answered
    assert long.endswith(said) and len(said.split()) <= 120
    assert store.turns(outcome.session_id)[0].transcript == long


def test_an_answers_first_sentence_is_spoken_before_the_model_writes_on(engines, store,
                                                                        monkeypatch):
    # The model's sentences come whole; the first is said at once (the
    # splitter used to wait for the next one's text), and for a question to
    # the tutor the model waits while the voice renders it.
    from app.tutor.acts import Act, ActResult

    practice = Practice(engines, store)
    heard_before_more = []

    def answer(said, certain):
        practice.conversation.last_act = ActResult(Act.TUTOR)
        yield "Good question. "
        yield "I'd recommend the old town."
        heard_before_more.append(list(engines.voice.said))
        yield " It is lovely in the evening."

    monkeypatch.setattr(practice, "_reply", answer)
    _turn(practice)
    assert heard_before_more == [["Good question.", "I'd recommend the old town."]]
    assert engines.voice.said[-1] == "It is lovely in the evening."
