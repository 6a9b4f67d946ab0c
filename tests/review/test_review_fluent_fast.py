"""The session review without a model: word changes, the evaluation's judge,
the review's evidence lines, shadowing comparison, the weekly axis, and
``review --no-build`` on a real store (fast tier)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from review_data import fill, words_for

from app.cli import main
from app.devtools.eval_fluent import FluentScores, fixed_edits, load_lines, score_line
from app.tutor.fluent import FluentRewriter, changes
from app.review.session_review import build_review, fluency_against_last, render_text
from app.review.shadowing import compare, summary_line
from app.review.weekly import MAX_TICKS, week_axis, weekly
from app.store import CorrectionRecord, TurnRecord, open_store


def test_changes_are_word_by_word():
    ops = [(c.op, c.said, c.fluent) for c in changes("Yesterday I go to park.",
                                                      "Yesterday I went to the park.")]
    assert ("replace", "go", "went") in ops and ("insert", "", "the") in ops


def test_a_moved_word_is_one_change():
    ops = [(c.op, c.said, c.fluent) for c in changes("I never have been to London.",
                                                      "I have never been to London.")
           if c.op != "equal"]
    assert ops == [("replace", "never have", "have never")]
    # The same word put in and taken out further apart stays two steps.
    ops = [c.op for c in changes("I have a dog and a cat.", "I a dog and a cat have.")
           if c.op != "equal"]
    assert ops == ["delete", "insert"]


def test_judge_needs_the_reference_fix_not_the_pipelines_word():
    said, refs = "She have two brothers.", ["She has two brothers."]
    assert fixed_edits(said, refs, "She has two brothers.") == (1, 1)
    assert fixed_edits(said, refs, "She have two brothers.") == (0, 1)
    # Another fix than the references: not counted as fixed.
    assert fixed_edits(said, refs, "She had two brothers.") == (0, 1)
    scores = FluentScores()
    item = {"said": "I like tea.", "refs": ["I like tea."], "error": False}
    score_line(scores, item, "I like green tea.", flagged=False)
    assert scores.added_lines == 1 and scores.left_alone == 0


def test_sets_have_enough_lines_and_splits_do_not_overlap(request):
    root = request.config.rootpath / "tests" / "data" / "fluent"
    dev, test = load_lines(root / "dev.txt"), load_lines(root / "test.txt")
    errors = sum(i["error"] for i in dev + test)
    correct = sum(not i["error"] for i in dev + test)
    assert errors >= 150 and correct >= 100
    assert not {i["said"] for i in dev} & {i["said"] for i in test}
    # The second test split, written before the verb guard: its own lines only.
    test2 = load_lines(root / "test2.txt")
    assert sum(i["error"] for i in test2) >= 90 and sum(not i["error"] for i in test2) >= 60
    said2 = [i["said"].lower() for i in test2]
    assert len(said2) == len(set(said2))
    assert not set(said2) & {i["said"].lower() for i in dev + test}
    # The third test split, read once at the final evaluation: its own lines only.
    test3 = load_lines(root / "test3.txt")
    assert sum(i["error"] for i in test3) >= 110 and sum(not i["error"] for i in test3) >= 75
    said3 = [i["said"].lower() for i in test3]
    assert len(said3) == len(set(said3))
    assert not set(said3) & {i["said"].lower() for i in dev + test + test2}
    assert all(ref != i["said"] for i in test3 if i["error"] for ref in i["refs"])
    # The fourth test split, learners' news for the recasts' held-out check: read once.
    test4 = load_lines(root / "test4.txt")
    assert sum(i["error"] for i in test4) >= 150 and sum(not i["error"] for i in test4) >= 40
    said4 = [i["said"].lower() for i in test4]
    assert len(said4) == len(set(said4))
    assert not set(said4) & {i["said"].lower() for i in dev + test + test2 + test3}
    assert all(ref != i["said"] for i in test4 if i["error"] for ref in i["refs"])
    # The fifth test split, learners' news for the recasts' held-out check: read once.
    test5 = load_lines(root / "test5.txt")
    assert sum(i["error"] for i in test5) >= 150 and sum(not i["error"] for i in test5) >= 40
    said5 = [i["said"].lower() for i in test5]
    assert len(said5) == len(set(said5))
    assert not set(said5) & {i["said"].lower() for i in dev + test + test2 + test3 + test4}
    assert all(ref != i["said"] for i in test5 if i["error"] for ref in i["refs"])
    # The sixth test split, conversational news for the recasts' held-out check: read once.
    test6 = load_lines(root / "test6.txt")
    assert sum(i["error"] for i in test6) >= 150 and sum(not i["error"] for i in test6) >= 40
    said6 = [i["said"].lower() for i in test6]
    assert len(said6) == len(set(said6))
    assert not set(said6) & {i["said"].lower() for i in dev + test + test2 + test3 + test4 + test5}
    assert all(ref != i["said"] for i in test6 if i["error"] for ref in i["refs"])
    # The seventh test split, spoken news for the recasts' held-out check: read once.
    test7 = load_lines(root / "test7.txt")
    assert sum(i["error"] for i in test7) >= 150 and sum(not i["error"] for i in test7) >= 40
    said7 = [i["said"].lower() for i in test7]
    assert len(said7) == len(set(said7))
    earlier = dev + test + test2 + test3 + test4 + test5 + test6
    assert not set(said7) & {i["said"].lower() for i in earlier}
    assert all(ref != i["said"] for i in test7 if i["error"] for ref in i["refs"])
    # The eighth test split, written blind on 2026-12-07: read once.
    test8 = load_lines(root / "test8.txt")
    assert sum(i["error"] for i in test8) >= 200 and sum(not i["error"] for i in test8) >= 100
    said8 = [i["said"].lower() for i in test8]
    assert len(said8) == len(set(said8))
    assert not set(said8) & {i["said"].lower() for i in earlier + test7}
    assert all(ref != i["said"] for i in test8 if i["error"] for ref in i["refs"])
    # The ninth test split, spoken news written blind on 2026-12-07: read once.
    test9 = load_lines(root / "test9.txt")
    assert sum(i["error"] for i in test9) >= 200 and sum(not i["error"] for i in test9) >= 40
    said9 = [i["said"].lower() for i in test9]
    assert len(said9) == len(set(said9))
    assert not set(said9) & {i["said"].lower() for i in earlier + test7 + test8}
    assert all(ref != i["said"] for i in test9 if i["error"] for ref in i["refs"])
    # The tenth test split, practice-session lines written blind on 2026-12-07: read once.
    test10 = load_lines(root / "test10.txt")
    assert sum(i["error"] for i in test10) >= 200 and sum(not i["error"] for i in test10) >= 100
    said10 = [i["said"].lower() for i in test10]
    assert len(said10) == len(set(said10))
    assert not set(said10) & {i["said"].lower() for i in earlier + test7 + test8 + test9}
    assert all(ref != i["said"] for i in test10 if i["error"] for ref in i["refs"])
    # The eleventh test split, spoken news written blind on 2026-12-07: read once.
    test11 = load_lines(root / "test11.txt")
    assert sum(i["error"] for i in test11) >= 200 and sum(not i["error"] for i in test11) >= 40
    said11 = [i["said"].lower() for i in test11]
    assert len(said11) == len(set(said11))
    assert not set(said11) & {i["said"].lower() for i in earlier + test7 + test8 + test9 + test10}
    assert all(ref != i["said"] for i in test11 if i["error"] for ref in i["refs"])
    # The twelfth test split, practice-session lines written blind on 2026-12-07: read once.
    test12 = load_lines(root / "test12.txt")
    assert sum(i["error"] for i in test12) >= 200 and sum(not i["error"] for i in test12) >= 100
    said12 = [i["said"].lower() for i in test12]
    assert len(said12) == len(set(said12))
    earlier12 = earlier + test7 + test8 + test9 + test10 + test11
    earlier12 += load_lines(root / "test13.txt")  # written at the same time, compared too
    assert not set(said12) & {i["said"].lower() for i in earlier12}
    assert all(ref != i["said"] for i in test12 if i["error"] for ref in i["refs"])


class _Corrector:
    def __init__(self, fixes):
        self.fixes, self.calls = fixes, 0

    def correct(self, text):
        from app.tutor.corrections import CorrectionResult

        self.calls += 1
        return CorrectionResult(text, self.fixes.get(text, text))


def test_rewriter_applies_sure_edits_and_asks_once_per_text():
    corrector = _Corrector({"He go home.": "He goes home."})
    rewriter = FluentRewriter(corrector, None, parse=lambda text: [])
    line = rewriter.line("He go home.")
    assert line.fluent == "He goes home." and line.source == "corrector"
    assert not rewriter.still_flagged(line.fluent)
    assert corrector.calls == 2  # the line, then its fix (which is stable)


def test_the_curated_rules_fix_before_the_corrector_weighs_the_line():
    corrector = _Corrector({})  # its scorer would keep the line as it was
    rewriter = FluentRewriter(corrector, None, parse=lambda text: [])
    line = rewriter.line("Yesterday we made a party at home.")
    assert line.fluent == "Yesterday we had a party at home." and line.source == "corrector"
    assert rewriter.line("We had a party at home.").fluent == "We had a party at home."


def test_fluency_lines_compare_with_the_last_sessions():
    this = {"wpm": 120.0, "pauses_per_min": 2.0, "fillers_per_min": 1.0}
    out = fluency_against_last(this, [{"wpm": 100.0, "pauses_per_min": 4.0,
                                       "fillers_per_min": 1.0}] * 5)
    assert out["lines"][0] == "words/min: 120.0, better than your last 5 sessions (100.0)"
    assert "pauses/min: 2.0, better than" in out["lines"][1]
    assert "same as" in out["lines"][2]
    assert fluency_against_last(None, [])["lines"] == [
        "No spoken turns in this session, so no fluency figures."]


def test_review_names_the_learners_own_evidence(tmp_path):
    home = tmp_path / "home"
    with open_store(home) as store:
        ids = fill(store, datetime.now(UTC) - timedelta(days=1))
        # "have" -> "has" a second time before (fill has it once).
        again = store.start_session("travel", "B1")
        store.save_turn(TurnRecord(session_id=again, transcript="She have a cat.",
                                   words=words_for("She have a cat."), corrections=[
                                       CorrectionRecord("have", "has", "He takes has.",
                                                        "agreement", "harper", 4, 8)]))
        # A new session: longer sentences, "has" said right, new words.
        sid = store.start_session("job interview", "B1")
        for text in ("My grandfather has a beautiful orchard near the mountains where we "
                     "stay every summer.",
                     "We was picking apples together every autumn with all my cousins."):
            fixes = [CorrectionRecord("was", "were", "Agreement.", "agreement", "harper",
                                      3, 6)] if "was" in text else []
            store.save_turn(TurnRecord(session_id=sid, transcript=text,
                                       words=words_for(text), corrections=fixes))
        [first, second] = store.turns(sid)
        store.save_fluent(sid, [(first.id, first.transcript, [], "same"),
                                (second.id, "We were picking apples together every autumn "
                                 "with cousins.", [{"op": "replace", "said": "was",
                                                    "fluent": "were"}], "corrector")])
        review = build_review(store, sid)
        assert build_review(store, 999) is None
        assert ids  # the earlier sessions exist
    assert review["fluent_ready"]
    assert [t["fluent"] for t in review["turns"]][1].startswith("We were picking")
    well = " | ".join(review["did_well"])
    assert "Longer sentences than last time" in well
    assert "“has” right" in well and "corrected" in well
    assert "orchard" in well  # a new word
    [pattern] = review["work_on"]
    assert pattern["kind"] == "agreement" and pattern["examples"][0]["corrected"] == "were"
    assert review["fluency"]["last_sessions"] >= 1
    text = render_text(review)
    assert "Changes:   was -> were" in text


def test_review_command_prints_json_without_building(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PARLEY_HOME", str(tmp_path / "home"))
    assert main(["review", "last", "--json", "--no-build"]) == 2
    assert "no sessions saved yet" in capsys.readouterr().err
    with open_store(tmp_path / "home") as store:
        ids = fill(store)
    assert main(["review", "last", "--json", "--no-build"]) == 0
    assert json.loads(capsys.readouterr().out)["work_on"] == []  # no mistakes in it
    assert main(["review", str(ids["interview"]), "--json", "--no-build"]) == 0
    review = json.loads(capsys.readouterr().out)
    assert set(review) >= {"turns", "did_well", "work_on", "fluency"}
    assert review["work_on"][0]["drills"]  # linked to the drills made from the mistakes
    assert set(review["turns"][0]) >= {"said", "fluent", "changes"}
    assert main(["review", "banana"]) == 2
    assert "not 'banana'" in capsys.readouterr().err


def test_export_session_includes_the_review(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PARLEY_HOME", str(tmp_path / "home"))
    with open_store(tmp_path / "home") as store:
        ids = fill(store)
        [turn, _] = store.turns(ids["interview"])
        store.save_fluent(ids["interview"], [(turn.id, "My grandfather has lived here.", [],
                                              "model")])
    assert main(["export", "--session", str(ids["interview"]), "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["review"]["turns"][0]["fluent"] == "My grandfather has lived here."
    assert main(["export", "--session", str(ids["interview"])]) == 0
    assert "**Fluent:** My grandfather has lived here." in capsys.readouterr().out


def test_shadowing_compares_with_the_first_attempt():
    first = words_for("My grandfather have lived in Florida all his life.", pace=0.6)
    heard = "My grandfather has lived in Florida his life."
    result = compare("My grandfather has lived in Florida all his life.", heard,
                     words_for(heard, pace=0.4), first)
    assert result["differing"] == [{"op": "delete", "fluent": "all", "said": ""}]
    assert result["wpm"] > result["first_wpm"]
    assert "[-all-]" in summary_line(result) and "first time" in summary_line(result)


def _metric(at, text, seconds=3.0):
    from app.store import TurnMetric

    return TurnMetric(1, 1, at, seconds, words_for(text), text, 0)


def test_weekly_values_and_axis_from_one_day_to_a_year():
    start = datetime(2026, 1, 7, 10, tzinfo=UTC)
    one_day = weekly([_metric(start, "I goes home now")], [])
    xs, x_range, ticks = week_axis(one_day.weeks)
    assert one_day.weeks == [date(2026, 1, 5)] and xs == [0.0]
    assert x_range[1] - x_range[0] >= 4 and ticks[0][1] == "Jan 5 2026"
    june = datetime(2026, 6, 3, 10, tzinfo=UTC)
    year = weekly([_metric(june + timedelta(days=d), "hello there") for d in range(0, 365, 3)],
                  [])
    xs, _range, ticks = week_axis(year.weeks)
    assert len(xs) == 53 and 4 <= len(ticks) <= MAX_TICKS
    assert ticks[0][1] == "Jun 1 2026"
    assert any(label.endswith("2027") for _x, label in ticks)  # the year turns, and says so
    assert year.minutes[0] > 0 and year.wpm[0] is not None
