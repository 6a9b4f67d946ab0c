"""The review's writer, picked by the machine's measurement (app/brain.py):
the decision from given speeds, where it applies, and the build that uses it
(fast tier: fakes, no model loaded)."""

from __future__ import annotations

from fakes import FakeChat, fake_engines

from app import brain
from app.brain import TutorSpeed, choose, choose_review, predicted_review_s
from app.config import Settings
from app.fluent_review import build_fluent
from app.models_catalog import PipPartsModel
from app.store import TurnRecord, open_store

QWEN15, QWEN05, SMOL = brain.TUTORS


def speed(spec: str, prompt_tps: float, gen_tps: float, load_s: float = 1.0,
          first_ms: float = 9000.0) -> TutorSpeed:
    """A tutor measured too slow for a live turn (first sentence 9 s): the
    review has its own budget."""
    return TutorSpeed(spec, prompt_tps, gen_tps, [first_ms] * 5, load_s, 2, 2, 1.0)


def taking(spec: str, seconds: float) -> TutorSpeed:
    """A writer whose predicted 10-turn review takes ``seconds``."""
    fixed = 1.0 + brain.REVIEW_TURNS * brain.REVIEW_OTHER_S
    gen = brain.REVIEW_TURNS * brain.REVIEW_OUTPUT_TOKENS / (seconds - fixed)
    return speed(spec, 1e9, gen)


def test_the_prediction_counts_the_load_the_examples_and_each_turn():
    quick = speed(QWEN05, 60.0, 25.0, load_s=2.0)
    per_turn = (brain.REVIEW_PROMPT_TOKENS / 60 + brain.REVIEW_OUTPUT_TOKENS / 25
                + brain.REVIEW_OTHER_S)
    assert predicted_review_s(quick) == 2.0 + brain.REVIEW_PREFIX_TOKENS / 60 + 10 * per_turn
    assert predicted_review_s(quick, turns=20) > predicted_review_s(quick)
    assert predicted_review_s(speed(QWEN05, 60.0, 5.0)) > predicted_review_s(quick)


def test_the_strongest_writer_that_keeps_twice_its_time_in_hand_is_picked():
    in_hand = brain.REVIEW_BUDGET_S / brain.REVIEW_MARGIN
    assert abs(predicted_review_s(taking(QWEN15, in_hand - 1)) - (in_hand - 1)) < 1e-6
    tutors = {QWEN15: taking(QWEN15, in_hand - 1), QWEN05: taking(QWEN05, 12),
              SMOL: speed(SMOL, 70.0, 79.0, first_ms=500)}
    pick = choose(tutors, {})
    # The 1.5B is too slow for a live turn's first sentence but writes the review.
    assert (pick.tutor, pick.review) == (SMOL, QWEN15)
    assert any(r.startswith(f"review by {QWEN15}") for r in pick.reasons)


def test_a_writer_that_fits_the_budget_only_without_the_margin_gives_way():
    in_hand = brain.REVIEW_BUDGET_S / brain.REVIEW_MARGIN
    review, reasons = choose_review({QWEN15: taking(QWEN15, in_hand + 1),
                                     QWEN05: taking(QWEN05, in_hand - 1),
                                     SMOL: speed(SMOL, 70.0, 79.0)})
    assert review == QWEN05
    assert reasons[0].startswith(f"review not by {QWEN15}")
    review, _ = choose_review({QWEN15: taking(QWEN15, in_hand + 1),
                               QWEN05: taking(QWEN05, in_hand + 1),
                               SMOL: speed(SMOL, 70.0, 79.0)})
    assert review == SMOL


def test_smollm2_is_the_floor_and_only_measured_models_are_picked():
    assert choose_review({})[0] == SMOL
    assert choose_review({QWEN15: speed(QWEN15, 3.0, 1.0), SMOL: speed(SMOL, 5.0, 2.0)})[0] \
        == SMOL  # nothing fits: SmolLM2 all the same
    # Qwen 0.5B fits but is not installed (not measured): not picked.
    assert choose_review({SMOL: speed(SMOL, 70.0, 79.0)})[0] == SMOL


def test_where_the_review_pick_applies(tmp_path, monkeypatch):
    installed = {QWEN15: True, QWEN05: True}
    monkeypatch.setattr(PipPartsModel, "installed", lambda self: installed[self.id])
    settings = Settings(home=tmp_path)
    assert brain.review_model(settings) is None  # nothing measured: the tutor's model
    brain.save_pick(choose({QWEN05: taking(QWEN05, 10),
                            SMOL: speed(SMOL, 70.0, 79.0, first_ms=500)}, {}), tmp_path)
    assert brain.review_model(settings) == QWEN05
    assert brain.review_model(settings.with_(llm_model="/my/own.gguf")) is None  # theirs wins
    assert brain.review_model(settings.with_(llm_url="http://127.0.0.1:9/v1")) is None
    installed[QWEN05] = False  # uninstalled since: the tutor's model writes
    assert brain.review_model(settings) is None
    # A pick saved before the review was measured has none: the tutor's model writes.
    old = brain.load_pick(tmp_path)
    old.review = ""
    brain.save_pick(old, tmp_path)
    assert brain.load_pick(tmp_path).review == "" and brain.review_model(settings) is None


def _session(store) -> int:
    sid = store.start_session("travel", "B1", "explicit")
    store.save_turn(TurnRecord(session_id=sid, transcript="I like tea very much."))
    return sid


def test_the_build_writes_with_the_review_model_not_the_tutors(parley_home):
    engines = fake_engines(parley_home, replies=["What next?"])
    writer = FakeChat('{"fluent": "I like tea very much."}')
    writer.name = "writer"
    assert engines.review_chat is engines.chat  # nothing measured: the tutor's model
    engines.review_spec, engines._review_chat = "writer.gguf", writer
    with open_store(parley_home) as store:
        sid = _session(store)
        result = build_fluent(store, engines, sid)
        assert result.error is None and result.model == "writer"
        assert writer.loads == 1 and len(writer.calls) == 1 and engines.chat.calls == []
        [line] = store.fluent_lines(sid).values()
    assert line.model == "writer"


def test_a_review_model_that_cannot_load_leaves_the_session_as_it_was(parley_home, tmp_path):
    engines = fake_engines(parley_home)
    engines.review_spec = str(tmp_path / "gone.gguf")  # a picked file removed since
    with open_store(parley_home) as store:
        sid = _session(store)
        result = build_fluent(store, engines, sid)
        assert result.error.startswith("fluent versions not built: chat model not found")
        assert "\n" not in result.error and store.fluent_lines(sid) == {}
    assert engines.chat.calls == []


def test_the_windows_worker_builds_with_the_review_model(qtbot, parley_home):
    from PySide6.QtCore import QObject, Signal

    from app.ui.review.fluent_worker import FluentWorker
    from app.ui.worker import start_worker

    class Ended(QObject):
        ended = Signal(object, object)

    engines = fake_engines(parley_home)
    writer = FakeChat('{"fluent": "I like tea very much."}')
    writer.name = "writer"
    engines.review_spec, engines._review_chat = "writer.gguf", writer
    with open_store(parley_home) as store:
        sid = _session(store)
        worker = FluentWorker(lambda: engines, lambda: store)
        thread, source = start_worker(worker), Ended()
        source.ended.connect(worker.session_ended)
        try:
            with qtbot.waitSignal(worker.built, timeout=20000) as blocker:
                source.ended.emit(sid, {})
        finally:
            thread.quit()
            thread.wait()
        assert blocker.args[1].model == "writer" and engines.chat.calls == []
        assert {line.model for line in store.fluent_lines(sid).values()} == {"writer"}
