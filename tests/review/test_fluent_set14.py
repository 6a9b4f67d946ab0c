"""The fourteenth evaluation split (tests/data/fluent/test14.txt), learner lines
written blind on 2026-12-07 for the review's held-out check: its size, and that
its lines are its own (fast tier, no model)."""

from __future__ import annotations

from app.devtools.eval_fluent import load_lines


def _words(text):
    return "".join(c if c.isalnum() or c == "'" else " " for c in text.lower()).split()


def test_fourteenth_split_has_its_counts_and_lines_of_its_own(request):
    root = request.config.rootpath / "tests" / "data" / "fluent"
    test14 = load_lines(root / "test14.txt")
    assert sum(i["error"] for i in test14) == 210
    assert sum(not i["error"] for i in test14) == 90
    said14 = [i["said"].lower() for i in test14]
    assert len(said14) == len(set(said14))
    others = sorted(p for p in root.glob("*.txt") if p.name != "test14.txt")
    assert len(others) >= 14
    earlier = [i for p in others for i in load_lines(p)]
    assert not set(said14) & {i["said"].lower() for i in earlier}
    # Not the same words as another split's line either, punctuation and case aside.
    assert not {tuple(_words(s)) for s in said14} & {tuple(_words(i["said"])) for i in earlier}


def test_fourteenth_split_references_differ_from_what_was_said(request):
    test14 = load_lines(request.config.rootpath / "tests" / "data" / "fluent" / "test14.txt")
    for item in test14:
        if item["error"]:
            assert item["refs"]
            assert all(ref != item["said"] for ref in item["refs"]), item["said"]
            assert len(set(item["refs"])) == len(item["refs"]), item["said"]
        else:
            assert "||" not in item["said"]
            assert all(ref == item["said"] for ref in item["refs"])
