"""The session core (app/session.py): options, scenario lookup with its
fallback, the correction-style policy, and the summary from saved turns."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from app.session import (SessionOptions, options_for, runs_corrector, scenario_for,
                         session_summary, shows_corrections_inline)
from app.store import open_store
from app.store.records import CorrectionRecord, TurnRecord


def test_options_for_a_known_pack_and_the_fallback_to_free_talk(parley_home):
    cafe = options_for("cafe-order", "A2", "gentle", parley_home)
    assert cafe.scenario_id == "cafe-order" and cafe.opening and cafe.level == "A2"
    assert cafe.correction_style == "gentle"
    gone = options_for("no-such-pack", "B1", "off", parley_home)
    assert gone.scenario_id == "free-talk" and gone.correction_style == "off"


def test_scenario_for_gives_the_pack_or_the_prompt_when_it_is_gone(parley_home):
    assert scenario_for(options_for("cafe-order", "B1", "explicit", parley_home)).id == "cafe-order"
    lost = SessionOptions(scenario_id="deleted-pack", scenario_prompt="a pack since deleted")
    assert scenario_for(lost, parley_home) == "a pack since deleted"


@pytest.mark.parametrize("style,runs,inline", [
    ("off", False, False), ("gentle", True, False), ("explicit", True, True),
    ("summary", True, False)])
def test_correction_style_policy(style, runs, inline):
    assert runs_corrector(style) is runs
    assert shows_corrections_inline(style) is inline


def test_summary_is_computed_from_the_saved_turns(parley_home):
    options = SessionOptions(scenario_id="cafe-order", level="A2", correction_style="summary")
    with open_store(parley_home) as store:
        session = store.start_session(scenario="Cafe", level="A2", correction_style="summary")
        now = datetime.now(UTC)
        store.save_turn(TurnRecord(
            session_id=session, transcript="She go home.", learner_pcm=np.zeros(16000, np.float32),
            corrections=[CorrectionRecord("go", "went", "Use the past tense.", "verb tense")],
            started_at=now, ended_at=now))
        store.save_turn(TurnRecord(session_id=session, transcript="Thanks.", input_mode="text",
                                   started_at=now, ended_at=now))
        summary = session_summary(store.turns(session), options)
    assert summary["turns"] == 2 and summary["corrections"] == 1
    assert summary["minutes_spoken"] == pytest.approx(1 / 60, abs=0.01)
    assert summary["correction_list"] == ["go → went"]
    assert (summary["scenario"], summary["level"], summary["correction_style"]) == (
        "cafe-order", "A2", "summary")
    assert session_summary([], options)["turns"] == 0
