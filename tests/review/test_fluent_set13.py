"""The thirteenth evaluation split (tests/data/fluent/test13.txt), spoken news
written blind on 2026-12-07 for the recasts' held-out check: its size, and that
its lines are its own (fast tier, no model)."""

from __future__ import annotations

from app.devtools.eval_fluent import load_lines


def test_thirteenth_split_has_enough_lines_of_its_own(request):
    root = request.config.rootpath / "tests" / "data" / "fluent"
    test13 = load_lines(root / "test13.txt")
    assert sum(i["error"] for i in test13) >= 200 and sum(not i["error"] for i in test13) >= 40
    said13 = [i["said"].lower() for i in test13]
    assert len(said13) == len(set(said13))
    # Every other split present, but not test12.txt, which was written at the same time.
    others = sorted(p for p in root.glob("*.txt") if p.name not in {"test13.txt", "test12.txt"})
    assert len(others) >= 12
    earlier = {i["said"].lower() for p in others for i in load_lines(p)}
    assert not set(said13) & earlier
    assert all(ref != i["said"] for i in test13 if i["error"] for ref in i["refs"])
