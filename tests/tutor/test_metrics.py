"""The eval set's format, and the GEC metrics on small hand-computed cases."""

from collections import Counter
from pathlib import Path

import pytest

from app.tutor.edits import KINDS
from app.tutor.metrics import Scores, extract_edits, f_beta, load_eval

DATA = Path(__file__).resolve().parents[1] / "data" / "corrections"


@pytest.mark.parametrize("name, errors, correct", [("eval.jsonl", 150, 100),
                                                   ("heldout.jsonl", 40, 20)])
def test_eval_set_format(name, errors, correct):
    items = load_eval(DATA / name)
    kinds = Counter(item.kind for item in items)
    assert kinds["correct"] >= correct and len(items) - kinds["correct"] >= errors
    assert set(KINDS) <= set(kinds)
    assert len({i.id for i in items}) == len(items)
    assert len({i.source for i in items}) == len(items)
    for item in items:
        if item.is_correct:
            assert item.references == (item.source,)
        else:  # every reference really corrects something
            assert all(extract_edits(item.source, ref) for ref in item.references)


def test_extract_edits_ignores_case_and_punctuation():
    assert extract_edits("She don't like it", "she doesn't like it.") == {(1, 2, "doesn't")}
    assert extract_edits("i want go home", "I want to go home") == {(2, 2, "to")}
    assert extract_edits("Fine, thanks.", "fine thanks") == set()


def test_f_beta_by_hand():
    # P = 2/3, R = 2/4: F0.5 = 1.25 * (2/3 * 1/2) / (0.25 * 2/3 + 1/2) = 0.625
    assert f_beta(2, 1, 2) == pytest.approx(0.625)
    assert f_beta(0, 0, 0) == 1.0 and f_beta(0, 3, 2) == 0.0


def test_scores_by_hand():
    scores = Scores()
    # A right fix (1 TP), a missed error (1 FN), a wrong fix (1 FP + 1 FN),
    # a correct sentence left alone and one changed (1 FP).
    scores.add("she don't like it", "she doesn't like it", ["she doesn't like it"], "agreement")
    scores.add("i want go home", "i want go home", ["i want to go home"], "missing word")
    scores.add("he go home", "he going home", ["he goes home"], "agreement")
    scores.add("we agree", "we agree", ["we agree"], "correct")
    scores.add("i like tea", "i likes tea", ["i like tea"], "correct")
    assert (scores.tp, scores.fp, scores.fn) == (1, 2, 2)
    assert scores.precision == pytest.approx(1 / 3) and scores.recall == pytest.approx(1 / 3)
    assert scores.f05 == pytest.approx(1 / 3)
    assert scores.false_change_rate == 0.5
    assert scores.per_kind == {"agreement": [1, 2], "missing word": [0, 1]}


def test_best_matching_reference_is_used():
    scores = Scores()
    counts = scores.add("i going home", "i'm going home",
                        ["i am going home", "i'm going home"], "missing word")
    assert counts == (1, 0, 0)


def test_eval_corrections_command_rules_only(tmp_path, capsys):
    import json

    from app.devtools.evaluate import main

    data = tmp_path / "mini.jsonl"
    data.write_text("\n".join(json.dumps(row) for row in [
        {"id": "e1", "kind": "agreement", "source": "she don't like it",
         "references": ["she doesn't like it"]},
        {"id": "c1", "kind": "correct", "source": "we agree", "references": ["we agree"]},
    ]) + "\n", encoding="utf-8")
    assert main(["eval-corrections", str(data), "--no-default", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)["rows"]
    assert row["system"] == "rules only"
    assert (row["precision"], row["recall"], row["false_change_rate"]) == (1.0, 1.0, 0.0)


def test_eval_corrections_needs_an_existing_file(tmp_path, capsys):
    # The eval sets are test data, not installed with Parley: no default path.
    from app.cli import main

    with pytest.raises(SystemExit):
        main(["eval-corrections"])
    assert main(["eval-corrections", str(tmp_path / "missing.jsonl"), "--no-default"]) == 2
    assert capsys.readouterr().err.strip().endswith(
        f"parley: no eval set at {tmp_path / 'missing.jsonl'} -- give a JSON Lines file, "
        "e.g. tests/data/corrections/eval.jsonl")
