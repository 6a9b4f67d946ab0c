"""Smart Turn v3.2, Pipecat's audio end-of-turn model: where it is asked (words
that sound unfinished, the learner's rhythm unknown), what it changes, how
its weights come from pip, and, with the real model, what it hears."""

import logging
import threading
import zipfile
from pathlib import Path

import numpy as np
import pytest

from app.devtools.pause_eval import decide
from app.turntaking import smart_turn
from app.turntaking.rhythm import Rhythm
from app.turntaking.turn_end import (SOUNDS_COMPLETE, SOUNDS_COMPLETE_MS,
                                     THINKING_MS, TurnEndOptions, TurnEndPolicy)

ROOT = Path(__file__).resolve().parents[2]
PCM = np.zeros(16000, np.float32)


class StubVoice:
    """Smart Turn's P(complete), scripted; records the audio it was asked about."""

    def __init__(self, p):
        self.p = p
        self.heard = []

    def __call__(self, pcm):
        self.heard.append(pcm)
        return self.p


def policy(p_end, voice, **options):
    return TurnEndPolicy(lambda text: p_end, voice=voice, **options)


@pytest.mark.parametrize("p, wait", [(0.95, SOUNDS_COMPLETE_MS), (SOUNDS_COMPLETE, SOUNDS_COMPLETE_MS),
                                     (0.79, THINKING_MS), (None, THINKING_MS)])
def test_unfinished_words_in_a_voice_that_sounds_complete_wait_less(p, wait):
    voice = StubVoice(p)
    turn = policy(0.05, voice)
    turn.heard(turn.begin(PCM), "My grandfather has lived in Florida")
    assert turn.required_ms() == wait and turn.early_ms() is None
    assert len(voice.heard) == 1 and voice.heard[0] is PCM  # the utterance's own audio
    assert turn.history[-1].p_complete == p and len(turn.history) == 1
    assert SOUNDS_COMPLETE_MS < THINKING_MS


@pytest.mark.parametrize("text, p_end", [("I would like a coffee please.", 0.9),
                                         ("I forgot my umbrella.", 0.39),  # could end: 0.9 s
                                         ("Where is the station?", 0.01),
                                         ("Yesterday I went to the market and", 0.01)])
def test_words_that_do_not_sound_unfinished_never_ask_the_voice(text, p_end):
    voice = StubVoice(0.0)
    turn = policy(p_end, voice, patience_ms=3000)
    without = policy(p_end, None, patience_ms=3000)
    for each in (turn, without):
        each.heard(each.begin(PCM), text)
    assert voice.heard == [] and turn.required_ms() == without.required_ms()


def test_the_unfinished_wait_is_set_before_the_voice_is_heard():
    """The endpointer reads the text's wait at once; Smart Turn only shortens it."""
    inside = threading.Event()
    seen = []

    def slow_voice(pcm):
        seen.append(turn.required_ms())
        inside.set()
        return 0.9

    turn = policy(0.05, slow_voice)
    turn.heard(turn.begin(PCM), "He plotted on")
    assert inside.is_set() and seen == [THINKING_MS]
    assert turn.required_ms() == SOUNDS_COMPLETE_MS


def test_a_late_voice_score_for_a_pause_the_learner_went_on_after_is_dropped():
    def voice(pcm):
        turn.begin()  # the learner went on while the model listened
        return 0.99

    turn = policy(0.05, voice, patience_ms=3000)
    turn.heard(turn.begin(PCM), "His enemy went down")
    assert turn.required_ms() == 3000  # the new pause's: nothing known yet
    assert turn.history[-1].p_complete is None


def test_the_voice_is_asked_only_while_the_learners_rhythm_is_unknown():
    voice = StubVoice(0.95)
    options = TurnEndOptions(score=lambda text: 0.05, rhythm=Rhythm(), voice=voice)
    assert options.policy().voice is voice
    known = Rhythm([400, 500, 600, 700, 800])
    assert known.known and not Rhythm([400]).known
    learned = TurnEndOptions(score=lambda text: 0.05, rhythm=known, voice=voice).policy()
    assert learned.voice is None
    learned.heard(learned.begin(PCM), "My grandfather has lived in Florida")
    assert voice.heard == [] and learned.required_ms() == learned.thinking_ms != SOUNDS_COMPLETE_MS


def test_without_a_text_model_a_voice_that_does_not_fall_is_unfinished():
    turn = TurnEndPolicy(None, voice=StubVoice(0.9))
    turn.heard(turn.begin(PCM), "I went home")
    assert turn.required_ms() == SOUNDS_COMPLETE_MS


def test_the_replayed_decisions_follow_the_apps_rule():
    def record(kind, pauses, pause_s=None):
        return {"kind": kind, "file": f"{kind}.wav", "pause_s": pause_s, "pauses": [
            {"text": text, "p_end": p_end, "asks": False, "trailing": False, "falling_old": False,
             "silence_ms": silence, "resumed": resumed, "smart_turn": p,
             "prosody": {"lengthening": None}} for text, p_end, p, silence, resumed in pauses]}

    records = [
        # Complete, words SmolLM2 finds unfinished, a voice that sounds complete.
        record("complete", [("He hoped there would be stew", 0.1, 0.9, 3000, False)]),
        # A 1.4 s thinking pause the voice hears as complete: now cut off.
        record("paused", [("He plotted on", 0.1, 0.85, 1400, True),
                          ("He plotted on for half an hour.", 0.6, 0.9, 3000, False)], 1.4),
        # The same, the voice unsure: waited through.
        record("paused", [("His enemy went down", 0.1, 0.3, 1400, True),
                          ("His enemy went down on his knees.", 0.6, 0.9, 3000, False)], 1.4),
        # A 1.2 s one (1248 ms of silence, as the VAD hears it): waited through.
        record("paused", [("He plotted on", 0.1, 0.95, 1248, True),
                          ("He plotted on for half an hour.", 0.6, 0.9, 3000, False)], 1.2),
    ]
    before, after = decide(records, voice=False), decide(records)
    assert before["waits"] == [THINKING_MS] and after["waits"] == [SOUNDS_COMPLETE_MS]
    assert before["cut"] == [] and after["cut"] == ["paused.wav"]
    assert decide(records, "main")["waits"] == [1200]  # main: no voice, a 1.2 s wait


# -- the model file --------------------------------------------------------------

def test_no_model_file_gives_no_score_and_one_line(monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("PARLEY_SMART_TURN", str(tmp_path / "absent.onnx"))
    model = smart_turn.SmartTurn()
    with caplog.at_level(logging.INFO, logger="app.turntaking.smart_turn"):
        assert model.p_complete(PCM) is None and model.p_complete(PCM) is None
        model.warm_up()
    assert not model.available
    lines = [r.getMessage() for r in caplog.records if r.name == "app.turntaking.smart_turn"]
    assert len(lines) == 1 and "not installed" in lines[0]  # once, not at every pause


def test_a_file_that_is_not_the_pinned_one_is_not_used(monkeypatch, tmp_path, caplog):
    fake = tmp_path / smart_turn.FILENAME
    fake.write_bytes(b"\0" * 64)
    model = smart_turn.SmartTurn(fake)
    with caplog.at_level(logging.WARNING, logger="app.turntaking.smart_turn"):
        assert model.p_complete(PCM) is None
    assert "SHA-256" in caplog.text


def fake_wheel(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_install_takes_only_the_pinned_onnx_out_of_the_wheel(tmp_path, capsys):
    empty = fake_wheel(tmp_path / "other-1.0-py3-none-any.whl", {"other/__init__.py": ""})
    with pytest.raises(ValueError, match="holds no"):
        smart_turn.install(empty, tmp_path / "models")
    tampered = fake_wheel(tmp_path / "pipecat_ai-1.14.0-py3-none-any.whl", {
        smart_turn.WHEEL_MEMBER: b"not the model", smart_turn.WHEEL_LICENCE: "BSD 2-Clause"})
    with pytest.raises(ValueError, match="SHA-256"):
        smart_turn.install(tampered, tmp_path / "models")
    folder = tmp_path / "models" / smart_turn.FOLDER
    assert not (folder / smart_turn.FILENAME).exists()
    assert [p.name for p in folder.iterdir()] == [smart_turn.LICENCE_FILE]  # no partial file
    assert smart_turn.main(["install", str(tmp_path / "missing.whl")]) == 2
    assert "no such wheel" in capsys.readouterr().err
    assert smart_turn.main(["check", "--into", str(tmp_path / "models")]) == 1


def test_the_lock_pins_the_carrier_setup_downloads():
    pinned = [line for line in (ROOT / "scripts/lock/smart-turn.in").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    assert pinned == ["pipecat-ai==1.14.0"] and smart_turn.CARRIER == "pipecat-ai 1.14.0"
    locked = (ROOT / "scripts/lock/smart-turn.txt").read_text()
    assert "pipecat-ai==1.14.0 \\\n    --hash=sha256:" in locked
    setup = (ROOT / "scripts/setup.sh").read_text()
    assert "--no-deps --only-binary :all: --require-hashes" in setup
    assert "-r scripts/lock/smart-turn.txt" in setup and "install_smart_turn\n" in setup
    assert "pipecat_ai-1.14.0.dist-info" in smart_turn.WHEEL_LICENCE


# -- the real model (scripts/setup.sh puts it in models/) ----------------------------

INSTALLED = smart_turn.find_model()


@pytest.mark.model
@pytest.mark.skipif(INSTALLED is None, reason="Smart Turn v3.2 is not installed in models/ "
                    "(bash scripts/setup.sh takes it out of the pip wheel pipecat-ai 1.14.0)")
@pytest.mark.parametrize("clip, cut_s", [
    # "... ask what you can do for | your country." (Whisper's word end, 9.92 s)
    ("native_jfk", 9.92),
    # "He hoped there would be stew for dinner, turnips and | carrots ..." (3.40 s)
    ("native_librispeech_1089-134686-0000", 3.40),
])
def test_a_finished_sentence_sounds_more_complete_than_the_same_voice_cut_off(clip, cut_s):
    from app.audio.wavio import load_utterance

    model = smart_turn.SmartTurn()
    assert model.load() and smart_turn.verified(model.path)
    pcm = load_utterance(ROOT / "tests/data/speech/native" / f"{clip}.wav")
    tail = np.zeros(1600, np.float32)  # the 100 ms of silence the endpointer keeps
    whole = model.p_complete(np.concatenate([pcm, tail]))
    cut = model.p_complete(np.concatenate([pcm[:int(cut_s * 16000)], tail]))
    assert 0.0 <= cut < whole <= 1.0
    assert whole - cut > 0.4, (whole, cut)


# -- in the live driver ------------------------------------------------------------

@pytest.mark.parametrize("p, wait", [(0.9, SOUNDS_COMPLETE_MS), (0.3, THINKING_MS)])
def test_the_driver_ends_a_complete_sounding_unfinished_sentence_sooner(p, wait):
    """A real recording through the app's driver; SmolLM2 stands in as a score
    that finds the words unfinished, Smart Turn as a scripted probability."""
    from app import events
    from app.audio.vad import trim_silence
    from app.audio.wavio import load_utterance
    from app.turntaking.driver import TurnDriver

    def start(utterance, gate, cancel):  # a turn behind its gate: its transcript first
        transcript = type("Transcript", (), {"text": "He plotted on"})()
        gate.wrap(lambda event: None)(events.TranscriptReady(transcript))
        return utterance

    voice = StubVoice(p)
    driver = TurnDriver(start, turn_end=TurnEndOptions(score=lambda text: 0.05, voice=voice))
    pcm = trim_silence(load_utterance(ROOT / "tests/data/speech/native"
                                      / "native_librispeech_1089-134686-0001.wav"), pad_ms=50)
    stream = np.concatenate([np.zeros(4800, np.float32), pcm, np.zeros(32000, np.float32)])
    ends = [e for o in range(0, stream.size, 480) if (e := driver.feed(stream[o:o + 480]))]
    (ended,) = ends
    assert ended.turn is not None  # the speculative turn, let through at the end
    assert wait <= ended.utterance.endpoint_delay_ms < wait + 150
    assert voice.heard and voice.heard[-1].size == ended.turn.handle.pcm.size


def test_a_model_that_fails_is_dropped_with_one_line(caplog):
    class Broken:
        def run(self, *args, **kwargs):
            raise RuntimeError("bad input")

    model = smart_turn.SmartTurn()
    model._tried, model._session = True, Broken()  # as if loaded
    with caplog.at_level(logging.WARNING, logger="app.turntaking.smart_turn"):
        assert model.p_complete(PCM) is None and model.p_complete(PCM) is None
    assert not model.available and caplog.text.count("Smart Turn failed") == 1
