"""The background build after a session ends (pytest-qt, fakes): on the
worker's own thread, with progress; the tutor model asked under the JSON
schema; a failure is one line and saves nothing (fast tier)."""

from __future__ import annotations

import pytest
from fakes import fake_engines
from PySide6.QtCore import QObject, Signal

from app.tutor.fluent import FLUENT_SCHEMA
from app.store import CorrectionRecord, TurnRecord, open_store
from app.ui.review.fluent_worker import FluentWorker
from app.ui.worker import start_worker

pytestmark = pytest.mark.timeout(60)


class _Ended(QObject):
    ended = Signal(object, object)


@pytest.fixture
def store(parley_home):
    with open_store(parley_home) as opened:
        yield opened


def _session(store) -> int:
    sid = store.start_session("travel", "B1", "explicit")
    store.save_turn(TurnRecord(session_id=sid, transcript="He go home.", corrections=[
        CorrectionRecord("go", "goes", "Agreement.", "agreement", "rules", 3, 5)]))
    return sid


def _run(qtbot, worker, session_id, signal):
    thread = start_worker(worker)
    source = _Ended()
    source.ended.connect(worker.session_ended)  # queued: the worker lives on its thread
    try:
        with qtbot.waitSignal(signal, timeout=20000) as blocker:
            source.ended.emit(session_id, {})
    finally:
        thread.quit()
        thread.wait()
    return blocker.args


def test_a_session_end_builds_its_fluent_versions_on_the_workers_thread(qtbot, store,
                                                                         parley_home):
    sid = _session(store)
    engines = fake_engines(parley_home, replies=['{"fluent": "He goes home."}'])
    worker = FluentWorker(lambda: engines, lambda: store)
    progress = []
    worker.progress.connect(lambda *args: progress.append(args))
    built_id, result = _run(qtbot, worker, sid, worker.built)
    assert built_id == sid and result.error is None and result.turns == 1
    assert progress[0] == (sid, 0, 1) and progress[-1] == (sid, 1, 1)
    [line] = store.fluent_lines(sid).values()
    assert line.fluent == "He goes home." and line.source == "corrector"
    assert line.changes == [{"op": "replace", "said": "go", "fluent": "goes"}]
    [call] = engines.chat.calls
    assert call["json_schema"] == FLUENT_SCHEMA and call["temperature"] == 0.0
    assert engines.corrector.corrected == []  # the turn's saved sure edits were used


def test_no_models_is_one_line_and_nothing_saved(qtbot, store):
    sid = _session(store)
    worker = FluentWorker(lambda: None, lambda: store)
    failed_id, message = _run(qtbot, worker, sid, worker.failed)
    assert failed_id == sid
    assert message == "fluent versions not built: the models are not loaded"
    assert store.fluent_lines(sid) == {}


def test_fixes_saved_without_a_place_are_looked_for_again(store, parley_home):
    from app.fluent_review import build_fluent
    from app.tutor.edits import Edit

    sid = store.start_session("travel", "B1", "explicit")
    # As the corrector writes this edit: lower case, so it is not found as written.
    store.save_turn(TurnRecord(session_id=sid, transcript="I am agree with you.", corrections=[
        CorrectionRecord("i am", "i", "Agree is a verb.", "extra word", "rules")]))
    engines = fake_engines(parley_home, replies=['{"fluent": "I agree with you."}'], edits={
        "I am agree with you.": [Edit("am ", "", "Agree is a verb.", "extra word")]})
    assert build_fluent(store, engines, sid).error is None
    # Asked again, after the curated rules (which fix "am agree" themselves).
    assert engines.corrector.corrected[0] == "I agree with you."
    [line] = store.fluent_lines(sid).values()
    assert line.fluent == "I agree with you."
