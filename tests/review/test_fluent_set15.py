"""The fifteenth evaluation split (tests/data/fluent/test15.txt), learner lines
written blind on 2026-12-07 for the review's held-out check: its size, and that
its lines are its own (fast tier, no model)."""

from __future__ import annotations

from app.devtools.eval_fluent import load_lines


def _words(text):
    return "".join(c if c.isalnum() or c == "'" else " " for c in text.lower()).split()


def test_fifteenth_split_has_its_counts_and_lines_of_its_own(request):
    root = request.config.rootpath / "tests" / "data" / "fluent"
    test15 = load_lines(root / "test15.txt")
    assert sum(i["error"] for i in test15) == 150
    assert sum(not i["error"] for i in test15) == 60
    said15 = [i["said"].lower() for i in test15]
    assert len(said15) == len(set(said15))
    others = sorted(p for p in root.glob("*.txt") if p.name != "test15.txt")
    assert len(others) >= 15
    earlier = [i for p in others for i in load_lines(p)]
    assert not set(said15) & {i["said"].lower() for i in earlier}
    # Not the same words as another split's line either, punctuation and case aside.
    assert not {tuple(_words(s)) for s in said15} & {tuple(_words(i["said"])) for i in earlier}


def test_fifteenth_split_references_differ_from_what_was_said(request):
    test15 = load_lines(request.config.rootpath / "tests" / "data" / "fluent" / "test15.txt")
    for item in test15:
        if item["error"]:
            assert item["refs"]
            assert all(ref != item["said"] for ref in item["refs"]), item["said"]
            assert len(set(item["refs"])) == len(item["refs"]), item["said"]
        else:
            assert "||" not in item["said"]
            assert all(ref == item["said"] for ref in item["refs"])


def _word_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def test_fifteenth_split_lines_are_not_an_earlier_line_with_a_word_or_two_changed(request):
    root = request.config.rootpath / "tests" / "data" / "fluent"
    said15 = [_words(i["said"]) for i in load_lines(root / "test15.txt")]
    earlier = [
        _words(i["said"])
        for p in sorted(root.glob("*.txt"))
        if p.name != "test15.txt"
        for i in load_lines(p)
    ]
    for new in said15:
        for old in earlier:
            # Two edits change at most four words of the vocabulary: skip the rest quickly.
            if abs(len(new) - len(old)) <= 2 and len(set(new) ^ set(old)) <= 4:
                assert _word_distance(new, old) > 2, (" ".join(new), " ".join(old))
