"""The end of a turn from what was said, how, and the learner's own pauses."""


import numpy as np
import pytest

from app import events
from app.turntaking.gate import Gate
from app.turntaking.turn_end import (FINISHED_MS, SCORED_WORDS, THINKING_MS, TurnEndPolicy,
                                     falling_pitch, learned_thinking_ms, mid_sentence_pauses_ms,
                                     normalise, scored_words, trails_off)


class FakeTranscript:
    def __init__(self, text):
        self.text = text


def TranscriptReady(text):  # the event the policy reads, around a stand-in transcript
    return events.TranscriptReady(FakeTranscript(text))


def policy_for(scores, **options):
    asked = []

    def score(text):
        asked.append(text)
        return scores[text]

    return TurnEndPolicy(score, **options), asked


def test_a_finished_sentence_ends_the_turn_sooner_than_a_fixed_half_second():
    policy, asked = policy_for({"I would like a coffee please.": 0.6}, patience_ms=3000)
    tag = policy.begin()
    assert policy.required_ms() == 3000  # nothing known yet: wait, at most the patience
    policy.peek(tag)(TranscriptReady("I would like a coffee please."))
    assert policy.required_ms() == FINISHED_MS <= 500 < THINKING_MS
    assert asked == ["I would like a coffee please."]


def test_an_unfinished_sentence_waits_for_the_learners_usual_pause():
    policy, _ = policy_for({"Yesterday I went": 0.01}, thinking_ms=1400)
    policy.heard(policy.begin(), "Yesterday I went")
    assert policy.required_ms() == 1400


@pytest.mark.parametrize("text", ["Yesterday I went to the market and", "I think, um", "So I...",
                                  "My grandfather has lived in the"])
def test_a_sentence_that_trails_off_waits_for_the_patience_limit(text):
    policy, asked = policy_for({}, patience_ms=4000)
    policy.heard(policy.begin(), text)
    assert policy.required_ms() == 4000 and asked == []  # no model call needed


def test_a_question_is_finished_without_asking_the_model():
    policy, asked = policy_for({"Where is the station?": 0.01})
    policy.heard(policy.begin(), "Where is the station?")
    assert policy.required_ms() == FINISHED_MS and asked == []


def test_the_model_reads_only_the_end_of_a_long_turn():
    # Reading is on the path to the reply, about 5 ms a token on two cores.
    said = ("Last summer my family and I drove all the way to the coast and we stayed "
            "in a small hotel near the beach for two whole weeks.")
    policy, asked = policy_for({scored_words(said): 0.6})
    policy.heard(policy.begin(), said)
    assert asked == ["the coast and we stayed in a small hotel near the beach for two whole weeks."]
    assert len(asked[0].split()) == SCORED_WORDS and policy.required_ms() == FINISHED_MS
    assert scored_words("I went home.") == "I went home."


def test_an_answer_for_an_earlier_pause_is_ignored():
    policy, _ = policy_for({"I went": 0.9})
    stale = policy.begin()
    policy.begin()  # the learner went on and paused again
    policy.heard(stale, "I went")
    assert policy.required_ms() == policy.patience_ms and policy.history == []


def test_patience_is_kept_within_sane_bounds():
    assert TurnEndPolicy(patience_ms=10).patience_ms == 800
    assert TurnEndPolicy(patience_ms=10**6).patience_ms == 8000


def test_the_gate_lets_the_policy_peek_at_held_events_on_the_turns_thread():
    seen, peeked = [], []
    gate = Gate(open_now=False, peek=peeked.append)
    gate.wrap(seen.append)("transcript")
    assert peeked == ["transcript"] and seen == []


def test_text_is_read_without_whispers_punctuation():
    assert normalise("I  went, to the\u2019 SHOP.") == "i went to the' shop"
    assert not trails_off("I saw her.") and not trails_off("I think so.")


def test_the_learners_usual_pause_comes_from_the_gaps_between_their_words():
    words = [{"text": " I", "start": 0.0, "end": 0.2}, {"text": " went", "start": 1.1, "end": 1.4},
             {"text": " home.", "start": 1.5, "end": 1.9}, {"text": " Then", "start": 3.0, "end": 3.2}]
    # 900 ms after "I" is a thinking pause; 100 ms is not a pause; after "home." a new sentence.
    assert mid_sentence_pauses_ms(words) == pytest.approx([900])
    assert learned_thinking_ms([200, 300, 400]) == THINKING_MS  # too few to learn from
    assert learned_thinking_ms([900, 1000, 1100, 1200, 1300, 1400]) == 1787  # 1.25 x p90 (1350) + 100
    assert learned_thinking_ms([3000] * 10, patience_ms=2500) == 2500
    # A learner who hardly pauses is answered sooner than the default, not under the floor.
    assert learned_thinking_ms([200, 250, 300, 300, 350, 400]) == 800


def tone(start_hz, end_hz, seconds=1.2, rate=16000):
    t = np.arange(int(seconds * rate)) / rate
    frequency = np.linspace(start_hz, end_hz, t.size)
    return (0.3 * np.sin(2 * np.pi * np.cumsum(frequency) / rate)).astype(np.float32)


def test_pitch_that_falls_at_the_end_is_heard_as_falling():
    assert falling_pitch(np.concatenate([tone(180, 180, 0.8), tone(180, 120, 0.4)])) is True
    assert falling_pitch(tone(150, 220)) is False
    assert falling_pitch(np.zeros(16000, np.float32)) is None


@pytest.fixture(scope="module")
def chat():
    from app.config import Settings
    from app.engines import Engines

    model = Engines(Settings.from_env()).chat
    model.load()
    return model


@pytest.mark.model
def test_the_chat_model_scores_a_finished_sentence_above_a_broken_off_one(chat):
    finished = chat.end_of_message_probability("My grandfather has lived in Florida all his life.")
    broken = chat.end_of_message_probability("I would like a")
    assert 0 <= broken < 0.1 < finished <= 1
    # The tutor's own prompt cache is untouched: the score has a cache of its own.
    assert chat._slot == "turn-end"
    again = chat.end_of_message_probability("My grandfather has lived in Florida all his life.")
    assert again == pytest.approx(finished, abs=1e-3)


def test_speculation_asks_the_policy_at_each_pause_and_forgets_on_resumption():
    from app.turntaking.cutter import Cut, Utterance
    from app.turntaking.endpointer import SPEECH_PAUSE, SPEECH_RESUME
    from app.turntaking.speculation import Speculation

    policy, _ = policy_for({"I would like a coffee please.": 0.9})
    gates = []
    speculation = Speculation(lambda utterance, gate, cancel: gates.append(gate), policy)
    pause = Cut(SPEECH_PAUSE, Utterance(np.zeros(1600, np.float32), 0.0, 64.0, 1600))
    speculation.on_cut(pause)
    gates[-1].wrap(lambda event: None)(TranscriptReady("I would like a coffee please."))
    assert policy.required_ms() == FINISHED_MS  # the held transcript reached the policy
    speculation.on_cut(Cut(SPEECH_RESUME))
    assert policy.required_ms() == policy.patience_ms and speculation.wasted == 1


def test_with_a_server_and_no_embedded_model_the_pitch_alone_decides(tmp_path, caplog):
    from app.tutor.chat import LlamaChatModel
    from app.tutor.openai_chat import ServerChatModel, ServerWithFallback

    missing = LlamaChatModel(tmp_path / "gone.gguf")
    chat = ServerWithFallback(ServerChatModel("http://127.0.0.1:9/v1", "any"), missing)
    policy = TurnEndPolicy(chat.end_of_message_probability)
    tag = policy.begin()
    policy.heard(tag, "My grandfather has lived in Florida all his life.")
    assert policy.history[-1].p_end is None and policy.required_ms() == THINKING_MS
    assert "judged by the pitch alone" in caplog.text and "gone.gguf" in caplog.text
    caplog.clear()
    assert chat.with_own_cache("corrections").end_of_message_probability("Hello.") is None
    assert caplog.text == ""  # told once; not tried again


def test_only_a_sentence_the_model_finds_finished_may_sound_before_its_end():
    from app.turntaking.turn_end import EARLY_MS

    policy, _ = policy_for({"I would like a coffee please.": 0.6, "I would like a": 0.05,
                            "Where is the station?": 0.1})
    assert policy.early_ms() is None  # nothing known yet
    policy.heard(policy.begin(), "I would like a coffee please.")
    assert policy.early_ms() == EARLY_MS < policy.required_ms() == FINISHED_MS
    policy.heard(policy.begin(), "I would like a")
    assert policy.early_ms() is None
    policy.heard(policy.begin(), "Where is the station?")  # Whisper's question mark
    assert policy.early_ms() == EARLY_MS
    policy.heard(policy.begin(), "and then we went to the")  # trails off: never early
    assert policy.early_ms() is None
    # No model to ask (a chat server): the pitch alone never lets it sound early.
    pitch_only = TurnEndPolicy(None)
    pitch_only.begin(tone(220, 150))
    pitch_only.heard(pitch_only._pause, "I would like a coffee please.")
    assert pitch_only.required_ms() == FINISHED_MS and pitch_only.early_ms() is None
    # Switched off, or not sooner than the end: it waits for the end.
    policy, _ = policy_for({"Fine.": 0.9}, early_ms=None)
    policy.heard(policy.begin(), "Fine.")
    assert policy.early_ms() is None


def test_a_learner_who_breathes_long_between_sentences_is_let_finish_first():
    from app.turntaking.turn_end import EARLY_MS, between_sentence_pauses_ms, learned_early_ms

    words = [{"text": "I'm tired.", "start": 0.0, "end": 0.6},
             {"text": "I", "start": 1.05, "end": 1.1},  # 450 ms after a full stop
             {"text": "worked", "start": 1.5, "end": 1.9}]  # 400 ms in a sentence
    assert between_sentence_pauses_ms(words) == pytest.approx([450])
    assert mid_sentence_pauses_ms(words) == pytest.approx([400])
    assert learned_early_ms([]) == EARLY_MS  # too few to learn from
    assert learned_early_ms([150, 180, 200, 160, 170]) == EARLY_MS
    assert learned_early_ms([250, 300, 320, 280, 300]) == 400
    assert learned_early_ms([400, 450, 420, 500, 380]) is None  # no sooner than the end


def test_the_learners_saved_turns_set_how_long_they_wait(tmp_path):
    """turn_end_options reads the word timings of the learner's spoken turns
    (a real store): long thinking pauses make an unfinished sentence wait
    longer, long breaths between sentences hold a finished one's early reply."""
    from app.store import open_store
    from app.store.records import TurnRecord
    from app.turntaking.turn_end import EARLY_MS, turn_end_options

    def word(text, start, end):
        return {"text": text, "start": start, "end": end, "probability": 0.9}

    with open_store(tmp_path) as store:
        assert turn_end_options(None, store).early_ms == EARLY_MS  # nothing saved yet
        session = store.start_session(scenario="free-talk", level="B1")
        for _ in range(6):
            # "I went to | (1.6 s) | the market. | (0.45 s) | It was closed."
            store.save_turn(TurnRecord(session_id=session, transcript="I went to the market. It was closed.",
                                       words=[word("I", 0.0, 0.2), word("went", 0.2, 0.5),
                                              word("to", 0.5, 0.6), word("the", 2.2, 2.3),
                                              word("market.", 2.3, 2.8), word("It", 3.25, 3.4),
                                              word("was", 3.4, 3.6), word("closed.", 3.6, 4.0)]))
        store.save_turn(TurnRecord(session_id=session, transcript="Typed. Not timed.",
                                   input_mode="text",
                                   words=[word("Typed.", 0, 0.1), word("Not", 5.0, 5.1)]))
        options = turn_end_options(None, store)
    assert options.thinking_ms == int(1600 * 1.25 + 100)
    assert options.early_ms is None  # breaths of 450 ms: the reply waits for the end
    policy = options.policy()
    assert policy.finished_early_ms is None and policy.thinking_ms == options.thinking_ms
